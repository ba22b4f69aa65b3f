"""Every tuned number of retrieval and answering in one place: what it does and which run chose it.

"session 1" = chosen on eval/sets/sample.jsonl as a whole (before the tuning/reporting split existed);
"split A" = chosen on the odd-numbered items of sample.jsonl + dev.jsonl, never on the even ones (B),
on which figures are reported. The answerability model's coefficients are in answerability.json.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Tuning:
    """The tuned constants; frozen, recorded in every eval report."""

    rrf_k: int = 60  # reciprocal-rank-fusion constant (session 1; the usual 60)
    candidates: int = 60  # passages each retriever contributes to the fusion (session 1)
    dense_weight: float = 1.0  # weight of the e5 ranking in the fusion (session 1)
    lexical_weight: float = 2.0  # weight of BM25 in the fusion: beats 4-bit e5 here (session 1: hit@5 0.83 -> 0.86)
    sentence_depth: int = 6  # passages whose sentences compete for the answer (session 1; split A: 8 no better)
    max_sentences: int = 5  # sentences an extractive answer is built from (split A: key facts 0.81/0.61 -> 0.88/0.61)
    per_passage: int = 2  # of which at most this many from one passage (split A: 3 no better overall)
    coverage_floor: float = 0.2  # a sentence must hold this share of the question's weight (session 1)
    list_items: int = 4  # items a line ending in ':' brings along (split A: dev key facts 0.50 -> 0.61 with 2/4)
    turn_sentences: int = 2  # sentences of a speaker's turn after the one chosen (split A)

    def as_dict(self) -> dict:
        """The constants as recorded in an eval report."""
        return asdict(self)


TUNING = Tuning()
