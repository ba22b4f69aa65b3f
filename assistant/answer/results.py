"""Answers as plain JSON-ready dicts (the CLI's and the evaluation's exchange format)."""

from __future__ import annotations

from assistant.core.dates import iso
from assistant.core.types import Answer, Citation, Passage


def citation_json(c: Citation) -> dict:
    """One citation record."""
    m = c.passage.meta
    return {
        "n": c.n, "doc_id": m.doc_id, "chunk_id": c.passage.chunk_id, "title": m.title,
        "doc_type": m.doc_type, "meeting": m.meeting, "meeting_date": iso(m.meeting_date),
        "document_date": iso(m.document_date), "source_file": m.source_file,
        "pages": list(c.passage.pages), "section": c.passage.section, "text": c.passage.text,
        "quote": c.quote,
    }  # fmt: skip


def passage_json(rank: int, p: Passage) -> dict:
    """One retrieved passage."""
    m = p.meta
    return {
        "rank": rank, "doc_id": m.doc_id, "chunk_id": p.chunk_id, "title": m.title,
        "doc_type": m.doc_type, "meeting": m.meeting, "meeting_date": iso(m.meeting_date),
        "document_date": iso(m.document_date), "source_file": m.source_file,
        "pages": list(p.pages), "section": p.section, "score": round(p.score, 6), "text": p.text,
    }  # fmt: skip


def answer_json(answer: Answer, id_: str | None = None) -> dict:
    """The full result record: answer, refusal flag, citations, passages and timings."""
    return {
        "id": id_,
        "question": answer.question,
        "standalone_question": answer.standalone_question,
        "answer": answer.text,
        "refused": answer.refused,
        "evidence": answer.evidence,
        "features": answer.features,
        "implied": list(answer.implied),
        "ignored": list(answer.ignored),
        "citations": [citation_json(c) for c in answer.citations],
        "passages": [passage_json(rank, p) for rank, p in enumerate(answer.passages, start=1)],
        "timings_ms": answer.timings_ms,
    }


def doc_rows(index, doc_type: str | None = None) -> list[dict]:
    """The sub-documents as plain dicts with ISO dates (`index`: an Index, or a bare Catalog)."""
    counts = index.chunk_counts()
    return [
        {
            "doc_id": m.doc_id,
            "doc_type": m.doc_type,
            "title": m.title,
            "meeting": m.meeting,
            "meeting_date": iso(m.meeting_date),
            "document_date": iso(m.document_date),
            "date": iso(m.date),
            "kenmerk": m.kenmerk,
            "source_file": m.source_file,
            "pages": m.pages,
            "chunks": counts.get(m.doc_id, 0),
        }  # fmt: skip
        for m in index.documents()
        if doc_type is None or m.doc_type == doc_type
    ]
