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


def _where(date_from: dt.date | None, date_to: dt.date | None) -> tuple[str, list]:
    clauses, args = ["1=1"], []
    if date_from:
        clauses.append("COALESCE(d.meeting_date, d.document_date) >= ?")
        args.append(iso(date_from))
    if date_to:
        clauses.append("COALESCE(d.meeting_date, d.document_date) <= ?")
        args.append(iso(date_to))
    return " AND ".join(clauses), args


_ORDER = "ORDER BY COALESCE(d.meeting_date, d.document_date), d.source_file, d.ordinal, x.ordinal"


def statements(db: sqlite3.Connection, date_from: dt.date | None = None, date_to: dt.date | None = None
               ) -> list[Statement]:  # fmt: skip
    """Statements in meeting order, within the dates."""
    where, args = _where(date_from, date_to)
    rows = db.execute(
        "SELECT x.doc_id, x.speaker, x.organisation, x.agendapunt, x.quote, x.start, x.end_, x.pages "
        f"FROM statements x JOIN documents d ON d.doc_id = x.doc_id WHERE {where} {_ORDER}", args,
    )  # fmt: skip
    return [Statement(r[1], r[2], r[3], r[4], r[5], r[6], doc_id=r[0], pages=tuple(json.loads(r[7]))) for r in rows]


def agreements(db: sqlite3.Connection, date_from: dt.date | None = None, date_to: dt.date | None = None
               ) -> list[Agreement]:  # fmt: skip
    """Agreements in meeting order, within the dates."""
    where, args = _where(date_from, date_to)
    rows = db.execute(
        "SELECT x.doc_id, x.kind, x.text, x.actor, x.agendapunt, x.start, x.end_, x.pages "
        f"FROM agreements x JOIN documents d ON d.doc_id = x.doc_id WHERE {where} {_ORDER}", args,
    )  # fmt: skip
    return [Agreement(r[1], r[2], r[3], r[4], r[5], r[6], doc_id=r[0], pages=tuple(json.loads(r[7]))) for r in rows]
