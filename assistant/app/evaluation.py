"""The evaluation page: run a set (all of it or a stratified sample), keep named baselines, and compare a
run with a baseline on the questions both answered."""

from __future__ import annotations

import json
import re
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from assistant.app.common import get_assistant, settings
from assistant.app.render import label
from eval.metrics import EXPLANATIONS
from eval.runner import SHOWN, build_report, compare, load_set, run_items, stratified

SETS_DIR = Path(__file__).resolve().parents[2] / "eval" / "sets"
HEADLINE = ("hit@5", "cited_gold", "fact_accuracy", "refusal_accuracy", "false_refusal_rate")
KEEP_RUNS = 20


def page() -> None:
    """Render the evaluation runner."""
    st.title("Evaluatie")
    st.caption("Vraag/antwoord-sets in eval/sets/*.jsonl; de scores hebben geen taalmodel nodig.")
    sets = sorted(SETS_DIR.glob("*.jsonl"))
    if not sets:
        st.info("Geen evaluatiesets gevonden in eval/sets/.")
        return
    chosen = st.selectbox("Set", sets, format_func=lambda p: p.name)
    items = load_set(chosen)
    limit = st.number_input(
        f"Aantal vragen (0 = alle {len(items)})", min_value=0, max_value=len(items), value=0, step=10,
        help="Een snelle run neemt van elke soort vraag een deel, ook onbeantwoordbare vragen.",
    )  # fmt: skip
    folder = settings().data_dir / "eval" / chosen.stem
    if st.button("Evaluatie starten", type="primary"):
        picked = stratified(items, int(limit))
        bar = st.progress(0.0, text="Vragen beantwoorden ...")
        assistant = get_assistant()
        records = run_items(
            picked, assistant.answer, progress=lambda n, total: bar.progress(n / total, text=f"{n}/{total}")
        )
        report = build_report(records, set_names=[chosen.name], assistant=assistant)
        _save(folder / "runs", report)
        st.session_state["eval_run"] = report["created"]
    runs = _reports(folder / "runs") + _reports(folder, legacy=True)
    if not runs:
        with st.expander("Wat betekenen de metrieken?"):
            _explain()
        return
    current = next((r for r in runs if r["created"] == st.session_state.get("eval_run")), runs[0])
    show(current)
    _baselines(folder, current, runs)
    with st.expander("Wat betekenen de metrieken?"):
        _explain()


