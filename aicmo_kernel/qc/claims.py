"""Claims a reviewer should find evidence for: flagged as minor, never blocking.

Two families: superlatives and promises ("guaranteed", "the best ... in town", "#1", "leading",
"fastest", "cheapest", "proven", "clinically", "award-winning", "the only ... that") and numbers
that state a result ("50% faster", "3x", "ten times more", "trusted by 500 cafés", "4.9/5").

False positives are kept low on purpose, because a check that always fires is ignored:

- the brand's own offer is not a claim: numbers that appear in the brand's disclaimers or in the
  deliverable's offer, disclaimer and KPI targets are skipped, and so is the disclaimer text;
- targets are not claims: in documents, numbers on a line about targets, goals, KPIs or budgets
  are skipped, and kinds whose numbers are computed by code (reports, scored leads, calendars)
  are checked for superlatives only;
- lists of words to avoid are not claims (the same exemption as for banned words).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import Any

from . import QCContext, QCIssue, register_check
from ._text import Folded, brand_list, lines_folded, listing_lines, lowered
from .kinds import COMPUTED_NUMBER_KINDS, is_copy, kind_of

__all__ = ["find_claims"]

_SUPERLATIVES = Folded(
    r"(?<!\w)(?:guaranteed|(?:we|i|they|it) guarantee|guarantees? (?:you|your|that|results?"
    r"|success|a|an|to|it)\b|money[- ]back|(?:\d+[- ]day|satisfaction|price|results?|lifetime)"
    r" guarantee|best[- ]in[- ]class|best[- ](?:selling|rated)"
    r"|top[- ]rated|highest[- ]rated|most (?:trusted|popular|loved|advanced|reliable|recommended)"
    r"|(?:is|are|[\u2019']s) the best\b|the best \w+(?: \w+)? (?:in|on) (?:the )?"
    r"(?:uk|world|market|country|town|city|region|industry|business|planet|britain|england)"
    r"|(?:world|uk|britain|england|london|europe|america)[\u2019']s (?:best|favourite|favorite)"
    r"|#1|number one|no\. ?1|(?:market|industry|world|sector)[- ]leading"
    r"|(?:the|a) leading (?!to\b|into\b|up\b|on\b|in\b|cause)\w+|leader in"
    r"|fastest|cheapest|lowest[- ]pric(?:e|ed|es)|unbeatable|unrivall?ed|unmatched"
    r"|proven|clinically|scientifically|award[- ]winning|risk[- ]free"
    r"|the only \w+(?: \w+)? (?:that|to|which|who|with))(?!\w)",
)
_NUMBER = r"\d+(?:[.,]\d+)*"
_WORD_NUMBER = r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)"
_NUMERIC_CLAIMS = Folded(
    # "20% off" is an offer (the disclaimers check covers it), not a result to prove.
    rf"(?<![\w.])(?P<n1>{_NUMBER})\s?(?:%|per ?cent\b)(?!\s*off\b)(?:\s+(?:more|less|faster|better"
    r"|cheaper|higher|lower|fewer|of|increase|growth|saving|savings)\b)?"
    rf"|(?<![\w.])(?P<n2>{_NUMBER})\s?[x\u00d7](?!\w)(?:\s+(?:more|faster|better|the|cheaper)\b)?"
    rf"|(?<![\w.])(?:(?P<n3>{_NUMBER})|{_WORD_NUMBER}|twice) times (?:more|less|faster|better"
    r"|cheaper|higher|lower|quicker|bigger|greater|as|the)\b"
    r"|\btwice as \w+"
    rf"|\b(?:trusted by|used by|loved by|chosen by|join(?:ing)?|over|more than)\s+(?P<n4>{_NUMBER})"
    r"\s*k?\+?\s+(?:happy\s+|satisfied\s+)?(?:customers|clients|users|businesses|restaurants"
    r"|caf[e\u00e9]s|people|companies|brands|teams|sites|venues|members|downloads|reviews"
    r"|owners|managers)\b"
    rf"|(?<![\w.])(?P<n5>{_NUMBER})\+\s+(?:customers|clients|users|businesses|people|companies"
    r"|reviews|downloads)\b"
    # Ratings: "4.9/5", "rated 5/5", "4 out of 5", "5-star"; not thread numbering ("1/5 ...").
    r"|(?<![\w./])\d\.\d\s?/\s?5(?![\d/])|\brat(?:ed|ing)\s+\d(?:\.\d)?\s?/\s?5(?![\d/])"
    r"|(?<![\w.])\d(?:\.\d)? out of 5\b|(?<![\w./])\d/5 stars?\b|(?<![\w.])[1-5][- ]star\b",
)
# Every numeric claim has a digit, a number word or "twice" in it. A line without one is not
# searched with the long pattern above (the hint is matched the same way, case-insensitively,
# so it misses no form the pattern finds).
_NUMERIC_HINT = Folded(rf"\d|{_WORD_NUMBER}|twice")
_PLAN_LINE = Folded(
    r"\b(?:targets?|goals?|aims?|kpis?|objectives?|benchmarks?|forecasts?|estimates?|budgets?"
    r"|plan(?:ned)?|expect(?:ed)?|thresholds?|below|above|if)\b"
)


def _numbers_in(values: Iterable[Any]) -> set[float]:
    found: set[float] = set()
    for value in values:
        if isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            found.add(float(value))
        elif isinstance(value, str):
            found |= {n for n in map(_as_number, re.findall(_NUMBER, value)) if not math.isnan(n)}
        elif isinstance(value, dict):
            found |= _numbers_in(value.values())
        elif isinstance(value, (list, tuple)):
            found |= _numbers_in(value)
    return found


def _as_number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return float("nan")


def _own_numbers(ctx: QCContext) -> set[float]:
    """Numbers the brand itself stated: its disclaimers, the offer, the KPI targets."""
    meta = ctx.metadata
    sources: list[Any] = brand_list(ctx.brand, "disclaimers")
    sources += [meta.get(key) for key in ("offer", "disclaimer", "disclaimers", "kpi_targets")]
    return _numbers_in(sources)


def _without_disclaimers(text: str, disclaimers: list[str]) -> str:
    for disclaimer in disclaimers:
        words = re.findall(r"\S+", disclaimer)
        if words:
            text = re.sub(r"\s+".join(re.escape(w) for w in words), " ", text, flags=re.IGNORECASE)
    return text


def _shown(line: str, match: re.Match[str], words: int) -> str:
    """The claim as a reader sees it: the match as written in ``line`` (a ``Folded`` pattern may
    have matched its lower-cased copy) and up to ``words`` words after it."""
    after = re.match(rf"(?:[ \t]+[^\s.,;:!?)\]]+){{0,{words}}}", line[match.end() :])
    return (line[match.start() : match.end()] + (after.group(0) if after else "")).strip()


def find_claims(ctx: QCContext) -> list[str]:
    """The claims in the deliverable that need evidence, as written, each once."""
    copy = is_copy(ctx)
    numbers_too = kind_of(ctx) not in COMPUTED_NUMBER_KINDS
    own = _own_numbers(ctx)
    text = _without_disclaimers(ctx.content_markdown, brand_list(ctx.brand, "disclaimers"))
    exempt = frozenset() if copy else listing_lines(text)
    lines, folded = lines_folded(text)
    claims: dict[str, str] = {}
    for index, line in enumerate(lines):
        if index in exempt:
            continue
        for match in _SUPERLATIVES.finditer(line, folded[index]):
            claims.setdefault(line[match.start() : match.end()].lower(), _shown(line, match, 2))
        if (not numbers_too or not _NUMERIC_HINT.search(line, folded[index])
                or (not copy and _PLAN_LINE.search(line, folded[index]))):
            continue
        for match in _NUMERIC_CLAIMS.finditer(line, folded[index]):
            stated = [match.group(g) for g in ("n1", "n2", "n3", "n4", "n5") if match.group(g)]
            if stated and all(_as_number(n) in own for n in stated):
                continue
            written = line[match.start() : match.end()]
            bare = written[-1:].isdigit() or written[-1:] in "%x\u00d7"
            claims.setdefault(written.lower(), _shown(line, match, 1 if bare else 0))
    subject = ctx.metadata.get("subject")
    if isinstance(subject, str):
        for match in _SUPERLATIVES.finditer(subject, lowered(subject)):
            claims.setdefault(subject[match.start() : match.end()].lower(), _shown(subject, match, 2))
    return list(claims.values())


@register_check(
    "claims",
    summary="claims that need evidence",
    description='Claims that need evidence ("guaranteed", "best", "#1", "leading", '
    '"fastest", "cheapest", "proven", "award-winning", "50%", "3x") are flagged for a '
    "reviewer to confirm; the brand's own offer and targets are not flagged",
    severity="minor",
)
def claims(ctx: QCContext) -> Iterator[QCIssue]:
    found = find_claims(ctx)
    if not found:
        return
    listed = ", ".join(f"\u201c{claim}\u201d" for claim in found[:8])
    more = f" and {len(found) - 8} more" if len(found) > 8 else ""
    yield QCIssue(
        check_id="claims",
        severity="minor",
        message=f"A reviewer should confirm there is evidence for: {listed}{more}. Keep a claim "
        "only if the client can back it up; otherwise soften or remove it.",
    )
