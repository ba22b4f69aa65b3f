"""Cleaning extracted lines: page furniture, letterheads, broken bullets, markup, hyphenation."""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.core.types import Line

BULLET = "•"
_BROKEN_BULLETS = str.maketrans({"\uf0b7": BULLET, "\uf0a7": BULLET, "\uf02d": "-", "\uf0d8": BULLET})
_MARKUP = [
    (re.compile(r"</?(?:sup|sub|u|i|b|em|strong|span)[^>]*>", re.I), ""),
    (re.compile(r"\$\s*\\pm\s*([\d.,]+)\s*\$"), r"±\1"),
    (re.compile(r"\$([^$\n]{1,30})\$"), r"\1"),
    (re.compile(r"\*\*"), ""),
    (re.compile(r"\ufffd"), " "),
    (re.compile(r"[\u00a0\u2007\u202f\t]"), " "),
    # footnote numbers glued to a word or a full stop: "Jeugdwet5", "ontwikkeld.26", "(IVRK).1"
    (re.compile(r"(?<=[a-zà-ÿ]{4})\d{1,2}(?=[\s,.;:)]|$)"), ""),
    (re.compile(r"(?<=[a-zà-ÿ)]\.)\d{1,2}\.?(?=\s|$)"), ""),
    (re.compile(r"(?<=[a-zà-ÿ]\))\d{1,2}(?=[\s.,;]|$)"), ""),
]

# Lines of the ministry letterhead and running page header/footer blocks.
_STRONG = re.compile(
    r"""^(?:Directoraat[- ]?Generaal(?:\s.*)?|Directie\s+Jeugd|Programma\s+Zorg\s+voor\s+de(?:\s+Jeugd)?
    |(?:Ons\s+|Uw\s+)?[Kk]enmerk|Datum(?:\s+document)?|Bezoekadres:?|Postadres:?|Parnassusplein\s+\d+
    |\d{4}\s?[A-Z]{2}\s+Den\s+Haag|[TF]\s+0\d{2}[\d\s-]+|Postbus\s+\d+|www\.rijksoverheid\.nl
    |Inlichtingen\s+bij|Aantal\s+pagina'?s|Correspondentie\s+uitsluitend.*|richten\s+aan\s+het\s+retouradres
    |met\s+vermelding\s+van\s+de\s+datum|en\s+het\s+kenmerk\s+van\s+deze|Bijlage\(n\)(?::\s*\d+)?
    |Ontworpen\s+door|Ministerie\s+van\s+Volksgezondheid,?|Minister\s+VWS)$""",
    re.X,
)
_WEAK = re.compile(r"^(?:Jeugd|Langdurige\s+Zorg|Welzijn\s+en\s+Sport|brief\.)$")
_LABEL_VALUES = {
    "datum": (re.compile(r"^\d{1,2}\s+\w+\s+\d{4}$"), 1),
    "kenmerk": (re.compile(r"^\d[\d-]*-[A-Za-z0-9]+$"), 1),
    "aantal": (re.compile(r"^\d{1,3}$"), 1),
    "bijlage": (re.compile(r"^\d{1,3}(?:,.{0,30})?$"), 1),
    "inlichtingen": (re.compile(r"^(?:10\.2\.e|[MT]\s*[+\d(].*|\S*\s?@\S+)$"), 4),
    "ontworpen": (re.compile(r"^(?:10\.2\.e|[MT]\s*[+\d(].*|\S*\s?@\S+)$"), 4),
}
_PAGE_NUMBER = re.compile(r"^(?:Pagina\s+\d+\s+van\s+\d+|-?\s*\d{1,3}\s*-?|\d{1,3}\s*/\s*\d{1,3})$")


_FOOTNOTE_START = re.compile(r"^(\d{1,2}) \S")


def lift_footnotes(lines: list[Line]) -> list[Line]:
    """Footnote blocks that pypdf puts mid-sentence, moved to the end so sentences join up again.

    A block follows a blank line, opens with the next footnote number in sequence whose marker is
    glued to a word shortly before ("Jeugdwet5", "(IVRK).1"), and ends where the running text
    resumes: pypdf indents that line by one space.
    """
    body: list[Line] = []
    notes: list[Line] = []
    expected = 1
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FOOTNOTE_START.match(line.text)
        if m and int(m[1]) == expected and i > 0 and not lines[i - 1].text.strip() and _marked(body, line):
            while i < len(lines) and lines[i].text.strip() and not lines[i].text.startswith(" "):
                m = _FOOTNOTE_START.match(lines[i].text)
                if m and int(m[1]) == expected:
                    notes.append(Line(lines[i].page, f"Voetnoot {lines[i].text.strip()}"))
                    expected += 1
                else:
                    notes.append(lines[i])
                i += 1
            if body and not body[-1].text.strip():
                body.pop()  # the blank line before the block was not a paragraph break
            continue
        body.append(line)
        i += 1
    return [*body, Line(notes[0].page, ""), *notes] if notes else body


