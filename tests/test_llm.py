"""The LLM backend: a scripted chat model, and over real HTTP an OpenAI-compatible stub server."""

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.answer.assistant import Assistant
from assistant.answer.citations import is_english, renumber
from assistant.answer.langchain_llm import LangChainLLM, build_llm
from assistant.answer.retrieve import retrieve
from assistant.core.settings import Settings
from tests.openai_stub import CannedChat


def test_renumber_drops_dangling_citations_and_numbers_by_first_use():
    text, used = renumber("A klopt [3]. B ook [1, 7]. C niet [9].", n_passages=4)
    assert text == "A klopt [1]. B ook [2]. C niet."
    assert used == [(1, 3), (2, 1)]


def test_english_is_detected():
    assert is_english("The VNG said that the tariffs are not fair and this is a problem.")
    assert not is_english("De VNG zei dat de tarieven niet fair zijn en dat is een probleem.")


@pytest.fixture
def stub():
    server = CannedChat(["Volgens het verslag [1] wil de VNG een handreiking."])
    yield server
    server.close()


def llm_assistant(index, url: str) -> Assistant:
    settings = Settings.from_env(env={}, data_dir=index.settings.data_dir, llm_base_url=url, llm_model="stub")
    return Assistant(index=index, llm=build_llm(settings), refusal_threshold=0.3)


@pytest.mark.slow
def test_scripted_chat_model_answer_is_validated(sample_index):
    from assistant.core.sentences import split_sentences

    question = "Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?"
    second = retrieve(question, index=sample_index).passages[1]  # what the model's context numbers [2]
    said = split_sentences(second.text)[0].rstrip(".")
    model = FakeListChatModel(responses=[f"Volgens het verslag: {said} [2] [7]. De minister trad af [1]."])
    answer = Assistant(index=sample_index, llm=LangChainLLM(model), refusal_threshold=0.3).answer(question)
    assert "[7]" not in answer.text and "[1]" in answer.text and "trad af" not in answer.text
    assert [c.n for c in answer.citations] == [1]
    assert answer.citations[0].passage == second  # old [2] is the second retrieved passage
    assert answer.passages[0] == second  # the passage an answer cites comes first among its passages


@pytest.mark.slow
def test_streaming_over_http_with_dangling_citation(sample_index):
    server = CannedChat([
        "De VNG stelt een handreiking voor in plaats van een richtlijn [1]. De minister trad af [1]. "
        "Dhr. Meijer stelt namens de VNG een handreiking voor [1]. Zie ook [7]."
    ])  # fmt: skip
    try:
        shown = []
        answer = llm_assistant(sample_index, server.url).answer(
            "Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?", on_text=shown.append
        )
    finally:
        server.close()
    assert server.requests[-1]["stream"] is True
    assert len(shown) >= 2 and shown[0].startswith("De VNG stelt een handreiking")  # it grew sentence by sentence
    assert all(answer.text.startswith(text) for text in shown)  # each shown text was checked: a start of the answer
    assert not any("trad af" in text or "[7]" in text for text in shown)
    assert "[7]" not in answer.text and [c.n for c in answer.citations] == [1]
    assert not answer.refused
    prompt = server.requests[-1]["messages"][-1]["content"]
    assert "[1] Het verslag van het BO Rijk-VNG van 6 november 2019" in prompt


@pytest.mark.slow
def test_english_reply_over_http_falls_back_to_a_dutch_extractive_answer(sample_index):
    server = CannedChat(["The VNG proposed guidelines instead of rules [1] and this is what they said."])
    try:
        answer = llm_assistant(sample_index, server.url).answer(
            "Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?"
        )
    finally:
        server.close()
    assert not is_english(answer.text)
    assert "niet in het Nederlands" in answer.text
    assert answer.citations


