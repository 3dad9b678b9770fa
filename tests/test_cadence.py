"""How often, and on which days: the strategy's cadence per channel fits the campaign's length (a
post a day on the social channels under a week, in the document's language), execution reads that
cadence in every language the strategy writes, and the calendar posts on weekend days for a
campaign under a week or for people buying for themselves, while a business audience's weeks keep
their weekdays."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from test_short_campaigns import BUSINESS, CONSUMER, LANGUAGES, LONG_B2B

from aicmo_kernel.modules.execution.calendar import (
    build_calendar,
    posts_on_weekends,
    posts_per_week_from_cadence,
    spread_days,
)
from aicmo_kernel.modules.phrasebook import tr
from aicmo_kernel.modules.strategy.composer import CHANNEL_PLAYBOOK
from aicmo_kernel.modules.strategy.timing import SHORT_CADENCE
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

# "a day" as each language says it in a cadence
PER_DAY = {"en": "a day", "fr": "par jour", "es": "al día", "de": "pro Tag"}
FESTIVAL_DAYS = ["2027-03-12", "2027-03-13", "2027-03-14"]  # Friday to Sunday


def _festival(lang: str, start: str = "2027-03-12", end: str = "2027-03-14", **extra: object) -> dict[str, object]:
    return {"client_name": "Harbour Lights Festival", "campaign": "lights-weekend", "name": "Harbour Lights weekend",
            "geography": "Bristol", "objective": "Awareness", "budget": "GBP 3,000", "channels": "Instagram, Facebook",
            "start_date": start, "end_date": end, "languages": LANGUAGES[lang], **CONSUMER[lang], **extra}  # fmt: skip


def _run(brief: dict[str, object]) -> tuple[dict[str, str], list[dict[str, object]]]:
    """The strategy's cadence per channel, and the calendar's slots."""
    run = drafts_for_brief(brief, modules=("intake", "strategy", "creatives", "execution"))
    assert not run.errors, run.errors
    strategy = next(d for d in run.drafts["strategy"] if d["kind"] == "strategy_document")
    cadence = {p["channel"]: p["cadence"] for p in strategy["metadata"]["channel_plans"]}
    calendar = next(d for d in run.drafts["execution"] if d["kind"] == "content_calendar")
    return cadence, calendar["metadata"]["calendar"]


# --------------------------------------------------------------------------- a weekend festival


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_weekend_festival_posts_every_day_on_each_platform(missing_sentences, lang):
    cadence, slots = _run(_festival(lang))
    for channel in ("instagram", "facebook"):
        assert PER_DAY[lang] in cadence[channel], (lang, cadence[channel])  # said in the document's language
        assert posts_per_week_from_cadence(cadence[channel]) == 7, (lang, cadence[channel])
        days = sorted(s["date"] for s in slots if s["platform"] == channel)
        assert days == FESTIVAL_DAYS, (lang, channel, days)
    assert not missing_sentences, sorted(missing_sentences)


@pytest.mark.parametrize(("lang", "said"), [("en", "3 posts (one a day)"), ("fr", "3 publications (une par jour)"),
                                           ("es", "3 publicaciones (una al día)"), ("de", "3 Beiträge (einer pro Tag)")])
def test_the_calendar_says_a_post_a_day_as_a_cadence_not_seven_a_week(missing_sentences, lang, said):
    run = drafts_for_brief(_festival(lang), modules=("intake", "strategy", "creatives", "execution"))
    text = next(d for d in run.drafts["execution"] if d["kind"] == "content_calendar")["content_markdown"]
    assert said in text and "(7 " not in text, text[:600]
    assert not missing_sentences, sorted(missing_sentences)


def test_every_platform_the_brief_names_gets_a_creative_written_for_it():
    # Facebook asked for ad copy: the ad is Facebook's, not Instagram's (which has its captions),
    # so the festival's Facebook slots are not left "needing an asset".
    run = drafts_for_brief(_festival("en"), modules=("intake", "strategy", "creatives", "execution"))
    targets = {d["metadata"].get("target_platform") or d.get("platform") for d in run.drafts["creatives"]}
    assert {"instagram", "facebook"} <= targets, targets
    _, slots = _run(_festival("en"))
    assert all(s["asset_id"] for s in slots), slots
    # a paid-ads channel keeps its ad copy: the rule is "the channel that asked", not "Facebook first"
    ads = drafts_for_brief(_festival("en", channels="Paid ads, Instagram"), modules=("intake", "strategy", "creatives"))
    [ad] = [d for d in ads.drafts["creatives"] if d["kind"] == "ad_copy"]
    assert (ad["metadata"].get("target_platform") or ad.get("platform")) == "ads", ad["metadata"]


def test_a_campaign_of_a_week_or_more_keeps_the_standing_cadences():
    cadence, slots = _run(_festival("en", "2027-03-12", "2027-03-21"))  # ten days
    assert cadence == {c: CHANNEL_PLAYBOOK[c][3] for c in ("instagram", "facebook")}
    per_platform = Counter(s["platform"] for s in slots)
    assert per_platform == {"instagram": 4, "facebook": 4}  # 3 in the first week, 3 x 3/7 rounded in the last


def test_a_one_day_business_webinar_posts_once_on_the_day_in_german(missing_sentences):
    webinar = {"client_name": "Datenwerk GmbH", "campaign": "dw-webinar", "name": "Datenschutz-Webinar",
               "industry": "B2B-Software", "offer": "Ein kostenloses Webinar zur DSGVO-Dokumentation für IT-Teams",
               "audience": BUSINESS["de"], "objective": "Leads", "channels": "LinkedIn, Email",
               "start_date": "2027-05-12", "end_date": "2027-05-12", "languages": "Deutsch"}  # fmt: skip
    cadence, slots = _run(webinar)
    assert cadence == {"linkedin": tr("de", "One post a day."), "email": tr("de", "One email to opted-in contacts.")}
    assert cadence["linkedin"] == "Ein Beitrag pro Tag."  # German, not the English it is looked up by
    assert sorted((s["date"], s["platform"]) for s in slots) == [("2027-05-12", "email"), ("2027-05-12", "linkedin")]
    assert not missing_sentences, sorted(missing_sentences)


def test_every_short_cadence_is_translated_and_a_few_days_of_email_send_at_most_daily(missing_sentences):
    cadence, _ = _run({**_festival("fr"), "channels": "Instagram, Facebook, Email, LinkedIn, X, TikTok, YouTube, "
                       "Blog, Ads"})  # fmt: skip
    assert cadence == {c: tr("fr", SHORT_CADENCE.get(c, "One email a day at most to opted-in contacts."))
                       for c in cadence}  # fmt: skip
    assert len(cadence) == 9 and posts_per_week_from_cadence(cadence["email"]) == 7
    assert not missing_sentences, sorted(missing_sentences)


# --------------------------------------------------------------------------- execution reads every language


@pytest.mark.parametrize(("cadence", "expected"), [
    ("Deux posts par semaine.", 2), ("Un post par jour ouvré et un fil par semaine.", 6),
    ("Trois posts par semaine\u202f; publicités actives en continu.", 3), ("Un post par jour.", 7),
    ("Une vidéo toutes les deux semaines.", None),
    ("Dos publicaciones por semana.", 2), ("Una publicación cada día laborable y un hilo por semana.", 6),
    ("Tres vídeos cortos por semana.", 3), ("Una publicación al día.", 7), ("Un vídeo cada dos semanas.", None),
    ("Zwei Beiträge pro Woche.", 2), ("Ein Beitrag an jedem Werktag und ein Thread pro Woche.", 6),
    ("Eine E-Mail pro Woche an angemeldete Kontakte.", 1), ("Ein Beitrag pro Tag.", 7),
    ("Ein Video alle zwei Wochen.", None),
    ("One post a day.", 7), ("Two posts a day and one thread a week.", 7),  # capped at seven, as before
])  # fmt: skip
def test_a_cadence_is_read_as_the_number_it_states_in_each_language(cadence, expected):
    assert posts_per_week_from_cadence(cadence) == expected


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_every_cadence_the_strategy_writes_reads_the_same_in_its_translation(lang):
    said = [entry[3] for entry in CHANNEL_PLAYBOOK.values()] + list(SHORT_CADENCE.values()) + [
        "One email to opted-in contacts.", "One email a day at most to opted-in contacts."]
    for english in said:
        translated = tr(lang, english)
        assert translated != english, (lang, english)
        assert posts_per_week_from_cadence(translated) == posts_per_week_from_cadence(english), (lang, translated)


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_execution_plans_the_posts_a_translated_strategy_states(lang):
    """X's standing cadence is six a week (five weekdays and a thread), not the default three."""
    brief = {**_festival(lang, "2027-03-01", "2027-03-28"), "channels": "X, Instagram"}
    cadence, slots = _run(brief)
    assert Counter(s["platform"] for s in slots) == {"x": 24, "instagram": 12}, cadence


