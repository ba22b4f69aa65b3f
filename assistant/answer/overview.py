"""Questions about the dossier itself ('Waar gaat dit dossier over?', 'Welke overleggen zijn er geweest?'):
answered from the catalog, one line per overleg with its agenda items, each citing that overleg's agenda.

Retrieval cannot answer these: no passage says what the whole dossier holds. The catalog knows every
sub-document, its meeting and date; the agendas say what each overleg was about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.core.dates import format_nl
from assistant.core.structure import clean_heading, heading_level
from assistant.core.types import Citation, DocMeta, Passage

_ABOUT_DOSSIER = re.compile(
    r"\bwaar gaat (?:dit|het) dossier\b|\bwat (?:zit|staat) er in (?:dit|het) dossier\b|"
    r"\b(?:overzicht|inhoud) van (?:dit|het) dossier\b|"
    r"\bwelke (?:overleggen|vergaderingen|bestuurlijke overleggen|bo'?s) (?:zijn|waren|hebben|zitten|staan)\b",
    re.I,
)
MAX_TOPICS = 4  # agenda items named per overleg
_PREFERENCE = ("agenda", "nota", "verslag")  # what an overleg's line cites: its agenda says what it was about


def asks_about_dossier(question: str) -> bool:
    """True for a question about what the dossier holds rather than about something in it."""
    return bool(_ABOUT_DOSSIER.search(question))


@dataclass(frozen=True)
class Overleg:
    """One meeting of one series on one day, with the sub-documents the dossier holds of it."""

    meeting: str
    day: object
    documents: tuple[DocMeta, ...]

    @property
    def cited(self) -> DocMeta:
        """The document its line cites: the agenda, else the nota, else the verslag."""
        return min(self.documents, key=lambda d: _rank(d.doc_type))


def overleggen(documents: list[DocMeta]) -> list[Overleg]:
    """The meetings in the dossier, in date order."""
    groups: dict[tuple[str, object], list[DocMeta]] = {}
    for d in documents:
        if d.meeting and d.meeting_date:
            groups.setdefault((d.meeting, d.meeting_date), []).append(d)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    return [Overleg(meeting, day, tuple(docs)) for (meeting, day), docs in ordered]


def overview(
    documents: list[DocMeta], first_passages: dict[str, Passage], text_of: Callable[[str], str]
) -> tuple[str, list[Citation]]:
    """The answer: one line per overleg (documents held, whether a verslag is among them, the first agenda
    items) citing its agenda's first passage, then a note with what else the dossier holds."""
    lines, citations = [], []
    for overleg in overleggen(documents):
        passage = first_passages.get(overleg.cited.doc_id)
        if passage is None:
            continue
        n = len(citations) + 1
        kinds = ", ".join(sorted({d.doc_type for d in overleg.documents}, key=_rank))
        missing = "" if any(d.doc_type == "verslag" for d in overleg.documents) else "; geen verslag in het dossier"
        topics = agenda_items(text_of(overleg.cited.doc_id))
        about = f": {'; '.join(topics)}" if topics else ""
        lines.append(f"- {overleg.meeting} van {format_nl(overleg.day)} ({kinds}{missing}){about} [{n}].")
        citations.append(Citation(n, passage, passage.text[:300]))
    if not lines:
        return "", []
    others = sorted({d.doc_type for d in documents if not d.meeting or not d.meeting_date})
    files = len({d.source_file for d in documents})
    note = (f"(In de index: {len(documents)} documenten uit {files} {'bestand' if files == 1 else 'bestanden'}; "
            f"{len(lines)} overleggen"
            + (f"; verder {', '.join(others)}" if others else "") + ".)")  # fmt: skip
    text = "Het dossier bevat de stukken van deze overleggen, in datumvolgorde:\n" + "\n".join(lines) + f"\n\n{note}"
    return text, citations


def agenda_items(text: str) -> list[str]:
    """The first agenda items of a document (its numbered level-1 headings), without the standing items
    (opening, verslag, actualiteiten, rondvraag), annexes and time boxes."""
    items = []
    for line in text.split("\n"):
        if heading_level(line) != 1:
            continue
        item = _ASIDE.sub("", re.sub(r"^\s*\d+[.)]?\s*", "", clean_heading(line)))
        item = _PURPOSE.sub("", item).strip(" :;-")
        if item and not _STANDING.match(item):
            items.append(item)
    return list(dict.fromkeys(items))[:MAX_TOPICS]


_ASIDE = re.compile(r"\s*\([^)]*(?:bijlage|min|±|\d:\d|PM)[^)]*\)", re.I)  # '(bijlage 2)', '(±40 min)'
_PURPOSE = re.compile(r"^(?:ter (?:bespreking|informatie|kennisname|vaststelling|besluitvorming))\s*:\s*", re.I)
_STANDING = re.compile(
    r"(?i)(?:opening|mededeling|rondvraag|sluiting|vaststell|concept ?verslag|verslag|w\.?v?\.?t\.?t?\.?k\b|"
    r"actualiteiten|aanleiding|deelnemers|te bespreken|\()"
)


def _rank(doc_type: str) -> int:
    return _PREFERENCE.index(doc_type) if doc_type in _PREFERENCE else len(_PREFERENCE)
