"""The ingest page: upload PDFs and text files and add them to the index."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import streamlit as st

from assistant.app.common import assistant_for, get_assistant, settings
from assistant.app.render import label
from assistant.core.text import visible
from ingest import Progress, ingest

MAX_MB = 50
KINDS = ["pdf", "txt", "md"]
STATUS_NL = {"added": "toegevoegd", "updated": "bijgewerkt", "unchanged": "ongewijzigd", "skipped": "overgeslagen",
             "failed": "mislukt", "removed": "verwijderd"}  # fmt: skip


def safe_name(name: str) -> str:
    """A file name without folders or odd characters, e.g. '../../x y.pdf' -> 'x_y.pdf'."""
    base = Path(name.replace("\\", "/")).name
    stem, dot, suffix = base.rpartition(".")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem if dot else base).strip("._") or "document"
    suffix = re.sub(r"[^A-Za-z0-9]", "", suffix.lower()) if dot else ""
    return f"{stem[:100]}.{suffix}" if suffix else stem[:100]


def page() -> None:
    """Render the upload form and the per-file results."""
    st.title("Documenten toevoegen")
    target = settings().corpus_dir
    st.caption(
        label(f"Bestanden worden bewaard in {target} en toegevoegd aan de index (max. {MAX_MB} MB per bestand).")
    )
    uploads = st.file_uploader("PDF, .txt of .md", type=KINDS, accept_multiple_files=True)
    if not uploads or not st.button("Toevoegen aan de index", type="primary"):
        show_results()
        return
    target.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    replaced: dict[Path, bytes] = {}  # what an upload overwrote, put back when the upload fails
    rejected: list[dict] = []
    for upload in uploads:
        name = safe_name(upload.name)
        if upload.size > MAX_MB * 1024 * 1024:
            rejected.append({"bestand": name, "status": "overgeslagen", "reden": f"groter dan {MAX_MB} MB"})
            continue
        path = (target / name).resolve()
        if path.parent != target.resolve():
            rejected.append({"bestand": name, "status": "overgeslagen", "reden": "ongeldige bestandsnaam"})
            continue
        if path.is_file():
            replaced[path] = path.read_bytes()
        path.write_bytes(upload.getbuffer())
        saved.append(path)
    bar = st.progress(0.0, text="Bezig ...")

    def progress(p: Progress) -> None:
        share = (p.files_done + (p.chunks_embedded / p.chunks_total if p.chunks_total else 0)) / max(p.files_total, 1)
        bar.progress(min(share, 1.0), text=label(f"{p.file}: {p.chunks_embedded} passages verwerkt"))

    index = get_assistant().index
    report = ingest(saved, index=index, progress=progress) if saved else None
    bar.progress(1.0, text="Klaar")
    failed = {r.source_file for r in (report.results if report else []) if r.status in ("failed", "skipped")}
    for path in saved:
        if path.name not in failed:
            continue
        if path in replaced:  # a failed upload leaves nothing behind, and what it replaced is back
            path.write_bytes(replaced[path])
        else:
            path.unlink(missing_ok=True)
    rows = rejected + [
        {
            "bestand": visible(r.source_file),
            "status": STATUS_NL.get(r.status, r.status),
            "reden": visible(r.reason),
            "documenten": r.documents,
            "passages": r.chunks,
        }  # fmt: skip
        for r in (report.results if report else [])
    ]
    st.session_state["ingest_rows"] = rows
    assistant_for.clear()  # the next question sees the new index state
    show_results()


def show_results() -> None:
    """The last run's per-file table."""
    rows = st.session_state.get("ingest_rows")
    if not rows:
        return
    problems = [r for r in rows if r["status"] in ("overgeslagen", "mislukt")]
    if problems:
        st.error(f"{len(problems)} bestand(en) niet toegevoegd; zie de reden per bestand.")
    else:
        st.success("Alle bestanden zijn verwerkt.")
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
