"""One file to sub-documents and chunks, and the version of the code that does it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import assistant.core.sentences
import assistant.core.structure
import ingest.chunk
import ingest.clean
import ingest.readers
import ingest.split
from assistant.core.types import Chunk, Document
from ingest.chunk import chunk_document
from ingest.readers import UnreadableFile, read_lines
from ingest.split import split_documents

_PARSING_CODE = (ingest.readers, ingest.clean, ingest.split, ingest.chunk, assistant.core.structure,
                 assistant.core.sentences)  # fmt: skip


def parser_version() -> str:
    """Hash of the code that turns files into chunks; when it changes, every file is parsed again."""
    digest = hashlib.sha256()
    for module in _PARSING_CODE:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:12]


def parse_file(path: Path) -> tuple[list[Document], list[Chunk]]:
    """Sub-documents and chunks of one file; raises UnreadableFile with a reason."""
    documents = split_documents(read_lines(path), path.name)
    if not documents:
        raise UnreadableFile("geen bruikbare tekst na het opschonen")
    chunks = [chunk for doc in documents for chunk in chunk_document(doc)]
    return documents, chunks
