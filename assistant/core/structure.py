"""Headings of agendapunten and sections, and the section path they build."""

from __future__ import annotations

import re

# "4 Bestuurlijke afspraken", "4) Algemene voortgang", "2.4 Fusietoets", "Ad Afspraak 8: Faire tarieven"
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+([A-Z\u00c0-\u00dd'‘(][^\n]{2,110})$")
_AD = re.compile(r"^(Ad\s+(?:Afspraak\s+\d+|\d{1,2}[a-z]?\)?|[A-Z]\))[^\n]{0,120})$")
HEADING = re.compile(f"{_NUMBERED.pattern}|{_AD.pattern}")


def heading_level(text: str) -> int | None:
    """1 for an agendapunt or chapter, 2 for a sub-item or 'Ad ...' heading, None otherwise."""
    text = text.strip()
    if len(text) > 95 or text.endswith((",", ";")) or re.search(r"\s\d{1,4}$", text):
        return None
    m = _NUMBERED.match(text)
    if m:
        if re.search(r"[.!?]\s+\S", m[2]):  # a whole sentence, not a heading
            return None
        return 1 + m[1].count(".") if not m[1].endswith(".") else 1
    if _AD.match(text):
        return 2
    return None


def clean_heading(text: str) -> str:
    """A heading without trailing time boxes and colons: '4 Bestuurlijke afspraken'."""
    text = re.sub(r"\s*\((?:±|ca\.?\s*)?\s*\d+\s*min[^)]*\)", "", text)
    return text.strip().rstrip(":").strip()


class SectionPath:
    """The current heading at each level while reading a document top to bottom."""

    def __init__(self) -> None:
        self._stack: list[tuple[int, str]] = []

    def update(self, paragraph: str) -> bool:
        """Record `paragraph` if it is a heading; True when it was."""
        level = heading_level(paragraph)
        if level is None:
            return False
        self._stack = [(lvl, text) for lvl, text in self._stack if lvl < level]
        self._stack.append((level, clean_heading(paragraph)[:90]))
        return True

    def __str__(self) -> str:
        return " > ".join(text for _, text in self._stack)
