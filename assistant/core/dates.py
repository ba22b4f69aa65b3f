"""Dutch dates: reading them in any common form and writing them back."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# '11 oktober', and '(16/2)' or '23/2' beside it: a date without its year. A day and month in figures count only in
# brackets or from the 10th on, so that '1/3' stays a third; '24/7' is a day and night.
DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTH})\b|(?<=\()(?:[12]?\d|3[01])/(?:1[0-2]|[1-9])(?=[)\s])|"
    r"(?<![\d/.,-])(?!24/7\b)(?:[12]\d|3[01])/(?:1[0-2]|[1-9])(?![\d/%])",
    re.IGNORECASE,
)
# "6 november 2019", "02 juni 2020", "22/23 maart 2018", "25 sept 2019", "6 nov."
_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:\s*[/-]\s*\d{{1,2}})?\s+({_MONTH})\.?(?:\s+(\d{{4}}))?\b", re.IGNORECASE
)
# "30-01-2020", "8-6-2020", "12/2/2018"
_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "juni 2020", "in maart 2018"
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{4}})\b", re.IGNORECASE)
# "het najaar van 2019", "begin 2020", "het tweede kwartaal van 2020": a stretch of months
_PERIODS = {"voorjaar": (3, 6), "zomer": (6, 8), "najaar": (9, 11), "begin": (1, 3), "medio": (5, 8),
            "halverwege": (5, 8), "eind": (10, 12), "einde": (10, 12), "eerste kwartaal": (1, 3),
            "tweede kwartaal": (4, 6), "derde kwartaal": (7, 9), "vierde kwartaal": (10, 12)}  # fmt: skip
_PERIOD_YEAR = re.compile(rf"\b({'|'.join(_PERIODS)})\s+(?:van\s+)?(\d{{4}})\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """A date found in text: a day, or a whole month when `day_precise` is false."""

    start: dt.date
    end: dt.date
    day_precise: bool
    span: tuple[int, int]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMention]:
    """Every date mention in `text`, in order of appearance."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    for m in _ISO.finditer(text):
        day = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        if day:
            found.append(DateMention(day, day, True, m.span()))
            taken.append(m.span())
    for m in _NUMERIC.finditer(text):
        if not free(m.span()):
            continue
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        day = _safe_date(year, int(m[2]), int(m[1]))
        if day:
            found.append(DateMention(day, day, True, m.span()))
            taken.append(m.span())
    for m in _DAY_MONTH_YEAR.finditer(text):
        if not free(m.span()):
            continue
        year = int(m[3]) if m[3] else default_year
        if year is None:
            continue
        day = _safe_date(year, MONTHS[m[2].lower()], int(m[1]))
        if day:
            found.append(DateMention(day, day, True, m.span()))
            taken.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        if not free(m.span()):
            continue
        year, month = int(m[2]), MONTHS[m[1].lower()]
        found.append(DateMention(dt.date(year, month, 1), _month_end(year, month), False, m.span()))
        taken.append(m.span())
    for m in _PERIOD_YEAR.finditer(text):
        if not free(m.span()):
            continue
        (first, last), year = _PERIODS[m[1].lower()], int(m[2])
        found.append(DateMention(dt.date(year, first, 1), _month_end(year, last), False, m.span()))
        taken.append(m.span())
    return sorted(found, key=lambda d: d.span)


def without_dates(text: str) -> str:
    """`text` with every date mention (`find_dates`) replaced by a space: 'op maandag 10 februari' is a day, not a
    count, and a question's dates are matched on metadata, not on words."""
    for mention in reversed(find_dates(text)):
        text = text[: mention.span[0]] + " " + text[mention.span[1] :]
    return text


def parse_date(text: str) -> dt.date | None:
    """The first day-precise date in `text`, or None."""
    for mention in find_dates(text):
        if mention.day_precise:
            return mention.start
    return None


def day_month_nl(day: dt.date) -> str:
    """'6 november': a day as a text writes it without its year ('op 30 oktober jl.')."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]}"


def format_nl(day: dt.date) -> str:
    """'6 november 2019'."""
    return f"{day_month_nl(day)} {day.year}"


def format_day(day: dt.date | None) -> str:
    """'6 november 2019', or 'zonder datum' for a document without one."""
    return format_nl(day) if day else "zonder datum"


def day_number(day: dt.date) -> int:
    """The date as the number yyyymmdd, for range filters in metadata."""
    return day.year * 10000 + day.month * 100 + day.day


def iso(day: dt.date | None) -> str | None:
    """ISO 8601 text for a date, or None."""
    return day.isoformat() if day else None


def from_iso(text: str | None) -> dt.date | None:
    """A date from ISO text; None for None or ''."""
    return dt.date.fromisoformat(text) if text else None
