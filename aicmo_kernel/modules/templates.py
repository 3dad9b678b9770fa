"""Prompt templates and the blocks every module's prompt shares.

Templates are versioned files beside the module's code (``modules/strategy/strategy.v1.md``; the
shared system prompt is ``modules/system.v1.md``) rendered with
``string.Template``: a missing variable is an error, not a silent gap in a prompt. The template's
name and version travel with the request, so a run can always say which prompt produced it.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "SYSTEM_TEMPLATE",
    "brand_rules_block",
    "bullets",
    "load_template",
    "plain_json",
    "render_template",
    "template_version",
    "upstream_block",
]

SYSTEM_TEMPLATE = "system.v1.md"


SHARED_PACKAGE = "aicmo_kernel.modules"


@cache
def load_template(name: str, package: str = SHARED_PACKAGE) -> str:
    """The text of the template file ``name`` in the Python package ``package``."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def template_version(name: str) -> str:
    """'strategy.v1.md' -> 'strategy.v1' (what runs record as the prompt version)."""
    return name.removesuffix(".md")


def render_template(name: str, package: str = SHARED_PACKAGE, **values: str) -> str:
    return string.Template(load_template(name, package)).substitute(values).strip() + "\n"


def plain_json(value: Any) -> Any:
    """A JSON-able deep copy (dates and other objects become strings) with a stable form."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def bullets(items: Iterable[str], empty: str = "none given") -> str:
    lines = [f"- {item}" for item in items if str(item).strip()]
    return "\n".join(lines) if lines else f"- {empty}"


def brand_rules_block(brand: dict[str, Any]) -> str:
    """The brand record as rules the writer must follow (voice, banned words, disclaimers)."""
    banned = [str(w) for w in brand.get("banned_words") or []]
    disclaimers = [str(d) for d in brand.get("disclaimers") or []]
    lines = [
        f"Brand: {brand.get('name') or 'not recorded'}",
        f"Website: {brand.get('website') or 'none'}",
        f"Industry: {brand.get('industry') or 'not recorded'}",
        f"Geography: {brand.get('geography') or 'not recorded'}",
        f"Voice: {brand.get('voice') or 'not recorded'}",
        "Banned words (never use them, in any form):",
        bullets(banned),
        "Required disclaimers (include them verbatim where the format allows):",
        bullets(disclaimers),
    ]
    memory = [str(r) for r in brand.get("memory_rules") or []]
    if memory:
        lines += ["Brand-memory rules learned from reviewers' edits:", bullets(memory)]
    return "\n".join(lines)


def upstream_block(upstream: dict[str, list[dict[str, Any]]]) -> str:
    """Every approved upstream deliverable, content in full (never summarised)."""
    if not any(upstream.values()):
        return "No approved upstream deliverables (this module does not need any)."
    parts: list[str] = []
    for module, items in upstream.items():
        for item in items:
            header = f"### [{module}/{item.get('kind')}] {item.get('title')}"
            facts = [f"id {item.get('id')}", f"approved version {item.get('version')}"]
            if item.get("platform"):
                facts.append(f"platform {item['platform']}")
            if item.get("hashtags"):
                facts.append("hashtags " + " ".join(item["hashtags"]))
            metadata = json.dumps(
                item.get("metadata") or {}, sort_keys=True, ensure_ascii=False, default=str
            )
            parts.append(
                f"{header}\n({'; '.join(facts)})\n\n{item.get('content_markdown', '').strip()}\n\n"
                f"Structured metadata: {metadata}"
            )
    return "\n\n".join(parts)
