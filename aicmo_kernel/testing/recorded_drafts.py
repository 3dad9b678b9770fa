"""Recorded model drafts for the content-quality rubric: a model's answers saved as JSON, so the
rubric (and the judge) can score what a model wrote, as they score the offline composer.

A recording is one JSON file per brief, named after the brief file (``b2b-northwind.json`` for
``b2b-northwind.yaml``), in either shape:

- what ``record_brief`` writes: ``{"brief": ..., "recorded_with": {"provider", "model",
  "loopback"}, "drafts": {module: [deliverable, ...]}, "errors": {...}}``;
- what ``aicmo export --campaign C --format json`` writes for a campaign made from that brief
  (its ``deliverables``, grouped here by their ``module``).

``record_brief`` runs the product's modules on a brief (intake, strategy, creatives, execution,
each from the one before, as ``offline_drafts`` does) with the provider chain the environment
configures: the same prompts, provider adapters, repair of a broken answer and validation as a
generation, without a workspace. ``recorded_with.loopback`` says when the answers came from a
server on this machine (the test server): such drafts test the plumbing, never a model's quality.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .offline_drafts import BriefDrafts, drafts_for_brief, rubric_facts

__all__ = ["load_recording", "record_brief", "recorded_runs"]


def record_brief(brief_path: Path, chain: Any, *, loopback: bool = False) -> dict[str, Any]:
    """The drafts ``chain`` writes for one brief file, as a recording (see the module doc)."""
    from ..briefs import read_brief_file

    path = Path(brief_path)
    run = drafts_for_brief(read_brief_file(path), name=path.stem, provider=chain)
    providers = getattr(chain, "providers", [chain])
    return {
        "brief": path.stem,
        "recorded_with": {"provider": ", ".join(str(getattr(p, "name", "?")) for p in providers),
                          "model": ", ".join(str(getattr(p, "model", "?")) for p in providers),
                          "loopback": loopback},  # fmt: skip
        "drafts": run.drafts,
        "errors": run.errors,
    }


def load_recording(data: dict[str, Any]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, str]]:
    """``(drafts by module, errors)`` from either recording shape."""
    if isinstance(data.get("drafts"), dict):
        return {str(m): list(items) for m, items in data["drafts"].items()}, dict(data.get("errors") or {})
    if isinstance(data.get("deliverables"), list):  # an ``aicmo export --format json`` document
        drafts: dict[str, list[dict[str, Any]]] = {}
        for item in data["deliverables"]:
            drafts.setdefault(str(item.get("module") or ""), []).append(item)
        return drafts, {}
    raise ValueError("a recording has 'drafts' (record_brief) or 'deliverables' (aicmo export --format json)")


def recorded_runs(folder: Path, briefs: Path) -> Iterator[tuple[BriefDrafts, dict[str, Any]]]:
    """Each recording in ``folder`` with the facts of its brief in ``briefs`` (same stem), and the
    recording's ``recorded_with``. A recording without its brief file is an error naming both."""
    from ..briefs import parse_brief, read_brief_file

    for path in sorted(Path(folder).glob("*.json")):
        found = [p for p in (briefs / f"{path.stem}.yaml", briefs / f"{path.stem}.yml", briefs / f"{path.stem}.json")
                 if p.is_file()]  # fmt: skip
        if not found:
            raise FileNotFoundError(f"recording {path} has no brief {path.stem}.yaml (or .json) in {briefs}")
        data = json.loads(path.read_text(encoding="utf-8"))
        drafts, errors = load_recording(data)
        facts = rubric_facts(parse_brief(read_brief_file(found[0])))
        yield BriefDrafts(name=path.stem, facts=facts, drafts=drafts, errors=errors), dict(data.get("recorded_with") or {})
