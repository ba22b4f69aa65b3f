"""The index: SQLite catalog, Chroma vectors, BM25, and the models that embed; it owns every write."""

from assistant.index.index import Index

__all__ = ["Index"]
