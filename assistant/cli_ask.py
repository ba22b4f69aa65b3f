"""`assistant ask`: one question or a batch file, as text or JSON."""

from __future__ import annotations


def add_ask_parser(sub) -> None:
    """Register the ask command."""
    p = sub.add_parser("ask", help="ask a question in Dutch")
    p.add_argument("question", nargs="?")
    p.set_defaults(func=lambda args, settings: print("not yet") or 2)
