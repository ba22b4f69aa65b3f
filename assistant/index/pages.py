"""The pages of the source PDFs: where a quote stands on them, and the page as an image with it marked.

This is the only module that imports pypdfium2. A quote is matched to the PDF's text layer with the
normalisation citations use, letters and digits only, so line breaks, hyphenation, spacing and
punctuation do not matter; running headers the index removed may sit inside the quote on the page,
so the quote is matched as blocks that together must cover most of it.
"""

from __future__ import annotations

import difflib
import io
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points (origin bottom left)
MIN_BLOCK = 8  # shortest run of letters and digits that counts as part of the quote found on the page
MIN_COVERAGE = 0.8  # share of the quote's letters and digits that must be found for a highlight
_LOCK = threading.Lock()  # pdfium is not thread-safe; the app renders from several sessions


@dataclass(frozen=True)
class PageMarks:
    """The rectangles (one per line) where a quote stands on one page."""

    page: int  # 1-based
    boxes: tuple[Box, ...]
    size: tuple[float, float]  # width, height in points


@dataclass(frozen=True)
class _PageText:
    chars: str  # letters and digits of the page, lowercased
    index: tuple[int, ...]  # for each of them, its character index in the text layer
    raw: str  # the text layer as pdfium gives it
    boxes: tuple[Box, ...]  # box of every character of the text layer
    size: tuple[float, float]


def normalise(text: str) -> str:
    """Letters and digits only, lowercased and compatibility-folded ('ﬁ' is 'fi')."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


def locate(path: Path, pages: Sequence[int], quote: str) -> list[PageMarks]:
    """Where the quote stands on the given pages (1-based), one entry per page it covers; [] when the
    text layer does not hold it (then nothing is marked rather than something wrong)."""
    wanted = normalise(quote)
    if not wanted or path.suffix.lower() != ".pdf":
        return []
    texts = [(page, _page_text(str(path), _mtime(path), page)) for page in pages]
    texts = [(page, text) for page, text in texts if text is not None]
    chars = "".join(text.chars for _, text in texts)
    owner = [(page, text, k) for page, text in texts for k in range(len(text.chars))]
    matcher = difflib.SequenceMatcher(None, wanted, chars, autojunk=False)
    spans = _whole_words(matcher.get_matching_blocks(), wanted, chars, owner)
    if sum(end - start for _, start, end in spans) < MIN_COVERAGE * len(wanted):
        return []
    marked: dict[int, list[Box]] = {}
    sizes = {}
    for _, start, end in spans:
        for k in range(start, end):
            page, text, at = owner[k]
            marked.setdefault(page, []).append(text.boxes[text.index[at]])
            sizes[page] = text.size
    return [PageMarks(page, _lines(boxes), sizes[page]) for page, boxes in sorted(marked.items())]


def _whole_words(blocks, wanted: str, chars: str, owner) -> list[tuple[int, int, int]]:
    """(quote start, page start, page end) of the matched blocks, grown over what quote and page share
    next to them and cut back to whole words on the page: a block that ran on into the first letter of
    a running header ('betekent' + 'D'irectoraat) ends at 'betekent', and the next block ('hr Meijer')
    takes back its 'D' ('Dhr. Meijer'); a block that lost its last letter to the next one
    ('Manshande' + 'n Rutger') gets it back."""

    def inside_word(k: int, step: int) -> bool:  # is the page character next to k (in `step` direction) a letter?
        _, text, at = owner[k]
        i = text.index[at] + step
        return 0 <= i < len(text.raw) and text.raw[i].isalnum()

    covered = [False] * len(wanted)
    spans = []
    for block in blocks:
        a, start, end = block.a, block.b, block.b + block.size
        while a < len(covered) and covered[a] and start < end:
            start, a = start + 1, a + 1
        while a + end - start < len(wanted) and end < len(chars) and wanted[a + end - start] == chars[end]:
            end += 1
        while end - start >= MIN_BLOCK and inside_word(end - 1, 1):
            end -= 1
        while end - start >= MIN_BLOCK and inside_word(start, -1):
            start, a = start + 1, a + 1
        if end - start < MIN_BLOCK:
            continue
        while a > 0 and start > 0 and not covered[a - 1] and wanted[a - 1] == chars[start - 1]:
            start, a = start - 1, a - 1
        covered[a : a + end - start] = [True] * (end - start)
        spans.append((a, start, end))
    return spans


def render(path: Path, marks: PageMarks, scale: float = 1.5) -> bytes:
    """The page as a PNG with the quote's lines marked in translucent yellow."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    with _LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            image = pdf[marks.page - 1].render(scale=scale).to_pil().convert("RGBA")
        finally:
            pdf.close()
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    height = marks.size[1]
    for left, bottom, right, top in marks.boxes:
        area = [(left - 1) * scale, (height - top - 1) * scale, (right + 1) * scale, (height - bottom + 1) * scale]
        draw.rectangle(area, fill=(255, 214, 0, 96), outline=(230, 150, 0, 200))
    out = io.BytesIO()
    Image.alpha_composite(image, overlay).convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()


def page_count(path: Path) -> int:
    """Number of pages of a PDF."""
    import pypdfium2 as pdfium

    with _LOCK:
        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=256)
def _page_text(path: str, mtime: float, page: int) -> _PageText | None:
    """The text layer of one page with a box per character (cached; `mtime` renews it when the file changes)."""
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            return None
        try:
            if not 1 <= page <= len(pdf):
                return None
            pdf_page = pdf[page - 1]
            textpage = pdf_page.get_textpage()
            raw = textpage.get_text_range()
            boxes = tuple(textpage.get_charbox(i) for i in range(len(raw)))
            size = tuple(pdf_page.get_size())
        finally:
            pdf.close()
    chars, index = [], []
    for i, ch in enumerate(raw):
        for folded in normalise(ch):
            chars.append(folded)
            index.append(i)
    return _PageText("".join(chars), tuple(index), raw, boxes, size)


def _lines(boxes: list[Box]) -> tuple[Box, ...]:
    """Character boxes merged into one rectangle per line, in reading order."""
    lines: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if right <= left or top <= bottom:
            continue
        last = lines[-1] if lines else None
        if last and abs(last[1] - bottom) < 0.5 * (top - bottom) and left >= last[0] - 1:
            last[0], last[1] = min(last[0], left), min(last[1], bottom)
            last[2], last[3] = max(last[2], right), max(last[3], top)
        else:
            lines.append([left, bottom, right, top])
    return tuple((a, b, c, d) for a, b, c, d in lines)
