"""The offline answer backend: a Dutch answer composed of the most relevant retrieved sentences."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from assistant.answer.evidence import (
    asked_noun,
    asks_attendance,
    asks_position,
    heads_list,
    holds_focus,
    question_focus,
    speaker_of,
    spoken_by,
)
from assistant.answer.header import ABSENT_ASKED
from assistant.answer.question import QuestionHints
from assistant.answer.speakers import PERSON
from assistant.core.config import CONFIG, SentenceConfig
from assistant.core.dates import DAY_MONTH, MONTHS, find_dates, without_dates
from assistant.core.glossary import ABBREVIATIONS, expand
from assistant.core.redactions import meanings, without_codes
from assistant.core.sentences import split_sentences
from assistant.core.structure import heading_level
from assistant.core.text import holds_term, tokenize
from assistant.core.types import Passage
from assistant.index.lexical import BM25Index

# Words a question uses to ask, not to say what it is about (stemmed as the tokenizer does).
_QUESTION_WORDS = set(
    tokenize(
        "zei zegt zeggen bracht brengt inbreng ingebracht vond vinden gaat ging welke wie waarom "
        "document documenten staat stond bestuurlijk overleg bo verslag nota agenda kamerbrief "
        "volgens genoemd noemde noemt besproken gesproken afgesproken wanneer hoeveel vraag "
        "antwoord geef graag kort samen samenvatting vervolg daarover hierover erover daarvan hiervan "
        "daarbij daarin gaf gaven geeft geven stond stonden staan viel vielen vallen doen deed deden nam namen "
        "neemt nemen kent kende hebben heeft had hadden noemde noemden noemen welk wat waar hoe "
        "stukken stuk verschillende diverse manier gaat gingen"
    )
) | set(MONTHS)
_BULLET = re.compile(r"^[•\-–▪o]\s+|^\(?[a-z]\)\s+")
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s+")
_ADMIN_LINE = re.compile(r"^(?:Betreft|Vergaderdatum|Vergaderplaats|Aanwezig|Afwezig|Deelnemers|Kopie aan|Paraaf)\b")
_ATTENDEES = re.compile(r"^(?:Aanwezig|Deelnemers)\b")
_ABSENT = re.compile(r"^Afwezig\b")
_REDACTED_ONLY = re.compile(r"^[\s•\-–(),.:;0-9e]*$")


@dataclass(frozen=True)
class Sentence:
    """A candidate sentence from a passage with its relevance."""

    text: str
    passage_rank: int  # 0-based rank of its passage
    position: int  # order within the passage
    coverage: float  # share of the question's weight it and the sentence before it hold (0..1)
    score: float
    support: float = 0.0  # share of the question's weight it holds itself: the refusal signal


def sentences_of(text: str) -> list[str]:
    """A passage cut into sentences and bullet items, bullets stripped (administrative lines too: 'Deelnemers LOC
    Ieder(in)' answers who sat at the table, though nothing else)."""
    out = []
    listing = False  # within the items a line ending in ':' introduces, short ones count ('2) Landsdelen')
    for para in _rejoined(text.split("\n")):
        if not para.strip():
            continue
        item = bool(_BULLET.match(para.strip()) or _NUMBERED.match(para.strip()))
        listing = listing and item
        for sentence in (turn for s in split_sentences(para) for turn in _turns(s)):
            sentence = _BULLET.sub("", sentence.strip()).strip()
            long_enough = (
                len(sentence) >= 15
                or (len(sentence) >= 12 and _DECISION.match(sentence))
                or (listing and len(sentence) >= 4)
            )
            if (
                long_enough
                and not _REDACTED_ONLY.match(sentence.replace("10.2.e", ""))
                and sentence.count("(") <= sentence.count(")")  # a heading cut off mid-way
            ):
                out.append(sentence)
                listing = sentence.endswith(":") or (listing and item)
    return out


# a line the PDF broke off where it goes on in lower case or a bracket ('(breed in de jeugdhulp ...'), not a
# heading's attachment ('(bijlage 3 – ...)')
_GOES_ON_LINE = re.compile(r"^\s*(?:[a-zà-ÿ]|\((?!bijlage))")


def _rejoined(lines: list[str]) -> list[str]:
    """Lines with a numbered point the PDF broke in two made whole again: '8 Zorg voor een landelijke impuls aan
    het behoud van kwalitatief goede mensen' looks like a heading, but '(breed in de jeugdhulp, ...)' goes on."""
    out: list[str] = []
    for line in lines:
        if out and out[-1][:1].isdigit() and heading_level(out[-1]) is not None and _GOES_ON_LINE.match(line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


# a speaker's turn glued to the unpunctuated bullet before it: '... terugkeerders Dhr. Eerenberg meent dat ...'
_TURN = re.compile(
    r"(?<=[a-zà-ÿ)])\s+(?=(?:Dhr|Mevr|Mw)\.?\s+(?:(?:[Dd]e|[Vv]an|der|ter|den)\s+)*[A-Z][\w'-]+:?\s+[a-z])"
)
# a name the sentence goes on with rather than a turn: 'gesproken met Mevr. De Koning en ...'
_NAMED_AFTER = re.compile(
    r"\b(?:met|en|of|van|aan|door|voor|bij|dat|namens|naar|volgens|zoals|als|tegen|over|om|die|ook)$", re.I
)


def _turns(sentence: str) -> list[str]:
    """A sentence cut where a speaker's turn is glued to it, not where it names someone ('met Mevr. De Koning')."""
    cuts = [m for m in _TURN.finditer(sentence) if not _NAMED_AFTER.search(sentence[: m.start()])]
    starts = [0, *(m.end() for m in cuts)]
    ends = [*(m.start() for m in cuts), len(sentence)]
    return [sentence[a:b] for a, b in zip(starts, ends, strict=True)]


_DECISION = re.compile(r"^(?:Besluit|Akkoord|Afspraak|Geen afspraak|Vastgesteld|Conclusie|Afgesproken)\b")
_ASKS_DECISION = re.compile(
    r"\b(besl\w+|besluit|afspraak|afspraken|afgesproken|akkoord)\b|"
    # a yes/no question about an act: 'Werd het stroomschema gepubliceerd?', 'Wordt de regeling verlengd?'
    r"(?:^|[.!?]\s+)(?:werd|werden|wordt|worden)\b[^?]*\b(?:ge|ver|be|ont|her)\w+(?:d|t|en)\s*\?",
    re.I,
)
_ASKS_WHO = re.compile(r"^\s*wie\b", re.I)
_ASKS_ORG = re.compile(r"\b(welke?|wat voor)\s+(\w*bureau|partij|organisatie|instantie|gemeente)\b", re.I)
_ASKS_AMOUNT = re.compile(r"\b(hoeveel|bedrag|percentage|procent|aantal)\b", re.I)
_ASKS_WHEN = re.compile(r"\b(wanneer|welke datum|op welke dag)\b", re.I)
_ACRONYM = re.compile(r"(?<!^)\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")
_NUMBER = re.compile(r"\d")
_ASKS_LIST = re.compile(r"^\s*(?:welke|wie)\b", re.I)
_CAPITALISED = re.compile(r"(?<!^)(?<![.:]\s)\b([A-Z][a-zà-ÿ]{3,})\b")


_ADDRESSED = re.compile(r"\b[Uu]\b")
_MINISTER = set(tokenize("minister"))


def named_people(question: str) -> set[str]:
    """Capitalised words inside a question that are not organisations or months: likely surnames."""
    skip = set(ABBREVIATIONS) | {m.capitalize() for m in MONTHS} | {"Kamerbrief", "Jeugdwet", "Rijk", "Jeugd"}
    return {w for w in _CAPITALISED.findall(question) if w not in skip}


@dataclass(frozen=True)
class QuestionCues:
    """What kind of sentence a question asks for; read once per question, not once per sentence."""

    decision: bool = False
    who: bool = False
    organisation: bool = False
    amount: bool = False
    when: bool = False
    listing: bool = False
    people: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def of(cls, question: str) -> QuestionCues:
        """The cues in a question."""
        return cls(
            decision=bool(_ASKS_DECISION.search(question)),
            who=bool(_ASKS_WHO.search(question)),
            organisation=bool(_ASKS_ORG.search(question)),
            amount=bool(_ASKS_AMOUNT.search(question)),
            when=bool(_ASKS_WHEN.search(question)),
            listing=bool(_ASKS_LIST.search(question)),
            people=tuple(re.compile(rf"\b{re.escape(name)}\b") for name in sorted(named_people(question))),
        )


def answer_type_bonus(
    cues: QuestionCues, sentence: str, config: SentenceConfig = CONFIG.sentences, expanded: str | None = None
) -> float:
    """Extra score for a sentence of the kind the question asks for (a decision, a name, a number);
    `expanded` is the sentence with its abbreviations written out, when the caller has it already."""
    bonus = 0.0
    if cues.decision and _DECISION.match(sentence) and not sentence.rstrip().endswith("?"):  # 'Akkoord met ...?' asks
        bonus += config.decision  # "Besluit: ...", "Geen afspraak." answer a question about what was decided
    if cues.who and (PERSON.search(sentence[1:]) or len(_ACRONYM.findall(sentence)) >= 2):  # 'Financiën, BZK, VWS'
        bonus += config.who
    if cues.organisation and _ACRONYM.search(sentence):
        bonus += config.organisation_asked
    if cues.amount and _NUMBER.search(sentence):
        bonus += config.amount
    if cues.when and (find_dates(sentence) or DAY_MONTH.search(sentence)):
        bonus += config.when
    if cues.listing and sentence.count(",") >= 3:
        bonus += config.listing
    if cues.people and any(person.search(expanded or expand(sentence)) for person in cues.people):  # 'de JA' too
        bonus += config.person  # the person the question names is the one speaking or spoken of
    return bonus


def question_terms(question: str, lexical: BM25Index) -> dict[str, float]:
    """The question's content terms and their weights (idf)."""
    question = without_dates(question)  # dates are matched on metadata, not on words
    # in the question's order, not a set's: float sums over the terms then do not depend on the hash seed
    terms = dict.fromkeys(t for t in tokenize(question) if t not in _QUESTION_WORDS and not re.fullmatch(r"20\d\d", t))
    known = [lexical.idf(t) for t in terms if lexical.idf(t) > 0]
    rare = max(known, default=1.0)
    # a word the corpus never uses ('vaccinatiegraad', 'Kuipers') is what the question hinges on
    return {t: (lexical.idf(t) or rare) for t in terms}


def rank_sentences(
    passages: list[Passage],
    terms: dict[str, float],
    hints: QuestionHints,
    *,
    speakers: dict[str, set[str]] | None = None,
    spoken: dict[str, list[tuple[str, str, str]]] | None = None,
    asked_people: tuple[str, ...] = (),
    question: str = "",
    periods: tuple[tuple[dt.date, dt.date], ...] = (),
    config: SentenceConfig = CONFIG.sentences,
) -> list[Sentence]:
    """Sentences of the top passages, most relevant first; with `periods`, those of the passages dated within one
    of them before all others (one part of a compound question that names its own time: '..., en van welke in
    2020?').

    A sentence also counts the question terms of its section heading at half weight. When the question
    asks what someone said, a sentence scores up when it names an attendee of an organisation the question
    names (per `speakers`, by doc_id) or stands in the contribution of such a person or of a person the
    question names (per `spoken`: the verslagen's statements as (quote, surname, organisation) by doc_id)."""
    total = sum(terms.values()) or 1.0
    cues = QuestionCues.of(question)
    attendance = asks_attendance(question)
    absence = bool(ABSENT_ASKED.search(question))  # 'Wie waren er afwezig?': the 'Afwezig: ...' line
    # 'volgens De Jonge' asks for his words as much as 'wat zei De Jonge' does
    according = any(re.search(rf"\bvolgens\s+(?:\w+\s+){{0,2}}{re.escape(n)}\b", question) for n in asked_people)
    position_asked = hints.asks_what_was_said or asks_position(question) or according
    # no name, number, date or role ('welke functie had ...?'), which a list of names could give
    asks_plain = question_focus(question) == "none" and not re.search(r"\bfuncties?\b", question, re.I)
    # a label that names what a 'welke ...?' question asks for introduces the answer: 'U echter ook voor de
    # gemeenten een nadrukkelijke rol ziet:' for 'Welke rol ziet de minister voor gemeenten?'
    asked = asked_noun(question)
    found: list[Sentence] = []
    dated_in: set[int] = set()  # the ranks of the passages dated within `periods`
    for rank, passage in enumerate(passages[: config.depth]):
        section_words = set(tokenize(passage.section))
        day = passage.meta.date
        if day and any(first <= day <= last for first, last in periods):
            dated_in.add(rank)
        names = (speakers or {}).get(passage.meta.doc_id, set())
        previous = 0.0  # the sentence before often sets up the one that answers ("... NZa is zo'n partij.")
        for position, text in enumerate(sentences_of(passage.text)):
            label = len(text) < 90 and text.endswith(":") and not speaker_of(text) and not _announced(text)
            label = label and not (asked and re.search(rf"\b{re.escape(asked)}", text, re.I))
            if heading_level(text) is not None or label:
                continue  # headings and labels say what follows, not what was said ('Dhr. X geeft aan ...:' does,
                # and so does 'Net gesproken over drie mogelijkheden:', which brings the three along)
            if (
                _ADMIN_LINE.match(text)
                and not (attendance and _ATTENDEES.match(text))
                and not (absence and _ABSENT.match(text))
            ):
                continue
            expanded = expand(text)  # 'NvO' covers 'Norm voor Opdrachtgeverschap', 'de JA' the Jeugdautoriteit
            words = set(tokenize(expanded))
            if passage.meta.doc_type == "nota" and _ADDRESSED.search(text):
                words |= _MINISTER  # a nota advises the minister as 'u': 'aangeven dat u verdieping zoekt'
            own = sum(w for t, w in terms.items() if holds_term(words, t))
            inherited = sum(w for t, w in terms.items() if not holds_term(words, t) and t in section_words)
            own_coverage = min(1.0, (own + config.section_weight * inherited) / total)
            coverage = min(1.0, own_coverage + config.previous_weight * previous)
            previous = own_coverage
            lowered = expanded.lower()
            org_bonus = config.organisation_named * sum(1 for o in hints.organisations if o.lower() in lowered)
            speaker = spoken_by(text, (spoken or {}).get(passage.meta.doc_id, ())) if position_asked else None
            if asked_people:  # the question is about what these people said, not their whole organisation
                if speaker and speaker[0] in asked_people:
                    org_bonus += config.organisation_speaker
                    coverage = max(coverage, config.coverage_floor)  # their words answer 'hoe keek X ertegenaan?'
                elif any(re.search(rf"\b{re.escape(n)}\b", expanded) for n in asked_people):
                    org_bonus += config.organisation_speaker
            elif any(re.search(rf"\b{re.escape(n)}\b", text) for n in names) or (
                speaker and speaker[1] in hints.organisations
            ):
                org_bonus += config.organisation_speaker
            length_penalty = config.long_penalty if len(text) > config.long_sentence else 0.0
            name_list = _looks_like_list_of_names(text)
            if name_list and not speaker and (position_asked or (asks_plain and not attendance)):
                continue  # an attendee list says who was there, not what anyone said nor why
            if name_list and attendance:  # 'wie zaten aan tafel?' is answered by the attendee list
                org_bonus += config.organisation_speaker
            elif name_list:
                length_penalty += config.name_list_penalty  # attendee lists match names and dates but say nothing
            if hints.asks_what_was_said and passage.meta.doc_type in ("nota", "agenda"):
                length_penalty += config.advice_penalty  # what the minister was advised is not what was said
            bonus = answer_type_bonus(cues, text, config, expanded) + config.rank_bonus / (1 + rank)
            score = coverage + org_bonus + bonus - length_penalty
            found.append(Sentence(text, rank, position, coverage, score, own_coverage))
    found.sort(key=lambda s: (s.passage_rank not in dated_in, -s.score))
    return found


def choose(sentences: list[Sentence], config: SentenceConfig = CONFIG.sentences) -> list[Sentence]:
    """The sentences to answer with: relevant, from few passages, without repeats."""
    chosen: list[Sentence] = []
    per: dict[int, int] = {}
    seen: set[str] = set()
    # the answerability model decided the question is answered; the floor only keeps weak sentences out of it
    floor = min(config.coverage_floor, max((s.coverage for s in sentences), default=0.0))
    for s in sentences:
        key = re.sub(r"\W+", " ", s.text.lower()).strip()
        if s.coverage < floor or key in seen or per.get(s.passage_rank, 0) >= config.per_passage:
            continue
        chosen.append(s)
        seen.add(key)
        per[s.passage_rank] = per.get(s.passage_rank, 0) + 1
        if len(chosen) == config.max_sentences:
            break
    return chosen


def choose_parts(rankings: list[list[Sentence]], config: SentenceConfig = CONFIG.sentences) -> list[Sentence]:
    """The sentences to answer a compound question with: the best of each part's ranking in turn, so that
    'hoeveel daarvan zijn bovenregionaal?' is answered besides 'hoeveel plaatsen in totaal'."""
    picks = [iter(choose(ranked, config)) for ranked in rankings]
    chosen: list[Sentence] = []
    seen: set[tuple[int, int]] = set()
    per: dict[int, int] = {}
    while picks and len(chosen) < config.max_sentences:
        for pick in list(picks):
            s = next(pick, None)
            if s is None:
                picks.remove(pick)
            elif (s.passage_rank, s.position) not in seen and per.get(s.passage_rank, 0) < config.per_passage:
                chosen.append(s)
                seen.add((s.passage_rank, s.position))
                per[s.passage_rank] = per.get(s.passage_rank, 0) + 1
            if len(chosen) == config.max_sentences:
                break
    return chosen


def part_terms(terms: dict[str, float], part: str, context_weight: float) -> dict[str, float]:
    """The question's terms weighted for one part of it: the part's own in full, the others as context that
    together weigh `context_weight` times the part's own ('hoeveel daarvan zijn bovenregionaal?' is about
    'bovenregionaal' first, the places counted before it second; a follow-up about its own words first, the
    question it leans on second)."""
    own = set(tokenize(part))
    own_weight = sum(w for t, w in terms.items() if t in own)
    rest_weight = sum(w for t, w in terms.items() if t not in own)
    if not own_weight or not rest_weight:
        return dict(terms)
    scale = context_weight * own_weight / rest_weight
    return {t: w if t in own else w * scale for t, w in terms.items()}


def _looks_like_list_of_names(text: str) -> bool:
    """A run of names, titles and redaction codes rather than a sentence."""
    words = text.split()
    if len(words) < 3:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or w.startswith("10.2"))
    return text.count("10.2.e") >= 2 or capitalised / len(words) > 0.6


_INTRODUCES = re.compile(
    r"[:;]$|\b(?:twee|drie|vier|vijf|volgende|onderstaande|een aantal) (?:zaken|punten|onderdelen|elementen|"
    r"vragen|opmerkingen|functies|uitgangspunten|knopen|besluiten|bespreekpunten)\b",
    re.I,
)


_COUNTS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10}
_ANNOUNCED = re.compile(rf"\b({'|'.join(_COUNTS)}|[2-9]|10)\b(?=[^.:;]*:?\s*$)", re.I)


