from assistant.core.text import tokenize
from assistant.index.lexical import BM25Index


def test_tokenizer_keeps_numbers_codes_and_unglues_footnotes():
    tokens = tokenize("De Jeugdwet5 noemt 1.162 jongeren, € 144 mln en lakcode 10.2.e (art. 5.1.2e).")
    assert "jeugdwet" in tokens
    assert "1162" in tokens and "144" in tokens and "mln" in tokens
    assert "10.2.e" in tokens and "5.1.2e" in tokens
    assert "de" not in tokens  # stopword


def test_stemming_matches_inflections():
    assert tokenize("tarieven") == tokenize("tarief")
    assert tokenize("gemeenten") == tokenize("gemeente")


def test_a_compound_with_or_without_its_linking_s_is_one_word():
    assert tokenize("strafrechtsketen") == tokenize("strafrechtketen")
    assert tokenize("leeftijdsgrens") == tokenize("leeftijdgrens")
    assert tokenize("opleidingsniveau") == tokenize("opleidingniveau")
    assert tokenize("rechtspositie") != tokenize("rechtpositie")  # a word that opens with the part keeps its s


def test_an_index_built_by_another_tokenizer_is_rebuilt_and_saved(fake_index):
    index = BM25Index.build([("a", "De strafrechtsketen.")], version="v1")
    assert index.matches("v1") and not index.matches("v2")
    old = BM25Index.build([("a", "De strafrechtsketen.")], version=fake_index.corpus_version())
    old.tokenizer -= 1  # as saved by the code before the tokenizer last changed
    old.save(fake_index.settings.lexical_path)
    assert fake_index.lexical().ids == []  # rebuilt from the (empty) catalog, not the stale file's chunk
    assert BM25Index.load(fake_index.settings.lexical_path).matches(fake_index.corpus_version())


def test_bm25_ranks_the_matching_chunk_first_and_persists(tmp_path):
    index = BM25Index.build(
        [
            ("a", "De VNG wil faire tarieven voor jeugdhulp."),
            ("b", "Het kabinet investeert in de jeugd-ggz."),
            ("c", "Gezinshuizen en pleegzorg tot 21 jaar."),
        ],  # fmt: skip
        version="v1",
    )
    assert [cid for cid, _ in index.search("faire tarieven", 3)] == ["a"]
    path = tmp_path / "lex.pkl"
    index.save(path)
    loaded = BM25Index.load(path)
    assert loaded.version == "v1"
    assert loaded.search("pleegzorg", 1)[0][0] == "c"
    assert BM25Index.load(tmp_path / "missing.pkl") is None
