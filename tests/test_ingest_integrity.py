"""What users rely on after an ingest: no document replaced by a namesake, no stale text after a
change mid-ingest, no parse process left behind by a killed ingest, a clear word when nothing was found."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import ingest.pipeline
from ingest.pipeline import ingest as run_ingest
from tests.conftest import ROOT
from tests.pdfgen import text_pdf, write

A_TEXT = "Verslag van regio Noord: de VNG vraagt om faire tarieven voor de jeugdhulp in de regio."
B_TEXT = "Verslag van regio Zuid: de BGZJ wil de wachtlijsten in de jeugd-ggz terugdringen."


def _texts(index) -> dict[str, str]:
    return {p.meta.source_file: p.text for p in index.passages(index.catalog.chunk_ids()).values()}


def test_files_are_known_by_their_path_within_the_folder(tmp_path, fake_index):
    write(tmp_path / "c" / "a" / "verslag.pdf", text_pdf([A_TEXT]))
    write(tmp_path / "c" / "b" / "verslag.pdf", text_pdf([B_TEXT]))
    report = run_ingest([tmp_path / "c"], index=fake_index)
    assert sorted(r.source_file for r in report.results if r.status == "added") == ["a/verslag.pdf", "b/verslag.pdf"]
    texts = _texts(fake_index)
    assert "Noord" in texts["a/verslag.pdf"] and "Zuid" in texts["b/verslag.pdf"]


def test_a_namesake_from_another_folder_is_reported_and_replaces_nothing(tmp_path, fake_index):
    write(tmp_path / "a" / "verslag.pdf", text_pdf([A_TEXT]))
    write(tmp_path / "b" / "verslag.pdf", text_pdf([B_TEXT]))
    run_ingest([tmp_path / "a"], index=fake_index)
    report = run_ingest([tmp_path / "b"], index=fake_index)
    (result,) = report.results
    assert result.status == "skipped" and "andere naam" in result.reason, result
    assert "Noord" in _texts(fake_index)["verslag.pdf"]
    # the same file, changed in place, is an update as before
    write(tmp_path / "a" / "verslag.pdf", text_pdf([A_TEXT + " Nieuw: een tweede afspraak over de inkoop."]))
    (result,) = run_ingest([tmp_path / "a"], index=fake_index).results
    assert result.status == "updated"
    assert "tweede afspraak" in _texts(fake_index)["verslag.pdf"]


def test_a_file_changed_while_it_is_parsed_is_read_again_on_the_next_run(tmp_path, fake_index, monkeypatch):
    path = write(tmp_path / "c" / "nota.txt", A_TEXT.encode())
    parse = ingest.pipeline.parse_bytes

    def parse_while_the_file_changes(data, suffix, name):
        path.write_bytes(B_TEXT.encode())  # another version lands on disk during parsing
        return parse(data, suffix, name)

    monkeypatch.setattr(ingest.pipeline, "parse_bytes", parse_while_the_file_changes)
    run_ingest([path.parent], index=fake_index, isolate=False)
    assert "Noord" in _texts(fake_index)["nota.txt"]  # the chunks are of the version that was read
    monkeypatch.setattr(ingest.pipeline, "parse_bytes", parse)
    (result,) = run_ingest([path.parent], index=fake_index, isolate=False).results
    assert result.status == "updated"  # the manifest hash was of those same bytes, so the change is seen
    assert "Zuid" in _texts(fake_index)["nota.txt"]


def test_the_parse_child_dies_with_a_killed_ingest(tmp_path):
    script = textwrap.dedent("""
        import sys, time
        import ingest.sandbox
        ingest.sandbox.parse_bytes = lambda *a: time.sleep(600)  # a file that takes forever
        ingest.sandbox.parse_isolated(b"x", ".txt", "traag.txt", seconds=600)
    """)  # fmt: skip
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    child = _wait_for_child(parent.pid)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.1)
    assert not _alive(child), f"parse child {child} outlived its parent"


def _wait_for_child(pid: int) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        if children:
            time.sleep(0.5)  # let it reach the parse
            return int(children[0])
        time.sleep(0.05)
    raise AssertionError("no parse child started")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")  # a zombie no longer runs; only reaping is left to init


def test_an_empty_folder_says_nothing_was_found_and_fails(tmp_path):
    (tmp_path / "leeg").mkdir()
    write(tmp_path / "leeg" / "plaatje.png", b"\x89PNG")
    done = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "--data-dir", str(tmp_path / "d"), "ingest", "--quiet",
         str(tmp_path / "leeg")],
        capture_output=True, text=True, env={**os.environ, "ASSISTANT_EMBEDDER": "minilm"}, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 1
    assert "geen bestanden gevonden" in done.stderr and "Traceback" not in done.stderr


def test_the_cli_shows_names_with_bidi_controls_written_out(tmp_path):
    folder = tmp_path / "c"
    write(folder / "rapport\u202etxt.exe.txt", ("\u202e" + A_TEXT).encode())
    write(Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")), B_TEXT.encode())
    cli = [sys.executable, "-m", "assistant.cli", "--data-dir", str(tmp_path / "d")]
    env = {**os.environ, "ASSISTANT_EMBEDDER": "minilm"}
    ingested = subprocess.run([*cli, "ingest", "--quiet", str(folder)], capture_output=True, text=True, env=env,
                              timeout=300, cwd=ROOT)  # fmt: skip
    listed = subprocess.run([*cli, "docs"], capture_output=True, text=True, env=env, timeout=300, cwd=ROOT)
    shown = ingested.stdout + ingested.stderr + listed.stdout + listed.stderr
    assert "Traceback" not in shown and "Error" not in shown, shown
    assert "rapport[U+202E]txt.exe.txt" in ingested.stdout and "rapport[U+202E]txt.exe.txt" in listed.stdout
    assert "\u202e" not in shown
    assert "caf\ufffd.txt" in ingested.stdout and "geldige UTF-8" in ingested.stdout