def _announced(text: str) -> int:
    """How many items a line that introduces a list says follow ('onderstaande vijf thema's:' -> 5), else 0."""
    found = _ANNOUNCED.findall(text)
    if not found:
        return 0
    word = found[-1].lower()
    return _COUNTS.get(word) or int(word)


_QUALIFIES = re.compile(r"^(?:Echter|Maar|Wel|Daarom|Dus|Daarbij|Wanneer dit|Als dit|Dit betekent)\b")


def continuation(
    sentence: Sentence, passage: Passage, config: SentenceConfig = CONFIG.sentences, question: str = ""
) -> list[tuple[int, str]]:
    """(position, text) of what completes a sentence: the items a line ending in ':' introduces, the
    rest of a speaker's turn ('Dhr. Eerenberg: ...' and what he says next), the sentence after a
    set-up that holds what the question asks for (the number, date or names), or one that qualifies
    it ('Echter ...')."""
    texts = sentences_of(passage.text)
    if sentence.position >= len(texts) or texts[sentence.position] != sentence.text:
        return []
    introduces = bool(_INTRODUCES.search(sentence.text)) or heads_list(question, sentence.text)
    if sentence.text.count("“") > sentence.text.count("”"):  # a quotation it opens: up to where it closes
        return _quoted_on(sentence, texts, config)
    if not introduces and speaker_of(sentence.text) is None:
        return _answer_after(sentence, texts, config, question)
    if introduces:
        return _items(sentence.position, texts, config)
    turn = _following(sentence.position, texts, config.turn_sentences, config, stop=_DECISION.match)
    if turn and _INTRODUCES.search(turn[-1][1]):  # the turn ends on a list ('Net gesproken over drie mogelijkheden:')
        turn += _items(turn[-1][0], texts, config)
    return turn


