"""Grounding metrics that need no LLM judge; every function works on plain result dicts."""

from __future__ import annotations

import re
import statistics
import unicodedata
from difflib import SequenceMatcher

FOUND_SHARE = 0.8  # a quote is found when this share of its words appears in order in a passage


def normalise(text: str) -> str:
    """Lower case, no punctuation, PDF line breaks and hyphenation undone, '1.162' as '1162'."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"(?<=[^\W\d])-(?=[^\W\d])", "", text)  # 'AWBZ-kinderen' as PDFs join it: 'AWBZkinderen'
    text = re.sub(r"(?<=\d)[.\u2009 ](?=\d{3}\b)", "", text)
    text = re.sub(r"[^\w€%]+", " ", text.lower())
    return " ".join(text.split())


# The metrics measure the product, so they share none of its text handling: their own normalisation,
# citation-marker reading, stopwords and word matching (the first six letters stand for a word's stem).
_MARKS = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_STOPWORDS = frozenset(
    "aan als bij dat de deze die dit door een en er het hier hij hun ik in is maar met na naar niet nog of om "
    "omdat ook op over te tot uit van voor was wat we wel werd wordt zal ze zich zij zijn zo zou".split()
)
STEM = 6


def cited_numbers(text: str) -> list[int]:
    """Every citation number in a text, in order ('[2]', '[1, 3]')."""
    return [int(n) for group in _MARKS.findall(text) for n in re.split(r"\s*[,;]\s*", group)]


def content_words(text: str) -> set[str]:
    """The normalised content words of a text, cut to their first letters; numbers of three digits and more."""
    words = normalise(_MARKS.sub(" ", text)).split()
    return {w[:STEM] for w in words if w not in _STOPWORDS and (len(w) > 2 if w.isdigit() else len(w) > 1)}


def quote_found(quote: str, passage: str) -> bool:
    """True when the passage holds the quote, or most of it in order (chunk borders cut quotes)."""
    q, p = normalise(quote), normalise(passage)
    if not q:
        return False
    if q in p:
        return True
    qw, pw = q.split(), p.split()
    matcher = SequenceMatcher(None, qw, pw, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / len(qw) >= FOUND_SHARE


def gold_ranks(quotes: list[str], passages: list[dict]) -> list[int | None]:
    """For each gold quote, the 1-based rank of the first passage holding it (None if none)."""
    return [next((p["rank"] for p in passages if quote_found(q, p["text"])), None) for q in quotes]


def contains_fact(answer: str, fact: str) -> bool:
    """The answer states the fact (case, punctuation and thousands separators ignored)."""
    return normalise(fact) in normalise(answer)


def citations_valid(result: dict) -> bool:
    """No dangling [n]: every number in the answer has a citation; every citation was retrieved."""
    numbers = set(cited_numbers(result["answer"]))
    cited = {c["n"] for c in result["citations"]}
    retrieved = {p.get("chunk_id") for p in result["passages"]}
    return numbers <= cited and all(c.get("chunk_id") in retrieved for c in result["citations"])


_NOTE = re.compile(r"^\s*\(.*\)\s*$")  # a whole line in parentheses: what the assistant says of itself


def faithfulness(result: dict) -> float | None:
    """Share of answer sentences whose content words are mostly (>= 70%) in the passages they cite."""
    if result["refused"] or not result["citations"]:
        return None
    # a citation vouches for its passage and for what it says of the source (type, meeting, date)
    by_n = {c["n"]: " ".join(str(c.get(k) or "") for k in ("text", "title", "doc_type", "meeting", "meeting_date"))
            for c in result["citations"]}  # fmt: skip
    lines = [line for line in result["answer"].split("\n") if not _NOTE.match(line)]  # the assistant's own notes
    supported = total = 0
    for paragraph in re.split(r"\n+", "\n".join(lines)):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", paragraph) if content_words(s)]
        cited = [set(cited_numbers(s)) for s in sentences]
        for k, sentence in enumerate(sentences):
            # an uncited piece (a lead-in, or text cut at an abbreviation) belongs to the next cited one
            # in its paragraph, else to the one before
            after = next((c for c in cited[k:] if c), set())
            numbers = cited[k] or after or next((c for c in reversed(cited[:k]) if c), set())
            words = content_words(sentence)
            source = content_words(" ".join(by_n.get(n, "") for n in numbers))
            total += 1
            if words and numbers and len(words & source) / len(words) >= 0.7:
                supported += 1
    return supported / total if total else None


def score_item(item: dict, result: dict, k: int = 5) -> dict:
    """Every per-question metric for one item and its result (None where it does not apply)."""
    quotes = [s["quote"] for s in item.get("sources", [])]
    answerable = item.get("kind") != "unanswerable"
    ranks = gold_ranks(quotes, result["passages"]) if quotes else []
    found = [r for r in ranks if r is not None]
    top = result["citations"][0] if result["citations"] else None
    cited_gold = any(quote_found(q, c["text"]) for q in quotes for c in result["citations"]) if quotes else None
    facts = item.get("must_contain") or []
    return {
        "id": item["id"],
        "kind": item.get("kind", "factoid"),
        "answerable": answerable,
        "hit@1": bool(found and min(found) <= 1) if quotes else None,
        f"hit@{k}": bool(found and min(found) <= k) if quotes else None,
        "hit@10": bool(found and min(found) <= 10) if quotes else None,
        f"coverage@{k}": (sum(r is not None and r <= k for r in ranks) / len(ranks)) if quotes else None,
        "rr": (1.0 / min(found) if found else 0.0) if quotes else None,
        "citation_valid": citations_valid(result),
        "cited_gold": (cited_gold and not result["refused"]) if quotes else None,
        "faithfulness": faithfulness(result),
        "fact_accuracy": (all(contains_fact(result["answer"], f) for f in facts)) if facts else None,
        # an unanswerable question that names a meeting has no right top citation: refusing it is right
        "date_match": (bool(top) and top["meeting_date"] == item["meeting_date"])
        if item.get("meeting_date") and answerable
        else None,
        "type_match": (bool(top) and top["doc_type"] == item["doc_type"]) if item.get("doc_type") else None,
        "refused": result["refused"],
        "refusal_correct": result["refused"] if not answerable else None,
        "false_refusal": result["refused"] if answerable else None,
        "latency_ms": result["timings_ms"]["total"],
    }


EXPLANATIONS = {
    "hit@1": "Staat een goede passage (met het citaat uit de set) bovenaan de opgehaalde passages?",
    "hit@5": "Staat een goede passage bij de eerste vijf opgehaalde passages?",
    "hit@10": "Staat een goede passage bij de eerste tien opgehaalde passages?",
    "coverage@5": "Welk deel van de goede passages staat bij de eerste vijf?",
    "mrr": "Gemiddeld 1/positie van de eerste goede passage (1 = bovenaan, 0 = niet gevonden).",
    "citation_valid": "Wijst elk bronnummer [n] in het antwoord naar een getoonde bron?",
    "cited_gold": "Citeert het antwoord een goede passage (en weigert het niet)?",
    "faithfulness": "Welk deel van de zinnen van het antwoord staat in de passage die het citeert?",
    "fact_accuracy": "Staan alle kernfeiten uit de set (getallen, namen, besluiten) in het antwoord?",
    "date_match": "Gaat de eerste bron over de vergaderdatum waar de vraag om draait (beantwoordbare vragen)?",
    "type_match": "Is de eerste bron van de soort die de vraag vraagt (verslag, nota, ...)?",
    "refusal_accuracy": "Van de vragen waar het dossier geen antwoord op heeft: welk deel weigert het?",
    "false_refusal_rate": "Van de beantwoordbare vragen: welk deel weigert het ten onrechte (lager is beter)?",
}
METRICS = ("hit@1", "hit@5", "hit@10", "coverage@5", "mrr", "citation_valid", "cited_gold", "faithfulness",
           "fact_accuracy", "date_match", "type_match", "refusal_accuracy", "false_refusal_rate")  # fmt: skip
_FIELD = {"mrr": "rr", "refusal_accuracy": "refusal_correct", "false_refusal_rate": "false_refusal"}


def aggregate(scores: list[dict]) -> dict:
    """Mean of each metric over the items it applies to, with counts and latency percentiles."""
    out: dict[str, object] = {"n": len(scores)}
    for metric in METRICS:
        values = [float(s[_FIELD.get(metric, metric)]) for s in scores if s.get(_FIELD.get(metric, metric)) is not None]
        out[metric] = round(sum(values) / len(values), 4) if values else None
        out[f"{metric}_n"] = len(values)
    latencies = sorted(s["latency_ms"] for s in scores)
    if latencies:
        out["latency_p50_ms"] = round(statistics.median(latencies), 1)
        out["latency_p95_ms"] = round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1)
    return out


def aggregate_by_kind(scores: list[dict]) -> dict[str, dict]:
    """The aggregate per question kind, and 'all'."""
    kinds = sorted({s["kind"] for s in scores})
    return {"all": aggregate(scores), **{kind: aggregate([s for s in scores if s["kind"] == kind]) for kind in kinds}}
