"""Page script; the page itself lives in assistant/app/positions.py."""

from assistant.app.positions import afspraken_page

afspraken_page()