def _items(position: int, texts: list[str], config: SentenceConfig) -> list[tuple[int, str]]:
    """The items the line at `position` introduces: as many as it announces, at least `list_items`."""
    reach = max(config.list_items, _announced(texts[position]))
    return _following(position, texts, reach, config, stop=_DECISION.match, numbered_items=True)


def _quoted_on(sentence: Sentence, texts: list[str], config: SentenceConfig) -> list[tuple[int, str]]:
    """The rest of a quotation a sentence opens ('“Een voorbeeld zijn thuiszitters. ... een impasse.”'), as far
    as a speaker's turn would reach."""
    return _following(
        sentence.position,
        texts,
        config.turn_sentences,
        config,
        stop=lambda text: "“" in text,
        last=lambda text: "”" in text,
    )


def _following(
    start: int,
    texts: list[str],
    reach: int,
    config: SentenceConfig,
    *,
    stop,
    last=lambda text: False,
    numbered_items: bool = False,
) -> list[tuple[int, str]]:
    """(position, text) of up to `reach` sentences after the one at `start`, up to the next speaker, heading
    (with `numbered_items`, '1) Sterke regio' is an item, not a heading), overlong sentence or one `stop`
    marks, and through the first one `last` marks."""
    out = []
    for position in range(start + 1, min(len(texts), start + 1 + reach)):
        text = texts[position]
        if _breaks_off(text, config, numbered_items=numbered_items) or stop(text):
            break
        out.append((position, text))
        if last(text):
            break
    return out


