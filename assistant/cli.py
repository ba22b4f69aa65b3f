"""The `assistant` command line: ingest, docs, stats, ask, standpunten, afspraken, tijdlijn, eval."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from assistant.core.errors import ConfigError, StoreUnavailable
from assistant.core.settings import Settings
from assistant.core.text import visible


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    settings = Settings.from_env(data_dir=args.data_dir, chroma_url=getattr(args, "chroma_url", None))
    try:
        return int(args.func(args, settings) or 0)
    except (ConfigError, StoreUnavailable) as err:
        print(f"fout: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Vraag het jeugdzorgdossier.")
    parser.add_argument("--data-dir", help="where the index lives (ASSISTANT_DATA_DIR)")
    parser.add_argument("--chroma-url", help="Chroma server http://host:port (ASSISTANT_CHROMA_URL)")
    sub = parser.add_subparsers()

    p = sub.add_parser("ingest", help="add PDFs, .txt and .md files (or folders) to the index")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--rebuild", action="store_true", help="start the index afresh")
    p.add_argument("--prune", action="store_true", help="drop files that no longer exist")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--if-empty", action="store_true", help="do nothing when the index already holds files")
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser("docs", help="list the sub-documents in the index")
    p.add_argument("--type", dest="doc_type", help="only this doc_type (verslag, nota, agenda, ...)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_docs)

    p = sub.add_parser("stats", help="counts and corpus version")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_stats)

    from assistant.cli_ask import add_ask_parser

    add_ask_parser(sub)
    from assistant.cli_minutes import add_minutes_parsers

    add_minutes_parsers(sub)
    try:
        from eval.cli import add_eval_parser
    except ImportError:  # the eval package is not installed alongside
        pass
    else:
        add_eval_parser(sub)
    return parser


def open_index(settings: Settings):
    """The index for these settings (imported lazily so `--help` is instant)."""
    from assistant.index.index import Index

    return Index.open(settings)


def _cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.pipeline import ingest

    if args.if_empty and settings.state_path.exists():
        from assistant.index.catalog import Catalog

        if Catalog(settings.state_path).counts()["files"]:
            print(f"index in {settings.data_dir} bestaat al; niets te doen")
            return 0
    index = open_index(settings)
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=0, unit="chunk", file=sys.stderr)

    def progress(p) -> None:
        if bar is None:
            return
        bar.set_description(f"[{p.files_done + 1}/{p.files_total}] {p.file[:30]}")
        bar.total = max(bar.total or 0, p.chunks_embedded)
        bar.n = p.chunks_embedded
        bar.refresh()

    _log_to(settings.data_dir / "ingest.log")
    report = ingest(args.paths, index=index, rebuild=args.rebuild, prune=args.prune, progress=progress)
    if bar is not None:
        bar.close()
    if not report.found and not report.results:
        shown = ", ".join(visible(str(p)) for p in args.paths)
        print(f"fout: geen bestanden gevonden in {shown} (gelezen worden .pdf, .txt en .md)", file=sys.stderr)
        return 1
    for r in report.results:
        detail = r.reason or f"{r.documents} documenten, {r.chunks} chunks"
        print(visible(f"{r.status:9} {r.source_file}: {detail}"))
    rate = report.embedded / report.seconds if report.seconds else 0.0
    print(
        f"\n{report.count('added')} toegevoegd, {report.count('updated')} bijgewerkt, "
        f"{report.count('unchanged')} ongewijzigd, {len(report.problems)} overgeslagen, "
        f"{report.count('removed')} verwijderd; {report.embedded} embeddings berekend "
        f"({rate:.1f}/s), {report.cached} uit cache; {report.seconds:.1f} s; "
        f"corpusversie {report.corpus_version}"
    )
    return 1 if report.problems else 0


def _log_to(path: Path) -> None:
    """Technical details of refused files go to a log beside the index, not to the user."""
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("assistant").addHandler(handler)


def _cmd_docs(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.answer.results import doc_rows
    from assistant.index.catalog import Catalog

    rows = doc_rows(Catalog(settings.state_path), args.doc_type)  # listing needs no model or vector store
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        pages = f"p{r['pages'][0]}-{r['pages'][-1]}"
        when = r["date"] or "-"
        print(visible(f"{r['doc_type']:18} {when:10}  {r['title'][:70]:70} {r['source_file']} {pages}"))
    print(f"\n{len(rows)} documenten")
    return 0


def _cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.index.catalog import Catalog

    catalog = Catalog(settings.state_path)
    counts = catalog.counts()
    stats = {
        "files": counts["files"], "documents": counts["documents"], "chunks": counts["chunks"],
        "corpus_version": catalog.corpus_version(), "embedder": catalog.get_meta("embedder"),
        "data_dir": str(settings.data_dir), "chroma": settings.chroma_url or str(settings.chroma_dir),
    }  # fmt: skip
    if args.json:
        print(json.dumps(stats, indent=1))
    else:
        for key, value in stats.items():
            print(f"{key:15} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
