"""Questions about the dossier itself ('Waar gaat dit dossier over?', 'Welke overleggen zijn er geweest?'):
answered from the catalog, one line per overleg with its agenda items, each citing that overleg's agenda.

Retrieval cannot answer these: no passage says what the whole dossier holds. The catalog knows every
sub-document, its meeting and date; the agendas say what each overleg was about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.core.dates import MONTH_NAMES, format_nl
from assistant.core.sentences import split_sentences
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

    @property
    def has_verslag(self) -> bool:
        """Whether the dossier holds the verslag of this meeting."""
        return any(d.doc_type in ("verslag", "rondetafelverslag") for d in self.documents)


@dataclass(frozen=True)
class Cancellation:
    """A later document saying that a meeting did not take place, with the sentence that says so."""

    source: DocMeta
    sentence: str
    explicit: bool = True  # 'geannuleerd' said outright; False: implied by when the last one took place


_CANCELLED = re.compile(r"\b(?:geannuleerd|afgelast|ging niet door|gaat niet door|kwam te vervallen)\b", re.I)
_SERIES = (
    (re.compile(r"\bBO\s+(?:ZvdJ|Zorg voor de Jeugd)\b", re.I), "BO Zorg voor de Jeugd"),
    (re.compile(r"\bBO\s+Rijk-VNG-BGZJ\b", re.I), "BO Rijk-VNG-BGZJ"),
    (re.compile(r"\bBO\s+Rijk-VNG\b(?!-)", re.I), "BO Rijk-VNG"),
)
_MONTH_NAMED = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b", re.I)
_PREVIOUS = re.compile(r"\b(?:vorige|laatste|voorgaande)\b", re.I)
# "Het laatste BO Zorg voor de Jeugd vond in april 2019 (!)", "(laatste keer was op 10 april (!))"
_LAST_HELD = re.compile(
    r"\blaatste\b[^.;]{0,60}?\b(?:vond|was)\b[^.;]{0,20}?\b(?:in|op)\s+(?:\d{1,2}\s+)?("
    + "|".join(MONTH_NAMES)
    + r")\b(?:\s+(\d{4}))?",
    re.I,
)


def cancellations(meetings: list[Overleg], documents: list[DocMeta], text_of: Callable[[str], str]
                  ) -> dict[tuple[str, object], Cancellation]:  # fmt: skip
    """Meetings without a verslag that a later document of the dossier says were cancelled ('Het bestuurlijk
    overleg eind november werd ... geannuleerd', 'het vorige BO ZvdJ werd geannuleerd'). Only a sentence
    that names the series or speaks of its own, and names the month or says 'vorige', counts: never a guess."""
    found: dict[tuple[str, object], Cancellation] = {}
    for doc in documents:
        if not doc.meeting or not doc.date or doc.doc_type not in ("nota", "agenda", "verslag"):
            continue
        text = text_of(doc.doc_id)
        if not (_CANCELLED.search(text) or _LAST_HELD.search(text)):
            continue
        for sentence in (s for line in text.splitlines() for s in split_sentences(line.strip())):
            for meeting in _not_held_since(sentence, doc, meetings):
                found.setdefault((meeting.meeting, meeting.day), Cancellation(doc, sentence, explicit=False))
            if not _CANCELLED.search(sentence):
                continue
            series = next((name for pattern, name in _SERIES if pattern.search(sentence)), doc.meeting)
            earlier = [m for m in meetings if m.meeting == series and m.day < doc.date]
            month = _MONTH_NAMED.search(sentence)
            if month:
                number = MONTH_NAMES.index(month[1].lower()) + 1
                in_month = [m for m in earlier if m.day.month == number]
                chosen = [max(in_month, key=lambda m: m.day)] if in_month else []
            elif _PREVIOUS.search(sentence) and earlier:
                chosen = [max(earlier, key=lambda m: m.day)]
            else:
                chosen = []
            for meeting in chosen:
                if not meeting.has_verslag:
                    found.setdefault((meeting.meeting, meeting.day), Cancellation(doc, sentence))
    return found


def _not_held_since(sentence: str, doc: DocMeta, meetings: list[Overleg]) -> list[Overleg]:
    """The meetings of the series without a verslag between the last one held (as the sentence says) and `doc`."""
    m = _LAST_HELD.search(sentence)
    if not m:
        return []
    series = next((name for pattern, name in _SERIES if pattern.search(sentence)), doc.meeting)
    month = MONTH_NAMES.index(m[1].lower()) + 1
    year = int(m[2]) if m[2] else doc.date.year - (month >= doc.date.month)
    held = dt.date(year, month, 1)
    return [x for x in meetings if x.meeting == series and held < x.day < doc.date and not x.has_verslag
            and (x.day.year, x.day.month) != (year, month)]  # fmt: skip


def status(meeting: Overleg, cancelled: Cancellation | None) -> str:
    """'verslag', 'geannuleerd', 'niet doorgegaan', or which documents the dossier holds of a meeting."""
    if meeting.has_verslag:
        return "verslag"
    if cancelled is not None:
        return "geannuleerd" if cancelled.explicit else "niet doorgegaan"
    kinds = sorted({d.doc_type for d in meeting.documents}, key=_rank)
    return "alleen " + " en ".join(kinds)


def overleggen(documents: list[DocMeta]) -> list[Overleg]:
    """The meetings in the dossier, in date order."""
    groups: dict[tuple[str, object], list[DocMeta]] = {}
    for d in documents:
        if d.meeting and d.meeting_date:
            groups.setdefault((d.meeting, d.meeting_date), []).append(d)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    return [Overleg(meeting, day, tuple(docs)) for (meeting, day), docs in ordered]


def overview(
    documents: list[DocMeta], first_passages: dict[str, Passage], text_of: Callable[[str], str],
    passage_of: Callable[[str, str], Passage | None] = lambda doc_id, text: None,
) -> tuple[str, list[Citation]]:  # fmt: skip
    """The answer: one line per overleg (documents held, whether a verslag is among them or a later document
    says it did not take place, the first agenda items) citing its agenda's first passage (and the sentence
    about its cancellation), then a note with what else the dossier holds."""
    lines, citations = [], []
    meetings = overleggen(documents)
    cancelled = cancellations(meetings, documents, text_of)
    for overleg in meetings:
        passage = first_passages.get(overleg.cited.doc_id)
        if passage is None:
            continue
        citations.append(Citation(len(citations) + 1, passage, passage.text[:300]))
        n = len(citations)
        kinds = ", ".join(sorted({d.doc_type for d in overleg.documents}, key=_rank))
        missing = "" if overleg.has_verslag else "; geen verslag in het dossier"
        why = cancelled.get((overleg.meeting, overleg.day))
        said = passage_of(why.source.doc_id, why.sentence) if why else None
        if why and said:
            citations.append(Citation(len(citations) + 1, said, why.sentence))
            verb = "geannuleerd" if why.explicit else "niet doorgegaan"
            missing = f"; {verb} volgens {why.source.label()} [{len(citations)}]"
        topics = agenda_items(text_of(overleg.cited.doc_id))
        about = f": {'; '.join(topics)}" if topics else ""
        lines.append(f"- {overleg.meeting} van {format_nl(overleg.day)} ({kinds}{missing}){about} [{n}].")
    if not lines:
        return "", []
    others = sorted({d.doc_type for d in documents if not d.meeting or not d.meeting_date})
    files = len({d.source_file for d in documents})
    note = (f"(In de index: {len(documents)} documenten uit {files} {'bestand' if files == 1 else 'bestanden'}; "
            f"{len(lines)} overleggen"
            + (f"; verder {', '.join(others)}" if others else "") + ".)")  # fmt: skip
    text = "Het dossier bevat de stukken van deze overleggen, in datumvolgorde:\n" + "\n".join(lines) + f"\n\n{note}"
    return text, citations


def agenda_items(text: str, limit: int | None = MAX_TOPICS) -> list[str]:
    """The first agenda items of a document (its numbered level-1 headings), without the standing items
    (opening, verslag, actualiteiten, rondvraag), annexes and time boxes; `limit` None: all of them."""
    items = []
    for line in text.split("\n"):
        if heading_level(line) != 1:
            continue
        item = _ASIDE.sub("", re.sub(r"^\s*\d+[.)]?\s*", "", clean_heading(line)))
        item = _PURPOSE.sub("", item).strip(" :;-")
        if item and not _STANDING.match(item):
            items.append(item)
    return list(dict.fromkeys(items))[:limit]


_ASIDE = re.compile(r"\s*\([^)]*(?:bijlage|min|±|\d:\d|PM)[^)]*\)", re.I)  # '(bijlage 2)', '(±40 min)'
_PURPOSE = re.compile(r"^(?:ter (?:bespreking|informatie|kennisname|vaststelling|besluitvorming))\s*:\s*", re.I)
_STANDING = re.compile(
    r"(?i)(?:opening|mededeling|rondvraag|sluiting|vaststell|concept ?verslag|verslag|w\.?v?\.?t\.?t?\.?k\b|"
    r"actualiteiten|aanleiding|deelnemers|te bespreken|\()"
)


def _rank(doc_type: str) -> int:
    return _PREFERENCE.index(doc_type) if doc_type in _PREFERENCE else len(_PREFERENCE)