def _breaks_off(text: str, config: SentenceConfig, *, numbered_items: bool = False) -> bool:
    """True for a sentence a quote does not run on into: a new speaker, a heading (with `numbered_items`, '1)
    Sterke regio' is an item, not a heading), an administrative line or an overlong sentence."""
    heading = heading_level(text) is not None and not (numbered_items and _NUMBERED.match(text))
    return bool(speaker_of(text) or heading or _ADMIN_LINE.match(text) or len(text) > config.long_sentence)


def _answer_after(sentence: Sentence, texts: list[str], config: SentenceConfig, question: str) -> list[tuple[int, str]]:
    """The sentence after a set-up that answers: within `answer_reach` sentences, the first that holds
    the kind of thing asked for when the set-up does not, else a next sentence that qualifies it."""
    focus = question_focus(question) if question else "none"
    after = range(sentence.position + 1, min(len(texts), sentence.position + 1 + config.answer_reach))
    if focus != "none" and not holds_focus(focus, sentence.text, question):
        for position in after:
            text = texts[position]
            if _breaks_off(text, config):
                break
            if holds_focus(focus, text, question):
                return [(position, text)]
    qualifying = []  # 'Echter ...' and the 'Wanneer dit niet ...' after it: each qualifies the one before
    for position in after:
        if not _QUALIFIES.match(texts[position]) or len(texts[position]) > config.long_sentence:
            break
        qualifying.append((position, texts[position]))
    return qualifying


