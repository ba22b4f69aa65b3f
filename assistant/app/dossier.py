"""The dossier page: all sub-documents in a table and on a timeline, and a reader per document."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from assistant.answer.overview import cancellations, overleggen, status
from assistant.app.common import doc_rows, get_assistant
from assistant.app.render import label, paragraphs
from assistant.core.dates import format_nl
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


_STATUSES = {"verslag", "geannuleerd", "niet doorgegaan"}
_MONTHS_NL = "['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']"


@st.cache_data(show_spinner=False, max_entries=4)
def meeting_rows(corpus_version: str) -> list[dict]:
    """One row per overleg: day, series, documents held, status and what says so (cached per corpus version)."""
    index = get_assistant().index
    documents = index.documents()
    meetings = overleggen(documents)
    cancelled = cancellations(meetings, documents, lambda doc_id: index.document(doc_id).text)
    rows = []
    for m in meetings:
        why = cancelled.get((m.meeting, m.day))
        rows.append({
            "dag": m.day.isoformat(), "datum": format_nl(m.day), "overleg": m.meeting,
            "documenten": ", ".join(sorted({d.doc_type for d in m.documents})), "status": status(m, why),
            "waarom": f"{why.source.title}: “{why.sentence}”" if why else "",
            "doc_ids": [d.doc_id for d in m.documents],
        })  # fmt: skip
    return rows


def timeline(frame: pd.DataFrame) -> None:
    """The overleggen on a Dutch timeline, one dot per meeting coloured by its status; a click (or the list
    below it) opens the documents of that day."""
    rows = meeting_rows(get_assistant().index.corpus_version())
    if not rows:
        return
    st.subheader("Overleggen")
    meetings = pd.DataFrame(rows)
    st.dataframe(
        meetings[["datum", "overleg", "documenten", "status", "waarom"]].map(visible), hide_index=True, width="stretch",
        column_config={"waarom": st.column_config.TextColumn("volgens", width="large")},
    )  # fmt: skip
    pick = alt.selection_point(name="dag", fields=["dag", "overleg"])
    chart = (
        alt.Chart(meetings.drop(columns=["doc_ids"]))
        .mark_circle(size=220, opacity=0.85)
        .encode(
            x=alt.X("dag:T", title=None, axis=alt.Axis(
                format="%m %Y", labelExpr=f"{_MONTHS_NL}[month(datum.value)] + ' ' + year(datum.value)")),
            y=alt.Y("overleg:N", title=None),
            color=alt.Color("status:N", title="status", scale=alt.Scale(
                domain=["verslag", "geannuleerd", "niet doorgegaan", *sorted({r["status"] for r in rows} - _STATUSES)],
                range=["#2e7d32", "#c62828", "#ef6c00", "#78909c", "#90a4ae", "#b0bec5"])),
            tooltip=[alt.Tooltip("datum:N", title="datum"), "overleg:N", "documenten:N", "status:N"],
        )
        .add_params(pick)
        .properties(height=220)
    )  # fmt: skip
    event = st.altair_chart(chart, on_select="rerun", key="tijdlijn", width="stretch")
    labels = [f"{r['datum']} — {r['overleg']}" for r in rows]
    clicked = _clicked(event, rows)
    if clicked is not None:
        st.session_state["dag_keuze"] = labels[clicked]
    choice = st.selectbox("Stukken van een overleg", labels, index=None, key="dag_keuze",
                          placeholder="Klik een stip of kies een overleg")  # fmt: skip
    if choice:
        row = rows[labels.index(choice)]
        titles = dict(zip(frame["doc_id"], _reader_labels(frame), strict=True))
        for doc_id in row["doc_ids"]:
            if doc_id in titles:
                st.button(label(f"Lees {titles[doc_id]}"), key=f"lees-{doc_id}", on_click=_open, args=(titles[doc_id],))


def _clicked(event, rows: list[dict]) -> int | None:
    """The row of the dot clicked on the timeline, if any."""
    points = (getattr(event, "selection", None) or {}).get("dag") or []
    for point in points:
        day = point.get("dag")
        if isinstance(day, int | float):  # a temporal field comes back as epoch milliseconds
            day = dt.datetime.fromtimestamp(day / 1000, dt.UTC).date().isoformat()
        for k, row in enumerate(rows):
            if str(day).startswith(row["dag"]) and point.get("overleg") == row["overleg"]:
                return k
    return None


def _reader_labels(frame: pd.DataFrame) -> pd.Series:
    """How the reader lists each document: 'title  (file)'."""
    return frame["title"] + "  (" + frame["source_file"] + ")"


def _open(title: str) -> None:
    st.session_state["reader_doc"] = title


def reader(frame: pd.DataFrame) -> None:
    """The cleaned text of one document, page by page, with redaction codes explained."""
    st.subheader("Lezen")
    titles = dict(zip(_reader_labels(frame), frame["doc_id"], strict=True))
    choice = st.selectbox("Document", list(titles), index=None, placeholder="Kies een document", key="reader_doc")
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
