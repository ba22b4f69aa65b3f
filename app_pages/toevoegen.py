"""Page script; the page itself lives in ui/ingest_page.py."""

from ui.ingest_page import page

page()
