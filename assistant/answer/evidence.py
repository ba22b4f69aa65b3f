"""What a question asks for and whether the retrieved sentences hold it: the answerability features.

A question is *about* its anchors (people, organisations, named things) and *asks for* its focus (a
number for "hoeveel", a date for "wanneer", a name for "wie/welke gemeente", a position for "wat zei").
The features say how well one retrieved sentence holds the focus together with the question's words,
and whether the anchors occur in running text rather than only in attendee lists.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from assistant.answer.conversation import own_words
from assistant.answer.header import ABSENT_LINE
from assistant.answer.speakers import NOUN_ENDING, full_names
from assistant.core.dates import DAY_MONTH, MONTHS, find_dates, without_dates
from assistant.core.glossary import ABBREVIATIONS, expand
from assistant.core.redactions import without_codes
from assistant.core.text import holds_term, tokenize
from assistant.core.types import Passage


class Retrieved(Protocol):
    """What the features read of a retrieval (`retrieve.Retrieval`, which reads the question with this module)."""

    passages: list[Passage]
    dense: dict[str, float]


# 'welk deel van de NvO' asks which part of a document, not what share
_DOCUMENTS = r"NvO|norm|wetsvoorstel|wet|brief|nota|plan|advies|rapport|voorstel|programma|agenda|verslag|akkoord"
_ASKS_NUMBER = re.compile(
    r"\bhoeveel\b|\bhoe (?:hoog|groot|lang|veel|vaak|duur)\b|"
    rf"\bwelke? deel\b(?!\s+van\s+(?:de|het)\s+(?:{_DOCUMENTS})\b)|"
    r"\bwelke? (?:[\w-]*percentages?|[\w-]*bedrag(?:en)?|aantal(?:len)?)\b|"
    r"\bwelke omvang\b|\bwat kost(?:te|ten|en)?\b",
    re.I,
)
_DAY_ASKED = r"\bop welke (?:datum|dag)\b|\bwelke datum\b"  # a day, not a month or year ('in oktober')
_ASKS_DATE = re.compile(rf"\bwanneer\b|{_DAY_ASKED}|\b(?:in|vanaf|sinds|tot|per) welk jaar\b|\bsinds wanneer\b", re.I)
_ASKS_DAY = re.compile(_DAY_ASKED, re.I)
# 'wanneer' that asks in which case, not at what time: 'Wanneer is er voor een cliënt sprake van ongelijkheid?',
# 'Wanneer wordt een jongere losgelaten?' (anyone, any time: a condition), 'Wanneer raken gezinnen overbelast?',
# 'Wanneer is inbreng nodig?' (a state that comes about in some case)
_ASKS_CONDITION = re.compile(
    r"^\s*(?:en\s+)?wanneer\s+"
    r"(?:(?:is|zijn)\s+er\b[^?]*\bsprake van\b|(?:is|wordt|kan|moet|mag|krijgt|heeft)\s+een\s+\w+"
    r"|(?:is|zijn|raakt|raken|wordt|worden)\b[^?]*\b(?:nodig|overbelast|kwetsbaar|verplicht|toegestaan|zinvol)\b)",
    re.I,
)
_ASKS_YEAR = re.compile(r"\bwelk jaar\b", re.I)
_THIS_YEAR = re.compile(r"\b(?:dit|vorig|volgend|komend|afgelopen|het jaar daarop|dat) jaar\b", re.I)
# the roles a person holds: 'welke kinderrechter', 'wie was de voorzitter' ask for a person
_PERSON_ROLES = (
    r"(?:\w*rechter|\w*voorzitter|accountant|advocaat|boegbeeld|kwartiermaker|projectleider|trekker|directeur|wethouder|"
    r"bestuurder|burgemeester|contactpersoon|woordvoerder|journalist|spreker|inleider|\w*lid)s?|\w*leden"
)
# a second word before the noun asked for, if a number or adjective: 'welke zeven coördinerende gemeenten' (not the
# verb of 'langs welke weg konden gemeenten')
_AND_TWO = r"(?:(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\d+|\w+e)\s+)?"
_NAMING = r"\bnaam\b|\bhoe he(?:et|ette|etten)\b"  # 'welke naam', 'hoe heette de journalist'
_ASKS_NAME = re.compile(
    rf"^\s*(?:en\s+)?wie\b|\b(?:van|door|tussen|met|bij|namens) wie\b|{_NAMING}|"
    rf"\b(?:welke?|bij welke|met welke|naar welke)\s+(?:\w+\s+)?{_AND_TWO}(?:\w*gemeenten?|\w*regio'?s?|"
    r"\w*organisaties?|partij(?:en)?|\w*instelling(?:en)?|\w*aanbieders?|instituut|\w*bureaus?|boek|leidraad|persoon|personen|"
    r"provincie|ministers?|onderzoek|rapport|experts?|deskundigen|"
    rf"{_PERSON_ROLES})\b(?!-)",  # not 'welke regio-indelingen'
    re.I,
)
_COUNT_WORDS = re.compile(
    r"\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|twintig|dertig|veertig|tachtig|"
    r"honderd|duizend|miljoen|miljard|procent|helft)\w*\b",
    re.I,
)
_ASKS_SHARE = re.compile(
    r"\b(?:welke?|hoe groot|hoe hoog)(?: \w+)? [\w-]*(?:percentages?|aandee?l(?:en)?)\b|\bhoeveel procent\b", re.I
)
_SHARE = re.compile(r"%|\bprocent\b|\b(?:helft|derde|kwart|driekwart)\b|\b\d+ op de \d+\b", re.I)
_ASKS_MONEY = re.compile(
    r"\bhoeveel (?:(?:extra|eenmalig|incidente|structure|aanvullend)\w* ){0,2}(?:geld|euro|middelen)\b|"
    r"\bwelke? [\w-]*bedrag(?:en)?\b|\bhoe ?veel kost\w*\b|\bwat kost\w*\b|\bhoe duur\b",
    re.I,
)
MONEY = re.compile(r"€|\beuro\b|\b(?:miljoen|miljard|mln|mld|mrd)\b", re.I)
# what 'hoeveel' counts in money: 'hoeveel compensatie', 'hoeveel meerkosten'
_MONEY_THINGS = re.compile(
    r"kost|geld|euro|middel|voorschot|subsid|compensat|bedrag|budget|bijdrage|tarie|uitgave|besparing|lasten|"
    r"tekort|vergoed|inkomst|premie|investering|financ",
    re.I,
)
_COUNTED_PHRASE = re.compile(r"\bhoeveel\s+((?:\w+\s+){0,3}\w+)", re.I)  # 'hoeveel extra incidentele middelen'
_AN_AMOUNT = re.compile(  # '€ 144 miljoen', '€1 mln', '95 euro'
    r"€\s*\d+(?:[.,]\d+)*(?:\s*(?:miljoen|miljard|mln|mld|mrd)\b\.?)?|\b\d+(?:[.,]\d+)*\s*(?:euro|miljoen|miljard|mln|mld|mrd)\b\.?",
    re.I,
)
_AMOUNT = re.compile(
    r"(?<=€)\s*(\d+(?:[.,]\d+)*)|\b(\d+(?:[.,]\d+)*)(?=\s*(?:euro|miljoen|miljard|mln|mld|mrd)\b)", re.I
)


# money given for good or once: 'hoeveel structurele middelen' is not answered by 'incidentele middelen'
_LASTING = re.compile(r"\bstructure(?:el|le)\b", re.I)
_ONCE = re.compile(r"\b(?:incidente(?:el|le)|eenmalige?)\b", re.I)


def _lasting_held(question: str, sentence: str) -> bool:
    """Money asked for good ('Hoeveel structurele middelen ...?') or once ('hoeveel eenmalig extra geld') is not
    given by a sentence that gives only the other kind; True when the question asks neither."""
    phrase = _COUNTED_PHRASE.search(question)
    asked = phrase.group(1) if phrase else ""
    for kind, other in ((_LASTING, _ONCE), (_ONCE, _LASTING)):
        if kind.search(asked) and other.search(sentence) and not kind.search(sentence):
            return False
    return True


def _amounts(text: str) -> set[str]:
    """The sums of money a text gives: '€ 33,5 mln.' and '20 miljoen' give '33,5' and '20'."""
    return {a or b for a, b in _AMOUNT.findall(text)}


# 'drie maanden', '2 jaar': a duration, not the count 'hoeveel kinderen' asks for
_DURATION = re.compile(  # with the range it may end ('jongeren (16-27 jaar)', 'van 12 tot 18 jaar'): an age, no count
    r"\b(?:\d+\s*(?:[-–]|tot(?: en met)?|t/m)\s*)?"
    r"(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf)\s+(?:dagen|dag|weken|week|maanden|maand|"
    r"jaar|jaren|uur|uren|minuten|kwartalen)\b",
    re.I,
)
_ASKS_FREQUENCY = re.compile(r"\bhoe ?vaak\b|\bhoe frequent\b", re.I)
_FREQUENCY = re.compile(
    r"\b\w*(?:jaarlijks|maandelijks|wekelijks|dagelijks)\w*\b|\bper (?:jaar|maand|week|kwartaal)\b|\b(?:keer|maal)\b",
    re.I,
)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WHO_NOUN = re.compile(
    r"\b(?:oud-)?(?:wethouder|burgemeester|minister|staatssecretaris|voorzitter|directeur|projectleider|kwartiermaker|"
    r"ambtenaar|accountant|onderzoeker|adviseur|bemiddelaar|ervaringsdeskundige|inspecteur|toezichthouder|boegbeeld|"
    r"ouder|school|huisarts|werkgever|professional|"  # 'Ouders en school spelen een cruciale rol'
    r"\w*instelling|\w*aanbieder|gemeente|regio|provincie|branche|ministerie|rijk|onderwijs|"
    r"\w*bureau|\w*team|\w*raad|\w*commissie|\w*werkgroep)(?:s|n|en|'s)?\b",  # 'het ketenbureau', 'een expertteam'
    re.I,
)


def _singular(noun: str) -> str:
    """'Gemeenten' and 'gemeente', 'regio's' and 'regio', 'branches' and 'branche' are the same body."""
    return re.sub(r"e$", "", re.sub(r"(?:'s|en|s)$", "", noun.lower()))


