"""Chunking sub-documents along their agendapunten and sections."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from assistant.core.dates import format_nl
from assistant.core.sentences import split_sentences
from assistant.core.structure import SectionPath
from assistant.core.types import Chunk, Document

# multilingual-e5-small reads 512 tokens. The estimate below counts 3.3 characters a token; the real
# tokenizer averages 4.0 on this corpus, so 420 estimated tokens stay under about 490 real ones.
MAX_TOKENS = 420
OVERLAP_TOKENS = 80
MIN_TOKENS = 90  # a section shorter than this shares its chunk with the next one


def estimate_tokens(text: str) -> int:
    """A cheap token estimate for multilingual-e5 on Dutch text."""
    return int(len(text) / 3.3) + 1


@dataclass
class _Piece:
    text: str
    start: int
    end: int
    section: str


def chunk_document(
    doc: Document,
    *,
    max_tokens: int = MAX_TOKENS,
    overlap_tokens: int = OVERLAP_TOKENS,
    count_tokens: Callable[[str], int] = estimate_tokens,
) -> list[Chunk]:
    """Chunks that follow the document's sections, with overlap, each with section and pages."""
    pieces = list(_pieces(doc, max_tokens, count_tokens))
    chunks: list[Chunk] = []
    group: list[_Piece] = []

    def flush() -> None:
        if not group:
            return
        text = "\n".join(p.text for p in group)
        start, end = group[0].start, group[-1].end
        weight: dict[str, int] = {}
        for p in group:
            weight[p.section] = weight.get(p.section, 0) + len(p.text)
        section = max(weight, key=weight.get)  # a short section merged into the next one names neither alone
        chunks.append(_make_chunk(doc, len(chunks), text, section, doc.pages_of(start, end)))

    for piece in pieces:
        size = sum(count_tokens(p.text) for p in group)
        new_section = group and piece.section != group[-1].section and size >= MIN_TOKENS
        if group and (new_section or size + count_tokens(piece.text) > max_tokens):
            flush()
            # overlap: carry trailing pieces of the same section into the next chunk
            carry: list[_Piece] = []
            if not new_section:
                for p in reversed(group):
                    if sum(count_tokens(c.text) for c in carry) + count_tokens(p.text) > overlap_tokens:
                        break
                    carry.insert(0, p)
            group = carry
        group.append(piece)
    flush()
    return chunks


def _pieces(doc: Document, max_tokens: int, count_tokens: Callable[[str], int]):
    """Paragraphs (long ones cut at sentence ends), each tagged with its section path."""
    path = SectionPath()
    offset = 0
    for para in doc.text.split("\n"):
        start, end = offset, offset + len(para)
        offset = end + 1
        if not para.strip():
            continue
        path.update(para)
        section = str(path)
        if count_tokens(para) <= max_tokens // 2:
            yield _Piece(para, start, end, section)
            continue
        pos = start
        for sentence in _split_long(para, max_tokens // 2, count_tokens):
            yield _Piece(sentence, pos, pos + len(sentence), section)
            pos += len(sentence) + 1


def _split_long(text: str, budget: int, count_tokens: Callable[[str], int]) -> list[str]:
    out: list[str] = []
    for sentence in split_sentences(text):
        if out and count_tokens(out[-1]) + count_tokens(sentence) <= budget:
            out[-1] += " " + sentence
        else:
            while count_tokens(sentence) > budget * 2:  # a run-on without sentence ends
                width = int(budget * 3.3)
                cut = sentence.rfind(" ", 0, width)
                if cut <= 0:  # no space to cut at: cut inside the word
                    cut = width
                out.append(sentence[:cut])
                sentence = sentence[cut:].lstrip()
            out.append(sentence)
    return out


def context_line(doc: Document, section: str) -> str:
    """'Verslag BO Rijk-VNG 6 november 2019 | 4 Bestuurlijke afspraken > Ad Afspraak 8'."""
    meta = doc.meta
    parts = [meta.title]
    when = meta.date
    if when and format_nl(when) not in meta.title:
        parts.append(format_nl(when))
    head = " ".join(parts)
    return f"{head} | {section}" if section else head


def _make_chunk(doc: Document, ordinal: int, text: str, section: str, pages: list[int]) -> Chunk:
    digest = hashlib.sha1(f"{doc.meta.doc_id}:{ordinal}:{text}".encode()).hexdigest()[:16]
    return Chunk(
        chunk_id=f"{doc.meta.doc_id}-{ordinal:04d}-{digest}",
        doc_id=doc.meta.doc_id,
        ordinal=ordinal,
        text=text,
        section=section,
        pages=tuple(pages),
        context=context_line(doc, section),
    )
