"""Onderwerpen: agendapunten that recur across meetings, under slightly different titles, as one subject.

'Gezamenlijke norm voor goed opdrachtgeverschap (NvO)', 'NvO en ontwikkelingen bij gemeenten' and 'Norm voor
Opdrachtgeverschap' are one subject: their words, with abbreviations and long forms counted as the same, overlap.
A subject is offered when its agendapunten stand in the documents of at least two overleggen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.answer.overview import agenda_items
from assistant.core.glossary import expand
from assistant.core.structure import clean_heading, heading_level
from assistant.core.text import tokenize
from assistant.core.types import DocMeta

# words that say how an item is handled, not what it is about
_GENERIC = set(
    tokenize(
        "ter bespreking informatie kennisname vaststelling besluitvorming update stand zaken stavaza proces "
        "bijlage bijlagen terugblik ontwikkelingen vervolg nadere uitwerking gezamenlijke ad mbt over en van de het "
        "jeugd zorg"
    )
)
MIN_OVERLAP = 0.5  # share of the smaller title's words two titles must share to be one subject


@dataclass(frozen=True)
class Onderwerp:
    """A subject that recurs: its shortest title and each meeting's agendapunt about it, in date order."""

    title: str
    items: tuple[tuple[str, object, str], ...]  # (meeting, day, agendapunt as written)

    @property
    def meetings(self) -> int:
        """In how many overleggen the subject is on the agenda."""
        return len({(meeting, day) for meeting, day, _ in self.items})


def onderwerpen(documents: list[DocMeta], text_of: Callable[[str], str]) -> list[Onderwerp]:
    """The subjects that are on the agenda of two or more overleggen, most often first."""
    groups: list[tuple[set[str], list[tuple[str, object, str]]]] = []
    for meta in sorted(documents, key=lambda m: (m.date is None, m.date or 0)):
        if not meta.meeting or not meta.date or meta.doc_type not in ("agenda", "nota", "verslag"):
            continue
        for title in _titles(text_of(meta.doc_id)):
            words = set(tokenize(expand(title))) - _GENERIC
            if not words:
                continue
            group = next((g for g in groups if _same(words, g[0])), None)  # against each subject's first title
            if group is None:
                groups.append((words, [(meta.meeting, meta.date, title)]))
            else:
                group[1].append((meta.meeting, meta.date, title))
    found = []
    for _, items in groups:
        unique = tuple(dict.fromkeys(items))
        subject = Onderwerp(min((t for _, _, t in unique), key=len), unique)
        if subject.meetings >= 2:
            found.append(subject)
    return sorted(found, key=lambda s: (-s.meetings, s.title))


def _same(words: set[str], other: set[str]) -> bool:
    """Two titles are one subject when they share most of the shorter one's words (two at least, if it has two)."""
    shared, smaller = len(words & other), min(len(words), len(other))
    return shared >= min(2, smaller) and shared / smaller >= MIN_OVERLAP


def _titles(text: str) -> list[str]:
    """The agendapunten of a document: its level-1 items without standing ones, and its 'Ad ...' sub-items."""
    titles = agenda_items(text, limit=None)
    for line in text.split("\n"):
        if heading_level(line) == 2:
            item = re.sub(r"^(?:Ad\s+)?(?:Afspraak\s+)?\d+(?:\.\d+)*[a-z]?[.):]?\s*", "", clean_heading(line))
            item = re.sub(r"\s*\([^)]*\)", "", item).strip(" :;-")
            if len(item) > 3:
                titles.append(item)
    return list(dict.fromkeys(titles))
