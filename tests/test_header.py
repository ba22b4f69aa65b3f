"""When and where a meeting was held, and an agenda item's time, answered from the heads of its documents."""

import datetime as dt

from assistant.answer.header import meeting_head
from assistant.answer.question import read_question
from assistant.core.types import DocMeta, Passage

DAY = dt.date(2020, 2, 13)
TEXTS = {
    "a1": "Agenda\nVergaderdatum en -tijd 13 februari 2020 15:00-15:30\n"
    "Vergaderplaats Den Haag, ministerie VWS – ministerzaal (A5.41) Aanwezig VNG Eelco Eerenberg\n"
    "1 Opening (±5 min)\n2 Regiobeelden OZJ (±10 min)\n• 3) Update regiobeelden (±30 minuten, bijlage 3)\n"
    "4 Terugblik overleg 30 januari 2020 (±5 min)\n• b) Ontwikkelagenda Jeugdautoriteit (±5 min, bijlage 4)\n"
    "6 Ter bespreking: onderzoek structurele middelen (15:35-15:55)\n"
    "8. Perspectief voor de jeugd (bijlage 4-6, ±40 min)\n9 Rondvraag en sluiting",
    "n1": "Betreft BO Rijk-VNG, 13 februari 2020 Vergaderdatum en tijd 13 februari 2020, 15.00-15.30 "
    "Vergaderplaats VWS, A5.41 5/11 Paraaf directeur\n1 Aanleiding en doel overleg",
    "a2": "Agenda\nVergaderdatum en -tijd 13 februari 2020 15:30-16:30\nVergaderplaats Online via WebEx",
    "v3": "Verslag\nVergaderdatum en -tijd 6 november 2019 10:00-11:00\nVergaderplaats Den Haag\n"
    "Aanwezig VNG Eelco Eerenberg VWS Hugo de Jonge Afwezig Leon Meijer, Sven de Langen, 10.2.e\n1 Opening",
}
DOCS = [
    DocMeta("a1", "agenda", "Agenda BO Rijk-VNG 13 februari 2020", "x.pdf", 1, 2, "BO Rijk-VNG", DAY),
    DocMeta("n1", "nota", "Nota BO Rijk-VNG 13 februari 2020", "x.pdf", 3, 5, "BO Rijk-VNG", DAY),
    DocMeta("a2", "agenda", "Agenda BO ZvdJ 13 februari 2020", "x.pdf", 6, 7, "BO Zorg voor de Jeugd", DAY),
    DocMeta("v3", "verslag", "Verslag BO Rijk-VNG 6 november 2019", "x.pdf", 8, 9, "BO Rijk-VNG", dt.date(2019, 11, 6)),
]
META = {d.doc_id: d for d in DOCS}


def _passage_of(doc_id: str, text: str) -> Passage | None:
    found = " ".join(text.split()) in " ".join(TEXTS[doc_id].split())
    return Passage(f"{doc_id}-0", META[doc_id], TEXTS[doc_id], "", (1,)) if found else None


def _head(question: str):
    return meeting_head(question, read_question(question), DOCS, TEXTS.__getitem__, _passage_of)


def test_the_hour_of_a_named_meeting_is_quoted_from_each_of_its_documents_heads():
    text, citations = _head("Hoe laat begon het BO Rijk-VNG van 13 februari 2020?")
    assert [c.passage.meta.doc_id for c in citations] == ["a1", "n1"]  # not the BO Zorg voor de Jeugd that day
    assert [c.quote for c in citations] == [
        "Vergaderdatum en -tijd 13 februari 2020 15:00-15:30",
        "Vergaderdatum en tijd 13 februari 2020, 15.00-15.30",
    ]
    assert "de agenda: “Vergaderdatum en -tijd 13 februari 2020 15:00-15:30” [1]" in text
    assert "de nota: “Vergaderdatum en tijd 13 februari 2020, 15.00-15.30” [2]" in text


