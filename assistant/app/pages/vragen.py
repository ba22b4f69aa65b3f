"""Page script; the page itself lives in assistant/app/chat.py."""

from assistant.app.chat import page

page()