def _marked(body: list[Line], footnote: Line) -> bool:
    """The footnote's number is glued to a word shortly before it."""
    number = footnote.text.split()[0]
    glued = re.compile(rf"(?<=[a-zà-ÿ).]){number}(?=[\s.,;:)]|$)")
    return any(glued.search(line.text) for line in body[-80:])


def normalise_chars(text: str) -> str:
    """Text with broken bullet glyphs repaired and markup leftovers removed."""
    text = text.translate(_BROKEN_BULLETS)
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text


# pypdf sometimes glues two table-of-contents lines: "Conceptverslag van 6 november 20193 Bestuurlijke ..."
_GLUED_ITEM = re.compile(r"^(.*\b(?:19|20)\d{2})(\d{1,2}[.)]?\s+[A-Z].*)$")


def _unglue(line: Line) -> list[Line]:
    m = _GLUED_ITEM.match(line.text)
    return [Line(line.page, m[1]), *_unglue(Line(line.page, m[2]))] if m else [line]


def strip_furniture(lines: Iterable[Line]) -> list[Line]:
    """Lines without running headers, footers, page numbers and letterhead blocks."""
    lines = [part for line in lines for part in _unglue(Line(line.page, normalise_chars(line.text).strip()))]
    keep = [True] * len(lines)
    i = 0
    while i < len(lines):
        text = lines[i].text
        if _PAGE_NUMBER.match(text):
            keep[i] = False
            i += 1
            continue
        if not _STRONG.match(text):
            i += 1
            continue
        end, strong = _letterhead_run(lines, i)
        lone_header = strong == 1 and end - i == 2 and text in ("Datum", "Kenmerk")
        if strong >= 2 or lone_header:
            for j in range(i, end):
                keep[j] = False
        i = max(end, i + 1)
    return [line for line, kept in zip(lines, keep, strict=True) if kept and line.text]


def _letterhead_run(lines: list[Line], start: int) -> tuple[int, int]:
    """End (exclusive) of the letterhead block starting at `start`, and its count of strong lines."""
    strong, expect, budget = 0, None, 0
    i = start
    while i < len(lines):
        text = lines[i].text
        if not text:
            i += 1
            continue
        if _STRONG.match(text):
            strong += 1
            key = text.split()[0].lower().strip("(")
            key = "kenmerk" if "kenmerk" in text.lower() and "vermelding" not in text.lower() else key
            expect, budget = _LABEL_VALUES.get(key.replace("bijlage(n)", "bijlage"), (None, 0))
            if key.startswith("bijlage"):
                expect, budget = _LABEL_VALUES["bijlage"]
        elif _WEAK.match(text):
            expect, budget = None, 0
        elif expect is not None and budget > 0 and expect.match(text):
            budget -= 1
        else:
            break
        i += 1
    return i, strong


_BULLET_START = re.compile(
    r"^(?:[•\-–▪o]\s|[•▪]|\(?[a-z]\)\s|\d{1,2}[.)]\s|\d{1,2}\s+[A-Z]"
    r"|(?:Betreft|Vergaderdatum|Vergaderplaats|Aanwezig|Afwezig|Kopie aan|Deelnemers|Gevraagd|Achtergrond"
    r"|U kunt|Annotatie|Mogelijke inbreng|Uw reactie|Besluit|Toelichting|Datum:|Paraaf|Voetnoot)\b)"
)
_HYPHEN_END = re.compile(r"[A-Za-zÀ-ÿ]-$")
_SENTENCE_END = re.compile(r"[.:;!?)]$")


def join_paragraphs(lines: list[Line], *, heading: re.Pattern[str] | None = None) -> tuple[str, tuple]:
    """Wrapped lines joined into paragraphs: text and (offset, page) pairs where pages start."""
    paragraphs: list[list[Line]] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            if paragraphs and paragraphs[-1]:
                paragraphs.append([])
            continue
        current = paragraphs[-1] if paragraphs else None
        if current and not _starts_new_paragraph(current[-1].text, text, heading):
            current.append(Line(line.page, text))
        else:
            paragraphs.append([Line(line.page, text)])
    out: list[str] = []
    page_starts: list[tuple[int, int]] = []
    offset = 0
    last_page = None
    for para in (p for p in paragraphs if p):
        if out:
            out.append("\n")
            offset += 1
        for k, line in enumerate(para):
            piece = line.text
            if k:
                prev = para[k - 1].text
                if _HYPHEN_END.search(prev) and piece[:1].islower():
                    out[-1] = out[-1][:-1]
                    offset -= 1
                else:
                    out.append(" ")
                    offset += 1
            if line.page != last_page:
                page_starts.append((offset, line.page))
                last_page = line.page
            out.append(piece)
            offset += len(piece)
    return "".join(out), tuple(page_starts)


def _starts_new_paragraph(prev: str, text: str, heading: re.Pattern[str] | None) -> bool:
    if _BULLET_START.match(text) or (heading is not None and heading.match(text)):
        return True
    if heading is not None and heading.match(prev):
        return True
    # a short line that ends a sentence closes its paragraph
    return bool(_SENTENCE_END.search(prev)) and len(prev) < 60
