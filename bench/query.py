"""Query benchmark over the sample corpus: warm p50/p95 for retrieval and answers, and cold start.

python bench/query.py [--data-dir DIR]   # builds a sample index in a temp dir when not given
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Settings, open_assistant  # noqa: E402
from assistant.answer.retrieve import retrieve  # noqa: E402
from eval.runner import load_set  # noqa: E402

COLD = """
import time; t = time.perf_counter()
from assistant import Settings, open_assistant
a = open_assistant(Settings.from_env(data_dir={data!r}), mode="extractive")
a.answer("Wat bracht de VNG in over faire tarieven in het BO van 6 november 2019?")
print(time.perf_counter() - t)
"""


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = args.data_dir
    if data is None:
        data = Path(tempfile.mkdtemp(prefix="bench-query-"))
        subprocess.run([sys.executable, "-m", "assistant.cli", "--data-dir", str(data), "ingest", "--quiet",
                        str(ROOT / "corpus" / "sample")], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    questions = [i["question"] for i in load_set(ROOT / "eval" / "sets" / "sample.jsonl") if not i.get("history")]
    cold = [float(subprocess.run([sys.executable, "-c", COLD.format(data=str(data))], capture_output=True,
                                 text=True, check=True, cwd=ROOT).stdout) for _ in range(3)]  # fmt: skip
    assistant = open_assistant(Settings.from_env(env={}, data_dir=data), mode="extractive")
    index = assistant.index
    assistant.answer(questions[0])  # warm up
    retrieval, answers = [], []
    for _ in range(args.rounds):
        for q in questions:
            t = time.perf_counter()
            retrieve(q, index=index)
            retrieval.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            assistant.answer(q)
            answers.append((time.perf_counter() - t) * 1000)
    print(f"{len(questions)} questions x {args.rounds} rounds on {index.counts()['chunks']} chunks")
    print(f"retrieval (warm):         p50 {statistics.median(retrieval):.0f} ms   p95 {pct(retrieval, 0.95):.0f} ms")
    print(f"extractive answer (warm): p50 {statistics.median(answers):.0f} ms   p95 {pct(answers, 0.95):.0f} ms")
    print(f"cold start (new process, open index, load model, first answer): "
          f"median {statistics.median(cold):.2f} s, max {max(cold):.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
