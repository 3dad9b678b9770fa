"""The dated content calendar, built by code: slots, weekdays, blackout dates, asset rotation.

The calendar runs from the start date to the end date, both included, never a day outside them,
in weeks counted from the start date (week 1 is the start date and the six days after it), so
every full week holds exactly the posts per week asked for, whatever weekday the campaign starts
on. A last, shorter week (a ten-day campaign's last three days, a one-day launch) holds its share
of them, rounded, and at least one post per platform. For a business audience up to five posts a
week go on weekdays, spread evenly (1: the middle weekday, 2: second and fourth, 3: first, third
and fifth, ...); six or seven use the weekend too, and so does a short week with fewer weekdays
than posts. A campaign for people buying for themselves, or one shorter than a week, spreads its
posts over every day, weekends included (``weekends``: a weekend festival posts on its Saturday
and Sunday, not only on its Friday). A strategy's cadence is read in the languages the strategy
writes, per week, per weekday or per day ("one post a day" is seven a week). A slot on
a blackout date is dropped, not moved, so the team sees what the blackout costs. Approved assets
of a platform are rotated round-robin over its slots; a platform without one gets slots flagged
as needing an asset. Nothing here reads the clock: same inputs, same calendar.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from ...briefs.values import campaign_days, campaign_weeks
from ...errors import ValidationError
from ..text import audience_kind

__all__ = [
    "DEFAULT_POSTS_PER_WEEK",
    "DEFAULT_TIMES",
    "MAX_POSTS_PER_WEEK",
    "NEEDS_ASSET",
    "build_calendar",
    "calendar_end",
    "iso_day",
    "posts_in_window",
    "posts_on_weekends",
    "posts_per_week_from_cadence",
    "span_text",
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
# The counts a strategy's cadence states, in the languages the strategy writes (en, fr, es, de).
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1, "an": 1,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,  # "six" as in English
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
}  # fmt: skip
# How often, and what it makes a week: "each weekday" (5), "a day" (7), "a week" (1). A weekday is
# tried before a day, so "par jour ouvré" and "cada día laborable" are not read as every day.
_PERIODS = (
    ("weekday", 5, (r"(?:a|per|each|every)\s+weekday|(?:par|chaque)\s+jour\s+ouvr[ée]|"
                    r"(?:cada|por)\s+día\s+(?:laborable|hábil)|(?:an\s+)?jedem\s+werktag|pro\s+werktag")),
    ("day", 7, (r"(?:a|per|each|every)\s+day|(?:par|chaque)\s+jour|(?:al|por|cada)\s+día|pro\s+tag|"
                r"(?:an\s+)?jedem\s+tag|am\s+tag")),
    ("week", 1, r"(?:a|per|each|every)\s+week|par\s+semaine|(?:por|a\s+la|cada)\s+semana|(?:pro|je)\s+woche"),
)  # fmt: skip
_TIMES_A_WEEK = {name: times for name, times, _ in _PERIODS}
_CADENCE = re.compile(
    r"\b(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+(?:[\w-]+\s+){0,3}?("
    + "|".join(f"(?P<{name}>{pattern})" for name, _, pattern in _PERIODS) + r")\b"
)


def posts_per_week_from_cadence(cadence: str) -> int | None:
    """The posts a week a strategy cadence states, in English, French, Spanish or German: 'Two
    posts a week.' and 'Deux posts par semaine.' -> 2, 'One post each weekday and one thread a
    week.' -> 6, 'One post a day.' and 'Ein Beitrag pro Tag.' -> 7 (capped at
    ``MAX_POSTS_PER_WEEK``); None when it states no count a day or a week ('One video every two
    weeks.')."""
    total = 0
    for match in _CADENCE.finditer(cadence.lower()):
        word = match.group(1)
        count = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        period = next(name for name in _TIMES_A_WEEK if match.group(name))
        total += count * _TIMES_A_WEEK[period]
    return min(total, MAX_POSTS_PER_WEEK) if total else None


def spread_days(window: Sequence[date], count: int, *, weekends: bool = False) -> list[date]:
    """``count`` days of a ``window`` of up to seven days spread evenly: over weekdays only while
    there are as many weekdays as posts (1: the middle one), or with ``weekends`` (a campaign for
    people buying for themselves, or one shorter than a week) over every day of it from its first:
    a sale or a festival posts on its opening day, and the days after it in turn."""
    if count <= 0:
        return []
    if weekends:
        count = min(count, len(window))
        return [window[i * len(window) // count] for i in range(count)]
    weekdays = [d for d in window if d.weekday() < 5]
    pool = weekdays if count <= min(5, len(weekdays)) else list(window)
    count = min(count, len(pool))
    return [pool[int((i + 0.5) * len(pool) / count)] for i in range(count)]


def posts_on_weekends(audience: str | None, industry: str | None, days: int) -> bool:
    """Whether the calendar posts on weekend days as on weekdays: for people buying for themselves
    (``text.audience_kind``), and for any campaign shorter than a week (a weekend festival posts on
    each of its days); a business audience's longer campaign keeps weekdays first."""
    return days < 7 or audience_kind(audience, industry) == "consumer"


def posts_in_window(posts_per_week: int, days: int) -> int:
    """A week's posts, or a shorter last week's share of them: rounded half up, at least one."""
    if posts_per_week <= 0 or days >= 7:
        return max(0, posts_per_week)
    return max(1, math.floor(posts_per_week * days / 7 + 0.5))


def build_calendar(
    *,
    start: date,
    weeks: int | None = None,
    end: date | None = None,
    posts_per_week: Mapping[str, int],
    times: Mapping[str, str],
    blackout_dates: Iterable[date] = (),
    assets: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    max_runs: int = MAX_RUNS,
    weekends: bool = False,
) -> dict[str, Any]:
    """Slots from ``start`` to ``end`` (both included), or for ``weeks`` whole weeks from
    ``start`` when there is no end: ``{"slots", "skipped", "start_date", "end_date"}``.

    ``assets`` maps a platform to its approved assets (dicts with ``id``, ``kind``, ``title``) in
    the order they should rotate. Each slot is a dict with ``slot_id`` (S001...), ``date``,
    ``weekday``, ``time``, ``week``, ``platform``, ``asset_id``, ``asset_kind``, ``title`` and
    ``needs_asset``. No asset runs more than ``max_runs`` times: once each of a platform's assets
    has, its further slots need a fresh asset (``fresh_asset``), so a calendar never schedules one
    post 36 times. With ``weekends`` every day of a week may hold a post (``spread_days``); without,
    weekdays come first.
    """
    if end is None:
        if weeks is None:
            raise ValueError("build_calendar needs an end date or a number of weeks")
        end = start + timedelta(days=7 * weeks - 1)
    if end < start:
        raise ValueError(f"the calendar's end {end.isoformat()} is before its start {start.isoformat()}")
    blackout = set(blackout_dates)
    assets = assets or {}
    days = campaign_days(start, end)
    planned: list[tuple[date, str, str, int]] = []
    for week in range(campaign_weeks(start, end)):
        window = [start + timedelta(days=7 * week + offset) for offset in range(min(7, days - 7 * week))]
        for platform, count in posts_per_week.items():
            for day in spread_days(window, posts_in_window(count, len(window)), weekends=weekends):
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


def _day(value: object) -> date | None:
    """A campaign's date as the store gives it (a date, or "YYYY-MM-DD"); None when unknown."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def iso_day(value: object) -> str | None:
    """A campaign's date as "YYYY-MM-DD" (from a date or a string), None when unknown."""
    day = _day(value)
    return day.isoformat() if day is not None else None


def calendar_end(start: date, last_day: date, *, end_given: bool, campaign_start: object = None,
                 campaign_end: object = None) -> date:
    """The calendar's last day, inside the campaign's dates: a calendar never plans a post before
    the campaign starts or after it ends. A calendar planned by weeks alone (inputs saved before
    execution had an end date) stops at the campaign's end; dates given outside the campaign are
    refused, naming the input."""
    first, last = _day(campaign_start), _day(campaign_end)
    if first is not None and start < first:
        raise ValidationError(f"inputs.start_date: {start.isoformat()} is before the campaign's start date "
                              f"{first.isoformat()}; start the calendar on or after it, or change the campaign's "
                              "dates", field="inputs.start_date")  # fmt: skip
    if last is not None and start > last:
        raise ValidationError(f"inputs.start_date: {start.isoformat()} is after the campaign's end date "
                              f"{last.isoformat()}; start the calendar within the campaign, or change the "
                              "campaign's dates", field="inputs.start_date")  # fmt: skip
    if last is not None and last_day > last:
        if not end_given:
            return last
        raise ValidationError(f"inputs.end_date: {last_day.isoformat()} is after the campaign's end date "
                              f"{last.isoformat()}; end the calendar by then, or change the campaign's dates",
                              field="inputs.end_date")  # fmt: skip
    return last_day


def span_text(days: int, say: Callable[..., str] | None = None) -> str:
    """A calendar's length as the table's heading says it: '4 weeks', '1 week', '1 day', '10 days'
    (whole weeks in weeks, else in days); ``say`` is the document's translator (``phrasebook.tr``
    bound to its language), English without one."""
    if days % 7:
        key, values = ("1 day", {}) if days == 1 else ("{days} days", {"days": days})
    else:
        key, values = ("1 week", {}) if days == 7 else ("{weeks} weeks", {"weeks": days // 7})
    return say(key, **values) if say is not None else key.format(**values)
