"""Content quality: the rubric (``aicmo_kernel.qc.rubric``) over the offline drafts of every brief
of the corpus (``tests/data/briefs_corpus``), printed per check and per brief.

    python bench/content_quality.py                 # the table, failures of the weakest briefs
    python bench/content_quality.py --json out.json # also every score and failure as JSON
    python bench/content_quality.py --briefs DIR    # another folder of brief files
    python bench/content_quality.py --failures all  # every failure of every brief
    python bench/content_quality.py --recorded DIR  # score recorded model drafts instead (one JSON per brief)
    python bench/content_quality.py --judge gpt-4o-mini            # add an LLM judge (needs its key)
    python bench/content_quality.py --record DIR [--loopback]      # record the configured model's drafts

Deterministic (no clock, no model): the same code gives the same numbers, so a before and an
after are comparable. Saved runs live in ``bench/results/content_quality_*.txt``.

``--recorded DIR`` scores what a model wrote (``aicmo_kernel.testing.recorded_drafts``: files
written by ``--record``, or ``aicmo export --format json`` documents named after their brief).
``--judge MODEL`` asks a model (``provider:model`` or a bare name; claude-* is Anthropic's) to
score each brief's drafts 1-5 on a few criteria (``aicmo_kernel.testing.judge``), through the
product's provider chain and keys; answers from a loopback test server are labelled as such and
are never a quality result. ``--record DIR --loopback`` records against the loopback server
(``aicmo_kernel.testing.llm_server``), which is how ``tests/data/recorded_loopback`` was made.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from aicmo_kernel.qc.rubric import RUBRIC, BriefScore, score_drafts  # noqa: E402
from aicmo_kernel.testing.offline_drafts import drafts_for_file  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "briefs_corpus"


def corpus_runs(folder: Path) -> list[Any]:
    return [drafts_for_file(path) for path in sorted(folder.glob("*.y*ml")) + sorted(folder.glob("*.json"))]


def score_runs(runs: list[Any]) -> list[BriefScore]:
    return [score_drafts(run.name, run.facts, run.drafts, run.errors) for run in runs]


def score_corpus(folder: Path) -> list[BriefScore]:
    return score_runs(corpus_runs(folder))


def check_means(scores: list[BriefScore]) -> dict[str, tuple[float | None, int]]:
    out: dict[str, tuple[float | None, int]] = {}
    for check_id in RUBRIC:
        applied = [s.checks[check_id] for s in scores if s.checks[check_id] is not None]
        out[check_id] = (round(sum(applied) / len(applied), 3) if applied else None, len(applied))
    return out


def report(scores: list[BriefScore], failures: str = "weakest", source: str = "offline composer") -> str:
    lines = [f"Content quality rubric over {len(scores)} briefs ({source})", "", "Per check (mean over the briefs it applies to; briefs fully passing):", ""]
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


def judge_report(results: list[Any]) -> str:
    from aicmo_kernel.testing.judge import CRITERIA, judge_means

    if not results:
        return "LLM judge: no brief judged"
    first = results[0]
    lines = [f"LLM judge ({first.provider} {first.model}), scores 1-5 over {len(results)} briefs:"]
    if any(r.loopback for r in results):
        lines.append("  NOTE: answered by a loopback test server on this machine: this checks the judge's plumbing "
                     "and is NOT a quality result.")  # fmt: skip
    lines.append("")
    for key, mean in judge_means(results).items():
        lines.append(f"  {key:<12} {mean:4.2f}   {CRITERIA.get(key, 'mean of the briefs')}")
    lines += ["", "Per brief:", ""]
    for r in results:
        shown = " ".join(f"{k} {v}" for k, v in r.scores.items())
        lines.append(f"  {r.brief:<26} {r.mean:4.2f}   {shown}   weakest: {r.weakest_point[:100]}")
    return "\n".join(lines)


def record(folder: Path, briefs: Path, out: Path, *, loopback: bool) -> int:
    """Record the configured chain's drafts for every brief (against the loopback server with
    ``loopback``), one JSON file per brief in ``out``."""
    import os

    from aicmo_kernel.providers import build_chain
    from aicmo_kernel.testing.recorded_drafts import record_brief

    out.mkdir(parents=True, exist_ok=True)
    server = None
    if loopback:
        from aicmo_kernel.testing.llm_server import LoopbackLLMServer

        server = LoopbackLLMServer().start()
        os.environ.update({"OPENAI_API_KEY": "sk-loopback-0000", "OPENAI_BASE_URL": server.openai_base_url,
                           "AICMO_LLM_PRIMARY_PROVIDER": "openai", "AICMO_LLM_FALLBACK_PROVIDERS": ""})  # fmt: skip
    try:
        chain = build_chain()
        for path in sorted(briefs.glob("*.y*ml")) if folder is None else [folder]:
            data = record_brief(path, chain, loopback=loopback)
            (out / f"{path.stem}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False, default=str) + "\n",
                                                  encoding="utf-8")  # fmt: skip
            print(f"recorded {path.stem}: {sum(len(v) for v in data['drafts'].values())} drafts"
                  + (f", errors {data['errors']}" if data["errors"] else ""))  # fmt: skip
    finally:
        if server is not None:
            server.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefs", type=Path, default=CORPUS)
    parser.add_argument("--json", type=Path, help="write every score and failure to this file")
    parser.add_argument("--failures", choices=["weakest", "all", "none"], default="weakest")
    parser.add_argument("--recorded", type=Path, help="score recorded model drafts in this folder (one JSON per brief)")
    parser.add_argument("--judge", metavar="MODEL", help="add an LLM judge: provider:model or a model name")
    parser.add_argument("--record", type=Path, metavar="DIR", help="record the configured model's drafts here")
    parser.add_argument("--brief", type=Path, help="with --record: this one brief file only")
    parser.add_argument("--loopback", action="store_true", help="with --record: answer from the loopback test server")
    args = parser.parse_args(argv)
    if args.record:
        return record(args.brief, args.briefs, args.record, loopback=args.loopback)
    judge = None
    if args.judge:
        from aicmo_kernel.errors import ConfigurationError
        from aicmo_kernel.testing.judge import judge_chain, judge_settings

        try:
            settings = judge_settings(args.judge)
            judge = (judge_chain(args.judge, settings), settings)
        except ConfigurationError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    if args.recorded:
        from aicmo_kernel.testing.recorded_drafts import recorded_runs

        pairs = list(recorded_runs(args.recorded, args.briefs))
        runs = [run for run, _ in pairs]
        used = {f"{w.get('provider', '?')} {w.get('model', '?')}" + (" LOOPBACK" if w.get("loopback") else "")
                for _, w in pairs}  # fmt: skip
        source = f"recorded drafts in {args.recorded}: {', '.join(sorted(used))}"
    else:
        runs, source = corpus_runs(args.briefs), "offline composer"
    scores = score_runs(runs)
    print(report(scores, args.failures, source))
    if args.recorded and any(w.get("loopback") for _, w in pairs):
        print("\nNOTE: these drafts were written by a loopback test server, not a model: the scores test the "
              "recording's plumbing and are NOT a measure of a model's quality.")  # fmt: skip
    results = []
    if judge is not None:
        from aicmo_kernel.testing.judge import judge_drafts

        results = [judge_drafts(run.name, run.facts, run.drafts, judge[0], judge[1]) for run in runs]
        print("\n" + judge_report(results))
    if args.json:
        args.json.write_text(json.dumps({"source": source, "checks": {k: v[0] for k, v in check_means(scores).items()},
                                         "briefs": [{"name": s.name, "score": s.score, "checks": s.checks,
                                                     "failures": s.failures} for s in scores],
                                         "judge": [{**r.__dict__, "mean": r.mean} for r in results]},
                                        indent=1, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
