"""Standpunten, afspraken and topic threads: the verslagen's statements and agreements, filtered and in date order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from assistant.answer.topics import Onderwerp, onderwerpen
from assistant.core.dates import format_day
from assistant.core.glossary import expand
from assistant.core.minutes import Agreement, Statement
from assistant.core.sentences import split_sentences
from assistant.core.structure import SectionPath
from assistant.core.text import tokenize
from assistant.core.types import Citation, DocMeta, Document, Filter, Passage


@dataclass(frozen=True)
class Said:
    """A statement with the document it stands in, and how well it matches the topic asked for (1 when none)."""

    statement: Statement
    meta: DocMeta
    relevance: float = 1.0

    def record(self) -> dict:
        """The JSON shape of `assistant standpunten --json`."""
        s, m = self.statement, self.meta
        return {
            "organisation": s.organisation, "speaker": s.speaker, "meeting": m.meeting,
            "meeting_date": m.date.isoformat() if m.date else None, "doc_id": m.doc_id, "doc_type": m.doc_type,
            "source_file": m.source_file, "pages": list(s.pages), "agendapunt": s.agendapunt, "quote": s.quote,
        }  # fmt: skip


@dataclass(frozen=True)
class Agreed:
    """An agreement with the document it stands in."""

    agreement: Agreement
    meta: DocMeta
    relevance: float = 1.0

    def record(self) -> dict:
        """The JSON shape of `assistant afspraken --json`."""
        a, m = self.agreement, self.meta
        return {
            "meeting": m.meeting, "meeting_date": m.date.isoformat() if m.date else None, "kind": a.kind,
            "text": a.text, "actor": a.actor, "doc_id": m.doc_id, "source_file": m.source_file,
            "pages": list(a.pages), "agendapunt": a.agendapunt,
        }  # fmt: skip


@dataclass
class Step:
    """One meeting of a topic thread: agenda items, the nota's advice, what each organisation said, what was agreed."""

    meeting: str
    day: dt.date
    agenda_items: list[tuple[str, DocMeta]] = field(default_factory=list)
    advice: list[tuple[str, DocMeta, tuple[int, ...]]] = field(default_factory=list)  # (sentence, nota, pages)
    statements: list[Said] = field(default_factory=list)
    agreements: list[Agreed] = field(default_factory=list)

    def by_organisation(self) -> dict[str, list[Said]]:
        """The statements grouped by organisation, in the order the organisations first spoke."""
        out: dict[str, list[Said]] = {}
        for said in self.statements:
            out.setdefault(said.statement.organisation or "onbekend", []).append(said)
        return out

    def record(self) -> dict:
        """The JSON shape of `assistant tijdlijn --json`."""
        return {
            "meeting": self.meeting, "meeting_date": self.day.isoformat(),
            "agenda_items": [{"title": t, "doc_id": m.doc_id} for t, m in self.agenda_items],
            "advice": [{"text": t, "doc_id": m.doc_id, "pages": list(p)} for t, m, p in self.advice],
            "statements": [s.record() for s in self.statements],
            "agreements": [a.record() for a in self.agreements],
        }  # fmt: skip


class Topic:
    """What a user calls a subject ('NvO', 'faire tarieven'), matched against headings and text either way round."""

    def __init__(self, text: str, titles: Iterable[str] = ()) -> None:
        self.text = text.strip()
        self.terms = set(tokenize(expand(self.text)))
        self.titles = tuple(" ".join(t.lower().split()) for t in titles)  # a recurring subject's agendapunten

    def __bool__(self) -> bool:
        return bool(self.terms)

    def relevance(self, text: str) -> float:
        """The share of the topic's words the text holds (its abbreviations and long forms count as the same)."""
        if not self.terms:
            return 1.0
        return len(self.terms & set(tokenize(expand(text)))) / len(self.terms)

    def heading_matches(self, heading: str) -> bool:
        """Whether an agendapunt is about the topic: it holds most of the topic's words, or it is one of the
        agendapunten the subject recurs as."""
        written = " ".join(heading.lower().split())
        return bool(self.terms) and (self.relevance(heading) >= 0.6 or any(t in written for t in self.titles))


