"""Hybrid retrieval: dense (Chroma) and BM25 fused by reciprocal rank, with soft hints."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answer.question import QuestionHints, organisation_pattern, read_question
from assistant.core.config import TUNING
from assistant.core.glossary import expand
from assistant.core.types import Filter, Passage
from assistant.index.index import Index

RRF_K = TUNING.rrf_k
CANDIDATES = TUNING.candidates
DENSE_WEIGHT = TUNING.dense_weight
LEXICAL_WEIGHT = TUNING.lexical_weight


@dataclass(frozen=True)
class Retrieval:
    """Passages in rank order, with what the question said and per-passage evidence signals."""

    passages: list[Passage]
    hints: QuestionHints
    dense: dict[str, float] = field(default_factory=dict)  # cosine similarity by chunk id
    lexical: dict[str, float] = field(default_factory=dict)  # BM25 score by chunk id


Reranker = Callable[[str, list[Passage]], list[float]]


def retrieve(
    question: str,
    *,
    index: Index,
    filters: Filter | None = None,
    k: int = 12,
    reranker: Reranker | None = None,
) -> Retrieval:
    """The `k` best passages for a question, never empty while the filtered index has any."""
    hints = read_question(question)
    filters = filters or Filter()
    vector = index.embed_query(question)
    lexical_index = index.lexical()

    dense = index.search_dense(vector, CANDIDATES, filters)
    lexical = lexical_index.search(expand(question), CANDIDATES * 4)
    ranked = [(dense, DENSE_WEIGHT), (lexical, LEXICAL_WEIGHT)]
    if hints.days:  # the named meeting's own passages compete among themselves, on the topic alone
        on_days, allowed = index.search_dense_on_days(vector, hints.days, 20)
        ranked.append((on_days, DENSE_WEIGHT))
        topical = lexical_index.search(expand(hints.topic), CANDIDATES * 8)
        ranked.append(([(cid, score) for cid, score in topical if cid in allowed][:20], LEXICAL_WEIGHT))

    fused: dict[str, float] = {}
    for results, weight in ranked:
        for rank, (cid, _) in enumerate(results):
            fused[cid] = fused.get(cid, 0.0) + weight / (RRF_K + rank + 1)
    passages = index.passages(fused)
    candidates = [p for cid, p in passages.items() if filters.matches(p.meta)]
    scored = [(p, fused[p.chunk_id] * _boost(p, hints)) for p in candidates]
    scored.sort(key=lambda item: -item[1])
    top = [_with_score(p, s) for p, s in scored[: max(k * 3, 30)]]
    if reranker is not None and top:
        scores = reranker(question, top)
        top = [_with_score(p, s) for p, s in sorted(zip(top, scores, strict=True), key=lambda x: -x[1])]
    return Retrieval(
        passages=_spread_duplicates(top)[:k],
        hints=hints,
        dense=dict(dense),
        lexical=dict(lexical),
    )


def _with_score(p: Passage, score: float) -> Passage:
    return Passage(p.chunk_id, p.meta, p.text, p.section, p.pages, float(score))


def _boost(p: Passage, hints: QuestionHints) -> float:
    """Multiplier for a passage that matches what the question names (never zero)."""
    boost = 1.0
    meta = p.meta
    dates = {d for d in (meta.meeting_date, meta.document_date) if d}
    if hints.days:
        if meta.meeting_date in hints.days:
            boost *= 2.0
        elif dates & set(hints.days):
            boost *= 1.5
        elif dates:
            boost *= 0.6
    for start, end in hints.months:
        if any(start <= d <= end for d in dates):
            boost *= 1.6
    if hints.years and not hints.days and any(d.year in hints.years for d in dates):
        boost *= 1.3
    if hints.doc_types:
        boost *= 1.5 if meta.doc_type in hints.doc_types else 0.8
    elif hints.asks_what_was_said and meta.doc_type == "verslag":
        boost *= 1.3
    if hints.meetings and meta.meeting in hints.meetings:
        boost *= 1.3
    for name in hints.organisations:
        if organisation_pattern(name).search(p.text):
            boost *= 1.15
    if len(p.text) < 160 or (_ADMIN.match(p.text) and len(_PROSE.findall(p.text)) < 3):
        boost *= 0.7  # attendee lists and bare headings say little, though they match dates and names
    return boost


_WORD = re.compile(r"\w+")
_PROSE = re.compile(r"[a-z,]\s[^.!?\n]{40,}[.!?]")  # a sentence of running text
_ADMIN = re.compile(r"^(?:\(ter voorbereiding van een overleg\)\s*)?(?:Betreft|Deelnemers|Aanwezig)\b")


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 1))}


def _spread_duplicates(passages: list[Passage], threshold: float = 0.5) -> list[Passage]:
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
