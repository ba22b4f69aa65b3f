"""Reading PDFs (through pypdf) and text files into page-numbered lines."""

from __future__ import annotations

import io
import logging
import re
import zlib
from pathlib import Path

import pypdf
from pypdf.errors import PdfReadError, PyPdfError

from assistant.core.types import Line

SUPPORTED = {".pdf", ".txt", ".md"}
MIN_TEXT_CHARS = 20  # fewer characters than this in a whole file means: no text layer
MAX_PAGES = 5000
MAX_TEXT_BYTES = 20 << 20  # a .txt or .md larger than this is not one document of a dossier

logging.getLogger("pypdf").setLevel(logging.ERROR)


class UnreadableFile(Exception):
    """A file that cannot be ingested: `reason` says why, in Dutch, for the user; `detail` is for the log."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def read_lines(path: Path) -> list[Line]:
    """All text lines of a PDF, .txt or .md file, each with its page number."""
    return lines_of(path.read_bytes(), path.suffix)


def lines_of(data: bytes, suffix: str) -> list[Line]:
    """The text lines in a file's bytes (`suffix` says which kind of file), each with its page number.

    Text that is not language (no word boundaries, mostly control characters) is refused here, and
    runs of more than MAX_WORD characters without a space (no word is that long) are dropped."""
    suffix = suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableFile(f"bestandstype {suffix or '(geen)'} wordt niet ondersteund")
    if not data:
        raise UnreadableFile("leeg bestand (0 bytes)")
    lines = _read_pdf(data) if suffix == ".pdf" else _read_text(data)
    if sum(len(line.text.strip()) for line in lines) < MIN_TEXT_CHARS:
        if suffix == ".pdf":
            raise UnreadableFile("geen tekstlaag gevonden (gescande PDF? OCR is nodig)")
        raise UnreadableFile("bevat geen tekst")
    reason = unreadable("\n".join(line.text for line in lines))
    if reason:
        raise UnreadableFile(reason)
    return [Line(line.page, _NOT_A_WORD.sub(" ", line.text)) if len(line.text) > MAX_WORD else line for line in lines]


MAX_WORD = 400  # the longest token in the sample corpus is a 142-character URL
_NOT_A_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
_CONTROL = re.compile("[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]")
_LETTER = re.compile(r"[^\W\d_]")
SAMPLE = 1 << 20  # characters examined from the start, the middle and the end of a long text
MAX_REPETITION = 12.0  # how far the text compresses: Dutch prose 2-3 (sample corpus at most 2.9), templated tables more
SHORT_LINE_WORDS = 3
MAX_SHORT_LINES = 0.85  # share of lines with at most 3 words; the sample corpus has at most 0.41
MIN_LINES_JUDGED = 1000  # a short agenda may well be all short lines


def unreadable(text: str) -> str | None:
    """Why a text is not language that can be indexed, or None when it is."""
    if len(text) > 3 * SAMPLE:
        middle = len(text) // 2
        text = text[:SAMPLE] + text[middle : middle + SAMPLE] + text[-SAMPLE:]
    visible = len(text) - sum(text.count(c) for c in " \n\t\r\f")
    if not visible:
        return None
    if text.count("\ufffd") > 0.05 * visible:
        return (
            "geen leesbare tekst: de tekens hebben geen Unicode-betekenis (lettertype zonder tabel); "
            "maak de PDF opnieuw vanuit de bron of laat OCR uitvoeren"
        )
    if len(_CONTROL.findall(text)) > 0.05 * visible:
        return "geen leesbare tekst: vooral stuurtekens"
    if len(_LETTER.findall(text)) < 0.25 * visible:
        return "geen leesbare tekst: weinig letters"
    if sum(len(m) for m in _NOT_A_WORD.findall(text)) > 0.5 * visible:
        return "geen leesbare tekst: lange reeksen tekens zonder spaties"
    data = text.encode("utf-8", "replace")
    if len(data) > 4096 and len(data) > MAX_REPETITION * len(zlib.compress(data, 1)):
        return "geen leesbare tekst: steeds dezelfde tekst herhaald"
    lines = [line for line in text.splitlines() if line.strip()]
    short = sum(len(line.split()) <= SHORT_LINE_WORDS for line in lines)
    if len(lines) >= MIN_LINES_JUDGED and short > MAX_SHORT_LINES * len(lines):
        return f"geen leesbare tekst: vrijwel alleen koppen of losse woorden ({short} van {len(lines)} regels)"
    return None


def _read_text(data: bytes) -> list[Line]:
    if len(data) > MAX_TEXT_BYTES:
        raise UnreadableFile(f"tekstbestand groter dan {MAX_TEXT_BYTES >> 20} MB; splits het bestand")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnreadableFile(f"geen geldige UTF-8-tekst (byte {err.start}); sla het bestand op als UTF-8") from None
    # a form feed marks a page break in text exported from PDFs
    return [
        Line(page, line) for page, page_text in enumerate(text.split("\f"), start=1) for line in page_text.splitlines()
    ]


def _read_pdf(data: bytes) -> list[Line]:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _decrypts_without_password(reader):
            raise UnreadableFile("versleutelde PDF: een wachtwoord is nodig")
        pages = reader.pages
        if len(pages) == 0:
            raise UnreadableFile("PDF zonder pagina's")
        if len(pages) > MAX_PAGES:
            raise UnreadableFile(f"meer dan {MAX_PAGES} pagina's ({len(pages)}); splits het bestand")
        lines = []
        for number, page in enumerate(pages, start=1):
            text = _decodable(page.extract_text() or "")
            lines.extend(Line(number, line) for line in text.splitlines())
        return lines
    except UnreadableFile:
        raise
    except (PdfReadError, PyPdfError) as err:
        raise UnreadableFile("beschadigde of onvolledige PDF", _detail(err)) from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as err:
        raise UnreadableFile("PDF kan niet gelezen worden (onverwachte opbouw)", _detail(err)) from None


def _decodable(text: str) -> str:
    """Text without lone surrogates (a font without a Unicode map yields them): each becomes U+FFFD."""
    if not any("\ud800" <= ch <= "\udfff" for ch in text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _decrypts_without_password(reader: pypdf.PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except (PyPdfError, NotImplementedError, ValueError):
        return False


def _detail(err: Exception) -> str:
    text = f"{type(err).__name__}: {str(err).strip()}"
    return text if len(text) <= 300 else text[:297] + "..."
