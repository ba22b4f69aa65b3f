"""Running an evaluation set through the assistant and writing report.json and report.md."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from assistant.answer.results import answer_json
from assistant.core.types import Answer
from eval.metrics import aggregate_by_kind, score_item

KINDS = {"factoid", "position", "list", "date", "numeric", "comparison", "multi-doc", "unanswerable", "follow-up"}


class SetError(ValueError):
    """An evaluation set line that does not follow the format."""


def load_set(path: Path) -> list[dict]:
    """Items of a JSONL evaluation set, checked against the format."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            raise SetError(f"{path}:{number}: no JSON ({err})") from None
        missing = {"id", "question"} - set(item)
        if missing:
            raise SetError(f"{path}:{number}: missing {sorted(missing)}")
        item.setdefault("kind", "factoid")
        if item["kind"] not in KINDS:
            raise SetError(f"{path}:{number}: unknown kind {item['kind']!r}")
        item.setdefault("sources", [])
        item.setdefault("must_contain", [])
        items.append(item)
    return items


def run_items(
    items: list[dict],
    answer_fn: Callable[..., Answer],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict]:
    """Answer every item with `answer_fn(question, history=...)` (e.g. `Assistant.answer`); each result
    record holds the item, the answer JSON and the scores."""
    records = []
    for n, item in enumerate(items, start=1):
        answer = answer_fn(item["question"], history=item.get("history") or ())
        result = answer_json(answer, item["id"])
        records.append({"item": item, "result": result, "scores": score_item(item, result)})
        if progress:
            progress(n, len(items))
    return records


def build_report(records: list[dict], *, set_names: list[str], assistant) -> dict:
    """The full report: corpus version, the assistant's configuration, metrics and per-question results."""
    index = assistant.index
    settings = asdict(index.settings)
    settings = {k: str(v) if v is not None else None for k, v in settings.items() if "key" not in k}
    return {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "sets": set_names,
        "corpus_version": index.corpus_version(),
        "config": {
            "mode": "extractive" if assistant.llm is None else "llm",
            "embedder": index.embedder_name,
            "refusal_threshold": assistant.refusal_threshold,
            "answerability": assistant.answerability.as_dict(),
            "tuning": assistant.config.as_dict(),
            "k": assistant.k,
            "settings": settings,
        },  # fmt: skip
        "metrics": aggregate_by_kind([r["scores"] for r in records]),
        "results": records,
    }


def write_report(report: dict, out: Path) -> tuple[Path, Path]:
    """report.json and report.md in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out / "report.json", out / "report.md"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    md_path.write_text(markdown(report), encoding="utf-8")
    return json_path, md_path


SHOWN = ("hit@5", "mrr", "cited_gold", "citation_valid", "faithfulness", "fact_accuracy", "date_match",
         "type_match", "refusal_accuracy", "false_refusal_rate")  # fmt: skip


def markdown(report: dict) -> str:
    """A readable report with a bar chart of the overall metrics and a table per kind."""
    metrics = report["metrics"]
    overall = metrics["all"]
    lines = [
        f"# Evaluatie {', '.join(report['sets'])}",
        "",
        f"Corpusversie `{report['corpus_version']}` · modus {report['config']['mode']} · "
        f"{overall['n']} vragen · {report['created']}",
        "",
        "## Overall",
        "",
        "```",
    ]
    for name in SHOWN:
        value = overall.get(name)
        if value is not None:
            lines.append(f"{name:20} {'█' * round(value * 40):40} {value:.3f}  (n={overall[name + '_n']})")
    lines += ["```", "", f"Latency p50 {overall.get('latency_p50_ms')} ms, p95 {overall.get('latency_p95_ms')} ms", ""]
    lines += ["## Per soort vraag", "", "| soort | n | " + " | ".join(SHOWN) + " |", "|---" * (len(SHOWN) + 2) + "|"]
    for kind, m in metrics.items():
        cells = [f"{m[n]:.2f}" if m.get(n) is not None else "–" for n in SHOWN]
        lines.append(f"| {kind} | {m['n']} | " + " | ".join(cells) + " |")
    lines += ["", "## Vragen die niet goed gingen", ""]
    for record in report["results"]:
        s = record["scores"]
        bad = [k for k in ("hit@5", "cited_gold", "fact_accuracy", "date_match", "citation_valid") if s.get(k) is False]
        if s.get("refusal_correct") is False:
            bad.append("niet geweigerd")
        if s.get("false_refusal"):
            bad.append("ten onrechte geweigerd")
        if bad:
            lines.append(f"- `{s['id']}` ({s['kind']}): {', '.join(bad)} — {record['item']['question']}")
    return "\n".join(lines) + "\n"


def compare(old: dict, new: dict) -> dict:
    """Per question what regressed and what improved between two reports, and metric deltas."""
    checks = ("hit@5", "cited_gold", "fact_accuracy", "date_match", "type_match", "citation_valid",
              "refusal_correct")  # fmt: skip
    before = {r["scores"]["id"]: r["scores"] for r in old["results"]}
    regressed, improved = [], []
    for record in new["results"]:
        s = record["scores"]
        prev = before.get(s["id"])
        if prev is None:
            continue
        for check in checks:
            a, b = prev.get(check), s.get(check)
            if a is True and b is False:
                regressed.append({"id": s["id"], "metric": check, "question": record["item"]["question"]})
            elif a is False and b is True:
                improved.append({"id": s["id"], "metric": check, "question": record["item"]["question"]})
        if prev.get("false_refusal") is False and s.get("false_refusal") is True:
            regressed.append({"id": s["id"], "metric": "false_refusal", "question": record["item"]["question"]})
    deltas = {
        name: round(new["metrics"]["all"][name] - old["metrics"]["all"][name], 4)
        for name in SHOWN
        if new["metrics"]["all"].get(name) is not None and old["metrics"]["all"].get(name) is not None
    }
    return {"regressed": regressed, "improved": improved, "deltas": deltas,
            "corpus_versions": [old.get("corpus_version"), new.get("corpus_version")]}  # fmt: skip


def threshold_misses(report: dict, thresholds: dict[str, float]) -> list[str]:
    """Human-readable misses of --fail-under METRIC=VALUE thresholds (lower is worse, except rates)."""
    misses = []
    overall = report["metrics"]["all"]
    for name, limit in thresholds.items():
        value = overall.get(name)
        if value is None:
            misses.append(f"{name}: no value (unknown metric or no items it applies to)")
        elif name == "false_refusal_rate" and value > limit:
            misses.append(f"{name} = {value:.3f} > {limit}")
        elif name != "false_refusal_rate" and value < limit:
            misses.append(f"{name} = {value:.3f} < {limit}")
    return misses
