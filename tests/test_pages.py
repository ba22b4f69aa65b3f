"""The cited passage on its PDF page: the quote is found in the text layer and only the quote is marked."""

from __future__ import annotations

import io
import json

import pypdfium2 as pdfium
import pytest
from PIL import Image

from assistant.index.pages import locate, normalise, render
from tests.conftest import ROOT
from tests.pdfgen import text_pdf, write

PAGE_ONE = (
    "Verslag BO Rijk-VNG\n1 Faire tarieven\nDhr. Meijer stelt namens de VNG een handreiking over faire\n"
    "tarieven voor. De minister vindt dat een goed idee.\nMevr. Rabarison wijst op het tekort bij de gemeen-\n"
    "ten en vraagt om structurele middelen voor de"
)  # fmt: skip
PAGE_TWO = "Directie Jeugd\njeugdzorg in 2020 en verder.\n2 Rondvraag\nEr zijn geen vragen."


def boxed_text(path, page: int, box) -> str:
    """What the text layer holds inside a box, independently of the matcher."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[page - 1].get_textpage().get_text_bounded(*box)
    finally:
        pdf.close()


def test_the_marks_lie_on_the_quoted_text_and_nowhere_else(tmp_path):
    path = write(tmp_path / "verslag.pdf", text_pdf([PAGE_ONE, PAGE_TWO]))
    quote = "Dhr. Meijer stelt namens de VNG een handreiking over faire tarieven voor."
    (marks,) = locate(path, [1], quote)
    assert marks.page == 1 and len(marks.boxes) == 2  # the quote runs over two lines
    inside = normalise("".join(boxed_text(path, 1, box) for box in marks.boxes))
    assert inside == normalise(quote)


def test_a_quote_over_a_page_break_and_a_running_header_is_marked_on_both_pages(tmp_path):
    path = write(tmp_path / "verslag.pdf", text_pdf([PAGE_ONE, PAGE_TWO]))
    quote = (
        "Mevr. Rabarison wijst op het tekort bij de gemeenten en vraagt om structurele middelen voor de "
        "jeugdzorg in 2020 en verder."
    )  # fmt: skip; the index removed 'Directie Jeugd' and the hyphen
    marks = locate(path, [1, 2], quote)
    assert [m.page for m in marks] == [1, 2]
    inside = normalise("".join(boxed_text(path, m.page, box) for m in marks for box in m.boxes))
    assert inside == normalise(quote)
    assert "directiejeugd" not in inside  # the header between the halves is not marked


def test_nothing_is_marked_when_the_page_does_not_hold_the_quote(tmp_path):
    path = write(tmp_path / "verslag.pdf", text_pdf([PAGE_ONE, PAGE_TWO]))
    assert locate(path, [1, 2], "De minister is afgetreden wegens de wachtlijsten in de jeugdzorg.") == []
    assert locate(path, [2], "Dhr. Meijer stelt namens de VNG een handreiking over faire tarieven voor.") == []
    assert locate(path, [9], "Er zijn geen vragen.") == []  # a page the file does not have
    text = write(tmp_path / "nota.txt", PAGE_ONE.encode())
    assert locate(text, [1], "Dhr. Meijer stelt namens de VNG een handreiking") == []


def test_the_rendered_page_is_marked_where_the_quote_stands(tmp_path):
    path = write(tmp_path / "verslag.pdf", text_pdf([PAGE_ONE, PAGE_TWO]))
    (marks,) = locate(path, [1], "De minister vindt dat een goed idee.")
    image = Image.open(io.BytesIO(render(path, marks, scale=2.0))).convert("RGB")
    assert image.size == (round(marks.size[0] * 2), round(marks.size[1] * 2))
    left, bottom, right, top = marks.boxes[0]
    inside = image.getpixel((int((left + right)), int((marks.size[1] - (bottom + top) / 2) * 2)))
    outside = image.getpixel((int(right * 2) + 40, int((marks.size[1] - top) * 2) + 200))
    assert inside != (255, 255, 255) and inside[2] < inside[0]  # yellow over the quote
    assert outside == (255, 255, 255)


@pytest.mark.slow
def test_every_citation_of_both_evaluation_sets_is_found_on_its_page(sample_assistant):
    from eval.runner import load_set

    files = sample_assistant.index.files()
    found, missed = 0, []
    for name in ("sample.jsonl", "dev.jsonl"):
        for item in load_set(ROOT / "eval" / "sets" / name):
            answer = sample_assistant.answer(item["question"], history=item.get("history") or ())
            for c in answer.citations:
                path = ROOT / "corpus" / "sample" / c.passage.meta.source_file
                assert files[c.passage.meta.source_file]
                if locate(path, c.passage.pages, c.quote):
                    found += 1
                else:
                    missed.append((item["id"], c.passage.pages, c.quote[:80]))
    share = found / (found + len(missed))
    print(f"\ncitations marked on their page: {found} of {found + len(missed)} ({share:.1%})")
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "highlight-coverage.json").write_text(json.dumps(
        {"found": found, "total": found + len(missed), "missed": missed}, ensure_ascii=False, indent=1))  # fmt: skip
    assert share >= 0.98, missed[:5]


def test_a_running_header_inside_the_quote_is_left_unmarked_letter_for_letter(tmp_path):
    said = "Dhr. Meijer geeft nogmaals aan dit niet verstandig te vinden."
    page = f"Het geld betekent veel.\nDirectoraat Generaal\nDirectie Jeugd\n{said}\nDhr. Stuurman zegt niets."
    path = write(tmp_path / "verslag.pdf", text_pdf([page]))
    quote = f"Het geld betekent veel. {said}"
    (marks,) = locate(path, [1], quote)
    assert normalise("".join(boxed_text(path, 1, box) for box in marks.boxes)) == normalise(quote)