_LABEL_NUMBER = re.compile(
    r"\b(?:actielijn|artikel|art\.|bijlage|agendapunt|afspraak|punt|fase|stap|lid|categorie(?:ën)?|nr\.?|nummer|"
    r"pagina|p\.|versie|ad|zzp|kwartaal)\s*\d+(?:[.,]\d+)*\)?|\b\d+(?:e|de|ste)\s+kwartaal\b|"
    r"(?:^|(?<=[\s:;?]))\(?\d{1,2}\)(?=\s)",  # '1) Zou dit ... en 2) Kan er ...' numbers questions, counts nothing
    re.I,
)
_DAY_RANGE = re.compile(rf"\b\d{{1,2}}\s*(?:[-/–]|en|t/m)\s*\d{{1,2}}\s+(?:{'|'.join(MONTHS)})\b", re.I)
_NUMBERED_WORD = re.compile(r"\b\d+-(?!tal\b)[a-zà-ÿ]+")  # '24-uursessie', '18-jarigen' name a thing; '70-tal' counts
# a span besides '<number> <unit>': '(±40 min)', 'enkele jaren', 'een paar weken'
_SPAN = re.compile(r"\d+\s*min\b|\b(?:enkele|paar|aantal|vele)\s+(?:dagen|weken|maanden|jaren|uren)\b", re.I)
_ASKS_DURATION = re.compile(r"\bhoe ?lang\b|\bhoeveel (?:tijd|dagen|weken|maanden|jaar|jaren|uur|uren|minuten)\b", re.I)
_TIME_WORDS = re.compile(
    rf"\b(?:{'|'.join(MONTHS)})\b|\b(?:19|20)\d\d\b|\b(?:voorjaar|najaar|zomer|winter|kwartaal|week|weken|maand|maanden)\b"
    r"|\beinde? van (?:het|dit|dat) jaar\b|\bjaareinde\b|\bvolgend jaar\b|\bkerst\w*",
    re.I,
)
# a time set by what happens then: 'Tijdens internetconsultatie kunnen alle partijen wederom reageren', 'na het AO'
_AT_EVENT = re.compile(
    r"\b(?:tijdens|na afloop van|na|voorafgaand aan|vóór|bij)\s+(?:het\s+|de\s+)?(?:\w+-)?"
    r"(?:internetconsultatie|consultatie|AO|BO|WGO|VAO|debat|reces|\w*circulaire)\b",
    re.I,
)
_ASKS_ONE_BY_NAME = re.compile(r"\bwelke?\s+(?:\w+\s+)?\w*(?:bureau|instituut)s?\b", re.I)
_SEASON_NAMED = re.compile(r"\b[Dd]e (?:Winter|Zomer)\b")  # 'commissie De Winter' is named, not a season
_NAMED = r"\b(?:[A-Z][a-zà-ÿā-ž]{2,}|[A-Z]{2,}[a-z]*|[A-Z][a-z]*[A-Z]\w*)\b"  # 'Esmān'
# not a word opening a sentence nor a speaker's turn ('Dhr. X:'); after a title it is a name ('Mevr. Esmān vraagt ...')
_TITLE_END = r"(?:hr|vr|mw|Mw)"  # how 'Dhr.', 'Mevr.', 'Mw.' end, a fixed width to look behind
_NAME = re.compile(rf"(?<![.:]\s)(?<!^){_NAMED}|(?<={_TITLE_END}\.\s){_NAMED}(?!:)")
_NAME_ASKED = re.compile(rf"(?<!:\s)(?<!(?<!{_TITLE_END})\.\s)(?<!^){_NAMED}")  # 'Wat zei dhr. Meijer ...?'
_ACRONYM = re.compile(r"\b(?:[A-Z]{2,}[a-z]*|[A-Z][a-z]*[A-Z]\w*)\b")  # VNG, JenV: names wherever they stand
_ADMIN_LINE = re.compile(r"^\s*(?:Aanwezig|Afwezig|Deelnemers|Kopie aan|Genodigden|Namens|o\.v\.)\b", re.I | re.M)
_TITLED = r"(?:Dhr|Mevr|Mw|Mr|De heer|Mevrouw)\.?\s+"  # how a verslag line opens a speaker's turn
_PARTICLES = r"(?:(?:[Dd]e|[Vv]an|der|ter|den)\s+)*"
# what opens a turn before the surname: 'Dhr. Eerenberg ...', and a first name before a surname and a colon ('Hans
# Spijt: ...', 'Paul van Dijk (Utrecht): ...')
_OPENS_TURN = rf"(?:{_TITLED}|[A-Z][a-zà-ÿ]+\s+(?={_PARTICLES}[A-Z][\w'-]+\s*(?:\([^)]*\))?:))"
_SPEAKER = re.compile(rf"^{_OPENS_TURN}({_PARTICLES}[A-Z][\w'-]+)")
_ANCHOR_SKIP = set(
    """Kamerbrief Kamerleden Kamerlid Kamervragen Jeugdwet Rijk Jeugd Zorg De Het Een In Op Volgens Wat Hoe Wie Welke
    Welk Waarom Wanneer Hoeveel En Bij Met Van Voor Naar BO VNG VWS Vergelijk Werd Ging Sinds Aan Dit Die Deze Nederland
    Alle Elke Elk Iedere Beide Veel Vele Enkele Sommige Geen Andere""".split()
)  # the last row: words of quantity that open a sentence after a heading ran into it ('... van aanpak Alle 14 regio's')
ASKS_POSITION = re.compile(
    r"\b(?:zei|zeiden|zegt|bracht\w*|inbreng|reageerde\w*|reactie|wilde|wens|standpunt|keek|kijkt|"
    r"(?:vond|vonden|vindt)(?![^.?;]*\bplaats\b)|"  # not 'vond ... plaats': took place
    r"meldde|bepleit\w*|boodschap|waarschuwde|stelde(?![^.?;]*\bop\s*\?)|adviseerde|punt|klaagde\w*|benadrukte\w*|pleitte\w*|opperde\w*|"
    r"betoogde\w*|uitte\w*|noemde\w*|vroeg|vroegen|verwachtte\w*|erkende\w*|hekelde\w*|bekritiseerde\w*|meende\w*|"
    r"vertelde\w*|antwoordde\w*|toelichtte\w*|lichtte\w*|wees|oordeelde\w*|twijfelde\w*|betwijfelde\w*|vreesde\w*|"
    r"hoopte\w*|steunde\w*|onderschreef|onderschreven|verzette\w*)\b",
    re.I,
)
_SPEECH = (
    r"(?:geeft|gaf|zegt|zei|stelt|stelde|vindt|vond|benadrukt|merkt|vraagt|vroeg|reageert|pleit|wijst|meldt|"
    r"antwoordt|licht|deelt|is van mening|onderschrijft|herkent|roept|wil|spreekt|ziet|mist|maakt zich|"
    r"verzoekt|verzocht|schrijft|schreef|brief)"  # a body that is not at the table speaks in its letters
)


def question_focus(question: str) -> str:
    """What kind of thing the question asks for: 'number', 'date', 'name' or 'none' ('En wat moet er met de
    samenwerking gebeuren?' after 'Wie krijgt ...?' asks no name)."""
    question = asked_of(question)
    if _ASKS_NUMBER.search(question):
        return "number"
    if _ASKS_DATE.search(question) and not _ASKS_CONDITION.search(question):
        return "date"
    if _ASKS_NAME.search(question):
        return "name"
    return "none"


def asked_of(question: str) -> str:
    """What a question asks: a follow-up with a question word of its own asks what that word asks, without the
    earlier question added for context; one without ('En in 2020?') what the question it follows asked."""
    own = own_words(question)
    return own if own != question and _QUESTION_WORD.search(own) else question


_QUESTION_WORD = re.compile(r"\b(?:wat|wie|wanneer|hoe|hoeveel|welke?|waar\w*|waarom)\b", re.I)


def anchors(question: str) -> list[str]:
    """Names the question is about (people, organisations, named things), as written."""
    months = {m.capitalize() for m in MONTHS}
    found = []
    for match in _NAME_ASKED.finditer(question):
        word = match.group(0)
        if word in _ANCHOR_SKIP or word in months or word in ABBREVIATIONS:
            continue
        found.append(word)
    return list(dict.fromkeys(found))


UNTIL = r"tot(?: en met)?|t/m|uiterlijk|vóór|voor"  # the words before a day that set a limit in time
_UNTIL = re.compile(rf"\b(?:{UNTIL})\s+(?:eind |begin |medio )?$", re.I)


def _until(sentence: str) -> bool:
    """True for a sentence that sets a limit in time: 'tot 1 november', 'vóór eind 2020'."""
    starts = [m.span[0] for m in find_dates(sentence)] + [m.start() for m in DAY_MONTH.finditer(sentence)]
    return any(_UNTIL.search(sentence[max(0, start - 20) : start]) for start in starts)


_COUNTED = re.compile(r"\bhoeveel\s+(\w+(?:\s+\w+)?)", re.I)  # the thing counted: 'hoeveel (minderjarige) reacties'
# what 'hoeveel' asks that other readings answer: an amount, a share, a part of something named before
_NOT_A_THING = re.compile(r"(?:daar|hier|er)van\b|(?:\w+ )?(?:geld|euro|middelen)\b|procent\b", re.I)
_A_COUNT = re.compile(rf"\b\d+(?:[.,]\d+)?\b|{_COUNT_WORDS.pattern}", re.I)
_NONE_OF = re.compile(r"\bgeen\s+(\w+)", re.I)  # 'Er zijn geen amendementen ingediend': none is a count too


def counted_things(question: str) -> set[str]:
    """The stemmed words of what 'hoeveel' counts ('hoeveel minderjarige terugkeerders'); empty for 'hoeveel
    procent', 'hoeveel geld' and 'hoeveel daarvan'."""
    match = _COUNTED.search(question)
    if not match or _NOT_A_THING.match(match.group(1)):
        return set()
    things = {t for t in tokenize(match.group(1)) if len(t) >= 3}
    return things | _PEOPLE if things & _PEOPLE else things


_PEOPLE = set(tokenize("mensen personen deelnemers aanwezigen vertegenwoordigers"))  # 'hoeveel mensen': '70 deelnemers'
# whose or where from the things counted are: 'hoeveel reacties van gemeenten', 'hoeveel jongeren uit het Netwerk'
_COUNTED_GROUP = re.compile(r"\bhoeveel\s+\w+\s+(?:van|uit)\s+(?:(?:de|het|een)\s+)?(\w[\w-]*(?:\s+\w[\w-]*)?)", re.I)


def _group_held(question: str, sentence: str) -> bool:
    """Things counted of a group ('Hoeveel reacties van gemeenten ...?') are counted by a sentence that names the
    group ('in 8 landsdelen' for 'delen van het land'), not by a count of all of them ('274 reacties'); True when
    the question counts no group."""
    match = _COUNTED_GROUP.search(question)
    group = {t for t in tokenize(match.group(1)) if len(t) >= 3} if match else set()
    words = set(tokenize(sentence))
    return not group or _names_thing(sentence, group) or any(w.startswith(t) for w in words for t in group)


def _names_thing(text: str, things: set[str]) -> bool:
    """Some word of the text is one of the things counted, a compound ending in one ('landsdelen'), or the head of
    one asked as a compound ('42 regio's' counts the jeugdhulpregio's asked for)."""
    words = set(tokenize(text))
    return any(
        holds_term(words, t) or any(w.endswith(t) or (len(w) >= 5 and t.endswith(w)) for w in words) for t in things
    )


def _around(text: str, count: re.Match[str]) -> str:
    """What a count may count: the 40 characters before it ('het aantal aanmeldingen is 20') and the two words
    after it, past 'procent van de' ('12 gezinshuizen', '40% van de instellingen'), not a noun further on ('vijf
    basisfuncties voor lokale teams' counts basisfuncties); of a share only what follows it, and of a count of kinds
    ('twee typen geschillen') or of representatives of a list only the word after it."""
    after = [w for w in re.findall(r"[\w'%-]+", text[count.end() : count.end() + 80]) if w.lower() not in _OF][:2]
    if after and after[0].lower() in _KINDS:  # 'twee typen geschillen' counts kinds of geschillen, not geschillen
        after = after[:1]
    if len(after) == 2 and re.match(
        rf"\W*{re.escape(after[0])}\s+van\s+{re.escape(after[1])}\s*,", text[count.end() :]
    ):
        after = after[:1]  # '130 vertegenwoordigers van cliënten, professionals, ...' counts them all, not cliënten
    # a share counts only what follows it ('40% van de instellingen'): 'Van deze mensen valt zo'n 5 procent onder de
    # Wlz' does not count the mensen
    share = _SHARE_NEXT.match(text, count.end()) or count.group(0).lower() in ("procent", "helft")
    # nor does a count of a plural noun count what stands before it: 'Om de stem van de Professional te laten horen
    # hebben 15 beroepsverenigingen een enquête uitgevoerd' counts beroepsverenigingen, no professionals
    own = bool(after) and bool(_PLURAL_NOUN.fullmatch(after[0]))
    return f"{'' if share or own else text[max(0, count.start() - 40) : count.start()]} {' '.join(after)}"


_PLURAL_NOUN = re.compile(r"(?!ge|worden|hebben|kunnen|zullen|moeten)[a-zà-ÿ][\w'-]{4,}(?:en|s)")


_SHARE_NEXT = re.compile(r"\s*(?:%|procent\b)", re.I)
_OF = {"%", "procent", "van", "de", "het", "der", "den"}  # '40% van de jeugdbeschermingsinstellingen'
_KINDS = {"typen", "types", "soorten", "vormen", "categorieën", "varianten", "sporen"}


_PER = re.compile(r"\bper (?!\d)(\w+)|\b(?:elk|ieder)e?\b", re.I)  # 'per pleegkind', 'elk expertisecentrum'
_EVERY = {"jaar": r"\w*jaarlijks", "maand": r"\w*maandelijks", "week": r"\w*wekelijks"}
_UNIT_OF = {"jaarlijks": "jaar", "maandelijks": "maand", "wekelijks": "week"}


def _per_unit_held(question: str, sentence: str) -> bool:
    """A number asked per unit ('per pleegkind', 'per jaar', 'elk') is given per unit: 'per pleegkind', 'jaarlijks',
    'gemiddeld', 'elk'; True when the question asks for no number per unit."""
    asked = _PER.search(question)
    every = re.search(rf"\b(?:{'|'.join(_UNIT_OF)})\b", question, re.I)  # 'jaarlijks' asks per jaar too
    if not asked and not every:
        return True
    unit = _UNIT_OF[every.group(0).lower()] if every else (asked.group(1) or "").lower()
    if not unit:
        return bool(re.search(r"\bper\b|\b(?:elk|ieder)e?\b|\bgemiddeld", sentence, re.I))
    stems = set(tokenize(unit))
    given = {t for m in re.finditer(r"\bper (\w+)", sentence, re.I) for t in tokenize(m.group(1))}
    return bool(stems & given) or bool(unit in _EVERY and re.search(rf"\b{_EVERY[unit]}e?\b", sentence, re.I))


