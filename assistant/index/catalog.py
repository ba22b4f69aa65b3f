"""The SQLite catalog: manifest of files, sub-documents, chunks and the embedding cache.

The catalog is the commit point of an ingest: a chunk is retrievable only once its row is here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.core.dates import from_iso, iso
from assistant.core.minutes import Agreement, Statement
from assistant.core.types import Chunk, DocMeta, Document, Filter, Passage
from assistant.index import minutes

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    source_file TEXT PRIMARY KEY, path TEXT, sha256 TEXT, size INTEGER, ingested_at TEXT,
    n_docs INTEGER, n_chunks INTEGER, parser TEXT DEFAULT '');
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source_file TEXT, ordinal INTEGER, doc_type TEXT, title TEXT,
    meeting TEXT, meeting_date TEXT, document_date TEXT, kenmerk TEXT, first_page INTEGER,
    last_page INTEGER, text TEXT, page_starts TEXT);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT, source_file TEXT, ordinal INTEGER, text TEXT,
    section TEXT, pages TEXT, context TEXT);
CREATE INDEX IF NOT EXISTS chunks_by_file ON chunks(source_file);
CREATE INDEX IF NOT EXISTS docs_by_file ON documents(source_file);
CREATE INDEX IF NOT EXISTS docs_by_meeting_date ON documents(meeting_date);
CREATE INDEX IF NOT EXISTS docs_by_document_date ON documents(document_date);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, vector BLOB);
"""


@dataclass(frozen=True)
class FileRecord:
    """One manifest entry: a file that is in the index, by content hash."""

    source_file: str
    path: str
    sha256: str
    size: int
    ingested_at: str
    n_docs: int = 0
    n_chunks: int = 0
    parser: str = ""  # version of the code that parsed it; another version parses it again


def embedding_key(embedder_name: str, text: str) -> str:
    """Cache key of one embedded text: the model and the exact text."""
    return hashlib.sha256(f"{embedder_name}\0{text}".encode()).hexdigest()


