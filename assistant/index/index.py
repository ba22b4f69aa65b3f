"""The index: catalog, vector store, lexical index and embedder behind one API.

Everything above this layer reads and writes through `Index`; only it knows that a file's chunks
live in two stores (SQLite and Chroma) and in which order they are written so that a kill at any
moment leaves them consistent: vectors first, then the catalog row (the commit point), then stale
vectors are dropped; `reconcile` repairs what a kill left behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np

from assistant.core.errors import ConfigError
from assistant.core.minutes import Agreement, Statement
from assistant.core.settings import Settings
from assistant.core.types import Chunk, DocMeta, Document, Filter, Passage
from assistant.index.catalog import Catalog, FileRecord, embedding_key
from assistant.index.lexical import BM25Index
from assistant.index.models import Embedder, make_embedder
from assistant.index.vectors import ChromaStore, chunk_metadata

FILTER_EXACT_LIMIT = 3000  # filters admitting fewer chunks are searched exactly by id


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
            if self._lexical is not None and self._lexical.matches(version):
                return self._lexical
            saved = BM25Index.load(self.settings.lexical_path)
            if saved is None or not saved.matches(version):  # stale, or built by an older tokenizer
                older_tokenizer = saved is not None and saved.version == version
                saved = BM25Index.build(self.catalog.chunk_texts(), version=version)
                if older_tokenizer:  # saved once for every later process; a stale catalog state is an ingest's
                    # to write, and a read-only index still answers, rebuilding per process
                    with contextlib.suppress(OSError):
                        saved.save(self.settings.lexical_path)
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

    # --- reading -------------------------------------------------------------------------------
    @property
    def embedder_name(self) -> str:
        """The vector space of this index (the embedder's name)."""
        return self.embedder.name

    @property
    def location(self) -> str:
        """Where the vectors live: a folder or a Chroma server URL."""
        return self.store.location

    def corpus_version(self) -> str:
        """A hash of the committed files; changes whenever the corpus does."""
        return self.catalog.corpus_version()

    def counts(self) -> dict[str, int]:
        """Numbers of files, sub-documents and chunks."""
        return self.catalog.counts()

    def chunk_counts(self) -> dict[str, int]:
        """Number of chunks per doc_id."""
        return self.catalog.chunk_counts()

    def files(self) -> dict[str, FileRecord]:
        """The manifest: every committed file by source name."""
        return self.catalog.files()

    def document(self, doc_id: str) -> Document | None:
        """One sub-document with its full text, or None."""
        return self.catalog.document(doc_id)

    def statements(self, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[Statement]:
        """Who said what in the verslagen, in meeting order (see assistant.core.minutes)."""
        return self.catalog.statements(date_from, date_to)

    def agreements(self, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[Agreement]:
        """What the verslagen record as agreed, decided or to be done, in meeting order."""
        return self.catalog.agreements(date_from, date_to)

    def passage_containing(self, doc_id: str, text: str) -> Passage | None:
        """The passage of a document that holds the opening of `text`, to cite a statement by."""
        chunk_id = self.catalog.chunk_containing(doc_id, text)
        return self.catalog.passages([chunk_id]).get(chunk_id) if chunk_id else None

    def passages(self, chunk_ids: Iterable[str]) -> dict[str, Passage]:
        """Committed chunks with their documents' metadata, by chunk id."""
        return self.catalog.passages(chunk_ids)

    def first_passages(self, doc_ids: Iterable[str]) -> dict[str, Passage]:
        """Each document's first passage (where its title, date and agenda stand), by doc_id."""
        firsts = self.catalog.first_chunks(doc_ids)
        passages = self.catalog.passages(firsts.values())
        return {doc_id: passages[chunk_id] for doc_id, chunk_id in firsts.items() if chunk_id in passages}

    def embed_query(self, text: str):
        """The query vector of a question."""
        return self.embedder.embed_query(text)

    def search_dense(self, vector, n: int, filter: Filter | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine) of the `n` nearest chunks the filter admits, best first.

        A narrow filter is answered exactly from the ids the catalog admits; a wide one by Chroma."""
        admitted = self.catalog.chunk_ids_matching(filter, limit=FILTER_EXACT_LIMIT) if filter else None

        def search() -> list[tuple[str, float]]:
            if admitted is not None:
                return self.store.similar_among(vector, admitted)[:n]
            return self.store.query(vector, n, filter)

        hits = search()
        if len(hits) < n and self._restore_lost_vectors():
            hits = search()
        return hits

    def search_dense_on_days(self, vector, days, n: int) -> tuple[list[tuple[str, float]], set[str]]:
        """(chunk id, cosine) of the best `n` chunks of documents of these days, and all those chunks' ids."""
        on_days = self.catalog.chunk_ids_on_days(days)[:FILTER_EXACT_LIMIT]
        hits = self.store.similar_among(vector, on_days)
        if len(hits) < min(n, len(on_days)) and self._restore_lost_vectors():
            hits = self.store.similar_among(vector, on_days)
        return hits[:n], set(on_days)

    def _restore_lost_vectors(self) -> bool:
        """When the store holds fewer vectors than the catalog has chunks (a Chroma server that lost its
        data), write the missing ones again from the embedding cache; True when any were restored.

        Answers would otherwise come from BM25 alone without a word. Vectors without a committed chunk
        are left alone here: they may belong to an ingest that is about to commit."""
        if self.store.count() >= self.catalog.counts()["chunks"]:
            return False
        with self._lock:
            return self._restore(sorted(self.catalog.chunk_ids() - self.store.ids())) > 0

    # --- writing -------------------------------------------------------------------------------
    def clear(self) -> None:
        """Empty both stores (for --rebuild)."""
        self.store.reset()
        self.catalog.clear()

    def claim(self) -> None:
        """Record that this index's vectors come from this index's embedder."""
        self.catalog.set_meta("embedder", self.embedder.name)

    def embed_chunks(
        self, chunks: list[Chunk], on_batch: Callable[[int, int], None] | None = None, batch: int = 32
    ) -> tuple[np.ndarray, int]:
        """Vectors of the chunks (n x dim) and how many came from the cache; new ones are cached per batch.

        `on_batch(from_cache, embedded)` is called after each batch the model embeds."""
        keys = [embedding_key(self.embedder.name, c.embed_text) for c in chunks]
        cached = self.catalog.cached_vectors(keys)
        from_cache = sum(k in cached for k in keys)
        todo = [i for i, k in enumerate(keys) if k not in cached]
        for start in range(0, len(todo), batch):
            part = todo[start : start + batch]
            vectors = self.embedder.embed_documents([chunks[i].embed_text for i in part])
            fresh = {keys[i]: vectors[j] for j, i in enumerate(part)}
            self.catalog.cache_vectors(fresh)
            cached.update(fresh)
            if on_batch:
                on_batch(from_cache, start + len(part))
        if not chunks:
            return np.zeros((0, self.embedder.dim), dtype=np.float32), 0
        return np.stack([cached[k] for k in keys]).astype(np.float32), from_cache

    def commit_file(self, record: FileRecord, documents: list[Document], chunks: list[Chunk], vectors) -> None:
        """Put one file's documents, chunks and vectors in the index, replacing its previous version."""
        metas = {doc.meta.doc_id: doc.meta for doc in documents}
        self.store.upsert(
            [c.chunk_id for c in chunks], vectors, [chunk_metadata(c.section, metas[c.doc_id]) for c in chunks]
        )
        self.catalog.replace_file(record, documents, chunks)  # the commit point for this file
        stale = self.store.ids(record.source_file) - {c.chunk_id for c in chunks}
        self.store.delete(sorted(stale))

    def remove_file(self, source_file: str) -> None:
        """Take one file out of the index."""
        self.catalog.remove_file(source_file)
        self.store.delete(sorted(self.store.ids(source_file)))

    def reconcile(self) -> None:
        """Make the vector store hold exactly the committed chunks.

        Vectors no committed chunk owns (left by a killed ingest) are dropped; committed chunks the store
        lacks (a Chroma server that was reset or replaced) are written again, from the embedding cache.
        """
        stored, committed = self.store.ids(), self.catalog.chunk_ids()
        self.store.delete(sorted(stored - committed))
        self._restore(sorted(committed - stored))

    def _restore(self, missing: list[str]) -> int:
        """Write the vectors of these committed chunks again, from the embedding cache where it has them."""
        if not missing:
            return 0
        passages = self.catalog.passages(missing)
        texts = dict(self.catalog.chunk_texts())
        keys = [embedding_key(self.embedder.name, texts[cid]) for cid in missing]
        cached = self.catalog.cached_vectors(keys)
        todo = [k for k, key in enumerate(keys) if key not in cached]
        if todo:
            fresh = self.embedder.embed_documents([texts[missing[k]] for k in todo])
            self.catalog.cache_vectors({keys[k]: fresh[j] for j, k in enumerate(todo)})
            cached.update({keys[k]: fresh[j] for j, k in enumerate(todo)})
        vectors = np.stack([cached[key] for key in keys]).astype(np.float32)
        metadatas = [chunk_metadata(passages[cid].section, passages[cid].meta) for cid in missing]
        self.store.upsert(missing, vectors, metadatas)
        return len(missing)

    def finish(self) -> str:
        """After a run of writes: rebuild BM25 and record the corpus version, which is returned."""
        self.rebuild_lexical()
        version = self.catalog.corpus_version()
        self.catalog.set_meta("corpus_version", version)
        return version
