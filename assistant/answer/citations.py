"""Checking an answer's citations and language."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.answer.extractive import sentences_of, with_number
from assistant.core.sentences import split_sentences
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
    """True when a text reads as English rather than Dutch; quoted Dutch inside it does not count."""
    words = re.findall(r"[a-z]+", _QUOTED.sub(" ", text).lower())
    en = sum(w in _EN for w in words)
    nl = sum(w in _NL for w in words)
    return en >= 3 and en > nl


_QUOTED = re.compile(r"[\"“„‘'][^\"“”„‘’']{12,}[\"”’']")
_LINK = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+", re.I)
_INSTRUCTION = re.compile(
    r"^\W*(?:log|klik|ga naar|bezoek|open|stuur|mail|bel|vul|download|installeer|voer|negeer|wijzig|bevestig|"
    r"deel|scan)\b|\blog(?:t|)\s+(?:opnieuw\s+)?in\b|\bwachtwoord\b|\binloggegevens\b",
    re.I,
)
MIN_SUPPORT = 0.5  # a sentence's cited passages must hold more than this share of its content words; not tuned
# (there is no LLM evaluation data offline): "most of what it says is in the source"


def supported_sentences(text: str, sources: list[str], min_support: float = MIN_SUPPORT) -> tuple[str, int]:
    """The text without the sentences its sources do not carry, and how many were dropped.

    `sources` are what the model was given, numbered from 1 as in the prompt. A sentence citing [n]
    must have more than `min_support` of its content words in those passages; an uncited one in one
    passage, whose number it then gets, so that every sentence carries its citation. A
    link not in a cited passage, and any instruction to the reader (log in, click, mail ...), is
    dropped whatever a passage says: a document may carry an attack, the answer must not pass it on.
    """
    words_of = [_words(source) for source in sources]
    everything = set().union(*words_of) if words_of else set()
    lines, dropped = [], 0
    for line in text.split("\n"):
        kept = []
        for sentence in _sentences(line.strip()):
            checked = _checked(sentence, sources, words_of, everything, min_support)
            if checked is None:
                dropped += 1
            else:
                kept.append(checked)
        if kept or not line.strip():
            lines.append(line[: len(line) - len(line.lstrip())] + " ".join(kept))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip(), dropped


@lru_cache(maxsize=64)
def _words(source: str) -> frozenset[str]:
    """The content words of a passage (cached: a streamed answer is checked again at every sentence)."""
    return frozenset(tokenize(source))


_TITLE_END = re.compile(r"\b(?:dhr|mevr|mw|mr|dr|drs|ir|prof)\.$", re.I)


def _sentences(line: str) -> list[str]:
    """Sentences of a line of model output; 'volgens dhr. Meijer' is one (the split knows only 'Dhr.')."""
    out: list[str] = []
    for piece in split_sentences(line) if line else []:
        if out and _TITLE_END.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _checked(sentence: str, sources: list[str], words_of: list[set[str]], everything: set[str], min_support: float):
    """The sentence (with the number of the passage that carries it, when it cited none), or None."""
    cited = [n for n in cited_numbers(sentence) if 1 <= n <= len(sources)]
    words = set(tokenize(_MARK.sub(" ", sentence)))
    if not cited and words and words_of:
        best = max(range(len(sources)), key=lambda k: len(words & words_of[k]))
        if len(words & words_of[best]) / len(words) > min_support:
            cited, sentence = [best + 1], with_number(sentence, best + 1)
    support = set().union(*(words_of[n - 1] for n in cited)) if cited else everything
    held = len(words & support) / len(words) if words else 1.0
    links = _LINK.findall(sentence)
    foreign_link = any(all(link not in sources[n - 1] for n in cited) for link in links) if cited else bool(links)
    if held <= min_support or foreign_link or _INSTRUCTION.search(sentence):
        return None
    return sentence


def best_quote(answer: str, n: int, passage_text: str) -> str:
    """The passage sentence that best supports the answer sentences citing [n]."""
    claims = " ".join(s for s in re.split(r"(?<=[.!?])\s+", answer) if f"[{n}]" in s)
    claim_terms = set(tokenize(claims))
    candidates = sentences_of(passage_text) or [passage_text[:300]]
    return max(candidates, key=lambda s: len(claim_terms & set(tokenize(s))))
