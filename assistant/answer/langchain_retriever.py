"""The dossier's hybrid retrieval as a LangChain retriever, to put the index into your own chains.

from assistant import DossierRetriever, Index, Settings
retriever = DossierRetriever(index=Index.open(Settings.from_env()), k=6)
docs = retriever.invoke("Wat zei de VNG over faire tarieven?")
"""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LangChainDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import SkipValidation

from assistant.answer.retrieve import retrieve
from assistant.core.dates import iso
from assistant.core.types import Filter, Passage
from assistant.index.index import Index


class DossierRetriever(BaseRetriever):
    """Hybrid (e5 + BM25) retrieval with the dossier's date, meeting and document-type hints."""

    index: SkipValidation[Index]
    k: int = 6
    filter: Filter | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[LangChainDocument]:
        passages = retrieve(query, index=self.index, filters=self.filter, k=self.k).passages
        return [as_langchain_document(p) for p in passages]


def as_langchain_document(p: Passage) -> LangChainDocument:
    """A passage as a LangChain document: its text, and where it is from as metadata."""
    m = p.meta
    return LangChainDocument(
        page_content=p.text,
        id=p.chunk_id,
        metadata={
            "chunk_id": p.chunk_id, "doc_id": m.doc_id, "title": m.title, "doc_type": m.doc_type,
            "meeting": m.meeting, "date": iso(m.date), "source_file": m.source_file,
            "pages": list(p.pages), "section": p.section, "score": p.score,
        },
    )  # fmt: skip
