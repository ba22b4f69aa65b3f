"""The LLM adapter: LangChain chat models behind the `LLM` protocol; the only module that builds LLM clients."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.outputs import ChatGeneration, ChatResult
from langchain_core.runnables import Runnable, RunnableLambda

from assistant.core.errors import ConfigError
from assistant.core.settings import Settings


@dataclass(frozen=True)
class LangChainLLM:
    """Any LangChain chat model as an `LLM`: (system, user) in, the reply streamed as text."""

    model: BaseChatModel

    def stream(self, system: str, user: str) -> Iterator[str]:
        """The model's reply to a system and a user message, piece by piece."""
        return messages_chain(self.model).stream((system, user))


def build_llm(settings: Settings) -> LangChainLLM | None:
    """The configured model as an `LLM`, or None when no model is configured (answers are extractive)."""
    model = build_chat_model(settings)
    return LangChainLLM(model) if model is not None else None


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured chat model: an OpenAI-compatible endpoint, a local GGUF file, or None."""
    if settings.llm_base_url:
        from langchain_openai import ChatOpenAI

        if not settings.llm_model:
            raise ConfigError("ASSISTANT_LLM_BASE_URL is set but ASSISTANT_LLM_MODEL is not; name the model")
        return ChatOpenAI(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key or "not-needed",
            temperature=0,
            streaming=True,
            timeout=120,
            max_retries=1,
        )
    if settings.llm_gguf:
        return LlamaCppChat(model_path=str(settings.llm_gguf))
    return None


def messages_chain(llm: BaseChatModel) -> Runnable:
    """(system, user) text pair -> the model's reply as text, streamable."""
    to_messages = RunnableLambda(lambda pair: [SystemMessage(pair[0]), HumanMessage(pair[1])])
    return to_messages | llm | StrOutputParser()


class LlamaCppChat(BaseChatModel):
    """A local GGUF model through llama-cpp-python (optional extra)."""

    model_path: str
    n_ctx: int = 4096
    _llama: Any = None

    @property
    def _llm_type(self) -> str:
        return "llama-cpp"

    def _client(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise ConfigError("pip install 'jeugdzorg-assistant[llama]' to use ASSISTANT_LLM_GGUF") from None
            self._llama = Llama(model_path=self.model_path, n_ctx=self.n_ctx, verbose=False)
        return self._llama

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, **_: Any) -> ChatResult:
        role = {"system": "system", "human": "user", "ai": "assistant"}
        reply = self._client().create_chat_completion(
            messages=[{"role": role.get(m.type, "user"), "content": str(m.content)} for m in messages],
            temperature=0,
            stop=stop,
        )
        text = reply["choices"][0]["message"]["content"]
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])
