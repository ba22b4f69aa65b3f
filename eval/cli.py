"""`assistant eval run` and `assistant eval compare`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_eval_parser(sub) -> None:
    """Register the eval command and its sub-commands."""
    p = sub.add_parser("eval", help="run evaluation sets and compare reports")
    eval_sub = p.add_subparsers()
    run = eval_sub.add_parser("run", help="answer every question of one or more sets and score them")
    run.add_argument("sets", nargs="+", type=Path)
    run.add_argument("--mode", choices=["extractive", "llm"], default="extractive")
    run.add_argument("--out", type=Path, default=Path("eval-report"))
    run.add_argument("--baseline", type=Path, help="an earlier report.json; regressions fail the run")
    run.add_argument("--fail-under", action="append", default=[], metavar="METRIC=VALUE")
    run.add_argument("--quiet", action="store_true")
    run.set_defaults(func=_run)
    cmp = eval_sub.add_parser("compare", help="what regressed and improved between two reports")
    cmp.add_argument("old", type=Path)
    cmp.add_argument("new", type=Path)
    cmp.set_defaults(func=_compare)


def _thresholds(pairs: list[str]) -> dict[str, float]:
    out = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            raise SystemExit(f"fout: --fail-under wil METRIC=GETAL, niet {pair!r}") from None
    return out


def _run(args: argparse.Namespace, settings) -> int:
    from assistant.cli_ask import build_assistant
    from eval.runner import build_report, compare, load_set, run_items, threshold_misses, write_report

    thresholds = _thresholds(args.fail_under)
    items = [item for path in args.sets for item in load_set(path)]
    assistant = build_assistant(settings, args.mode)
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(items), unit="vraag", file=sys.stderr)
    records = run_items(items, assistant, progress=(lambda n, total: bar.update(1)) if bar else None)
    if bar:
        bar.close()
    report = build_report(records, set_names=[p.name for p in args.sets], assistant=assistant, mode=args.mode)
    json_path, md_path = write_report(report, args.out)
    overall = report["metrics"]["all"]
    shown = ("hit@5", "mrr", "cited_gold", "citation_valid", "faithfulness", "fact_accuracy", "date_match",
             "refusal_accuracy", "false_refusal_rate", "latency_p50_ms", "latency_p95_ms")  # fmt: skip
    for name in shown:
        print(f"{name:20} {overall.get(name)}")
    print(f"\n{json_path}\n{md_path}")
    status = 0
    misses = threshold_misses(report, thresholds)
    for miss in misses:
        print(f"DREMPEL GEMIST: {miss}")
        status = 1
    if args.baseline:
        diff = compare(json.loads(args.baseline.read_text(encoding="utf-8")), report)
        for r in diff["regressed"]:
            print(f"ACHTERUITGANG {r['id']} ({r['metric']}): {r['question']}")
        status = 1 if diff["regressed"] else status
    return status


def _compare(args: argparse.Namespace, settings) -> int:
    from eval.runner import compare

    diff = compare(json.loads(args.old.read_text(encoding="utf-8")), json.loads(args.new.read_text(encoding="utf-8")))
    for label, rows in (("achteruit", diff["regressed"]), ("vooruit", diff["improved"])):
        print(f"{label}: {len(rows)}")
        for r in rows:
            print(f"  {r['id']:12} {r['metric']:15} {r['question']}")
    print("verschil per metriek: " + ", ".join(f"{k} {v:+.3f}" for k, v in diff["deltas"].items()))
    return 1 if diff["regressed"] else 0
