"""Precision and recall of the job description key terms over the labelled job ads."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fikadesk.domain.interview.terms import extract_key_terms, stem, term_spans, tokenize  # noqa: E402

ADS = ROOT / "tests" / "data" / "job_descriptions"
MATCH_SETS = (
    ("tuning: answers to the labelled ads", ROOT / "tests" / "data" / "term_match_ads.json"),
    ("fresh: never tuned against", ROOT / "tests" / "data" / "term_match_fresh.json"),
)


@dataclass(frozen=True)
class Ad:
    """One labelled job ad: its text and the reader's lists (alternatives joined by "|")."""

    name: str
    text: str
    must: tuple[str, ...]
    accept: tuple[str, ...]
    reject: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """How the extracted terms of one ad compare with its labels."""

    name: str
    terms: tuple[str, ...]
    accepted: tuple[str, ...]
    rejected: tuple[str, ...]
    found: tuple[str, ...]
    missed: tuple[str, ...]
    case_ok: int

    @property
    def precision(self) -> float:
        return len(self.accepted) / len(self.terms) if self.terms else 0.0

    @property
    def recall(self) -> float:
        total = len(self.found) + len(self.missed)
        return len(self.found) / total if total else 1.0


def load(folder: Path = ADS) -> list[Ad]:
    """Every ad in the folder: name.txt with its labels in name.json."""
    ads = []
    for path in sorted(folder.glob("*.txt")):
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        ads.append(Ad(path.stem, path.read_text(encoding="utf-8"), tuple(labels["must"]),
                      tuple(labels["accept"]), tuple(labels["reject"])))
    return ads


def key(term: str) -> tuple[str, ...]:
    """The case-free stems of a term, the way the app matches terms."""
    return tuple(stem(w) for w, _, _ in tokenize(term))


def _spellings(labels: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    return {key(alt): alt for label in labels for alt in label.split("|")}


def score(ad: Ad, terms: tuple[str, ...]) -> Score:
    """Accepted terms (on the must or accept list), rejected ones, must terms found and missed."""
    good = _spellings(ad.must) | _spellings(ad.accept)
    bad = set(_spellings(ad.reject))
    keys = {key(t): t for t in terms}
    accepted = tuple(t for t in terms if key(t) in good)
    found = tuple(m for m in ad.must if any(key(alt) in keys for alt in m.split("|")))
    missed = tuple(m for m in ad.must if m not in found)
    return Score(
        ad.name, terms, accepted, tuple(t for t in terms if key(t) in bad), found, missed,
        sum(good[key(t)] == t for t in accepted),
    )


def evaluate(folder: Path = ADS, top_n: int = 10) -> list[Score]:
    """Score the extractor on every labelled ad."""
    return [score(ad, tuple(t.term for t in extract_key_terms(ad.text, top_n))) for ad in load(folder)]


def overall(scores: list[Score]) -> tuple[float, float]:
    """Precision and recall over all ads together (each term and each must term counts once)."""
    terms = sum(len(s.terms) for s in scores)
    accepted = sum(len(s.accepted) for s in scores)
    must = sum(len(s.found) + len(s.missed) for s in scores)
    found = sum(len(s.found) for s in scores)
    return (accepted / terms if terms else 0.0, found / must if must else 1.0)


def table(scores: list[Score]) -> str:
    """One row per ad, then the overall row."""
    rows = [f"{'ad':<22} {'terms':>5} {'prec':>5} {'rec':>5} {'reject':>6} {'case':>5}"]
    for s in scores:
        case = f"{s.case_ok}/{len(s.accepted)}"
        rows.append(f"{s.name:<22} {len(s.terms):5d} {s.precision:5.2f} {s.recall:5.2f} "
                    f"{len(s.rejected):6d} {case:>5}")
    p, r = overall(scores)
    rejected = sum(len(s.rejected) for s in scores)
    case = f"{sum(s.case_ok for s in scores)}/{sum(len(s.accepted) for s in scores)}"
    rows.append(f"{'overall':<22} {sum(len(s.terms) for s in scores):5d} {p:5.2f} {r:5.2f} "
                f"{rejected:6d} {case:>5}")
    return "\n".join(rows)


def details(scores: list[Score]) -> str:
    """Each ad's terms marked + (accepted), ! (on the reject list) or ? (neither), and the misses."""
    lines = []
    for s in scores:
        marks = [("+" if t in s.accepted else "!" if t in s.rejected else "?") + t for t in s.terms]
        lines.append(f"{s.name}: {', '.join(marks)}")
        if s.missed:
            lines.append(f"  missed: {', '.join(s.missed)}")
    return "\n".join(lines)


def matching(path: Path) -> tuple[int, int, int, list[str]]:
    """How the app matches job terms in labelled answers: (true pos, false pos, false neg, misses)."""
    tp = fp = fn = 0
    wrong: list[str] = []
    for pair in json.loads(path.read_text(encoding="utf-8"))["pairs"]:
        want = set(pair["matched"])
        for term in pair["terms"]:
            got = bool(term_spans(term, pair["text"]))
            tp += got and term in want
            fp += got and term not in want
            fn += not got and term in want
            if got != (term in want):
                wrong.append(f"  {pair['id']}: {'extra' if got else 'missed'} {term!r}")
    return tp, fp, fn, wrong


def matching_table() -> str:
    """Precision and recall of matching job terms in answer text, per labelled set."""
    rows = [f"{'matching set':<38} {'prec':>5} {'rec':>5} {'tp':>3} {'fp':>3} {'fn':>3}"]
    for title, path in MATCH_SETS:
        tp, fp, fn, wrong = matching(path)
        p, r = tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0
        rows.append(f"{title:<38} {p:5.2f} {r:5.2f} {tp:3d} {fp:3d} {fn:3d}")
        if "-v" in sys.argv:
            rows.extend(wrong)
    return "\n".join(rows)


def main() -> int:
    """Print the tables (and with -v every ad's terms and every matching mistake); exits 0."""
    scores = evaluate()
    print(table(scores))
    print()
    print(matching_table())
    if "-v" in sys.argv:
        print()
        print(details(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
