"""Shared resources and widgets of the Streamlit app: built once, reused on every rerun."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.answer.assistant import Assistant
from assistant.app.render import inert
from assistant.core.settings import Settings
from assistant.core.text import visible
from assistant.core.types import Filter


def settings() -> Settings:
    """Settings from the environment (ASSISTANT_*)."""
    return Settings.from_env()


@st.cache_resource(show_spinner="Index en model laden ...")
def assistant_for(settings: Settings) -> Assistant:
    """The assistant over the configured index; built once per process."""
    from assistant import open_assistant

    return open_assistant(settings)


def get_assistant() -> Assistant:
    """The shared assistant for the current settings."""
    return assistant_for(settings())


def doc_rows() -> list[dict]:
    """Sub-documents with metadata and chunk counts (cheap: one SQLite query)."""
    from assistant.answer.results import doc_rows as rows

    return rows(get_assistant().index)


def sidebar_filters() -> Filter:
    """Filters for doc_type, meeting series, date range and source file, and the index status."""
    rows = doc_rows()
    with st.sidebar:
        st.header("Filters")
        types = st.multiselect(
            "Documentsoort", sorted({r["doc_type"] for r in rows}), key="f_types", placeholder="Alle soorten"
        )
        meetings = st.multiselect(
            "Overleg",
            sorted({r["meeting"] for r in rows if r["meeting"]}),
            key="f_meetings",
            placeholder="Alle overleggen",
        )
        files = st.multiselect(
            "Bronbestand",
            sorted({r["source_file"] for r in rows}),
            format_func=visible,
            key="f_files",
            placeholder="Alle bestanden",
        )
        use_dates = st.toggle("Beperk tot periode", key="f_use_dates")
        date_from = date_to = None
        if use_dates:
            dates = sorted(dt.date.fromisoformat(r["date"]) for r in rows if r["date"])
            low, high = (dates[0], dates[-1]) if dates else (dt.date(2015, 1, 1), dt.date.today())
            picked = st.date_input("Periode", value=(low, high), format="DD-MM-YYYY", key="f_dates")
            if isinstance(picked, tuple) and len(picked) == 2:
                date_from, date_to = picked
        status_box(rows)
    return Filter(tuple(types), tuple(meetings), tuple(files), date_from, date_to)


def status_box(rows: list[dict]) -> None:
    """Embedder, answer backend, index location and corpus version, with counts."""
    assistant = get_assistant()
    cfg = assistant.index.settings
    counts = assistant.index.counts()
    backend = f"LLM: {cfg.llm_model or cfg.llm_gguf}" if assistant.llm is not None else "extractief (offline)"
    st.divider()
    st.caption("Status")
    st.markdown(
        f"- **Embedder:** {inert(assistant.index.embedder_name)}\n"
        f"- **Antwoorden:** {inert(backend)}\n"
        f"- **Index:** {'Chroma-server ' + inert(cfg.chroma_url) if cfg.chroma_url else 'op deze computer'}\n"
        f"- **Corpusversie:** `{assistant.index.corpus_version()}`\n"
        f"- {counts['files']} bestanden, {counts['documents']} documenten, {counts['chunks']} passages"
    )
