"""Near-miss unanswerable questions made systematically from answerable ones, to calibrate refusal.

Each keeps the question's wording and changes one anchor so that the documents no longer answer it:
the day moves to one on which no document is dated, the person asked about becomes someone the
documents of that meeting never name, the organisation becomes one that was not there, or the question
also asks for an amount its sources never give.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.answer.evidence import MONEY, people, question_focus
from assistant.core.dates import find_dates, format_nl
from assistant.core.types import DocMeta

OUTSIDERS = ("de Kinderombudsman", "de Inspectie Gezondheidszorg en Jeugd", "Jeugdzorg Nederland",
             "de Raad voor de Kinderbescherming", "GGD GHOR Nederland", "Zorgverzekeraars Nederland",
             "het Nederlands Jeugdinstituut", "de Nationale ombudsman")  # fmt: skip
_ORGS = re.compile(r"\b(?:de\s+)?(?:VNG|BGZJ|branches|cliëntenorganisaties|VWS|JenV)\b")


def _unanswerable(item: dict, how: str, question: str) -> dict:
    return {"id": f"{item['id']}~{how}", "question": question, "kind": "unanswerable", "answer": "niet in het corpus",
            "must_contain": [], "sources": [], "generated_from": item["id"], "how": how}  # fmt: skip


def shift_date(item: dict, documents: list[DocMeta]) -> dict | None:
    """The question moved to a day of the same month on which no document is dated."""
    days = [m for m in find_dates(item["question"]) if m.day_precise]
    if not days:
        return None
    mention = days[0]
    held = {d for m in documents for d in (m.meeting_date, m.document_date) if d}
    for offset in (3, -3, 5, -5, 9, -9, 12, -12):
        day = mention.start + dt.timedelta(days=offset)
        if day.month == mention.start.month and day not in held:
            text = format_nl(day)
            q = item["question"]
            return _unanswerable(item, "date", q[: mention.span[0]] + text + q[mention.span[1] :])
    return None


def swap_person(item: dict, known: set[str], texts_that_day: str) -> dict | None:
    """The person asked about replaced by someone the documents of that meeting never name."""
    named = people(item["question"], known)
    if not named or not texts_that_day:
        return None
    for other in sorted(known):
        if other not in texts_that_day and len(other) > 3 and other not in named:
            return _unanswerable(
                item, "person", re.sub(rf"\b{re.escape(named[0])}\b", other, item["question"], count=1)
            )
    return None


def swap_organisation(item: dict, texts_that_day: str) -> dict | None:
    """The organisation asked about replaced by one that was not at the meeting."""
    match = _ORGS.search(item["question"])
    if not match or not texts_that_day:
        return None
    for outsider in OUTSIDERS:
        key = outsider.split()[-1]
        if key.lower() not in texts_that_day.lower():
            q = item["question"]
            return _unanswerable(item, "organisation", q[: match.start()] + outsider + q[match.end() :])
    return None


def ask_amount(item: dict) -> dict | None:
    """The question extended to ask for an amount of money that none of its sources states."""
    question = item["question"].strip()
    if question_focus(question) != "none" or any(MONEY.search(s.get("quote", "")) for s in item.get("sources", ())):
        return None
    return _unanswerable(item, "amount", f"{question.rstrip(' ?')}, en om hoeveel geld ging het daarbij?")


def near_misses(items: list[dict], documents: list[DocMeta], text_of, known: set[str]) -> list[dict]:
    """Generated unanswerable variants of the answerable items (`text_of(doc_id)` gives a document's text)."""
    out = []
    for item in items:
        if item.get("kind") in ("unanswerable", "follow-up"):
            continue
        day = dt.date.fromisoformat(item["meeting_date"]) if item.get("meeting_date") else None
        that_day = " ".join(text_of(m.doc_id) for m in documents if day and m.meeting_date == day)
        for made in (shift_date(item, documents), swap_person(item, known, that_day),
                     swap_organisation(item, that_day), ask_amount(item)):  # fmt: skip
            if made:
                out.append(made)
    return out
