"""What a verslag records: who said what (statements) and what was agreed (agreements), per agendapunt.

Read from a meeting document's text alone. A speaker's organisation comes from the attendee list
(`roster`); a redacted speaker (10.2.e) gets an organisation only when the text names it beside
them, never by guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from assistant.core.sentences import split_sentences
from assistant.core.structure import SectionPath
from assistant.core.types import Document

REDACTED = "geanonimiseerd (10.2.e)"
_TITLES = {"dhr": "Dhr.", "mevr": "Mevr.", "mw": "Mevr.", "mevrouw": "Mevr.", "de heer": "Dhr."}
MINUTES_TYPES = ("verslag", "rondetafelverslag")

# the organisations attendee lists group people under, as the dossier spells them
_ORG = re.compile(
    r"(?<![\w(@])(VNG|VWS|JenV|BGZJ|OCenW|OCW|OZJ|NJi|Cliëntenorganisaties|Clientenorganisaties|"
    r"Beroepsverenigingen|Programma-?\s?secretariaat)(?![\w)@])"
)
_ORG_NAME = {"OCenW": "OCW", "Clientenorganisaties": "cliëntenorganisaties", "Cliënten": "cliëntenorganisaties",
             "Cliëntenorganisaties": "cliëntenorganisaties", "Beroepsverenigingen": "beroepsverenigingen"}  # fmt: skip
_PARTICLE_WORD = r"[Dd]e|[Vv]an|[Tt]er|[Dd]er|[Dd]en|[Ll]a"
_PARTICLE = rf"(?:(?:{_PARTICLE_WORD})\s+)"
_CAPITAL = r"[A-Z\u00c0-\u00dd][a-zà-ÿ'-]+"
_NOT_NAMES = set(
    """Wethouder Minister Staatssecretaris Voorzitter Directeur Namens Bestuurslid Bestuurder Lid Vereniging
    Utrecht Ede Enschede Helmond Nederland Jeugdzorg Rechtsbescherming Programmasecretariaat Zorg Jeugd
    Gehandicaptenzorg Orthopedagogische Behandelcentra Partners Groep Den Haag Directie Bestuurlijk Overleg
    Kopie Afwezig Aanwezig Deelnemers Voor Beroepsverenigingen Ondersteuningsteam Federatie Raad Spirit
    Jeugdhulp Bascule Koraal Ipse Bruggen William Schrikker Opening Conceptverslag Online Webex Per Saldo
    Inclusieve Samenleving Cliëntenorganisaties Clientenorganisaties Gemeente Ieder Vergaderplaats Betreft""".split()
)
_PROSE = re.compile(r"[a-z]{3}\.\s+[A-Z]")  # sentence ends: the attendee list is over
_FIRST_ITEM = re.compile(r"^\s*1[.)]?\s+[A-Z]", re.M)  # agendapunt 1: the attendee list is over
_ABSENT = re.compile(rf"({_CAPITAL})\s+({_PARTICLE}*)({_CAPITAL})\s*\(([^)]{{2,30}})\)")


def roster(text: str) -> dict[str, str]:
    """Surname -> organisation of everyone a meeting document lists as present (or absent, with organisation)."""
    head = text[:4000]
    starts = [i for i in (head.find("Aanwezig"), head.find("Deelnemers")) if i >= 0]
    if not starts:
        return {}
    block = head[min(starts) :]
    end = _FIRST_ITEM.search(block)
    block = block[: end.start()] if end else block
    absent = block.find("Afwezig")
    present = block if absent < 0 else block[:absent]
    markers = [(m.start(), _ORG_NAME.get(m[1], m[1])) for m in _ORG.finditer(present)]
    people: dict[str, str] = {}
    for at, surname in _names(present):
        before = [org for pos, org in markers if pos < at]
        if before and not before[-1].startswith("Programma"):
            people[surname] = before[-1]
    if absent >= 0:
        for person in _ABSENT.finditer(block[absent:]):
            org = _ORG.search(person[4])
            if org and person[3] not in people:
                people[person[3]] = _ORG_NAME.get(org[1], org[1])
    return people


def _names(block: str) -> Iterator[tuple[int, str]]:
    """(offset, surname) of every 'First [de/van] Surname' in an attendee block, words that are no names skipped."""
    words = [(m.start(), m[0]) for m in re.finditer(r"[\wà-ÿ'-]+", block)]
    i = 0
    while i < len(words) - 1:
        at, first = words[i]
        j = i + 1
        while j < len(words) - 1 and re.fullmatch(_PARTICLE_WORD, words[j][1]):
            j += 1
        surname = words[j][1]
        if _is_name(first) and _is_name(surname) and not _ORG.fullmatch(first):
            yield at, surname
            i = j + 1
        else:
            i += 1


def _is_name(word: str) -> bool:
    return bool(re.fullmatch(_CAPITAL, word)) and word not in _NOT_NAMES and not _ORG.fullmatch(word)


def organisation_of(surname: str, *rosters: dict[str, str]) -> str:
    """The organisation of a surname in the first roster that knows it, allowing one or two misspelt letters."""
    for people in rosters:
        if surname in people:
            return people[surname]
        close = [org for name, org in people.items() if _close(surname, name)]
        if len(set(close)) == 1:
            return close[0]
    return ""


def close_names(a: str, b: str) -> bool:
    """The same surname, whatever the case or one or two misspelt letters ('Jonge'/'jonge', 'Spijt'/'Spigt')."""
    return a.lower() == b.lower() or _close(a, b)


def _close(a: str, b: str) -> bool:
    """Spellings of one surname ('Spijt'/'Spigt', 'Bluiminck'/'Blulminck')."""
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0].lower() != b[0].lower():
        return False
    allowed = 1 if min(len(a), len(b)) < 8 else 2
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca.lower() != cb.lower())))
        previous = current
    return previous[-1] <= allowed


@dataclass(frozen=True)
class Statement:
    """One contribution to a meeting: who spoke, for which organisation, under which agendapunt, in their words."""

    speaker: str  # "Dhr. Eerenberg", or REDACTED
    organisation: str  # "" when neither the attendee list nor the text says
    agendapunt: str
    quote: str
    start: int  # character offsets in the document's text
    end: int
    doc_id: str = ""
    pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class Agreement:
    """An agreement, decision or action recorded in a verslag."""

    kind: str  # afspraak | besluit | akkoord | geen afspraak | actie
    text: str
    actor: str  # who takes the action, when the text says; else ""
    agendapunt: str
    start: int
    end: int
    doc_id: str = ""
    pages: tuple[int, ...] = ()


_TITLE = r"(?:[Dd]hr|[Mm]evr|[Mm]w|[Mm]evrouw|[Dd]e heer|[Mm]inister|[Ww]ethouder|[Ss]taatssecretaris)\.?"
# "Minister Slob komt met een brief": reported, not speaking in the meeting
_OFFICE = re.compile(r"^[•\-\s]*(?:[Mm]inister|[Ww]ethouder|[Ss]taatssecretaris)\s+\S+\s+(?!:)")
_NAME = rf"(?:{_PARTICLE}?[A-Z\u00c0-\u00dd][\wà-ÿ'-]+)"
_WHO = (
    rf"(?:(?P<title>{_TITLE})\s+(?P<name>{_NAME})|(?P<first>[A-Z][a-z]+)\s+(?P<full>{_NAME})(?=\s*:)"
    rf"|(?P<redacted>10\.2\.e)(?:\s*\[(?:redacted|REDACTED)\])?(?:\s*\([^()]{{1,40}}\))?)"
)
# "Dhr. Eerenberg geeft aan", "Dhr. Meijer: ...", "10.2.e vult aan", "• Dhr Eerenberg: ..."
_OPENS = re.compile(rf"^[•\-\s]*{_WHO}\s*(?::|\s+(?!en\b|of\b)[a-zà-ÿ])")
# an organisation speaking as itself: "De VNG constateert echter dat ...", "Cliëntenorganisaties denken graag mee"
_BODY = (
    r"(?P<body>VNG|BGZJ|VWS|JenV|OCW|Iederin|Ieder\(in\)|Per Saldo|MIND|LOC|[Cc]li[eë]nt(?:en)?organisaties|"
    r"[Bb]eroepsverenigingen)"
)
_ORG_SPEAKS = re.compile(
    rf"^[•\-\s]*(?:[Dd]e\s+)?{_BODY}\s+(?:stelt|stellen|constateert|constateren|vindt|vinden|vraagt|vragen|pleit|"
    r"pleiten|benadrukt|benadrukken|denkt|denken|onderschrijft|onderschrijven|steunt|steunen|herkent|herkennen|"
    r"mist|missen|wil|willen|verzoekt|verzoeken|roept|roepen|(?:is|zijn) van mening|geeft\s+aan|geven\s+aan|"
    r"maakt zich zorgen|maken zich zorgen)\b"
)
_BODY_ORG = dict.fromkeys(("Iederin", "Ieder(in)", "Per Saldo", "MIND", "LOC"), "cliëntenorganisaties")
# "Ten aanzien van autonomie, geeft dhr. Meijer aan ..."
_INVERTED = re.compile(rf"^[^.:]{{3,80}},\s*(?:geeft|vult|stelt|merkt|meent|vraagt|zegt|benadrukt)\s+{_WHO}\s")
# a speaker's colon in the middle of a run-on line: "... Landelijke oplossing Mevr. De Koning: interessant"
_COLON = re.compile(rf"(?<=\s)(?:{_WHO}\s?:\s|(?:Afspraak|Besluit|Conclusie):\s)")
_SPEAKS = re.compile(
    rf"(?<=[a-zà-ÿ,;]\s)(?:{_TITLE})\s+{_NAME}\s+(?:geeft|vult|stelt|meent|merkt|vraagt|erkent|zegt|benadrukt|licht|"
    r"concludeert|wijst|voegt|deelt|ondersteunt|refereert|waarschuwt|verzoekt)\b"
)
_NOT_SPEAKING = re.compile(rf"(?:\b(?:van|met|door|aan|bij|op|naar|voor)|{_TITLE})\s*$")
# a heading over a list of one speaker's points: "BGZJ (dhr. Spijt):", "Cliënten (10.2.e, MIND):", "OCW (10.2.e)",
# "Reactie dhr. Dekker met betrekking tot de jeugdbescherming:"; alone on a line or ending one
_SPEAKER_HEADING = re.compile(
    rf"(?:^|(?<=[.?!:]\s))(?:(?P<org>[A-Z][\wë-]*)\s*\(\s*(?:(?P<title>{_TITLE})\s+(?P<name>{_NAME})|(?P<redacted>10\.2\.e)[^()]*"
    rf"(?:\([^)]*\))?[^()]*)\)|Reactie\s+(?P<title2>{_TITLE})\s+(?P<name2>{_NAME})[^:\n.]{{0,60}})\s*:?\s*$"
)
_NAMED_ORG = re.compile(
    r"^\s*(?:\[\w+\]\s*)?(?:namens\s+(?:de\s+)?(VNG|BGZJ|VWS|JenV|OCW)\b|\((VNG|BGZJ|VWS|JenV|OCW)\))"
)

_AGREEMENT = re.compile(
    r"^[•\-\s]*(?:(?P<kind>Afspraak|Afspraken|Besluit|Conclusie|Actie|Actiepunt)\s*:"
    r"|(?P<kind2>Akkoord|Geen afspraak)\b|"
    r"(?P<kind3>Vastgesteld)\.?$|(?P<kind4>Toezegging)\s+aan\b|(?P<kind5>Afgesproken)\s+(?:is|wordt|:))"
)
_KINDS = {"Afspraak": "afspraak", "Afspraken": "afspraak", "Afgesproken": "afspraak", "Besluit": "besluit",
          "Conclusie": "besluit", "Vastgesteld": "besluit", "Akkoord": "akkoord", "Geen afspraak": "geen afspraak",
          "Toezegging": "actie", "Actie": "actie", "Actiepunt": "actie"}  # fmt: skip
_ACCEPTED = re.compile(r"^(?:Dit|Dat|Het voorstel)\s+(?:is|wordt)\s+akkoord\b|^Akkoord\.$", re.I)
_ACTION_VERB = (
    r"(?:informeert|informeren|bereidt|bereiden|verzorgt|verzorgen|stuurt|sturen|zorgt|zorgen|bellen|belt|"
    r"organiseert|organiseren|agendeert|agenderen|belooft|beloven|zegt toe|zeggen toe|komt\s+\w+\s+terug|legt|leggen|"
    r"neemt\s+(?:de\s+lead|contact|het\s+initiatief)|nemen\s+(?:de\s+lead|contact|het\s+initiatief)|"
    r"gaat\s+na|gaan\s+na|zoekt\s+uit|zoeken\s+uit|werkt\s+uit|werken\s+uit|stelt\s+op|stellen\s+op|"
    r"gaat\s+aan\s+de\s+slag|gaan\s+aan\s+de\s+slag|verkent|verkennen|levert|leveren)"
)
_ACTION = re.compile(
    rf"^(?P<actor>(?:(?:{_TITLE}\s+)?(?:10\.2\.e|[A-Z][\w.-]*)(?:,?\s+(?:en\s+)?)?){{1,4}}?)\s*{_ACTION_VERB}\b"
)
_AMENDED = re.compile(
    r"^(?:(?:De|Het)\s+)?(?:[Bb]rief|tekst|stuk|notitie|voorstel)\s+(?:wordt|zal\s+worden)\s+(?:daarop\s+|hierop\s+)?aangepast"
)


def read_minutes(documents: list[Document]) -> tuple[list[Statement], list[Agreement]]:
    """The statements and agreements of every verslag among `documents` (one file), with doc_id and pages.

    A speaker missing from their own meeting's attendee list is looked up in the lists of the file's other
    verslagen and agendas: people keep their organisation across the overleggen of one bundle."""
    rosters = tuple(roster(d.text) for d in documents if d.meta.doc_type in ("verslag", "agenda"))
    said: list[Statement] = []
    agreed: list[Agreement] = []
    for doc in documents:
        if doc.meta.doc_type not in MINUTES_TYPES:
            continue
        for s in statements(doc.text, rosters):
            said.append(replace(s, doc_id=doc.meta.doc_id, pages=tuple(doc.pages_of(s.start, s.end))))
        for a in agreements(doc.text):
            agreed.append(replace(a, doc_id=doc.meta.doc_id, pages=tuple(doc.pages_of(a.start, a.end))))
    return said, agreed


def statements(text: str, others: tuple[dict[str, str], ...] = ()) -> list[Statement]:
    """Every contribution in a verslag's text, in order; `others`: other meetings' rosters, for unlisted names."""
    people = roster(text)
    found: list[Statement] = []
    current: dict | None = None
    heading_speaker: tuple[str, str] | None = None

    def close(end: int) -> None:
        nonlocal current
        if current is not None:
            quote = text[current["start"] : end].strip()
            if len(quote) > len(current["speaker"]) + 12:
                found.append(Statement(current["speaker"], current["org"], current["section"], quote,
                                       current["start"], current["start"] + len(quote)))  # fmt: skip
        current = None

    for section, start, sentence in _sentences(text):
        if section is None:  # a heading or the attendee list ends every contribution
            close(start)
            heading = _SPEAKER_HEADING.fullmatch(sentence.strip())
            heading_speaker = _speaker(heading, people, others, sentence) if heading else None
            continue
        if _AGREEMENT.match(sentence) or _ACCEPTED.match(sentence.strip()):
            close(start)
            continue
        opened = (_OPENS.match(sentence) or _INVERTED.match(sentence)) if not _OFFICE.match(sentence) else None
        body = None if opened else _ORG_SPEAKS.match(sentence)
        org = body and (_BODY_ORG.get(body["body"]) or _ORG_NAME.get(body["body"].capitalize(), body["body"]))
        if body and not (current and current["org"] == org):  # a speaker saying what their organisation wants
            close(start)
            current = {"speaker": body["body"], "org": org, "section": section, "start": start + _lead(sentence)}
        elif opened:
            close(start)
            speaker, org = _speaker(opened, people, others, sentence)
            current = {"speaker": speaker, "org": org, "section": section, "start": start + _lead(sentence)}
        elif heading_speaker and sentence.lstrip().startswith("•") and current is None:
            current = {"speaker": heading_speaker[0], "org": heading_speaker[1], "section": section,
                       "start": start + _lead(sentence)}  # fmt: skip
    close(len(text))
    return found


def agreements(text: str) -> list[Agreement]:
    """Every agreement, decision and action a verslag records, in order."""
    people = roster(text)
    found: list[Agreement] = []
    previous: tuple[int, str] | None = None
    for section, start, sentence in _sentences(text):
        if section is None:
            previous = None
            continue
        body = sentence.strip()
        marked = _AGREEMENT.match(body)
        if marked:
            kind = _KINDS[next(k for k in marked.groups() if k)]
            rest = body[marked.end() :].lstrip(" :.")
            actor = _actor(rest, people)
            if kind == "afspraak" and not rest and previous:  # "Afspraken" heading a list: not itself one
                kind = ""
            if kind:
                found.append(Agreement(kind, body, actor, section, start + _lead(sentence), start + len(sentence)))
        elif _ACCEPTED.match(body) and previous is not None:
            found.append(Agreement("akkoord", text[previous[0] : start + len(sentence)].strip(), "", section,
                                   previous[0], start + len(sentence)))  # fmt: skip
        elif (actor := _actor(body, people)) or _AMENDED.match(body):
            found.append(Agreement("actie", body, actor, section, start + _lead(sentence), start + len(sentence)))
        previous = (start + _lead(sentence), body)
    return found


def _actor(text: str, people: dict[str, str]) -> str:
    """Who the text says takes an action: a person, a redacted official or an organisation; "" when none is named."""
    m = _ACTION.match(text)
    if not m:
        return ""
    actor = m["actor"].strip(" ,")
    words = set(re.findall(r"[\w.]+", actor))
    named = "10.2.e" in actor or re.search(_TITLE, actor) or words & set(people) or _ORG.search(actor)
    return actor if named else ""


def _speaker(
    match: re.Match, people: dict[str, str], others: tuple[dict[str, str], ...], sentence: str
) -> tuple[str, str]:
    """A display name and organisation for a matched speaker or speaker heading."""
    groups = match.groupdict()
    said_org = groups.get("org") or ""
    said_org = _ORG_NAME.get(said_org, said_org) if _ORG.fullmatch(said_org) or said_org in _ORG_NAME else ""
    if groups.get("redacted"):
        named = _NAMED_ORG.search(sentence[match.end("redacted") - match.start() :])
        return REDACTED, (named[1] or named[2]) if named else said_org
    name = groups.get("name") or groups.get("name2") or groups.get("full") or ""
    org = said_org or organisation_of(name.split()[-1], people, *others)
    title = (groups.get("title") or groups.get("title2") or "").rstrip(".").lower()
    title = _TITLES.get(title, title.capitalize())
    name = name[0].upper() + name[1:]
    return (f"{title} {name}" if title else f"{groups['first']} {name}"), org


def _lead(sentence: str) -> int:
    return len(sentence) - len(sentence.lstrip("•- \n"))


def _sentences(text: str) -> Iterator[tuple[str | None, int, str]]:
    """(agendapunt, offset, sentence) through the text; agendapunt None for a heading, roster line or list's lead-in.

    A speaker's colon in the middle of a run-on line starts a sentence of its own; a speaker heading at
    the end of a line is a heading of its own."""
    path = SectionPath()
    offset = 0
    in_roster = "Aanwezig" in text[:600] or "Deelnemers" in text[:600]
    for line in text.splitlines(keepends=True):
        stripped, at_line = line.strip(), offset
        offset += len(line)
        if in_roster and (_FIRST_ITEM.match(line) or len(_PROSE.findall(line)) >= 3):
            in_roster = False
        if in_roster or not stripped or path.update(stripped):
            yield None, at_line, stripped
            continue
        tail = _SPEAKER_HEADING.search(stripped)
        body = stripped[: tail.start()].rstrip() if tail else stripped
        if body.endswith(":") and not (_OPENS.match(body) or _INVERTED.match(body)):
            yield None, at_line, ""  # a lead-in to a list ends the contribution before it
        position = at_line
        for sentence in split_sentences(body) if body else []:
            at = text.find(sentence, position)
            at = position if at < 0 else at
            marks = [*_COLON.finditer(sentence), *_SPEAKS.finditer(sentence)]
            cuts = sorted(
                {m.start() for m in marks if m.start() > 0 and not _NOT_SPEAKING.search(sentence[: m.start()])}
            )
            for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True):
                yield str(path), at + a, sentence[a:b]
            position = at + len(sentence)
        if tail:
            yield None, at_line + line.find(tail[0]), tail[0]
