"""Answers and briefings as text for a nota: Markdown, rich text (HTML) and Word.

This is the only module that imports python-docx. A conversation numbers its sources as superscripts
and lists them, with the quoted passage, under "Bronnen" at the end. A briefing (voorbereiding) has
real Word footnotes: python-docx has no API for them, so the footnotes part is written here.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from xml.sax.saxutils import escape

from assistant.answer.positions import Step
from assistant.core.dates import format_day, format_nl
from assistant.core.minutes import Statement
from assistant.core.text import visible
from assistant.core.types import Answer, Citation, DocMeta, page_span

_MARK = re.compile(r"\[(\d+)\]")


def source_line(c: Citation) -> str:
    """'Verslag BO Rijk-VNG 6 november 2019 (verslag, 6 november 2019), 001_....pdf, p. 25'."""
    return where(c.passage.meta, c.passage.pages)


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


def where(meta: DocMeta, pages: Sequence[int]) -> str:
    """'Verslag BO Rijk-VNG 6 november 2019 (verslag, 6 november 2019), 001_....pdf, p. 25': a document at its pages."""
    return visible(
        f"{meta.title} ({meta.doc_type}, {format_day(meta.date)}), {meta.source_file}, p. {page_span(pages)}"
    )


def quoted(statement: Statement) -> str:
    """The statement in quotes, its speaker named first unless the quote opens with them."""
    surname = statement.speaker.split()[-1]
    quote = f"“{' '.join(statement.quote.split())}”"
    return quote if surname in statement.quote[:40] else f"{statement.speaker}: {quote}"


def _briefing(topic: str, steps: Sequence[Step]) -> list[tuple[str, str, str | None]]:
    """The briefing as (kind, text, footnote) blocks: kind is title, heading, subheading, item or text."""
    blocks: list[tuple[str, str, str | None]] = [("title", f"Voorbereiding: {visible(topic)}", None)]
    if not steps:
        return [*blocks, ("text", "Het dossier bevat geen overleg over dit onderwerp.", None)]
    blocks.append(("text", f"{len(steps)} overleggen, van {format_nl(steps[0].day)} tot {format_nl(steps[-1].day)}. "
                           "Elke uitspraak en afspraak staat letterlijk in het genoemde document.", None))  # fmt: skip
    for step in steps:
        blocks.append(("heading", f"{step.meeting} — {format_nl(step.day)}", None))
        for title, meta in step.agenda_items:
            blocks.append(("text", f"Agendapunt: {visible(title.split(' > ')[-1])}", where(meta, meta.pages[:1])))
        if step.advice:
            blocks.append(("subheading", "Advies in de nota", None))
            blocks.extend(("item", visible(text.lstrip("• ")), where(meta, pages)) for text, meta, pages in step.advice)
        for organisation, said in step.by_organisation().items():
            blocks.append(("subheading", f"Standpunt {organisation}", None))
            blocks.extend(("item", visible(quoted(s.statement)), where(s.meta, s.statement.pages)) for s in said)
        if step.agreements:
            blocks.append(("subheading", "Afspraken en acties", None))
            blocks.extend(
                ("item", visible(f"{a.agreement.kind}: {a.agreement.text}"), where(a.meta, a.agreement.pages))
                for a in step.agreements
            )
    actions = [a for step in steps for a in step.agreements if a.agreement.kind in ("afspraak", "actie")]
    if actions:
        blocks.append(("heading", "Afspraken en acties om na te gaan", None))
        blocks.append(("text", "Of ze zijn uitgevoerd, staat niet in deze documenten.", None))
        blocks.extend(
            ("item", visible(f"{format_nl(a.meta.date) if a.meta.date else ''}: {a.agreement.text}"),
             where(a.meta, a.agreement.pages)) for a in actions
        )  # fmt: skip
    return blocks


def briefing_markdown(topic: str, steps: Sequence[Step]) -> str:
    """The briefing as Markdown, every statement and agreement with a footnote naming document, date and page."""
    lines: list[str] = []
    notes: list[str] = []
    prefix = {"title": "# ", "heading": "\n## ", "subheading": "\n### ", "item": "- ", "text": ""}
    for kind, text, note in _briefing(topic, steps):
        mark = ""
        if note:
            notes.append(note)
            mark = f"[^{len(notes)}]"
        lines.append(f"{prefix[kind]}{text}{mark}")
    return "\n".join(lines) + "\n\n" + "\n".join(f"[^{n}]: {note}" for n, note in enumerate(notes, 1)) + "\n"


def briefing_docx(topic: str, steps: Sequence[Step]) -> bytes:
    """The briefing as a Word file with real footnotes (document, date, page) under each statement and agreement."""
    from docx import Document

    document = Document()
    notes: list[str] = []
    for kind, text, note in _briefing(topic, steps):
        if kind in ("title", "heading", "subheading"):
            paragraph = document.add_heading(text, level={"title": 1, "heading": 2, "subheading": 3}[kind])
        else:
            paragraph = document.add_paragraph(text, style="List Bullet" if kind == "item" else None)
        if note:
            notes.append(note)
            _footnote_reference(paragraph, len(notes))
    _footnotes_part(document, notes)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _footnote_reference(paragraph, number: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    run._r.get_or_add_rPr().append(align)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(number))
    run._r.append(reference)


def _footnotes_part(document, notes: list[str]) -> None:
    """Add word/footnotes.xml holding `notes` (ids 1..n) and relate it to the document."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0">'
        "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(note)}</w:t></w:r></w:p></w:footnote>'
        for n, note in enumerate(notes, start=1)
    )
    declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    xml = f'{declaration}<w:footnotes xmlns:w="{_W}">{separators}{body}</w:footnotes>'
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
