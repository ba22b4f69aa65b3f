"""What the catalog says about a meeting a question names: was it held, is there a verslag, who spoke there.

These are facts of the dossier, not weights: a question about a day no document is about, about what was
said or decided at a meeting the dossier has no verslag of, or about what someone said at a meeting whose
verslag records no word of theirs, is not answered from other documents.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from assistant.answer.evidence import (
    ASKS_POSITION,
    TITLE,
    UNTIL,
    YEAR,
    asks_outcome,
    asks_position,
    people,
    speakers_asked,
    spoken_by,
)
from assistant.answer.question import ORGANISATIONS, QuestionHints, organisations_asked
from assistant.answer.retrieve import Retrieval
from assistant.core.dates import MONTH_NAMES, day_month_nl, find_dates, without_dates
from assistant.core.minutes import REDACTED, close_names
from assistant.core.sentences import split_sentences
from assistant.core.text import holds_term, tokenize
from assistant.core.types import DocMeta, Passage

# 'Wat besprak de stuurgroep op 8 november?' asks what was said there, as much as 'wat zei' does (not the
# participle: 'Waar was dit na het BO van 25 september nog meer besproken?' asks where, after that day)
_DISCUSSED = re.compile(r"\bbespr(?:ak|aken|eekt)\b", re.I)

_NAMES_MEETING = re.compile(r"\b(?:BO|overleg|bestuurlijk overleg|bijeenkomst|vergadering)\b", re.I)
# 'hoe de zorg na 1 juli geregeld werd': the day bounds a period the question is about, it is not when anything
# was said or decided
_BOUNDS = re.compile(rf"\b(?:na|vanaf|per|sinds|{UNTIL})\s+$", re.I)


def _bounds_only(question: str) -> bool:
    """Every day the question names bounds a period ('na 1 juli 2020', 'tot 1 november')."""
    days = [m for m in find_dates(question) if m.day_precise]
    return bool(days) and all(_BOUNDS.search(question[: m.span[0]]) for m in days)


_BEFORE_YEAR = re.compile(r"(?:\bhet\s+)?\bjaar\s+$|\b(?:begin|eind|medio)\s+$")  # 'vanaf het jaar', 'tot eind'


def _years_bound_only(question: str) -> bool:
    """Every year the question names bounds a period ('de jaren vanaf 2022', 'tot eind 2021'): what was agreed
    about them was agreed before."""
    years = list(YEAR.finditer(question))
    return bool(years) and all(_BOUNDS.search(_BEFORE_YEAR.sub("", question[: m.start()])) for m in years)


def _year_meant(day: dt.date, written: dt.date) -> int:
    """The year a text written on `written` means by the day and month of `day` without a year: the nearest."""
    return min(
        (written.year - 1, written.year, written.year + 1),
        key=lambda year: abs((dt.date(year, day.month, min(day.day, 28)) - written).days),
    )


def _names_day(passage: Passage, day: dt.date, *, as_meeting: bool = False) -> bool:
    """The passage names the day: '18 november 2019' is 2019's, and a bare '18 november' the one nearest to when
    the passage was written (a nota of 2019 announcing 'het WGO op 18 november' does not name 18 november 2020).
    `as_meeting`: as the day of a gathering ('de heidag op 12 november'), not of a memo ('stand van denken van 27
    januari')."""
    written = passage.meta.date
    for found in re.finditer(rf"{_day_named(day).pattern}(?:\s+(\d{{4}}))?", passage.text):
        year = int(found.group(1)) if found.group(1) else written and _year_meant(day, written)
        around = passage.text[max(0, found.start() - 60) : found.end() + 60]
        if year in (None, day.year) and (not as_meeting or _GATHERING.search(around)):
            return True
    return False


def _day_named(day: dt.date) -> re.Pattern[str]:
    """A day as a text names it, alone or opening or closing a range: '10 februari', '10-11 februari' (which the
    question's '24-uursessie van 10-11 februari 2020' reads as 10 februari), '9 en 10 februari'."""
    to = r"\s*(?:[-/–]|en|t/m)\s*"
    month = MONTH_NAMES[day.month - 1]
    return re.compile(rf"\b(?:{day.day}(?:{to}\d{{1,2}})?|\d{{1,2}}{to}{day.day})\s+{month}\b")


def _says_what(passage: Passage, day: dt.date) -> bool:
    """A sentence of the passage that names the day says what was said or done then, not only that people met
    ('Op 15 november 2019 sprak u samen met collega Dekker informeel met de VNG in Utrecht' says nothing of what)."""
    named = _day_named(day)
    return any(
        named.search(sentence) and not (_MET_ONLY.search(sentence) and not _ABOUT.search(sentence))
        for line in passage.text.split("\n")
        for sentence in split_sentences(line)
    )


# a sentence that only says people met: 'sprak u ... met de VNG', 'overlegde ... met', 'was er een overleg'
_MET_ONLY = re.compile(r"\b(?:sprak|spraken|overlegde\w*|(?:is|was)\s+(?:er\s+)?een\s+\w*overleg)\b", re.I)
_ABOUT = re.compile(r"\b(?:over|waarbij|waarin|om te|afgesproken|besloten|akkoord)\b|:", re.I)


_GATHERING = re.compile(
    r"overleg|\bBO\b|\bAO\b|\bWGO\b|bijeenkomst|bijeen|vergader|heidag|sessie|conferentie|rondetafel|"
    r"stuurgroep|werkgroep|gesprek|gesproken|sprak|spreken|debat|zitting|hoorzitting|presentatie|gepresenteerd",
    re.I,
)


def date_not_held(retrieval: Retrieval, documents: list[DocMeta], question: str = "") -> bool:
    """The question names a day, year or meeting that none of the documents is about."""
    hints = retrieval.hints
    dated = [(m.meeting, {m.meeting_date, m.document_date} - {None}) for m in documents]
    said_or_decided = (
        hints.asks_what_was_said or hints.asks_decision or asks_outcome(question) or bool(_DISCUSSED.search(question))
    )
    if hints.days:
        held = [meeting for meeting, days in dated if days & set(hints.days)]
        mentioned = [p for p in retrieval.passages if any(_names_day(p, day) for day in hints.days)]
        # a document written after the day looks back on it ('Terugblik AO 23 juni'); one before only announces it
        recorded = any(p.meta.date and p.meta.date > min(hints.days) for p in mentioned)
        if not held and (not mentioned or (said_or_decided and not recorded and not _bounds_only(question))):
            return True  # 'op 9 december vindt het volgende BO plaats': announced, but nothing of it is recorded
        if not held and said_or_decided and not any(_says_what(p, day) for p in mentioned for day in hints.days):
            return True  # 'Op 15 november 2019 sprak u ... informeel met de VNG in Utrecht': met, but about what?
        if held and hints.meetings and not set(hints.meetings) & set(held) and not mentioned:
            return True  # e.g. a 'BO Zorg voor de Jeugd' on a day when only the BO Rijk-VNG met
    if hints.days and (hints.meetings or _NAMES_MEETING.search(question)):
        series = [m for m in documents if m.meeting_date and (not hints.meetings or m.meeting in hints.meetings)]
        if not {m.meeting_date for m in series} & set(hints.days):
            # 'het BO van 12 november': no overleg met that day; a nota written that day is not one, but a
            # meeting another document mentions on that day (a heidag, a stuurgroep) may be asked about
            written = {m.doc_id for m in documents if m.document_date in hints.days}
            others = [p for p in retrieval.passages if p.meta.doc_id not in written]
            if not any(_names_day(p, day, as_meeting=True) for day in hints.days for p in others):
                return True
    asks_record = said_or_decided or hints.doc_types
    if hints.days and (set(hints.doc_types) <= {"verslag"}) and asks_record:
        meetings = [m for m in documents if m.meeting_date in hints.days]
        if meetings and not any(m.doc_type == "verslag" for m in meetings):
            return True  # what was said or decided at a meeting is in its verslag, and that meeting has none
    if hints.months and not hints.days:
        in_month = any(start <= d <= end for _, days in dated for d in days for start, end in hints.months)
        named = [question[m.span[0] : m.span[1]].lower() for m in find_dates(question) if not m.day_precise]
        named += [phrase.replace(" van ", " ") for phrase in named]  # 'de zomer van 2019' is '(zomer 2019)' too
        planned = any(phrase in p.text.lower() for phrase in named for p in retrieval.passages)
        # 'Op 17 december heeft het OZJ ... gepresenteerd' in a nota of January looks back on December
        recorded = any(
            p.meta.date and end < p.meta.date <= end + dt.timedelta(days=120) and MONTH_NAMES[start.month - 1] in p.text
            for start, end in hints.months
            for p in retrieval.passages
        )
        if not in_month and (not (planned or recorded) or (said_or_decided and not recorded)):
            return True  # 'voor eind 2021' may be planned in 2020; what was said then is in no document
    if hints.years and not hints.days:
        years = {d.year for _, days in dated for d in days}
        in_text = any(str(y) in p.text for y in hints.years for p in retrieval.passages)
        if not years & set(hints.years) and (not in_text or (said_or_decided and not _years_bound_only(question))):
            return True  # a plan for 2021 may be written in 2020, but what was said in 2021 is in no document
    return False


def not_among_speakers(
    question: str, hints: QuestionHints, documents: list[DocMeta], spoken: dict[str, list[tuple[str, str, str]]],
    known: set[str], absent: Callable[[str], set[str]] = lambda doc_id: set(),
) -> str:  # fmt: skip
    """Who the question asks about ('de cliëntenorganisaties', 'Dekker') when it asks what they said at a named
    meeting whose verslag records contributions but none of theirs; '' otherwise. `absent`: the surnames a verslag
    lists as absent, by doc_id: someone listed absent did not speak, whatever a sentence about them seems to say
    ('Dhr. Meijer gaat aan de slag ...' in another's turn)."""
    if not hints.days or not asks_position(question):
        return ""
    verslagen = verslagen_of_the_day(hints, documents)
    said = [(quote, who, org) for doc_id in verslagen for quote, who, org in spoken.get(doc_id, ())
            if who not in absent(doc_id)]  # fmt: skip
    if not said:
        return ""
    speaking = {org for _, _, org in said}
    persons = [p for p in people(question, known) if not _ACRONYM.fullmatch(p)]  # 'NJi' is no one's surname
    first = _first_named(question, persons, [o for o in hints.organisations if o in _SPEAKING])
    if first is None:
        return ""
    kind, name = first
    if kind == "person":
        surname = name.split()[-1]
        heard = any(who != REDACTED.split()[-1] and close_names(surname, who) for _, who, _ in said)
    else:
        heard = name in speaking
    return "" if heard else name


# 'hoe reageerde X op ...', 'wat antwoordde X': a reply need not repeat the words of what it replies to
_REPLIES = re.compile(r"\b(?:reageerde\w*|reageert|reactie|antwoordde\w*|antwoord)\b", re.I)


def silent_on(
    question: str,
    asked: Sequence[str],
    terms: dict[str, float],
    spoken: dict[str, list[tuple[str, str, str]]],
    meetings: Sequence[str] = (),
) -> str:
    """The person a question asks what they said or thought about something ('Wat zei Rabarison over wrap around
    care?'; `asked`: its `speakers_asked`), when they speak in the verslagen but none of their contributions holds
    a word of the question; '' otherwise (and for a reply, which need not repeat what it replies to). Neither a
    title nor the name of the meeting (`meetings`: `QuestionHints.meetings`) is a word of what is asked: 'Wat zei
    dhr. Meijer in het BO Rijk-VNG van 30 januari over ...?' is not answered by his words on the VNG."""
    if not asked or not asks_position(question) or _REPLIES.search(question):
        return ""
    said = {
        name: [quote for statements in spoken.values() for quote, who, _ in statements if close_names(name, who)]
        for name in asked
    }
    speaking = [name for name in asked if said[name]]  # 'Ali Rabarison': of 'Ali' and 'Rabarison', one speaks
    named = set(tokenize(" ".join((*asked, *meetings))))
    about = set(tokenize(TITLE.sub(r"\1", question))) - named
    topic = [t for t in terms if t in about]
    if not speaking or not topic or not _topic_beyond_asking(question, topic):
        return ""
    held = any(holds_term(set(tokenize(quote)), t) for name in speaking for quote in said[name] for t in topic)
    return "" if held else speaking[-1]


def _topic_beyond_asking(question: str, topic: list[str]) -> bool:
    """Some of `topic` is more than the day of the meeting and the verb asking for someone's words: 'Waar vroeg
    mevrouw Rabarison naar in het BO van 13 februari 2020?' asks whatever she asked."""
    return bool(set(topic) & set(tokenize(without_dates(ASKS_POSITION.sub(" ", question)))))


_SPEAKING = ("VNG", "VWS", "JenV", "BGZJ", "OCW", "cliëntenorganisaties")
_ACRONYM = re.compile(r"[A-Z]{2,}\w*|[A-Z][a-z]*[A-Z]\w*")


def _first_named(question: str, persons: list[str], organisations: list[str]) -> tuple[str, str] | None:
    """The person or organisation the question names first: whose words it asks for."""
    found = []
    for name in persons:  # shown as the question writes it: 'Ans van de Maat', 'Sven de Langen'
        m = re.search(rf"\b(?:[A-Z][a-zà-ÿ]+\s+)?(?:(?:de|van|der|ter|den)\s+)*{re.escape(name)}\b", question)
        if m:
            found.append((m.start(), "person", m.group(0)))
    for org in organisations:
        m = re.search(ORGANISATIONS[org], question, re.I)
        if m:
            found.append((m.start(), "organisation", org))
    return min(found)[1:] if found else None


def said_elsewhere(question: str, hints: QuestionHints, documents: list[DocMeta], best: Sequence[Passage]) -> bool:
    """The question asks what was said at a named meeting whose verslag the dossier holds ('Wat antwoordde de VNG
    in het BO van 24 juni 2020 op ...?'), yet none of `best` (the passages of the best sentences) is that verslag:
    what they hold is what the minister was advised, or another day's words."""
    if not hints.days or hints.doc_types or not hints.asks_what_was_said:
        return False
    verslagen = verslagen_of_the_day(hints, documents)
    return bool(verslagen) and not any(p.meta.doc_id in verslagen for p in best)


def verslagen_of_the_day(hints: QuestionHints, documents: list[DocMeta]) -> list[str]:
    """The doc_ids of the verslagen of the day (and meeting series) a question names."""
    return [
        m.doc_id for m in documents if m.doc_type == "verslag" and m.meeting_date in hints.days
        and (not hints.meetings or m.meeting in hints.meetings)
    ]  # fmt: skip


def said_that_day(
    hints: QuestionHints, documents: list[DocMeta], spoken: dict[str, list[tuple[str, str, str]]]
) -> dict[str, list[tuple[str, str, str]]]:
    """The statements of the verslagen of the day a question names ('Wat vond Van Hoek in het BO van 8 juni 2020
    van de NvO?' is not answered by what he said of it in January); all of them when it names no day with one."""
    that_day = verslagen_of_the_day(hints, documents)
    return {doc_id: spoken.get(doc_id, []) for doc_id in that_day} if that_day else spoken


def heard_nowhere(
    question: str, hints: QuestionHints, documents: list[DocMeta], passages: Sequence[Passage], known: set[str]
) -> str:
    """Whom the question asks to hear at a named day no document is of ('Wat zei Rabarison tijdens het informele
    overleg ... op 15 november 2019?'), when no passage that mentions the day names them: the dossier records that
    the meeting took place, not what they said there; '' otherwise."""
    if not hints.days or not asks_position(question):
        return ""
    if any({m.meeting_date, m.document_date} & set(hints.days) for m in documents):
        return ""  # a meeting or document of that day: its verslag, or the lack of one, is for the rules above
    first = _whom_asked(question, known, hints.organisations)
    if first is None:
        return ""
    kind, name = first
    named = re.compile(ORGANISATIONS[name] if kind == "organisation" else _surname_pattern(name))
    said = [day_month_nl(d) for d in hints.days]
    mentioning = [p.text for p in passages if any(day in p.text for day in said)]
    return "" if any(named.search(text) for text in mentioning) else name


_NEXT_TURNS = 4  # turns after the one replied to in which a reply is looked for (split A + tuning: 3 refused a reply
# De Jonge gave four turns later, tun-609; 4 kept both unanswerables it was written for, tun-1733 and tun-1849)


def reply_unrecorded(
    question: str, replied_to: str, statements: Sequence[tuple[str, str, str]], known: set[str]
) -> str:
    """Whom a question asks for a reply ('Wat antwoordde Eerenberg op de uitleg van De Jonge ...?') when the verslag
    records what they would reply to (`replied_to`, the best sentence, in its `statements`) but neither that turn nor
    the next few are theirs; '' otherwise."""
    if not _REPLIES.search(question) or not statements:
        return ""
    wanted = " ".join(replied_to.split())
    at = next((i for i, (quote, _, _) in enumerate(statements) if wanted in quote), None)
    first = _whom_asked(question, known, organisations_asked(question))
    if at is None or first is None:
        return ""
    kind, name = first
    turns = statements[at : at + 1 + _NEXT_TURNS]
    if kind == "person":  # their turn, or a turn that reports their words ('Minister Dekker gaf aan ...')
        surname = name.split()[-1]
        heard = any(close_names(surname, who) for _, who, _ in turns) or bool(
            re.search(_surname_pattern(name), replied_to)
        )
    else:
        heard = any(org == name for _, _, org in turns)
    return "" if heard else name


def _whom_asked(question: str, known: set[str], organisations: Sequence[str]) -> tuple[str, str] | None:
    """('person' or 'organisation', name) of whom the question asks to hear first: a person it asks to speak, not
    one it names as the object, or a body that sits at the overleggen; None when it asks neither."""
    persons = [p for p in speakers_asked(question, known) if not _ACRONYM.fullmatch(p)]
    return _first_named(question, persons, [o for o in organisations if o in _SPEAKING])


def _surname_pattern(name: str) -> str:
    """A pattern for the surname of a name as the question writes it ('Ali Rabarison': 'Rabarison')."""
    return rf"\b{re.escape(name.split()[-1])}\b"


_WRITTEN_BY = {"VWS": ("nota", "agenda", "kamerbrief"), "JenV": ("kamerbrief",)}  # whose word a document is


def body_unheard(
    question: str, closest: Sequence[tuple[str, Passage]], spoken: dict[str, list[tuple[str, str, str]]],
    known: set[str],
) -> str:  # fmt: skip
    """The body a question asks the position of ('Wat vond de BGZJ van de emvi-verplichting?') when none of the
    sentences that come closest (`closest`: each with the passage it stands in) names it, is recorded as said by its
    people, may be theirs unrecorded (a verslag's line no contribution records) or stands in a document that is its
    own word (VWS's nota); '' otherwise."""
    if not closest or not asks_position(question):
        return ""
    first = _whom_asked(question, known, organisations_asked(question))
    if first is None or first[0] != "organisation":
        return ""
    name = first[1]
    for text, passage in closest:
        who = spoken_by(text, spoken.get(passage.meta.doc_id, ()))
        if re.search(ORGANISATIONS[name], text, re.I) or (who and who[1] in ("", name)):
            return ""
        if _given_as_theirs(text, passage.text, ORGANISATIONS[name]):
            return ""
        if who is None and passage.meta.doc_type in ("verslag", "rondetafelverslag", *_WRITTEN_BY.get(name, ())):
            return ""
    return name


def _given_as_theirs(sentence: str, text: str, body: str) -> bool:
    """True when the label or line that introduces `sentence` in `text` gives what follows as the body's word
    ('Mogelijke inbreng VNG', '... dat de VNG met de volgende inbreng zal komen:', 'Eerste reactie VNG:'), not as
    a reply to it ('Uw reactie op mogelijke inbreng VNG')."""
    at = text.find(sentence[:40])
    if at < 0:
        return False
    for line in reversed(text[:at].splitlines()):
        line = line.strip(" \t•*#-")
        if not line or line.endswith((".", "?", "!", ";")):
            continue
        if line.endswith(":") or len(line) < 60:  # the nearest label decides
            found = re.search(body, line, re.I)
            return bool(found) and not re.search(r"\b(?:uw|op)\b", line[: found.start()], re.I)
    return False
