"""Opening the index: catalog, vector store, lexical index and embedder together."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from assistant.core.settings import ConfigError, Settings
from assistant.core.types import DocMeta
from assistant.index.catalog import Catalog
from assistant.index.lexical import BM25Index
from assistant.index.models import Embedder, make_embedder
from assistant.index.vectors import ChromaStore


@dataclass
class Index:
    """Everything a question is answered from; build it once and share it."""

    settings: Settings
    catalog: Catalog
    store: ChromaStore
    embedder: Embedder
    _lexical: BM25Index | None = field(default=None, repr=False)
    _documents: tuple[str, list[DocMeta]] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, settings: Settings, *, embedder: Embedder | None = None) -> Index:
        """The index under `settings.data_dir` (or at the Chroma server), with its embedder."""
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        catalog = Catalog(settings.state_path)
        embedder = embedder or make_embedder(settings.embedder)
        built_with = catalog.get_meta("embedder")
        if built_with and built_with != embedder.name and catalog.counts()["chunks"]:
            raise ConfigError(
                f"the index in {settings.data_dir} was built with embedder {built_with!r}, "
                f"not {embedder.name!r}; set ASSISTANT_EMBEDDER to match or run "
                "'assistant ingest --rebuild PATH'"
            )
        return cls(settings=settings, catalog=catalog, store=ChromaStore(settings), embedder=embedder)

    def lexical(self) -> BM25Index:
        """The BM25 index matching the catalog's current state (rebuilt when stale)."""
        version = self.catalog.corpus_version()
        with self._lock:
            if self._lexical is not None and self._lexical.version == version:
                return self._lexical
            saved = BM25Index.load(self.settings.lexical_path)
            if saved is None or saved.version != version:
                saved = BM25Index.build(self.catalog.chunk_texts(), version=version)
            self._lexical = saved
            return saved

    def documents(self) -> list[DocMeta]:
        """Every sub-document's metadata, read once per corpus version rather than once per question."""
        version = self.catalog.corpus_version()
        with self._lock:
            if self._documents is None or self._documents[0] != version:
                self._documents = (version, self.catalog.documents())
            return self._documents[1]

    def rebuild_lexical(self) -> BM25Index:
        """Build the BM25 index from the catalog and persist it."""
        index = BM25Index.build(self.catalog.chunk_texts(), version=self.catalog.corpus_version())
        index.save(self.settings.lexical_path)
        with self._lock:
            self._lexical = index
        return index