# 'Wanneer stapt de Jeugdautoriteit in?', in the present tense, may ask on what condition, not on what day ...
_ASKS_WHEN_AS_RULE = re.compile(
    r"^\s*(?:en\s+)?wanneer\s+(?:(?!(?:is|was|werd|wordt|had|heeft|moest|zou)\b)\w+t|mag|mogen|kan|kunnen)\b", re.I
)
# ... which a condition answers: 'alleen als er sprake is van', 'zodra', 'indien', 'in geval van'
_CONDITION = re.compile(
    r"\b(?:alleen|pas|slechts|enkel)\s+(?:als|wanneer|indien)\b|\bzodra\b|\bindien\b|\bop het moment dat\b|"
    r"\bin (?:het )?geval (?:van|dat)\b|\bals er sprake is\b",
    re.I,
)
# a person is answered by a person's name, not by 'NRC' or 'Limburg'
_ASKS_PERSON = re.compile(
    rf"\b(?:welke?|wie (?:was|is|werd|wordt|waren|zijn)(?: de| het)?|hoe heette (?:de|het))\s+(?:\w+\s+)?(?:\w+-)?"
    rf"{_PERSON_ROLES}\b|"
    r"^\s*wie\b[^?]*\bnamens\b|"  # 'Wie nam namens de BGZJ zitting ...?': someone on behalf of a body
    r"^\s*wie\s+(?:zat|zaten|zit|zitten)\b",  # 'Wie zaten er in het ... team?': its members, not the bodies behind it
    re.I,
)
# who chaired: 'Wie zat de Ronde Tafel ... voor?', 'Wie was dagvoorzitter ...?', 'Onder leiding van wie ...?'
_ASKS_CHAIR = re.compile(
    r"\bwie\s+(?:was|is|werd|wordt)\s+(?:de\s+)?\w*voorzitter\b|^\s*wie\s+(?:zat|zit)\b.*\bvoor\s*\?\s*$|"
    r"\bonder leiding van wie\b|^\s*wie\s+(?:leidde|leidt)\b",
    re.I,
)
_CHAIRS = re.compile(r"voorzit|voorgezeten|\bo\.l\.v\.|onder leiding|\bleid(?:de|t|en)?\b|\bgeleid\b", re.I)
# 'hoe heet de publicatie?' is answered by a title in quotes as well as by a capitalised name
_ASKS_TITLE = re.compile(_NAMING, re.I)
_QUOTED = re.compile(r"[‘“\"'][^‘’“”\"']{3,80}[’”\"']")
# ... and by a term a sentence introduces: 'de zogenoemde emvi-verplichting', 'een aanpak genaamd ...'
_TERMED = re.compile(r"\bzo(?:genoemde?|genaamde?)\b|\bgenaamd\b|\bwordt (?:ook )?genoemd\b", re.I)
# 'aan welke organisatie' is answered by the VNG too, a name too common to be what a question is about
_ASKS_BODY = re.compile(r"\bwelke?\s+(?:\w+\s+)?(?:\w*organisaties?|partij(?:en)?|instanties?|ministeries?)\b", re.I)
_BODIES = {"VNG", "VWS", "Rijk"}
_NOT_A_BODY = _ANCHOR_SKIP - _BODIES
# 'Wie vond in het BO dat ...?', 'Wie pleitte voor ...?': who held a view, not whom it was about ('Wie wilde Spijt
# betrekken?')
_ASKS_WHO_SAID = re.compile(
    r"^\s*(?:en\s+)?wie\s+(?:vond|vonden|zei|zeiden|pleitte|pleitten|stelde|stelden|benadrukte|waarschuwde|opperde|"
    r"betoogde|gaf aan|merkte op|(?:onder)?steunde|(?:onder)?steunden)\b",
    re.I,
)
_TURN_OPENING = re.compile(rf"^\W*{_OPENS_TURN}{_PARTICLES}[A-Z][\w'-]+\s*:?")
_ASKS_PLACE = re.compile(rf"\bwelke?\s+(?:\w+\s+)?{_AND_TWO}(?:gemeenten?|\w*regio'?s?|provincies?)\b", re.I)
_GROUP = re.compile(r"\b[GM]\d+\b")  # 'de G4', 'de M50': groups of gemeenten
# a motion, amendment, committee or report is named after people: 'motie Bergkamp', 'amendement Klaver/Westerveld'
_NAMED_AFTER = re.compile(r"\b(?i:motie|amendement|commissie|rapport)\s+(?:[A-Z][\w-]*(?:\s*(?:/|,|en|c\.s\.)\s*)?)+")


# 'welke regio het meest', 'de grootste zorg': a question that asks which one stands out is answered by a sentence
# that compares
_ASKS_MOST = re.compile(
    r"\b(?:het|de) (?:meest\w*|grootst\w*|vaakst|hoogst\w*|sterkst\w*|belangrijkst\w*|minst\w*|laagst\w*|"
    r"duurst\w*|goedkoopst\w*)\b",
    re.I,
)
_COMPARES = re.compile(
    r"\b(?:meest\w*|grootst\w*|vaakst|hoogst\w*|sterkst\w*|belangrijkst\w*|minst\w*|laagst\w*|duurst\w*|"
    r"goedkoopst\w*|vooral|met name|bovenal|in het bijzonder|meer dan|minder dan|koploper|\w+er dan)\b",
    re.I,
)


# 'welke regio startte als derde?' asks an order, answered by a sentence that gives one
_ASKS_ORDER = re.compile(r"\bals (?:eerste|tweede|derde|vierde|vijfde|laatste)\b", re.I)
_ORDERS = re.compile(
    r"\b(?:eerste|tweede|derde|vierde|vijfde|laatste|(?:aller)?eerst|voorloper\w*|koploper\w*|pilot\w*|start\w*|"
    r"begin\w*|daarna|vervolgens|volgende|volgen|gevolgd)\b",
    re.I,
)


def asks_most(question: str) -> bool:
    """True for a question that asks which one stands out: 'welke regio het meest', 'de grootste zorg'."""
    return bool(_ASKS_MOST.search(question))


def _compares(question: str) -> bool:
    """True for a question that asks which one stands out or comes in what order."""
    return asks_most(question) or bool(_ASKS_ORDER.search(question))


def _aside_on_other(sentence: str, at: int, question: str) -> bool:
    """True when the place `at` lies in brackets that qualify words the question does not hold: 'dak- en
    thuisloosheid (ca. 60% komt uit Jeugdzorg) en hoge schulden' gives the share of the homeless, not of debts."""
    opened = sentence.rfind("(", 0, at)
    if opened < 0 or ")" in sentence[opened:at]:
        return False
    before = re.findall(r"\w{5,}", sentence[:opened])[-2:]
    asked = {w.lower()[:5] for w in re.findall(r"\w{5,}", question)}
    return bool(before) and not any(w.lower()[:5] in asked for w in before)


_YEAR_ASKED = re.compile(r"\b(?:in|voor)\s+((?:19|20)\d\d)\b")
_PER_YEAR = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:mln|miljoen|miljard|mld|mrd)?\.?\s+(?:in|voor)\s+((?:19|20)\d\d)\b")


def _year_held(question: str, sentence: str) -> bool:
    """False when a number question asks for one year ('Hoeveel ... in 2022?') and the sentence gives its figures
    year by year ('€ 420 mln in 2019, € 300 mln in 2020 en € 300 mln in 2021'), none for that year."""
    asked = set(_YEAR_ASKED.findall(question))
    given = set(_PER_YEAR.findall(sentence))
    return not (asked and given) or bool(asked & given)


def holds_focus(focus: str, sentence: str, question: str) -> bool:
    """True when a sentence holds a thing of the kind asked for that the question does not give itself."""
    cue = asked_of(question)  # 'welke regio het meest', not after 'Welke regio deed het meest?' 'En wat vond de VNG?'
    if asks_most(cue) and not _COMPARES.search(sentence):
        return False
    if _ASKS_ORDER.search(cue) and not _ORDERS.search(sentence):
        return False
    if focus == "number":
        if not _per_unit_held(question, sentence):  # 'hoeveel per pleegkind' is not answered by the total
            return False
        if not _year_held(question, sentence):  # 'in 2022' is not answered by '€ 420 mln in 2019, € 300 mln in 2020'
            return False
        given = _amounts(question)
        things = counted_things(question)  # in money or not: 'hoeveel gemeenten ... de € 170 miljoen' counts gemeenten
        asks_money = bool(_ASKS_MONEY.search(question))
        in_money = not things or asks_money or bool(_MONEY_THINGS.search(_COUNTED_PHRASE.search(question).group(1)))
        if (asks_money or given) and in_money:  # 'hoeveel geld' is answered by an amount, not by any number, and
            # by one the question does not give: 'welk bedrag uit de € 33,5 mln.', 'hoeveel van de € 170 miljoen'
            return (
                bool(MONEY.search(sentence))
                and (not given or bool(_amounts(sentence) - given))
                and _lasting_held(question, sentence)
            )
        if _ASKS_SHARE.search(question):  # 'welk percentage' by a share of what the question asks about
            return any(not _aside_on_other(sentence, m.start(), question) for m in _SHARE.finditer(sentence))
        asked = set(re.findall(r"\d+", question))
        asks_duration = bool(_ASKS_DURATION.search(question))
        if asks_duration:  # 'hoeveel tijd krijgen zij?' is answered by 'drie maanden', '±40 min' and by 'tot 1
            # november'; not by a count of something else ('de vijf veranderopgaven' for 'hoe lang was de wachttijd?')
            return bool(_DURATION.search(sentence) or _until(sentence) or _SPAN.search(sentence))
        # 'op maandag 10 februari' is a day, not a count
        counted = without_dates(without_codes(_DURATION.sub(" ", sentence) if not asks_duration else sentence))
        counted = _DAY_RANGE.sub(" ", _NUMBERED_WORD.sub(" ", counted))  # '22 en 23 maart', 'de 24-uursessie'
        counted = _LABEL_NUMBER.sub(" ", YEAR.sub(" ", DAY_MONTH.sub(" ", counted)))  # 'actielijn 1', '2019'
        digits = {m.group(0) for m in re.finditer(r"\b\d+", counted)}  # not G40, M50: names
        if _ASKS_FREQUENCY.search(question) and _FREQUENCY.search(counted):
            return True  # 'hoe vaak' is answered by 'halfjaarlijks', 'twee keer per jaar'
        if not in_money:
            counted = _AN_AMOUNT.sub(" ", counted)  # 'door gemeenten ontvangen € 144 miljoen' counts no gemeenten
        if things:  # 'hoeveel gezinshuizen' is answered by '12 gezinshuizen', not by 'die twee categorieën'
            counts = any(
                m.group(0) not in asked and _names_thing(_around(counted, m), things)
                for m in _A_COUNT.finditer(counted)
            )
            return (counts and _group_held(question, sentence)) or any(
                _names_thing(m.group(1), things) for m in _NONE_OF.finditer(counted)
            )
        return bool(digits - asked) or bool(_COUNT_WORDS.search(counted))
    if focus == "date":
        if _ASKS_WHEN_AS_RULE.search(question) and _CONDITION.search(sentence):
            return True  # 'Wanneer stapt de JA in?' is answered by 'JA stapt alleen in als er sprake is van ...'
        if _ASKS_DAY.search(question):  # 'op welke datum' is answered by a day, not by 'in oktober'
            return any(m.day_precise for m in find_dates(sentence)) or bool(DAY_MONTH.search(sentence))
        if _ASKS_YEAR.search(question):  # 'in welk jaar' by a year, not by 'per 1 juli'
            return bool(YEAR.search(sentence) or _THIS_YEAR.search(sentence))
        return (
            bool(find_dates(sentence))
            or bool(_TIME_WORDS.search(_SEASON_NAMED.sub(" ", sentence)))
            or bool(_AT_EVENT.search(sentence))
        )
    if focus == "name":
        given = set(_NAME.findall(question)) | set(_ACRONYM.findall(question))
        names = _NAME.findall(sentence) + _ACRONYM.findall(sentence)  # 'JenV neemt de lead': a name opening it
        if _ASKS_CHAIR.search(question) and not _CHAIRS.search(sentence):
            return False  # who chaired is not answered by anyone named: 'de leden Tielen en Peters' filed motions
        if _ASKS_WHO_SAID.search(question) and _SPEAKER.match(sentence):
            return True  # 'Wie vond dat ...?' is answered by who says it: 'Dhr. Dekker: Er is ... nodig.'
        if _ASKS_PERSON.search(question):  # by a name in what is said, not by whoever says it ('Dhr. Popma: ...'),
            said = _TURN_OPENING.sub("", sentence, count=1)  # nor by a name blacked out under 10.2.e
            persons = {n for n in people_in(said) | full_names(said) if not _ACRONYM.fullmatch(n)}
            return any(person not in given for person in persons)
        if _ASKS_PLACE.search(question):  # 'welke regio' is answered by a place, not by 'BGZJ' or '10.2.e'
            asked = {w.lower() for w in re.findall(r"\w+", question)}  # 'Gemeenten' opening a quote is no place
            places = {p for p in place_names(sentence) if p not in _ANCHOR_SKIP and p.lower() not in asked}
            return len(places) >= _names_asked(question)
        # a title in quotes or so named, or a numbered word: 'Hoe heet het plan?': 'neergelegd in hun 9-stappenplan'
        if _ASKS_TITLE.search(question) and (
            _QUOTED.search(sentence)
            or _TERMED.search(sentence)
            or any(w not in question for w in _NUMBERED_WORD.findall(sentence))
        ):
            return True
        # a name blacked out under 10.2.e is a name too: '10.2.e licht toe dat ...' answers 'door wie?'
        skip = _NOT_A_BODY if _ASKS_BODY.search(question) else _ANCHOR_SKIP
        if any(name not in given and name not in skip for name in names) or "10.2.e" in sentence:
            return True
        # 'wie' is answered by a role or body too: 'een oud-wethouder', 'jeugdzorginstellingen', 'de regio' (not
        # 'bij welke drie jeugdhulpinstellingen', which asks their names: 'bij drie instellingen' names none)
        if _names_asked(question) > 1 or _ASKS_ONE_BY_NAME.search(question):
            return False  # 'welk onderzoeksbureau' asks its name: 'aanbieders' is none
        asked = {_singular(m) for m in _WHO_NOUN.findall(question)}
        return any(_singular(noun) not in asked for noun in _WHO_NOUN.findall(sentence))
    return True


# what stands capitalised but is no place: a person after a title ('Dhr. De Jonge'), the first half of a compound
# ('het Wmo-domein'), a noun ('de Voorjaarsnotabesluitvorming'), a motion named after Kamerleden
_HONORIFIC = re.compile(
    r"\b(?i:dhr|mevr|mw|de heer|mevrouw|minister|staatssecretaris)\.?\s+"
    rf"(?:[A-Z][a-zà-ÿ]+\s+)?{_PARTICLES}[A-Z][\w'-]+"
)
_COMPOUND_HEAD = re.compile(r"\b[A-Z]\w*-(?=[a-z])")
_PARLIAMENT = re.compile(r"\b(?:Tweede|Eerste)\s+Kamer\b")  # 'naar de Tweede Kamer verzonden' names no place


