"""Dutch prompt templates, as package data rendered with StrictUndefined."""

from __future__ import annotations

from functools import cache
from importlib import resources

import jinja2


@cache
def _template(name: str) -> jinja2.Template:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.from_string(text)


def render(name: str, **values: object) -> str:
    """The named template (e.g. 'answer_system.md') filled in; a missing value is an error."""
    return _template(name).render(**values).strip()
