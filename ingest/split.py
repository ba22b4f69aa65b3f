"""Splitting a file's lines into sub-documents (agenda, nota, verslag, ...) with their metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace

from assistant.core.dates import find_dates, parse_date
from assistant.core.structure import HEADING
from assistant.core.types import DocMeta, Document, Line
from ingest.clean import join_paragraphs, lift_footnotes, normalise_chars, strip_furniture

# A bare line naming the document type opens a sub-document in a Woo bundle.
_TYPE_LINE = re.compile(r"^(nota|agenda|verslag|notitie|kamerbrief|memo|statement)$", re.I)
# A numbered heading of a bundled report: "2. Beknopt verslag overleg met ...".
_NUMBERED_PART = re.compile(
    r"^(\d{1,2})\.\s+((?:Statement|(?:Beknopt |Overkoepelend )?[Vv]erslag|Terugkoppeling|Notitie)\b.*)$"
)
_LETTERHEAD_BACK = re.compile(
    r"""^(?:Ministerie\s+van.*|Welzijn\s+en\s+Sport|Minister\s+VWS|Directoraat[- ]?Generaal.*
    |Langdurige\s+Zorg
    |Directie\s+Jeugd|Programma\s+Zorg\s+voor\s+de(?:\s+Jeugd)?|Jeugd|Ontworpen\s+door|Inlichtingen\s+bij
    |10\.2\.e|[MTF]\s*[+\d(].*|\S*\s?@\S+|Datum(?:\s+document)?|\d{1,2}\s+\w+\s+\d{4}|Kenmerk
    |\d[\d-]*-[A-Za-z0-9]+|Bijlage\(n\)(?::\s*\d+)?|\d{1,3}|Bezoekadres:?|Parnassusplein\s+\d+
    |\d{4}\s?[A-Z]{2}\s+Den\s+Haag|Postbus\s+\d+|www\.rijksoverheid\.nl|Aantal\s+pagina'?s
    |Correspondentie\s+uitsluitend|richten\s+aan\s+het\s+retouradres|met\s+vermelding\s+van\s+de\s+datum
    |en\s+het\s+kenmerk\s+van\s+deze|brief\.|)$""",
    re.X,
)
_KENMERK = re.compile(r"\b(\d{6,7}-\d{5,6}-[A-Za-z0-9]{1,3})\b")
_SERIES = (
    (re.compile(r"BGZJ"), "BO Rijk-VNG-BGZJ"),
    (re.compile(r"Zorg\s+voor\s+de\s+Jeugd|ZvdJ", re.I), "BO Zorg voor de Jeugd"),
    (re.compile(r"VNG"), "BO Rijk-VNG"),
)


@dataclass(frozen=True)
class _Part:
    start: int  # index into lines
    heading: int  # index of the line that names the type
    doc_type: str
    title: str | None = None
    toc_entry: str | None = None  # the line that lists this part in a table of contents


def split_documents(lines: list[Line], source_file: str) -> list[Document]:
    """The sub-documents in one file's lines, in order, with cleaned text and metadata."""
    lines = [Line(line.page, normalise_chars(line.text).strip()) for line in lift_footnotes(lines)]
    parts = _bundle_parts(lines) or _numbered_parts(lines)
    if not parts or parts[0].start > 0:
        head = _whole_file_part(lines[: parts[0].start] if parts else lines)
        parts = [head, *parts]
    documents = []
    for k, part in enumerate(parts):
        end = parts[k + 1].start if k + 1 < len(parts) else len(lines)
        doc = _build(lines[part.start : end], part, source_file, k)
        if doc is not None:
            documents.append(doc)
    return documents


def _bundle_parts(lines: list[Line]) -> list[_Part]:
    parts = []
    for i, line in enumerate(lines):
        if _TYPE_LINE.match(line.text) and _looks_like_document_start(lines, i):
            start = i
            while start > 0 and _LETTERHEAD_BACK.match(lines[start - 1].text) and i - start < 40:
                start -= 1
            if parts and start <= parts[-1].heading:
                start = i
            parts.append(_Part(start, i, line.text.lower()))
    return parts


def _looks_like_document_start(lines: list[Line], i: int) -> bool:
    """A type line is followed by 'Betreft', '(ter voorbereiding ...)' or 'Vergaderdatum' soon."""
    after = " ".join(line.text for line in lines[i + 1 : i + 4])
    return bool(re.search(r"Betreft|ter voorbereiding|Vergaderdatum|Aanwezig", after))


def _numbered_parts(lines: list[Line]) -> list[_Part]:
    """Numbered report headings; when a number repeats, the first was a table of contents."""
    last: dict[str, _Part] = {}
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        m = _NUMBERED_PART.match(line.text)
        if m and len(line.text) < 110:
            kind = m[2].split()[0].lower()
            doc_type = "statement" if kind == "statement" else "rondetafelverslag"
            last[m[1]] = _Part(i, i, doc_type, _title_from(lines, i))
            first.setdefault(m[1], i)
    listed = [n for n in last if last[n].start != first[n]]
    if len(listed) < 2:  # no table of contents: numbered items are agendapunten, not documents
        return []
    toc_end = max(first[n] for n in listed)
    while toc_end + 1 in first.values():  # unnumbered-again entries at the end of the table
        toc_end += 1
    toc = {m[1]: line.text for line in lines[: toc_end + 1] if (m := re.match(r"^(\d{1,2})\.\s", line.text))}
    parts = [replace(p, toc_entry=toc.get(n)) for n, p in last.items() if p.start > toc_end]
    return sorted(parts, key=lambda p: p.start)


def _title_from(lines: list[Line], i: int) -> str:
    title = re.sub(r"^\d{1,2}\.\s+", "", lines[i].text)
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    if nxt and nxt[:1].islower() and not nxt.startswith("Datum"):
        title += " " + nxt
    return title.strip()


def _whole_file_part(lines: list[Line]) -> _Part:
    head = " ".join(line.text for line in lines[:60])
    if re.search(r"Geachte\s+voorzitter", head):
        doc_type = "kamerbrief"
    elif re.search(r"\bwerkgroep\b", head, re.I):
        doc_type = "notitie"
    elif re.search(r"\bverslagen\b.*\bRondetafel|\bRonde\s*tafel", head, re.I):
        doc_type = "rondetafelverslag"
    elif re.search(r"\bagenda wordt vastgesteld|\bOpening\b", head):
        doc_type = "verslag"
    else:
        doc_type = "document"
    return _Part(0, 0, doc_type)


STALE_LETTERHEAD_DAYS = 60  # agendas and nota's are dated days before their meeting (sample: at most 16)


def _build(seg: list[Line], part: _Part, source_file: str, k: int) -> Document | None:
    head = "\n".join(line.text for line in seg[: (part.heading - part.start) + 45])
    letterhead = "\n".join(line.text for line in seg[: (part.heading - part.start) + 4])
    skip = part.heading - part.start  # the letterhead before the type line is read, not kept
    if _TYPE_LINE.match(seg[skip].text):
        skip += 1
    body = strip_furniture(seg[skip:])
    text, page_starts = join_paragraphs(body, heading=HEADING)
    if len(text.strip()) < 40:
        return None
    meeting_date = _meeting_date(head)
    betreft = _betreft(head)
    meeting = _meeting_series(betreft or "", head) if part.doc_type in ("agenda", "nota", "verslag") else None
    if meeting is None and re.search(r"\bJ42\b", head):
        meeting = "J42-overleg"
    document_date = _document_date(letterhead, part, text)
    if meeting_date and document_date and (meeting_date - document_date).days > STALE_LETTERHEAD_DAYS:
        document_date = None  # a letterhead copied from an older template ('Datum 23 september 2019' on a 2020 agenda)
    if part.doc_type in ("rondetafelverslag", "statement") and meeting_date is None:
        meeting_date = document_date or (parse_date(part.toc_entry) if part.toc_entry else None)
    meta = DocMeta(
        doc_id=f"{hashlib.sha1(f'{source_file}:{k}'.encode()).hexdigest()[:10]}",
        doc_type=part.doc_type,
        title=_title(part, betreft, body[0].text if body else "", meeting, meeting_date),
        source_file=source_file,
        # the pages of what is kept: the letterhead read before the type line can stand in the previous page's
        # margin; lifted footnotes sit at the end with their own pages
        first_page=min(line.page for line in body),
        last_page=max(line.page for line in body),
        meeting=meeting,
        meeting_date=meeting_date,
        document_date=document_date,
        kenmerk=_kenmerk(head),
    )
    return Document(meta=meta, text=text, page_starts=page_starts)


def _betreft(head: str) -> str | None:
    m = re.search(r"^Betreft\s+(.+?)(?=\s+Vergaderdatum|$)", head, re.M)
    return m[1].strip(" .") if m else None


def _meeting_date(head: str) -> dt.date | None:
    m = re.search(r"Vergaderdatum[^\n]{0,20}?(?:en\s+-?tijd)?\s*(.{0,60})", head)
    return parse_date(m[1]) if m else None


def _document_date(head: str, part: _Part, text: str) -> dt.date | None:
    m = re.search(r"^Datum(?:\s+document)?:?\s*\n?\s*(.{0,40})", head, re.M)
    if m and (day := parse_date(m[1])):
        return day
    if part.title:
        mentions = [d.start for d in find_dates(part.title) if d.day_precise]
        if mentions:
            return mentions[0]
    mentions = [d.start for d in find_dates(text[:600]) if d.day_precise]
    return mentions[0] if mentions and part.doc_type == "kamerbrief" else None


def _kenmerk(head: str) -> str | None:
    m = re.search(r"Kenmerk\s*\n?\s*(\S+)", head) or _KENMERK.search(head)
    if not m:
        return None
    value = m[1]
    return value if _KENMERK.fullmatch(value) or re.fullmatch(r"\d[\d-]*-[A-Za-z0-9]+", value) else None


def _meeting_series(betreft: str, head: str) -> str | None:
    for source in (betreft, head[:800]):
        for pattern, name in _SERIES:
            if pattern.search(source):
                return name
    return None


def _title(part: _Part, betreft: str | None, first: str, meeting: str | None, when: dt.date | None) -> str:
    from assistant.core.dates import format_nl

    if part.title:
        return part.title
    if part.doc_type in ("agenda", "nota", "verslag") and meeting:
        label = {"agenda": "Agenda", "nota": "Nota", "verslag": "Verslag"}[part.doc_type]
        return f"{label} {meeting}" + (f" {format_nl(when)}" if when else "")
    if betreft:
        return f"{part.doc_type.capitalize()}: {betreft}"
    if part.doc_type == "verslag" and meeting:
        return f"Verslag {meeting}"
    return first[:100] if first and not re.match(r"^\d", first) else part.doc_type.capitalize()
