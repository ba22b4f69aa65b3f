"""Ingest benchmark on the bundled sample corpus: prints figures, asserts nothing.

python bench/ingest.py [--keep DIR]
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.core.settings import Settings  # noqa: E402
from assistant.index.index import Index  # noqa: E402
from ingest.pipeline import ingest, parse_file  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def drop_last_page(src: Path, dst: Path) -> None:
    import pypdf

    reader = pypdf.PdfReader(src)
    writer = pypdf.PdfWriter()
    for page in reader.pages[:-1]:
        writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    dst.write_bytes(buf.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="keep the index in this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    corpus = work / "corpus"
    shutil.copytree(ROOT / "corpus" / "sample", corpus)
    data = args.keep or work / "data"
    settings = Settings.from_env(env={}, data_dir=data)
    pdfs = sorted(corpus.glob("*.pdf"))

    started = time.perf_counter()
    parsed = [parse_file(p) for p in pdfs]
    parse_s = time.perf_counter() - started
    pages = sum(doc.meta.last_page for docs, _ in parsed for doc in docs[-1:])
    chunks = [c for _, cs in parsed for c in cs]

    index = Index.open(settings)
    started = time.perf_counter()
    report = ingest([corpus], index=index)
    cold_s = time.perf_counter() - started

    started = time.perf_counter()
    raw = index.embedder.embed_documents([c.embed_text for c in chunks[:120]])
    raw_rate = len(raw) / (time.perf_counter() - started)

    started = time.perf_counter()
    again = ingest([corpus], index=index)
    unchanged_s = time.perf_counter() - started

    drop_last_page(corpus / "003_15f8a2585753077a.pdf", corpus / "003_15f8a2585753077a.pdf")
    started = time.perf_counter()
    update = ingest([corpus], index=index)
    update_s = time.perf_counter() - started

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"sample corpus: {len(pdfs)} PDFs, {pages} pages, {len(chunks)} chunks")
    print(f"parse + clean + split + chunk: {parse_s:.1f} s ({pages / parse_s:.1f} pages/s)")
    print(
        f"cold ingest:          {cold_s:.1f} s  ({pages / cold_s:.1f} pages/s, {report.embedded / cold_s:.2f} chunks/s)"
    )
    print(f"embedder raw rate:    {raw_rate:.2f} chunks/s on 120 of the same chunks")
    print(f"cold / raw embedding: {(cold_s * raw_rate / max(report.embedded, 1)):.2f}x the embedder's own time")
    print(f"re-ingest unchanged:  {unchanged_s:.2f} s  ({again.embedded} embeddings computed)")
    print(f"one-document update:  {update_s:.1f} s  ({update.embedded} new embeddings, "
          f"{update.cached} from cache, {update.count('updated')} file updated)")  # fmt: skip
    chroma_mb = folder_size(data / "chroma") / 1e6
    state_mb = (data / "state.sqlite").stat().st_size / 1e6
    bm25_mb = (data / "lexical.pkl").stat().st_size / 1e6
    print(f"index size on disk:   {folder_size(data) / 1e6:.1f} MB "
          f"(chroma {chroma_mb:.1f} MB, catalog+cache {state_mb:.1f} MB, bm25 {bm25_mb:.1f} MB)")  # fmt: skip
    print(f"peak RSS:             {rss_mb:.0f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