def place_names(sentence: str) -> set[str]:
    """The capitalised words of a sentence that may name a place or a group of gemeenten ('Utrecht', 'de G4')."""
    text = _COMPOUND_HEAD.sub(" ", _HONORIFIC.sub(" ", _NAMED_AFTER.sub(" ", _PARLIAMENT.sub(" ", sentence))))
    words = [
        n for n in _NAME.findall(text) if not _ACRONYM.fullmatch(n) and not _COMMON_NOUN.search(n) and n not in _LAWS
    ]  # fmt: skip
    return set(words) | set(_GROUP.findall(text))


_LAWS = set("Wmo Wlz Zvw Wjz Wmg Wgr Awbz Bopz Wvggz Wzd Wet".split())  # '(AWBZ, Zvw, Wjz)' names laws, no place


# a capitalised noun where a heading ran into the text ('... infrastructuur Onderzoeksvraag is of ...'): no place
# ('Stuurgroep', 'Ondersteuningsteam', 'het Bestuurlijk Overleg', '3) Akkoord met ...')
_COMMON_NOUN = re.compile(
    rf"{NOUN_ENDING.pattern}|(?i:vraag|punt|plan|doel|stuk|brief|taak|kader|groep|team|overleg|akkoord|lijk)$"
)


_SEVERAL = re.compile(r"\bwelke\s+(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|[2-9]|\d\d+)\b", re.I)


def _names_asked(question: str) -> int:
    """How many names a question asks for at least: 'welke zeven gemeenten' two or more, else one."""
    return 2 if _SEVERAL.search(question) else 1


@dataclass(frozen=True)
class Evidence:
    """The answerability features of one question against its retrieved passages (all in 0..1)."""

    support: float  # question weight the best sentence holds itself (lexical coverage)
    window: float  # question weight the best run of three consecutive sentences holds
    focus: float  # coverage of the best sentence that also holds the kind of thing asked for
    anchors_missing: float  # share of the question's names found nowhere in running text of the passages
    focus_gap: float  # how much more of the question the best sentence holds than the best one holding the focus
    unknown: float  # share of the three best sentences that say the thing is not known, not yet, or still sought
    speaker_missing: float  # 1 when the question asks what a named person said and nobody by that name speaks
    dense: float  # best cosine similarity of question and passage (e5), rescaled from 0.7..0.9
    date_missing: float  # 1 when the question names a day, month or year no document is about
    outcome_open: float = 0.0  # 1 when the question asks how something turned out ('uiteindelijk', 'daadwerkelijk')
    # and one of the three best sentences says it is still open, or when the best sentence still looks into what is
    # asked (`still_asked`) or speaks of the ones asked for without naming any (`names_none`), when no sentence dates
    # the event a date question asks about (`event_undated`), or when a body that does not sit at the table is not
    # named where the best sentence stands (`body_absent`): a rule, like date_missing
    focus_share: float = 1.0  # focus / support: how much of the best sentence's hold a sentence holding the kind
    # of thing asked for keeps (1 when the question asks for no particular kind)

    def vector(self) -> list[float]:
        """The features in model order."""
        return [getattr(self, name) for name in FEATURES]


FEATURES = ("support", "window", "focus", "focus_gap", "unknown", "anchors_missing", "speaker_missing", "dense",
            "date_missing", "focus_share", "outcome_open")  # fmt: skip
_UNKNOWN = re.compile(
    r"\b(?:niet bekend|onbekend|nog niet|nog geen|(?:wordt|worden) (?:nog )?gezocht|niet duidelijk|onduidelijk|"
    r"niet (?:worden )?meegenomen|in de planning|nog onderzocht|nader bepaald|nog uitgewerkt|weten (?:we )?niet|"
    r"niet zeker|onzeker|beraadt zich nog|beraden zich nog|nog open|geen afspraak|geen overeenstemming|"
    r"niet uit (?:te )?(?:gaan )?komen)\b",
    re.I,
)


_ASKS_OUTCOME = re.compile(
    r"\b(?:uiteindelijk|inmiddels|(?:daad)?werkelijk|uitkomst|uitslag|afloop|aangesteld|benoemd|koos|kozen|gekozen)\b|"
    # 'Wat waren de uitkomsten?', 'Wat kwam er uit de evaluatie?' (not 'wanneer ... de uitkomsten bespreken')
    r"\bwat (?:was|waren|is|zijn) de uitkomsten\b|\bwat kwam(?:en)? (?:er )?uit\b|\bwat leverde(?:n)?\b[^?]*\bop\b|"
    r"\bwat (?:was|waren) de (?:conclusies?|bevindingen)\b|\bwat concludeerde(?:n)?\b|"  # of an advice or study
    # 'Wie werd projectleider?' asks who was appointed; 'Wie werd er ... ingezet?' asks what is recorded
    r"^\s*(?:en\s+)?wie werd\b(?![^?]*\b(?:\w*ge\w+|be\w+|ver\w+|ont\w+)[dt]\b)|"
    # 'Welke gemeente nam de rol over?': who took it on (the particle closing it, not 'namen deel aan het gesprek over')
    r"\bliep\b[^?]*\baf\b|\bnam(?:en)?\b[^?]*\bover\s*\?",
    re.I,
)


# 'Welke afspraken maakten Rijk en partijen over ...?', 'Wat is er afgesproken over ...?': what was agreed
_ASKS_AGREEMENT = re.compile(
    r"\bwelke afspra(?:ak|ken)\b[^?]*\b(?:gemaakt|maakten|maakte)\b|"
    r"\bwat (?:is|werd|werden|hebben|heeft)\b[^?]*\bafgesproken\b",
    re.I,
)
# 'Over het vervolg ... worden nog separate afspraken gemaakt': agreed on later, not yet
_YET_TO_AGREE = re.compile(
    r"\b(?:worden|wordt|moeten|moet)\s+(?:er\s+)?nog\s+(?:\w+\s+){0,2}afspraken?\s+(?:\w+\s+){0,2}gemaakt\b|"
    # 'Wil graag een cyclus afspreken ..., 10.2.e belooft te kijken naar een goed moment': wished for, not agreed
    r"\bwil(?:len)?\s+(?:graag\s+)?(?:\w+\s+){0,3}afspreken\b",
    re.I,
)


def asks_outcome(question: str) -> bool:
    """True for a question about how something turned out, who was appointed or what was agreed ('Welke gemeente
    heeft het uiteindelijk overgenomen?', 'Wie werd projectleider?', 'Welke afspraken werden gemaakt?')."""
    return bool(_ASKS_OUTCOME.search(question) or _ASKS_AGREEMENT.search(question))


_SPECULATES = re.compile(r"\b(?:wellicht|misschien|eventueel|mogelijk|waarschijnlijk)\b|\?\s*$", re.I)
_PLANNED = re.compile(  # not yet done
    r"\b(?:zal|zullen|volgende week|voornemens|voorgenomen|streeft|streven|afgesproken dat|afgesproken is dat|"
    r"gepland|ingepland|(?:kijkt|kijken|ziet|zien) (?:\w+ )?uit naar|uitziet naar|uitzien naar|"
    r"(?:bekend|gereed|klaar|beschikbaar) (?:na|eind|begin|rond)|"  # 'uitkomsten bekend na de zomer'
    # 'Begin juli is ook de definitieve rapportage van de evaluatie ... gereed'
    rf"(?:begin|eind|medio|half|rond) (?:{'|'.join(MONTHS)})\b[^.;]*\b(?:bekend|gereed|klaar|beschikbaar)|"
    r"(?:dit|deze|komend\w*) (?:voorjaar|zomer|najaar|winter))\b",  # 'brengt ... dit voorjaar advies uit'
    re.I,
)


# still under way: 'er loopt een groot onderzoek', 'is in volle gang' (not 'loopt in 2022 af', 'loopt tot 1 juli')
_ONGOING = re.compile(
    r"\b(?:loopt|lopen)\b(?![^.;]*\b(?:af|tot|uit)\b)|\bis gaande\b|\bin volle gang\b|\bnog (?:bezig|gaande)\b|"
    r"\b(?:is|zijn)\s+(?:[\w'’-]+\s+){0,6}(?:gestart|begonnen)\b|\bvan start gegaan\b",  # 'is de evaluatie ... gestart'
    re.I,
)


# an aim, not what came of it: 'de ambitie ... de klinische capaciteit met 30% te laten krimpen'
_AIMS = re.compile(r"\b(?:ambitie\w*|doelstelling\w*|beoog\w*|streefcijfer\w*|streefwaarde\w*)\b", re.I)


# options laid out, none chosen: 'Voor de positionering hiervan zijn verschillende opties beschikbaar'
_OPTIONS = re.compile(
    r"\b(?:verschillende|meerdere|diverse|twee|drie|vier|enkele) (?:opties|mogelijkheden|varianten|scenario'?s)\b", re.I
)


# asked of someone, not yet done: 'Dhr. Eerenberg verzoekt het OZJ na de 1e cyclus te reflecteren of ...'
_REQUESTED = re.compile(r"\b(?:verzoek(?:t|en)|verzocht|vraagt|vroeg|vroegen)\b[^.;?]*\bte\s+[a-z]\w+", re.I)


# what ought to be done or is aimed at, not what was: 'Van belang is ook om opleidingen (zowel HBO als WO) aan te
# haken', 'Het doel is om voor eind dit jaar tot een gedragen toekomstscenario ... te komen'
_OUGHT = re.compile(
    r"\b(?:van belang|belangrijk|zaak|wenselijk|doel)\s+(?:is\s+)?(?:\w+\s+)?om\b[^.;?]*\bte\s+\w+", re.I
)


def left_open(sentence: str) -> bool:
    """True for a sentence that leaves an outcome open: it is not known yet, still under way, only guessed at or
    asked ('Wellicht Deventer?'), one of several options, asked of someone to do, or only said to be worth doing."""
    return says_unknown(sentence) or any(
        pattern.search(sentence) for pattern in (_SPECULATES, _PLANNED, _ONGOING, _OPTIONS, _REQUESTED, _OUGHT)
    )


def looks_ahead(sentence: str, written: dt.date | None) -> bool:
    """True for a sentence that names a time after its document was written ('Voor de zomer van 2020 ronden zij een
    onderzoek af' in a letter of March 2020): what it says was planned or expected then, not done."""
    return written is not None and any(m.start > written for m in find_dates(sentence))


def leaves_open(question: str, sentence: str, written: dt.date | None = None) -> bool:
    """True for a sentence that leaves the outcome a question asks about open without giving what it asks for:
    '7 gemeenten gaan de taak op zich nemen, een 8e wordt nog gezocht' answers 'hoeveel ... daadwerkelijk'.
    `written`: the date of the sentence's document, against which a time it names is still ahead."""
    if not _ASKS_OUTCOME.search(question):  # what was agreed: 'Afspraak: de VNG zal ...' is agreed, not planned
        return bool(_YET_TO_AGREE.search(sentence))
    # only a count is specific enough: any capitalised word or month would pass for the name or date asked for; but
    # the figure of an aim is no count of what came of it: 'de ambitie ... met 30% te laten krimpen' leaves 'met
    # hoeveel procent is ... werkelijk gekrompen?' open
    aimed = question_focus(question) == "number" and bool(_AIMS.search(sentence))
    # nor is a count so far what it came to in the end: 'Van de 388 gemeenten hebben inmiddels 320 zich ingeschreven'
    # leaves 'Hoeveel gemeenten hebben zich uiteindelijk ingeschreven?' open
    so_far = bool(_IN_THE_END.search(question) and _SO_FAR.search(sentence))
    counts = question_focus(question) == "number" and holds_focus("number", sentence, question) and not aimed
    return (left_open(sentence) or looks_ahead(sentence, written) or aimed or so_far) and not (counts and not so_far)


_IN_THE_END = re.compile(r"\buiteindelijk\b", re.I)
_SO_FAR = re.compile(r"\b(?:inmiddels|tot nu toe|tot dusver|vooralsnog)\b", re.I)


# a comma may list ('gemeenten, aanbieders en cliënten'), not one before 'maar' ('..., maar er zijn er ook die ...'); a
# colon before a clause ('gereageerd: er zijn huisartsen met wie ...') announces no list
_LISTED = r",(?!\s*(?:maar|want|omdat|terwijl|dus|doch)\b)"
_CLAUSE = r"(?:er|het|dit|dat|we|wij|zij|ze|je|men|hij|u)\b"
# what names something: a name after the first word, a number, a list, an example, a colon or bracket that specifies
_NAMES_SOME = re.compile(
    rf"\b[A-Z]\w+|\d|{_LISTED}|:(?!\s*{_CLAUSE})|\(|"
    r"\b[a-z]+-[a-z]+\b|"  # a hyphenated word: 'de i-sociaal domein standaarden'
    rf"(?i:\b(?:zoals|namelijk|bijv\w*|o\.a|onder andere|waaronder|volgende)\b)|"
    rf"(?i:{_COUNT_WORDS.pattern})|"
    rf"\b(?:{'|'.join(MONTHS)})\b",  # a month is a name written small: 'in de periode maart t/m juni'
)
_EXAMPLES_FOLLOW = re.compile(
    r"^\W*(?:bijvoorbeeld|een voorbeeld|voorbeelden|zoals|dit zijn|het gaat (?:hierbij )?om|[-•▪]|\d+[.)]|[a-z]\))",
    re.I,
)
# 'Welke competenties', 'welke regio-ambassadeurs' (not 'op welke manier / wijze': how, not which ones)
# (a noun ending in -e is no adjective when a verb follows it: 'In welke regiosessie werd ...'; nor when the word after
# it is followed by a preposition, article or pronoun, which makes that word the verb: 'Welke motie vraagt om ...')
_VERB_NEXT = (
    r"(?:werd|werden|wordt|worden|heeft|hebben|hadden|kunnen|konden|moet|moeten|zullen|zouden|willen|gaat|gaan|"
    r"\w+\s+(?:om|de|het|een|er|in|op|aan|voor|naar|bij|met|dat|te|zich|ook|nog|niet|al|u|hij|zij|ze|we|wij)\b)\b"
)
_WHICH_ONES = re.compile(
    rf"^\s*(?:en\s+)?(?:\w+\s+)?welke\s+(?:\w+e\s+(?!{_VERB_NEXT}))?(?!manier|wijze)(\w[\w-]{{2,}})\b", re.I
)


