"""Hybrid retrieval: dense (Chroma) and BM25 fused by reciprocal rank, with soft hints."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from assistant.answer.evidence import speaking
from assistant.answer.question import QuestionHints, hint_labels, organisation_pattern, read_question, without
from assistant.core.config import CONFIG, RetrievalConfig
from assistant.core.dates import day_month_nl
from assistant.core.glossary import expand
from assistant.core.types import Filter, Passage
from assistant.index.index import Index


@dataclass(frozen=True)
class Retrieval:
    """Passages in rank order, with what the question said and per-passage evidence signals."""

    passages: list[Passage]
    hints: QuestionHints
    dense: dict[str, float] = field(default_factory=dict)  # cosine similarity by chunk id
    lexical: dict[str, float] = field(default_factory=dict)  # BM25 score by chunk id
    implied: tuple[str, ...] = ()  # what the question named, as labels, before any was set aside


Reranker = Callable[[str, list[Passage]], list[float]]


def retrieve(
    question: str,
    *,
    index: Index,
    filters: Filter | None = None,
    k: int = 12,
    reranker: Reranker | None = None,
    config: RetrievalConfig = CONFIG.retrieval,
    ignore: Collection[str] = (),
) -> Retrieval:
    """The `k` best passages for a question, never empty while the filtered index has any.

    `ignore` names what the question implied (a meeting, day, year or document type, by its label)
    that the user set aside."""
    read = read_question(question)
    hints = without(read, ignore)
    filters = filters or Filter()
    vector = index.embed_query(question)
    lexical_index = index.lexical()

    dense = index.search_dense(vector, config.candidates, filters)
    lexical = lexical_index.search(expand(question), config.candidates * config.lexical_depth)
    ranked = [(dense, config.dense_weight), (lexical, config.lexical_weight)]
    if hints.days:  # the named meeting's own passages compete among themselves, on the topic alone
        on_days, allowed = index.search_dense_on_days(vector, hints.days, config.day_candidates)
        ranked.append((on_days, config.dense_weight))
        topical = lexical_index.search(expand(hints.topic), config.candidates * config.day_lexical_depth)
        on_topic = [(cid, score) for cid, score in topical if cid in allowed][: config.day_candidates]
        ranked.append((on_topic, config.lexical_weight))

    fused: dict[str, float] = {}
    for results, weight in ranked:
        for rank, (cid, _) in enumerate(results):
            fused[cid] = fused.get(cid, 0.0) + weight / (config.rrf_k + rank + 1)
    passages = index.passages(fused)
    candidates = [p for cid, p in passages.items() if filters.matches(p.meta)]
    dated = {d for m in index.documents() for d in (m.meeting_date, m.document_date) if d}
    unheld = [day_month_nl(d) for d in hints.days if d not in dated]
    speaker = speaking(question)
    scored = [(p, fused[p.chunk_id] * _boost(p, hints, config, unheld, speaker)) for p in candidates]
    scored.sort(key=lambda item: -item[1])
    if not hints.days:  # a named day's own passages are ranked apart (above)
        scored = _keep_best(scored, [cid for cid, _ in lexical], config.lexical_kept, config.kept_within)
    top = [_with_score(p, s) for p, s in scored[: max(k * 3, config.pool)]]
    if reranker is not None and top:
        scores = reranker(question, top)
        top = [_with_score(p, s) for p, s in sorted(zip(top, scores, strict=True), key=lambda x: -x[1])]
    return Retrieval(
        passages=_spread_duplicates(top, config.duplicate_overlap)[:k],
        hints=hints,
        dense=dict(dense),
        lexical=dict(lexical),
        implied=hint_labels(read),
    )


def _keep_best(scored: list, lexical: list[str], n: int, within: int) -> list:
    """BM25's `n` best passages the filter admits moved up to stand within the first `within`: a passage holding
    the question's rarest words ('geannuleerd', 'publiekrechtelijk') is not pushed out by passages that merely
    sit on the named month or match the topic in both rankings."""
    position = {p.chunk_id: i for i, (p, _) in enumerate(scored)}
    for cid in [c for c in lexical if c in position][:n]:
        i = position[cid]
        if i >= within:
            item = scored.pop(i)
            scored.insert(within - 1, item)
            position = {p.chunk_id: j for j, (p, _) in enumerate(scored)}
    return scored


def _with_score(p: Passage, score: float) -> Passage:
    return Passage(p.chunk_id, p.meta, p.text, p.section, p.pages, float(score))


def _boost(
    p: Passage,
    hints: QuestionHints,
    config: RetrievalConfig,
    unheld: Sequence[str] = (),
    speaker: re.Pattern[str] | None = None,
) -> float:
    """Multiplier for a passage that matches what the question names (never zero).

    `unheld` are the named days no document is dated on, as a text writes them ('30 oktober'): the day of a letter
    or an event the documents mention ('de brief van 30 oktober'), so the passages that mention it count as on the
    day, and a dated passage of another day is not held back for it. `speaker` finds a line in which a person the
    question names speaks (`evidence.speaking`)."""
    boost = 1.0
    meta = p.meta
    dates = {d for d in (meta.meeting_date, meta.document_date) if d}
    if hints.days:
        if meta.meeting_date in hints.days:
            boost *= config.meeting_day
        elif dates & set(hints.days) or any(day in p.text for day in unheld):
            boost *= config.document_day
        elif dates and len(unheld) < len(hints.days):
            boost *= config.other_day
    for start, end in hints.months:
        if any(start <= d <= end for d in dates):
            boost *= config.month
    if hints.years and not hints.days and any(d.year in hints.years for d in dates):
        boost *= config.year
    if hints.doc_types:
        boost *= config.doc_type if meta.doc_type in hints.doc_types else config.other_doc_type
    elif (hints.asks_what_was_said or hints.asks_decision) and meta.doc_type == "verslag":
        boost *= config.said_in_verslag
    if hints.meetings and meta.meeting in hints.meetings:
        boost *= config.meeting_series
    if speaker is not None and speaker.search(p.text):
        boost *= config.speaker_named
    for name in hints.organisations:
        if organisation_pattern(name).search(p.text):
            boost *= config.organisation
    if len(p.text) < config.short_passage or (_ADMIN.match(p.text) and len(_PROSE.findall(p.text)) < 3):
        boost *= config.administrative  # attendee lists and bare headings say little, though they match dates
    return boost


_WORD = re.compile(r"\w+")
_PROSE = re.compile(r"[a-z,]\s[^.!?\n]{40,}[.!?]")  # a sentence of running text
_ADMIN = re.compile(r"^(?:\(ter voorbereiding van een overleg\)\s*)?(?:Betreft|Deelnemers|Aanwezig)\b")


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 1))}


def _spread_duplicates(passages: list[Passage], threshold: float) -> list[Passage]:
    """Near-duplicates of a better passage (an agenda repeating its nota) move to the back."""
    kept: list[Passage] = []
    later: list[Passage] = []
    seen: list[set] = []
    for p in passages:
        sh = _shingles(p.text)
        if any(len(sh & s) / (len(sh | s) or 1) > threshold for s in seen):
            later.append(p)
        else:
            kept.append(p)
            seen.append(sh)
    return kept + later