def _match_org(organisation: str, wanted: Iterable[str]) -> bool:
    wanted = {w.casefold() for w in wanted}
    return not wanted or organisation.casefold() in wanted


def standpunten(
    statements: list[Statement], metas: dict[str, DocMeta], *, organisations: Iterable[str] = (),
    topic: str = "", date_from: dt.date | None = None, date_to: dt.date | None = None,
) -> list[Said]:  # fmt: skip
    """Statements of the organisations in date order; with a topic, only those about it, best first within a meeting."""
    subject = Topic(topic)
    organisations = tuple(organisations)
    within = Filter(date_from=date_from, date_to=date_to)
    found = []
    for s in statements:
        meta = metas.get(s.doc_id)
        if meta is None or not _match_org(s.organisation, organisations) or not within.matches(meta):
            continue
        relevance = _relevance(subject, s.agendapunt, s.quote)
        if relevance > 0:
            found.append(Said(s, meta, relevance))
    return sorted(found, key=lambda x: (*_when(x.meta), x.meta.doc_id, -x.relevance, x.statement.start))


def afspraken(
    agreements: list[Agreement], metas: dict[str, DocMeta], *, meetings: Iterable[str] = (), topic: str = "",
    date_from: dt.date | None = None, date_to: dt.date | None = None,
) -> list[Agreed]:  # fmt: skip
    """Agreements, decisions and actions in date order; with a topic, only those about it."""
    subject = Topic(topic)
    wanted = {m.casefold() for m in meetings}
    within = Filter(date_from=date_from, date_to=date_to)
    found = []
    for a in agreements:
        meta = metas.get(a.doc_id)
        if meta is None or not within.matches(meta):
            continue
        if wanted and (meta.meeting or "").casefold() not in wanted:
            continue
        relevance = _relevance(subject, a.agendapunt, a.text)
        if relevance > 0:
            found.append(Agreed(a, meta, relevance))
    return sorted(found, key=lambda x: (*_when(x.meta), x.meta.doc_id, x.agreement.start))


def tijdlijn(
    topic: str, statements: list[Statement], agreements: list[Agreement], metas: dict[str, DocMeta],
    document: Callable[[str], Document | None], *, organisations: Iterable[str] = (), titles: Iterable[str] = (),
) -> list[Step]:  # fmt: skip
    """A topic's thread: per meeting in date order, agenda items, the nota's advice, statements and agreements.
    `titles`: the agendapunten a recurring subject stands under (see assistant.answer.topics)."""
    subject = Topic(topic, titles)
    if not subject:
        return []
    steps: dict[tuple[str, dt.date], Step] = {}

    def step(meta: DocMeta) -> Step | None:
        if not meta.meeting or not meta.date:
            return None
        key = (meta.meeting, meta.date)
        return steps.setdefault(key, Step(meta.meeting, meta.date))

    for meta in metas.values():
        if meta.doc_type not in ("agenda", "nota") or not meta.meeting:
            continue
        doc = document(meta.doc_id)
        if doc is None:
            continue
        for heading, sentences in _sections(doc):
            if not subject.heading_matches(heading):
                continue
            current = step(meta)
            if meta.doc_type == "agenda":
                current.agenda_items.append((heading, meta))
            else:
                current.advice.extend((text, meta, tuple(doc.pages_of(a, b))) for text, a, b in _advice(sentences))
    for said in standpunten(statements, metas, organisations=organisations, topic=topic):
        if subject.heading_matches(said.statement.agendapunt) or said.relevance >= 0.6:
            current = step(said.meta)
            if current:
                current.statements.append(said)
    for agreed in afspraken(agreements, metas, topic=topic):
        if subject.heading_matches(agreed.agreement.agendapunt) or agreed.relevance >= 0.6:
            current = step(agreed.meta)
            if current:
                current.agreements.append(agreed)
    return [steps[key] for key in sorted(steps, key=lambda k: (k[1], k[0])) if _has_content(steps[key])]


def _when(meta: DocMeta) -> tuple[bool, dt.date]:
    """Sort key: in date order, undated documents last."""
    return meta.date is None, meta.date or dt.date.min


def _has_content(step: Step) -> bool:
    return bool(step.agenda_items or step.advice or step.statements or step.agreements)