def compose(
    chosen: list[Sentence], passages: list[Passage], config: SentenceConfig = CONFIG.sentences, question: str = ""
) -> tuple[str, list[tuple[int, str]]]:
    """Answer text with an [n] marker on every sentence, and (passage rank, quote) for each citation number.

    The passage of the best sentence comes first, or, for a question about how something went over
    time ('in de verschillende overleggen', 'hoe ontwikkelde'), the passages in date order; a sentence
    that introduces a list or opens a speaker's turn brings the items or the rest of the turn with it."""
    order: list[int] = []
    quotes: dict[int, list[tuple[int, str]]] = {}
    first_use: dict[int, int] = {}
    for s in chosen:
        first_use.setdefault(s.passage_rank, len(first_use))
    opening = None
    if OVER_TIME.search(question):
        dated = sorted(first_use, key=lambda r: (passages[r].meta.date or _UNDATED, first_use[r]))
        first_use = {rank: k for k, rank in enumerate(dated)}
    elif (focus := question_focus(question) if question else "none") != "none":
        # answer first: the sentence holding the number, date or name asked for opens the answer
        opening = next((s for s in chosen if holds_focus(focus, s.text, question)), None)
        if opening is not None:
            first_use[opening.passage_rank] = -1
    picked: dict[int, dict[int, str]] = {}
    for s in chosen:
        lines = picked.setdefault(s.passage_rank, {})
        lines[s.position] = s.text
        for position, text in continuation(s, passages[s.passage_rank], config, question):
            lines.setdefault(position, text)
    ranks = sorted(picked, key=lambda r: first_use[r])  # in the order the answer quotes them
    for rank in ranks:
        texts = sentences_of(passages[rank].text)
        _fill_gaps(picked[rank], texts, config)
        _widen(picked[rank], texts, config, after=config.context_after if rank == ranks[0] else 0)
    seen: set[str] = set()
    for rank in ranks:
        lines = sorted(picked[rank].items())
        if opening is not None and rank == opening.passage_rank:  # the answer and what follows it, then the set-up
            lines = [line for line in lines if line[0] >= opening.position] + [
                line for line in lines if line[0] < opening.position
            ]
        for position, text in lines:
            key = re.sub(r"\W+", " ", text.lower()).strip()
            if key in seen:
                continue
            seen.add(key)
            if rank not in quotes:
                order.append(rank)
                quotes[rank] = []
            quotes[rank].append((position, text))
    parts = []
    for n, rank in enumerate(order, start=1):
        label = passages[rank].meta.label()
        body = " ".join(_cited(q, n) for _, q in quotes[rank])
        lead = "Volgens" if n == 1 else ("Ook volgens" if _same_doc(passages, order, n) else "Volgens")
        parts.append(f"{lead} {label}: {body}")
    # the quote a citation shows and marks on the page keeps the page's order, whatever order the answer says it in
    return "\n\n".join(parts), [(rank, " ".join(q for _, q in sorted(quotes[rank]))) for rank in order]


