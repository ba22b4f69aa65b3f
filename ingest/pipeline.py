"""Ingesting files into the index: incremental, idempotent, and safe to kill at any point."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.core.types import Chunk
from assistant.index.catalog import FileRecord
from assistant.index.index import Index
from ingest.parse import parse_file, parser_version
from ingest.readers import SUPPORTED, UnreadableFile
from ingest.sandbox import PARSE_SECONDS, parse_isolated

EMBED_BATCH = 32


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

    @property
    def problems(self) -> list[FileResult]:
        """Files that were skipped or failed, with their reasons."""
        return [r for r in self.results if r.status in ("skipped", "failed")]

    def count(self, status: str) -> int:
        """Number of files with this status."""
        return sum(r.status == status for r in self.results)


def file_sha256(path: Path) -> str:
    """Content hash of a file."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and supported files inside folders named, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def ingest(
    paths: Iterable[Path],
    *,
    index: Index,
    rebuild: bool = False,
    prune: bool = False,
    progress: Callable[[Progress], None] | None = None,
    isolate: bool = True,
    parse_seconds: float = PARSE_SECONDS,
) -> IngestReport:
    """Bring the index in line with the given files; unchanged files cost nothing.

    With `isolate` (the default) each file is parsed in a child process with time and memory limits.
    """
    started = time.perf_counter()
    report = IngestReport()
    if rebuild:
        index.clear()
    index.claim()
    index.reconcile()
    parser = parser_version()

    files = expand_paths(Path(p) for p in paths)
    manifest = index.files()
    by_hash = {record.sha256: name for name, record in manifest.items()}
    seen: dict[str, str] = {}
    for n, path in enumerate(files):
        name = path.name
        if progress:
            progress(Progress(name, n, len(files), report.embedded + report.cached, 0))
        try:
            if not path.is_file():
                raise UnreadableFile("bestand bestaat niet")
            sha = file_sha256(path)
        except (OSError, UnreadableFile) as err:
            report.results.append(FileResult(name, "failed", getattr(err, "reason", str(err))))
            continue
        if name in seen:
            report.results.append(FileResult(name, "skipped", f"dubbele bestandsnaam ({seen[name]})"))
            continue
        twin = by_hash.get(sha)
        if twin is not None and twin != name:
            report.results.append(FileResult(name, "skipped", f"zelfde inhoud als {twin}"))
            continue
        seen[name] = str(path)
        by_hash[sha] = name
        old = manifest.get(name)
        if old is not None and old.sha256 == sha and old.parser == parser:
            report.results.append(FileResult(name, "unchanged", documents=old.n_docs, chunks=old.n_chunks))
            continue
        try:
            documents, chunks = parse_isolated(path, seconds=parse_seconds) if isolate else parse_file(path)
        except UnreadableFile as err:
            report.results.append(FileResult(name, "failed", err.reason))
            continue
        vectors = _embed(index, chunks, report, progress, name, n, len(files))
        record = FileRecord(
            source_file=name, path=str(path.resolve()), sha256=sha, size=path.stat().st_size,
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


def _embed(index: Index, chunks: list[Chunk], report: IngestReport, progress, name: str, n: int, total: int):
    """Vectors for the chunks through the index's cache, with progress per embedded batch."""
    before = report.embedded + report.cached

    def on_batch(from_cache: int, embedded: int) -> None:
        if progress:
            progress(Progress(name, n, total, before + from_cache + embedded, len(chunks)))

    vectors, from_cache = index.embed_chunks(chunks, on_batch, batch=EMBED_BATCH)
    report.cached += from_cache
    report.embedded += len(chunks) - from_cache
    return vectors
