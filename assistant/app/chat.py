"""The chat page: questions, answers with inline citations and an expandable 'Bronnen' list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from assistant.answer.export import conversation_docx, nota_html, nota_markdown
from assistant.app.common import get_assistant, sidebar_filters
from assistant.app.render import highlight, inert, label, paragraphs
from assistant.core.dates import format_nl
from assistant.core.redactions import meanings
from assistant.core.types import Answer, Citation, DocMeta, Passage, page_span
from assistant.index.pages import locate, render

GENERAL = (
    "Welke overleggen zijn er geweest?",
    "Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?",
    "Wat is er afgesproken over de maximumleeftijd in gezinshuizen?",
    "Welke rol krijgt de Jeugdautoriteit volgens de Kamerbrief Perspectief voor de Jeugd?",
)  # tried after the dossier's own questions, shown only when the dossier answers them


def candidate_questions(documents: list[DocMeta]) -> list[tuple[str, str | None]]:
    """(question, doc_id) drawn from the dossier itself: about its most recent verslagen and its Kamerbrieven."""
    verslagen = sorted((d for d in documents if d.doc_type == "verslag" and d.meeting and d.meeting_date),
                       key=lambda d: d.meeting_date, reverse=True)  # fmt: skip
    out = []
    for d in verslagen[:4]:
        when = format_nl(d.meeting_date)
        out += [(f"Wat is er afgesproken in het {d.meeting} van {when}?", d.doc_id),
                (f"Wat zei de VNG in het {d.meeting} van {when}?", d.doc_id)]  # fmt: skip
    for d in documents:
        if d.doc_type == "kamerbrief":
            out.append((f"Wat staat er in de Kamerbrief '{d.title.removeprefix('Kamerbrief: ')}'?", d.doc_id))
    return [(GENERAL[0], None), *out, *((question, None) for question in GENERAL[1:])]


@st.cache_data(max_entries=4, show_spinner=False)
def example_questions(corpus_version: str, n: int = 3) -> list[str]:
    """Up to `n` questions the dossier answers: about its own meetings and letters, answered from that very
    document, then general ones (tried once per corpus version)."""
    assistant = replace(get_assistant(), llm=None)  # trying them costs no model calls
    good = []
    for question, doc_id in candidate_questions(assistant.index.documents()):
        answer = assistant.answer(question)
        if not answer.refused and doc_id in (None, answer.citations[0].passage.meta.doc_id):
            good.append(question)
            if len(good) == n:
                break
    return good


def page() -> None:
    """Render the chat."""
    filters = sidebar_filters()
    st.session_state["filters"] = filters  # for answers asked again without an implied filter
    st.title("Vraag het dossier jeugdzorg")
    messages: list[dict] = st.session_state.setdefault("messages", [])
    left, right = st.columns([4, 1])
    left.caption("Antwoorden komen alleen uit de documenten in de index, met bronvermelding.")
    if right.button("Nieuw gesprek", icon=":material/add_comment:", width="stretch"):
        messages.clear()
        st.rerun()

    for k, message in enumerate(messages):
        with st.chat_message(message["role"]):
            if message["role"] == "user":
                st.markdown(inert(message["content"]))
            else:
                render_answer(message["answer"], key=f"m{k}")

    question = st.chat_input("Stel een vraag over het dossier ...")
    if not messages and not question:
        st.markdown("**Bijvoorbeeld:**")
        for example in example_questions(get_assistant().index.corpus_version()):
            if st.button(label(example), key=f"ex-{example}"):
                question = example
    if question:
        ask(question, messages, filters)
    turns = [(q["content"], a["answer"]) for q, a in zip(messages[::2], messages[1::2], strict=False)]
    if turns:  # the Word file is made when the button is clicked, not at every rerun
        st.download_button("Gesprek met bronnen als Word-bestand", lambda: conversation_docx(turns),
                           file_name="gesprek-dossier-jeugdzorg.docx", icon=":material/description:",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")  # fmt: skip


def ask(question: str, messages: list[dict], filters) -> None:
    """Answer a question and keep it in the history.

    A language model's raw reply is never shown: it may cite passages that do not exist or carry a
    document's instructions. Its sentences appear as they are completed and pass the checks."""
    history = [{"role": m["role"], "content": m["content"]} for m in messages]
    messages.append({"role": "user", "content": question})
    with st.chat_message("user"):
        st.markdown(inert(question))
    with st.chat_message("assistant"):
        placeholder = st.empty()

        def on_text(text: str) -> None:  # the checked answer so far, while a language model writes
            placeholder.markdown(paragraphs(text) + " ▌")

        documents = len(get_assistant().index.documents())
        with st.spinner(f"Zoekt in {documents} documenten ..."):
            answer = get_assistant().answer(question, history=history, filters=filters, on_text=on_text)
        placeholder.empty()
        render_answer(answer, key=f"m{len(messages)}")
    messages.append({"role": "assistant", "content": answer.text, "answer": answer})