# a label opening a sentence, one or two words and a colon: 'Regionale samenwerking: zou graag ...'
_LABEL = re.compile(r"^\s*[A-Z][a-zà-ÿ]+(?: [a-zà-ÿ]+)?:\s+(?=[a-z])")


_SOME = r"(?:enkele|sommige|een aantal|diverse|meerdere|een paar)"
# what says which ones, right after them ('voorwaarden waaraan ...', 'punten die ...') or further on ('..., zoals',
# 'uit: respect, ...')
_SPECIFIED = re.compile(
    r"^\s*(?:,|(?:als|die|dat|over|van|waar\w+|welke)\b)|[:(]|\b(?:zoals|namelijk|waaronder|bijvoorbeeld|o\.a)\b"
)


def names_none(question: str, sentence: str, following: str | None) -> bool:
    """True when a question asks which one or ones ('Welke competenties moet het SKJ toevoegen?', 'Welke postdoc
    opleidingen ...?') and the sentence speaks of them without naming any ('SKJ gaat te weinig over competenties'),
    nor does the sentence after it give examples or a list; also when it only supposes them ('Als er wettelijke
    belemmeringen zijn ...'), whoever is asked. Otherwise False for positions, for questions asking a name, number
    or date, and when what follows is unknown (`following` None)."""
    stem = asked_noun(question)
    if not stem or following is None or question_focus(question) != "none":
        return False
    lowered, noun = sentence.lower(), re.escape(stem)
    if re.search(rf"\b(?:als|indien)\s+er\s+(?:\w+\s+){{0,2}}{noun}", lowered):
        return True  # 'Als er wettelijke belemmeringen zijn ..., los deze dan op': supposed, none named, by anyone
    if asks_position(question):
        return False
    # past the first word ('SKJ gaat ...' names no competentie), a name blacked out ('10.2.e benadrukt ...') and the
    # bodies the question names itself ('de regio-ambassadeurs van het OZJ')
    given = set(re.findall(r"\b[A-Z]{2,}\b", question))
    body = _LABEL.sub("", without_codes(sentence))  # 'Regionale samenwerking: zou graag ... zien': a label, no list
    rest = " ".join(w for w in body.split()[1:] if w.strip(".,;:!?") not in given)
    # the noun asked does not name itself; what follows it does ('praktische oplossing: de controleprotocollen ...')
    rest = re.sub(rf"\S*{noun}\w*", " ", rest, flags=re.I)
    if re.search(rf"{noun}\w*\s+als\b", lowered):
        return False  # 'competenties als gespreksvaardigheid': named by example
    if re.search(rf"{noun}\w*\s+(?:\w+\s+)?(?:dat|om)\b", lowered):
        return False  # 'spraken de zorg uit dat de boel al voorgekookt was': named by what it says
    asked = question.lower()
    if any(m.group(1) not in _NOT_KINDS and m.group(1) not in asked for m in _kind_before(noun).finditer(lowered)):
        return False  # 'Kwetsbare groepen worden minder goed bereikt': named by their kind
    if any(m.group(1) not in asked for m in re.finditer(rf"(\w{{3,}})[”\"’']?-{noun}", lowered)):
        return False  # 'kennis uit de “achtervang”-functies': named by the word joined to it
    of = re.search(rf"{noun}\w*\s+(?:van|over)\s+(?:de|het|een)?\s*([\w'-]+)", lowered)
    if of and of.group(1) not in asked:
        return False  # 'informatie van de ontbrekende jeugdregio's' (not 'ambassadeurs van het OZJ' the question names)
    some = re.search(rf"\b{_SOME}\s+(?:\w+\s+)?{noun}\w*(.*)", lowered)
    if some and not _SPECIFIED.search(some.group(1)) and not _EXAMPLES_FOLLOW.search(following):
        return True  # 'sprak u met de VNG over enkele geschilpunten uit de conceptbrief': some, none named
    if stem == "voorkeur" and re.search(r"\bbij voorkeur\b", sentence, re.I):
        return False  # 'BZK legt bij voorkeur geen samenwerking op' states the preference
    if re.search(rf"\b(?:beide|deze|die|genoemde)\s+(?:\w+\s+)?{noun}", lowered):
        return False  # 'In beide gremia was steun': the ones named in the sentence before it
    if any(heads_list(question, line) for line in (sentence, following)):
        return False  # 'Korte termijn resultaten', a heading over the ones asked for, one per line
    # one of the kinds a sentence lists, with no name after it: '... partijen zoals vrijwilligersorganisaties,
    # werkgevers, sportverenigingen zijn van belang' names no sportvereniging
    kinds = r"(?:[a-zà-ÿ-]+,?\s+(?:en\s+|of\s+)?){0,5}"  # a few words written small, one after the other
    kind = re.search(rf"\b(?:zoals|bijvoorbeeld|waaronder)\s+{kinds}\w*{noun}\w*", sentence)
    listed = bool(kind) and not re.search(rf"{_NAMED}|\d", sentence[kind.end() :])
    named = _NAMES_SOME.search(rest) and not listed
    return stem in lowered and not named and not _EXAMPLES_FOLLOW.search(following)


def _kind_before(noun: str) -> re.Pattern[str]:
    """An adjective written before the noun ('kwetsbare groepen'), which names a kind of it; not a participle or a word
    of time ('de bestaande standaarden', 'huidige', 'eerdere'), which says which of them, not what kind."""
    return re.compile(rf"\b([a-zà-ÿ]{{3,}}(?<!nd)(?<!ig)(?<!der)e)\s+{noun}")


# words before a noun that say how many or which of the ones already named, not what kind: 'andere groepen'
_NOT_KINDS = set(
    """de deze die welke elke iedere alle andere verschillende diverse bepaalde enkele meerdere vele sommige genoemde
    nieuwe eigen grote kleine hele goede juiste overige volgende vorige zelfde dezelfde beide twee drie vijf negen
    tweede derde eerste laatste""".split()
)


def asked_noun(question: str) -> str:
    """The stem of the noun a 'welke ...?' question asks for ('competentie' for 'Welke competenties'), else ''."""
    which = _WHICH_ONES.match(question)
    return re.sub(r"(?:'s|en|s)$", "", which.group(1).lower()) if which else ""  # 'competenties': 'competentie'


def heads_list(question: str, line: str) -> bool:
    """True for a line of a few words without a full stop that names the plural noun a 'welke ...?' question asks
    for ('Korte termijn resultaten'): the heading of a list whose items follow it, one per line."""
    which = _WHICH_ONES.match(question)
    if not which or not re.search(r"(?:en|s)$", which.group(1)):  # 'welke uitspraak' asks one: no list
        return False
    stem = asked_noun(question)
    return len(line.split()) <= 5 and not re.search(r"[.;:?!]\s*$", line) and stem in line.lower()


# 'Hier kwam uit dat de keten ...': a sentence that reports what came out, whatever another leaves open
_REPORTS_OUTCOME = re.compile(
    r"\b(?:kwam(?:en)?\s+(?:er\s+)?uit\s+dat|(?:hier|daar)uit\s+(?:kwam|bleek))\b|"
    r"\b(?:resultaten|uitkomsten)\b[^.;]*\blat(?:en|t)\s+zien\b",  # 'wat de eerste resultaten laten zien'
    re.I,
)

# what a question asks the outcome of: 'Wat kwam er uit de oefensessie ...?', 'de uitkomst van het onderzoek',
# 'Wat leverden de gesprekken ... op?'
_OUTCOME_OF = re.compile(
    r"\b(?:kwam(?:en)?\s+(?:er\s+)?uit|uitkomsten?\s+(?:had|van)|uitslag\s+van|afloop\s+van|leverden?)\s+"
    r"(?:de|het|die|dat|deze|dit)\s+([a-zà-ÿ][\w-]{3,})(?:\s+([a-zà-ÿ][\w-]{3,}))?",
    re.I,
)


def outcome_unseen(question: str, texts: Sequence[str]) -> bool:
    """True when the question asks what came of something ('Wat kwam er uit de oefensessie ...?') that none of
    `texts` (the passages the best sentences stand in) names: what they say came out of something else."""
    found = _OUTCOME_OF.search(question)
    if not found:
        return False
    adjective, noun = found.groups()
    # 'de digitale stemming': the noun after an adjective; 'het onderzoek naar': the word itself
    thing = tokenize(noun if adjective.endswith("e") and noun and tokenize(noun) else adjective)
    return bool(thing) and not any(holds_term(set(tokenize(text)), thing[-1]) for text in texts)


# the body whose members a question asks: 'Welke partijen zaten in de klankbordgroep ...?', 'Wie nam namens de
# BGZJ zitting in de begeleidingsgroep ...?', 'Welke kennisinstellingen namen deel aan de Rondetafel Jeugd GGZ ...?'
_MEMBERS_OF = re.compile(
    r"\b(?:zat|zaten|zit|zitten|(?:nam|namen|neemt|nemen)\s+(?:\w+\s+){0,4}?(?:deel|zitting))\s+(?:er\s+)?"
    r"(?:\w+\s+(?:de|het|van)\s+\w+\s+)?(?:in|aan)\s+(?:de|het)\s+(?:\w+e\s+)?([\w-]{4,})",
    re.I,
)


def members_unseen(question: str, texts: Sequence[str]) -> bool:
    """True when the question asks who sat in or took part in a body or gathering ('Welke partijen zaten in de
    klankbordgroep voor de expertisecentra?') that none of `texts` (the passage the answer would open with, with its
    title) names: the parties it names are of something else."""
    found = _MEMBERS_OF.search(question)
    if not found:
        return False
    stem = re.sub(r"(?:en|s)$", "", found.group(1).lower())
    return not any(stem in text.lower() for text in texts)


# what a gathering decided or said: 'Wat besloot de ALV van de VNG in juni 2020 over de norm?'
_ASKS_DECIDED_AT = re.compile(
    r"\b(?:besloot|besloten|besliste|beslisten|stelde\w*\s+(?:\w+\s+)?vast|bespr(?:ak|aken)|zei|zeiden)\b", re.I
)
# a gathering that did not take place: 'Vanwege corona gaat de ALV van de VNG in juni niet door, maar in september'
_CALLED_OFF = re.compile(r"\b(?:gaat|ging|gaan|gingen)\b[^.;,]*\bniet door\b|\bafgelast\b|\bgeannuleerd\b", re.I)
_GATHERINGS = re.compile(r"\b(?:ALV|BO|AO|WGO|overleg|vergadering|bijeenkomst|sessie|conferentie|stuurgroep)\b", re.I)


def called_off(question: str, texts: Sequence[str]) -> bool:
    """True when the question asks what a gathering decided or said ('Wat besloot de ALV ... in juni 2020?') and
    one of `texts` (the passages the best sentences stand in) says that gathering did not take place ('... gaat de
    ALV van de VNG in juni niet door, maar in september'): nothing was decided there."""
    asked = {g.lower() for g in _GATHERINGS.findall(question)}
    if not asked or not _ASKS_DECIDED_AT.search(question):
        return False
    months = set(_MONTH.findall(question.lower()))  # the BO of 25 maart called off is not the BO of 24 juni asked
    return any(
        {g.lower() for g in _GATHERINGS.findall(clause)} & asked
        and (not months or months & set(_MONTH.findall(clause.lower())))
        for text in texts
        for clause in re.split(r"[.;\n]", text)
        if _CALLED_OFF.search(clause)
    )


_MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b")


