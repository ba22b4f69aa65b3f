"""Running an evaluation set through the assistant and writing report.json and report.md."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from assistant.answer.results import answer_json
from assistant.core.types import Answer
from eval.metrics import aggregate, aggregate_by_kind, score_item

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
        "files": {name: record.sha256 for name, record in sorted(index.files().items())},
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


_CHECKS = ("hit@5", "cited_gold", "fact_accuracy", "date_match", "type_match", "citation_valid", "refusal_correct")


def compare(old: dict, new: dict) -> dict:
    """Two runs compared on the questions both answered: what regressed and improved per question, the
    metric deltas over those shared questions only, what each shared question cited before and after, and
    which corpus files changed between the runs."""
    before = {r["scores"]["id"]: r for r in old["results"]}
    after = {r["scores"]["id"]: r for r in new["results"]}
    shared = [i for i in after if i in before]
    regressed, improved, changes = [], [], []
    for qid in shared:
        a, b = before[qid]["scores"], after[qid]["scores"]
        question = after[qid]["item"]["question"]
        moved = []
        for check in _CHECKS:
            if a.get(check) is True and b.get(check) is False:
                regressed.append({"id": qid, "metric": check, "question": question})
                moved.append(f"{check}: goed → fout")
            elif a.get(check) is False and b.get(check) is True:
                improved.append({"id": qid, "metric": check, "question": question})
                moved.append(f"{check}: fout → goed")
        if a.get("false_refusal") is False and b.get("false_refusal") is True:
            regressed.append({"id": qid, "metric": "false_refusal", "question": question})
            moved.append("ten onrechte geweigerd")
        elif a.get("false_refusal") is True and b.get("false_refusal") is False:
            improved.append({"id": qid, "metric": "false_refusal", "question": question})
            moved.append("niet meer ten onrechte geweigerd")
        cited_before, cited_after = _cited(before[qid]), _cited(after[qid])
        if moved or cited_before != cited_after:
            changes.append({"id": qid, "question": question, "changed": "; ".join(moved) or "andere bronnen",
                            "cited_before": cited_before, "cited_after": cited_after})  # fmt: skip
    old_shared = aggregate([before[i]["scores"] for i in shared]) if shared else {}
    new_shared = aggregate([after[i]["scores"] for i in shared]) if shared else {}
    deltas = {
        name: round(new_shared[name] - old_shared[name], 4)
        for name in SHOWN
        if new_shared.get(name) is not None and old_shared.get(name) is not None
    }
    return {"regressed": regressed, "improved": improved, "changes": changes, "deltas": deltas,
            "shared": len(shared), "only_old": len(before) - len(shared), "only_new": len(after) - len(shared),
            "files": _file_changes(old.get("files"), new.get("files")),
            "corpus_versions": [old.get("corpus_version"), new.get("corpus_version")]}  # fmt: skip


def _cited(record: dict) -> str:
    """The documents an answer cited, in order, once each ('' for a refusal)."""
    titles = [c["title"] for c in record["result"]["citations"]]
    return ", ".join(dict.fromkeys(titles))


def _file_changes(old: dict | None, new: dict | None) -> dict[str, list[str]] | None:
    """Corpus files added, removed and changed between two runs (None when a report predates the manifest)."""
    if old is None or new is None:
        return None
    return {
        "added": sorted(set(new) - set(old)),
        "removed": sorted(set(old) - set(new)),
        "changed": sorted(name for name in set(old) & set(new) if old[name] != new[name]),
    }


def stratified(items: list[dict], n: int) -> list[dict]:
    """A quick run's `n` questions: as many kinds of question as `n` allows (unanswerable ones first, then the
    largest kinds), the rest in proportion to the set; the first items of each kind, in the set's order."""
    if n <= 0 or n >= len(items):
        return items
    kinds: dict[str, list[dict]] = {}
    for item in items:
        kinds.setdefault(item["kind"], []).append(item)
    order = sorted(kinds, key=lambda k: (k != "unanswerable", -len(kinds[k])))
    quota = dict.fromkeys(order, 0)
    for kind in order[:n]:
        quota[kind] = 1
    while sum(quota.values()) < n:  # the kind furthest below its share gets the next question
        kind = max(order, key=lambda k: (len(kinds[k]) * n / len(items) - quota[k]) if quota[k] < len(kinds[k]) else -1)
        quota[kind] += 1
    chosen = {id(item) for kind, group in kinds.items() for item in group[: quota[kind]]}
    return [item for item in items if id(item) in chosen]


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
