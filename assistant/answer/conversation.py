"""Follow-up questions rewritten into standalone questions from the chat history."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_REFERS_BACK = re.compile(
    r"\b(daar(?:over|van|in|bij|op|voor|mee)?|hier(?:over|van|in|bij|op|mee)?|erover|ervan|dat|die|dit|deze"
    r"|hij|zij|ze|hun|het zelfde|hetzelfde|ook|en wat|en hoe|en de|en het|en in|vervolgens)\b",
    re.I,
)


@dataclass(frozen=True)
class Turn:
    """One message of the chat history."""

    role: str  # "user" or "assistant"
    content: str


def as_turns(history: Sequence[object]) -> list[Turn]:
    """History given as Turns or as {'role', 'content'} dicts."""
    turns = []
    for item in history:
        if isinstance(item, Turn):
            turns.append(item)
        elif isinstance(item, dict) and "role" in item and "content" in item:
            turns.append(Turn(str(item["role"]), str(item["content"])))
    return turns


def needs_context(question: str) -> bool:
    """True for a follow-up that leans on earlier turns ('En wat zei de VNG daarover?')."""
    words = re.findall(r"\w+", question)
    return len(words) <= 6 or bool(_REFERS_BACK.search(question))


def rewrite_rule_based(question: str, history: Sequence[Turn]) -> str:
    """A standalone question: the follow-up plus the previous question it leans on."""
    previous = [t.content for t in history if t.role == "user"]
    if not previous or not needs_context(question):
        return question
    return f"{question.rstrip()} (vervolg op: {previous[-1].strip()})"


_CONTEXT = re.compile(r"\s*\(vervolg op: [^\n]*\)$")


def own_words(standalone: str) -> str:
    """A follow-up as it was asked, without the earlier question `rewrite_rule_based` added for context."""
    return _CONTEXT.sub("", standalone)
