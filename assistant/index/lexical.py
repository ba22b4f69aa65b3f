"""A BM25 index with a Dutch tokenizer (stemming, stopwords, numbers and Woo codes kept)."""

from __future__ import annotations

import math
import os
import pickle
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import snowballstemmer

STOPWORDS = frozenset(
    (
        "aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen "
        "door dus een eens en er ge geen geweest haar had heb hebben heeft hem hen het hier hij "
        "hoe hoeveel hun iemand iets ik in is ja je jij jullie kan kon kunnen maar mag me meer men "
        "met mij mijn moet moeten mogen na naar niet niets nog nu of om omdat onder ons onze ook "
        "op over reeds te tegen toch toen tot u uit uw van veel voor waar waarom wanneer want "
        "waren was wat we wel welke werd werden wezen wie wij wil worden wordt zal ze zei zelf "
        "zich zij zijn zo zonder zou zouden "
    ).split()
)
# 10.2.e, 5.1.2e (Woo codes) | 1.162 / 1.162,5 (numbers with separators) | words | numbers
_TOKEN = re.compile(
    r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?[a-z]\b"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d+(?:,\d+)?"
    r"|[a-zà-ÿ]+(?:[-'][a-zà-ÿ]+)*"
)
_GLUED_FOOTNOTE = re.compile(r"([a-zà-ÿ)]{4,})(\d{1,2})\b")


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content tokens; '1.162' becomes '1162', 'Jeugdwet5' becomes 'jeugdwet'."""
    text = _GLUED_FOOTNOTE.sub(r"\1 ", text.lower())
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw[0].isdigit():
            if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
                raw = raw.replace(".", "")
            tokens.append(raw)
            continue
        if raw in STOPWORDS or len(raw) < 2:
            continue
        for part in raw.split("-"):
            if part and part not in STOPWORDS:
                tokens.append(_stem(part))
    return tokens


@dataclass
class BM25Index:
    """Okapi BM25 over chunk texts; `version` ties it to the catalog state it was built from."""

    ids: list[str] = field(default_factory=list)
    postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    doc_len: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    version: str = ""
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
        return cls(ids=ids, postings=postings, doc_len=lengths, version=version)

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
        for term in set(tokenize(query)):
            hit = self.postings.get(term)
            if hit is None:
                continue
            docs, tfs = hit
            norm = self.k1 * (1 - self.b + self.b * self.doc_len[docs] / avg)
            scores[docs] += self.idf(term) * tfs * (self.k1 + 1) / (tfs + norm)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        top = np.argsort(-scores)[:k]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def save(self, path: Path) -> None:
        """Write atomically: readers see the old file or the new one, never half of one."""
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as fh:
            pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> BM25Index | None:
        """The saved index, or None when there is none or it cannot be read."""
        try:
            with open(path, "rb") as fh:
                index = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        return index if isinstance(index, cls) else None
