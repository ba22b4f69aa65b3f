"""The Streamlit app, headless, on the real sample index."""

import re
from html import unescape as shown

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from tests.pdfgen import text_pdf

pytestmark = pytest.mark.slow
APP = str(ROOT / "app.py")


@pytest.fixture
def app(sample_data_dir, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(sample_data_dir))
    return AppTest.from_file(APP, default_timeout=120).run()


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at


def test_question_shows_answer_with_citations_and_expandable_sources(app):
    ask(app, "Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?")
    answer = shown(next(m.value for m in app.markdown if m.value.startswith("Volgens")))
    assert "[1]" in answer and "Meijer" in answer
    sources = [e for e in app.expander if shown(e.label).startswith("[")]
    assert shown(sources[0].label).startswith("[1] Verslag BO Rijk-VNG 6 november 2019 · verslag · 2019-11-06")
    assert any("**" in m.value for m in sources[0].markdown)  # the supporting sentence is highlighted
    assert [t.label for t in sources[0].tabs][-1] == "Tekst van de passage"
    assert sources[0].tabs[0].label.startswith("Pagina ") and sources[0].tabs[0].get("image")  # the page, marked
    assert any(shown(e.label).startswith("Ook bekeken") for e in app.expander)
    assert any(shown(b.label).startswith("Open 001_21f9ad83fa68324c.pdf") for b in app.get("download_button"))
    copy = next(c for c in app.code if c.value.startswith("Volgens"))  # the nota text, footnotes for [n]
    assert (
        "[^1]" in copy.value and "\n[^1]: Verslag BO Rijk-VNG 6 november 2019 (verslag, 6 november 2019)" in copy.value
    )
    downloads = [shown(b.label) for b in app.get("download_button")]
    assert {"Markdown (.md)", "Opgemaakte tekst (.html)", "Gesprek met bronnen als Word-bestand"} <= set(downloads)
    popovers = app.get("popover")
    assert [p.proto.popover.label for p in popovers][:1] == ["[1]"]  # where each sentence comes from, on click
    assert any("Verslag BO Rijk-VNG 6 november 2019" in shown(m.value) for m in popovers[0].markdown)


def test_the_empty_chat_offers_questions_the_dossier_answers(app):
    examples = [b for b in app.button if shown(b.label).endswith("?")]
    assert examples
    examples[0].click().run()
    assert not app.exception
    answer = app.session_state["messages"][-1]["answer"]
    assert not answer.refused and answer.citations  # answered, not refused


def test_sidebar_filter_changes_what_is_cited(app):
    app.sidebar.multiselect[0].set_value(["kamerbrief"]).run()
    ask(app, "Welke rol krijgt de Jeugdautoriteit?")
    labels = [shown(e.label) for e in app.expander if shown(e.label).startswith("[")]
    assert labels and all("· kamerbrief ·" in label for label in labels)


def test_refusal_state_shows_closest_documents(app):
    ask(app, "Wat zei de VNG over de inkoop van ouderenzorg in het BO van 12 maart 2021?")
    assert app.warning and app.warning[0].value.startswith("Dit staat niet in de documenten die ik heb")
    assert "filters" not in shown(app.warning[0].value)
    assert any(e.label == "Dichtstbijzijnde passages" for e in app.expander)


def test_a_refusal_under_filters_says_what_it_searched_within(app):
    app.sidebar.multiselect[0].set_value(["kamerbrief"]).run()
    ask(app, "Wat zei de VNG over de inkoop van ouderenzorg in het BO van 12 maart 2021?")
    refusal = shown(app.warning[0].value)
    assert refusal.startswith("Dit staat niet in de documenten die ik heb")
    assert "Gezocht binnen de gekozen filters: soort kamerbrief" in refusal


def test_follow_up_and_new_conversation(app):
    ask(app, "Wat is er afgesproken over de maximumleeftijd in gezinshuizen?")
    ask(app, "En wat zei de VNG daarover?")
    assert any(c.value.startswith("Opgevat als:") for c in app.caption)
    new = next(b for b in app.button if b.label == "Nieuw gesprek")
    new.click().run()
    assert not [m for m in app.chat_message]


