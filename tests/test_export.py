"""Answers for a nota: footnotes instead of [n] in Markdown and rich text, and the conversation in Word."""

from __future__ import annotations

import datetime as dt
import io

import docx

from assistant.answer.export import conversation_docx, nota_html, nota_markdown
from assistant.answer.extractive import redaction_note
from assistant.core.types import Answer, Citation, DocMeta, Passage

VERSLAG = DocMeta("d1", "verslag", "Verslag BO Rijk-VNG 6 november 2019", "bundel.pdf", 23, 26, "BO Rijk-VNG",
                  dt.date(2019, 11, 6))  # fmt: skip
NOTA = DocMeta(
    "d2", "nota", "Nota <b>BO</b> 30 januari 2020", "bundel.pdf", 50, 55, "BO Rijk-VNG", dt.date(2020, 1, 30)
)


def answer(text: str, *metas: DocMeta) -> Answer:
    citations = tuple(
        Citation(n, Passage(f"c{n}", m, f"Passage {n} van {m.title}.", "", (25, 26) if n == 1 else (54,)), f"Quote {n}")
        for n, m in enumerate(metas, start=1)
    )
    return Answer("?", text, False, citations, tuple(c.passage for c in citations))


def test_nota_text_has_footnotes_instead_of_numbers():
    text = nota_markdown(answer("De VNG wil een handreiking [1]. Het Rijk wil toetsen [2].", VERSLAG, NOTA))
    assert text.startswith("De VNG wil een handreiking [^1]. Het Rijk wil toetsen [^2].")
    assert "[^1]: Verslag BO Rijk-VNG 6 november 2019 (verslag, 6 november 2019), bundel.pdf, p. 25-26" in text
    assert "[^2]: Nota <b>BO</b> 30 januari 2020 (nota, 30 januari 2020), bundel.pdf, p. 54" in text


def test_rich_text_escapes_document_text_and_numbers_as_superscripts():
    page = nota_html(answer("De VNG <script>x</script> wil dit [1].", NOTA))
    assert "<sup>1</sup>" in page and "<script>" not in page and "&lt;script&gt;" in page
    assert "<li>Nota &lt;b&gt;BO&lt;/b&gt; 30 januari 2020" in page


def test_the_word_file_holds_each_question_its_answer_and_the_sources_numbered_across_the_conversation():
    turns = [("Wat wil de VNG?", answer("De VNG wil een handreiking [1].", VERSLAG)),
             ("En het Rijk?", answer("Het Rijk wil toetsen [1]. De VNG ook [1].", NOTA))]  # fmt: skip
    document = docx.Document(io.BytesIO(conversation_docx(turns)))
    texts = [p.text for p in document.paragraphs]
    assert texts[:3] == ["Vragen aan het dossier jeugdzorg", "Wat wil de VNG?", "De VNG wil een handreiking 1."]
    assert "Het Rijk wil toetsen 2. De VNG ook 2." in texts  # the second answer's [1] is source 2
    superscripts = [r.text for p in document.paragraphs for r in p.runs if r.font.superscript]
    assert superscripts == ["1", "2", "2"]
    sources = texts[texts.index("Bronnen") + 1 :]
    assert sources[0].startswith("1. Verslag BO Rijk-VNG 6 november 2019") and "“Quote 1”" in sources[0]
    assert sources[1].startswith("2. Nota <b>BO</b> 30 januari 2020") and len(sources) == 2


def test_redacted_text_in_an_answer_is_explained_and_a_redacted_who_is_said_to_be_unknown():
    said = "Volgens het verslag van het BO: 10.2.e geeft aan dat de gemeente de aanbieders kan aanspreken [1]."
    who = redaction_note(said, "Wie zei dat gemeenten aanbieders kunnen aanspreken?")
    assert who.startswith("(Wie dit is, staat niet in de documenten: de naam is weggelakt") and "10.2.e =" in who
    what = redaction_note(said, "Wat zei men over het aanspreken van aanbieders?")
    assert what.startswith("(Weggelakt in de geciteerde tekst: 10.2.e = ") and "persoonlijke levenssfeer" in what
    named = redaction_note("Volgens het verslag: Dhr. Meijer en 10.2.e spreken de aanbieders aan [1].", "Wie?")
    assert named.startswith("(Weggelakt")  # a name is given: only the code is explained
    assert redaction_note("Volgens het verslag: Dhr. Meijer spreekt [1].", "Wie sprak?") == ""
