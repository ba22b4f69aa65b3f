"""Evaluation metrics on hand-made cases, the sample set's integrity, and the runner end to end."""

import json
import os
import subprocess
import sys

import pytest

from eval.metrics import aggregate, citations_valid, contains_fact, faithfulness, normalise, quote_found, score_item
from eval.runner import compare, load_set, stratified, threshold_misses
from tests.conftest import REFERENCE, ROOT

SAMPLE_SET = ROOT / "eval" / "sets" / "sample.jsonl"


def result(answer="", citations=(), passages=(), refused=False):
    return {"answer": answer, "citations": list(citations), "passages": list(passages), "refused": refused,
            "timings_ms": {"total": 10.0}}  # fmt: skip


def test_quote_found_survives_pdf_line_breaks_hyphenation_and_thousands_separators():
    passage = "Het kabinet trekt 1.162 miljoen uit voor de verant-\nwoordelijkheidsverdeling\nin de jeugdzorg."
    assert quote_found("trekt 1162 miljoen uit voor de verantwoordelijkheidsverdeling in de jeugdzorg", passage)
    assert quote_found("AWBZ-kinderen krijgen zorg", "AWBZkinderen krijgen zorg")
    assert not quote_found("trekt 2.000 miljoen uit voor defensie", passage)
    assert quote_found("een lang citaat dat over twee chunks loopt en hier grotendeels staat maar niet het eind",
                       "een lang citaat dat over twee chunks loopt en hier grotendeels staat maar")  # fmt: skip


def test_contains_fact_normalises_numbers():
    assert contains_fact("Het gaat om 1162 jongeren.", "1.162")
    assert contains_fact("Het gaat om € 11,4 mln.", "11,4")
    assert not contains_fact("Het gaat om 1163 jongeren.", "1.162")


def test_citation_validity_catches_dangling_and_unretrieved():
    p = {"rank": 1, "chunk_id": "a", "text": "De VNG wil een handreiking."}
    good = result("De VNG wil een handreiking [1].", [{"n": 1, "chunk_id": "a", "text": p["text"]}], [p])
    assert citations_valid(good)
    assert not citations_valid(result("Zie [2].", [{"n": 1, "chunk_id": "a", "text": ""}], [p]))
    assert not citations_valid(result("Zie [1].", [{"n": 1, "chunk_id": "z", "text": ""}], [p]))


def test_faithfulness_counts_sentences_supported_by_their_citations():
    c = {"n": 1, "chunk_id": "a", "text": "Dhr. Meijer stelt een handreiking voor gemeenten voor.", "title": "Verslag"}
    half = result("Meijer stelt een handreiking voor gemeenten voor [1]. De maan is van kaas en groen.", [c], [])
    assert faithfulness(half) == 0.5
    assert faithfulness(result("Dit staat niet in de documenten.", [], [], refused=True)) is None


def test_score_item_and_aggregate_on_a_hand_made_case():
    item = {"id": "x", "kind": "numeric", "question": "?", "must_contain": ["1.162"], "meeting_date": "2019-11-06",
            "sources": [{"quote": "1.162 jongeren kregen hulp"}]}  # fmt: skip
    passages = [{"rank": 1, "chunk_id": "a", "text": "Iets anders."},
                {"rank": 2, "chunk_id": "b", "text": "In 2019: 1162 jongeren kregen hulp."}]  # fmt: skip
    cites = [{"n": 1, "chunk_id": "b", "text": passages[1]["text"], "meeting_date": "2019-11-06", "doc_type": "nota"}]
    s = score_item(item, result("Volgens de nota kregen 1162 jongeren hulp [1].", cites, passages))
    assert (s["hit@1"], s["hit@5"], s["rr"], s["cited_gold"], s["fact_accuracy"], s["date_match"]) == (
        False, True, 0.5, True, True, True)  # fmt: skip
    refused = score_item({**item, "id": "y", "kind": "unanswerable", "sources": [], "must_contain": []},
                         result("Dit staat niet ...", [], passages, refused=True))  # fmt: skip
    overall = aggregate([s, refused])
    assert overall["mrr"] == 0.5 and overall["refusal_accuracy"] == 1.0 and overall["false_refusal_rate"] == 0.0
    assert refused["date_match"] is None and overall["date_match_n"] == 1  # a right refusal has no date to miss


