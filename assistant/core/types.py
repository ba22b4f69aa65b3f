"""Plain data that crosses module boundaries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DOC_TYPES = (
    "agenda",
    "nota",
    "verslag",
    "kamerbrief",
    "notitie",
    "rondetafelverslag",
    "statement",
    "bijlage",
    "document",
)


@dataclass(frozen=True)
class Line:
    """One extracted line of text and the page (1-based) it stands on."""

    page: int
    text: str


@dataclass(frozen=True)
class DocMeta:
    """What a user knows a sub-document by."""

    doc_id: str
    doc_type: str
    title: str
    source_file: str
    first_page: int
    last_page: int
    meeting: str | None = None
    meeting_date: dt.date | None = None
    document_date: dt.date | None = None
    kenmerk: str | None = None

    @property
    def date(self) -> dt.date | None:
        """The day the document is about: the meeting's date, else its own date."""
        return self.meeting_date or self.document_date

    @property
    def pages(self) -> list[int]:
        """Every page number the sub-document covers."""
        return list(range(self.first_page, self.last_page + 1))

    def label(self) -> str:
        """A short Dutch description, e.g. 'het verslag van het BO Rijk-VNG van 6 november 2019'."""
        from assistant.core.dates import format_nl

        article = "het" if self.doc_type in ("verslag", "rondetafelverslag", "statement", "document") else "de"
        noun = "Kamerbrief" if self.doc_type == "kamerbrief" else self.doc_type
        text = f"{article} {noun}" if self.doc_type != "document" else f"het document '{self.title}'"
        if self.meeting:
            text += f" van het {self.meeting}"
        if self.date:
            text += f" van {format_nl(self.date)}"
        return text


@dataclass(frozen=True)
class Filter:
    """What a user limited the search to; empty fields mean everything. Dates apply to `DocMeta.date`.

    The one filter type: the Chroma module and the catalog each translate it to their own syntax."""

    doc_types: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    source_files: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def __bool__(self) -> bool:
        return bool(self.doc_types or self.meetings or self.source_files or self.date_from or self.date_to)

    def matches(self, meta: DocMeta) -> bool:
        """The filter applied to a document's metadata."""
        day = meta.date
        return (
            (not self.doc_types or meta.doc_type in self.doc_types)
            and (not self.meetings or (meta.meeting or "") in self.meetings)
            and (not self.source_files or meta.source_file in self.source_files)
            and (self.date_from is None or (day is not None and day >= self.date_from))
            and (self.date_to is None or (day is not None and day <= self.date_to))
        )


@dataclass(frozen=True)
class Document:
    """A sub-document with its cleaned text; `page_starts` maps text offsets to pages."""

    meta: DocMeta
    text: str
    page_starts: tuple[tuple[int, int], ...]  # (offset, page), ascending offsets

    def pages_of(self, start: int, end: int) -> list[int]:
        """The pages the text range [start, end) lies on."""
        pages = [page for offset, page in self.page_starts if start <= offset < end]
        before = [page for offset, page in self.page_starts if offset <= start]
        first = before[-1] if before else self.meta.first_page
        return sorted({first, *pages})


@dataclass(frozen=True)
class Chunk:
    """A piece of a sub-document, sized for the embedder."""

    chunk_id: str
    doc_id: str
    ordinal: int
    text: str
    section: str
    pages: tuple[int, ...]
    context: str  # short line prefixed to the embedded text

    @property
    def embed_text(self) -> str:
        """The text that is embedded: context line plus chunk text."""
        return f"{self.context}\n{self.text}"


def page_span(pages: tuple[int, ...] | list[int]) -> str:
    """'25', '25-26' for ascending page numbers; '?' when none are known."""
    if not pages:
        return "?"
    return str(pages[0]) if pages[0] == pages[-1] else f"{pages[0]}-{pages[-1]}"


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its document metadata and retrieval score."""

    chunk_id: str
    meta: DocMeta
    text: str
    section: str
    pages: tuple[int, ...]
    score: float = 0.0


@dataclass(frozen=True)
class Citation:
    """A numbered reference from an answer to one retrieved passage."""

    n: int
    passage: Passage
    quote: str


@dataclass(frozen=True)
class Answer:
    """What the assistant says, what it cites and what it looked at."""

    question: str
    text: str
    refused: bool
    citations: tuple[Citation, ...]
    passages: tuple[Passage, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
    standalone_question: str | None = None
    evidence: float = 0.0  # P(answerable) from the answerability model (0..1); 0 when the meeting does not exist
    features: dict[str, float] = field(default_factory=dict)  # the answerability features (assistant.answer.evidence)
    implied: tuple[str, ...] = ()  # what the question was read to be about: meetings, days, years, document types
    ignored: tuple[str, ...] = ()  # of those, what the user set aside
