"""A BM25 index over the chunk texts, with the Dutch tokenizer of assistant.core.text."""

from __future__ import annotations

import math
import os
import pickle
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.core.text import TOKENIZER_VERSION, tokenize


@dataclass
class BM25Index:
    """Okapi BM25 over chunk texts; `version` ties it to the catalog state it was built from."""

    ids: list[str] = field(default_factory=list)
    postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    doc_len: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    version: str = ""
    tokenizer: int = 0  # the TOKENIZER_VERSION it was built with (0: built before there was one)
    k1: float = 1.2
    b: float = 0.75

    @classmethod
    def build(cls, items: list[tuple[str, str]], version: str = "") -> BM25Index:
        """An index over (chunk_id, text) pairs."""
        ids = [cid for cid, _ in items]
        lengths = np.zeros(len(items), dtype=np.float32)
        raw: dict[str, tuple[list[int], list[int]]] = {}
        for row, (_, text) in enumerate(items):
            counts = Counter(tokenize(text))
            lengths[row] = sum(counts.values())
            for term, tf in counts.items():
                docs, tfs = raw.setdefault(term, ([], []))
                docs.append(row)
                tfs.append(tf)
        postings = {
            term: (np.asarray(docs, dtype=np.int32), np.asarray(tfs, dtype=np.float32))
            for term, (docs, tfs) in raw.items()
        }
        return cls(ids=ids, postings=postings, doc_len=lengths, version=version, tokenizer=TOKENIZER_VERSION)

    def matches(self, version: str) -> bool:
        """Built from this catalog state with today's tokenizer."""
        return self.version == version and self.tokenizer == TOKENIZER_VERSION

    def idf(self, term: str) -> float:
        """Inverse document frequency of a (tokenized) term; 0 for unknown terms."""
        hit = self.postings.get(term)
        if hit is None:
            return 0.0
        n, df = len(self.ids), len(hit[0])
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) of the best `k` chunks; `allowed` is a boolean row mask."""
        if not self.ids:
            return []
        scores = np.zeros(len(self.ids), dtype=np.float32)
        avg = float(self.doc_len.mean()) or 1.0
        for term in dict.fromkeys(tokenize(query)):  # in the query's order: sums do not depend on the hash seed
            hit = self.postings.get(term)
            if hit is None:
                continue
            docs, tfs = hit
            norm = self.k1 * (1 - self.b + self.b * self.doc_len[docs] / avg)
            scores[docs] += self.idf(term) * tfs * (self.k1 + 1) / (tfs + norm)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:k]  # ties in index order
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def save(self, path: Path) -> None:
        """Write atomically: readers see the old file or the new one, never half of one."""
        tmp = path.with_suffix(f".tmp{os.getpid()}-{threading.get_ident()}")  # one per writer, threads too
        with open(tmp, "wb") as fh:
            pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> BM25Index | None:
        """The saved index, or None when there is none or it cannot be read."""
        try:
            with open(path, "rb") as fh:
                index = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):  # also: saved by older code
            return None
        return index if isinstance(index, cls) else None