def test_document_text_is_rendered_inert():
    from assistant.app.render import highlight, inert

    hostile = "<script>alert(1)</script> **vet** [klik](http://x) ![img](http://x/y.png) www.x.nl :red[r] $x$"
    markdown = inert(hostile)
    assert shown(markdown) == hostile  # the reader sees exactly the text, no escape characters
    assert not set("<>[]()*!:$\\") & set(markdown.replace("&#", ""))  # nothing Markdown, HTML or Streamlit acts on
    assert "www." not in markdown and "http:" not in markdown  # no autolinks
    assert shown(inert("rapport\u202etxt.exe\u200b")) == "rapport[U+202E]txt.exe"
    assert highlight("Eerst dit. Dan (dat) hier.", "Dan (dat) hier.").endswith("**Dan &#40;dat&#41; hier&#46;**")


def test_dossier_page_lists_documents_and_reads_one(app):
    app.switch_page("assistant/app/pages/dossier.py").run()
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) == 38 and {"verslag", "nota", "agenda", "kamerbrief"} <= set(table["doc_type"])
    reader = app.selectbox(key="reader_doc")
    reader.select_index(2).run()
    assert any(e.label == "Pagina 20" for e in app.expander) or any(e.label.startswith("Pagina") for e in app.expander)
    assert any("10.2.e = " in c.value for c in app.caption)  # redaction codes explained
    brief = next(k for k, option in enumerate(reader.options) if option.startswith("Kamerbrief"))
    app.selectbox(key="reader_doc").select_index(brief).run()
    names = [e.label for e in app.expander if "agina" in e.label]
    assert names[0] == "Pagina 1" and "Pagina 52" in names and len(names) == len(set(names))
    assert "Voetnoten van pagina 2" in names  # the footnotes, not a second page 2


def test_dossier_page_gives_each_meeting_its_status_and_opens_the_documents_of_a_day(app):
    app.switch_page("assistant/app/pages/dossier.py").run()
    meetings = app.dataframe[1].value
    status = {(row["datum"], row["overleg"]): row["status"] for _, row in meetings.iterrows()}
    assert status[("28 november 2019", "BO Rijk-VNG")] == "geannuleerd"  # a later nota says so
    assert status[("28 november 2019", "BO Zorg voor de Jeugd")] == "niet doorgegaan"  # 'laatste BO ... april'
    assert status[("7 oktober 2020", "BO Rijk-VNG")] == "alleen agenda en nota"
    assert status[("6 november 2019", "BO Rijk-VNG")] == "verslag"
    why = meetings.set_index(["datum", "overleg"]).loc[("28 november 2019", "BO Rijk-VNG"), "waarom"]
    assert why.startswith("Nota BO Rijk-VNG 30 januari 2020") and "geannuleerd" in why
    app.selectbox(key="dag_keuze").select("6 november 2019 — BO Rijk-VNG").run()
    buttons = [b for b in app.button if b.label.startswith("Lees")]
    assert len(buttons) == 3  # agenda, nota, verslag
    next(b for b in buttons if "Verslag" in shown(b.label)).click().run()
    assert app.selectbox(key="reader_doc").value.startswith("Verslag BO Rijk-VNG 6 november 2019")
    assert "Pagina 21" in [e.label for e in app.expander]


