"""`assistant ask`: one question or a batch file, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant.core.dates import parse_date
from assistant.core.settings import Settings
from assistant.core.text import visible


def add_ask_parser(sub) -> None:
    """Register the ask command."""
    p = sub.add_parser("ask", help="ask a question in Dutch")
    p.add_argument("question", nargs="?", help="de vraag, tussen aanhalingstekens")
    p.add_argument("--type", dest="doc_types", action="append", help="only this doc_type (repeatable)")
    p.add_argument("--meeting", action="append", help="only this meeting series, e.g. 'BO Rijk-VNG'")
    p.add_argument("--file", dest="source_files", action="append", help="only this source file")
    p.add_argument("--from", dest="date_from", help="from this date (any Dutch form)")
    p.add_argument("--to", dest="date_to", help="up to this date")
    p.add_argument("--batch", type=Path, help="JSONL file of {id, question, history?} lines")
    p.add_argument("--json", action="store_true", help="print JSON (one object per line with --batch)")
    p.add_argument("--mode", choices=["extractive", "llm"], help="answer backend (default: llm if configured)")
    p.set_defaults(func=run_ask)


def day_from(text: str | None):
    """A date typed on the command line, in any Dutch form; exits with a Dutch message when unreadable."""
    if not text:
        return None
    value = parse_date(text)
    if value is None:
        raise SystemExit(f"fout: '{text}' is geen datum die ik kan lezen (bijv. 6 november 2019)")
    return value


def filters_from(args: argparse.Namespace):
    """Filters from the command-line flags."""
    from assistant.core.types import Filter

    return Filter(
        doc_types=tuple(args.doc_types or ()),
        meetings=tuple(args.meeting or ()),
        source_files=tuple(args.source_files or ()),
        date_from=day_from(args.date_from),
        date_to=day_from(args.date_to),
    )


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question or a batch file."""
    from assistant.answer.results import answer_json

    if not args.question and not args.batch:
        print("fout: geef een vraag of --batch FILE.jsonl", file=sys.stderr)
        return 2
    from assistant.answer.assistant import open_assistant

    assistant = open_assistant(settings, mode=args.mode)
    filters = filters_from(args)
    if args.batch:
        return _run_batch(assistant, args.batch, filters)
    # Only the checked answer is printed: a model's raw stream may cite passages that do not exist,
    # be English or carry no citation at all, and is replaced by the extractive answer then.
    answer = assistant.answer(args.question, filters=filters)
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False, indent=1))
        return 0
    print(visible(answer.text) + "\n")
    for c in answer.citations:
        m = c.passage.meta
        pages = ", ".join(map(str, c.passage.pages))
        section = f" — {c.passage.section}" if c.passage.section else ""
        print(visible(f"[{c.n}] {m.title} — {m.source_file}, p. {pages}{section}"))
    return 0


def _run_batch(assistant, path: Path, filters) -> int:
    from assistant.answer.results import answer_json

    failures = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            question = item["question"]
        except (json.JSONDecodeError, KeyError, TypeError) as err:
            print(f"fout: {path}:{number}: geen geldige regel ({err})", file=sys.stderr)
            failures += 1
            continue
        if not isinstance(question, str) or not question.strip():
            print(f"fout: {path}:{number}: 'question' is geen tekst; regel overgeslagen", file=sys.stderr)
            failures += 1
            continue
        answer = assistant.answer(question, history=item.get("history") or (), filters=filters)
        print(json.dumps(answer_json(answer, item.get("id")), ensure_ascii=False), flush=True)
    return 1 if failures else 0
