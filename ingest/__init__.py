"""Turns PDFs and text files into a structured, persistent index."""

from ingest.pipeline import FileResult, IngestReport, Progress, ingest

__all__ = ["FileResult", "IngestReport", "Progress", "ingest"]