def show(report: dict) -> None:
    """Metrics with their explanation, a chart per kind of question, and the per-question table."""
    overall = report["metrics"]["all"]
    st.subheader("Deze run")
    st.caption(f"Corpusversie {report['corpus_version']} · {overall['n']} vragen · {report['created']}")
    for col, name in zip(st.columns(len(HEADLINE)), HEADLINE, strict=True):
        value = overall.get(name)
        col.metric(name, "–" if value is None else f"{value:.2f}", help=EXPLANATIONS[name])
    by_kind = pd.DataFrame(
        [{"soort": kind, "metriek": name, "waarde": m[name]}
         for kind, m in report["metrics"].items() for name in SHOWN if m.get(name) is not None]
    )  # fmt: skip
    st.altair_chart(
        alt.Chart(by_kind).mark_bar().encode(
            x=alt.X("waarde:Q", scale=alt.Scale(domain=[0, 1])), y=alt.Y("metriek:N", title=None),
            color="metriek:N", row=alt.Row("soort:N", title=None),
        ).properties(height=120),
        width="content",
    )  # fmt: skip
    rows = []
    for record in report["results"]:
        s, r = record["scores"], record["result"]
        ok = (s.get("refusal_correct") if not s["answerable"] else
              bool(s.get("cited_gold", True) is not False and not s.get("false_refusal")))  # fmt: skip
        sources = ", ".join(c["title"] for c in r["citations"])
        rows.append({"id": s["id"], "soort": s["kind"], "goed": ok, "vraag": record["item"]["question"],
                     "antwoord": r["answer"][:300], "bronnen": sources})  # fmt: skip
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def _baselines(folder: Path, current: dict, runs: list[dict]) -> None:
    """Keep this run as a named baseline; compare it with a baseline or an earlier run of the same set."""
    st.subheader("Vergelijken")
    left, right = st.columns([3, 1])
    name = left.text_input("Naam van de basislijn", placeholder="bijv. voor-nieuwe-verslagen", key="ev_name")
    if right.button("Bewaar als basislijn", disabled=not name.strip()):
        _save(folder / "baselines", {**current, "baseline": name.strip()}, name=name)
        st.success(label(f"Basislijn '{name.strip()}' bewaard."))
    options = _reports(folder / "baselines") + [r for r in runs if r["created"] != current["created"]]
    if not options:
        st.caption("Nog niets om mee te vergelijken: bewaar een basislijn of start nog een run.")
        return
    baseline = st.selectbox("Vergelijk met", options, format_func=_describe, key="ev_baseline")
    diff = compare(baseline, current)
    st.caption(
        f"Vergeleken op {diff['shared']} gedeelde vragen ({diff['only_old']} alleen in de basislijn, "
        f"{diff['only_new']} alleen in deze run). Verschillen per metriek gelden alleen voor de gedeelde vragen."
    )
    if not diff["shared"]:
        st.warning("Deze runs hebben geen vragen gemeen; er valt niets te vergelijken.")
        return
    if diff["regressed"]:
        st.error(f"{len(diff['regressed'])} achteruitgang(en) op de gedeelde vragen.")
    else:
        st.success(f"Geen achteruitgang op de {diff['shared']} gedeelde vragen.")
    if diff["deltas"]:
        st.dataframe(pd.DataFrame([{"metriek": k, "verschil": v, "uitleg": EXPLANATIONS.get(k, "")}
                                   for k, v in diff["deltas"].items()]), hide_index=True, width="stretch")  # fmt: skip
    if diff["changes"]:
        st.markdown("**Per vraag wat er veranderde**")
        st.dataframe(pd.DataFrame(diff["changes"]).rename(columns={
            "id": "id", "question": "vraag", "changed": "verandering", "cited_before": "bronnen basislijn",
            "cited_after": "bronnen nu"}), hide_index=True, width="stretch")  # fmt: skip
    files = diff["files"]
    if files is None:
        st.caption(
            "Welke bestanden tussen de runs veranderden, is onbekend (een van de runs is van vóór die registratie)."
        )
    elif any(files.values()):
        st.markdown(label(
            f"Corpus veranderd: {len(files['added'])} toegevoegd, {len(files['changed'])} gewijzigd, "
            f"{len(files['removed'])} verwijderd — {', '.join(files['added'] + files['changed'] + files['removed'])}"
        ))  # fmt: skip
    else:
        st.caption("Tussen de runs veranderde geen corpusbestand.")


def _describe(report: dict) -> str:
    kind = f"basislijn '{report['baseline']}'" if report.get("baseline") else "run"
    n = report["metrics"]["all"]["n"]
    return f"{kind} · {report['created'][:16].replace('T', ' ')} · {n} vragen · corpus {report['corpus_version']}"


def _explain() -> None:
    st.dataframe(pd.DataFrame([{"metriek": k, "betekenis": v} for k, v in EXPLANATIONS.items()]),
                 hide_index=True, width="stretch")  # fmt: skip


def _save(folder: Path, report: dict, name: str | None = None) -> None:
    """Write a report; runs beyond the last KEEP_RUNS are dropped."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^\w.-]+", "-", name.strip()) if name else report["created"].replace(":", "")
    (folder / f"{stem}.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    if name is None:
        for old in sorted(folder.glob("*.json"))[:-KEEP_RUNS]:
            old.unlink()


def _reports(folder: Path, legacy: bool = False) -> list[dict]:
    """Reports in a folder, newest first (`legacy`: the report.json of earlier versions of this page)."""
    paths = [folder / "report.json"] if legacy else list(folder.glob("*.json"))
    found = [json.loads(p.read_text(encoding="utf-8")) for p in paths if p.is_file()]
    return sorted(found, key=lambda r: r["created"], reverse=True)
