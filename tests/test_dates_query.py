import datetime as dt

import pytest

from assistant.answer.question import read_question
from assistant.core.dates import find_dates, format_nl, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23 september 2019", dt.date(2019, 9, 23)),
        ("op 02 juni 2020 om 10:00", dt.date(2020, 6, 2)),
        ("Vergaderdatum 30-01-2020", dt.date(2020, 1, 30)),
        ("8-6-2020", dt.date(2020, 6, 8)),
        ("de 24-uurssessie op 22/23 maart 2018", dt.date(2018, 3, 22)),
        ("BO ZvdJ 25 sept 2019.", dt.date(2019, 9, 25)),
        ("28 nov 2019", dt.date(2019, 11, 28)),
        ("2020-10-07", dt.date(2020, 10, 7)),
        ("geen datum hier", None),
        ("31 februari 2020", None),
    ],
)
def test_parse_date_reads_dutch_forms(text, expected):
    assert parse_date(text) == expected


def test_month_mentions_cover_the_whole_month():
    (mention,) = find_dates("wat gebeurde er in juni 2020?")
    assert not mention.day_precise
    assert (mention.start, mention.end) == (dt.date(2020, 6, 1), dt.date(2020, 6, 30))


def test_format_nl_round_trips():
    day = dt.date(2019, 11, 6)
    assert format_nl(day) == "6 november 2019"
    assert parse_date(format_nl(day)) == day


def test_question_hints_name_date_type_series_and_organisation():
    hints = read_question(
        "Wat bracht de VNG in over faire tarieven in het verslag van het BO Rijk-VNG van 6 november 2019?"
    )
    assert hints.days == (dt.date(2019, 11, 6),)
    assert hints.doc_types == ("verslag",)
    assert hints.meetings == ("BO Rijk-VNG",)
    assert "VNG" in hints.organisations
    assert hints.asks_what_was_said


def test_question_hints_for_bgzj_and_month():
    hints = read_question("Welke nota's waren er voor het BO met de BGZJ in juni 2020?")
    assert hints.doc_types == ("nota",)
    assert hints.meetings == ("BO Rijk-VNG-BGZJ",)
    assert hints.months and hints.months[0][0] == dt.date(2020, 6, 1)


def test_what_the_minister_was_advised_is_looked_for_in_the_nota():
    assert read_question("Wat werd de minister geadviseerd over faire tarieven in het BO?").doc_types == ("nota",)
    assert read_question("Wat kon de minister inbrengen over de NvO?").doc_types == ("nota",)
    assert read_question("Wat zei de minister over faire tarieven?").doc_types == ()  # said: the verslag
    assert read_question("Wat adviseerde de ROB over regionale samenwerking?").doc_types == ()  # not the minister
    assert read_question("Wat stond in de agenda over wat de minister kon zeggen?").doc_types == ("agenda",)


def test_a_season_or_part_of_a_year_is_a_stretch_of_months():
    def spans(text: str) -> list[tuple[dt.date, dt.date]]:
        return [(m.start, m.end) for m in find_dates(text) if not m.day_precise]

    assert spans("in het najaar van 2019") == [(dt.date(2019, 9, 1), dt.date(2019, 11, 30))]
    assert spans("begin 2020 en eind 2020") == [(dt.date(2020, 1, 1), dt.date(2020, 3, 31)),
                                                (dt.date(2020, 10, 1), dt.date(2020, 12, 31))]  # fmt: skip
    assert spans("het tweede kwartaal van 2020") == [(dt.date(2020, 4, 1), dt.date(2020, 6, 30))]
    assert spans("in het najaar") == []  # no year: no stretch
    hints = read_question("Wat wilde de VNG in het najaar van 2020 met het kabinet doen?")
    assert hints.months == ((dt.date(2020, 9, 1), dt.date(2020, 11, 30)),) and not hints.years


def test_a_plural_reaction_is_a_question_about_what_was_said():
    assert read_question("Hoe reageerden de branches in juni 2020 op de afspraken?").asks_what_was_said
    assert read_question("Hoe reageerde de VNG?").asks_what_was_said


def test_a_promise_made_at_the_table_is_what_was_said():
    assert read_question("Welke toezegging deed de minister in het BO van 8 juni 2020?").asks_what_was_said
    assert read_question("Wat zegde de VNG toe over de wachttijden?").asks_what_was_said
    assert not read_question("Welke toezegging staat in de brief?").asks_what_was_said  # written, not said


def test_a_regions_agenda_is_no_meeting_agenda():
    assert read_question("Door wie wordt de regionale agenda zorg voor de jeugd vastgesteld?").doc_types == ()
    assert read_question("Wat stond er op de agenda van het BO van 6 november 2019?").doc_types == ("agenda",)