# when a date question asks about: 'Wanneer verliet Dekker het overleg?' (the finite verb), 'Op welke datum is het
# memo naar de Kamer gestuurd?' (the participle closing it after an auxiliary)
_WHEN_VERB = re.compile(
    r"^\s*(?:en\s+)?(?:wanneer|op welke (?:datum|dag)|welke datum|in welk jaar|sinds wanneer|vanaf wanneer)\s+(\w+)\b",
    re.I,
)
_AUXILIARIES = set(
    """is was zijn waren wordt werd worden werden heeft hebben had hadden moet moest moeten moesten zal zou zullen
    zouden kan kon kunnen konden gaat ging gaan gingen wil wilde willen wilden mag mocht dient diende stond stonden
    staat staan""".split()
)
# no event of their own: 'Wanneer vond het BO plaats?' is answered by the verslag's 'Vergaderdatum'; a particle
# closing the question belongs to a verb split in two ('Wanneer liep het onderzoek af?')
_NO_EVENT = set(
    """vond vonden vindt plaats klaar gereed bekend af op uit aan in toe mee door over terug bij weg voor na samen
    terecht geldt gelden gold golden bestaat bestaan bestond kreeg kregen krijgt krijgen ontving ontvingen ontvangt
    ontvangen""".split()
)  # nor do states ('geldt', 'bestaat'), nor receiving, which the sender's sentence dates ('met de Kamer gedeeld')
# one event in other words: a report that 'verscheen' is dated by 'gepubliceerd', a memo 'gestuurd' by 'verzonden'
_SAME_EVENT = (
    ("versch", "publi", "prese", "uitgebr", "uitgeko", "lance"),
    ("stuur", "stur", "zend", "zond", "verzo", "aangebo", "deel"),
    ("begin", "begon", "start"),  # 'In welk jaar begon Utrecht met de pilot?': 'In 2017 werd gestart met een pilot'
    ("sluit", "sloot", "slote", "deadline", "einddatum"),  # 'Wanneer sloot de raadpleging?': 'De deadline is 26 juni'
)
_PAST_FORMS = {"verliet": "verlaat", "verscheen": "verschijn", "kwam": "kom", "nam": "neem", "gaf": "geef",
               "hield": "houd", "liep": "loop", "sprak": "spreek", "schreef": "schrijf", "bleef": "blijf",
               "trad": "treed", "sloot": "sluit", "besloot": "besluit", "verzond": "verzend", "begon": "begin",
               "zond": "zend"}  # fmt: skip
# how a strong verb's participle begins where its other forms do not: 'Op welke dag nam de minister de petitie in
# ontvangst?' is dated by '... in ontvangst hebt genomen'
_STRONG_PARTICIPLES = {"nam": "nome", "kwam": "kome", "gaf": "geve", "liep": "lope", "sprak": "sproke",
                       "bleef": "bleve", "trad": "trede", "sloot": "slote", "besloot": "beslote"}  # fmt: skip
_SEPARABLE = r"(?:in|af|op|uit|aan|toe|mee|door|over|vast|terug|voor|bij|na|weg)?"  # 'vastgesteld', 'toegestuurd'
_PARTICIPLE = re.compile(rf"^{_SEPARABLE}ge\w{{3,}}(?:d|t|en)$")
_GE_NOUN = re.compile(r"^ge(?:meente|zin|geven|sprek|bied|volg|drag|val|west|handicapt|estelijk|neesk|zond)")
_PREFIXED = re.compile(r"^(be|ver|ont|her|onder|er)\w{3,}(?:d|t|en)$")  # 'ondertekend', 'besproken', 'verstuurd'
_PARTICLE_GE = re.compile(rf"^{_SEPARABLE}ge(?=\w{{4}})")


def date_event(question: str) -> tuple[str, ...]:
    """The word beginnings that name what a date question asks the date of: ('verli', 'verla') for 'Wanneer verliet
    Dekker het overleg?', ('stuur',) for 'Op welke datum is het memo gestuurd?'; () when the question names no event
    of its own (an auxiliary alone, 'vond ... plaats', a verb split by a particle)."""
    found = _WHEN_VERB.match(question)
    if not found:
        return ()
    verb, keep = plain(found.group(1).lower()), 5
    if verb in _AUXILIARIES:  # the participle it goes with: 'gestuurd', 'vastgesteld', 'gepland'
        words = re.findall(r"\w+", plain(question.lower()))
        participles = [w for w in words if _PARTICIPLE.match(w) and not _GE_NOUN.match(w)]
        prefixed = _PREFIXED.match(words[-1])
        if not participles and prefixed and words[-1] not in _NO_EVENT:
            # one without 'ge' closes the question: 'Wanneer is het convenant ondertekend?'; its prefix begins too
            # many words ('onder'), so 'ondert' names it
            participles, keep = words[-1:], len(prefixed.group(1)) + 3
        if not participles:
            return ()
        verb = participles[-1]
    elif verb in _NO_EVENT or question.rstrip(" ?").split()[-1].lower() in _NO_EVENT:
        return ()
    forms = {verb, _PAST_FORMS.get(verb, verb)}
    roots = {re.sub(r"(?:de|te|den|ten|en|d|t)$", "", _PARTICLE_GE.sub("", form)) for form in forms}
    event = {root[:keep] for root in roots if len(root) >= 4}
    if verb in _STRONG_PARTICIPLES:
        event.add(_STRONG_PARTICIPLES[verb])
    for words in _SAME_EVENT:
        if any(root.startswith(w) or w.startswith(root) for root in event for w in words):
            event |= set(words)
    return tuple(sorted(event))


def event_undated(question: str, passages: list[list[str]]) -> bool:
    """True when a date question names an event (`date_event`) and no sentence of the passages (each a list of its
    sentences in order) states it with a date, nor with one in the sentence before: 'Wanneer verliet Dekker het
    overleg?' is not answered by the day he spoke informally."""
    event = date_event(question)
    if not event or question_focus(question) != "date":
        return False
    subject = _subject(question, event)
    for sentences in passages:
        dated = [holds_focus("date", s, question) for s in sentences]
        for i, sentence in enumerate(sentences):
            if not any(root in plain(sentence.lower()) for root in event) or not (dated[i] or (i and dated[i - 1])):
                continue
            # of what the question asks about ('JA stapt alleen in' for the Jeugdautoriteit): a link
            # '.../publicaties/2020/03/09/verslag-...' dates a publication, not 'de handreiking over dataveiligheid'
            if not subject or subject & set(tokenize(expand(" ".join(sentences[max(0, i - 1) : i + 1])))):
                return False
    return True


def _subject(question: str, event: tuple[str, ...]) -> set[str]:
    """The stems of what a date question asks the date of, without the question words and the event's own verb:
    {'handreik', 'dataveil', 'aanleid', 'lek', 'kenter'} for 'Wanneer is de handreiking over dataveiligheid naar
    aanleiding van het lek bij Kenter gepubliceerd?'."""
    words = re.findall(r"\w+", plain(without_dates(question).lower()))
    kept = [w for w in words if not any(root in w for root in event)]
    return set(tokenize(expand(" ".join(kept)))) - _DATE_WORDS


_DATE_WORDS = set(tokenize("welke datum dag jaar maand"))


# a date asked of what has been done: 'Wanneer is de AMvB ... in werking getreden?' (not 'Wanneer zal ...', 'Wanneer
# is ... gepland?')
_DONE_ASKED = re.compile(
    r"\b(?:wanneer|op welke (?:datum|dag))\s+(?:is|zijn|werd|werden|"
    # or a verb in the past: 'Wanneer bracht het expertiseteam zijn advies uit?' (not 'wilde', which asks a wish, nor
    # 'worden', 'moeten', 'zouden', which ask what is to come)
    rf"(?!wilden?\b|worden\b|moeten\b|moesten\b|zouden\b)\w{{3,}}(?:de|te)n?|{'|'.join(_PAST_FORMS)}|bracht|brachten|"
    r"kreeg|kregen)\b"
    r"(?![^?]*\b(?:gepland|verwacht|verwachting|voorzien|beoogd)\b)",
    re.I,
)
# a time still to come that a text names without a date: 'brengt ... dit voorjaar advies uit'
_COMING = re.compile(r"\b(?:dit|deze|komend\w*)\s+(?:voorjaar|zomer|najaar|winter|jaar)\b", re.I)


def only_planned(question: str, sentence: str, written: dt.date | None) -> bool:
    """True when a question asks when something was done and the sentence aims or plans it only for days after its
    document was written: 'Het streven is om ... de AMvB in werking te laten treden per 1 april 2021' in a letter of
    March 2020 says when it was meant to happen, not when it did; so does a sentence that only names days after it
    was written ('Bij de eerstvolgende voortgangsrapportage (juni 2020) wordt de Kamer geïnformeerd'), unless it
    names a gathering, which is held on the day set ('Op 10-11 februari 2020 vindt een 24-uursessie plaats' dates
    the sessie)."""
    if not _DONE_ASKED.search(question) or written is None:
        return False
    days = find_dates(sentence)
    planned = bool(_PLANNED.search(sentence) or _AIMS.search(sentence))
    if days and all(m.start > written for m in days):  # only days still ahead: planned, unless a gathering is held
        return planned or not _TAKES_PLACE.search(sentence)
    return planned and not days and bool(_COMING.search(sentence))


# a gathering, which is held on the day set ('10-11 februari 2020 vindt een 24-uursessie plaats')
_TAKES_PLACE = re.compile(
    r"\bvind(?:t|en)\b[^.;]*\bplaats\b|\bplaatsvind|sessie|bijeenkomst|overleg|vergader|conferentie|heidag", re.I
)


_LAW_YEAR = re.compile(r"\bWmo[\s-]+2015\b")


def planned_instead(question: str, ranked: Sequence, written: Sequence[dt.date | None]):
    """Of ranked sentences (best first), the first giving a date that the answer to a date question would open with,
    when it only aims or plans what the question asks was done (`only_planned`); None otherwise. `written`: the dates
    of the passages' documents, by passage rank."""
    if question_focus(question) != "date":
        return None
    # 'de Wmo 2015' names a law and dates nothing, whatever the answer opens with
    dated = next((s for s in ranked if holds_focus("date", _LAW_YEAR.sub(" ", s.text), question)), None)
    return dated if dated and only_planned(question, dated.text, written[dated.passage_rank]) else None


# bodies that do not sit at the table, which a question may name as if they had: the evidence must name them too
BODIES = {
    "Kinderombudsman": r"Kinderombudsman",
    "IGJ": r"\bIGJ\b|Inspectie",
    "NZa": r"\bNZa\b|Zorgautoriteit",
    "RvdK": r"\bRvdK\b|Raad voor de Kinderbescherming",
    "NJi": r"\bNJi\b|Nederlands Jeugdinstituut",
    "GGD": r"\bGGD",
    "ZN": r"\bZN\b|Zorgverzekeraars Nederland",
    "Nationale ombudsman": r"Nationale ombudsman",
    "SKJ": r"\bSKJ\b",
    "arbiter": r"\barbiter|\bscheidsrechter",  # who rules on a dispute speaks in the passage, or not at all
    "rechter": r"rechter\b|rechters\b|\brechtbank",
    "accountant": r"\baccountant",
}  # not the branches and cliëntenorganisaties: they speak at the table through people the passage need not tie to them


# a place the question names as such: a figure for all regions is not the figure of 'de regio Rotterdam'
_NAMED_PLACE = re.compile(r"\b(?:regio|gemeente|provincie|stad)\s+([A-Z][\w-]+)")


def body_absent(question: str, passages: list[str]) -> str:
    """A body or place the question names ('Wat zei de Kinderombudsman ...?', '... de regio Rotterdam?') that none
    of the passages names (the one the best sentence stands in); '' when there is none."""
    for body, pattern in BODIES.items():
        if re.search(pattern, question, re.I) and not any(re.search(pattern, p, re.I) for p in passages):  # 'NJI'
            return body
    for place in _NAMED_PLACE.finditer(question):
        if not any(re.search(rf"\b{re.escape(place.group(1))}\b", p) for p in passages):
            return place.group(0)
    return ""


def year_elsewhere(question: str, written: dt.date | None, passage: str) -> tuple[str, ...]:
    """The years a question for a number, date or name names, with no month or day ('Hoeveel minder kinderen werden
    er in 2020 geholpen?'), when the passage of the best sentence was written in another year and names none of
    them: its figures are of its own year; () otherwise. (A position may hold across years: 'Wilde De Jonge in 2019
    ...?')"""
    years = sorted(set(YEAR.findall(question)))
    if written is None or not years or find_dates(question) or str(written.year) in years:
        return ()
    if question_focus(question) == "none" or any(y in passage for y in years):
        return ()
    return tuple(years)


def open_candidates(ranked: list) -> list:
    """The sentences that may leave an outcome open: the three holding most of the question, and the one the answer
    would open with ('Voor de zomer van 2020 ronden zij een verkennend onderzoek af', the only one naming it)."""
    best = sorted(ranked, key=lambda s: -s.support)[:3]
    return best + [s for s in ranked[:1] if s not in best]


# a reaction asked for that the best sentence has still to come: '... voor reactie aan de VNG-delegatie worden
# voorgelegd', 'nadat partijen hier op hebben gereageerd kunnen zij hun achterbannen consulteren'
_ASKS_REACTION = re.compile(r"\breageerde\w*|\breactie\b", re.I)
_REACTION_AHEAD = re.compile(
    r"\bvoor reactie\b[^.;]*\b(?:voorgelegd|voorleggen|gestuurd|sturen)\b|\bnadat\b[^.;]*\bgereageerd\b|"
    r"\b(?:zal|zullen)\b[^.;]*\breageren\b",
    re.I,
)


def open_sentence(question: str, best: list[str], written: list[dt.date | None] | None = None) -> int | None:
    """The place in `best` of the sentence that leaves what the question asks open: one of them when the question asks
    how something turned out and it says that was still open, or the best one or the opening one when it still looks
    into or asks what the question asks; None when none does, or when one of them reports what came out ('Hier kwam
    uit dat de keten ...'). `best`: as `open_candidates` gives them, the three holding most of the question and then
    the one the answer would open with; `written`: the dates of their documents."""
    if any(_REPORTS_OUTCOME.search(s) for s in best):
        return None
    dates = written or [None] * len(best)
    if asks_outcome(question):
        left = (i for i, (s, d) in enumerate(zip(best, dates, strict=True)) if leaves_open(question, s, d))
        if (found := next(left, None)) is not None:
            return found
    if best and _ASKS_REACTION.search(question) and _REACTION_AHEAD.search(best[0]):
        return 0  # 'Hoe reageerde de VNG-delegatie?': the best sentence has the letter still to go to them for it
    asked = (i for i in (0, 3) if i < len(best) and still_asked(question, best[i]))
    return next(asked, next((i for i, s in enumerate(best) if _asked_back(question, s)), None))


