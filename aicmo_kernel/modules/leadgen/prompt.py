"""Leadgen's prompt: paragraphs of its instructions that hold only for some facts.

A paragraph of the template between ``<!-- when facts.KEY -->`` and ``<!-- end -->`` (each on a
line of its own) is kept when the request's facts have ``KEY`` (``people``: the file holds people;
``not_contacted``: someone was left out for want of consent), and left out otherwise; the marker
lines never reach the model. So a B2B run's prompt says nothing about people, and its instructions
are the same from run to run (the prompt cache's stable prefix). Only the instructions section
(before the first ``## `` heading) is read for markers: a brand rule or an upstream deliverable
that happens to hold one is never touched.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ...providers.base import LLMRequest
from ..base import ModuleSpec, Upstream

__all__ = ["LeadgenSpec", "keep_paragraphs_for"]

_PARAGRAPH = re.compile(r"^<!-- when facts\.(\w+) -->\n(.*?)^<!-- end -->\n", re.MULTILINE | re.DOTALL)


def keep_paragraphs_for(request: LLMRequest, facts: Mapping[str, Any]) -> LLMRequest:
    """``request`` with its conditional paragraphs kept or left out for ``facts``, and the offsets
    of its stable prefix and cache breaks moved by what was left out before them."""
    head_end = request.cache_breaks[0] if request.cache_breaks else len(request.prompt)
    head = request.prompt[:head_end]
    removed: list[tuple[int, int]] = []  # (offset in the original prompt, characters removed)
    pieces, last = [], 0
    for match in _PARAGRAPH.finditer(head):
        kept = match.group(2) if facts.get(match.group(1)) else ""
        pieces.extend([head[last:match.start()], kept])
        removed.append((match.start(), len(match.group(0)) - len(kept)))
        last = match.end()
    if not removed:
        return request

    def moved(offset: int) -> int:
        return offset - sum(length for start, length in removed if start < offset)

    return dataclasses.replace(
        request, prompt="".join([*pieces, request.prompt[last:]]),
        stable_prefix_chars=moved(request.stable_prefix_chars) if request.stable_prefix_chars else 0,
        cache_breaks=tuple(moved(offset) for offset in request.cache_breaks),
    )


@dataclass(frozen=True)
class LeadgenSpec(ModuleSpec):
    """Leadgen's contract: a ``ModuleSpec`` whose prompt keeps a paragraph only for the facts it is about."""

    def build_request(
        self,
        inputs: BaseModel | Mapping[str, Any],
        *,
        brand: dict[str, Any],
        campaign: dict[str, Any],
        upstream: Upstream,
        facts: dict[str, Any] | None = None,
    ) -> LLMRequest:
        request = super().build_request(inputs, brand=brand, campaign=campaign, upstream=upstream, facts=facts)
        return keep_paragraphs_for(request, request.context["facts"])