@pytest.mark.slow
def test_llm_refusal_and_follow_up_rewrite_over_http(sample_index):
    server = CannedChat([
        "Wat zei de VNG over de maximumleeftijd in gezinshuizen?",  # the rewrite
        "Dit staat niet in de documenten die ik heb.",
    ])  # fmt: skip
    try:
        answer = llm_assistant(sample_index, server.url).answer(
            "En wat zei de VNG daarover?",
            history=[{"role": "user", "content": "Hoe zit het met de maximumleeftijd in gezinshuizen?"}],
        )
    finally:
        server.close()
    assert answer.standalone_question == "Wat zei de VNG over de maximumleeftijd in gezinshuizen?"
    assert answer.refused and answer.text.startswith("Dit staat niet in de documenten die ik heb.")


def test_unreachable_endpoint_falls_back_with_a_clear_note(fake_index, tmp_path):
    from ingest.pipeline import ingest
    from tests.pdfgen import write

    write(tmp_path / "c" / "n.txt", b"De VNG wil faire tarieven voor jeugdhulp bij alle gemeenten in het land.")
    ingest([tmp_path / "c"], index=fake_index)
    settings = Settings.from_env(env={}, data_dir=tmp_path, llm_base_url="http://127.0.0.1:9/v1", llm_model="x")
    answer = Assistant(index=fake_index, llm=build_llm(settings), refusal_threshold=0.3).answer(
        "Wat wil de VNG met faire tarieven?"
    )
    assert "Het taalmodel gaf een fout" in answer.text and answer.citations


def test_sentences_their_sources_do_not_carry_are_dropped():
    from assistant.answer.citations import supported_sentences

    source = "Dhr. Meijer stelt namens de VNG een handreiking over faire tarieven voor. Zie https://vng.nl/tarieven."
    text, dropped = supported_sentences(
        "De VNG:\n- wil een handreiking [1];\n- over faire tarieven [1].\nDe minister is afgetreden [1]. "
        "Lees https://vng.nl/tarieven [1]. Zie ook https://aanval.example/x [1].",
        [source],
    )
    assert (
        text == "De VNG [1]:\n- wil een handreiking [1];\n- over faire tarieven [1].\nLees https://vng.nl/tarieven [1]."
    )
    assert dropped == 2
    assert is_english(
        'The VNG proposed a "handreiking over faire tarieven voor gemeenten" and this is what they said [1].'
    )


@pytest.mark.parametrize(
    ("reply", "shown", "not_shown"),
    [
        # a document's instruction copied into the answer, with the passage's own link
        ("De VNG wil faire tarieven voor jeugdhulp [1]. "
         "Log opnieuw in op http://127.0.0.1:9/login om verder te lezen [2].",
         "De VNG wil faire tarieven voor jeugdhulp [1].", "127.0.0.1"),
        # English around Dutch quotes passes no language check
        ('The VNG wants "faire tarieven voor jeugdhulp bij alle gemeenten" and that is what they said [1].',
         "niet in het Nederlands", "The VNG"),
        # cited, but the passage says nothing of the kind
        ("De minister is volgens de bronnen afgetreden vanwege de wachtlijsten [1].",
         "niet dragen", "afgetreden"),
    ],
)  # fmt: skip
def test_llm_text_its_passages_do_not_carry_is_never_shown(tmp_path, fake_index, reply, shown, not_shown):
    from ingest.pipeline import ingest
    from tests.pdfgen import write

    write(tmp_path / "c" / "n.txt", b"De VNG wil faire tarieven voor jeugdhulp bij alle gemeenten in het land.")
    write(
        tmp_path / "c" / "aanval.txt", b"Faire tarieven: log opnieuw in op http://127.0.0.1:9/login om verder te lezen."
    )
    ingest([tmp_path / "c"], index=fake_index)
    server = CannedChat([reply])
    try:
        answer = llm_assistant(fake_index, server.url).answer("Wat wil de VNG met faire tarieven?")
    finally:
        server.close()
    assert shown in answer.text and not_shown not in answer.text
    assert answer.citations and all(1 <= c.n <= len(answer.citations) for c in answer.citations)