def _fill_gaps(lines: dict[int, str], texts: list[str], config: SentenceConfig) -> None:
    """Quote on through up to `gap` sentences left out between two that are quoted ('Tarieven: ... niet
    voldoende.' [Er moeten stevigere afspraken komen. Een minimum tarief zou goed zijn.] 'Met alleen het opnemen
    ...'), unless the quote breaks off there (a speaker, a heading)."""
    positions = sorted(lines)
    for before, after in itertools.pairwise(positions):
        between = range(before + 1, after)
        if (
            0 < len(between) <= config.gap
            and after < len(texts)
            and not any(_breaks_off(texts[p], config) for p in [*between, after])
        ):
            lines.update((p, texts[p]) for p in between)


def _widen(lines: dict[int, str], texts: list[str], config: SentenceConfig, *, after: int = 0) -> None:
    """Quote up to `context_before` sentences before each quoted run, within the same turn: the set-up a chosen
    sentence answers ('U kunt aangeven dat u de afspraak te mager vindt.'), and up to `lean_reach` more while the
    quote would open on one that points back ('Zodoende ...'). A run that opens a turn or a heading
    gets nothing before it. With `after`, up to that many sentences after each run too, within its turn: what the
    set-up leads to ('... geen overeenstemming bereikt.' / 'Vanuit het BO was het verzoek ...')."""
    for start in [p for p in sorted(lines) if p - 1 not in lines]:
        for p in range(start - 1, max(-1, start - 1 - config.context_before - config.lean_reach), -1):
            if _breaks_off(texts[p + 1], config) or _opens_block(texts[p], config):
                break
            if start - p > config.context_before and not _LEANS_BACK.search(texts[p + 1]):
                break  # past the set-up only while the quote opens on 'Zodoende ...' or 'Het mailverkeer op deze ...'
            lines[p] = texts[p]
    for end in [p for p in sorted(lines) if p + 1 not in lines]:
        for p in range(end + 1, min(len(texts), end + 1 + after)):
            if _breaks_off(texts[p], config) or _opens_block(texts[p], config):
                break
            lines[p] = texts[p]


