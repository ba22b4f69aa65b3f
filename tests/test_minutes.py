"""Statements and agreements read from the verslagen: against hand labels, through the CLI and into a briefing."""

import datetime as dt
import io
import json
import re

import pytest

from assistant.answer.export import briefing_docx, briefing_markdown
from assistant.answer.positions import Minutes
from assistant.core.minutes import REDACTED, agreements, statements
from tests.conftest import ROOT

LABELS = json.loads((ROOT / "tests/data/minutes_labels.json").read_text(encoding="utf-8"))
ROSTER = """Betreft Bestuurlijk Overleg
Aanwezig VNG Eelco Eerenberg Wethouder Utrecht BGZJ Hans Spigt voorzitter BGZJ VWS Hugo de Jonge Minister van VWS
Afwezig 10.2.e
1 Opening
"""


def _norm(text: str) -> str:
    return " ".join(text.replace("•", "").split()).lower()


def _number(agendapunt: str) -> str:
    m = re.match(r"(?:Ad\s+)?(\d+)", agendapunt.strip())
    return m[1] if m else ""


def _said_matches(s, label) -> bool:
    speaker, organisation, agendapunt, opening = label
    who = "10.2.e" if speaker == "10.2.e" else speaker
    return (
        _norm(opening) in _norm(s.quote)[: len(opening) + 40]
        and s.organisation == organisation
        and _number(s.agendapunt) == agendapunt
        and (who in s.speaker or (who == "10.2.e" and s.speaker == REDACTED))
    )


def _agreed_matches(a, label) -> bool:
    kind, agendapunt, text = label
    return a.kind == kind and _number(a.agendapunt) == agendapunt and _norm(text) in _norm(a.text)


def test_contributions_open_with_their_speaker_and_take_the_organisation_from_the_attendee_list():
    text = ROSTER + (
        "2 Norm\nDhr. Eerenberg geeft aan dat de norm helpt. Wij steunen dit.\n"
        "Dhr. Spijt: de branches willen meer. 10.2.e vult aan dat het plan klaar is.\n"
        "10.2.e (VNG) geeft aan dat gemeenten meedoen. Dhr. Pietersen geeft aan te twijfelen.\n"
    )
    found = [(s.speaker, s.organisation, s.agendapunt, s.quote) for s in statements(text)]
    assert found == [
        ("Dhr. Eerenberg", "VNG", "2 Norm", "Dhr. Eerenberg geeft aan dat de norm helpt. Wij steunen dit."),
        ("Dhr. Spijt", "BGZJ", "2 Norm", "Dhr. Spijt: de branches willen meer."),  # Spigt on the list: one letter off
        (REDACTED, "", "2 Norm", "10.2.e vult aan dat het plan klaar is."),  # redacted: no organisation guessed
        (REDACTED, "VNG", "2 Norm", "10.2.e (VNG) geeft aan dat gemeenten meedoen."),  # the text names it
        ("Dhr. Pietersen", "", "2 Norm", "Dhr. Pietersen geeft aan te twijfelen."),  # not on the list: unknown
    ]


def test_agreements_decisions_and_actions_are_recorded_with_who_acts():
    text = ROSTER + (
        "2 Brief\nDhr. Eerenberg stelt voor de tekst te wijzigen. Dit is akkoord.\n"
        "Afspraken maken hoort niet in de wet.\n"
        "Afspraak: VWS informeert de VNG over de planning.\nGeen afspraak.\n"
        "3 Conceptverslag\nVastgesteld.\n"
    )
    found = [(a.kind, a.actor, _number(a.agendapunt), a.text) for a in agreements(text)]
    assert found == [
        ("akkoord", "", "2", "Dhr. Eerenberg stelt voor de tekst te wijzigen. Dit is akkoord."),
        ("afspraak", "VWS", "2", "Afspraak: VWS informeert de VNG over de planning."),
        ("geen afspraak", "", "2", "Geen afspraak."),
        ("besluit", "", "3", "Vastgesteld."),
    ]


