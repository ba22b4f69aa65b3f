"""The evaluation page: run a set, see the metrics and what changed since the previous run."""

from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from assistant.app.common import get_assistant, settings
from eval.runner import SHOWN, build_report, compare, load_set, run_items, write_report

SETS_DIR = Path(__file__).resolve().parents[2] / "eval" / "sets"


def page() -> None:
    """Render the evaluation runner."""
    st.title("Evaluatie")
    st.caption("Vraag/antwoord-sets in eval/sets/*.jsonl; de scores hebben geen taalmodel nodig.")
    sets = sorted(SETS_DIR.glob("*.jsonl"))
    if not sets:
        st.info("Geen evaluatiesets gevonden in eval/sets/.")
        return
    chosen = st.selectbox("Set", sets, format_func=lambda p: p.name)
    limit = st.number_input("Aantal vragen (0 = alle)", min_value=0, value=0, step=10)
    reports = settings().data_dir / "eval" / chosen.stem
    previous = _load(reports / "report.json")
    if st.button("Evaluatie starten", type="primary"):
        items = load_set(chosen)
        items = items[: int(limit)] if limit else items
        bar = st.progress(0.0, text="Vragen beantwoorden ...")
        assistant = get_assistant()
        records = run_items(
            items, assistant.answer, progress=lambda n, total: bar.progress(n / total, text=f"{n}/{total}")
        )
        report = build_report(records, set_names=[chosen.name], assistant=assistant)
        if previous:
            (reports / "previous.json").parent.mkdir(parents=True, exist_ok=True)
            (reports / "previous.json").write_text(json.dumps(previous, ensure_ascii=False), encoding="utf-8")
        write_report(report, reports)
        st.session_state["eval_report"] = report
    report = st.session_state.get("eval_report") or previous
    if report:
        show(report, _load(reports / "previous.json") if report is not previous else None)


def _load(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def show(report: dict, previous: dict | None) -> None:
    """Metrics, a chart, the per-question table and the comparison with the previous run."""
    overall = report["metrics"]["all"]
    st.caption(f"Corpusversie {report['corpus_version']} · {overall['n']} vragen · {report['created']}")
    cols = st.columns(5)
    for col, name in zip(cols, ("hit@5", "cited_gold", "fact_accuracy", "refusal_accuracy", "false_refusal_rate"),
                         strict=True):  # fmt: skip
        delta = None
        if previous and overall.get(name) is not None and previous["metrics"]["all"].get(name) is not None:
            delta = round(overall[name] - previous["metrics"]["all"][name], 3)
        col.metric(name, "–" if overall.get(name) is None else f"{overall[name]:.2f}", delta,
                   delta_color="inverse" if name == "false_refusal_rate" else "normal")  # fmt: skip
    by_kind = pd.DataFrame(
        [
            {"soort": kind, "metriek": name, "waarde": m[name]}
            for kind, m in report["metrics"].items()
            for name in SHOWN
            if m.get(name) is not None
        ]  # fmt: skip
    )
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
    if previous:
        diff = compare(previous, report)
        st.subheader("Vergeleken met de vorige run")
        if diff["regressed"]:
            st.error(f"{len(diff['regressed'])} achteruitgang(en)")
            st.dataframe(pd.DataFrame(diff["regressed"]), hide_index=True, width="stretch")
        else:
            st.success("Geen achteruitgang.")
        if diff["improved"]:
            st.dataframe(pd.DataFrame(diff["improved"]), hide_index=True, width="stretch")