def test_sample_set_follows_the_format_and_quotes_are_verbatim_in_the_corpus():
    items = load_set(SAMPLE_SET)
    assert len(items) >= 80
    kinds = [i["kind"] for i in items]
    assert kinds.count("position") >= 15 and kinds.count("multi-doc") >= 8 and kinds.count("unanswerable") >= 8
    assert kinds.count("numeric") >= 5 and kinds.count("follow-up") >= 3
    assert sum(1 for i in items if i.get("meeting_date") or i.get("doc_type")) >= 10
    corpus = {p.stem + ".pdf": normalise(p.read_text(encoding="utf-8")) for p in REFERENCE.glob("*.txt")}
    for item in items:
        if item["kind"] == "unanswerable":
            assert not item["sources"] and not item["must_contain"], item["id"]
        for source in item["sources"]:
            assert normalise(source["quote"]) in corpus[source["file"]], (item["id"], source["quote"])
    assert len({i["id"] for i in items}) == len(items)


def test_every_set_quotes_the_corpus_verbatim_and_the_tuning_set_is_all_tuning_split():
    from eval.fit import split_of

    corpus = {p.stem + ".pdf": normalise(p.read_text(encoding="utf-8")) for p in REFERENCE.glob("*.txt")}
    for name in ("dev.jsonl", "tuning.jsonl"):
        items = load_set(ROOT / "eval" / "sets" / name)
        assert len({i["id"] for i in items}) == len(items)
        for item in items:
            assert bool(item["sources"]) == (item["kind"] != "unanswerable"), item["id"]
            for source in item["sources"]:
                assert normalise(source["quote"]) in corpus[source["file"]], (item["id"], source["quote"])
    assert {split_of(i["id"]) for i in load_set(ROOT / "eval" / "sets" / "tuning.jsonl")} == {"A"}


def _report(rows, files=None):
    """A minimal report: rows of (id, kind, hit, refused, cited title)."""
    results = [
        {"item": {"question": f"vraag {qid}?"},
         "scores": {"id": qid, "kind": kind, "answerable": kind != "unanswerable", "hit@5": hit, "cited_gold": hit,
                    "false_refusal": refused if kind != "unanswerable" else None,
                    "refusal_correct": refused if kind == "unanswerable" else None, "latency_ms": 1.0},
         "result": {"citations": [{"title": title}] if title else []}}
        for qid, kind, hit, refused, title in rows
    ]  # fmt: skip
    return {"results": results, "metrics": {"all": aggregate([r["scores"] for r in results])}, "files": files}


def test_compare_and_thresholds():
    diff = compare(_report([("q1", "factoid", True, False, "Verslag")]), _report([("q1", "factoid", False, True, "")]))
    assert {r["metric"] for r in diff["regressed"]} == {"hit@5", "cited_gold", "false_refusal"}
    assert diff["changes"][0]["cited_before"] == "Verslag" and diff["changes"][0]["cited_after"] == ""
    better = compare(_report([("q1", "factoid", False, False, "Nota")]), _report([("q1", "factoid", True, False, "V")]))
    assert better["improved"] and not better["regressed"]
    worse = _report([("q1", "factoid", False, True, "")])
    assert threshold_misses(worse, {"hit@5": 0.5, "false_refusal_rate": 0.1}) == [
        "hit@5 = 0.000 < 0.5", "false_refusal_rate = 1.000 > 0.1"]  # fmt: skip


def test_runs_with_different_questions_are_compared_on_the_questions_they_share():
    smoke = _report([("q1", "factoid", True, False, "A"), ("q2", "factoid", False, False, "B")], {"a.pdf": "1"})
    full = _report([("q1", "factoid", True, False, "A"), ("q2", "factoid", False, False, "B"),
                    ("q3", "factoid", False, False, "C"), ("q4", "unanswerable", False, False, "D")],
                   {"a.pdf": "2", "b.pdf": "1"})  # fmt: skip
    diff = compare(smoke, full)
    assert (diff["shared"], diff["only_old"], diff["only_new"]) == (2, 0, 2)
    assert diff["deltas"]["hit@5"] == 0.0  # not -0.17 from the two questions the smoke run never asked
    assert not diff["regressed"] and not diff["changes"]
    assert diff["files"] == {"added": ["b.pdf"], "removed": [], "changed": ["a.pdf"]}
    assert compare({**smoke, "files": None}, full)["files"] is None  # a report from before the manifest


def test_a_quick_run_samples_every_kind_of_question():
    items = [{"id": f"f{n}", "kind": "factoid"} for n in range(20)] + [
        {"id": f"u{n}", "kind": "unanswerable"} for n in range(4)] + [{"id": "d1", "kind": "date"}]  # fmt: skip
    sample = stratified(items, 6)
    assert len(sample) == 6 and {i["kind"] for i in sample} == {"factoid", "unanswerable", "date"}
    assert [i["id"] for i in sample] == [i["id"] for i in items if i in sample]  # the set's order
    assert stratified(items, 0) == items and stratified(items, 100) == items


