"""Prompt templates and the blocks every module's prompt shares.

Templates are versioned files beside the module's code (``modules/strategy/strategy.v3.md``; the
shared system prompt is ``modules/system.v2.md``) rendered with
``string.Template``: a missing variable is an error, not a silent gap in a prompt. The template's
name and version travel with the request, so a run can always say which prompt produced it; older
versions stay beside the new ones, so a stored run's prompt can still be read.

Prompts are laid out for the providers' prompt caches (issue 15): what stays the same from call to
call comes first and what changes comes last, under the heading ``## This request``
(``TAIL_HEADING``). The stable prefix is the system text (the same for every module, no module
title: ``system.v2.md``), the module's own instructions (the same for every campaign), the brand
rules (the same for every module and campaign of a brand), the campaign record and the approved
upstream (the same when a module is generated again). ``render_sections`` renders a template in
its ``## `` sections so the prompt builder knows where each ends: those ends are where the
Anthropic adapter may put cache breakpoints. Templates written before (``strategy.v2.md`` and the
``*.v1.md`` files) have no ``## This request`` and so no stable prefix.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from ..providers.context import prompt_json

__all__ = [
    "SYSTEM_TEMPLATE",
    "brand_rules_block",
    "bullets",
    "load_template",
    "SHARED_SYSTEM_TEMPLATE",
    "TAIL_HEADING",
    "plain_json",
    "render_sections",
    "render_template",
    "template_version",
    "upstream_block",
]

# The default for a ModuleSpec that names none (plugins written before system.v2.md): it names
# the module in the system text. Built-in modules use SHARED_SYSTEM_TEMPLATE.
SYSTEM_TEMPLATE = "system.v1.md"
# The same text for every module, so the system prompt opens a prefix the provider can cache.
SHARED_SYSTEM_TEMPLATE = "system.v2.md"
# The heading that starts a template's variable tail (this request's inputs and facts).
TAIL_HEADING = "## This request"


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


def render_sections(name: str, package: str = SHARED_PACKAGE, **values: str) -> list[str]:
    """``render_template``'s text cut where each ``## `` heading of the template starts: the
    pieces joined are exactly ``render_template(name, package, **values)``. Cut in the template's
    source, not in the rendered text, so a heading inside a value (an upstream deliverable's own
    Markdown) never moves a cut."""
    source = load_template(name, package)
    cuts = [0] + [index + 1 for index in _heading_starts(source)] + [len(source)]
    pieces = [string.Template(source[a:b]).substitute(values) for a, b in zip(cuts, cuts[1:]) if b > a]
    pieces[0] = pieces[0].lstrip()
    pieces[-1] = pieces[-1].rstrip() + "\n"
    return [piece for piece in pieces if piece]


def _heading_starts(source: str) -> list[int]:
    """Offsets of the newline before each ``## `` heading line (not ``### ``)."""
    found, start = [], source.find("\n## ")
    while start != -1:
        found.append(start)
        start = source.find("\n## ", start + 1)
    return found


def plain_json(value: Any) -> Any:
    """A JSON-able deep copy (dates and other objects become strings) with a stable form: what
    ``json.loads(json.dumps(value, default=str))`` gives.

    Plain values are copied by walking them; only a part that JSON would change (a date, an enum,
    a key that is not a string) goes through JSON. Writing and reading back a prompt's upstream,
    often hundreds of thousands of characters, cost a batch 4% of its CPU; the walk costs what the
    number of values does, not their length."""
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is dict:
        copy = {}
        for key, inner in value.items():
            if type(key) is not str:
                return _through_json(value)
            copy[key] = plain_json(inner)
        return copy
    if kind is list or kind is tuple:
        return [plain_json(inner) for inner in value]
    return _through_json(value)


def _through_json(value: Any) -> Any:
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
    """Every approved upstream deliverable given, with its content and metadata (the prompt
    builder passes upstream already condensed to the module's context budget, deterministically,
    so the same upstream always renders the same block)."""
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
            metadata = prompt_json(item.get("metadata") or {})
            parts.append(
                f"{header}\n({'; '.join(facts)})\n\n{item.get('content_markdown', '').strip()}\n\n"
                f"Structured metadata: {metadata}"
            )
    return "\n\n".join(parts)
