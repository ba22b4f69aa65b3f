"""Optional cross-encoder reranking with a sentence-transformers CrossEncoder folder."""

from __future__ import annotations

from assistant.settings import ConfigError, Settings
from assistant.types import Passage


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