def test_the_venue_ends_where_the_head_goes_on_and_a_named_document_is_the_only_one_quoted():
    _, citations = _head("Waar vond het BO Rijk-VNG van 13 februari 2020 plaats?")
    assert [c.quote for c in citations] == [
        "Vergaderplaats Den Haag, ministerie VWS – ministerzaal (A5.41)",
        "Vergaderplaats VWS, A5.41",
    ]
    _, citations = _head("In welke zaal werd het BO Rijk-VNG van 13 februari 2020 volgens de nota gehouden?")
    assert [c.quote for c in citations] == ["Vergaderplaats VWS, A5.41"]
    _, citations = _head("Hoe werd het BO Zorg voor de Jeugd van 13 februari 2020 gehouden?")  # how is where
    assert [c.quote for c in citations] == ["Vergaderplaats Online via WebEx"]


def test_who_stayed_away_is_what_follows_afwezig_at_the_end_of_the_attendee_lines():
    _, citations = _head("Wie waren er afwezig bij het BO Rijk-VNG van 6 november 2019?")
    assert [c.quote for c in citations] == ["Afwezig Leon Meijer, Sven de Langen, 10.2.e"]
    assert _head("Waarom was Leon Meijer afwezig bij het BO Rijk-VNG van 6 november 2019?") is None


def test_a_day_without_a_series_gives_every_meeting_of_that_day():
    _, citations = _head("Hoe lang duurde het overleg van 13 februari 2020?")
    assert [c.passage.meta.doc_id for c in citations] == ["a1", "n1", "a2"]


def test_an_agenda_item_gets_the_time_its_heading_gives():
    text, citations = _head("Hoeveel tijd had het BO Rijk-VNG van 13 februari 2020 voor de regiobeelden van het OZJ?")
    assert [c.quote for c in citations] == ["2 Regiobeelden OZJ (±10 min)"]
    assert text.endswith("“2 Regiobeelden OZJ (±10 min)” [1]")  # not the update, which shares one word of two
    _, citations = _head("Hoeveel minuten kreeg de update op de agenda van 13 februari 2020?")  # '2020' is a day
    assert [c.quote for c in citations] == ["3) Update regiobeelden (±30 minuten, bijlage 3)"]
    _, citations = _head("Hoeveel tijd had het BO Rijk-VNG van 13 februari 2020 voor de agenda van de Jeugdautoriteit?")
    assert [c.quote for c in citations] == ["b) Ontwikkelagenda Jeugdautoriteit (±5 min, bijlage 4)"]  # a lettered item
    _, citations = _head(
        "Hoe laat begon agendapunt 6 over de structurele middelen in het BO Rijk-VNG van 13 februari 2020?"
    )
    assert [c.quote for c in citations] == ["6 Ter bespreking: onderzoek structurele middelen (15:35-15:55)"]  # hours
    _, citations = _head("Hoeveel tijd was er op het BO Rijk-VNG van 13 februari 2020 voor Perspectief voor de Jeugd?")
    assert [c.quote for c in citations] == ["8. Perspectief voor de jeugd (bijlage 4-6, ±40 min)"]  # attachments first


def test_questions_about_something_else_of_the_meeting_are_left_to_the_passages():
    assert _head("Wanneer begon de pilot die in het BO Rijk-VNG van 13 februari 2020 werd besproken?") is None
    assert _head("Waar vond het BO Rijk-VNG plaats?") is None  # no day: which of its meetings?
    assert _head("Hoe laat begon het BO Rijk-VNG van 7 oktober 2020?") is None  # no document of that day
    assert _head("Wat besloot het BO Rijk-VNG van 13 februari 2020?") is None
    # the time an item has, not the time the gemeenten have
    assert _head("Hoeveel tijd hebben gemeenten na het overleg van 13 februari 2020 voor de regiobeelden?") is None


def test_each_part_of_a_question_about_two_meetings_gets_its_head_numbered_on():
    from assistant.answer.assistant import _joined

    second = _head("waar vond dat van 6 november 2019 plaats?")  # 'dat' points back at the meeting: nothing else
    assert second is not None and "Vergaderplaats Den Haag" in second[0]
    first = _head("Waar vond het BO Rijk-VNG van 13 februari 2020 plaats?")
    text, citations = _joined([first, second])
    assert [c.n for c in citations] == [1, 2, 3] and text.count("[3]") == 1  # two lines, then the other day's one
    assert citations[2].passage.meta.doc_id == "v3"
