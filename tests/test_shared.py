"""Shared deployment: a real Chroma server, its outage and recovery, and parallel askers."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.errors import StoreUnavailable
from assistant.core.settings import Settings
from assistant.index.index import Index
from assistant.index.models import make_embedder
from ingest.pipeline import ingest
from tests.pdfgen import write

CHROMA = Path(sys.executable).parent / "chroma"
NOTES = {
    "tarieven.txt": "De VNG wil een handreiking over faire tarieven voor gemeenten. Dhr. Meijer stelt dit voor.",
    "gezinshuis.txt": "De maximumleeftijd in gezinshuizen gaat van 18 naar 21 jaar; gemeenten krijgen 11,4 miljoen.",
    "toezicht.txt": "De Jeugdautoriteit groeit naar een rol als toezichthouder, vergelijkbaar met de NZa.",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    def __init__(self, path: Path, port: int) -> None:
        self.path, self.port, self.proc = path, port, None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("chroma server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def ask_through_cli(data_dir: Path, port: int) -> subprocess.CompletedProcess:
    """`assistant ask` in its own process against the Chroma server on `port`."""
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", "--data-dir", str(data_dir), "--chroma-url", f"http://127.0.0.1:{port}",
         "ask", "faire tarieven"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "ASSISTANT_EMBEDDER": "minilm"},
    )  # fmt: skip


@pytest.fixture
def server(tmp_path):
    chroma = ChromaServer(tmp_path / "chroma-server", free_port())
    chroma.start()
    yield chroma
    if chroma.proc.poll() is None:
        chroma.stop()


@pytest.fixture
def notes(tmp_path) -> Path:
    for name, text in NOTES.items():
        write(tmp_path / "notes" / name, text.encode())
    return tmp_path / "notes"


def test_ingest_and_ask_through_a_chroma_server_survive_its_outage(tmp_path, server, notes):
    settings = Settings.from_env(env={}, data_dir=tmp_path / "d", chroma_url=f"http://127.0.0.1:{server.port}")
    index = Index.open(settings, embedder=make_embedder("minilm"))  # the CLI below opens the same index
    assert index.store.location.startswith("http://127.0.0.1")
    report = ingest([notes], index=index)
    assert report.count("added") == 3 and index.store.count() == index.catalog.counts()["chunks"]
    assistant = Assistant(index=index, refusal_threshold=0.2)
    assert (
        assistant.answer("Wat wil de VNG met faire tarieven?").citations[0].passage.meta.source_file == "tarieven.txt"
    )

    server.stop()
    started = time.perf_counter()
    with pytest.raises(StoreUnavailable) as err:
        assistant.answer("Wat wil de VNG met faire tarieven?")
    assert "niet bereikbaar" in str(err.value) and "ASSISTANT_CHROMA_URL" in str(err.value)
    assert time.perf_counter() - started < 30  # bounded retries

    cli = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "--data-dir", str(tmp_path / "d"), "--chroma-url",
         f"http://127.0.0.1:{server.port}", "stats"], capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert cli.returncode == 0  # stats reads only the catalog
    cli = ask_through_cli(tmp_path / "d", server.port)
    assert cli.returncode == 2 and "niet bereikbaar" in cli.stderr and "Traceback" not in cli.stderr

    server.start()  # same data: the assistant recovers without a restart
    assert assistant.answer("Wat wil de VNG met faire tarieven?").citations


def test_a_frozen_server_ends_in_a_clear_message_within_a_minute(tmp_path, server, notes):
    settings = Settings.from_env(env={}, data_dir=tmp_path / "d", chroma_url=f"http://127.0.0.1:{server.port}")
    index = Index.open(settings, embedder=make_embedder("minilm"))
    ingest([notes], index=index)
    assistant = Assistant(index=index, refusal_threshold=0.2)
    server.proc.send_signal(signal.SIGSTOP)  # the socket accepts but nothing ever answers
    try:
        started = time.perf_counter()
        with pytest.raises(StoreUnavailable) as err:
            assistant.answer("Wat wil de VNG met faire tarieven?")
        assert "geen antwoord binnen" in str(err.value)
        assert time.perf_counter() - started < 60
        started = time.perf_counter()
        cli = ask_through_cli(tmp_path / "d", server.port)
        assert cli.returncode == 2 and "niet bereikbaar" in cli.stderr and "Traceback" not in cli.stderr
        assert time.perf_counter() - started < 60
    finally:
        server.proc.send_signal(signal.SIGCONT)
    assert assistant.answer("Wat wil de VNG met faire tarieven?").citations  # and it recovers


def test_a_server_that_lost_its_data_is_refilled_at_the_next_question(tmp_path, notes):
    port = free_port()
    first = ChromaServer(tmp_path / "srv-a", port)
    first.start()
    url = f"http://127.0.0.1:{port}"
    settings = Settings.from_env(env={}, data_dir=tmp_path / "d", chroma_url=url)
    index = Index.open(settings, embedder=make_embedder("minilm"))
    ingest([notes], index=index)
    assistant = Assistant(index=index, refusal_threshold=0.2)
    first.stop()
    second = ChromaServer(tmp_path / "srv-b", port)  # same address, empty data folder
    second.start()
    try:
        answer = assistant.answer("Wat wil de VNG met faire tarieven?")
        assert answer.citations[0].passage.meta.source_file == "tarieven.txt"
        assert index.store.ids() == index.catalog.chunk_ids()  # not BM25 alone: the vectors are back
    finally:
        second.stop()


def test_a_reset_server_is_refilled_from_the_embedding_cache(tmp_path, notes, fake_embedder):
    first = ChromaServer(tmp_path / "srv-a", free_port())
    first.start()
    try:
        url = f"http://127.0.0.1:{first.port}"
        index = Index.open(Settings.from_env(env={}, data_dir=tmp_path / "d", chroma_url=url), embedder=fake_embedder)
        ingest([notes], index=index)
    finally:
        first.stop()
    second = ChromaServer(tmp_path / "srv-b", free_port())  # an empty server
    second.start()
    try:
        url = f"http://127.0.0.1:{second.port}"
        index = Index.open(Settings.from_env(env={}, data_dir=tmp_path / "d", chroma_url=url), embedder=fake_embedder)
        calls = fake_embedder.calls
        report = ingest([notes], index=index)
        assert report.count("unchanged") == 3
        assert index.store.ids() == index.catalog.chunk_ids() and fake_embedder.calls == calls
    finally:
        second.stop()


def test_eight_parallel_askers_during_an_ingest_all_get_correct_citations(tmp_path, notes, fake_index):
    ingest([notes], index=fake_index)
    assistant = Assistant(index=fake_index, refusal_threshold=0.2)
    more = tmp_path / "more"
    for k in range(40):
        write(more / f"extra{k:02d}.txt", f"Notitie {k} over wachtlijsten, regio {k} en inkoop van jeugdhulp.".encode())
    expected = {
        "Wat wil de VNG met faire tarieven?": "tarieven.txt",
        "Wat gebeurt er met de maximumleeftijd in gezinshuizen?": "gezinshuis.txt",
        "Welke rol krijgt de Jeugdautoriteit als toezichthouder?": "toezicht.txt",
    }
    errors: list[str] = []
    done = threading.Event()

    def asker(n: int) -> None:
        questions = list(expected.items())
        k = 0
        while not done.is_set() or k < 6:
            question, source = questions[(n + k) % len(questions)]
            try:
                answer = assistant.answer(question)
                if not answer.citations or answer.citations[0].passage.meta.source_file != source:
                    errors.append(f"{question} -> {[c.passage.meta.source_file for c in answer.citations]}")
            except Exception as err:  # noqa: BLE001
                errors.append(repr(err))
            k += 1

    threads = [threading.Thread(target=asker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    report = ingest([more], index=fake_index)  # writes while the askers read
    done.set()
    for t in threads:
        t.join(timeout=120)
    assert report.count("added") == 40
    assert not errors, errors[:5]


def test_several_processes_ask_through_one_server_while_another_ingests(tmp_path, server, notes):
    """The shared deployment: app instances are processes that share a data dir and a Chroma server."""
    import json

    url = f"http://127.0.0.1:{server.port}"
    # the English test embedder scores Dutch notes low: a low cut, as in the in-process test above, since this
    # test is about processes sharing a server, not about when to refuse
    env = {**os.environ, "ASSISTANT_EMBEDDER": "minilm", "ASSISTANT_CHROMA_URL": url,
           "ASSISTANT_DATA_DIR": str(tmp_path / "d"), "ASSISTANT_REFUSAL_THRESHOLD": "0.2"}  # fmt: skip
    base = [sys.executable, "-m", "assistant.cli"]
    subprocess.run(base + ["ingest", "--quiet", str(notes)], env=env, check=True, capture_output=True, timeout=300)
    more = tmp_path / "more"
    for k in range(30):
        write(
            more / f"extra{k:02d}.txt",
            f"Notitie {k} over wachtlijsten in regio {k} en de inkoop van jeugdhulp.".encode(),
        )
    batch = tmp_path / "vragen.jsonl"
    questions = [("Wat wil de VNG met faire tarieven?", "tarieven.txt"),
                 ("Wat gebeurt er met de maximumleeftijd in gezinshuizen?", "gezinshuis.txt")] * 5  # fmt: skip
    batch.write_text("\n".join(json.dumps({"id": str(k), "question": q}) for k, (q, _) in enumerate(questions)))
    writer = subprocess.Popen(base + ["ingest", "--quiet", str(more)], env=env, stdout=subprocess.PIPE, text=True)
    ask = base + ["ask", "--batch", str(batch), "--json", "--mode", "extractive"]
    askers = [subprocess.Popen(ask, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(4)]  # fmt: skip
    outputs = [a.communicate(timeout=600) for a in askers]
    writer.communicate(timeout=600)
    assert writer.returncode == 0
    for asker, (out, err) in zip(askers, outputs, strict=True):
        assert asker.returncode == 0, err[-2000:]
        results = [json.loads(line) for line in out.splitlines()]
        assert len(results) == len(questions)
        for result, (_, source) in zip(results, questions, strict=True):
            assert result["citations"] and result["citations"][0]["source_file"] == source
