"""Splitting Dutch text into sentences without breaking at 'Dhr.', 'o.a.' or 'jl.'."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00dd•\d(‘'\"])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Dhr|dhr|Mevr|mevr|Mw|mw|Mr|Dr|Drs|Ir|Prof|St|Nr|nr|o\.a|o\.l\.v|m\.n|o\.m|bijv|jl|c\.s|i\.p\.v|e\.d|ca|t\.a\.v|m\.b\.t|i\.c|"
    r"z\.s\.m|d\.w\.z|resp|incl|excl|vs|art|par|blz|p|pag|min|max|mln|mld|mrd)\.|\b[A-Z]\.)$"
)


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph, in order."""
    out: list[str] = []
    for piece in _BOUNDARY.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out
