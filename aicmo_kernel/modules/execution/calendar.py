"""The dated content calendar, built by code: slots, weekdays, blackout dates, asset rotation.

The calendar runs in weeks counted from the start date (week 1 is the start date and the six
days after it), so every full week holds exactly the posts per week asked for, whatever weekday
the campaign starts on. Up to five posts a week go on weekdays, spread evenly (1: the middle
weekday, 2: second and fourth, 3: first, third and fifth, ...); six or seven use the weekend
too. A slot on a blackout date is dropped, not moved, so the team sees what the blackout costs.
Approved assets of a platform are rotated round-robin over its slots; a platform without one
gets slots flagged as needing an asset. Nothing here reads the clock: same inputs, same calendar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

__all__ = [
    "DEFAULT_POSTS_PER_WEEK",
    "DEFAULT_TIMES",
    "MAX_POSTS_PER_WEEK",
    "NEEDS_ASSET",
    "build_calendar",
    "posts_per_week_from_cadence",
    "spread_days",
]

MAX_POSTS_PER_WEEK = 7
NEEDS_ASSET = "needs an asset"
MAX_RUNS = 4  # runs of one asset in a calendar: about a month of a weekly slot
# Sensible first guesses (local time); the analyst overrides them per platform.
DEFAULT_TIMES = {
    "linkedin": "08:30", "instagram": "12:00", "x": "12:30", "email": "07:30", "facebook": "19:00",
    "tiktok": "18:00", "youtube": "17:00", "blog": "10:00", "ads": "09:00",
}  # fmt: skip
# Used when the strategy's cadence for a channel gives no count a week.
DEFAULT_POSTS_PER_WEEK = {
    "linkedin": 2, "instagram": 3, "x": 3, "email": 1, "facebook": 3, "tiktok": 3, "youtube": 1,
    "blog": 1, "ads": 1,
}  # fmt: skip
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "a": 1,
    "an": 1,
}
_PER_WEEK = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|an?)\s+(?:[a-z-]+\s+){0,2}?(?:a|per|each|every)\s+week\b"
)


def posts_per_week_from_cadence(cadence: str) -> int | None:
    """The posts a week a strategy cadence states: 'Two posts a week.' -> 2, 'One post each
    weekday and one thread a week.' -> 6; None when it states no weekly count."""
    text = cadence.lower()
    total = 5 if re.search(r"\b(each|every)\s+weekday\b", text) else 0
    for match in _PER_WEEK.finditer(text):
        word = match.group(1)
        total += int(word) if word.isdigit() else _NUMBER_WORDS[word]
    return min(total, MAX_POSTS_PER_WEEK) if total else None


def spread_days(window: Sequence[date], count: int) -> list[date]:
    """``count`` days of a seven-day ``window`` spread evenly (weekdays only up to five)."""
    if count <= 0:
        return []
    pool = [d for d in window if d.weekday() < 5] if count <= 5 else list(window)
    count = min(count, len(pool))
    return [pool[int((i + 0.5) * len(pool) / count)] for i in range(count)]


def build_calendar(
    *,
    start: date,
    weeks: int,
    posts_per_week: Mapping[str, int],
    times: Mapping[str, str],
    blackout_dates: Iterable[date] = (),
    assets: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    max_runs: int = MAX_RUNS,
) -> dict[str, Any]:
    """Slots for ``weeks`` weeks from ``start``: ``{"slots", "skipped", "start_date", "end_date"}``.

    ``assets`` maps a platform to its approved assets (dicts with ``id``, ``kind``, ``title``) in
    the order they should rotate. Each slot is a dict with ``slot_id`` (S001...), ``date``,
    ``weekday``, ``time``, ``week``, ``platform``, ``asset_id``, ``asset_kind``, ``title`` and
    ``needs_asset``. No asset runs more than ``max_runs`` times: once each of a platform's assets
    has, its further slots need a fresh asset (``fresh_asset``), so a calendar never schedules one
    post 36 times.
    """
    blackout = set(blackout_dates)
    assets = assets or {}
    end = start + timedelta(days=7 * weeks - 1)
    planned: list[tuple[date, str, str, int]] = []
    for week in range(weeks):
        window = [start + timedelta(days=7 * week + offset) for offset in range(7)]
        for platform, count in posts_per_week.items():
            for day in spread_days(window, count):
                planned.append(
                    (
                        day,
                        times.get(platform) or DEFAULT_TIMES.get(platform, "09:00"),
                        platform,
                        week + 1,
                    )
                )
    planned.sort(key=lambda slot: (slot[0], slot[1], slot[2]))

    slots: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    rotation: dict[str, int] = {}
    for day, time, platform, week in planned:
        if day in blackout:
            skipped.append(
                {
                    "date": day.isoformat(),
                    "time": time,
                    "platform": platform,
                    "reason": "blackout date",
                }
            )
            continue
        pool = assets.get(platform) or ()
        asset: Mapping[str, Any] = {}
        worn_out = bool(pool) and rotation.get(platform, 0) >= len(pool) * max_runs
        if pool and not worn_out:
            turn = rotation.get(platform, 0)
            asset = pool[turn % len(pool)]
            rotation[platform] = turn + 1
        slots.append(
            {
                "slot_id": f"S{len(slots) + 1:03d}",
                "date": day.isoformat(),
                "weekday": _WEEKDAY_NAMES[day.weekday()],
                "time": time,
                "week": week,
                "platform": platform,
                "asset_id": str(asset.get("id") or ""),
                "asset_kind": str(asset.get("kind") or ""),
                "title": str(asset.get("title") or NEEDS_ASSET),
                "needs_asset": not asset,
                # Set when the platform's assets have each run ``max_runs`` times: the slot needs a
                # fresh asset, not a 36th run of the same post.
                "fresh_asset": max_runs if worn_out else 0,
            }
        )
    return {
        "slots": slots,
        "skipped": skipped,
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
    }