def test_upload_of_broken_pdf_shows_its_reason_and_keeps_the_index(app, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "upload-index"))
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.switch_page("assistant/app/pages/toevoegen.py").run()
    good = text_pdf(["Verslag\nDe werkgroep bespreekt wachtlijsten in de jeugd-ggz en de rol van gemeenten."])
    at.file_uploader[0].set_value([("../../kapot bestand.pdf", b"%PDF-1.4 kapot", "application/pdf"),
                                   ("goed.pdf", good, "application/pdf")]).run()  # fmt: skip
    next(b for b in at.button if b.label == "Toevoegen aan de index").click().run()
    assert not at.exception, at.exception
    rows = at.dataframe[0].value.set_index("bestand")
    assert rows.loc["kapot_bestand.pdf", "status"] == "mislukt"
    assert "beschadigde" in rows.loc["kapot_bestand.pdf", "reden"]
    assert rows.loc["goed.pdf", "status"] == "toegevoegd"
    corpus = tmp_path / "upload-index" / "corpus"
    assert (corpus / "goed.pdf").exists() and not (corpus / "kapot_bestand.pdf").exists()  # the failure is not kept
    assert at.error and "1 bestand(en) niet toegevoegd" in at.error[0].value
    # a broken upload under the name of a good file puts the good file back
    at.file_uploader[0].set_value([("goed.pdf", b"%PDF-1.4 kapot", "application/pdf")]).run()
    next(b for b in at.button if b.label == "Toevoegen aan de index").click().run()
    assert at.dataframe[0].value.set_index("bestand").loc["goed.pdf", "status"] == "mislukt"
    assert (corpus / "goed.pdf").read_bytes() == good


def test_evaluation_page_runs_a_small_set(app):
    app.switch_page("assistant/app/pages/evaluatie.py").run()
    app.number_input[0].set_value(4).run()
    next(b for b in app.button if b.label == "Evaluatie starten").click().run()
    assert not app.exception, app.exception
    assert len(app.dataframe[0].value) == 4
    assert [m.label for m in app.metric][:2] == ["hit@5", "cited_gold"]
    assert all(m.help for m in app.metric)  # each metric explains itself in Dutch


def test_evaluation_compares_with_a_chosen_baseline_on_shared_questions_only(sample_data_dir, tmp_path, monkeypatch):
    import json
    import shutil

    data_dir = tmp_path / "eval-index"
    shutil.copytree(sample_data_dir, data_dir)
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.switch_page("assistant/app/pages/evaluatie.py").run()
    at.number_input[0].set_value(4).run()
    next(b for b in at.button if b.label == "Evaluatie starten").click().run()
    kinds = list(at.dataframe[0].value["soort"])
    assert "unanswerable" in kinds and len(set(kinds)) == 4  # a quick run samples the kinds of question
    at.text_input(key="ev_name").set_value("rooktest").run()
    next(b for b in at.button if b.label == "Bewaar als basislijn").click().run()
    assert any("rooktest" in s.value for s in at.success)
    # a planted baseline: the same questions, one of them citing another document before
    folder = data_dir / "eval" / "dev"
    run = json.loads(next((folder / "runs").glob("*.json")).read_text(encoding="utf-8"))
    run["results"][0]["result"]["citations"] = [{"title": "Ander document"}]
    run.update(baseline="geplant", created="2026-01-01T00:00:00+00:00", files={"weg.pdf": "0"})
    (folder / "baselines" / "geplant.json").write_text(json.dumps(run), encoding="utf-8")
    at.number_input[0].set_value(8).run()
    next(b for b in at.button if b.label == "Evaluatie starten").click().run()
    assert not at.exception, at.exception
    options = at.selectbox(key="ev_baseline").options
    at.selectbox(key="ev_baseline").select_index(next(k for k, o in enumerate(options) if "geplant" in o)).run()
    caption = next(c.value for c in at.caption if "gedeelde vragen" in c.value)
    shared = int(re.search(r"Vergeleken op (\d+) gedeelde", caption)[1])
    only_new = int(re.search(r"(\d+) alleen in deze run", caption)[1])
    assert shared + only_new == 8 and 0 < shared <= 4
    verdict = (at.success or at.error)[-1].value
    assert f"{shared} gedeelde vragen" in verdict or "op de gedeelde vragen" in verdict  # never a bare verdict
    changes = next(d.value for d in at.dataframe if "bronnen basislijn" in d.value.columns)
    assert "Ander document" in set(changes["bronnen basislijn"])
    assert any("weg&#46;pdf" in m.value or "weg.pdf" in m.value for m in at.markdown)  # the corpus file that went


