"""The Standpunten and Afspraken pages: what organisations said per meeting, what was agreed, a topic's thread."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.answer.export import briefing_docx, briefing_markdown, quoted, where
from assistant.answer.positions import Minutes, Said
from assistant.app.chat import page_images, source_path
from assistant.app.common import get_assistant
from assistant.app.render import highlight, label, paragraphs
from assistant.core.dates import format_day, format_nl
from assistant.core.text import visible


def minutes() -> Minutes:
    """The statements and agreements of the shared index."""
    return Minutes(get_assistant().index)


def standpunten_page() -> None:
    """Choose organisations and a topic: the statements per meeting in date order, each openable at its page."""
    st.title("Standpunten")
    st.caption("Wat organisaties in de verslagen zeiden, per overleg, letterlijk en met vindplaats.")
    source = minutes()
    organisations = source.organisations()
    if not organisations:
        st.info("Er zijn nog geen verslagen met sprekers in de index. Voeg documenten toe op de pagina Toevoegen.")
        return
    chosen = st.multiselect("Organisatie", organisations, default=organisations[:1], key="sp_orgs",
                            placeholder="Alle organisaties")  # fmt: skip
    recurring = [o.title for o in source.onderwerpen()]
    st.selectbox("Terugkerend onderwerp", recurring, index=None, key="sp_recurring", on_change=_take_recurring,
                 placeholder="Kies een onderwerp dat in meer overleggen terugkomt")  # fmt: skip
    topic = st.text_input("Onderwerp", key="sp_topic", placeholder="bijv. faire tarieven of NvO")
    found = source.standpunten(organisations=chosen, topic=topic)
    tabs = st.tabs(["Per overleg", "Draad van het onderwerp"])
    with tabs[0]:
        st.caption(f"{len(found)} uitspraken")
        _statements(found)
    with tabs[1]:
        _thread(source, topic, chosen)


def _take_recurring() -> None:
    """A recurring subject chosen fills the topic."""
    if st.session_state.get("sp_recurring"):
        st.session_state["sp_topic"] = st.session_state["sp_recurring"]


def _statements(found: list[Said]) -> None:
    last = None
    for said in found:
        s, m = said.statement, said.meta
        if (m.meeting, m.date) != last:
            last = (m.meeting, m.date)
            st.subheader(label(f"{m.meeting or m.title} — {format_day(m.date)}"))
        st.markdown(f"**{label(s.organisation or 'onbekend')}** · {paragraphs(quoted(s))}")
        with st.expander(label(f"Bron: {where(m, s.pages)}")):
            st.caption(label(s.agendapunt))
            _page(m.source_file, s.pages, s.quote, key=f"sp-{s.doc_id}-{s.start}")  # stable across reruns


def _page(source_file: str, pages: tuple[int, ...], quote: str, *, key: str) -> None:
    """The quote with its opening in bold and, on request, the PDF page with it marked (rendered only when asked:
    a page of statements would otherwise render dozens of PDF pages)."""
    first = " ".join(quote.split()[:30])  # the opening words locate the statement on its page
    st.markdown(highlight(quote, first))
    path = source_path(source_file)
    if path is None or path.suffix.lower() != ".pdf":
        return
    if not st.toggle(f"Toon pagina {pages[0] if pages else ''}", key=key):
        return
    images = page_images(str(path), path.stat().st_mtime, tuple(pages), first)
    for page, png in images:
        st.image(png, caption=f"Pagina {page}: de uitspraak is geel gemarkeerd", width="stretch")
    if not images:
        st.caption("De uitspraak staat niet in de tekstlaag van de PDF; de tekst staat hierboven.")


def _thread(source: Minutes, topic: str, organisations: list[str]) -> None:
    if not topic.strip():
        st.info("Vul een onderwerp in om het door de overleggen heen te volgen.")
        return
    steps = source.tijdlijn(topic, organisations=organisations)
    if not steps:
        st.info(label(f"Geen overleg gevonden over '{topic}'."))
        return
    name = "".join(c if c.isalnum() else "-" for c in topic.lower()).strip("-")[:40] or "onderwerp"
    left, right = st.columns(2)
    left.download_button("Voorbereiding (Word)", data=lambda: briefing_docx(topic, steps),
                         file_name=f"voorbereiding-{name}.docx", key="sp_docx",
                         mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")  # fmt: skip
    right.download_button("Voorbereiding (Markdown)", data=lambda: briefing_markdown(topic, steps),
                          file_name=f"voorbereiding-{name}.md", mime="text/markdown", key="sp_md")  # fmt: skip
    for step in steps:
        st.subheader(label(f"{step.meeting} — {format_nl(step.day)}"))
        for title, _ in step.agenda_items:
            st.markdown(label(f"Agendapunt: {title.split(' > ')[-1]}"))
        for text, meta, pages in step.advice:
            st.markdown(f"*Advies in de nota:* {paragraphs(text.lstrip('• '))}")
            st.caption(label(where(meta, pages)))
        for organisation, said in step.by_organisation().items():
            st.markdown(f"**{label(organisation)}**")
            for s in said:
                st.markdown(f"- {paragraphs(quoted(s.statement))}")
                st.caption(label(where(s.meta, s.statement.pages)))
        for a in step.agreements:
            st.markdown(f"*{a.agreement.kind}:* {paragraphs(a.agreement.text)}")
            st.caption(label(where(a.meta, a.agreement.pages)))


def afspraken_page() -> None:
    """All agreements, decisions and actions by meeting: filter by overleg and soort, search the text."""
    st.title("Afspraken")
    st.caption("Afspraken, besluiten en acties zoals de verslagen ze vastleggen.")
    found = minutes().afspraken()
    if not found:
        st.info("Er zijn nog geen afspraken in de index. Voeg verslagen toe op de pagina Toevoegen.")
        return
    rows = [
        {"datum": a.meta.date, "overleg": visible(a.meta.meeting or a.meta.title), "soort": a.agreement.kind,
         "tekst": visible(a.agreement.text), "wie": visible(a.agreement.actor),
         "agendapunt": visible(a.agreement.agendapunt), "bron": where(a.meta, a.agreement.pages)}
        for a in found
    ]  # fmt: skip
    frame = pd.DataFrame(rows)
    meetings = st.multiselect("Overleg", sorted(frame["overleg"].unique()), key="af_meetings",
                              placeholder="Alle overleggen")  # fmt: skip
    kinds = st.multiselect("Soort", sorted(frame["soort"].unique()), key="af_kinds", placeholder="Alle soorten")
    search = st.text_input("Zoek in de tekst", key="af_search", placeholder="bijv. brief of gezinshuizen")
    if meetings:
        frame = frame[frame["overleg"].isin(meetings)]
    if kinds:
        frame = frame[frame["soort"].isin(kinds)]
    if search:
        frame = frame[frame["tekst"].str.contains(search, case=False, regex=False)]
    st.caption(f"{len(frame)} van {len(rows)} afspraken en acties")
    st.dataframe(frame, hide_index=True, width="stretch",
                 column_config={"datum": st.column_config.DateColumn("Datum", format="DD-MM-YYYY")})  # fmt: skip