def outcome_left_open(question: str, best: list[str], written: list[dt.date | None] | None = None) -> bool:
    """True when one of the best sentences leaves what the question asks open (`open_sentence`)."""
    return open_sentence(question, best, written) is not None


# work on what a question asks that is still to be done: 'wordt gekeken hoe die ... kunnen worden ingebed', 'worden
# varianten uitgewerkt'
_LOOKED_INTO = re.compile(
    r"\b(?:wordt|worden)\s+(?:er\s+)?(?:nog\s+)?(?:\w+\s+){0,2}"
    r"(?:gekeken|bekeken|onderzocht|verkend|bezien|uitgewerkt|nagegaan|uitgezocht)\b",
    re.I,
)
# 'verkennen we dit jaar of de kwaliteitskaders ... geregistreerd kunnen worden': whether, still open
_EXPLORES_WHETHER = re.compile(r"\b(?:verkennen|onderzoeken|bezien|bekijken)\s+(?:we|wij)\b[^.;]*\bof\b([^.;]*)", re.I)
_WHETHER_ASKED = re.compile(r"\bof\b([^?]*)", re.I)
_ASKS_LOOKING = re.compile(r"gekeken|bekeken|onderzo|verken|bezien|uitgewerkt|uitwerk|nagegaan|uitgezocht", re.I)
# 'Welke expertise', 'Bij welke regio', 'Welke concrete bijdrage' (the word after one ending in -e may be the noun)
_WHICH = re.compile(r"^\s*(?:en\s+)?(?:\w+\s+)?welke?\s+(\w{4,})(?:\s+(\w{4,}))?", re.I)
_ANSWERED = re.compile(r"\bnamelijk\b|:|\bzoals\b", re.I)  # 'over welke indexatie ..., namelijk dat ...'
# what a nota has the minister ask for, which it therefore does not hold: 'De heer Eerenberg vragen naar de uitkomsten
# van de VNG-heidag' (the thing asked for)
_ASKS_FOR = re.compile(r"\bvragen naar\s+(?:de|het|hun|zijn|haar|een)?\s*(\w+)", re.I)
_ASKS_ASKING = re.compile(r"\b(?:vragen|vroeg|vroegen|gevraagd)\b", re.I)


# 'Wat stond er in de brief van minister Slob?' asks what a document says ...
_ASKS_CONTENTS = re.compile(
    r"\bwat (?:stond|staat|stonden|staan) (?:er )?in\b|\bwat schreef\b|"
    r"\bwelke? (?:eigen )?voorstel(?:len)? (?:deed|deden|doet|doen)\b|"  # 'Welk voorstel deed de VNG?'
    r"\bwat adviseerde(?:n)?\b|\bwelke? advie(?:s|zen) (?:gaf|gaven)\b",  # 'Welk advies gaf AEF ...?'
    re.I,
)
# ... which a sentence announcing it does not say: 'Minister Slob komt binnenkort met een brief', 'wil in oktober
# aangeven hoe ...'
_ANNOUNCES = re.compile(
    r"\bkom(?:t|en)\b[^.;]*\bmet een\b|\bbinnenkort\b|\bwil(?:len)?\b[^.;]*\b(?:aangeven|sturen|informeren)\b|"
    r"\b(?:is|zijn) bezig met\b|\bwerk(?:t|en) aan\b|"  # 'De G40 is bezig met een visiedocument'
    r"\bbenieuwd\b|"  # 'U dan ook benieuwd bent naar het plan van aanpak ... van de VNG': not seen yet
    r"\bin bijlage \d+ vindt u\b|"  # an attachment pointed to: '(in bijlage 5 vindt u ... de gespreksleidraad)'
    r"\b(?:opdracht|verzoek)\b[^.;]*\bvoor een advies\b|\badviesaanvraag\b|\b(?:om )?advies gevraagd\b",  # asked for
    re.I,
)


def still_asked(question: str, sentence: str) -> bool:
    """True for a sentence that leaves what a question asks open because it is still being looked into ('wordt
    gekeken hoe', 'worden varianten uitgewerkt', 'verkennen we of ...'), because someone is to be asked for it
    ('Eerenberg vragen naar de uitkomsten van de heidag') or because the sentence asks it itself ('welke expertise is
    nodig;' among the questions a table raised), unless the question asks a position or what is being looked into;
    and for a sentence that only announces the document whose contents the question asks ('komt binnenkort met een
    brief')."""
    if _ASKS_CONTENTS.search(question) and (_ANNOUNCES.search(sentence) or _PLANNED.search(sentence)):
        return True  # the document is only announced: what it says is not in the dossier
    if asks_position(question) or _ASKS_LOOKING.search(question):
        return False
    words = set(tokenize(question))
    asked_for = {stem for m in _ASKS_FOR.finditer(sentence) for stem in tokenize(m.group(1))}  # one word each
    # 'De heer Eerenberg vragen naar de uitkomsten van de VNG-heidag', unless the question asks about that asking
    # ('Naar de uitkomsten van welke bijeenkomst kon de minister Eerenberg vragen?')
    if asked_for & words and not _ASKS_ASKING.search(question):
        return True
    whether = _EXPLORES_WHETHER.search(sentence)
    # of what the question asks about, in two words of it at least: not 'bezien we of deze opsomming werkbaar is' for
    # 'Welke knelpunten werden opgesomd?'; nor when the question asks about that looking itself ('Met wie bespreekt
    # het Rijk of de opsomming werkbaar is?')
    explored = set(tokenize(whether.group(1))) if whether else set()
    own = _WHETHER_ASKED.search(question)
    if len(explored & words) >= 2 and not (own and len(set(tokenize(own.group(1))) & explored) >= 2):
        return True
    if _LOOKED_INTO.search(sentence):  # unless it gives the date or number asked for all the same: 'worden varianten
        focus = question_focus(question)  # uitgewerkt voor de normering vanaf 2022' answers 'vanaf welk jaar'
        noun = asked_noun(question)  # or the one asked for, by name: '... in lijn met motie Van den Berg'
        if noun and re.search(rf"\b(?i:{re.escape(noun)})\w*\s+{_PARTICLES}[A-Z]", sentence):
            return False
        return focus not in ("date", "number") or not holds_focus(focus, sentence, question)
    which = _WHICH.match(question)
    if not which:
        return False
    nouns = [which.group(1)] + ([which.group(2)] if which.group(1).endswith("e") and which.group(2) else [])
    stems = "|".join(re.escape(noun[:-1]) for noun in nouns)  # 'expertise', 'expertises'
    asked = rf"\bwelke?\s+(?:\w+\s+)?(?:{stems})"
    return any(re.search(asked, c, re.I) and not _ANSWERED.search(c) for c in re.split(r"[;?]", sentence))


def _asked_back(question: str, sentence: str) -> bool:
    """True for a sentence that is itself the question: 'Welke bijdrage kan het OZJ daaraan concreet leveren in
    2020?' in a nota leaves 'Welke concrete bijdrage heeft het OZJ toegezegd?' open, wherever it ranks."""
    return sentence.rstrip().endswith("?") and still_asked(question, sentence)


def says_unknown(sentence: str) -> bool:
    """True for a sentence that says something is not known, not yet decided, or still being sought."""
    return bool(_UNKNOWN.search(sentence))


# who sat at the table: 'welke cliëntenorganisaties zaten aan tafel', 'wie vertegenwoordigden de beroepsverenigingen'
_ASKS_ATTENDANCE = re.compile(
    r"\baan (?:de )?tafel\b|\baanwezig|\bdeelnemers\b|\bzaten\b|\buitgenodigd\b|"
    r"\bnamen deel\b|\bnam(?:en)? (?:[^?]+ )?deel aan\b|\bdeelgenomen\b|"
    r"\bvertegenwoordig\w*\b|\bwethouder (?:van|in) welke\b|\bvan welke gemeente (?:was|is) \w+ wethouder\b|"
    r"^\s*namens welke\b|\bzat\b[^?]* bij (?:het|de) (?:BO|\w*overleg|vergadering|bijeenkomst)\b|"
    # 'Wie was er namens het bestuur van GGZ Nederland bij het BO ...?'
    r"\bwie (?:was|waren) (?:er )?(?:namens [^?]+ )?(?:bij|op|in) (?:het|de) "
    r"(?:BO|\w*overleg|vergadering|bijeenkomst)\b",
    re.I,
)


def asks_attendance(question: str) -> bool:
    """True for a question about who sat at the table, which the attendee lists answer."""
    return bool(_ASKS_ATTENDANCE.search(question))


def asks_position(question: str) -> bool:
    """True for 'wat zei / vond / wilde X' questions: the answer is what someone said."""
    return bool(ASKS_POSITION.search(question))


# the title in any case, the names capitalised: 'volgens dhr. Spijt vanaf' names Spijt, not 'vanaf'
TITLE = re.compile(
    r"\b(?i:dhr|mevr|mw|de heer|mevrouw|wethouder|minister|staatssecretaris|directeur|voorzitter|burgemeester|"
    r"(?:kamer)?lid|(?:kamer)?leden)\.?\s+"
    rf"(?:[A-Z][a-zà-ÿ]+\s+)?({_PARTICLES}[A-Z][\w'-]+)"
)


def people_in(text: str) -> set[str]:
    """Surnames that stand after a title or open a verslag line ('Dhr. Meijer', 'wethouder Eerenberg')."""
    found = {m.group(1).split()[-1] for m in TITLE.finditer(text)}
    return {name for name in found if name[0].isupper()}


def people(question: str, known: set[str] = frozenset()) -> list[str]:
    """Surnames the question names: after a title, or known as a person from the documents."""
    titled = people_in(question)
    return [a for a in anchors(question) if a in titled or a in known]


def speakers_asked(question: str, known: set[str] = frozenset()) -> list[str]:
    """The people the question asks to hear from: not one it names only as an object ('Hoe reageerde Eerenberg op
    de schets van De Jonge?' asks Eerenberg; 'Wat zei Eerenberg tegen minister De Jonge?' too), nor one only a
    sentence before the question names ('Je gaf aan dat De Jonge ... wilde. Hoe keek Eerenberg daartegenaan?')."""
    asking = _SENTENCE_END.split(question.strip())[-1]
    if people(asking, known):
        question = asking
    return [
        name for name in people(question, known)
        if not all(_OBJECT.search(question[: m.start()]) for m in re.finditer(rf"\b{re.escape(name)}\b", question))
    ]  # fmt: skip


# where a sentence ends before the question's last: not after a title ('Wat zei dhr. Meijer ...?')
_SENTENCE_END = re.compile(r"(?<=[.!])(?<!hr\.)(?<!vr\.)(?<!\b[Mm]w\.)(?<!\b[MmDdIi]r\.)(?<!rof\.)\s+(?=[A-Z])")


# a preposition, perhaps a title and name particles, right before a name: 'van De ', 'tegen minister De ' (the
# preposition in lower case: 'Van Hoek zei ...' opens with his name)
_OBJECT = re.compile(
    r"\b(?:van|op|aan|tegen|over|naar|bij|met)\s+(?:(?:minister|wethouder|dhr\.?|mevr\.?|de heer|mevrouw)\s+)?"
    r"(?:[A-Z][a-zà-ÿ]+\s+)?(?:(?:[Dd]e|[Vv]an|der|ter|den)\s+)*$"  # 'met minister Hugo de ': his first name too
)


# 'volgens Van Hoek', 'volgens wethouder Eerenberg': whose account the question asks for
_CITES = re.compile(rf"\bvolgens\s+(?:(?i:wethouder|minister|dhr\.?|mevr\.?)\s+)?{_PARTICLES}([A-Z][\w'-]+)")


def according_to(question: str, known: set[str] = frozenset()) -> list[str]:
    """The people a question cites as its source: 'Hoeveel kinderen stonden er volgens Van Hoek voor de deur?'."""
    cited = [m.group(1) for m in _CITES.finditer(question)]
    return [name for name in cited if name in people(question, known)]


# a body or person named next: 'de Kinderombudsman', 'het OZJ', and of a full name the surname ('Paul van Dijk')
_NAMED_NEXT = re.compile(rf"\s+(?:[Dd]e |[Hh]et )?(?:[A-Z][a-zà-ÿ]+\s+{_PARTICLES}(?=[A-Z]))?([A-Z][\w-]+)")


