"""Answering a question: retrieve, compose or generate, validate citations, or refuse."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace

from assistant.answer.answerability import AnswerabilityModel, load_model
from assistant.answer.citations import best_quote, is_english, renumber, supported_sentences
from assistant.answer.conversation import Turn, as_turns, needs_context, rewrite_rule_based
from assistant.answer.evidence import (
    FEATURES,
    Evidence,
    asks_position,
    body_absent,
    gather_evidence,
    open_candidates,
    open_sentence,
    people_in,
    planned_instead,
    speakers_asked,
    year_elsewhere,
)
from assistant.answer.extractive import (
    OVER_TIME,
    choose_parts,
    compose,
    part_terms,
    question_terms,
    rank_sentences,
    redaction_note,
)
from assistant.answer.header import meeting_head
from assistant.answer.held import (
    body_unheard,
    date_not_held,
    heard_nowhere,
    not_among_speakers,
    reply_unrecorded,
    said_elsewhere,
    said_that_day,
    silent_on,
    verslagen_of_the_day,
)
from assistant.answer.llm import LLM
from assistant.answer.overview import asks_about_dossier, overview
from assistant.answer.positions import Minutes, about_something, positions_over_time, said_at
from assistant.answer.question import (
    QuestionHints,
    organisations_asked,
    own_periods,
    parts_as_asked,
    question_parts,
    read_question,
)
from assistant.answer.retrieve import Reranker, Retrieval, retrieve
from assistant.answer.speakers import absentees, attendees
from assistant.core.config import CONFIG, Config
from assistant.core.dates import format_nl
from assistant.core.errors import ConfigError
from assistant.core.settings import Settings
from assistant.core.types import Answer, Citation, Document, Filter, Passage, page_span
from assistant.index.index import Index
from assistant.index.models import build_reranker
from prompts import render

REFUSAL = "Dit staat niet in de documenten die ik heb."
LLM_CONTEXT = 6
MAX_QUESTION_CHARS = 2000  # a question is a few sentences; a pasted document is not (20,000 words took 99 s)


def open_assistant(settings: Settings | None = None, *, mode: str | None = None, config: Config = CONFIG) -> Assistant:
    """The assistant over the configured index, with the configured LLM (unless `mode="extractive"`) and reranker.

    `settings` defaults to the environment (ASSISTANT_*); `mode="llm"` requires an LLM to be configured."""
    settings = settings or Settings.from_env()
    llm = None
    if mode != "extractive":
        from assistant.answer.langchain_llm import build_llm

        llm = build_llm(settings)
        if mode == "llm" and llm is None:
            raise ConfigError("--mode llm needs ASSISTANT_LLM_BASE_URL and ASSISTANT_LLM_MODEL (or ASSISTANT_LLM_GGUF)")
    return Assistant(
        index=Index.open(settings),
        llm=llm,
        refusal_threshold=settings.refusal_threshold,
        reranker=build_reranker(settings),
        config=config,
    )


@dataclass
class Assistant:
    """Answers Dutch questions from an index; the LLM is optional (extractive without it)."""

    index: Index
    llm: LLM | None = None  # anything with stream(system, user); None answers extractively
    refusal_threshold: float | None = None  # overrides the model's probability cut (ASSISTANT_REFUSAL_THRESHOLD)
    answerability: AnswerabilityModel = field(default_factory=load_model)
    reranker: Reranker | None = None
    config: Config = CONFIG
    k: int = 12
    _attendees: dict[str, dict[str, set[str]]] = field(default_factory=dict, repr=False)
    _absent: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _known_people: tuple[str, set[str]] = field(default=("", set()), repr=False)
    _statements: tuple[str, dict, dict] = field(default=("", {}, {}), repr=False)

    def answer(
        self,
        question: str,
        *,
        history: Sequence[object] = (),
        filters: Filter | None = None,
        on_text: Callable[[str], None] | None = None,
        ignore: Collection[str] = (),
    ) -> Answer:
        """A grounded Dutch answer with citations, or a refusal that lists the closest documents.

        With an LLM, `on_text` gets the checked answer so far each time the model completes a sentence
        that passes the checks (never the model's raw text); the returned answer is the final word.
        `ignore` sets aside what the question implied (see `Answer.implied`), by label."""
        if len(question) > MAX_QUESTION_CHARS:
            return Answer(
                question=question[:200],
                text=f"Deze vraag is te lang ({_thousands(len(question))} tekens; maximaal "
                f"{_thousands(MAX_QUESTION_CHARS)}). Stel een kortere vraag, bijvoorbeeld over één overleg.",
                refused=True,
                citations=(),
                passages=(),
                timings_ms={"retrieve": 0.0, "generate": 0.0, "total": 0.0},
            )
        started = time.perf_counter()
        turns = as_turns(history)
        standalone = self.standalone(question, turns)
        if asks_about_dossier(standalone):
            about = self._about_dossier(question, standalone, filters, started)
            if about is not None:
                return about
        read = read_question(standalone)  # once, for the three answers the catalog gives without retrieval
        over_time = None if filters else self._positions_over_time(question, standalone, read, started)
        if over_time is not None:
            return over_time
        at_meeting = None if filters else self._said_at_meeting(question, standalone, read, started)
        if at_meeting is not None:
            return at_meeting
        parts = question_parts(standalone)  # '..., en hoeveel daarvan ...?': each part ranks by its own words
        asking_parts = parts_as_asked(parts)  # 'en van welke in 2020?' asks what the part before it asks
        head = None if filters else self._meeting_head(question, standalone, read, asking_parts, started)
        if head is not None:
            return head
        retrieval = retrieve(
            standalone, index=self.index, filters=filters, k=self.k, reranker=self.reranker,
            config=self.config.retrieval, ignore=ignore,
        )  # fmt: skip
        periods = own_periods(parts)
        if any(periods):  # each part names a time of its own ('in het najaar van 2019, en van welke in 2020?')
            found = [
                retrieve(asking, index=self.index, filters=filters, k=self.k, reranker=self.reranker,
                         config=self.config.retrieval, ignore=ignore)
                for asking in asking_parts
            ]  # fmt: skip
            retrieval = _with_parts(retrieval, found, self.config.sentences.depth)
        retrieved = time.perf_counter()
        if not any(periods):  # one meeting's day, not the days of two parts that each name their own
            retrieval = _on_the_named_day(retrieval, standalone)
        passages = retrieval.passages
        terms = question_terms(standalone, self.index.lexical())
        speakers = self._speakers(passages, retrieval.hints.organisations)
        asked = tuple(speakers_asked(question, self.people()))

        def rank(weights: dict[str, float], asking: str, period: tuple[tuple[dt.date, dt.date], ...] = ()) -> list:
            return rank_sentences(
                passages, weights, retrieval.hints, speakers=speakers, spoken=self._spoken(), question=asking,
                asked_people=asked, periods=period, config=self.config.sentences,
            )  # fmt: skip

        # a follow-up's own words first, the earlier question it leans on as context ('Mocht hij iets toezeggen?')
        sentences = self.config.sentences
        ranked = rank(
            terms if standalone == question else part_terms(terms, question, sentences.follow_up_weight), question
        )
        documents = self.index.documents()
        date_missing = date_not_held(retrieval, documents, standalone)
        if date_missing:
            silence = ""
        elif any(periods):  # parts that each name their own meeting: silent only on what every part asks
            silences = [
                self._silence(asking, replace(retrieval, hints=read_question(asking)), ranked)
                for asking in asking_parts
            ]
            silence = silences[0] if all(silences) else ""
        else:
            silence = self._silence(standalone, retrieval, ranked)

        def evidence_of(asking: str, asking_ranked: list) -> Evidence:
            return gather_evidence(
                asking, retrieval, asking_ranked, date_missing, self.people(), depth=sentences.depth,
                spoken=self._spoken(),
            )  # fmt: skip

        evidence = evidence_of(standalone, ranked)
        # at a meeting the question names, what someone said is about the agendapunt it falls under ('Wat zei
        # Meijer in het BO van 6 november 2019 over faire tarieven?'); across all verslagen the headings say too little
        day_named = bool(verslagen_of_the_day(retrieval.hints, documents))
        heard = said_that_day(retrieval.hints, documents, self._spoken(under_agendapunt=day_named))
        quiet = silent_on(question, asked, terms, heard, retrieval.hints.meetings) if standalone == question else ""
        if quiet:
            evidence = replace(evidence, speaker_missing=1.0)  # they speak, but never of what is asked
        rankings = [ranked]
        if len(parts) > 1:
            rankings = []
            for part, asking, period in zip(parts, asking_parts, periods, strict=True):
                weight = 1.0 if period and _POINTS_BACK.search(part) else sentences.context_weight
                rankings.append(rank(part_terms(terms, part, weight), asking, period))
        answerable = self.answerability.answerable(evidence, self.refusal_threshold) or (
            len(parts) > 1  # a question in two parts is answered when each part is, whatever the whole's word share
            and all(
                self.answerability.answerable(evidence_of(part, part_ranked), self.refusal_threshold)
                for part, part_ranked in zip(parts, rankings, strict=True)
            )
        )
        probability = self.answerability.probability(evidence)
        if not passages or silence or not answerable:
            text, citations = refusal_text(passages), ()
            refused = True
        elif self.llm is not None:
            text, citations, refused = self._generate(standalone, passages, ranked, on_text)
        else:
            text, citations = self._extractive(rankings, passages, standalone)
            refused = not citations
        note = filter_note(filters) if refused else redaction_note(text, standalone)
        reason = silence or (_still_open(ranked, passages, standalone) if refused and evidence.outcome_open else "")
        if refused and quiet and not reason:
            where = "het verslag van dat overleg" if day_named else "de verslagen"
            reason = f"({_as_asked(question, quiet)} spreekt in {where}, maar niet hierover.)"
        best = max(ranked, key=lambda s: s.support, default=None)
        body = body_absent(standalone, [passages[best.passage_rank].text]) if refused and best and not reason else ""
        if body:
            reason = f"(De passage die het dichtst bij de vraag komt, noemt {_body_named(body)} niet.)"
        if refused and best and not reason:
            reason = _other_year(standalone, passages[best.passage_rank])
        note = "\n\n".join(part for part in (reason, note) if part)
        if note:
            text = f"{text}\n\n{note}"
        done = time.perf_counter()
        return Answer(
            question=question,
            text=text,
            refused=refused,
            citations=tuple(citations),
            passages=_cited_first(passages, citations),
            timings_ms={
                "retrieve": round((retrieved - started) * 1000, 1),
                "generate": round((done - retrieved) * 1000, 1),
                "total": round((done - started) * 1000, 1),
            },
            standalone_question=standalone if standalone != question else None,
            evidence=round(probability, 4) if not date_missing else 0.0,
            features=dict(zip(FEATURES, (round(v, 4) for v in evidence.vector()), strict=True)),
            implied=retrieval.implied,
            ignored=tuple(ignore),
        )

    def _silence(self, question: str, retrieval: Retrieval, ranked: list) -> str:
        """Why the dossier holds no record of what the question asks someone said, as the note to its refusal: the
        verslag of the named meeting records no word of theirs or nothing on the subject, the meeting is only
        mentioned, or the reply asked for is not in the verslag; '' when none of these holds."""
        hints, documents, passages, spoken = retrieval.hints, self.index.documents(), retrieval.passages, self._spoken()
        absent = not_among_speakers(question, hints, documents, spoken, self.people(), self._absent_of)
        if absent:
            return f"(Het verslag van dat overleg vermeldt geen bijdrage van {_named(absent)}.)"
        best = sorted(ranked, key=lambda s: -s.support)
        if said_elsewhere(question, hints, documents, [passages[s.passage_rank] for s in best[:3]]):
            return "(Het verslag van dat overleg vermeldt hierover niets.)"
        unheard = heard_nowhere(question, hints, documents, passages, self.people())
        if unheard:
            return f"(Het dossier heeft geen verslag van dat overleg; wat {_named(unheard)} er zei, staat er niet in.)"
        if not best:
            return ""
        replied_to = best[0]  # what a reply would answer: the turns after it should hold it
        statements = spoken.get(passages[replied_to.passage_rank].meta.doc_id, ())
        unanswered = reply_unrecorded(question, replied_to.text, statements, self.people())
        if unanswered:
            return f"(Het verslag vermeldt geen antwoord van {_named(unanswered)}.)"
        opened = [(s.text, passages[s.passage_rank]) for s in open_candidates(ranked)]  # and what the answer opens with
        others = body_unheard(question, opened, spoken, self.people())
        return f"(Wat het dichtst bij de vraag komt, is niet van {_named(others)}.)" if others else ""

    def _about_dossier(self, question: str, standalone: str, filters: Filter | None, started: float) -> Answer | None:
        """What the dossier holds, one line per overleg citing its agenda (None when it holds no overleg)."""
        documents = [d for d in self.index.documents() if filters is None or filters.matches(d)]
        firsts = self.index.first_passages(d.doc_id for d in documents)
        text_of = lambda doc_id: self.index.document(doc_id).text  # noqa: E731
        text, citations = overview(documents, firsts, text_of, self.index.passage_containing)
        return _from_catalog(question, standalone, text, citations, started) if citations else None

    def _positions_over_time(
        self, question: str, standalone: str, hints: QuestionHints, started: float
    ) -> Answer | None:
        """'Wat vond de VNG over X in de loop van 2020?': the organisation's statements in the verslagen, one
        cited line per meeting (None when the question is not of that kind or the verslagen hold nothing on it)."""
        if not (hints.organisations and hints.asks_what_was_said and OVER_TIME.search(standalone)) or hints.days:
            return None
        minutes, passage_of = Minutes(self.index), self.index.passage_containing
        found = positions_over_time(hints.organisations, hints.topic, hints.years, minutes, passage_of)
        return _from_catalog(question, standalone, *found, started) if found else None

    def _said_at_meeting(self, question: str, standalone: str, hints: QuestionHints, started: float) -> Answer | None:
        """'Wat vroegen de cliëntenorganisaties in het BO van juni 2020?' asks about no subject: the organisation's
        statements in the verslag of that day or month, one cited line each (None when the question names a subject,
        no day or month, or the verslagen hold nothing of theirs then)."""
        periods = [(d, d) for d in hints.days] + list(hints.months)
        organisations = organisations_asked(standalone)
        if not (organisations and hints.asks_what_was_said and periods) or about_something(hints.topic):
            return None
        minutes, passage_of = Minutes(self.index), self.index.passage_containing
        start, end = min(p[0] for p in periods), max(p[1] for p in periods)
        found = said_at(organisations, hints.meetings, start, end, minutes, passage_of)
        return _from_catalog(question, standalone, *found, started) if found else None

    def _meeting_head(
        self, question: str, standalone: str, hints: QuestionHints, parts: list[str], started: float
    ) -> Answer | None:
        """'Hoe laat begon / waar vond het BO Rijk-VNG van 24 juni 2020 plaats?': the head of that meeting's agenda,
        nota and verslag (None when the question asks something else or the heads do not say). A question in `parts`
        (as asked) gets each part's meeting, when each asks about a head: 'Hoe werd het BO van 8 juni gehouden, en waar
        vond dat van 30 januari plaats?'."""
        text_of = lambda doc_id: self.index.document(doc_id).text  # noqa: E731
        found = [
            meeting_head(part, hints if len(parts) == 1 else read_question(part), self.index.documents(), text_of,
                         self.index.passage_containing)
            for part in parts
        ]  # fmt: skip
        if not all(found):
            return None
        text, citations = found[0] if len(found) == 1 else _joined(found)
        return _from_catalog(question, standalone, text, citations, started)

    def _spoken(self, under_agendapunt: bool = False) -> dict[str, list[tuple[str, str, str]]]:
        """The verslagen's statements as (quote, speaker's surname, organisation) by doc_id, read once per corpus
        version (whitespace collapsed, to find a passage's sentence in them). `under_agendapunt`: each quote opened
        by the agendapunt it falls under, which says what it is about ('Faire tarieven: Dhr. Meijer stelt ...')."""
        version = self.index.corpus_version()
        if self._statements[0] != version:
            by_doc: dict[str, list[tuple[str, str, str]]] = {}
            by_item: dict[str, list[tuple[str, str, str]]] = {}
            for s in self.index.statements():
                quote, who = " ".join(s.quote.split()), s.speaker.split()[-1]
                by_doc.setdefault(s.doc_id, []).append((quote, who, s.organisation))
                by_item.setdefault(s.doc_id, []).append((f"{s.agendapunt}: {quote}", who, s.organisation))
            self._statements = (version, by_doc, by_item)
        return self._statements[2 if under_agendapunt else 1]

    def _speakers(self, passages: list[Passage], organisations: tuple[str, ...]) -> dict[str, set[str]]:
        """Per meeting document among the passages: names of attendees of the named organisations."""
        if not organisations:
            return {}
        out: dict[str, set[str]] = {}
        for p in passages:
            doc_id = p.meta.doc_id
            if doc_id in out or p.meta.doc_type not in ("verslag", "agenda"):
                continue
            out[doc_id] = set().union(*(self._attendees_of(doc_id).get(o, set()) for o in organisations))
        return out

    def _attendees_of(self, doc_id: str, doc: Document | None = None) -> dict[str, set[str]]:
        """Attendee surnames per organisation of one meeting document, read once."""
        if doc_id not in self._attendees:
            doc = doc or self.index.document(doc_id)
            self._attendees[doc_id] = attendees(doc.text) if doc else {}
        return self._attendees[doc_id]

    def _absent_of(self, doc_id: str) -> set[str]:
        """Surnames one meeting document lists as absent, read once."""
        if doc_id not in self._absent:
            doc = self.index.document(doc_id)
            self._absent[doc_id] = absentees(doc.text) if doc else set()
        return self._absent[doc_id]

    def people(self) -> set[str]:
        """Surnames of the people the meeting documents name, read once per corpus version."""
        version = self.index.corpus_version()
        if self._known_people[0] != version:
            names: set[str] = set()
            for meta in self.index.documents():
                if meta.doc_type in ("verslag", "agenda", "nota", "rondetafelverslag"):
                    doc = self.index.document(meta.doc_id)
                    if doc:
                        names |= people_in(doc.text)
                        names |= set().union(*self._attendees_of(meta.doc_id, doc).values())
            self._known_people = (version, names)
        return self._known_people[1]

    def standalone(self, question: str, turns: list[Turn]) -> str:
        """The question made self-contained using the chat history."""
        if not turns or not needs_context(question):
            return question
        if self.llm is not None:
            prompt = render("rewrite.md", history=turns[-6:], question=question)
            try:
                rewritten = "".join(self.llm.stream("", prompt)).strip().splitlines()[0]
            except Exception:  # an unreachable model must not stop the conversation
                rewritten = ""
            if 5 < len(rewritten) < 400 and not is_english(rewritten):
                return rewritten
        return rewrite_rule_based(question, turns)

    def _generate(self, question: str, passages: list[Passage], ranked, on_text):
        context = passages[:LLM_CONTEXT]
        shown = [_prompt_passage(p) for p in context]
        sources = [_source_text(p) for p in shown]
        system = render("answer_system.md", refusal=REFUSAL)
        user = render("answer_user.md", question=question, passages=shown)
        pieces: list[str] = []
        checked_upto, said = 0, ""
        try:
            for piece in self.llm.stream(system, user):
                pieces.append(piece)
                if on_text is None:
                    continue
                raw = "".join(pieces)
                upto = _complete_sentences(raw)
                if upto > checked_upto:  # a sentence was completed: show what of it passes the checks
                    checked_upto = upto
                    text, _ = renumber(supported_sentences(raw[:upto], sources)[0], len(context))
                    if text and text != said and not is_english(raw[:upto]):
                        said = text
                        on_text(text)
        except Exception as err:
            text, citations = self._extractive([ranked], passages, question)
            note = f"(Het taalmodel gaf een fout: {type(err).__name__}; dit antwoord is uit de bronnen samengesteld.)"
            return f"{text}\n\n{note}", citations, not citations
        raw = "".join(pieces).strip()
        if REFUSAL.rstrip(".").lower() in raw.lower():
            return refusal_text(passages), [], True
        english = is_english(raw)
        carried, dropped = supported_sentences(raw, sources)
        text, used = renumber(carried, len(context))
        if english or not used:
            fallback, citations = self._extractive([ranked], passages, question)
            reason = ("niet in het Nederlands" if english else "met zinnen die de bronnen niet dragen" if dropped
                      else "zonder bronverwijzingen")  # fmt: skip
            note = f"(Het taalmodel antwoordde {reason}; dit antwoord is uit de bronnen samengesteld.)"
            return f"{fallback}\n\n{note}", citations, not citations
        if dropped:
            text += f"\n\n({dropped} zin(nen) van het taalmodel weggelaten: niet gedragen door de geciteerde bronnen.)"
        citations = [
            Citation(n=new, passage=context[old - 1], quote=best_quote(text, new, context[old - 1].text))
            for new, old in used
        ]
        return text, citations, False

    def _extractive(self, rankings, passages: list[Passage], question: str) -> tuple[str, list[Citation]]:
        chosen = choose_parts(rankings, self.config.sentences)
        if not chosen:
            return refusal_text(passages), []
        text, quotes = compose(chosen, passages, self.config.sentences, question)
        cites = [Citation(n=n, passage=passages[rank], quote=quote) for n, (rank, quote) in enumerate(quotes, 1)]
        return text, cites


def _named(who: str) -> str:
    """A body or person as a sentence names them: 'de VNG', 'Rabarison'."""
    return f"de {who}" if who in ("VNG", "BGZJ", "cliëntenorganisaties") else who


def _other_year(question: str, passage: Passage) -> str:
    """The note to a refusal for a year no closest passage is of ('... in 2020?' and a rondetafel of 2018); ''."""
    asked = " en ".join(year_elsewhere(question, passage.meta.date, passage.text))
    if not asked:
        return ""
    return f"(Het dichtst bij de vraag komt een passage uit {passage.meta.label()}; {asked} staat daar niet in.)"


def _body_named(body: str) -> str:
    """'de Kinderombudsman', 'het NJi'."""
    return f"het {body}" if body == "NJi" else f"de {body}"


def _as_asked(question: str, surname: str) -> str:
    """A surname with the particles the question gives it: 'Van Hoek', 'De Koning'."""
    found = re.search(rf"\b((?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er)\s+)*){re.escape(surname)}\b", question)
    particles = found.group(1) if found else ""
    return particles[:1].upper() + particles[1:] + surname


def _still_open(ranked, passages: list[Passage], question: str) -> str:
    """The sentence that says an outcome asked about was still open, with where it stands; '' when none does (the
    refusal had another reason)."""
    opened = open_candidates(ranked)
    found = open_sentence(question, [s.text for s in opened], [passages[s.passage_rank].meta.date for s in opened])
    said = opened[found] if found is not None else planned_instead(question, ranked, [p.meta.date for p in passages])
    if said is None:
        return ""
    p = passages[said.passage_rank]
    where = f"{p.meta.source_file}, p. {page_span(p.pages)}"
    state = "open" if found is not None else "gepland"  # 'Het streven is om ... per 1 april 2021'
    return f"(Volgens {p.meta.label()} was dit toen nog {state}: “{said.text}” ({where}).)"


def _on_the_named_day(retrieval: Retrieval, question: str) -> Retrieval:
    """For what was said at a named meeting, only the passages of meetings held that day: what someone said at
    another meeting does not answer 'Wat vond X in het BO van <dag>?', though its verslag was written that day."""
    hints = retrieval.hints
    if not hints.days or not (hints.asks_what_was_said or asks_position(question)):
        return retrieval
    that_day = [p for p in retrieval.passages if p.meta.date in hints.days]
    named = [p for p in that_day if p.meta.meeting in hints.meetings]  # 'het BO Rijk-VNG van ...', not another
    return replace(retrieval, passages=named or that_day) if that_day else retrieval


# a part about a meeting of its own that points back at what the part before it is about ('..., en wat besloot het BO
# van 30 januari 2020 daarover?') asks about that as much as about its own words: that meeting spoke of more
_POINTS_BACK = re.compile(r"\b(?:daar|hier|er)(?:over|van|in|bij|op|voor|mee|aan|na)\b", re.I)


def _with_parts(whole: Retrieval, found: list[Retrieval], depth: int) -> Retrieval:
    """The whole question's passages with the best of each part's own among the first `depth`: 'in het najaar van
    2019, en van welke in 2020?' needs a document of each."""
    picks = [p for pair in zip(*(r.passages[:2] for r in found), strict=False) for p in pair]
    ids = {p.chunk_id for p in picks}
    rest = [p for p in whole.passages if p.chunk_id not in ids]
    keep = max(0, depth - len(picks))
    passages = rest[:keep] + picks + rest[keep:]
    dense = {**{k: v for r in found for k, v in r.dense.items()}, **whole.dense}
    lexical = {**{k: v for r in found for k, v in r.lexical.items()}, **whole.lexical}
    return replace(whole, passages=passages, dense=dense, lexical=lexical)


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def closest_documents(passages: list[Passage], n: int = 3) -> list[str]:
    """Labels of the best-matching distinct documents, e.g. 'Verslag BO Rijk-VNG ... (p. 21-22)'."""
    out: list[str] = []
    seen: set[str] = set()
    for p in passages:
        if p.meta.doc_id in seen:
            continue
        seen.add(p.meta.doc_id)
        out.append(f"{p.meta.title} ({p.meta.source_file}, p. {page_span(p.pages)})")
        if len(out) == n:
            break
    return out


def refusal_text(passages: list[Passage]) -> str:
    """The Dutch 'not in my documents' answer with the closest documents."""
    return render("refusal.md", closest=closest_documents(passages))


def _joined(answers: list[tuple[str, list[Citation]]]) -> tuple[str, list[Citation]]:
    """Answers to the parts of a question as one, their citations numbered on."""
    texts, citations = [], []
    for text, cited in answers:
        shift = len(citations)
        texts.append(re.sub(r"\[(\d+)\]", lambda m, shift=shift: f"[{int(m.group(1)) + shift}]", text))
        citations += [replace(c, n=c.n + shift) for c in cited]
    return "\n\n".join(texts), citations


def _from_catalog(question: str, standalone: str, text: str, citations: list[Citation], started: float) -> Answer:
    """An answer composed from the catalog (the dossier's overleggen, the verslagen's statements), not retrieved."""
    ms = round((time.perf_counter() - started) * 1000, 1)
    return Answer(
        question=question, text=text, refused=False, citations=tuple(citations),
        passages=tuple(c.passage for c in citations), timings_ms={"retrieve": ms, "generate": 0.0, "total": ms},
        standalone_question=standalone if standalone != question else None, evidence=1.0,
    )  # fmt: skip


def filter_note(filters: Filter | None) -> str:
    """What a refusal searched within when the user set filters ('' without filters)."""
    if not filters:
        return ""
    parts = []
    if filters.doc_types:
        parts.append("soort " + ", ".join(filters.doc_types))
    if filters.meetings:
        parts.append("overleg " + ", ".join(filters.meetings))
    if filters.source_files:
        parts.append("bestand " + ", ".join(filters.source_files))
    if filters.date_from or filters.date_to:
        low = format_nl(filters.date_from) if filters.date_from else "het begin"
        high = format_nl(filters.date_to) if filters.date_to else "nu"
        parts.append(f"periode {low} tot en met {high}")
    return f"(Gezocht binnen de gekozen filters: {'; '.join(parts)}. Zonder die filters staat het misschien elders.)"


def _prompt_passage(p: Passage) -> dict:
    return {
        "label": p.meta.label()[0].upper() + p.meta.label()[1:],
        "source": p.meta.source_file,
        "pages": page_span(p.pages),
        "section": p.section,
        "text": re.sub(r"\s+\n", "\n", p.text),
    }


_SENTENCE_DONE = re.compile(r"[.!?:;]\s|\n")
_ABBREVIATED = re.compile(
    r"(?:\b(?:[Dd]hr|[Mm]evr|[Mm]w|[Mm]r|[Dd]rs?|[Ii]r|[Pp]rof|o\.a|m\.n|o\.m|jl|bijv|nr|blz|ca|resp|i\.p\.v|t\.a\.v|"
    r"m\.b\.t)|\b[A-Z])\.$"
)


def _complete_sentences(raw: str) -> int:
    """How much of a growing model reply consists of finished sentences (up to the last end mark that
    does not close an abbreviation such as 'Dhr.')."""
    ends = [m.end() for m in _SENTENCE_DONE.finditer(raw) if not _ABBREVIATED.search(raw[: m.start() + 1])]
    return ends[-1] if ends else 0


def _source_text(shown: dict) -> str:
    """A passage as the model saw it: its heading line and its text."""
    return f"{shown['label']} ({shown['source']}, p. {shown['pages']}) {shown['section']}\n{shown['text']}"


def _cited_first(passages: list[Passage], citations) -> tuple[Passage, ...]:
    """The retrieved passages with the ones the answer cites first, in the order it cites them: reading the
    sentences ranks the passages better than retrieving them did."""
    cited = list(dict.fromkeys(c.passage.chunk_id for c in citations))
    return tuple(sorted(passages, key=lambda p: cited.index(p.chunk_id) if p.chunk_id in cited else len(cited)))
