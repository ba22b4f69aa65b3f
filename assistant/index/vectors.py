"""The vector store: a persistent Chroma collection (local folder or server).

This is the only module that imports chromadb.
"""

from __future__ import annotations

import os
import time
import urllib.request
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlparse

import numpy as np

from assistant.core.dates import day_number
from assistant.core.errors import StoreUnavailable
from assistant.core.settings import Settings
from assistant.core.types import DocMeta, Filter

COLLECTION = "jeugdzorg_chunks"
# multilingual-e5 vectors sit close together (cosines 0.8-0.9), which makes HNSW's default search
# (ef 100) miss true neighbours; a wide search beam keeps recall exact at dossier sizes.
HNSW = {"space": "cosine", "ef_construction": 200, "ef_search": 1000, "max_neighbors": 32}
SERVER_SECONDS = 20.0  # the longest a Chroma server may take to answer one call (a search takes milliseconds)
T = TypeVar("T")


def chroma_where(filter: Filter) -> dict | None:
    """The filter in Chroma's `where` syntax, or None when empty."""
    clauses: list[dict] = []
    for field, values in (("doc_type", filter.doc_types), ("meeting", filter.meetings),
                          ("source_file", filter.source_files)):  # fmt: skip
        if values:
            clauses.append({field: {"$in": list(values)}})
    if filter.date_from is not None:
        clauses.append({"date": {"$gte": day_number(filter.date_from)}})
    if filter.date_to is not None:
        clauses.append({"date": {"$lte": day_number(filter.date_to)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def date_number(meta: DocMeta) -> int:
    """yyyymmdd of the meeting date, else the document date, else 0."""
    return day_number(meta.date) if meta.date else 0


def chunk_metadata(section: str, meta: DocMeta) -> dict:
    """Chroma metadata of a chunk: what filters need (no None values)."""
    return {
        "doc_id": meta.doc_id,
        "source_file": meta.source_file,
        "doc_type": meta.doc_type,
        "meeting": meta.meeting or "",
        "date": date_number(meta),
        "section": section[:200],
    }


class ChromaStore:
    """Vectors of chunks in one Chroma collection, created with our own embeddings only."""

    def __init__(self, settings: Settings, *, retries: int = 3, retry_wait: float = 0.5) -> None:
        import chromadb

        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        self._retries, self._retry_wait = retries, retry_wait
        chroma_settings = chromadb.Settings(anonymized_telemetry=False)
        self.location = settings.chroma_url or str(settings.chroma_dir)
        if settings.chroma_url:
            url = urlparse(settings.chroma_url)
            self._call(lambda: _heartbeat(settings.chroma_url))  # Chroma's own first call would wait forever
            self._client = self._call(
                lambda: chromadb.HttpClient(
                    host=url.hostname or "localhost",
                    port=url.port or 8000,
                    ssl=url.scheme == "https",
                    settings=chroma_settings,
                )  # fmt: skip
            )
            _bound(self._client)
        else:
            settings.chroma_dir.mkdir(parents=True, exist_ok=True)
            self._client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
        self._collection = self._open_collection()

    def _open_collection(self):
        collection = self._call(
            lambda: self._client.get_or_create_collection(
                COLLECTION, embedding_function=None, configuration={"hnsw": dict(HNSW)}
            )
        )
        hnsw = (collection.configuration or {}).get("hnsw") or {}
        if hnsw.get("ef_search", 0) < HNSW["ef_search"]:  # an index made by an older version
            self._call(lambda: collection.modify(configuration={"hnsw": {"ef_search": HNSW["ef_search"]}}))
        return collection

    def _call(self, fn: Callable[[], T]) -> T:
        """Run a Chroma call, retrying a few times when a server is unreachable; one that does not answer
        within SERVER_SECONDS is not retried."""
        for attempt in range(self._retries):
            try:
                return fn()
            except Exception as err:  # chromadb raises several types for a down server
                if _is_missing_collection(err) and attempt < self._retries - 1:
                    self._collection = self._open_collection()  # a server that lost its data: start anew
                    continue
                if not _is_connection_error(err):
                    raise
                if _is_timeout(err):
                    raise StoreUnavailable(
                        f"Chroma-server op {self.location} is niet bereikbaar: geen antwoord binnen "
                        f"{SERVER_SECONDS:.0f} s. Controleer of de server draait en niet vastzit, en probeer het "
                        "opnieuw (ASSISTANT_CHROMA_URL)."
                    ) from None
                if attempt == self._retries - 1:
                    raise StoreUnavailable(
                        f"Chroma-server op {self.location} is niet bereikbaar ({type(err).__name__}). "
                        "Controleer of de server draait (chroma run --path DIR --port N) en "
                        "ASSISTANT_CHROMA_URL klopt."
                    ) from None
                time.sleep(self._retry_wait * (2**attempt))
        raise AssertionError("unreachable")

    def upsert(self, ids: list[str], vectors: np.ndarray, metadatas: list[dict]) -> None:
        """Add or overwrite vectors by chunk id."""
        for start in range(0, len(ids), 1000):
            end = start + 1000
            self._call(lambda s=start, e=end: self._collection.upsert(
                ids=ids[s:e], embeddings=vectors[s:e], metadatas=metadatas[s:e]
            ))  # fmt: skip

    def delete(self, ids: list[str]) -> None:
        """Remove vectors by chunk id."""
        for start in range(0, len(ids), 1000):
            batch = ids[start : start + 1000]
            self._call(lambda b=batch: self._collection.delete(ids=b))

    def ids(self, source_file: str | None = None) -> set[str]:
        """All chunk ids in the collection, or those of one source file."""
        where = {"source_file": source_file} if source_file is not None else None
        out: set[str] = set()
        offset = 0
        while True:
            got = self._call(lambda o=offset: self._collection.get(
                where=where, include=[], limit=5000, offset=o
            ))  # fmt: skip
            out.update(got["ids"])
            if len(got["ids"]) < 5000:
                return out
            offset += 5000

    def query(self, vector: np.ndarray, n: int, filter: Filter | None = None) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the nearest vectors, best first."""
        try:
            result = self._call(lambda: self._collection.query(
                query_embeddings=np.asarray(vector, dtype=np.float32)[None, :],
                n_results=n,
                where=chroma_where(filter) if filter else None,
                include=["distances"],
            ))  # fmt: skip
        except Exception as err:  # an empty collection refuses to be queried
            if "empty" in str(err).lower() or "nothing" in str(err).lower() or self.count() == 0:
                return []
            raise
        return [(cid, 1.0 - float(d)) for cid, d in zip(result["ids"][0], result["distances"][0], strict=True)]

    def similar_among(self, vector: np.ndarray, ids: list[str]) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) for the given chunks only, best first: an exact filtered search.

        Chroma's own metadata filter scans the whole collection; when the catalog already knows the
        few chunks a filter admits, fetching their vectors by id is much faster.
        """
        if not ids:
            return []
        got = self._call(lambda: self._collection.get(ids=ids, include=["embeddings"]))
        if not got["ids"]:
            return []
        scores = np.asarray(got["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-scores)
        return [(got["ids"][i], float(scores[i])) for i in order]

    def count(self) -> int:
        """Number of vectors stored."""
        return int(self._call(self._collection.count))

    def reset(self) -> None:
        """Drop and recreate the collection (for --rebuild)."""
        self._call(lambda: self._client.delete_collection(COLLECTION))
        self._collection = self._open_collection()


def _heartbeat(base_url: str) -> None:
    """Ask the server whether it is alive, waiting at most SERVER_SECONDS."""
    with urllib.request.urlopen(f"{base_url.rstrip('/')}/api/v2/heartbeat", timeout=SERVER_SECONDS) as reply:
        reply.read()


def _bound(client) -> None:
    """Give the HTTP client's calls a time limit (chromadb leaves them without one)."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if isinstance(session, httpx.Client):
        session.timeout = httpx.Timeout(SERVER_SECONDS, connect=5.0)


def _is_missing_collection(err: BaseException) -> bool:
    text = str(err).lower()
    return "does not exist" in text or ("collection" in text and "not found" in text)


def _is_timeout(err: BaseException) -> bool:
    return isinstance(err, TimeoutError) or "timeout" in type(err).__name__.lower() or "timed out" in str(err)


def _is_connection_error(err: Exception) -> bool:
    text = f"{type(err).__name__} {err}".lower()
    return any(word in text for word in ("connect", "timeout", "timed out", "unavailable", "refused"))