@pytest.mark.slow
def test_extraction_finds_the_hand_labelled_statements_and_agreements_of_three_verslagen(sample_index):
    documents = {m.doc_id: m for m in sample_index.documents()}
    said_all, agreed_all = sample_index.statements(), sample_index.agreements()
    counts = {"labels": 0, "found": 0, "extracted": 0, "right": 0, "a_labels": 0, "a_found": 0, "a_extracted": 0,
              "a_right": 0}  # fmt: skip
    for verslag in LABELS["verslagen"]:
        ids = {
            d for d, m in documents.items()
            if m.doc_type == "verslag" and m.meeting == verslag["meeting"]
            and m.meeting_date == dt.date.fromisoformat(verslag["meeting_date"])
        }  # fmt: skip
        assert len(ids) == 1, verslag["meeting_date"]
        said = [s for s in said_all if s.doc_id in ids]
        agreed = [a for a in agreed_all if a.doc_id in ids]
        counts["labels"] += len(verslag["statements"])
        counts["found"] += sum(any(_said_matches(s, label) for s in said) for label in verslag["statements"])
        counts["extracted"] += len(said)
        counts["right"] += sum(any(_said_matches(s, label) for label in verslag["statements"]) for s in said)
        counts["a_labels"] += len(verslag["agreements"])
        counts["a_found"] += sum(any(_agreed_matches(a, label) for a in agreed) for label in verslag["agreements"])
        counts["a_extracted"] += len(agreed)
        counts["a_right"] += sum(any(_agreed_matches(a, label) for label in verslag["agreements"]) for a in agreed)
    assert counts["labels"] >= 80 and counts["a_labels"] >= 10
    assert counts["found"] / counts["labels"] >= 0.9, counts  # recall, with the right organisation and agendapunt
    assert counts["right"] / counts["extracted"] >= 0.9, counts  # precision: nothing invented
    assert counts["a_found"] / counts["a_labels"] >= 0.9, counts
    assert counts["a_right"] / counts["a_extracted"] >= 0.9, counts


@pytest.mark.slow
def test_cli_lists_standpunten_afspraken_and_a_topic_thread_as_json(sample_data_dir, capsys):
    from assistant.cli import main

    def run(*args):
        assert main(["--data-dir", str(sample_data_dir), *args]) == 0
        return json.loads(capsys.readouterr().out)

    said = run("standpunten", "--org", "VNG", "--json")
    assert len(said) > 40 and {s["organisation"] for s in said} == {"VNG"}
    days = [s["meeting_date"] for s in said]
    dated = [d for d in days if d]
    assert days == dated + [None] * (len(days) - len(dated)) and dated == sorted(dated)  # undated last
    keys = {"organisation", "speaker", "meeting", "meeting_date", "doc_id", "doc_type", "source_file", "pages",
            "agendapunt", "quote"}  # fmt: skip
    assert all(set(s) == keys and s["doc_type"] == "verslag" and s["pages"] for s in said)
    tarieven = run("standpunten", "--org", "VNG", "--topic", "faire tarieven", "--from", "1 november 2019",
                   "--to", "30 november 2019", "--json")  # fmt: skip
    assert tarieven and {s["meeting_date"] for s in tarieven} == {"2019-11-06"}
    assert any("handreiking" in s["quote"] for s in tarieven)

    agreed = run("afspraken", "--from", "2020-01-30", "--to", "2020-01-30", "--json")
    assert {"afspraak", "akkoord"} <= {a["kind"] for a in agreed}
    assert any(a["actor"] == "10.2.e" and "informeert Jeugdzorg Nederland" in a["text"] for a in agreed)

    thread = run("tijdlijn", "Norm voor Opdrachtgeverschap", "--json")
    days = [step["meeting_date"] for step in thread]
    assert days == sorted(days) and len(set(days)) >= 2
    assert any(step["agenda_items"] and step["statements"] for step in thread)


