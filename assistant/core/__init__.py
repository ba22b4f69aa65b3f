"""The bottom layer: types, dates, Dutch text, settings and tuned configuration; imports nothing above it."""
