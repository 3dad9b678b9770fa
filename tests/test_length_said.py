"""A campaign's length as a person says it (``text.length_words``), in every language: whole weeks
in weeks, under four weeks in days ("10 days"), then the nearest whole weeks: a 30-day campaign is
"4 weeks", never the rounded-up "5 weeks" the brief's ``duration_weeks`` counts. The budget a week
agrees with the length said."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

import pytest

from aicmo_kernel.modules.phrasebook import number
from aicmo_kernel.modules.text import budget_rate, length_text
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
# days -> (the length said, its number and unit)
SAID = {7: (1, "week"), 10: (10, "day"), 14: (2, "week"), 21: (3, "week"), 30: (4, "week"), 31: (4, "week"),
        45: (6, "week"), 60: (9, "week"), 90: (13, "week"), 180: (26, "week")}  # fmt: skip
UNITS = {"en": {"day": "days", "week": "weeks", "one week": "1 week"},
         "fr": {"day": "jours", "week": "semaines", "one week": "1 semaine"},
         "es": {"day": "días", "week": "semanas", "one week": "1 semana"},
         "de": {"day": "Tage", "week": "Wochen", "one week": "1 Woche"}}  # fmt: skip
WEEKS = re.compile(r"\b(\d+) (?:weeks|semaines|semanas|Wochen)\b")


def _said(lang: str, days: int) -> str:
    count, unit = SAID[days]
    return UNITS[lang]["one week"] if (count, unit) == (1, "week") else f"{count} {UNITS[lang][unit]}"


@pytest.mark.parametrize("days", sorted(SAID))
def test_the_length_is_said_as_a_person_would(days):
    weeks = math.ceil(days / 7)  # the brief's duration_weeks for these dates
    assert length_text(weeks, days) == _said("en", days)
    unit, rate = budget_rate(3000, weeks, days)
    count, said_unit = SAID[days]
    assert unit == "week"
    # the rate times the length said is the budget: per week over the weeks said, or over the days' weeks
    assert round(rate * (count if said_unit == "week" else count / 7)) == 3000


@pytest.mark.parametrize("days", sorted(SAID))
def test_every_language_says_the_same_length_in_intake_and_strategy(missing_sentences, days):
    start = date(2027, 6, 1)
    end = start + timedelta(days=days - 1)
    for lang, language in LANGUAGES.items():
        run = drafts_for_brief({"client_name": "Harbour Lights", "objective": "launch", "channels": "Instagram",
                                "audience": "Families in Bristol", "start_date": start.isoformat(),
                                "end_date": end.isoformat(), "budget": "£3,000", "languages": language},
                               modules=("intake", "strategy"))  # fmt: skip
        assert not run.errors, run.errors
        summary = next(d for d in run.drafts["intake"] if d["kind"] == "client_summary")["content_markdown"]
        strategy = next(d for d in run.drafts["strategy"] if d["kind"] == "strategy_document")["content_markdown"]
        said = _said(lang, days)
        assert f"({said})" in summary, (lang, days, summary)
        assert f" · {said} · " in strategy, (lang, days, strategy[:300])
        # no other count of weeks for the whole campaign: "5 weeks" for 30 days was the rounded-up count
        header = strategy.split("\n\n")[1]
        assert {int(n) for n in WEEKS.findall(header)} <= {SAID[days][0]}, (lang, header)
        count, unit = SAID[days]
        weekly = 3000 / count if unit == "week" else 3000 * 7 / days
        assert number(lang, round(weekly)) in summary, (lang, days, summary)
    assert not missing_sentences, sorted(missing_sentences)


def test_weeks_typed_without_dates_or_for_other_dates_are_said_as_typed():
    assert length_text(5, None) == "5 weeks" and length_text(3, 3) == "3 weeks" and length_text(8, 30) == "8 weeks"