# a sentence that names what it is about only by pointing back: 'Zodoende heeft RTL toegang gekregen ...' after 'Het
# mailverkeer op deze domeinnaam liep gewoon door.' after 'Journalist RTL heeft verlopen domeinnaam ... opgekocht.'
_LEANS_BACK = re.compile(
    r"^(?:Zodoende|Daardoor|Hierdoor|Daarmee|Hiermee)\b|"
    r"^(?:\S+\s+){0,3}(?:deze|dit)\s+(?!(?:voor|na)?jaar\b|zomer\b|week\b|maand\b|moment\b|keer\b)\w",
    re.I,
)


def _opens_block(text: str, config: SentenceConfig) -> bool:
    """A sentence no quote reaches back into: a heading, an administrative line or an overlong sentence (a
    speaker's opening line is the start of the turn, and is quoted)."""
    return bool(heading_level(text) is not None or _ADMIN_LINE.match(text) or len(text) > config.long_sentence)


def _same_doc(passages: list[Passage], order: list[int], n: int) -> bool:
    return passages[order[n - 1]].meta.doc_id == passages[order[n - 2]].meta.doc_id


def redaction_note(answer: str, question: str) -> str:
    """What the Woo/Wob codes an answer quotes mean; and when the question asks who and the answer names
    nobody but a code, that the documents do not show who (rather than a bare '10.2.e'). A note of the
    assistant's own, in parentheses on its own line, like its other notes: not a claim about the documents."""
    meaning = meanings(answer)
    if not meaning:
        return ""
    body = _MARKS.sub("", answer)
    if question_focus(question) == "name" and not holds_focus("name", without_codes(_LEADS.sub("", body)), question):
        return f"(Wie dit is, staat niet in de documenten: de naam is weggelakt; {meaning}.)"
    return f"(Weggelakt in de geciteerde tekst: {meaning}.)"


_MARKS = re.compile(r"\[\d+\]|\b\d+(?:\.\d+)+\.?[a-z]\b")
_LEADS = re.compile(r"^(?:Ook )?[Vv]olgens [^:]*:", re.M)  # our own lead-ins name documents, not people


OVER_TIME = re.compile(
    r"\b(?:verschillende (?:overleggen|bijeenkomsten|vergaderingen)|ontwikkel\w*|in de loop van|door de tijd|"
    r"voor en na|eerder en later|achtereenvolgens|verloop|tijdlijn)\b",
    re.I,
)
_UNDATED = dt.date.max


def with_number(sentence: str, n: int) -> str:
    """A sentence with [n] before its final mark."""
    body = sentence.rstrip()
    if body and body[-1] in ".!?:;":
        return f"{body[:-1]} [{n}]{body[-1]}{sentence[len(body) :]}"
    return f"{body} [{n}]{sentence[len(body) :]}"


def _cited(text: str, n: int) -> str:
    """A quoted sentence with its own citation number before its final mark: 'De VNG wil dit [1].'"""
    return with_number(_as_sentence(text), n)


def _as_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."
