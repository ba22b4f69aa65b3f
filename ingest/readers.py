"""Reading PDFs (through pypdf) and text files into page-numbered lines."""

from __future__ import annotations

import logging
from pathlib import Path

import pypdf
from pypdf.errors import PdfReadError, PyPdfError

from assistant.core.types import Line

SUPPORTED = {".pdf", ".txt", ".md"}
MIN_TEXT_CHARS = 20  # fewer characters than this in a whole file means: no text layer
MAX_PAGES = 5000

logging.getLogger("pypdf").setLevel(logging.ERROR)


class UnreadableFile(Exception):
    """A file that cannot be ingested; `reason` says why, in Dutch, for the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_lines(path: Path) -> list[Line]:
    """All text lines of a PDF, .txt or .md file, each with its page number."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableFile(f"bestandstype {suffix or '(geen)'} wordt niet ondersteund")
    if path.stat().st_size == 0:
        raise UnreadableFile("leeg bestand (0 bytes)")
    lines = _read_pdf(path) if suffix == ".pdf" else _read_text(path)
    if sum(len(line.text.strip()) for line in lines) < MIN_TEXT_CHARS:
        if suffix == ".pdf":
            raise UnreadableFile("geen tekstlaag gevonden (gescande PDF? OCR is nodig)")
        raise UnreadableFile("bevat geen tekst")
    return lines


def _read_text(path: Path) -> list[Line]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnreadableFile(f"geen geldige UTF-8-tekst (byte {err.start}); sla het bestand op als UTF-8") from None
    # a form feed marks a page break in text exported from PDFs
    return [
        Line(page, line) for page, page_text in enumerate(text.split("\f"), start=1) for line in page_text.splitlines()
    ]


def _read_pdf(path: Path) -> list[Line]:
    try:
        reader = pypdf.PdfReader(path, strict=False)
        if reader.is_encrypted and not _decrypts_without_password(reader):
            raise UnreadableFile("versleutelde PDF: een wachtwoord is nodig")
        pages = reader.pages
        if len(pages) == 0:
            raise UnreadableFile("PDF zonder pagina's")
        if len(pages) > MAX_PAGES:
            raise UnreadableFile(f"meer dan {MAX_PAGES} pagina's ({len(pages)}); splits het bestand")
        lines = []
        for number, page in enumerate(pages, start=1):
            text = page.extract_text() or ""
            lines.extend(Line(number, line) for line in text.splitlines())
        return lines
    except UnreadableFile:
        raise
    except (PdfReadError, PyPdfError) as err:
        raise UnreadableFile(f"beschadigde of onvolledige PDF ({_short(err)})") from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as err:
        raise UnreadableFile(f"PDF kan niet gelezen worden ({type(err).__name__}: {_short(err)})") from None


def _decrypts_without_password(reader: pypdf.PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except (PyPdfError, NotImplementedError, ValueError):
        return False


def _short(err: Exception) -> str:
    text = str(err).strip() or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."
