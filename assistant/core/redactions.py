"""Woo/Wob redaction codes: recognising them in text and saying what they mean."""

from __future__ import annotations

import re

# Wet open overheid (Woo) art. 5.1 and 5.2, and the older Wob art. 10 and 11 that many bundles still cite.
CODES = {
    "5.1.1c": "bedrijfs- en fabricagegegevens die vertrouwelijk zijn meegedeeld (Woo 5.1 lid 1 sub c)",
    "5.1.1d": "bijzondere persoonsgegevens (Woo 5.1 lid 1 sub d)",
    "5.1.1e": "identificatienummers zoals BSN (Woo 5.1 lid 1 sub e)",
    "5.1.2a": "internationale betrekkingen (Woo 5.1 lid 2 sub a)",
    "5.1.2c": "opsporing en vervolging van strafbare feiten (Woo 5.1 lid 2 sub c)",
    "5.1.2d": "inspectie, controle en toezicht (Woo 5.1 lid 2 sub d)",
    "5.1.2e": "eerbiediging van de persoonlijke levenssfeer (Woo 5.1 lid 2 sub e)",
    "5.1.2f": "concurrentiegevoelige bedrijfs- en fabricagegegevens (Woo 5.1 lid 2 sub f)",
    "5.1.2h": "beveiliging van personen en bedrijven (Woo 5.1 lid 2 sub h)",
    "5.1.2i": "het goed functioneren van de staat (Woo 5.1 lid 2 sub i)",
    "5.1.5": "onevenredige benadeling (Woo 5.1 lid 5)",
    "5.2.1": "persoonlijke beleidsopvattingen in intern beraad (Woo 5.2 lid 1)",
    "10.1.c": "vertrouwelijk meegedeelde bedrijfsgegevens (Wob 10 lid 1 sub c)",
    "10.1.d": "bijzondere persoonsgegevens (Wob 10 lid 1 sub d)",
    "10.2.a": "betrekkingen met andere staten (Wob 10 lid 2 sub a)",
    "10.2.b": "economische of financiële belangen van de staat (Wob 10 lid 2 sub b)",
    "10.2.d": "inspectie, controle en toezicht (Wob 10 lid 2 sub d)",
    "10.2.e": "eerbiediging van de persoonlijke levenssfeer: namen en contactgegevens (Wob 10 lid 2 sub e)",
    "10.2.g": "voorkomen van onevenredige bevoordeling of benadeling (Wob 10 lid 2 sub g)",
    "11.1": "persoonlijke beleidsopvattingen in intern beraad (Wob 11 lid 1)",
}
_CODE = re.compile(r"(?<![\d.])(5\.1\.[125][a-i]?|5\.2\.1|10\.[12]\.[a-g]|11\.1)(?![\d])")


def meanings(text: str) -> str:
    """'10.2.e = eerbiediging van de persoonlijke levenssfeer ...; 11.1 = ...' for the codes in a text, or ''."""
    return "; ".join(f"{code} = {meaning}" for code, meaning in codes_in(text).items())


def codes_in(text: str) -> dict[str, str]:
    """The redaction codes that occur in a text, with their meaning, in order of first use."""
    found: dict[str, str] = {}
    for m in _CODE.finditer(text):
        code = m[1]
        found.setdefault(code, CODES.get(code, "lakcode zonder bekende betekenis"))
    return found


def without_codes(text: str) -> str:
    """The text with its redaction codes blanked: '10.2.e' is a mark, not a number."""
    return _CODE.sub(" ", text)
