"""Checking an answer's citations and language."""

from __future__ import annotations

import re

from assistant.core.text import tokenize

_MARK = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_EN = {"the", "and", "is", "are", "of", "to", "in", "that", "with", "for", "this", "was", "were", "has"}
_NL = {"de", "het", "een", "en", "van", "is", "dat", "die", "niet", "voor", "met", "zijn", "wordt", "ook"}


def renumber(text: str, n_passages: int) -> tuple[str, list[tuple[int, int]]]:
    """Text whose [n] markers point only at given passages, numbered 1.. by first use.

    Markers that point nowhere are removed. Returns the text and (new, old) number pairs.
    """
    mapping: dict[int, int] = {}

    def fix(match: re.Match[str]) -> str:
        kept = []
        for raw in re.split(r"\s*[,;]\s*", match[1]):
            old = int(raw)
            if 1 <= old <= n_passages:
                mapping.setdefault(old, len(mapping) + 1)
                kept.append(f"[{mapping[old]}]")
        return "".join(kept)

    fixed = _MARK.sub(fix, text)
    fixed = re.sub(r"[ \t]+([.,;:])", r"\1", fixed)
    fixed = re.sub(r"[ \t]{2,}", " ", fixed).strip()
    return fixed, [(new, old) for old, new in sorted(mapping.items(), key=lambda kv: kv[1])]


def cited_numbers(text: str) -> list[int]:
    """Every citation number in a text, in order."""
    return [int(n) for group in _MARK.findall(text) for n in re.split(r"\s*[,;]\s*", group)]


def is_english(text: str) -> bool:
    """True when a text reads as English rather than Dutch."""
    words = re.findall(r"[a-z]+", text.lower())
    en = sum(w in _EN for w in words)
    nl = sum(w in _NL for w in words)
    return en >= 3 and en > nl


def best_quote(answer: str, n: int, passage_text: str) -> str:
    """The passage sentence that best supports the answer sentences citing [n]."""
    from assistant.answer.extractive import sentences_of

    claims = " ".join(s for s in re.split(r"(?<=[.!?])\s+", answer) if f"[{n}]" in s)
    claim_terms = set(tokenize(claims))
    candidates = sentences_of(passage_text) or [passage_text[:300]]
    return max(candidates, key=lambda s: len(claim_terms & set(tokenize(s))))
