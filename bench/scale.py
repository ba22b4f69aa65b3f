"""Scale benchmark: the sample corpus grown 10x and 100x with synthetic documents.

Synthetic copies get shifted dates, other names and numbers; their vectors are the sample's
vectors with small noise (so no embedding work), which is enough to measure index and query
scaling. Prints, for each size: write throughput, BM25 build time and memory, query p50/p95, RSS.

    python bench/scale.py [--sizes 1 10 100] [--source DIR]   # DIR: an existing sample index
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answer.retrieve import retrieve  # noqa: E402
from assistant.core.settings import Settings  # noqa: E402
from assistant.core.types import Chunk, Document  # noqa: E402
from assistant.index.catalog import Catalog, FileRecord, embedding_key  # noqa: E402
from assistant.index.index import Index  # noqa: E402
from eval.runner import load_set  # noqa: E402

NAMES = ["Meijer", "Eerenberg", "Jansen", "De Vries", "Bakker", "Visser", "Smit", "Mulder", "Bos", "Peters"]


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def perturb(text: str, rng: random.Random, k: int) -> str:
    text = re.sub(r"\b(Meijer|Eerenberg|Spigt|Dekker)\b", lambda m: rng.choice(NAMES), text)
    return re.sub(r"\b\d{2,4}\b", lambda m: str(int(m[0]) + k), text)


def source_material(source: Path):
    """Documents, chunks and cached vectors of the sample index."""
    catalog = Catalog(source / "state.sqlite")
    name = catalog.get_meta("embedder")
    docs = [catalog.document(m.doc_id) for m in catalog.documents()]
    passages = catalog.passages(catalog.chunk_ids())
    texts = dict(catalog.chunk_texts())
    vectors = catalog.cached_vectors([embedding_key(name, texts[cid]) for cid in passages])
    by_doc: dict[str, list] = {}
    for cid, p in passages.items():
        key = embedding_key(name, texts[cid])
        by_doc.setdefault(p.meta.doc_id, []).append((p, texts[cid], vectors[key]))
    return docs, by_doc


def grow(index: Index, docs, by_doc, first: int, last: int, rng: random.Random) -> tuple[int, float]:
    """Write synthetic copies number `first`..`last` of every sample file; returns (chunks, seconds)."""
    written, started = 0, time.perf_counter()
    files: dict[str, list[Document]] = {}
    for doc in docs:
        files.setdefault(doc.meta.source_file, []).append(doc)
    for k in range(first, last + 1):
        shift = dt.timedelta(days=7 * k)
        for source_file, file_docs in files.items():
            name = f"synth{k:03d}_{source_file}"
            new_docs, chunks, vectors = [], [], []
            for n, doc in enumerate(file_docs):
                meta = replace(
                    doc.meta, doc_id=f"s{k:03d}-{doc.meta.doc_id}", source_file=name,
                    meeting_date=doc.meta.meeting_date and doc.meta.meeting_date + shift,
                    document_date=doc.meta.document_date and doc.meta.document_date + shift,
                )  # fmt: skip
                new_docs.append(Document(meta=meta, text=perturb(doc.text, rng, k), page_starts=doc.page_starts))
                for ordinal, (p, text, vector) in enumerate(by_doc.get(doc.meta.doc_id, [])):
                    cid = f"{meta.doc_id}-{ordinal:04d}"
                    context, _, body = text.partition("\n")
                    chunks.append(Chunk(cid, meta.doc_id, ordinal, perturb(body, rng, k), p.section, p.pages, context))
                    noisy = vector + np.random.default_rng(k * 1000 + n).normal(0, 0.01, vector.shape)
                    vectors.append((noisy / np.linalg.norm(noisy)).astype(np.float32))
            record = FileRecord(name, name, f"synthetic-{k}-{source_file}", 0, "")
            index.commit_file(record, new_docs, chunks, np.stack(vectors))
            written += len(chunks)
    return written, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--source", type=Path, help="an existing index of the sample corpus")
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--keep", type=Path, help="keep the grown index in this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    source = args.source
    if source is None:
        source = work / "sample"
        subprocess.run([sys.executable, "-m", "assistant.cli", "--data-dir", str(source), "ingest", "--quiet",
                        str(ROOT / "corpus" / "sample")], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    docs, by_doc = source_material(source)
    questions = [i["question"] for i in load_set(ROOT / "eval" / "sets" / "sample.jsonl")][: args.queries]
    data = args.keep or work / "grown"
    import shutil

    shutil.copytree(source, data)
    index = Index.open(Settings.from_env(env={}, data_dir=data))
    rng = random.Random(1)
    copies_done = 1
    print(
        f"{'size':>5} {'chunks':>8} {'write/s':>9} {'bm25 build':>11} {'bm25 mem':>9} {'p50':>7} {'p95':>7} {'rss':>8}"
    )
    for size in sorted(args.sizes):
        if size > copies_done:
            written, seconds = grow(index, docs, by_doc, copies_done, size - 1, rng)
            copies_done = size
            rate = f"{written / seconds:8.0f}"
        else:
            rate = "       –"
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        lexical = index.rebuild_lexical()
        build_s = time.perf_counter() - started
        postings = sum(d.nbytes + t.nbytes for d, t in lexical.postings.values())
        lexical_mb = (postings + len(lexical.postings) * 120 + len(lexical.ids) * 90) / 1e6
        retrieve(questions[0], index=index)
        latencies = []
        for q in questions:
            t = time.perf_counter()
            retrieve(q, index=index)
            latencies.append((time.perf_counter() - t) * 1000)
        latencies.sort()
        p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
        chunks = index.counts()["chunks"]
        print(f"{size:>4}x {chunks:>8} {rate} {build_s:>10.1f}s {lexical_mb:>8.1f}M "
              f"{statistics.median(latencies):>6.0f}ms {p95:>6.0f}ms {rss_mb():>7.0f}M"
              f"  (rss before bm25 build {before:.0f}M)")  # fmt: skip
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
