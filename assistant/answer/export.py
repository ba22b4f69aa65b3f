"""Answers as text for a nota: footnotes instead of [n], as Markdown, as rich text (HTML) and as Word.

This is the only module that imports python-docx. Word has footnotes of its own, but python-docx
cannot write them; the Word file numbers its sources as superscripts and lists them, with the
quoted passage, under "Bronnen" at the end (numbered across the whole conversation).
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence

from assistant.core.dates import format_nl
from assistant.core.text import visible
from assistant.core.types import Answer, Citation

_MARK = re.compile(r"\[(\d+)\]")


def source_line(c: Citation) -> str:
    """'Verslag BO Rijk-VNG 6 november 2019 (verslag, 6 november 2019), 001_....pdf, p. 25'."""
    m, pages = c.passage.meta, c.passage.pages
    when = format_nl(m.date) if m.date else "zonder datum"
    span = str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"
    return visible(f"{m.title} ({m.doc_type}, {when}), {m.source_file}, p. {span}")


def nota_markdown(answer: Answer) -> str:
    """The answer with Markdown footnotes ('[^1]') and the sources as footnote definitions."""
    text = _MARK.sub(lambda m: f"[^{m[1]}]", visible(answer.text))
    notes = [f"[^{c.n}]: {source_line(c)}" for c in answer.citations]
    return text + ("\n\n" + "\n".join(notes) if notes else "")


def nota_html(answer: Answer) -> str:
    """The answer as rich text: superscript note numbers and a numbered source list (all text escaped)."""
    body = "".join(
        f"<p>{_MARK.sub(lambda m: f'<sup>{m[1]}</sup>', html.escape(visible(part)))}</p>"
        for part in answer.text.split("\n\n")
    )
    notes = "".join(f"<li>{html.escape(source_line(c))}</li>" for c in answer.citations)
    return f"<html><body>{body}<ol>{notes}</ol></body></html>" if notes else f"<html><body>{body}</body></html>"


def conversation_docx(turns: Sequence[tuple[str, Answer]], title: str = "Vragen aan het dossier jeugdzorg") -> bytes:
    """A Word file of the conversation: each question, its answer with superscript source numbers, and
    the sources with their quotes at the end, numbered across the whole conversation."""
    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    sources: list[Citation] = []
    for question, answer in turns:
        document.add_heading(visible(question), level=2)
        offset = len(sources)
        for part in visible(answer.text).split("\n\n"):
            paragraph = document.add_paragraph()
            for k, piece in enumerate(_MARK.split(part)):
                if k % 2:
                    run = paragraph.add_run(str(int(piece) + offset))
                    run.font.superscript = True
                elif piece:
                    paragraph.add_run(piece)
        sources.extend(answer.citations)
    if sources:
        document.add_heading("Bronnen", level=2)
        for n, c in enumerate(sources, start=1):
            paragraph = document.add_paragraph(f"{n}. {source_line(c)}")
            quote = paragraph.add_run(f"\n“{visible(c.quote)}”")
            quote.italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
