"""pypdf extraction against the reference text the PDFs were rendered from."""

import difflib
import re

import pytest

from ingest.readers import read_lines
from ingest.split import split_documents
from tests.conftest import REFERENCE, SAMPLE


def words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>|[*#|`]|\$\\pm\s*|\$", " ", text)
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("pdf", sorted(SAMPLE.glob("*.pdf")), ids=lambda p: p.name[:3])
def test_extracted_text_matches_reference(pdf):
    extracted = words("\n".join(line.text for line in read_lines(pdf)))
    reference = words((REFERENCE / f"{pdf.stem}.txt").read_text(encoding="utf-8"))
    assert difflib.SequenceMatcher(None, extracted, reference).quick_ratio() > 0.98  # same words
    ratio = difflib.SequenceMatcher(None, extracted[:4000], reference[:4000], autojunk=False).ratio()
    assert ratio > 0.95, ratio  # in the same order


def test_cleaned_documents_have_no_running_headers():
    pdf = SAMPLE / "001_21f9ad83fa68324c.pdf"
    raw = "\n".join(line.text for line in read_lines(pdf))
    assert raw.count("Directie Jeugd") > 100  # the PDF really has them on every page
    text = "\n".join(d.text for d in split_documents(read_lines(pdf), pdf.name))
    for furniture in ("Directie Jeugd", "Programma Zorg voor de Jeugd Kenmerk", "Kenmerk 1604706", "Postbus 20350",
                      "www.rijksoverheid.nl", "Correspondentie uitsluitend"):  # fmt: skip
        assert furniture not in text, furniture
    assert text.count("10.2.e") > 100  # redaction marks stay recognisable


def test_kamerbrief_page_footers_are_gone():
    pdf = SAMPLE / "003_15f8a2585753077a.pdf"
    text = "\n".join(d.text for d in split_documents(read_lines(pdf), pdf.name))
    assert "Pagina 12 van 31" not in text
    assert "Fusietoets jeugdzorg" in text
