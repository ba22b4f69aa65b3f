"""Every piece of text the app did not write itself goes through here before Streamlit sees it.

Document text, titles, section paths, file names, questions, rewrites and LLM output are untrusted:
a document can hold Markdown or HTML that would make each reader's browser fetch an address
(`![x](http://...)`, `<img src=...>`, autolinked URLs). Streamlit renders Markdown in st.markdown,
captions, alerts and every widget label, so untrusted text is written there with each character
that Markdown, HTML, Streamlit's `:icon:`/`$math$` syntax or an autolink could act on replaced by
its HTML character reference ('.' as '&#46;'). The browser shows the original characters, and
nothing in them is a link, an image or markup. Our own formatting (bold for the supporting
sentence) is added around the escaped text, here.
"""

from __future__ import annotations

import re

from assistant.core.sentences import split_sentences
from assistant.core.text import visible

_ACTIVE = re.compile(r"[\\`*_{}\[\]()#+\-.!|<>~$:&@%=\"'^/]")


def inert(text: str) -> str:
    """Untrusted text as Markdown that displays exactly that text (bidi controls shown, invisible ones dropped)."""
    return _ACTIVE.sub(lambda m: f"&#{ord(m.group())};", visible(text))


def label(text: str) -> str:
    """Untrusted text for a one-line label (expander, button, caption): inert, whitespace collapsed."""
    return inert(" ".join(text.split()))


def paragraphs(text: str) -> str:
    """Untrusted text of several lines as inert Markdown that keeps its line breaks."""
    return inert(text).replace("\n", "  \n")


def highlight(text: str, quote: str) -> str:
    """A passage as inert Markdown with the sentences of the quote in bold."""
    escaped = paragraphs(text)
    for sentence in split_sentences(quote):
        mark = inert(sentence.strip())
        if mark and mark in escaped:
            escaped = escaped.replace(mark, f"**{mark}**", 1)
    return escaped
