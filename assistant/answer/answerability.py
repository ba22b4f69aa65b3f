"""The answerability decision: one small logistic model over the evidence features, fitted, not hand-set.

The coefficients live in `answerability.json` beside this module, written by `assistant eval fit`
together with what they were fitted on and how they scored on data they were not fitted on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from assistant.answer.evidence import FEATURES, Evidence

MODEL_PATH = Path(__file__).with_name("answerability.json")


def ruled_out(date_missing: float, outcome_open: float) -> bool:
    """The rules before the weights: a day no document is about, an outcome the documents say is still open."""
    return bool(date_missing or outcome_open)


@dataclass(frozen=True)
class AnswerabilityModel:
    """P(answerable) = sigmoid(bias + weights · features); answer when it reaches `threshold`."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    features: tuple[str, ...] = FEATURES
    fitted_on: str = "unfitted"

    def probability(self, evidence: Evidence) -> float:
        """How likely the retrieved evidence answers the question (0..1)."""
        values = dict(zip(FEATURES, evidence.vector(), strict=True))
        z = self.bias + sum(w * values[name] for w, name in zip(self.weights, self.features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def answerable(self, evidence: Evidence, threshold: float | None = None) -> bool:
        """False when the evidence does not hold an answer; a day or meeting no document has, or an outcome the
        documents say is still open, is never answered.

        `threshold` overrides the fitted probability cut (ASSISTANT_REFUSAL_THRESHOLD)."""
        cut = self.threshold if threshold is None else threshold
        return not ruled_out(evidence.date_missing, evidence.outcome_open) and self.probability(evidence) >= cut

    def as_dict(self) -> dict:
        """The model as stored and as recorded in every eval report."""
        return {
            "features": list(self.features),
            "weights": [round(w, 4) for w in self.weights],
            "bias": round(self.bias, 4),
            "threshold": round(self.threshold, 4),
            "fitted_on": self.fitted_on,
        }

    @classmethod
    def from_dict(cls, data: dict) -> AnswerabilityModel:
        """The model from its stored form."""
        return cls(
            weights=tuple(float(w) for w in data["weights"]),
            bias=float(data["bias"]),
            threshold=float(data.get("threshold", 0.5)),
            features=tuple(data["features"]),
            fitted_on=str(data.get("fitted_on", "")),
        )


def load_model(path: Path = MODEL_PATH) -> AnswerabilityModel:
    """The fitted model shipped with the package."""
    return AnswerabilityModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
