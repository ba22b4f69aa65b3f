"""One file to sub-documents and chunks, and the version of the code that does it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import assistant.core.minutes
import assistant.core.sentences
import assistant.core.structure
import ingest.chunk
import ingest.clean
import ingest.readers
import ingest.split
from assistant.core.types import Chunk, Document, Line
from ingest.chunk import chunk_document
from ingest.readers import UnreadableFile, lines_of
from ingest.split import split_documents

_PARSING_CODE = (ingest.readers, ingest.clean, ingest.split, ingest.chunk, assistant.core.structure,
                 assistant.core.sentences, assistant.core.minutes)  # fmt: skip


def parser_version() -> str:
    """Hash of the code that turns files into chunks; when it changes, every file is parsed again."""
    digest = hashlib.sha256()
    for module in _PARSING_CODE:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


def parse_file(path: Path) -> tuple[list[Document], list[Chunk]]:
    """Sub-documents and chunks of one file; raises UnreadableFile with a reason."""
    return parse_bytes(path.read_bytes(), path.suffix, path.name)


def parse_bytes(data: bytes, suffix: str, name: str) -> tuple[list[Document], list[Chunk]]:
    """Sub-documents and chunks of a file's bytes, known as `name`; raises UnreadableFile with a reason.

    A file yields at most `max_chunks` chunks: a page or 400 bytes of text hold far less than one
    chunk each in any real document, so more means markup without text (100,000 headings)."""
    lines = lines_of(data, suffix)
    documents = split_documents(lines, name)
    if not documents:
        raise UnreadableFile("geen bruikbare tekst na het opschonen")
    chunks = [chunk for doc in documents for chunk in chunk_document(doc)]
    ceiling = max_chunks(data, suffix, lines)
    if len(chunks) > ceiling:
        raise UnreadableFile(
            f"{len(chunks)} passages uit een bestand waar hooguit {ceiling} in passen; "
            "het lijkt geen gewone tekst (bijvoorbeeld alleen koppen of opmaak)"
        )
    return documents, chunks


def max_chunks(data: bytes, suffix: str, lines: list[Line]) -> int:
    """The most chunks a real document of this size yields (several times what the sample corpus needs)."""
    if suffix.lower() == ".pdf":
        return 50 + 10 * max((line.page for line in lines), default=1)
    return 50 + len(data) // 400
