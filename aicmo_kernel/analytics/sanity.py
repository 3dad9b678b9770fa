"""Checks on the imported table that no single cell shows: numbers that cannot all be true.

A click-through rate above 100% (more clicks than impressions) is what a misread number looks
like ("12.000" read as 12 impressions for 129 clicks), and spend in several currencies cannot be
summed without a rate. Either blocks the import, naming the rows, so a wrong report is never
written and approved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..errors import ValidationError

__all__ = ["check_rows"]

_SHOWN = 8


def _rows(lines: Sequence[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:_SHOWN])
    return shown + (f" and {len(lines) - _SHOWN} more" if len(lines) > _SHOWN else "")


def check_rows(rows: Sequence[Any], source: str, *, field: str, measures_impressions: bool = True) -> None:
    """Raise ``ValidationError`` naming the rows when the table cannot be right."""
    problems: list[str] = []
    details: dict[str, Any] = {}
    if measures_impressions:
        over = [r for r in rows if r.clicks > r.impressions]
        if over:
            first = over[0]
            ctr = f"{first.clicks / first.impressions * 100:,.0f}%" if first.impressions else "infinite"
            problems.append(
                f"{len(over)} row{'s' if len(over) > 1 else ''} report more clicks than impressions "
                f"(a CTR over 100%): row {_rows([r.line for r in over])}; row {first.line} has "
                f"{first.clicks:,} clicks from {first.impressions:,} impressions (CTR {ctr}). "
                "A number was probably misread: check the thousands separators, or that the "
                "clicks and impressions columns are the right ones"
            )
            details["clicks_above_impressions"] = [r.line for r in over]
    by_currency: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        if row.currency:
            by_currency[row.currency].append(row.line)
    if len(by_currency) > 1:
        problems.append(
            "spend is in several currencies and cannot be summed without an exchange rate: "
            + "; ".join(f"{code} on row {_rows(lines)}" for code, lines in sorted(by_currency.items()))
            + "; import one currency per file"
        )
        details["currencies"] = {code: lines for code, lines in by_currency.items()}
    if problems:
        raise ValidationError(f"{source}: " + "; ".join(problems), field=field, details=details)
