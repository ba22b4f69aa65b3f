"""Page script; the page itself lives in assistant/app/evaluation.py."""

from assistant.app.evaluation import page

page()
