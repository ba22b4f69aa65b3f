"""Turns PDFs and text files into a structured, persistent index."""
