"""The statements and agreements of the verslagen in the catalog: stored per file, read back with their document."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from assistant.core.dates import iso
from assistant.core.minutes import Agreement, Statement, read_minutes
from assistant.core.types import Document

SCHEMA = """
CREATE TABLE IF NOT EXISTS statements (
    doc_id TEXT, source_file TEXT, ordinal INTEGER, speaker TEXT, organisation TEXT, agendapunt TEXT,
    quote TEXT, start INTEGER, end_ INTEGER, pages TEXT);
CREATE TABLE IF NOT EXISTS agreements (
    doc_id TEXT, source_file TEXT, ordinal INTEGER, kind TEXT, text TEXT, actor TEXT, agendapunt TEXT,
    start INTEGER, end_ INTEGER, pages TEXT);
CREATE INDEX IF NOT EXISTS statements_by_file ON statements(source_file);
CREATE INDEX IF NOT EXISTS agreements_by_file ON agreements(source_file);
"""
TABLES = ("statements", "agreements")


def insert(db: sqlite3.Connection, source_file: str, documents: list[Document]) -> None:
    """Read the minutes of one file's documents and store them."""
    said, agreed = read_minutes(documents)
    db.executemany(
        "INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(s.doc_id, source_file, k, s.speaker, s.organisation, s.agendapunt, s.quote, s.start, s.end,
          json.dumps(s.pages)) for k, s in enumerate(said)],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO agreements VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(a.doc_id, source_file, k, a.kind, a.text, a.actor, a.agendapunt, a.start, a.end, json.dumps(a.pages))
         for k, a in enumerate(agreed)],
    )  # fmt: skip


_FIELDS = {
    "statements": (Statement, "speaker, organisation, agendapunt, quote"),
    "agreements": (Agreement, "kind, text, actor, agendapunt"),
}


def _read(db: sqlite3.Connection, table: str, date_from: dt.date | None, date_to: dt.date | None) -> list:
    """The rows of `table` as their dataclass, in meeting order, for documents dated within the range."""
    kind, fields = _FIELDS[table]
    clauses, args = ["1=1"], []
    day = "COALESCE(d.meeting_date, d.document_date)"
    if date_from:
        clauses.append(f"{day} >= ?")
        args.append(iso(date_from))
    if date_to:
        clauses.append(f"{day} <= ?")
        args.append(iso(date_to))
    columns = ", ".join(f"x.{f.strip()}" for f in fields.split(","))
    rows = db.execute(
        f"SELECT x.doc_id, {columns}, x.start, x.end_, x.pages FROM {table} x JOIN documents d ON d.doc_id = x.doc_id "
        f"WHERE {' AND '.join(clauses)} ORDER BY {day}, d.source_file, d.ordinal, x.ordinal", args,
    )  # fmt: skip
    return [kind(*r[1:-1], doc_id=r[0], pages=tuple(json.loads(r[-1]))) for r in rows]


def statements(db: sqlite3.Connection, date_from: dt.date | None = None, date_to: dt.date | None = None
               ) -> list[Statement]:  # fmt: skip
    """Statements in meeting order, within the dates."""
    return _read(db, "statements", date_from, date_to)


def agreements(db: sqlite3.Connection, date_from: dt.date | None = None, date_to: dt.date | None = None
               ) -> list[Agreement]:  # fmt: skip
    """Agreements in meeting order, within the dates."""
    return _read(db, "agreements", date_from, date_to)
