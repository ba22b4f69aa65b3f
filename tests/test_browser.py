"""One real-browser test: `streamlit run app.py` driven by Playwright in headless Chromium."""

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_app(data_dir: Path):
    """`streamlit run app.py` as a user starts it: no flags beyond the port, so .streamlit/config.toml rules."""
    port = free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir)}
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / f"streamlit-{port}.log", "wb")  # noqa: SIM115 - closed below, after the process
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1"],
        env=env, cwd=ROOT.parent, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        log.close()
        pytest.fail("streamlit did not start: " + (ARTIFACTS / f"streamlit-{port}.log").read_text()[-2000:])
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture
def server(sample_data_dir):
    with streamlit_app(sample_data_dir) as url:
        yield url


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is installed by `make test` (browser-deps)")
def test_ask_in_a_real_browser_and_open_a_source(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )  # fmt: skip
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server, wait_until="domcontentloaded")
        box = page.get_by_test_id("stChatInputTextArea")
        box.wait_for(timeout=60_000)
        box.fill("Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?")
        box.press("Enter")
        # the answer paragraph itself, not its copy in the collapsed "Kopieer antwoord" code block
        answer = (
            page.get_by_role("paragraph")
            .filter(has_text="Volgens het verslag van het BO Rijk-VNG van 6 november 2019: ")
            .first
        )
        answer.wait_for(timeout=90_000)
        source = page.get_by_text("[1] Verslag BO Rijk-VNG 6 november 2019", exact=False).first
        source.click()
        page.get_by_text("Open 001_21f9ad83fa68324c.pdf", exact=False).first.wait_for(timeout=30_000)
        page.get_by_text("de geciteerde tekst is geel gemarkeerd", exact=False).first.wait_for(timeout=30_000)
        image = page.locator("[data-testid='stImage'] img").first
        image.wait_for(timeout=30_000)
        loaded = image.evaluate("img => img.complete && img.naturalWidth > 500")
        image.screenshot(path=str(ARTIFACTS / "source-highlight.png"))
        page.screenshot(path=str(ARTIFACTS / "browser-answer.png"), full_page=True)
        browser.close()
    assert loaded, "the page image did not load"
    assert (ARTIFACTS / "browser-answer.png").stat().st_size > 10_000
    assert (ARTIFACTS / "source-highlight.png").stat().st_size > 10_000