@pytest.mark.slow
def test_briefing_opens_in_word_with_a_footnote_per_quote_naming_document_date_and_page(sample_index):
    import docx

    steps = Minutes(sample_index).tijdlijn("NvO", organisations=["VNG", "BGZJ"])
    assert len(steps) >= 2
    data = briefing_docx("NvO", steps)
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "Voorbereiding: NvO"
    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/footnotes"))
    notes = re.findall(r'<w:footnote w:id="(\d+)">.*?<w:t xml:space="preserve"> (.*?)</w:t>', part.blob.decode())
    references = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document.element.xml)
    assert notes and sorted(references, key=int) == [n for n, _ in notes]
    titles = {m.title: m for m in sample_index.documents()}
    for _, note in notes:
        title = note.split(" (")[0]
        meta = titles[title]  # an existing document
        page = int(re.search(r"p\. (\d+)", note)[1])
        assert meta.first_page <= page <= meta.last_page and str(meta.date.year) in note
    markdown = briefing_markdown("NvO", steps)
    assert markdown.count("[^") == 2 * len(notes)  # every mark has its definition


@pytest.mark.slow
def test_chat_answers_an_organisations_positions_over_time_with_one_cited_line_per_meeting(sample_assistant):
    answer = sample_assistant.answer("Wat vond de VNG over de norm voor opdrachtgeverschap in de loop van 2020?")
    assert not answer.refused and answer.text.startswith("Wat de VNG volgens de verslagen zei")
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert len(lines) == len(answer.citations) >= 3
    days = [c.passage.meta.meeting_date for c in answer.citations]
    assert days == sorted(days) and all(d.year == 2020 for d in days)
    for line, c in zip(lines, answer.citations, strict=True):
        assert line.endswith(f"[{c.n}]") and c.passage.meta.doc_type == "verslag"
        assert " ".join(c.quote.split()) in " ".join(c.passage.text.split())  # verbatim from the cited passage


@pytest.mark.slow
def test_a_subject_under_different_titles_is_one_recurring_onderwerp(sample_data_dir, capsys):
    from assistant.cli import main

    assert main(["--data-dir", str(sample_data_dir), "tijdlijn", "--onderwerpen", "--json"]) == 0
    subjects = json.loads(capsys.readouterr().out)
    nvo = next(s for s in subjects if any("opdrachtgeverschap" in i["agendapunt"] for i in s["items"]))
    titles = {i["agendapunt"] for i in nvo["items"]}
    assert (
        "NvO en ontwikkelingen bij gemeenten" in titles and "Gezamenlijke norm voor goed opdrachtgeverschap" in titles
    )
    assert nvo["meetings"] >= 3 and all(s["meetings"] >= 2 for s in subjects)
    assert not any(
        "Rondvraag" in i["agendapunt"] for s in subjects for i in s["items"]
    )  # standing items are no subject
    assert main(["--data-dir", str(sample_data_dir), "tijdlijn", nvo["title"], "--json"]) == 0
    thread = json.loads(capsys.readouterr().out)
    assert {"2020-01-30", "2020-06-08"} <= {step["meeting_date"] for step in thread}


@pytest.mark.slow
def test_what_an_organisation_said_at_a_named_meeting_without_a_subject_lists_its_statements(sample_assistant):
    answer = sample_assistant.answer("Wat vroegen de cliëntenorganisaties in het BO Zorg voor de Jeugd van juni 2020?")
    assert not answer.refused and answer.text.startswith("Wat de cliëntenorganisaties volgens het verslag zeiden:")
    assert "budgethouders kunnen vanaf 1 juli niet meer" in answer.text
    for c in answer.citations:
        assert c.passage.meta.doc_type == "verslag" and c.passage.meta.meeting_date.isoformat() == "2020-06-24"
        assert " ".join(c.quote.split()) in " ".join(c.passage.text.split())
    about = sample_assistant.answer("Wat zei de VNG over faire tarieven in het BO van 6 november 2019?")
    assert not about.text.startswith("Wat de VNG volgens het verslag")  # a subject is answered from the passages