# --------------------------------------------------------------------------- which days


def test_weekends_are_for_short_campaigns_and_people_buying_for_themselves():
    assert posts_on_weekends("Families and young adults in Bristol", "events", 28)
    assert posts_on_weekends("IT-Leiter in mittelständischen Unternehmen", "B2B-Software", 3)  # under a week
    assert not posts_on_weekends("IT-Leiter in mittelständischen Unternehmen", "B2B-Software", 28)
    assert not posts_on_weekends("", "", 28)  # the brief does not say: weekdays first, as before
    window = [date(2027, 3, 1) + timedelta(days=n) for n in range(7)]  # Monday to Sunday
    names = lambda days: [d.strftime("%a") for d in days]
    assert names(spread_days(window, 3)) == ["Mon", "Wed", "Fri"]
    assert names(spread_days(window, 3, weekends=True)) == ["Mon", "Wed", "Fri"]
    assert names(spread_days(window[4:], 1, weekends=True)) == ["Fri"]  # a weekend event opens on its Friday
    assert names(spread_days(window[4:], 3, weekends=True)) == ["Fri", "Sat", "Sun"]
    assert names(spread_days(window[2:] + [window[0] + timedelta(days=7), window[1] + timedelta(days=7)], 3,
                             weekends=True)) == ["Wed", "Fri", "Sun"]  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_business_audiences_four_weeks_post_on_weekdays_only(lang):
    b2b = {**_festival(lang, "2027-03-03", "2027-03-30"), "audience": BUSINESS[lang], "industry": "B2B software",
           "channels": "LinkedIn, Email, Facebook"}  # fmt: skip
    _, slots = _run(b2b)
    assert slots and all(date.fromisoformat(s["date"]).weekday() < 5 for s in slots), lang
    assert Counter(s["platform"] for s in slots) == {"linkedin": 8, "email": 4, "facebook": 12}
    # the same four weeks for families post on weekend days too: the check above can fail
    _, slots = _run(_festival(lang, "2027-03-03", "2027-03-30"))
    assert any(date.fromisoformat(s["date"]).weekday() >= 5 for s in slots), lang


def test_the_long_b2b_plan_keeps_its_cadences_and_weekdays():
    cadence, slots = _run(LONG_B2B)
    assert cadence == {c: CHANNEL_PLAYBOOK[c][3] for c in ("linkedin", "email", "blog", "facebook")}
    assert all(date.fromisoformat(s["date"]).weekday() < 5 for s in slots)
    assert Counter(s["platform"] for s in slots) == {"facebook": 77, "linkedin": 51, "email": 26, "blog": 26}


def test_a_consumer_calendar_starts_on_the_campaigns_first_day():
    start = date(2027, 4, 8)  # a Thursday: a ten-day flash sale
    cal = build_calendar(start=start, end=start + timedelta(days=9), posts_per_week={"instagram": 3}, times={},
                         weekends=True)  # fmt: skip
    assert [s["date"] for s in cal["slots"]] == ["2027-04-08", "2027-04-10", "2027-04-12", "2027-04-15"]
