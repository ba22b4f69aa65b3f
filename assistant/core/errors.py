"""Errors that end in a clear Dutch or English message for the user, never a traceback."""


class ConfigError(RuntimeError):
    """A setting is missing or wrong; the message says which and how to fix it."""


class StoreUnavailable(RuntimeError):
    """The Chroma server cannot be reached; the message says what to check."""