class Catalog:
    """Typed access to the state database; one connection per thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._db().executescript(SCHEMA + minutes.SCHEMA)
        columns = {row[1] for row in self._db().execute("PRAGMA table_info(files)")}
        if "parser" not in columns:  # a catalog from before the column existed
            self._db().execute("ALTER TABLE files ADD COLUMN parser TEXT DEFAULT ''")

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        db = self._db()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    # --- meta -------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        """A stored setting of the index, e.g. 'embedder'."""
        row = self._db().execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a setting of the index."""
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # --- manifest ---------------------------------------------------------------------------
    def files(self) -> dict[str, FileRecord]:
        """The manifest, by source file name."""
        rows = (
            self._db()
            .execute(
                "SELECT source_file, path, sha256, size, ingested_at, n_docs, n_chunks, parser FROM files "
                "ORDER BY source_file"
            )
            .fetchall()
        )
        return {row[0]: FileRecord(*row) for row in rows}

    def corpus_version(self) -> str:
        """A short hash of the manifest (file names and content hashes) and the embedder."""
        items = sorted((f.source_file, f.sha256, f.parser) for f in self.files().values())
        payload = json.dumps([self.get_meta("embedder"), items])
        return hashlib.sha256(payload.encode()).hexdigest()[:12]

    def replace_file(self, record: FileRecord, documents: list[Document], chunks: list[Chunk]) -> None:
        """Atomically make `documents` and `chunks` the indexed content of one file."""
        with self._tx() as db:
            self._delete_file(db, record.source_file)
            db.execute(
                "INSERT INTO files (source_file, path, sha256, size, ingested_at, n_docs, n_chunks, parser) "
                "VALUES (?,?,?,?,?,?,?,?)",
                _record_row(record, documents, chunks),
            )
            db.executemany(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [_document_row(doc, k) for k, doc in enumerate(documents)],
            )
            db.executemany(
                "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?)",
                [
                    (c.chunk_id, c.doc_id, record.source_file, c.ordinal, c.text, c.section,
                     json.dumps(list(c.pages)), c.context)
                    for c in chunks
                ],
            )  # fmt: skip
            minutes.insert(db, record.source_file, documents)

    def remove_file(self, source_file: str) -> None:
        """Drop a file and everything derived from it."""
        with self._tx() as db:
            self._delete_file(db, source_file)

    @staticmethod
    def _delete_file(db: sqlite3.Connection, source_file: str) -> None:
        for table in ("files", "documents", "chunks", *minutes.TABLES):
            db.execute(f"DELETE FROM {table} WHERE source_file=?", (source_file,))

    def clear(self) -> None:
        """Forget every file, document and chunk (the embedding cache stays)."""
        with self._tx() as db:
            for table in ("files", "documents", "chunks", "meta", *minutes.TABLES):
                db.execute(f"DELETE FROM {table}")

    # --- documents and chunks ---------------------------------------------------------------
    def documents(self) -> list[DocMeta]:
        """Every sub-document, in file and reading order."""
        rows = self._db().execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY source_file, ordinal").fetchall()
        return [_doc_meta(row) for row in rows]

    def document(self, doc_id: str) -> Document | None:
        """One sub-document with its cleaned text."""
        row = (
            self._db()
            .execute(f"SELECT {_DOC_COLUMNS}, text, page_starts FROM documents WHERE doc_id=?", (doc_id,))
            .fetchone()
        )
        if row is None:
            return None
        starts = tuple(tuple(p) for p in json.loads(row[-1]))
        return Document(meta=_doc_meta(row[:-2]), text=row[-2], page_starts=starts)

    def chunk_counts(self) -> dict[str, int]:
        """Number of chunks per doc_id."""
        rows = self._db().execute("SELECT doc_id, COUNT(*) FROM chunks GROUP BY doc_id").fetchall()
        return dict(rows)

    def chunk_ids_matching(self, filter: Filter, limit: int) -> list[str] | None:
        """Ids of the chunks whose documents match the filter; None when more than `limit` do."""
        clauses, args = [], []
        for column, values in (("d.doc_type", filter.doc_types), ("d.meeting", filter.meetings),
                               ("d.source_file", filter.source_files)):  # fmt: skip
            if values:
                clauses.append(f"{column} IN ({','.join('?' * len(values))})")
                args.extend(values)
        day = "COALESCE(d.meeting_date, d.document_date)"
        if filter.date_from is not None:
            clauses.append(f"{day} >= ?")
            args.append(filter.date_from.isoformat())
        if filter.date_to is not None:
            clauses.append(f"{day} <= ?")
            args.append(filter.date_to.isoformat())
        sql = "SELECT c.chunk_id FROM chunks c JOIN documents d ON d.doc_id = c.doc_id"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        rows = self._db().execute(sql + f" LIMIT {int(limit) + 1}", args).fetchall()
        return None if len(rows) > limit else [row[0] for row in rows]

    def chunk_ids_on_days(self, days: Iterable[dt.date]) -> list[str]:
        """Ids of the chunks of documents that met or were dated on one of these days."""
        isos = [d.isoformat() for d in days]
        if not isos:
            return []
        marks = ",".join("?" * len(isos))
        rows = (
            self._db()
            .execute(
                "SELECT c.chunk_id FROM chunks c JOIN documents d ON d.doc_id = c.doc_id "
                f"WHERE d.meeting_date IN ({marks}) OR d.document_date IN ({marks})",
                isos + isos,
            )
            .fetchall()
        )
        return [row[0] for row in rows]

    def chunk_ids(self) -> set[str]:
        """Ids of all committed chunks."""
        return {row[0] for row in self._db().execute("SELECT chunk_id FROM chunks")}

    def chunk_texts(self) -> list[tuple[str, str]]:
        """(chunk_id, context + text) for every chunk, for the lexical index."""
        rows = self._db().execute("SELECT chunk_id, context, text FROM chunks ORDER BY rowid")
        return [(cid, f"{context}\n{text}") for cid, context, text in rows]

    def passages(self, chunk_ids: Iterable[str]) -> dict[str, Passage]:
        """Committed chunks with their documents' metadata, by chunk id."""
        ids = list(dict.fromkeys(chunk_ids))
        out: dict[str, Passage] = {}
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            marks = ",".join("?" * len(batch))
            rows = (
                self._db()
                .execute(
                    f"SELECT c.chunk_id, c.text, c.section, c.pages, {_DOC_COLUMNS_D} "
                    f"FROM chunks c JOIN documents d ON d.doc_id = c.doc_id WHERE c.chunk_id IN ({marks})",
                    batch,
                )
                .fetchall()
            )
            for row in rows:
                out[row[0]] = Passage(
                    chunk_id=row[0], text=row[1], section=row[2], pages=tuple(json.loads(row[3])),
                    meta=_doc_meta(row[4:]),
                )  # fmt: skip
        return out

    def chunk_containing(self, doc_id: str, text: str) -> str | None:
        """The first chunk of a document whose text holds the opening of `text` (whitespace aside)."""
        needle = " ".join(text.split())[:80]
        rows = self._db().execute("SELECT chunk_id, text FROM chunks WHERE doc_id=? ORDER BY ordinal", (doc_id,))
        return next((chunk_id for chunk_id, chunk in rows if needle in " ".join(chunk.split())), None)

    def first_chunks(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The id of each document's first chunk, by doc_id."""
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = (
            self._db()
            .execute(f"SELECT doc_id, chunk_id FROM chunks WHERE doc_id IN ({marks}) ORDER BY doc_id, ordinal", ids)
            .fetchall()
        )
        out: dict[str, str] = {}
        for doc_id, chunk_id in rows:
            out.setdefault(doc_id, chunk_id)
        return out

    def counts(self) -> dict[str, int]:
        """Numbers of files, sub-documents and chunks."""
        db = self._db()
        return {
            table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("files", "documents", "chunks")
        }

    def statements(self, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[Statement]:
        """Every statement of the verslagen, in meeting order, within the dates."""
        return minutes.statements(self._db(), date_from, date_to)

    def agreements(self, date_from: dt.date | None = None, date_to: dt.date | None = None) -> list[Agreement]:
        """Every agreement, decision and action of the verslagen, in meeting order, within the dates."""
        return minutes.agreements(self._db(), date_from, date_to)

    # --- embedding cache --------------------------------------------------------------------
    def cached_vectors(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Vectors already computed for these cache keys."""
        out: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            batch = keys[start : start + 500]
            marks = ",".join("?" * len(batch))
            for key, blob in self._db().execute(f"SELECT key, vector FROM embeddings WHERE key IN ({marks})", batch):
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def cache_vectors(self, vectors: dict[str, np.ndarray]) -> None:
        """Remember computed vectors by cache key."""
        with self._tx() as db:
            db.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?)",
                [(key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in vectors.items()],
            )


_DOC_COLUMNS = (
    "doc_id, doc_type, title, source_file, first_page, last_page, meeting, meeting_date, document_date, kenmerk"
)
_DOC_COLUMNS_D = ", ".join(f"d.{c.strip()}" for c in _DOC_COLUMNS.split(","))


def _doc_meta(row: tuple) -> DocMeta:
    return DocMeta(
        doc_id=row[0], doc_type=row[1], title=row[2], source_file=row[3], first_page=row[4],
        last_page=row[5], meeting=row[6], meeting_date=from_iso(row[7]),
        document_date=from_iso(row[8]), kenmerk=row[9],
    )  # fmt: skip


def _document_row(doc: Document, ordinal: int) -> tuple:
    m = doc.meta
    return (
        m.doc_id, m.source_file, ordinal, m.doc_type, m.title, m.meeting, iso(m.meeting_date),
        iso(m.document_date), m.kenmerk, m.first_page, m.last_page, doc.text,
        json.dumps([list(p) for p in doc.page_starts]),
    )  # fmt: skip


def _record_row(record: FileRecord, documents: list[Document], chunks: list[Chunk]) -> tuple:
    return (
        record.source_file, record.path, record.sha256, record.size, record.ingested_at,
        len(documents), len(chunks), record.parser,
    )  # fmt: skip
