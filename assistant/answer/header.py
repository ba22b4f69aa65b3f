"""When and where a meeting was held, who stayed away and how long its agenda gave an item, which only the heads of
its agenda, nota and verslag say: 'Vergaderdatum en -tijd 13 februari 2020 15:00-15:30', 'Vergaderplaats VWS, A5.41',
'Afwezig Leon Meijer', '5 Clientervaringsonderzoek (±10 min)'."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer.question import QuestionHints
from assistant.core.dates import format_day, without_dates
from assistant.core.text import holds_term, tokenize
from assistant.core.types import Citation, DocMeta, Passage

_HOUR_ASKED = re.compile(r"\bhoe laat\b|\bhoe lang duurde\b|\b(?:begon|eindigde|startte)\b|\btijdstip\b", re.I)
_VENUE_ASKED = re.compile(
    r"^\s*(?:en\s+)?waar\b[^?]*\b(?:plaats|gehouden)\b|\bin welke (?:ruimte|zaal)\b|\blocatie\b|\bvergaderplaats\b|"
    r"^\s*(?:en\s+)?hoe\s+(?:werd|is)\b[^?]*\bgehouden\b",  # 'Hoe werd het BO gehouden?': 'Online, via Webex'
    re.I,
)
ABSENT_ASKED = re.compile(r"^\s*(?:en\s+)?wie\b[^?]*\bafwezig", re.I)  # who, not why ('Waarom was X afwezig?')
_SLOT_ASKED = re.compile(
    r"\bhoeveel (?:tijd|minuten)\b|\bhoe lang\b[^?]*\bagenda|\bhoe laat\b[^?]*\bagendapunt\b", re.I
)
# 'Afwezig Leon Meijer, Sven de Langen, 10.2.e' at the end of the attendee lines, or the names on the line after it
ABSENT_LINE = re.compile(r"\bAfwezig\b:?[ \t]*(?:\n(?!Kopie aan)[^\n]+|[^\n]+)")
_HOUR = re.compile(r"Vergaderdatum en -?tijd\s[^\n]*?\d{1,2}[.:]\d\d\s*[-–]\s*\d{1,2}[.:]\d\d")
_VENUE = re.compile(r"Vergaderplaats\s[^\n]*?(?=\s+(?:\d+/\d+\s+)?(?:Paraaf|Aanwezig)\b|\s*$)", re.M)
# '5 Clientervaringsonderzoek (±10 min)', '• 3) Perspectief voor de Jeugd – Update ... (±30 minuten, bijlagen 2 t/m 5)',
# '• b) Ontwikkelagenda Jeugdautoriteit (±5 min, bijlage 4)', '4. Perspectief voor de jeugd (bijlage 4-6, ±40 min)',
# '5 Ter bespreking: Proces rondom ... (15:35-15:55)'
_SLOT = re.compile(
    r"^[\s•-]*(?:\d{1,2}[.)]?|[a-z]\))\s+(?P<item>[^\n]+?)\s*"
    r"\((?:[^()\n]*,\s*)?(?:±\s*\d+\s*min(?:uten)?\b[^)\n]*|\d{1,2}[:.]\d\d\s*[-–]\s*\d{1,2}[:.]\d\d)\)",
    re.M,
)
# what a question about the head says besides the meeting, its day and the document: 'Hoe laat begon het BO Rijk-VNG
# van 24 juni 2020?' asks nothing else, nor does '..., en waar vond dat van 30 januari plaats?'; 'Wanneer begon de
# pilot die in het BO van ... werd besproken?' does
_ABOUT_HEAD = set(
    """hoe laat lang duurde begon begint eindigde startte tijdstip waar vond vindt plaats gehouden in welke ruimte zaal
    locatie op het de van volgens was werd wanneer om tot en vergaderplaats er wie waren afwezig bij dat die""".split()
)
_ARTICLE = {"agenda": "de agenda", "nota": "de nota", "verslag": "het verslag"}


def meeting_head(
    question: str, hints: QuestionHints, documents: Sequence[DocMeta], text_of: Callable[[str], str],
    passage_of: Callable[[str, str], Passage | None],
) -> tuple[str, list[Citation]] | None:  # fmt: skip
    """The asked line of the head of each agenda, nota and verslag of the meeting the question names by day (and
    series, when it names one), one cited line each: 'Hoe laat begon het BO Rijk-VNG van 24 juni 2020?' is answered
    by 'Vergaderdatum en -tijd 24 juni 2020 14:30-15:30'. For 'Hoeveel tijd had het clientervaringsonderzoek?', the
    agenda item whose heading shares the most words with the question. None when the question asks something else
    or names no day, or no document of that day holds the line."""
    lines_of = _lines_asked(question, hints) if len(hints.days) == 1 else None
    if lines_of is None:
        return None
    day = hints.days[0]
    held = [d for d in documents if d.meeting_date == day and d.doc_type in _ARTICLE]
    named = [m for m in hints.meetings if any(d.meeting == m for d in held)]
    if named:  # 'BO Rijk-VNG-BGZJ' names the BGZJ series, not the 'BO Rijk-VNG' its name begins with
        held = [d for d in held if d.meeting == max(named, key=len)]
    if hints.doc_types:
        held = [d for d in held if d.doc_type in hints.doc_types]
    lines, citations = [], []
    for doc in sorted(held, key=lambda d: (d.meeting or "", list(_ARTICLE).index(d.doc_type))):
        for quote in lines_of(text_of(doc.doc_id)):
            passage = passage_of(doc.doc_id, quote)
            if passage is None:
                continue
            citations.append(Citation(n=len(citations) + 1, passage=passage, quote=quote))
            lines.append(f"- {doc.meeting or doc.title}, {_ARTICLE[doc.doc_type]}: “{quote}” [{len(citations)}]")
    if not citations:
        return None
    return f"Volgens de stukken van {format_day(day)}:\n\n" + "\n".join(lines), citations


def _lines_asked(question: str, hints: QuestionHints) -> Callable[[str], list[str]] | None:
    """What finds, in a document's text, the lines that answer a question about its head; None when the question
    asks something else. Decided once per question, applied to each document of the day."""
    if _SLOT_ASKED.search(question):
        if not (hints.meetings or "agenda" in hints.doc_types):
            return None  # 'Hoeveel tijd hebben gemeenten na het overleg van ...' asks no agenda item's time
        # the organisations stay ('de regiobeelden van het OZJ'), the meeting's name and day go
        said = " ".join((*hints.meetings, *_ABOUT_HEAD, "hoeveel tijd minuten agenda agendapunt"))
        asked = set(tokenize(without_dates(question))) - set(tokenize(said))
        return lambda text: _slot_lines(text, asked)
    if {w.lower() for w in re.findall(r"\w+", hints.topic)} - _ABOUT_HEAD:
        return None  # the question is about something else the meeting did
    found = [line for asks, line in ((_HOUR_ASKED, _HOUR), (_VENUE_ASKED, _VENUE), (ABSENT_ASKED, ABSENT_LINE))
             if asks.search(question)]  # fmt: skip
    if not found:
        return None
    return lambda text: [" ".join(first.group(0).split()) for line in found if (first := line.search(text))]


def _slot_lines(text: str, asked: set[str]) -> list[str]:
    """The agenda items of a text sharing the most of the `asked` words: 'Perspectief voor de Jeugd', not 'Zorg voor
    de Jeugd'."""
    shared = [
        (sum(holds_term(set(tokenize(m.group("item"))), term) for term in asked), m.group(0).strip(" •-"))
        for m in _SLOT.finditer(text)
    ]
    most = max((n for n, _ in shared), default=0)
    return [" ".join(line.split()) for n, line in shared if n and n == most]