def test_unreachable_chroma_server_shows_a_clear_error(sample_data_dir, monkeypatch):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(sample_data_dir))
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "http://127.0.0.1:9")
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert at.error and "niet bereikbaar" in at.error[0].value


def test_llm_backend_streams_into_the_chat_with_validated_citations(sample_data_dir, monkeypatch):
    from tests.openai_stub import CannedChat

    stub = CannedChat(
        ["Volgens het verslag [1] stelt dhr. Meijer een handreiking voor in plaats van een richtlijn. Zie [8]."]
    )
    try:
        monkeypatch.setenv("ASSISTANT_DATA_DIR", str(sample_data_dir))
        monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", stub.url)
        monkeypatch.setenv("ASSISTANT_LLM_MODEL", "stub")
        at = AppTest.from_file(APP, default_timeout=120).run()
        assert any("LLM: stub" in shown(m.value) for m in at.sidebar.markdown)
        ask(at, "Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?")
    finally:
        stub.close()
    answer = shown(next(m.value for m in at.markdown if m.value.startswith("Volgens het verslag")))
    assert "handreiking" in answer and "[8]" not in answer
    assert stub.requests[-1]["stream"] is True
    assert [shown(e.label)[:3] for e in at.expander if shown(e.label).startswith("[")] == ["[1]"]


def test_what_the_question_implied_shows_as_chips_that_can_be_clicked_away(app):
    ask(app, "Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?")
    (chips,) = app.get("button_group")
    assert "6 november 2019" in chips.options and chips.value == chips.options
    chips.set_value([o for o in chips.options if o != "6 november 2019"]).run()
    assert not app.exception
    again = app.session_state["messages"][-1]["answer"]
    assert again.ignored == ("6 november 2019",) and again.question.startswith("Wat bracht de VNG")
    assert app.get("button_group")[0].value == [o for o in chips.options if o != "6 november 2019"]


def test_standpunten_page_shows_an_organisations_statements_per_meeting_and_the_topic_thread(app):
    app.switch_page("assistant/app/pages/standpunten.py").run()
    assert not app.exception
    assert app.multiselect[0].value == ["VNG"]  # the organisation with most statements is chosen first
    app.text_input(key="sp_topic").set_value("faire tarieven").run()
    assert not app.exception
    headings = [shown(h.value) for h in app.subheader]
    assert "BO Rijk-VNG — 6 november 2019" in headings
    quotes = [shown(m.value) for m in app.markdown if m.value.startswith("**VNG**")]
    assert quotes and any("handreiking" in q for q in quotes)
    assert any(shown(e.label).startswith("Bron: Verslag BO Rijk-VNG 6 november 2019") for e in app.expander)
    downloads = [b for b in app.get("download_button")]
    assert len(downloads) == 2  # the briefing as Word and as Markdown
    recurring = app.selectbox(key="sp_recurring")
    choice = next(o for o in recurring.options if "NvO" in o or "opdrachtgeverschap" in o.lower())
    recurring.select(choice).run()
    assert app.text_input(key="sp_topic").value == choice  # a recurring subject fills the topic


def test_afspraken_page_lists_agreements_and_filters_them(app):
    app.switch_page("assistant/app/pages/afspraken.py").run()
    assert not app.exception
    everything = app.dataframe[0].value
    assert len(everything) >= 15 and {"afspraak", "akkoord", "actie"} <= set(everything["soort"])
    app.multiselect(key="af_kinds").set_value(["afspraak"]).run()
    only = app.dataframe[0].value
    assert 0 < len(only) < len(everything) and set(only["soort"]) == {"afspraak"}
    app.text_input(key="af_search").set_value("informeert").run()
    assert list(app.dataframe[0].value["wie"]) == ["10.2.e"]
