"""Page script; the page itself lives in ui/chat.py."""

from ui.chat import page

page()
