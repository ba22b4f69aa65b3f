"""Page script; the page itself lives in ui/dossier.py."""

from ui.dossier import page

page()
