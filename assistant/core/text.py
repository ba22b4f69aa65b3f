"""The Dutch tokenizer: stemming, stopwords, numbers and Woo codes kept."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

STOPWORDS = frozenset(
    (
        "aan al alle alles als altijd andere ben bij daar dan dat de der deze die dit doch doen "
        "door dus een eens en er ge geen geweest haar had heb hebben heeft hem hen het hier hij "
        "hoe hoeveel hun iemand iets ik in is ja je jij jullie kan kon kunnen maar mag me meer men "
        "met mij mijn moet moeten mogen na naar niet niets nog nu of om omdat onder ons onze ook "
        "op over reeds te tegen toch toen tot u uit uw van veel voor waar waarom wanneer want "
        "waren was wat we wel welke werd werden wezen wie wij wil worden wordt zal ze zei zelf "
        "zich zij zijn zo zonder zou zouden "
    ).split()
)
# 10.2.e, 5.1.2e (Woo codes) | 1.162 / 1.162,5 (numbers with separators) | words | numbers
_TOKEN = re.compile(
    r"\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?[a-z]\b"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    r"|\d+(?:,\d+)?"
    r"|[a-zà-ÿ]+(?:[-'][a-zà-ÿ]+)*"
)
# Raised whenever tokenize() changes what it returns: a BM25 index built with another version is rebuilt.
TOKENIZER_VERSION = 2
_GLUED_FOOTNOTE = re.compile(r"([a-zà-ÿ)]{4,})(\d{1,2})\b")


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


# The linking s of a compound after a first part that takes one: 'strafrechtsketen' and 'strafrechtketen',
# 'leeftijdsgrens' and 'leeftijdgrens' are one word, written both ways in the corpus and in questions.
_LINKING_S = re.compile(r"^([a-zà-ÿ]{2,}?(?:heid|ing|schap|teit|recht|tijd))s(?=[a-zà-ÿ]{4})")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(_LINKING_S.sub(r"\1", word))


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed content tokens; '1.162' becomes '1162', 'Jeugdwet5' becomes 'jeugdwet'."""
    text = _GLUED_FOOTNOTE.sub(r"\1 ", text.lower())
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw[0].isdigit():
            if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
                raw = raw.replace(".", "")
            tokens.append(raw)
            continue
        if raw in STOPWORDS or len(raw) < 2:
            continue
        for part in raw.split("-"):
            if part and part not in STOPWORDS:
                tokens.append(_stem(part))
    return tokens


# Bidi controls reorder what follows ("rapport\u202etxt.exe" reads as "rapportexe.txt"): shown by name.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Other invisible format and control characters (zero-width, BOM, C0/C1 controls but tab and newline): dropped.
_INVISIBLE = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060-\u2064\ufeff]")


def visible(text: str) -> str:
    """Text as it may be shown: bidi controls written out as [U+202E], invisible controls removed, and
    undecodable bytes (lone surrogates from a file name that is not UTF-8) as U+FFFD."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        text = text.encode("utf-8", "replace").decode("utf-8")
    text = _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
    return _INVISIBLE.sub("", text)


_PARTICLE = re.compile(r"^(?:aan|af|bij|door|in|mee|na|om|op|over|toe|uit|voor|terug|vast|weg)(?=[a-z])")


def holds_term(words: set[str], term: str) -> bool:
    """A stemmed term is among a sentence's stemmed words, also as the same compound stem ('gezinshuiz' ~
    'gezinshuis') or as a separable verb written apart."""
    if term in words:
        return True
    particle = _PARTICLE.match(term)  # 'opleveren' is also 'op te leveren'
    if particle and len(term) - particle.end() >= 4 and term[particle.end() :] in words:
        return True
    if len(term) < 7 or term[0].isdigit():
        return False
    stem = term[:-2]
    return any(w.startswith(stem) and abs(len(w) - len(term)) <= 3 for w in words)
