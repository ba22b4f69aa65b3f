"""Reading a Dutch question for dates, document types, meeting series and organisations."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, replace

from assistant.core.dates import find_dates, format_nl, without_dates
from assistant.core.text import tokenize

_DOC_TYPES = (
    (re.compile(r"\bverslag(?:en)?\b|\bnotulen\b", re.I), "verslag"),
    (re.compile(r"\bnota'?s?\b|\bannotatie\b", re.I), "nota"),
    (re.compile(r"(?<!regionale )(?<!lokale )\bagenda'?s?\b", re.I), "agenda"),  # not a region's 'regionale agenda'
    (re.compile(r"\bkamerbrief\b|\bbrief aan de (?:tweede )?kamer\b", re.I), "kamerbrief"),
    (re.compile(r"\bronde ?tafel", re.I), "rondetafelverslag"),
    (re.compile(r"\bstatement\b", re.I), "statement"),
    (re.compile(r"\bwerkgroep(?:notitie)?\b|\bnotitie\b", re.I), "notitie"),
)
_MEETINGS = (
    (re.compile(r"Rijk-VNG-BGZJ|\bBO\b[^.?]{0,30}BGZJ|BGZJ-overleg|VNG[ /,en]+BGZJ", re.I), "BO Rijk-VNG-BGZJ"),
    (re.compile(r"\bBO\s+(?:Zorg voor de Jeugd|ZvdJ)\b|\bBO\s+ZvJ\b", re.I), "BO Zorg voor de Jeugd"),
    (re.compile(r"\bBO\s+Rijk[- ]VNG\b|\bRijk[- ]VNG\b", re.I), "BO Rijk-VNG"),
    (re.compile(r"\bJ42\b", re.I), "J42-overleg"),
)
ORGANISATIONS = {
    "VNG": r"\bVNG\b|gemeenten",
    "JenV": r"\bJenV\b|\bJ&V\b|Justitie|Rechtsbescherming",
    "VWS": r"\bVWS\b|Volksgezondheid",
    "BGZJ": r"\bBGZJ\b|branches",
    "cliëntenorganisaties": r"cli[eë]nt(?:en)?organisatie|Ieder\(in\)|Per Saldo|MIND",
    "OCW": r"\bOCW\b|\bOCenW\b|Onderwijs",
    "Jeugdautoriteit": r"Jeugdautoriteit",
    "OZJ": r"\bOZJ\b|Ondersteuningsteam",
}


@dataclass(frozen=True)
class QuestionHints:
    """What a question says about where its answer lies; used to filter softly and to boost."""

    days: tuple[dt.date, ...] = ()
    months: tuple[tuple[dt.date, dt.date], ...] = ()
    years: tuple[int, ...] = ()
    doc_types: tuple[str, ...] = ()
    meetings: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    asks_what_was_said: bool = False  # "wat zei / bracht ... in": the verslag records that
    asks_decision: bool = False  # "wat besloot / werd afgesproken": so does the verslag (a nota only proposes)
    topic: str = ""  # the question without dates, meeting series, document types and organisations


_ADVISED = re.compile(
    r"\b(?:werd|wordt|is) (?:de minister|hij|zij) (?:\w+ ){0,3}(?:geadviseerd|aangeraden)\b|"
    r"\b(?:adviseerde|adviseert|advies)\b[^?]{0,40}\baan de minister\b|"
    r"\b(?:kon|kan|moest|mocht|zou) de minister\b[^?]{0,60}\b(?:zeggen|inbrengen|aangeven|melden|voorstellen)\b",
    re.I,
)
_DECIDED = re.compile(
    r"\b(?:besloot|besloten|besluit|afgesproken|overeengekomen|akkoord)\b|"
    # 'Welke procesafspraken maakten ...?', 'Welke afspraak werd ... vastgelegd?'
    r"\b\w*afspra(?:ak|ken)\b[^?]*\b(?:gemaakt|maakten|maakte|vastgelegd|vastgesteld)\b",
    re.I,
)
_SAID = re.compile(
    r"\b(zei|zeiden|zegt|bracht\w*|inbreng|ingebracht|gaf\w* aan|reageerde\w*|reactie|klaagde\w*|"
    r"vond(?:en)?(?![^.?;]*\bplaats\b)|"  # not 'vond ... plaats': took place
    r"benadrukte\w*|pleitte\w*|opperde\w*|betoogde\w*|uitte\w*|waarschuwde\w*|erkende\w*|hekelde\w*|"
    r"bekritiseerde\w*|antwoordde\w*|vroeg|vroegen|"
    r"toezegging(?:en)?\s+(?:deed|deden)|zegden?)\b",  # a promise made at the table: 'Welke toezegging deed X?'
    re.I,
)


def hint_labels(hints: QuestionHints) -> tuple[str, ...]:
    """What a question was read to be about, as the chips the user sees ('BO Rijk-VNG', '6 november 2019')."""
    return (*hints.meetings, *(format_nl(d) for d in hints.days), *(str(y) for y in hints.years if not hints.days),
            *hints.doc_types)  # fmt: skip


def without(hints: QuestionHints, labels: Collection[str]) -> QuestionHints:
    """The hints without those the user removed (by their label)."""
    if not labels:
        return hints
    return replace(
        hints,
        meetings=tuple(m for m in hints.meetings if m not in labels),
        days=tuple(d for d in hints.days if format_nl(d) not in labels),
        years=tuple(y for y in hints.years if str(y) not in labels),
        doc_types=tuple(t for t in hints.doc_types if t not in labels),
    )


def periods_of(hints: QuestionHints) -> tuple[tuple[dt.date, dt.date], ...]:
    """The stretches of time a question names, first day to last: its days, months and years."""
    return (
        *((day, day) for day in hints.days),
        *hints.months,
        *((dt.date(year, 1, 1), dt.date(year, 12, 31)) for year in hints.years),
    )


def own_periods(parts: list[str]) -> list[tuple[tuple[dt.date, dt.date], ...]]:
    """For each part of a compound question, the time it names, when every part names one of its own ('in het najaar
    van 2019, en van welke in 2020?'); otherwise nothing for any part."""
    periods = [periods_of(read_question(part)) for part in parts]
    return periods if len(parts) > 1 and all(periods) and len(set(periods)) > 1 else [()] * len(parts)


def read_question(question: str) -> QuestionHints:
    """The dates, document types, meeting series and organisations a question names."""
    mentions = find_dates(question)
    days = tuple(m.start for m in mentions if m.day_precise)
    months = tuple((m.start, m.end) for m in mentions if not m.day_precise)
    rest = question
    for m in reversed(mentions):
        rest = rest[: m.span[0]] + " " + rest[m.span[1] :]
    years = tuple(int(y) for y in re.findall(r"\b(20[0-3]\d)\b", rest))
    doc_types = tuple(dict.fromkeys(t for p, t in _DOC_TYPES if p.search(question)))
    if not doc_types and _ADVISED.search(question):
        doc_types = ("nota",)  # what the minister was advised to say is in the nota for the overleg
    return QuestionHints(
        days=days,
        months=months,
        years=years,
        doc_types=doc_types,
        meetings=tuple(dict.fromkeys(m for p, m in _MEETINGS if p.search(question))),
        organisations=_organisations_in(question),
        asks_what_was_said=bool(_SAID.search(question)),
        asks_decision=bool(_DECIDED.search(question)),
        topic=_topic(rest),
    )


def _topic(text: str) -> str:
    """What a question is about once the words that only say where to look are gone."""
    patterns = [p for p, _ in _DOC_TYPES] + [p for p, _ in _MEETINGS]
    patterns += [re.compile(p, re.I) for p in ORGANISATIONS.values()]
    patterns.append(re.compile(r"\b(?:BO|bestuurlijk overleg|overleg|vergadering)\b", re.I))
    for pattern in patterns:
        text = pattern.sub(" ", text)
    return " ".join(text.split())


def organisations_asked(question: str) -> tuple[str, ...]:
    """The organisations a question names outside the name of a meeting ('Wat zeiden de cliëntenorganisaties in het
    BO Rijk-VNG ...?' asks the cliëntenorganisaties, not the VNG)."""
    for pattern, _ in _MEETINGS:
        question = pattern.sub(" ", question)
    return _organisations_in(question)


def _organisations_in(text: str) -> tuple[str, ...]:
    return tuple(o for o, p in ORGANISATIONS.items() if re.search(p, text, re.I))


def organisation_pattern(name: str) -> re.Pattern[str]:
    """How an organisation shows up in document text."""
    return re.compile(ORGANISATIONS[name], re.I)


# ', en hoeveel daarvan ...', ' en wie ...': a second question joined to the first
_SECOND_QUESTION = re.compile(
    r",?\s+en\s+(?=(?:wat|wie|hoe|hoeveel|welke?|waar\w*|wanneer|van welke|op welke|in welke|met welke|door wie|"
    r"sinds wanneer)\b)",
    re.I,
)


def parts_as_asked(parts: list[str]) -> list[str]:
    """Each part of a compound question as it asks: a part with no words of its own besides a time ('en van welke
    in 2020?') asks what the part before it asks, without that part's time ('Van welke gemeente was hij wethouder
    ... van welke in 2020?')."""
    asked = list(parts)
    for i in range(1, len(parts)):
        if not [t for t in tokenize(without_dates(parts[i])) if not t.isdigit()]:
            asked[i] = f"{without_dates(asked[i - 1]).rstrip(' ?,')}, {parts[i]}"
    return asked


def question_parts(question: str) -> list[str]:
    """The questions a compound question asks ('Hoeveel plaatsen noemt de werkgroep in totaal, en hoeveel
    daarvan zijn bovenregionaal?' asks two), or the question alone; a part of fewer than three words
    stays with the one before."""
    parts: list[str] = []
    for piece in _SECOND_QUESTION.split(question.strip()):
        if parts and len(piece.split()) < 3:
            parts[-1] = f"{parts[-1]} en {piece}"
        else:
            parts.append(piece)
    return parts
