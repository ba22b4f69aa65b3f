"""Page script; the page itself lives in assistant/app/positions.py."""

from assistant.app.positions import standpunten_page

standpunten_page()
