import json

from assistant.core.structure import SectionPath, heading_level
from assistant.core.types import Line
from ingest.chunk import chunk_document
from ingest.clean import join_paragraphs, lift_footnotes, normalise_chars, strip_furniture
from ingest.readers import read_lines
from ingest.split import split_documents
from tests.conftest import SAMPLE


def lines(text: str, page: int = 1) -> list[Line]:
    return [Line(page, t) for t in text.splitlines()]


def test_running_letterhead_in_mid_sentence_is_removed_and_sentence_rejoined():
    raw = lines(
        "De VNG heeft met haar achterban afgesproken dat gemeenten alleen extra\n"
        "Directie Jeugd\nProgramma Zorg voor de\nJeugd\nKenmerk\n1604706-197791-J\n"
        "taken op zich nemen als er een dekkend tarief tegenover staat."
    )
    text, _ = join_paragraphs(strip_furniture(raw))
    assert text == (
        "De VNG heeft met haar achterban afgesproken dat gemeenten alleen extra "
        "taken op zich nemen als er een dekkend tarief tegenover staat."
    )


def test_page_numbers_and_lone_date_headers_go_but_content_stays():
    raw = lines(
        "Pagina 12 van 31\nDatum\n21 november 2019\nDhr. Meijer geeft nogmaals aan dit niet verstandig te vinden."
    )
    assert [line.text for line in strip_furniture(raw)] == [
        "Dhr. Meijer geeft nogmaals aan dit niet verstandig te vinden."
    ]


def test_broken_bullets_markup_and_glued_footnotes_are_repaired():
    assert normalise_chars("\uf0b7 Jeugdige centraal") == "• Jeugdige centraal"
    assert (
        normalise_chars("Opzet 2<sup>e</sup> deelonderzoek ( $\\pm 5$ min) **vet**")
        == "Opzet 2e deelonderzoek ( ±5 min) vet"
    )
    assert normalise_chars("De motie Peters15 c.s. en de Jeugdwet5 zijn (IVRK).1 besproken") == (
        "De motie Peters c.s. en de Jeugdwet zijn (IVRK). besproken"
    )
    assert normalise_chars("lakcode 10.2.e en 1.162 jongeren") == "lakcode 10.2.e en 1.162 jongeren"


def test_hyphenation_across_lines_is_joined():
    text, _ = join_paragraphs(lines("de verantwoordelijkheids-\nverdeling in het stelsel"))
    assert text == "de verantwoordelijkheidsverdeling in het stelsel"


def test_section_path_follows_agendapunten():
    path = SectionPath()
    for para in ["4 Bestuurlijke afspraken (bijlagen 2 en 3):", "Ad Afspraak 8: Faire tarieven (waaronder indexatie):"]:
        assert path.update(para)
    assert (
        str(path) == "4 Bestuurlijke afspraken (bijlagen 2 en 3) > Ad Afspraak 8: Faire tarieven (waaronder indexatie)"
    )
    assert heading_level("Dhr. Meijer stelt in plaats van een richtlijn een handreiking naar gemeenten voor.") is None


def test_sample_sub_documents_match_the_hand_made_list():
    """At least 95% of the sub-documents listed by reading the corpus are found with type and date."""
    expected = json.loads((SAMPLE.parent.parent / "tests/data/expected_documents.json").read_text())
    found = []
    for pdf in sorted(SAMPLE.glob("*.pdf")):
        for doc in split_documents(read_lines(pdf), pdf.name):
            m = doc.meta
            found.append((m.source_file, m.doc_type, m.meeting_date and m.meeting_date.isoformat(), m.meeting))
    remaining = list(found)
    hits = 0
    for item in expected:
        key = (item["source_file"], item["doc_type"], item["meeting_date"])
        match = next((f for f in remaining if f[:3] == key and f[3] == item.get("meeting", f[3])), None)
        if match:
            hits += 1
            remaining.remove(match)
    assert hits / len(expected) >= 0.95, (hits, len(expected), remaining)
    bundle = [f for f in found if f[0].startswith("001")]
    assert len(bundle) == 30
    assert len({f[2] for f in bundle}) == 8  # eight meeting dates, Sep 2019 - Oct 2020


