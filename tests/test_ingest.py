"""Ingest on a real Chroma folder with the bag-of-words embedder: bad input, idempotency, crashes."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.index.index import Index
from ingest.pipeline import ingest
from tests.pdfgen import blank_pdf, encrypted_pdf, text_pdf, write, zero_page_pdf

VERSLAG = (
    "verslag\nBetreft Bestuurlijk Overleg met VWS/JenV/VNG\nVergaderdatum en -tijd 6 november 2019 10:00-11:00\n"
    "1 Opening en mededelingen\nDe voorzitter opent de vergadering.\n"
    "2 Faire tarieven\nDhr. Meijer stelt namens de VNG een handreiking over faire tarieven voor.\n"
)
NOTA = "Werkgroep jeugdhulp\nDe werkgroep adviseert over de inkoop van jeugdhulp door gemeenten en regio's.\n" * 3


def counts(index: Index) -> tuple[int, int, int]:
    """(files in manifest, chunks in catalog, vectors in Chroma)."""
    c = index.catalog.counts()
    return c["files"], c["chunks"], index.store.count()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    write(folder / "verslag.pdf", text_pdf([VERSLAG, "3 Rondvraag\nEr zijn geen vragen over de jeugdzorg."]))
    write(folder / "notitie.txt", NOTA.encode())
    return folder


def test_bad_files_are_reported_by_name_and_the_rest_goes_on(tmp_path, corpus, fake_index):
    first = ingest([corpus], index=fake_index)
    assert first.count("added") == 2 and not first.problems
    before = counts(fake_index)

    bad = tmp_path / "bad"
    write(bad / "afgekapt.pdf", text_pdf([VERSLAG])[:200])
    write(bad / "ruis.pdf", os.urandom(3000))
    write(bad / "versleuteld.pdf", encrypted_pdf())
    write(bad / "geen-paginas.pdf", zero_page_pdf())
    write(bad / "scan.pdf", blank_pdf(3))
    write(bad / "leeg.txt", b"")
    write(bad / "latin1.txt", "Cliëntenorganisaties en jeugdzorg in de regio".encode("latin-1"))
    write(bad / "kopie-van-notitie.txt", NOTA.encode())
    write(bad / "goed.txt", b"Een nieuwe notitie over wachtlijsten in de jeugd-ggz en de rol van gemeenten.")
    report = ingest([bad], index=fake_index)

    reasons = {r.source_file: r.reason for r in report.problems}
    assert "beschadigde" in reasons["afgekapt.pdf"]
    assert "beschadigde" in reasons["ruis.pdf"] or "kan niet gelezen" in reasons["ruis.pdf"]
    assert "versleutelde" in reasons["versleuteld.pdf"]
    assert "zonder pagina" in reasons["geen-paginas.pdf"]
    assert "geen tekstlaag" in reasons["scan.pdf"]
    assert "leeg" in reasons["leeg.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert "zelfde inhoud als notitie.txt" in reasons["kopie-van-notitie.txt"]
    assert [r.source_file for r in report.results if r.status == "added"] == ["goed.txt"]
    files, chunks, vectors = counts(fake_index)
    assert files == before[0] + 1 and chunks > before[1] and vectors == chunks  # nothing lost


def test_cli_reports_skipped_files_without_traceback_and_nonzero_exit(tmp_path, corpus):
    write(corpus / "kapot.pdf", b"%PDF-1.4 dit is geen pdf")
    env = {**os.environ, "ASSISTANT_EMBEDDER": "minilm"}
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "--data-dir", str(tmp_path / "d"), "ingest", "--quiet", str(corpus)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "kapot.pdf" in done.stdout and "beschadigde" in done.stdout
    assert "2 toegevoegd" in done.stdout


def test_unchanged_corpus_costs_no_embedding_and_changes_replace_chunks(corpus, fake_index, fake_embedder):
    ingest([corpus], index=fake_index)
    first = counts(fake_index)
    calls = fake_embedder.calls

    again = ingest([corpus], index=fake_index)
    assert again.count("unchanged") == 2 and again.embedded == 0 and fake_embedder.calls == calls
    assert counts(fake_index) == first
    version = again.corpus_version

    write(corpus / "notitie.txt", (NOTA + "Nieuw: de werkgroep wil een landelijk expertisecentrum.\n").encode())
    changed = ingest([corpus], index=fake_index)
    assert changed.count("updated") == 1 and changed.corpus_version != version
    files, chunks, vectors = counts(fake_index)
    assert files == 2 and vectors == chunks
    texts = [t for _, t in fake_index.catalog.chunk_texts()]
    assert sum("expertisecentrum" in t for t in texts) == 1
    assert fake_index.store.ids() == fake_index.catalog.chunk_ids()  # no stale vector left


def test_prune_drops_files_that_disappeared(corpus, fake_index):
    ingest([corpus], index=fake_index)
    (corpus / "notitie.txt").unlink()
    report = ingest([corpus], index=fake_index, prune=True)
    assert [r.source_file for r in report.results if r.status == "removed"] == ["notitie.txt"]
    assert counts(fake_index)[0] == 1
    assert fake_index.store.ids() == fake_index.catalog.chunk_ids()


def test_orphan_vectors_from_a_crash_are_never_retrievable_and_get_cleaned(corpus, fake_index):
    ingest([corpus], index=fake_index)
    # a crash between writing vectors and committing the catalog leaves vectors nobody owns
    import numpy as np

    fake_index.store.upsert(["orphan-1"], np.ones((1, 256), dtype=np.float32) / 16, [{"source_file": "notitie.txt"}])
    from assistant.answer.retrieve import retrieve

    hits = retrieve("werkgroep jeugdhulp", index=fake_index).passages
    assert hits and all(p.chunk_id != "orphan-1" for p in hits)
    ingest([corpus], index=fake_index)
    assert "orphan-1" not in fake_index.store.ids()


def test_killed_ingest_then_rerun_leaves_no_duplicates(tmp_path):
    """SIGKILL a real ingest subprocess midway, run it again, count chunks and manifest entries."""
    corpus = tmp_path / "many"
    for n in range(30):
        body = "\n".join(f"Punt {k}: de gemeente {n} bespreekt wachttijden, tarieven en regie {k}." for k in range(40))
        write(corpus / f"doc{n:02d}.txt", body.encode())
    data = tmp_path / "d"
    cmd = [sys.executable, "-m", "assistant.cli", "--data-dir", str(data), "ingest", "--quiet", str(corpus)]
    env = {**os.environ, "ASSISTANT_EMBEDDER": "minilm"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = data / "state.sqlite"
    deadline = time.time() + 240
    from assistant.index.catalog import Catalog

    while time.time() < deadline:  # wait until some but not all files are committed
        if state.exists():
            try:
                if Catalog(state).counts()["files"] >= 3:
                    break
            except Exception:
                pass
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = Catalog(state).counts()["files"]
    assert 0 < partial < 30, partial

    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    from assistant.core.settings import Settings
    from assistant.index.vectors import ChromaStore

    catalog = Catalog(state)
    ids = catalog.chunk_ids()
    assert catalog.counts()["files"] == 30
    assert len(ids) == catalog.counts()["chunks"]
    assert ChromaStore(Settings.from_env(env={}, data_dir=data)).ids() == ids


def test_new_parser_version_reparses_only_what_it_must_and_reuses_embeddings(corpus, fake_index, fake_embedder,
                                                                            monkeypatch):  # fmt: skip
    import ingest.pipeline as pipeline

    ingest([corpus], index=fake_index)
    version = fake_index.catalog.corpus_version()
    calls = fake_embedder.calls
    monkeypatch.setattr(pipeline, "parser_version", lambda: "a-newer-parser")
    again = ingest([corpus], index=fake_index)
    assert again.count("updated") == 2 and again.embedded == 0 and fake_embedder.calls == calls  # cache hit
    assert {r.parser for r in fake_index.catalog.files().values()} == {"a-newer-parser"}
    assert fake_index.catalog.corpus_version() != version
    assert ingest([corpus], index=fake_index).count("unchanged") == 2
