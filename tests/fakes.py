"""Fakes with real behaviour for unit tests."""

from __future__ import annotations

import hashlib

import numpy as np

from assistant.core.text import tokenize


class BagOfWordsEmbedder:
    """Hashes stemmed words into a unit vector: texts sharing words are close, others are not."""

    name = "fake:bag-of-words"
    dim = 256

    def __init__(self) -> None:
        self.calls = 0  # texts embedded, to assert that caching avoids work

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for token in tokenize(text):
            v[int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dim] += 1.0
        norm = np.linalg.norm(v)
        return v / norm if norm else v + 1.0 / np.sqrt(self.dim)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)
