"""Page script; the page itself lives in assistant/app/dossier.py."""

from assistant.app.dossier import page

page()
