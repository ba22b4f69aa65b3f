"""Question answering over a Dutch youth-care (jeugdzorg) meeting dossier."""

__version__ = "0.1.0"
