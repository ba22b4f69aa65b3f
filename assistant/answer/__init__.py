"""Answering: reading the question, retrieval, ranking, composing or generating, citations, refusal."""