def open_page(pw, url: str, link: str):
    """A headless Chromium showing the app's page `link`."""
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("link", name=link).first.click()
    return browser, page


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is installed by `make test` (browser-deps)")
def test_open_a_statement_at_its_page_in_a_real_browser(server):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser, page = open_page(pw, server, "Standpunten")
        topic = page.get_by_placeholder("bijv. faire tarieven of NvO")
        topic.wait_for(timeout=60_000)
        topic.fill("faire tarieven")
        topic.press("Enter")
        # the rerun with the topic has drawn its thread (in the other tab)
        page.get_by_text("Voorbereiding (Word)").first.wait_for(state="attached", timeout=60_000)
        source = page.locator("details").filter(has_text="Bron: Verslag BO Rijk-VNG 6 november 2019").first
        source.wait_for(timeout=60_000)
        toggle = source.get_by_text(re.compile(r"^Toon pagina \d+")).first
        marked = page.get_by_text("de uitspraak is geel gemarkeerd").locator("visible=true").first
        for _ in range(6):  # a rerun can redraw the expander or the toggle under a click: look again, try again
            try:
                if source.get_attribute("open") is None:
                    source.locator("summary").click(timeout=5_000)
                if not source.locator("input[type=checkbox]").first.is_checked():
                    toggle.click(timeout=8_000)  # the page is rendered only when asked for
                marked.wait_for(timeout=15_000)
                break
            except PlaywrightTimeout:
                page.wait_for_timeout(1_000)
        marked.wait_for(timeout=30_000)
        image = page.locator("[data-testid='stImage'] img").first
        image.wait_for(timeout=30_000)
        loaded = image.evaluate("img => img.complete && img.naturalWidth > 500")
        page.screenshot(path=str(ARTIFACTS / "browser-standpunten.png"), full_page=True)
        browser.close()
    assert loaded, "the page image of the statement did not load"


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is installed by `make test` (browser-deps)")
def test_a_dot_on_the_dossier_timeline_opens_the_documents_of_that_meeting(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, page = open_page(pw, server, "Dossier")
        dots = page.locator("[data-testid='stVegaLiteChart'] g.mark-symbol path")
        dots.first.wait_for(timeout=60_000)
        dots.nth(1).click(force=True)  # the meetings in date order: the second is the BO Rijk-VNG of 6 November 2019
        verslag = page.get_by_role("button", name=re.compile("^Lees Verslag BO Rijk-VNG 6 november 2019"))
        verslag.wait_for(timeout=30_000)
        months = page.locator("[data-testid='stVegaLiteChart']").inner_text()
        verslag.click()
        page.get_by_text("Pagina 21").first.wait_for(timeout=30_000)
        browser.close()
    assert "mrt 2020" in months or "okt 2019" in months  # Dutch month names on the axis


# A document that tries every way we know to make a reader's browser fetch something: Markdown images
# in a heading, a table and the body, raw HTML, CSS url(), autolinks, Streamlit's own :icon: syntax.
HOSTILE = """# Verslag pixeloverleg 3 maart 2020 ![pixel](http://127.0.0.1:9/pixel-heading.png)

## Agendapunt 1 Pixeltarieven <img src="http://127.0.0.1:9/pixel-html.png">

De werkgroep pixeltarieven stelt vast dat de pixeltarieven omlaag moeten, zie http://127.0.0.1:9/pixel-auto.png
en www.pixel.example.org, [klik](http://127.0.0.1:9/pixel-link) en ![foto](http://127.0.0.1:9/pixel-body.png).
<style>body{background:url(http://127.0.0.1:9/pixel-css.png)}</style> <script>alert("pixel")</script>
<iframe src="http://127.0.0.1:9/pixel-frame"></iframe> :material/home: $x$ :red[rood]

| onderwerp | bron |
|---|---|
| pixeltarieven | ![tabel](http://127.0.0.1:9/pixel-table.png) |

De werkgroep pixeltarieven spreekt af dat de pixeltarieven in april 2020 opnieuw worden besproken.
"""


@pytest.fixture
def hostile_data_dir(sample_data_dir, tmp_path):
    """The sample index plus one hostile document, with a hostile file name."""
    from assistant.core.settings import Settings
    from assistant.index.index import Index
    from ingest.pipeline import ingest

    data_dir = tmp_path / "index"
    shutil.copytree(sample_data_dir, data_dir)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pixel ![x](pixel-name.png) <img src=pixel-name2.png>.md").write_text(HOSTILE, encoding="utf-8")
    report = ingest([corpus], index=Index.open(Settings.from_env(env={}, data_dir=data_dir)))
    assert report.count("added") == 1, report.results
    return data_dir


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is installed by `make test` (browser-deps)")
def test_a_hostile_document_makes_no_browser_fetch_anything_on_any_page(hostile_data_dir):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    requests, dialogs = [], []
    with streamlit_app(hostile_data_dir) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url, wait_until="domcontentloaded")
        box = page.get_by_test_id("stChatInputTextArea")
        box.wait_for(timeout=60_000)
        box.fill("Wat stelt de werkgroep pixeltarieven vast over de pixeltarieven?")
        box.press("Enter")
        source = page.get_by_text(re.compile(r"^\[1\] .*Verslag pixeloverleg")).first
        source.wait_for(timeout=90_000)
        source.click()
        page.wait_for_timeout(1500)
        texts = [page.inner_text("body")]
        page.screenshot(path=str(ARTIFACTS / "browser-hostile-chat.png"), full_page=True)
        for name in ("Standpunten", "Afspraken", "Dossier", "Toevoegen", "Evaluatie"):
            page.get_by_role("link", name=name).first.click()
            page.wait_for_timeout(2500)
            if name == "Dossier":
                page.get_by_test_id("stSelectbox").last.click()  # the reader's, below the timeline's
                page.keyboard.type("pixeloverleg")
                # The list re-renders while it filters, so a click can keep finding its option detached
                # (red in a fresh-clone run); Enter takes the option that has the focus once it is shown.
                page.get_by_role("option", name=re.compile("pixeloverleg")).first.wait_for(timeout=30_000)
                page.keyboard.press("Enter")
                page.get_by_text(re.compile("pixeltarieven omlaag moeten")).first.wait_for(timeout=60_000)
                page.wait_for_timeout(1500)
                page.screenshot(path=str(ARTIFACTS / "browser-hostile-dossier.png"), full_page=True)
            texts.append(page.inner_text("body"))
        browser.close()
    own = url.replace("http://", "")
    leaving = [u for u in requests if not re.match(rf"(https?|wss?)://{re.escape(own)}/|data:|blob:", u)]
    fetched_by_document = [u for u in requests if "pixel-" in u]
    (ARTIFACTS / "browser-requests.json").write_text(json.dumps(
        {"requests": requests, "leaving": leaving, "fetched_by_document": fetched_by_document, "dialogs": dialogs},
        indent=1), encoding="utf-8")  # fmt: skip
    assert leaving == [] and fetched_by_document == [] and dialogs == []
    page_text = "\n".join(texts)
    assert "pixeltarieven omlaag moeten" in page_text and "Verslag pixeloverleg" in page_text  # it was shown
    assert "http://127.0.0.1:9/pixel-auto.png" in page_text  # as the text it is
    assert not re.search(r"\\[.:/()\[\]!]", page_text), "backslash-escaped text is visible"