@pytest.mark.slow
def test_runner_scores_an_unseen_set_and_agrees_with_an_independent_scorer(sample_data_dir, tmp_path):
    unseen = tmp_path / "unseen.jsonl"
    rows = [
        {"id": "u1", "question": "Wie volgt José Manshanden op als ambassadeur?", "kind": "factoid",
         "must_contain": ["Menting"], "sources": [{"quote": "zal worden opgevolgd door Jan Menting"}]},
        {"id": "u2", "question": "Wat zei de paus over jeugdzorg in 2024?", "kind": "unanswerable"},
    ]  # fmt: skip
    unseen.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = tmp_path / "report"
    cmd = [sys.executable, "-m", "assistant.cli", "--data-dir", str(sample_data_dir), "eval", "run", str(unseen),
           "--out", str(out), "--quiet", "--fail-under", "refusal_accuracy=1.0"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((out / "report.json").read_text())
    assert (out / "report.md").read_text().startswith("# Evaluatie unseen.jsonl")
    by_id = {r["item"]["id"]: r["result"] for r in report["results"]}
    # independent scoring straight from the definitions
    r1 = by_id["u1"]
    first_gold = next((p["rank"] for p in r1["passages"] if "opgevolgd door jan menting" in " ".join(
        p["text"].lower().split())), None)  # fmt: skip
    assert report["metrics"]["all"]["mrr"] == pytest.approx(1 / first_gold)
    assert report["metrics"]["all"]["fact_accuracy"] == (1.0 if "menting" in r1["answer"].lower() else 0.0)
    assert report["metrics"]["all"]["refusal_accuracy"] == (1.0 if by_id["u2"]["refused"] else 0.0)
    again = subprocess.run(cmd[:-2] + ["--baseline", str(out / "report.json"), "--out", str(tmp_path / "r2")],
                           capture_output=True, text=True, timeout=600)  # fmt: skip
    assert again.returncode == 0, again.stdout  # same corpus, same answers: no regression


# Measured on 2026-11-24 (fifth session) on split B (even-numbered items: never used to choose a constant or fit
# the model), extractive mode; the gate sits just below. sample B: hit@5 0.886, cited_gold 0.771, fact 0.828,
# date 0.882 (n=17), refusal 0.80 (n=5), false refusals 0.086. dev B: hit@5 1.0, cited_gold 0.821, fact 0.464,
# date 1.0 (n=15, answerable items only), refusal 0.714 (n=7), false refusals 0.107. The same on 2026-12-03.
GATES = {
    "sample.jsonl": {"hit@5": 0.85, "cited_gold": 0.74, "citation_valid": 1.0, "faithfulness": 0.97,
                     "fact_accuracy": 0.8, "date_match": 0.85, "refusal_accuracy": 0.8, "false_refusal_rate": 0.1},
    "dev.jsonl": {"hit@5": 0.96, "cited_gold": 0.78, "citation_valid": 1.0, "faithfulness": 0.97,
                  "fact_accuracy": 0.45, "date_match": 0.95, "refusal_accuracy": 0.7, "false_refusal_rate": 0.12},
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(GATES))
def test_reporting_split_of_each_set_stays_above_measured_thresholds(sample_assistant, name):
    """The regression gate, on the split no constant was chosen on."""
    from eval.fit import split_of
    from eval.runner import build_report, run_items, write_report

    items = [item for item in load_set(ROOT / "eval" / "sets" / name) if split_of(item["id"]) == "B"]
    records = run_items(items, sample_assistant.answer)
    report = build_report(records, set_names=[f"{name} (split B)"], assistant=sample_assistant)
    write_report(report, ROOT / "artifacts" / f"eval-{name.removesuffix('.jsonl')}-B")
    assert report["config"]["answerability"]["fitted_on"].endswith("near-misses")
    assert threshold_misses(report, GATES[name]) == [], report["metrics"]["all"]
    assert_same_answers_as_saved(name, records)


SAVED = ROOT / "tests" / "data" / "answers"


def assert_same_answers_as_saved(name: str, records: list[dict]) -> None:
    """The answers equal the saved ones: a refactoring changes no answer; a deliberate change re-saves them
    (ASSISTANT_SAVE_ANSWERS=1) and the diff shows in review. Two answers may differ, for float ties between
    machines; the test names them."""
    now = [{"id": r["item"]["id"], "refused": r["result"]["refused"], "answer": r["result"]["answer"],
            "cited": [c["chunk_id"] for c in r["result"]["citations"]]} for r in records]  # fmt: skip
    path = SAVED / name
    if os.environ.get("ASSISTANT_SAVE_ANSWERS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in now), encoding="utf-8")
    saved = {a["id"]: a for a in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    changed = [a["id"] for a in now if saved.get(a["id"]) != a]
    assert len(saved) == len(now) and len(changed) <= 2, f"{len(changed)} answers changed: {changed}"
