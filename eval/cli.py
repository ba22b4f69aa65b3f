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
    run.add_argument("--split", choices=["A", "B"], help="only the tuning (A, odd ids) or reporting (B, even ids) half")
    run.add_argument("--sample", type=int, default=0, metavar="N",
                     help="a quick run of N questions, every kind of question represented")  # fmt: skip
    run.set_defaults(func=_run)
    fit = eval_sub.add_parser("fit", help="fit the answerability model on one split, score it on the other")
    fit.add_argument("sets", nargs="+", type=Path)
    fit.add_argument("--split", choices=["A", "B"], default="A", help="the split to fit on (default A)")
    fit.add_argument("--out", type=Path, help="where to write the model (default: the packaged answerability.json)")
    fit.set_defaults(func=_fit)
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
    from assistant import open_assistant
    from eval.runner import build_report, compare, load_set, run_items, threshold_misses, write_report

    thresholds = _thresholds(args.fail_under)
    items = [item for path in args.sets for item in load_set(path)]
    if args.split:
        from eval.fit import split_of

        items = [item for item in items if split_of(item["id"]) == args.split]
    if args.sample:
        from eval.runner import stratified

        items = stratified(items, args.sample)
    assistant = open_assistant(settings, mode=args.mode)
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=len(items), unit="vraag", file=sys.stderr)
    records = run_items(items, assistant.answer, progress=(lambda n, total: bar.update(1)) if bar else None)
    if bar:
        bar.close()
    names = [p.name + (f" (split {args.split})" if args.split else "") for p in args.sets]
    report = build_report(records, set_names=names, assistant=assistant)
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
    print(f"vergeleken op {diff['shared']} gedeelde vragen ({diff['only_old']} alleen in de oude run, "
          f"{diff['only_new']} alleen in de nieuwe)")  # fmt: skip
    for c in diff["changes"]:
        print(f"  {c['id']:12} {c['changed']}: [{c['cited_before']}] -> [{c['cited_after']}]")
    if diff["files"]:
        changed = {k: v for k, v in diff["files"].items() if v}
        print("corpusbestanden: " + ("; ".join(f"{k}: {', '.join(v)}" for k, v in changed.items()) or "ongewijzigd"))
    for label, rows in (("achteruit", diff["regressed"]), ("vooruit", diff["improved"])):
        print(f"{label}: {len(rows)}")
        for r in rows:
            print(f"  {r['id']:12} {r['metric']:15} {r['question']}")
    print("verschil per metriek: " + ", ".join(f"{k} {v:+.3f}" for k, v in diff["deltas"].items()))
    return 1 if diff["regressed"] else 0


def _fit(args: argparse.Namespace, settings) -> int:
    from assistant import open_assistant
    from assistant.answer.answerability import MODEL_PATH
    from eval.fit import cross_validate, feature_rows, fit_model, refusal_figures, split_of
    from eval.runner import load_set

    assistant = open_assistant(settings, mode="extractive")
    other = "B" if args.split == "A" else "A"
    halves = {split: [] for split in (args.split, other)}
    for path in args.sets:
        for item in load_set(path):
            halves[split_of(item["id"])].append(item)
    train, generated_train = feature_rows(assistant, halves[args.split])
    test, generated_test = feature_rows(assistant, halves[other])
    names = ", ".join(p.name for p in args.sets)
    model = fit_model(
        train + generated_train, fitted_on=f"{names}, split {args.split} + {len(generated_train)} near-misses"
    )
    report = {
        **model.as_dict(),
        "fitted": {"items": len(train), "near_misses": len(generated_train),
                   **refusal_figures(model, train + generated_train)},
        f"cross_validated_on_split_{args.split}": cross_validate(train + generated_train),
        f"held_out_split_{other}": {"items": refusal_figures(model, test),
                                    "near_misses": refusal_figures(model, generated_test)},
    }  # fmt: skip
    out = args.out or MODEL_PATH
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, ensure_ascii=False, indent=1))
    print(f"\n{out}")
    return 0
