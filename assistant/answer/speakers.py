"""Who spoke for which organisation, read from a verslag's or agenda's attendee list."""

from __future__ import annotations

import re
from collections.abc import Iterator

_ORG = re.compile(r"(?<![\w(])(VNG|VWS|JenV|BGZJ|OCenW|OCW|Cliëntenorganisaties|Clientenorganisaties)(?![\w)])")
_ORG_NAME = {"OCenW": "OCW", "Clientenorganisaties": "cliëntenorganisaties",
             "Cliëntenorganisaties": "cliëntenorganisaties"}  # fmt: skip
PERSON = re.compile(r"\b([A-Z][a-zà-ÿ]+)\s+((?:(?:de|van|der|ter|den|la)\s+)*)([A-Z][a-zà-ÿ'-]+)\b")
_NOT_NAMES = set(
    """Wethouder Minister Staatssecretaris Voorzitter Directeur Namens Bestuurslid Bestuurder Lid Vereniging
    Utrecht Ede Enschede Helmond Nederland Jeugdzorg Rechtsbescherming Programmasecretariaat Zorg Jeugd
    Gehandicaptenzorg Orthopedagogische Behandelcentra Partners Groep Den Haag Directie Bestuurlijk Overleg
    Kopie Afwezig Aanwezig Deelnemers Voor Beroepsverenigingen Ondersteuningsteam Federatie Raad Spirit
    Jeugdhulp Bascule Koraal Ipse Bruggen William Schrikker Opening Conceptverslag Online Webex""".split()
)
_PLACE_PARTS = {"Kop", "Noord", "Zuid", "Oost", "West", "Midden", "Tweede", "Eerste"}  # 'Kop van Noord-Holland'
_NO_NAME_PARTS = _NOT_NAMES | _PLACE_PARTS


def _people(text: str) -> Iterator[re.Match[str]]:
    """The 'first name + surname' matches in a text whose words are not titles, places or organisations (nor the
    'Tweede Kamer' a nota's list of participants may run on into)."""
    for person in PERSON.finditer(text):
        if not {person[1], person[3]} & _NO_NAME_PARTS:
            yield person


# words that open a capitalised pair but are no first name ('In Amsterdam', 'Het Rijk', 'Per Voorjaarsnota'), and
# the capitalised particle that ends one without a surname after it ('Noord-Holland De vijf regio's')
_NO_FIRST_NAME = set("De Het Een In Met Als Per Van Ad Bv Dhr Mevr Voor Onder Vanuit Op Uw Ter Over Bij Naar".split())
NOUN_ENDING = re.compile(r"(?:ing|heid|schap|atie|isme|ment|teit)$")  # 'Informatievoorziening Sociaal Domein'
# no first name either: an adjective or a programme before a capitalised word ('Huiselijk Geweld', 'Actieprogramma
# Kindermishandeling')
_NO_FIRST_ENDING = re.compile(r"(?:lijk|isch|programma)$")


def full_names(text: str) -> set[str]:
    """Surnames that stand after a first name: 'Cathalijne Dortmans', 'Lisanne van Eck'; not 'Jeugdzorg Nederland',
    'Raad van de Kinderbescherming', 'Kop van Noord-Holland', 'Informatievoorziening Sociaal Domein' or the 'Holland
    De' of 'Noord-Holland De vijf regio's'."""
    return {
        person[3] for person in _people(text)
        if not person[3].endswith("-")
        and person[1] not in _NO_FIRST_NAME and person[3] not in _NO_FIRST_NAME and not NOUN_ENDING.search(person[1])
        and not _NO_FIRST_ENDING.search(person[1])
        and text[person.start() - 1 : person.start()] != "-"
    }  # fmt: skip


_END = re.compile(r"\bAfwezig\b|\n1 |\n1\) ")


def attendees(text: str) -> dict[str, set[str]]:
    """Surnames of attendees per organisation, from the first part of a meeting document."""
    head = text[:4000]
    start = min((i for i in (head.find("Aanwezig"), head.find("Deelnemers")) if i >= 0), default=-1)
    if start < 0:
        return {}
    block = head[start:]
    end = _END.search(block)
    block = block[: end.start()] if end else block
    markers = [(m.start(), _ORG_NAME.get(m[1], m[1])) for m in _ORG.finditer(block)]
    found: dict[str, set[str]] = {}
    for person in _people(block):
        before = [org for pos, org in markers if pos < person.start()]
        if before:
            found.setdefault(before[-1], set()).add(person[3])
    return found


_ABSENT_LINE = re.compile(r"\bAfwezig\b:?([^\n]*)")  # to the end of its line, which may open elsewhere in a table


def absentees(text: str) -> set[str]:
    """Surnames a meeting document lists as absent ('Afwezig  Leon Meijer, Sven de Langen, 10.2.e')."""
    return {person[3] for line in _ABSENT_LINE.findall(text[:4000]) for person in _people(line)}
