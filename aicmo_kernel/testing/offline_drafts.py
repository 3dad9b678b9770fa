"""A brief file's offline drafts, as a new user first sees them: intake, strategy, creatives and
execution, each composed offline from the one before, with no workspace and no approvals.

The content-quality rubric (``qc.rubric``) scores what this returns; ``bench/content_quality.py``
and ``tests/test_content_quality.py`` run it over the brief corpus (``tests/data/briefs_corpus``).
The brand and campaign handed to the modules have the shape the store gives them
(``store.views``), built from the parsed brief the way ``briefs.create_from_brief`` stores it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["DRAFT_MODULES", "BriefDrafts", "drafts_for_brief", "drafts_for_file"]

DRAFT_MODULES = ("intake", "strategy", "creatives", "execution")


@dataclass
class BriefDrafts:
    """One brief's facts (for the rubric) and its drafts, module by module."""

    name: str
    facts: dict[str, Any]
    drafts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # module -> why it composed nothing

    def all_drafts(self) -> list[dict[str, Any]]:
        return [d for module in self.drafts.values() for d in module]


def _upstream_item(d: Any, module: str) -> dict[str, Any]:
    return {"id": d.id, "kind": d.kind, "title": d.title, "platform": d.platform, "hashtags": d.hashtags,
            "metadata": d.metadata, "version": 1, "content_markdown": d.content_markdown, "module": module}  # fmt: skip


def drafts_for_brief(data: dict[str, Any], name: str = "brief", provider: Any = None,
                     modules: tuple[str, ...] = DRAFT_MODULES, inputs: dict[str, dict[str, Any]] | None = None,
                     ) -> BriefDrafts:
    """``provider`` (default: the offline composer) answers each module's request: a model's
    provider chain makes the drafts a model writes (``recorded_drafts`` saves them). ``modules``
    may go further down the chain (autonomy, leadgen), each drafted from the ones before it, with
    ``inputs`` per module on top of the brief's (leadgen's leads file: ``{"leadgen": {"csv_path": ...}}``)."""
    from ..briefs import parse_brief
    from ..modules import get_module
    from ..providers.offline import OfflineProvider

    parsed = parse_brief(data)
    brand = {"id": "brand-1", "branding": {}, "four_eyes": False, "memory_rules": [], **parsed.brand}
    c = parsed.campaign
    campaign = {
        "id": "campaign-1", "name": c["name"], "brand_id": "brand-1", "brand": brand["name"],
        "objective": c["objective"], "budget": c["budget"], "channels": list(c["channels"] or []),
        "start_date": c["start_date"].isoformat() if c["start_date"] else None,
        "end_date": c["end_date"].isoformat() if c["end_date"] else None, "status": "active",
        "brief": {"inputs": {**(inputs or {}), "intake": parsed.intake, "strategy": parsed.strategy},
                  "display_name": c["display_name"], "budget": parsed.budget, "kpi_lines": parsed.kpi_lines,
                  "source": "brief"},
    }  # fmt: skip
    provider = provider or OfflineProvider()
    result = BriefDrafts(name=name, facts=rubric_facts(parsed))
    upstream: dict[str, list[dict[str, Any]]] = {}
    for module in modules:
        try:
            items = _compose(get_module(module), provider, brand, campaign, upstream, module)
        except Exception as exc:  # noqa: BLE001 - the rubric scores a module that failed; later ones need it
            result.errors[module] = f"{type(exc).__name__}: {exc}"[:300]
            break
        result.drafts[module] = items
        upstream = {**upstream, module: items}
    return result


def _compose(spec: Any, provider: Any, brand: dict[str, Any], campaign: dict[str, Any],
             upstream: dict[str, Any], module: str) -> list[dict[str, Any]]:
    values = dict(spec.default_inputs(brand=brand, campaign=campaign, upstream=upstream))
    values.update(campaign["brief"]["inputs"].get(module) or {})
    inputs = spec.validate_inputs(values)
    facts = spec.prepare_facts(inputs, brand=brand, campaign=campaign, upstream=upstream, workspace=None)
    request = spec.build_request(inputs, brand=brand, campaign=campaign, upstream=upstream, facts=facts)
    answer = provider.complete(request)
    deliverables = spec.to_deliverables(answer.data, inputs=inputs, brand=brand, campaign=campaign, facts=facts)
    return [_upstream_item(d, module) for d in deliverables]


def rubric_facts(parsed: Any) -> dict[str, Any]:
    """What the rubric holds drafts to: names, banned words, disclaimers, language, short id."""
    intake = parsed.intake
    return {
        "brand": parsed.brand["name"],
        "campaign_id": parsed.campaign["name"],
        "display_name": parsed.campaign["display_name"],
        "audience": intake.get("audience") or "",
        "offer": intake.get("offer") or "",
        "industry": intake.get("industry") or "",
        "channels": list(parsed.campaign["channels"] or []),
        "banned_words": list(parsed.brand.get("banned_words") or []),
        "voice": parsed.brand.get("voice") or "",  # the brief's rules (qc.brief_rules)
        "disclaimers": list(parsed.brand.get("disclaimers") or []),
        "languages": list(intake.get("languages") or []),
        "pains": "; ".join(intake.get("pain_points") or []),
    }


def drafts_for_file(path: Path) -> BriefDrafts:
    from ..briefs import read_brief_file

    return drafts_for_brief(read_brief_file(Path(path)), name=Path(path).stem)
