"""Page script; the page itself lives in ui/evaluation.py."""

from ui.evaluation import page

page()
