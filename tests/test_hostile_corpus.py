"""The generated hostile corpus, ingested beside an existing index: every case ends as it must, in time,
with a Dutch reason and no Python error text, and nothing outside the folder gets in."""

from __future__ import annotations

import json
import re
import time
from collections import Counter

from ingest.pipeline import Progress, ingest
from tests.conftest import ROOT
from tests.hostile_corpus import GOOD_TEXT, SECRET, build

PYTHON_TEXT = re.compile(r"Error|Exception|Traceback|codec|surrogate|errno|\bline \d+|\w+\.py\b")
FILE_LIMIT = 130.0  # seconds any one file may take from being read to being added or refused


def test_every_hostile_case_ends_as_it_must_and_the_existing_index_is_kept(tmp_path, fake_index):
    kept = tmp_path / "bestaand"
    kept.mkdir()
    (kept / "besluit.txt").write_text("Besluit over de jeugdbescherming in de regio Utrecht. " + GOOD_TEXT)
    ingest([kept], index=fake_index)
    before = {cid: text for cid, text in _chunks(fake_index).items()}

    folder = tmp_path / "corpus"
    cases = build(folder, tmp_path / "buiten")
    assert len(cases) >= 100
    started: dict[str, float] = {}

    def progress(p: Progress) -> None:
        started.setdefault(p.file, time.perf_counter())

    t0 = time.perf_counter()
    report = ingest([folder], index=fake_index, progress=progress)
    t1 = time.perf_counter()

    results = {r.source_file: r for r in report.results}
    order = sorted(started.items(), key=lambda kv: kv[1]) + [("", t1)]
    seconds = {name: round(order[k + 1][1] - at, 2) for k, (name, at) in enumerate(order[:-1])}
    outcomes = []
    for case in cases:
        result = results.get(case.name)
        outcomes.append({"case": case.name, "kind": case.kind, "expect": case.expect,
                         "status": result.status if result else "absent", "reason": result.reason if result else "",
                         "seconds": seconds.get(case.name, 0.0)})  # fmt: skip
    slowest = max(outcomes, key=lambda o: o["seconds"])
    summary = {
        "cases": len(cases), "files_reported": len(report.results), "seconds": round(t1 - t0, 1),
        "outcomes": dict(Counter(o["status"] for o in outcomes)),
        "slowest": {"case": slowest["case"], "seconds": slowest["seconds"]}, "results": outcomes,
    }  # fmt: skip
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "hostile-report.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1))
    print(f"\nhostile corpus: {summary['cases']} cases, {summary['outcomes']}, {summary['seconds']} s, "
          f"slowest {slowest['case']!r} {slowest['seconds']} s")  # fmt: skip

    wrong = [o for o in outcomes if not _as_expected(o)]
    assert not wrong, json.dumps(wrong, ensure_ascii=False, indent=1)
    assert not set(results) - {c.name for c in cases}, "a file outside the cases was reported"
    errors = [(r.source_file, r.reason) for r in report.results if PYTHON_TEXT.search(r.reason)]
    assert not errors, errors
    assert slowest["seconds"] < FILE_LIMIT, slowest

    texts = _chunks(fake_index)
    assert not [t for t in texts.values() if SECRET.split()[0] in t], "text from outside the folder was indexed"
    assert before.items() <= texts.items(), "the existing index changed"
    assert fake_index.store.ids() == fake_index.catalog.chunk_ids()


def _as_expected(outcome: dict) -> bool:
    status, expect = outcome["status"], outcome["expect"]
    refused = status in ("skipped", "failed") and bool(outcome["reason"])
    return {"added": status == "added", "refused": refused, "either": status == "added" or refused,
            "absent": status == "absent"}[expect]  # fmt: skip


def _chunks(index) -> dict[str, str]:
    return {cid: p.text for cid, p in index.passages(index.catalog.chunk_ids()).items()}