def speaker_missing(
    question: str, sentences: list[str], known: set[str] = frozenset(), recorded: Collection[str] = ()
) -> float:
    """1.0 when the question asks what a named person or body said and no sentence has it speaking: a body the
    attendee lists do not seat ('de Kinderombudsman', 'de ROB') speaks only in sentences that say so. `recorded`:
    the surnames the verslagen record as speaking one of the sentences (a point under 'VNG (dhr. Eerenberg):' is
    Eerenberg's, though it does not name him)."""
    persons = speakers_asked(question, known)  # not whom they answer: "op de schets van De Jonge"
    # the body asked about stands right after the verb: 'Wat vond de Kinderombudsman', 'Wat adviseerde de ROB'
    # ('Wanneer wilde KPMG ... opleveren?' asks a date, not what KPMG wanted)
    after_verb = {m.end() for m in ASKS_POSITION.finditer(question)} if question_focus(question) == "none" else set()
    bodies = [
        m.group(1) for m in _NAMED_NEXT.finditer(question)
        if m.start() in after_verb and m.group(1) not in persons and not _SEATED.search(m.group(1))
        and not _DOCUMENT.search(m.group(1))  # 'Wat zegt het VN-Verdrag': a text says it in its own words
    ]  # fmt: skip
    names = [plain(n) for n in persons + bodies]  # 'Esman' is 'Esmán'
    if not names or not asks_position(question):
        return 0.0
    if any(plain(who).endswith(n) for who in recorded for n in names):
        return 0.0
    for sentence in (_ABBREVIATED.sub(r"\1", plain(s)) for s in sentences):  # 'op 30 oktober jl. een brief'
        speaker = speaker_of(sentence)
        if speaker and any(speaker.endswith(n) for n in names):
            return 0.0
        for n in (re.escape(n).replace(r"\-", "[- ]?") for n in names):  # 'VNG-commissie' is the 'VNG commissie'
            if re.search(rf"\b{n}\b[^.;]{{0,40}}\b{_SPEECH}\b|\b[Vv]olgens (?:de |het )?{n}\b", sentence):
                return 0.0
    return 1.0


_ABBREVIATED = re.compile(r"\b(jl|ca|bijv|o\.a|i\.p\.v|m\.b\.t|t\.a\.v)\.")
_DOCUMENT = re.compile(r"verdrag|wet$|brief|rapport|nota|plan|akkoord|motie|amendement|advies", re.I)
# bodies that sit at the overleggen: their attendees speak for them ('Dhr. Eerenberg' for the VNG); the Rijk also
# speaks in its own nota's, agenda's and Kamerbrieven
_SEATED = re.compile(r"^(?:VNG|JenV|VWS|BGZJ|OCW|OCenW|OZJ|Jeugdautoriteit|MIND|G4|G40|BO|Rijk|Kabinet)(?:-|$)")


def plain(text: str) -> str:
    """Text without accents: a name typed as 'Esman' is the 'Esmán' of the verslag."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def prose(text: str) -> str:
    """A passage without its attendee and absentee lines, which name people who may not have spoken."""
    kept = [line for line in text.split("\n") if not _ADMIN_LINE.match(line)]
    return "\n".join(kept)


def anchors_missing(question: str, passages: list[Passage], depth: int = 8) -> float:
    """Share of the question's names that appear in no running text or document title of the top passages ('de
    Kamerbrief Perspectief voor de Jeugd' names the document the passage is from); when the question asks who was
    there for a body ('Wie zat namens het NJi aan tafel?'), that body in no attendee list, if the passages hold one."""
    names = anchors(question)
    for compound in _PLACE_COMPOUND.findall(question):  # 'Noord-Nederland' is not held by 'Noord-Holland'
        parts = compound.split("-")
        names = [n for n in names if n not in parts] + [compound]
    listed = asks_attendance(question)  # who sat at the table is what the attendee lists say (not who stayed away:
    # 'Afwezig: ..., 10.2.e (LOC)' does not say who was there for the LOC)
    bodies = [b for b in _ON_BEHALF.findall(question) if b not in names] if listed else []
    if not names and not bodies:
        return 0.0
    text = " ".join(
        f"{p.meta.title}\n{ABSENT_LINE.sub(' ', p.text) if listed else prose(p.text)}" for p in passages[:depth]
    )
    # the lists, not 'de werkgroep monitoring (VNG, BGZJ, NJi, OZJ)' in a nota: a body everyone knows by its letters
    rosters = " ".join(roster for p in passages[:depth] for roster in _ROSTER.findall(p.text)) if bodies else ""
    heads = {tail: head for head, tail in re.findall(r"\b([A-Z]\w*)-(\w+)", question)}  # 'VN-Kinderrechtenverdrag'
    missing = [
        n for n in names
        if not re.search(rf"\b{re.escape(_DEMONYM.sub('', _GENITIVE.sub('', n)))}", text)
        and not _kind_of(heads.get(n), n, text)
    ] + [b for b in bodies if not re.search(rf"\b{re.escape(b)}", rosters or text, re.I)]  # fmt: skip
    return len(missing) / (len(names) + len(bodies))


# an attendee list: from 'Aanwezig' or 'Deelnemers' to who stayed away or the first agenda item
_ROSTER = re.compile(r"\b(?:Aanwezig|Deelnemers)\b.*?(?=\bAfwezig\b|^\s*1[.)]?\s+[A-Z]|\Z)", re.S | re.M)
_ON_BEHALF = re.compile(r"\bnamens\s+(?:de\s+|het\s+)?([A-Z][\w()-]*)")  # 'namens het NJi', 'namens Ieder(in)'
# a name made of two capitalised words ('Noord-Nederland', 'Westerveld-Klaver'), not 'VN-Verdrag' or 'BGZJ-overleg'
_PLACE_COMPOUND = re.compile(r"\b[A-Z][a-zà-ÿ]+-[A-Z][a-zà-ÿ]+\b")


def _kind_of(head: str | None, name: str, text: str) -> bool:
    """The second half of a hyphenated name that the text gives by its kind: the 'VN-Kinderrechtenverdrag' is
    the 'VN-Verdrag' of the text."""
    found = re.findall(rf"\b{re.escape(head)}-(\w{{4,}})", text) if head else []
    return any(name.lower().endswith(kind.lower()) for kind in found)


_GENITIVE = re.compile(r"(?<=[a-z])'?s$")  # 'Spijts toelichting' is about Spijt
_DEMONYM = re.compile(r"(?<=[a-z]{4})se$")  # 'de Amsterdamse pilot' is the pilot in Amsterdam, 'Twentse' in Twente


def window_support(sentences: list[tuple[int, int, float]]) -> float:
    """Best sum of own coverage over three consecutive sentences of one passage (capped at 1)."""
    best = 0.0
    by_passage: dict[int, list[tuple[int, float]]] = {}
    for rank, position, coverage in sentences:
        by_passage.setdefault(rank, []).append((position, coverage))
    for items in by_passage.values():
        items.sort()
        values = [c for _, c in items]
        for i in range(len(values)):
            best = max(best, sum(values[i : i + 3]))
    return min(1.0, best)


def speaking(question: str) -> re.Pattern[str]:
    """A verslag line in which someone the question names speaks ('Dhr. Bluijminck: Bij onze achterban ...'); a
    pattern that matches nothing when the question names nobody."""
    names = "|".join(re.escape(name) for name in dict.fromkeys([*anchors(question), *people_in(question)]))
    if not names:
        return re.compile(r"(?!)")
    return re.compile(rf"^\W*{_OPENS_TURN}{_PARTICLES}(?:{names})\b", re.M)


def spoken_by(text: str, statements) -> tuple[str, str] | None:
    """(surname, organisation) of the contribution a sentence stands in, if the verslag records one; `statements`:
    that verslag's contributions as (quote, surname, organisation), whitespace collapsed."""
    wanted = " ".join(text.split())
    for quote, surname, organisation in statements:
        if wanted in quote:
            return surname, organisation
    return None


def speaker_of(sentence: str) -> str | None:
    """The surname a verslag line opens with ('Dhr. Eerenberg: ...'), if any."""
    match = _SPEAKER.match(sentence)
    return match.group(1) if match else None


# words that point back to the sentence before ('daarin', 'deze sessie', 'hij')
_REFERS_BACK = re.compile(
    r"\b(?:daar(?:in|over|van|bij|mee|voor)|hier(?:in|over|van|bij|mee|voor)|deze|dit|die|zij|hij|ze)\b", re.I
)

_GOES_ON = re.compile(rf"\s*{_REFERS_BACK.pattern}", re.I)  # a sentence that opens on the one before: 'Zij is ...'


def gather_evidence(
    question: str,
    retrieval: Retrieved,
    ranked,
    date_missing: bool,
    known: set[str] = frozenset(),
    depth: int = 6,
    spoken: dict[str, list[tuple[str, str, str]]] | None = None,
) -> Evidence:
    """The answerability features of a question against what was retrieved; `spoken`: the verslagen's
    contributions as (quote, surname, organisation) by doc_id."""
    focus = question_focus(question)
    support = max((s.support for s in ranked), default=0.0)
    by_place = {(s.passage_rank, s.position): s for s in ranked}
    counted = counted_things(question) if focus == "number" else set()

    def with_set_up(s) -> float:
        """A sentence that answers the one before it ('... bestaat er een titel?' / 'Daarover wordt gepraat met
        ISD.', 'Dit statement is opgesteld tijdens ...' / 'In deze sessie zijn een 70-tal mensen ...'), or that
        the next one goes on from ('U kunt Dortmans welkom heten.' / 'Zij is voor het eerst lid van de
        delegatie.'), holds the question's words together with it."""
        before = by_place.get((s.passage_rank, s.position - 1))
        after = by_place.get((s.passage_rank, s.position + 1))
        counts_it = _names_thing(s.text, counted)  # 'hoeveel reacties' / '274 reacties'
        answers = before is not None and bool(
            _REFERS_BACK.search(s.text) or before.text.rstrip().endswith(("?", ":")) or counts_it
        )
        goes_on = after is not None and bool(_GOES_ON.match(after.text))
        # a set-up that itself opens on the sentence before it ('Dit in navolging van de afspraak ...') sets up
        # with that one
        earlier = by_place.get((s.passage_rank, s.position - 2)) if answers and _GOES_ON.match(before.text) else None
        return max(
            s.support,
            before.support if answers else 0.0,
            earlier.support if earlier else 0.0,
            after.support if goes_on else 0.0,
        )

    def following(s) -> str | None:
        """The sentence after `s` in its passage ('' at the end; None when it was not ranked, a label or heading)."""
        after = by_place.get((s.passage_rank, s.position + 1))
        last = max(position for rank, position in by_place if rank == s.passage_rank)
        return after.text if after else ("" if s.position == last else None)

    def ranked_in(rank: int) -> list[str]:
        """The ranked sentences of one passage, in its order."""
        return [s.text for s in sorted((s for s in ranked if s.passage_rank == rank), key=lambda s: s.position)]

    voiced = according_to(question, known)
    statements = {rank: (spoken or {}).get(p.meta.doc_id, ()) for rank, p in enumerate(retrieval.passages)}

    def theirs(s) -> bool:
        """'Hoeveel ... volgens Eerenberg?' is answered by what Eerenberg said, or a sentence naming him."""
        if not voiced:
            return True
        who = spoken_by(s.text, statements.get(s.passage_rank, ()))
        return bool(who and who[0] in voiced) or any(re.search(rf"\b{re.escape(v)}\b", s.text) for v in voiced)

    held = max((with_set_up(s) for s in ranked if holds_focus(focus, s.text, question) and theirs(s)), default=0.0)
    dense = max((retrieval.dense.get(p.chunk_id, 0.0) for p in retrieval.passages[:depth]), default=0.0)
    best = sorted(ranked, key=lambda s: -s.support)[:3]
    opened = open_candidates(ranked)
    # of the best sentences, the first that speaks of what a 'welke ...?' question asks ('En daarbij spelen de banken
    # een belangrijke rol' for 'Welke banken ...?'), else the best one
    stem = asked_noun(question)
    naming = next((s for s in best if stem and stem in s.text.lower()), best[0] if best else None)
    top = retrieval.passages[best[0].passage_rank] if best else None  # where the best sentence stands
    opening = retrieval.passages[ranked[0].passage_rank] if ranked else None  # where the answer would open
    around = [retrieval.passages[s.passage_rank] for s in opened]  # where the sentences that may leave it open stand
    missing = speaker_missing(question, [s.text for s in ranked], known)
    if missing and spoken:  # the verslag may record a sentence as someone's without naming them in it
        recorded = {who[0] for s in ranked if (who := spoken_by(s.text, statements.get(s.passage_rank, ())))}
        missing = speaker_missing(question, [s.text for s in ranked], known, recorded)
    return Evidence(
        support=support,
        window=window_support([(s.passage_rank, s.position, s.support) for s in ranked]),
        focus=held,
        focus_gap=max(0.0, support - held),
        unknown=sum(says_unknown(s.text) for s in best) / 3,
        anchors_missing=anchors_missing(question, retrieval.passages),
        speaker_missing=missing,
        dense=min(1.0, max(0.0, (dense - 0.7) / 0.2)),
        date_missing=float(date_missing),
        outcome_open=float(
            outcome_left_open(question, [s.text for s in opened], [p.meta.date for p in around])
            or bool(naming and names_none(question, naming.text, following(naming)))
            or planned_instead(question, ranked, [p.meta.date for p in retrieval.passages]) is not None
            or outcome_unseen(question, [p.text for p in around])
            or called_off(question, [p.text for p in around])
            or bool(opening and members_unseen(question, [f"{opening.meta.title}\n{opening.text}"]))
            or bool(top and body_absent(question, [top.text]))
            or bool(top and year_elsewhere(question, top.meta.date, top.text))
            or (
                focus == "date"
                and event_undated(question, [ranked_in(rank) for rank in {s.passage_rank for s in ranked}])
            )
        ),
        focus_share=held / support if (focus != "none" or _compares(question)) and support else 1.0,
    )
