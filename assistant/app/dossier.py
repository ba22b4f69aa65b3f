"""The dossier page: all sub-documents in a table and on a timeline, and a reader per document."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from assistant.app.common import doc_rows, get_assistant
from assistant.app.render import paragraphs
from assistant.core.redactions import meanings
from assistant.core.text import visible


def page() -> None:
    """Render the dossier browser."""
    st.title("Dossier")
    rows = doc_rows()
    if not rows:
        st.info("De index is leeg. Voeg documenten toe op de pagina Toevoegen.")
        return
    frame = pd.DataFrame([{k: visible(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows])
    frame["datum"] = pd.to_datetime(frame["meeting_date"].fillna(frame["document_date"]), errors="coerce")
    frame["pagina's"] = frame["pages"].map(lambda p: f"{p[0]}-{p[-1]}")
    search = st.text_input("Zoek in titels", placeholder="bijv. Rijk-VNG of gezinshuizen")
    types = st.multiselect("Soort", sorted(frame["doc_type"].unique()), placeholder="Alle soorten")
    shown = frame
    if search:
        shown = shown[shown["title"].str.contains(search, case=False, regex=False)]
    if types:
        shown = shown[shown["doc_type"].isin(types)]
    columns = {"doc_type": "Soort", "title": "Titel", "meeting": "Overleg", "meeting_date": "Vergaderdatum",
               "document_date": "Documentdatum", "kenmerk": "Kenmerk", "source_file": "Bestand",
               "pagina's": "Pagina's", "chunks": "Passages"}  # fmt: skip
    st.dataframe(
        shown[list(columns)].fillna(""),
        hide_index=True,
        width="stretch",
        column_config={key: st.column_config.Column(label) for key, label in columns.items()},
    )
    timeline(shown)
    reader(shown)


def timeline(frame: pd.DataFrame) -> None:
    """Meetings and documents over time."""
    dated = frame.dropna(subset=["datum"]).assign(overleg=lambda f: f["meeting"].fillna("overig"))
    if dated.empty:
        return
    st.subheader("Tijdlijn")
    chart = (
        alt.Chart(dated)
        .mark_circle(size=140, opacity=0.8)
        .encode(
            x=alt.X("datum:T", title=None),
            y=alt.Y("overleg:N", title=None),
            color=alt.Color("doc_type:N", title="soort"),
            tooltip=["title", "doc_type", "meeting_date", "document_date", "source_file"],
        )
        .properties(height=260)
    )
    st.altair_chart(chart, width="stretch")


def reader(frame: pd.DataFrame) -> None:
    """The cleaned text of one document, page by page, with redaction codes explained."""
    st.subheader("Lezen")
    titles = dict(zip(frame["title"] + "  (" + frame["source_file"] + ")", frame["doc_id"], strict=True))
    choice = st.selectbox("Document", list(titles), index=None, placeholder="Kies een document")
    if not choice:
        return
    doc = get_assistant().index.document(titles[choice])
    if doc is None:
        st.error("Dit document staat niet meer in de index.")
        return
    starts = list(doc.page_starts) + [(len(doc.text), None)]
    furthest = 0
    for (start, page), (end, _) in zip(starts, starts[1:], strict=False):
        # footnotes are gathered at the end of the text, each with the page it stands on
        name = f"Pagina {page}" if page > furthest else f"Voetnoten van pagina {page}"
        furthest = max(furthest, page)
        with st.expander(name, expanded=start == 0):
            text = doc.text[start:end]
            st.markdown(paragraphs(text))
            meaning = meanings(text)
            if meaning:
                st.caption(f"Lakcodes: {meaning}")