def render_answer(answer: Answer, *, key: str) -> None:
    """An answer with its sources; a refusal shows what came closest."""
    if answer.standalone_question:
        st.caption(f"Opgevat als: {label(answer.standalone_question)}")
    if answer.refused:
        st.warning(paragraphs(answer.text), icon=":material/search_off:")
    else:
        st.markdown(paragraphs(answer.text))
        if answer.citations:
            with st.container(horizontal=True):
                for c in answer.citations:
                    with st.popover(f"[{c.n}]", help="Waar deze zin vandaan komt"):
                        st.markdown(f"**{label(_where(c))}**")
                        st.markdown(f"“{inert(c.quote)}”")
                        _redaction_note(c.quote)
    if answer.implied:  # our own words for what the question named (known series, dates), not a document's
        st.pills(
            "Gelezen uit de vraag (klik weg om zonder te zoeken)", list(answer.implied),
            selection_mode="multi", default=[x for x in answer.implied if x not in answer.ignored],
            key=f"{key}-implied", on_change=_ask_again, args=(key, answer),
        )  # fmt: skip
    st.caption(f"{answer.timings_ms.get('total', 0.0):.0f} ms")
    if answer.citations:
        st.markdown("**Bronnen**")
        for c in answer.citations:
            render_source(c, key=f"{key}-{c.n}")
        also = _also_seen(answer)
        if also:
            with st.expander(f"Ook bekeken ({len(also)}), niet geciteerd"):
                for line in also:
                    st.markdown(label(line))
        with st.expander("Kopieer als nota-tekst"):
            st.caption("Met voetnoten in plaats van [n]; kopieer met de knop rechtsboven, of download.")
            nota = nota_markdown(answer)
            st.code(nota, language=None, wrap_lines=True)
            with st.container(horizontal=True):  # the rich text is made when its button is clicked
                st.download_button("Markdown (.md)", nota, file_name="antwoord.md", mime="text/markdown",
                                   key=f"{key}-md")  # fmt: skip
                st.download_button("Opgemaakte tekst (.html)", lambda: nota_html(answer), file_name="antwoord.html",
                                   mime="text/html", key=f"{key}-html")  # fmt: skip
    elif answer.passages:
        with st.expander("Dichtstbijzijnde passages"):
            for p in answer.passages[:5]:
                st.markdown(f"**{label(p.meta.title)}** · p. {page_span(p.pages)}")
                st.markdown(paragraphs(p.text[:600]))


def render_source(c: Citation, *, key: str) -> None:
    """One citation: metadata line, the PDF page with the quote marked (or the passage with it in bold),
    the passage text, PDF download."""
    m, p = c.passage.meta, c.passage
    with st.expander(label(f"[{c.n}] {_where(c)}")):
        st.caption(label(" · ".join(x for x in (m.meeting, p.section, m.source_file) if x)))
        path = source_path(m.source_file)
        images = page_images(str(path), path.stat().st_mtime, tuple(p.pages), c.quote) if path else []
        if images:
            tabs = st.tabs([f"Pagina {page}" for page, _ in images] + ["Tekst van de passage"])
            for tab, (page, png) in zip(tabs, images, strict=False):
                tab.image(png, caption=f"Pagina {page}: de geciteerde tekst is geel gemarkeerd", width="stretch")
            text_tab = tabs[-1]
        else:
            why = "geen PDF" if path is None or path.suffix.lower() != ".pdf" else "de zin staat niet in de tekstlaag"
            st.caption(f"Geen paginabeeld ({why}); de geciteerde zin is hieronder vet gemarkeerd.")
            text_tab = st.container()
        text_tab.markdown(highlight(p.text, c.quote))
        _redaction_note(p.text)
        if path is not None:  # the file is read when the button is clicked, not at every rerun
            st.download_button(
                label(f"Open {m.source_file} (pagina {p.pages[0]})"), data=path.read_bytes,
                file_name=path.name, mime="application/pdf" if path.suffix == ".pdf" else "text/plain", key=key,
            )  # fmt: skip


@st.cache_data(max_entries=128, show_spinner=False)
def page_images(path: str, mtime: float, pages: tuple[int, ...], quote: str) -> list[tuple[int, bytes]]:
    """(page, PNG) of each page the quote stands on, marked; [] when it is not a PDF or not found.
    Cached per file version (`mtime`), pages and quote."""
    return [(marks.page, render(Path(path), marks)) for marks in locate(Path(path), pages, quote)]


def _ask_again(key: str, answer: Answer) -> None:
    """The question of message `key` asked again without the implied filters the user clicked away."""
    kept = set(st.session_state.get(f"{key}-implied") or ())
    ignore = [x for x in answer.implied if x not in kept]
    messages = st.session_state["messages"]
    k = int(key.removeprefix("m"))
    history = [{"role": m["role"], "content": m["content"]} for m in messages[: k - 1]]
    again = get_assistant().answer(
        messages[k - 1]["content"], history=history, filters=st.session_state.get("filters"), ignore=ignore
    )
    messages[k] = {"role": "assistant", "content": again.text, "answer": again}


def _where(c: Citation) -> str:
    """'Verslag BO Rijk-VNG 6 november 2019 · verslag · 2019-11-06 · p. 25' for a citation."""
    return _describe(c.passage)


def _describe(p: Passage) -> str:
    """A passage's document, type, date and pages on one line."""
    m = p.meta
    when = m.date.isoformat() if m.date else "zonder datum"
    return f"{m.title} · {m.doc_type} · {when} · p. {page_span(p.pages)}"


def _redaction_note(text: str) -> None:
    """What the Woo/Wob codes in a text mean ('10.2.e: weggelakt, persoonlijke levenssfeer')."""
    meaning = meanings(text)
    if meaning:
        st.caption(f"Weggelakt: {meaning}")


def _also_seen(answer: Answer) -> list[str]:
    """The retrieved documents no citation points at, once each, in retrieval order."""
    cited = {c.passage.meta.doc_id for c in answer.citations}
    lines: dict[str, str] = {}
    for p in answer.passages:
        m = p.meta
        if m.doc_id not in cited and m.doc_id not in lines:
            lines[m.doc_id] = _describe(p)
    return list(lines.values())


def source_path(source_file: str) -> Path | None:
    """Where the indexed file lives, if it is still there."""
    record = get_assistant().index.files().get(source_file)
    path = Path(record.path) if record else None
    return path if path is not None and path.is_file() else None
