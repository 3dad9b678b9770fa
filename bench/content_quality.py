"""Content quality: the rubric (``aicmo_kernel.qc.rubric``) over the offline drafts of every brief
of the corpus (``tests/data/briefs_corpus``), printed per check and per brief.

    python bench/content_quality.py                 # the table, failures of the weakest briefs
    python bench/content_quality.py --json out.json # also every score and failure as JSON
    python bench/content_quality.py --briefs DIR    # another folder of brief files
    python bench/content_quality.py --failures all  # every failure of every brief

Deterministic (no clock, no model): the same code gives the same numbers, so a before and an
after are comparable. Saved runs live in ``bench/results/content_quality_*.txt``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aicmo_kernel.qc.rubric import RUBRIC, BriefScore, score_drafts  # noqa: E402
from aicmo_kernel.testing.offline_drafts import drafts_for_file  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "briefs_corpus"


def score_corpus(folder: Path) -> list[BriefScore]:
    scores = []
    for path in sorted(folder.glob("*.y*ml")) + sorted(folder.glob("*.json")):
        run = drafts_for_file(path)
        scores.append(score_drafts(run.name, run.facts, run.drafts, run.errors))
    return scores


def check_means(scores: list[BriefScore]) -> dict[str, tuple[float | None, int]]:
    out: dict[str, tuple[float | None, int]] = {}
    for check_id in RUBRIC:
        applied = [s.checks[check_id] for s in scores if s.checks[check_id] is not None]
        out[check_id] = (round(sum(applied) / len(applied), 3) if applied else None, len(applied))
    return out


def report(scores: list[BriefScore], failures: str = "weakest") -> str:
    lines = [f"Content quality rubric over {len(scores)} briefs (offline composer)", "", "Per check (mean over the briefs it applies to; briefs fully passing):", ""]
    for check_id, (mean, count) in check_means(scores).items():
        passing = sum(1 for s in scores if s.checks[check_id] == 1.0)
        shown = "  n/a" if mean is None else f"{mean:5.3f}"
        lines.append(f"  {check_id:<24} {shown}   {passing:>2}/{count:<2} briefs pass   {RUBRIC[check_id][0]}")
    overall = round(sum(s.score for s in scores) / len(scores), 3) if scores else 0.0
    lines += ["", f"Overall (mean of brief scores): {overall:.3f}", "", "Per brief:", ""]
    for s in scores:
        weak = ", ".join(f"{k} {v:.2f}" for k, v in s.checks.items() if v is not None and v < 1)
        lines.append(f"  {s.name:<26} {s.score:5.3f}   {weak or 'all checks pass'}")
    chosen = scores if failures == "all" else sorted(scores, key=lambda s: s.score)[:5] if failures == "weakest" else []
    if chosen:
        lines += ["", "Failures" + (" (the five weakest briefs, three per check)" if failures == "weakest" else "") + ":"]
        for s in chosen:
            lines.append(f"\n  {s.name}")
            for check_id, items in s.failures.items():
                for item in items[: 3 if failures == "weakest" else None]:
                    lines.append(f"    {check_id}: {item}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, help="write every score and failure to this file")
    parser.add_argument("--failures", choices=["weakest", "all", "none"], default="weakest")
    args = parser.parse_args(argv)
    scores = score_corpus(args.briefs)
    print(report(scores, args.failures))
    if args.json:
        args.json.write_text(json.dumps({"checks": {k: v[0] for k, v in check_means(scores).items()},
                                         "briefs": [{"name": s.name, "score": s.score, "checks": s.checks,
                                                     "failures": s.failures} for s in scores]},
                                        indent=1, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