def test_bundle_metadata_comes_from_vergaderdatum_not_stale_footers():
    pdf = SAMPLE / "001_21f9ad83fa68324c.pdf"
    docs = {d.meta.title: d.meta for d in split_documents(read_lines(pdf), pdf.name)}
    verslag = docs["Verslag BO Rijk-VNG 6 november 2019"]
    assert verslag.meeting_date.isoformat() == "2019-11-06"
    assert verslag.document_date.isoformat() == "2019-11-21"
    assert (verslag.first_page, verslag.last_page) == (21, 26)  # its header stands on page 21 (page 20 ends the nota)
    nota = docs["Nota BO Rijk-VNG 6 november 2019"]
    assert nota.kenmerk == "1604706-197791-J"


def test_chunks_carry_section_pages_and_context_and_fit_the_embedder():
    pdf = SAMPLE / "001_21f9ad83fa68324c.pdf"
    docs = split_documents(read_lines(pdf), pdf.name)
    verslag = next(d for d in docs if d.meta.title == "Verslag BO Rijk-VNG 6 november 2019")
    chunks = chunk_document(verslag)
    faire = [c for c in chunks if "Faire tarieven" in c.section]
    assert faire, [c.section for c in chunks]
    assert all(set(c.pages) <= set(range(20, 27)) for c in chunks)
    assert faire[0].context.startswith("Verslag BO Rijk-VNG 6 november 2019 | 4 Bestuurlijke afspraken")
    assert max(len(c.embed_text) for c in chunks) < 512 * 3.3  # inside 512 e5 tokens (about 4 chars each)


def test_footnotes_pypdf_puts_mid_sentence_move_to_the_end():
    raw = [Line(1, t) for t in [
        "Deze inzet vloeit voort uit het VN-Verdrag (IVRK).1",
        "Dat vraagt nog beter organiseren, geleidelijk meer integreren",
        "van", " ", "1 Het VN-Verdrag inzake de rechten van het kind (1990) is voor Nederland op 8",
        "maart 1995 in werking getreden.", " zorg en veiligheid, en stoppen met wat niet werkt.",
        "Een genummerde lijst:", " ", "2 Dit is een lijstpunt zonder voetnootteken.",
    ]]  # fmt: skip
    text, _ = join_paragraphs(strip_furniture(lift_footnotes(raw)))
    assert "geleidelijk meer integreren van zorg en veiligheid, en stoppen met wat niet werkt." in text
    assert text.endswith("Voetnoot 1 Het VN-Verdrag inzake de rechten van het kind (1990) is voor Nederland op 8 "
                         "maart 1995 in werking getreden.")  # fmt: skip
    assert "2 Dit is een lijstpunt zonder voetnootteken." in text  # no glued marker: not a footnote


def test_a_run_on_without_spaces_is_still_cut_to_the_embedder_budget():
    from ingest.chunk import _split_long, estimate_tokens

    parts = _split_long("x" * 5000, 100, estimate_tokens)
    assert "".join(parts) == "x" * 5000
    assert max(estimate_tokens(p) for p in parts) <= 2 * 100 + 1


def test_every_sub_document_starts_and_ends_on_the_pages_of_the_hand_made_inventory():
    inventory = json.loads((SAMPLE.parent.parent / "tests/data/page_inventory.json").read_text())["files"]
    for pdf in sorted(SAMPLE.glob("*.pdf")):
        metas = [doc.meta for doc in split_documents(read_lines(pdf), pdf.name)]
        expected = inventory[pdf.name]
        assert [m.first_page for m in metas] == expected["first_pages"], pdf.name
        for meta, next_first in zip(metas, expected["first_pages"][1:], strict=False):
            assert next_first - 1 <= meta.last_page <= next_first, (pdf.name, meta.title)
        assert metas[-1].last_page == expected["last_page"], pdf.name
