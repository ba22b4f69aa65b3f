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
