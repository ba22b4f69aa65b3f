"""Question answering over a Dutch youth-care (jeugdzorg) meeting dossier.

The public API, for the CLI, the app, the evaluation and your own code:

    from assistant import open_assistant
    answer = open_assistant().answer("Wat zei de VNG over faire tarieven in het BO van 6 november 2019?")
    print(answer.text, [c.passage.meta.title for c in answer.citations])

Names are loaded on first use, so `import assistant.core...` stays light.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "open_assistant": "assistant.answer.assistant",
    "Assistant": "assistant.answer.assistant",
    "Answer": "assistant.core.types",
    "Citation": "assistant.core.types",
    "Passage": "assistant.core.types",
    "DocMeta": "assistant.core.types",
    "Document": "assistant.core.types",
    "Filter": "assistant.core.types",
    "Settings": "assistant.core.settings",
    "Config": "assistant.core.config",
    "ConfigError": "assistant.core.errors",
    "StoreUnavailable": "assistant.core.errors",
    "Index": "assistant.index.index",
    "LLM": "assistant.answer.llm",
    "DossierRetriever": "assistant.answer.langchain_retriever",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