def _relevance(subject: Topic, agendapunt: str, text: str) -> float:
    """How well a statement or agreement matches the topic: its agendapunt about it counts fully."""
    if not subject:
        return 1.0
    if subject.heading_matches(agendapunt):
        return 1.0 + subject.relevance(text)
    return subject.relevance(text)


def _sections(doc: Document) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """(heading path, [(sentence, start, end)]) of a document, in reading order."""
    path = SectionPath()
    out: list[tuple[str, list[tuple[str, int, int]]]] = []
    offset = 0
    for line in doc.text.splitlines(keepends=True):
        at, offset = offset, offset + len(line)
        text = line.strip()
        if not text:
            continue
        if path.update(text):
            out.append((str(path), []))
            continue
        if not out:
            continue
        position = at
        for sentence in split_sentences(text):
            start = doc.text.find(sentence, position)
            start = position if start < 0 else start
            out[-1][1].append((sentence, start, start + len(sentence)))
            position = start + len(sentence)
    return out


_ADVICE_WORDS = ("advies", "adviseer", "geadviseerd", "gevraagd", "voorstel", "stel voor", "wordt u", "u kunt", "inzet")


def _advice(sentences: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """What a nota advises under one heading: the sentences that advise or ask, else the section's first sentence."""
    sentences = [s for s in sentences if len(s[0].split()) >= 3]  # "• II." is a list mark, not advice
    for k, sentence in enumerate(sentences):
        if any(word in sentence[0].lower() for word in _ADVICE_WORDS):
            # "U kunt:" is a lead-in: the advice is the list that follows
            return sentences[k : k + 4] if sentence[0].endswith(":") else sentences[k : k + 2]
    return sentences[:1]


class Source(Protocol):
    """What the minutes are read from: the catalog, or the index that owns it."""

    def statements(self) -> list[Statement]: ...
    def agreements(self) -> list[Agreement]: ...
    def documents(self) -> list[DocMeta]: ...
    def document(self, doc_id: str) -> Document | None: ...


class Minutes:
    """Standpunten, afspraken and threads read from one index (or its catalog: no model needed)."""

    def __init__(self, index: Source) -> None:
        self.index = index
        self._onderwerpen: list[Onderwerp] | None = None

    def metas(self) -> dict[str, DocMeta]:
        """Every document by id."""
        return {m.doc_id: m for m in self.index.documents()}

    def standpunten(self, **filters) -> list[Said]:
        """See `standpunten`; filters: organisations, topic, date_from, date_to."""
        return standpunten(self.index.statements(), self.metas(), **filters)

    def afspraken(self, **filters) -> list[Agreed]:
        """See `afspraken`; filters: meetings, topic, date_from, date_to."""
        return afspraken(self.index.agreements(), self.metas(), **filters)

    def tijdlijn(self, topic: str, organisations: Iterable[str] = ()) -> list[Step]:
        """See `tijdlijn`; a recurring subject's title brings its agendapunten along."""
        titles = next((tuple(t for _, _, t in o.items) for o in self.onderwerpen() if o.title == topic), ())
        return tijdlijn(topic, self.index.statements(), self.index.agreements(), self.metas(), self.index.document,
                        organisations=organisations, titles=titles)  # fmt: skip

    def onderwerpen(self) -> list[Onderwerp]:
        """The subjects on the agenda of two or more overleggen (see assistant.answer.topics), read once: a page
        offers them and follows the chosen one."""
        if self._onderwerpen is None:
            self._onderwerpen = onderwerpen(self.index.documents(), lambda doc_id: self.index.document(doc_id).text)
        return self._onderwerpen

    def organisations(self) -> list[str]:
        """The organisations statements are recorded for, most statements first."""
        counts: dict[str, int] = {}
        for s in self.index.statements():
            if s.organisation:
                counts[s.organisation] = counts.get(s.organisation, 0) + 1
        return sorted(counts, key=lambda o: -counts[o])


_STANCE_WORDS = set(
    tokenize(
        "vond vonden zei zeiden zegt standpunt standpunten inbreng bracht ingebracht reageerde reactie dacht "
        "loop verloop verschillende overleggen ontwikkelde ontwikkeling tijd tijdlijn eerder later jaar"
    )
)


_ASKING_WORDS = set(tokenize("wat welke hoe vroeg vroegen wilde wilden"))


def about_something(topic: str) -> bool:
    """True when a question's topic (its words without dates, meetings and organisations) names a subject, not only
    how it asks ('Wat vroegen de ... in het ... van ...?' names none; a letter an organisation's name left behind,
    the 's' of 'cliëntenorganisaties', is no subject)."""
    return any(len(t) > 1 for t in Topic(topic).terms - _STANCE_WORDS - _ASKING_WORDS)


def positions_over_time(
    organisations: tuple[str, ...], topic: str, years: tuple[int, ...], minutes: Minutes,
    passage_of: Callable[[str, str], Passage | None],
) -> tuple[str, list[Citation]] | None:  # fmt: skip
    """'Wat vond de VNG over X in de loop van 2020?': one cited line per meeting with the organisation's
    statement that best matches the topic, in date order; None when the verslagen hold none about it."""
    subject = Topic(topic)
    subject.terms -= _STANCE_WORDS
    if not organisations or not subject:
        return None
    date_from = dt.date(min(years), 1, 1) if years else None
    date_to = dt.date(max(years), 12, 31) if years else None
    best: dict[tuple[str, dt.date], Said] = {}
    for said in minutes.standpunten(organisations=organisations, date_from=date_from, date_to=date_to):
        relevance = _relevance(subject, said.statement.agendapunt, said.statement.quote)
        key = (said.meta.meeting or said.meta.title, said.meta.date or dt.date.min)
        if relevance >= 0.5 and (key not in best or relevance > best[key].relevance):
            best[key] = Said(said.statement, said.meta, relevance)
    found = _cited_lines([said for _, said in sorted(best.items(), key=lambda kv: kv[0][1])], passage_of)
    if found is None:
        return None
    lines, citations = found
    who = _who(organisations)
    return f"Wat {who} volgens de verslagen {_said(organisations)}, per overleg:\n\n" + "\n".join(lines), citations


def said_at(
    organisations: tuple[str, ...], meetings: tuple[str, ...], date_from: dt.date, date_to: dt.date,
    minutes: Minutes, passage_of: Callable[[str, str], Passage | None], limit: int = 6,
) -> tuple[str, list[Citation]] | None:  # fmt: skip
    """'Wat vroegen de cliëntenorganisaties in het BO Zorg voor de Jeugd van juni 2020?': the organisation's
    statements in the verslagen of that day or month (of that series, when named), one cited line each in the order
    spoken, the first `limit`; None when the verslagen hold none."""
    saids = [
        said for said in minutes.standpunten(organisations=organisations, date_from=date_from, date_to=date_to)
        if not meetings or said.meta.meeting in meetings
    ]  # fmt: skip
    found = _cited_lines(saids[:limit], passage_of)
    if found is None:
        return None
    lines, citations = found
    return f"Wat {_who(organisations)} volgens het verslag {_said(organisations)}:\n\n" + "\n".join(lines), citations


def _cited_lines(saids: list[Said], passage_of) -> tuple[list[str], list[Citation]] | None:
    """One line per statement: day, meeting and speaker, its first two sentences quoted and cited."""
    lines, citations = [], []
    for said in saids:
        passage = passage_of(said.meta.doc_id, said.statement.quote)
        if passage is None:
            continue
        quote = " ".join(split_sentences(" ".join(said.statement.quote.split()))[:2])
        n = len(citations) + 1
        citations.append(Citation(n=n, passage=passage, quote=quote))
        meeting = said.meta.meeting or said.meta.title
        lines.append(f"- {format_day(said.meta.date)}, {meeting} ({said.statement.speaker}): “{quote}” [{n}]")
    return (lines, citations) if citations else None


def _who(organisations: tuple[str, ...]) -> str:
    return " en ".join(f"de {o}" if o in ("VNG", "BGZJ", "cliëntenorganisaties") else o for o in organisations)


def _said(organisations: tuple[str, ...]) -> str:
    """'zei' or, for more than one or a plural ('de cliëntenorganisaties'), 'zeiden'."""
    plural = len(organisations) > 1 or any(o[:1].islower() and o.endswith(("s", "en")) for o in organisations)
    return "zeiden" if plural else "zei"
