"""Page script; the page itself lives in assistant/app/ingest_page.py."""

from assistant.app.ingest_page import page

page()
