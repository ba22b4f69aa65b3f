"""One real-browser test: `streamlit run app.py` driven by Playwright in headless Chromium."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(sample_data_dir):
    port = free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(sample_data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
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
        pytest.fail("streamlit did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    yield url
    proc.terminate()
    proc.wait(timeout=20)


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
        answer = page.get_by_role("paragraph").filter(
            has_text="Volgens het verslag van het BO Rijk-VNG van 6 november 2019 [1]"
        )
        answer.wait_for(timeout=90_000)
        source = page.get_by_text("[1] Verslag BO Rijk-VNG 6 november 2019", exact=False).first
        source.click()
        page.get_by_text("Open 001_21f9ad83fa68324c.pdf", exact=False).first.wait_for(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "browser-answer.png"), full_page=True)
        browser.close()
    assert (ARTIFACTS / "browser-answer.png").stat().st_size > 10_000
