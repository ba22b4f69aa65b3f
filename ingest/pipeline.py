"""Ingesting files into the index: incremental, idempotent, and safe to kill at any point."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.core.types import Chunk
from assistant.index.catalog import FileRecord
from assistant.index.index import Index
from ingest.files import collect, read_file
from ingest.parse import parse_bytes, parser_version
from ingest.readers import UnreadableFile
from ingest.sandbox import PARSE_SECONDS, parse_isolated

EMBED_BATCH = 32
FILE_SECONDS = 600.0  # parse and embed one file; a real 150-page bundle takes about 2 minutes here
log = logging.getLogger("assistant.ingest")


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: added, updated, unchanged, skipped, failed or removed."""

    source_file: str
    status: str
    reason: str = ""
    documents: int = 0
    chunks: int = 0


@dataclass(frozen=True)
class Progress:
    """A progress report while ingesting."""

    file: str
    files_done: int
    files_total: int
    chunks_embedded: int
    chunks_total: int


@dataclass
class IngestReport:
    """The outcome of one ingest run."""

    results: list[FileResult] = field(default_factory=list)
    embedded: int = 0  # vectors computed by the model
    cached: int = 0  # vectors taken from the cache
    seconds: float = 0.0
    corpus_version: str = ""
    found: int = 0  # files found in what was given, read or refused

    @property
    def problems(self) -> list[FileResult]:
        """Files that were skipped or failed, with their reasons."""
        return [r for r in self.results if r.status in ("skipped", "failed")]

    def count(self, status: str) -> int:
        """Number of files with this status."""
        return sum(r.status == status for r in self.results)


def ingest(
    paths: Iterable[Path],
    *,
    index: Index,
    rebuild: bool = False,
    prune: bool = False,
    progress: Callable[[Progress], None] | None = None,
    isolate: bool = True,
    parse_seconds: float = PARSE_SECONDS,
    file_seconds: float = FILE_SECONDS,
) -> IngestReport:
    """Bring the index in line with the given files; unchanged files cost nothing.

    With `isolate` (the default) each file is parsed in a child process with time and memory limits;
    parsing and embedding one file together take at most `file_seconds`.
    """
    started = time.perf_counter()
    report = IngestReport()
    if rebuild:
        index.clear()
    index.claim()
    index.reconcile()
    parser = parser_version()

    files, refused = collect(Path(p) for p in paths)
    report.found = len(files) + len(refused)
    report.results.extend(FileResult(name, "skipped", reason) for name, reason in refused)
    manifest = index.files()
    by_hash = {record.sha256: name for name, record in manifest.items()}
    seen: dict[str, str] = {}
    for n, found in enumerate(files):
        name, path = found.name, found.path
        if progress:
            progress(Progress(name, n, len(files), report.embedded + report.cached, 0))
        deadline = time.monotonic() + file_seconds
        try:
            data = read_file(path)
        except UnreadableFile as err:
            report.results.append(_failed(name, err))
            continue
        sha = hashlib.sha256(data).hexdigest()  # of exactly the bytes that are parsed
        if name in seen:
            report.results.append(FileResult(name, "skipped", f"dubbele bestandsnaam ({seen[name]})"))
            continue
        twin = by_hash.get(sha)
        if twin is not None and twin != name:
            report.results.append(FileResult(name, "skipped", f"zelfde inhoud als {twin}"))
            continue
        old = manifest.get(name)
        where = str(path.resolve())
        if old is not None and old.sha256 != sha and old.path != where and Path(old.path).exists():
            reason = f"een ander bestand met deze naam staat al in de index ({old.path}); geef dit een andere naam"
            report.results.append(FileResult(name, "skipped", reason))
            continue
        seen[name] = str(path)
        by_hash[sha] = name
        if old is not None and old.sha256 == sha and old.parser == parser:
            report.results.append(FileResult(name, "unchanged", documents=old.n_docs, chunks=old.n_chunks))
            continue
        try:
            if isolate:
                documents, chunks = parse_isolated(data, path.suffix, name, seconds=min(parse_seconds, file_seconds))
            else:
                documents, chunks = parse_bytes(data, path.suffix, name)
            vectors = _embed(index, chunks, report, progress, name, n, len(files), deadline)
        except UnreadableFile as err:
            report.results.append(_failed(name, err))
            continue
        record = FileRecord(
            source_file=name, path=where, sha256=sha, size=len(data),
            ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), parser=parser,
        )  # fmt: skip
        index.commit_file(record, documents, chunks, vectors)
        status = "updated" if old is not None else "added"
        report.results.append(FileResult(name, status, documents=len(documents), chunks=len(chunks)))

    if prune:
        for name, record in index.files().items():
            if not Path(record.path).exists():
                index.remove_file(name)
                report.results.append(FileResult(name, "removed", "bestand bestaat niet meer"))

    report.corpus_version = index.finish()
    report.seconds = time.perf_counter() - started
    return report


def _failed(name: str, err: UnreadableFile) -> FileResult:
    """A file that could not be ingested: its Dutch reason for the user, the technical detail to the log."""
    if err.detail:
        log.warning("%s: %s (%s)", name, err.reason, err.detail)
    return FileResult(name, "failed", err.reason)


def _embed(index: Index, chunks: list[Chunk], report: IngestReport, progress, name, n, total, deadline: float):
    """Vectors for the chunks through the index's cache, with progress per embedded batch; the file's
    time is checked after each batch (what was embedded stays cached)."""
    before = report.embedded + report.cached

    def on_batch(from_cache: int, embedded: int) -> None:
        if time.monotonic() > deadline:
            report.embedded += embedded
            raise UnreadableFile(f"verwerken duurde te lang ({len(chunks)} passages); bestand overgeslagen")
        if progress:
            progress(Progress(name, n, total, before + from_cache + embedded, len(chunks)))

    vectors, from_cache = index.embed_chunks(chunks, on_batch, batch=EMBED_BATCH)
    report.cached += from_cache
    report.embedded += len(chunks) - from_cache
    return vectors
