"""The language model as answering sees it: a system and a user message in, the reply streamed out.

Answering depends only on this protocol; `assistant.answer.langchain_llm` adapts LangChain chat
models (OpenAI-compatible endpoints, a local GGUF file) to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol


class LLM(Protocol):
    """A chat model that streams its reply as text."""

    def stream(self, system: str, user: str) -> Iterator[str]:
        """The reply to a system and a user message, piece by piece."""
        ...
