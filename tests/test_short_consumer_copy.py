"""A short consumer campaign (a three-day festival for families) in every language: its persona's
trigger, the strategy that quotes it and the creatives' opener do not speak of the audience's
"week" ("Another week of ...", "it's a familiar week"), and its call to action for sales is not
software's "Get started with ...". A business audience, or a campaign of weeks, keeps both."""

from __future__ import annotations

import re

import pytest

from aicmo_kernel.modules.strategy.composer import call_to_action
from aicmo_kernel.testing.offline_drafts import drafts_for_brief

LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
FESTIVAL = {
    "en": {"industry": "events", "offer": "A three-night light festival on the harbourside, free entry, with food stalls",
           "audience": "Families and young adults in Bristol",
           "pain_points": ["Nothing to do with the kids on a cold March evening"],
           "desired_outcomes": ["A warm, bright evening out together"]},
    "fr": {"industry": "événementiel", "offer": "Un festival de lumières de trois soirs sur le port, entrée libre",
           "audience": "Familles et jeunes adultes de Bristol",
           "pain_points": ["Rien à faire avec les enfants un soir de mars"],
           "desired_outcomes": ["Une soirée lumineuse en famille"]},
    "es": {"industry": "eventos", "offer": "Un festival de luces de tres noches en el puerto, con entrada libre",
           "audience": "Familias y jóvenes de Bristol", "pain_points": ["Nada que hacer con los niños una tarde de marzo"],
           "desired_outcomes": ["Una tarde luminosa en familia"]},
    "de": {"industry": "Veranstaltungen", "offer": "Ein Lichterfest an drei Abenden am Hafen, Eintritt frei",
           "audience": "Familien und junge Erwachsene in Bristol",
           "pain_points": ["Nichts zu tun mit den Kindern an einem kalten Märzabend"],
           "desired_outcomes": ["Ein heller Abend mit der Familie"]},
}  # fmt: skip
# What each language says of a problem that comes back (short, for people) and of a weekly one.
AGAIN = {"en": ", once again.", "fr": ", une fois de plus.", "es": ", una vez más.", "de": ", schon wieder."}
STORY = {"en": "it's a familiar story", "fr": "l'histoire est connue", "es": "la historia es conocida",
         "de": "ist das nichts Neues"}
WEEKLY = {"en": r"Another week of|familiar week", "fr": r"Encore une semaine|la semaine commence",
          "es": r"Otra semana|la semana empieza", "de": r"Wieder eine Woche|beginnt die Woche"}
SALES = {"en": ("Discover Harbour Lights Festival", "Get started with"),
         "fr": ("Découvrez Harbour Lights Festival", "Lancez-vous avec"),
         "es": ("Descubre Harbour Lights Festival", "Empieza con"),
         "de": ("Entdecken Sie Harbour Lights Festival", "Jetzt mit")}


def _drafts(lang: str, end: str, **extra: object) -> dict[str, str]:
    brief = {"client_name": "Harbour Lights Festival", "campaign": "lights-weekend", "name": "Harbour Lights weekend",
             "geography": "Bristol", "objective": "Sales", "budget": "GBP 3,000", "channels": "Instagram, Facebook",
             "start_date": "2027-03-12", "end_date": end, "languages": LANGUAGES[lang], **FESTIVAL[lang], **extra}
    run = drafts_for_brief(brief, modules=("intake", "strategy", "creatives"))
    assert not run.errors, run.errors
    return {module: "\n".join(d["content_markdown"] for d in items) for module, items in run.drafts.items()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_three_day_festival_speaks_of_no_week_and_sells_as_to_people(missing_sentences, lang):
    drafts = _drafts(lang, "2027-03-14")
    pain = FESTIVAL[lang]["pain_points"][0]
    assert f"{pain}{AGAIN[lang]}" in drafts["intake"], drafts["intake"]
    assert AGAIN[lang].strip(" .,") in drafts["strategy"], drafts["strategy"]  # the strategy quotes the trigger
    assert STORY[lang] in drafts["creatives"], drafts["creatives"]
    for module, text in drafts.items():
        assert not re.search(WEEKLY[lang], text, re.IGNORECASE), (module, text)
    discover, get_started = SALES[lang]
    assert discover in drafts["strategy"] and discover in drafts["creatives"]
    assert get_started not in drafts["strategy"] + drafts["creatives"]
    assert not missing_sentences, sorted(missing_sentences)


def test_a_campaign_of_weeks_and_a_business_audience_keep_the_weekly_words_and_get_started():
    months = _drafts("en", "2027-06-04")  # twelve weeks: the audience's problem may come back weekly
    assert "Another week of nothing to do" in months["intake"] and "familiar week" in months["creatives"]
    business = _drafts("en", "2027-03-14", industry="software", audience="Finance directors at mid-sized companies",
                       offer="Month-end close software for finance teams")
    assert "Another week of nothing to do" in business["intake"] and "familiar week" in business["creatives"]
    assert "Get started with Harbour Lights Festival" in business["strategy"]
    for sector, said in (("b2b", "Get started with A"), ("general", "Get started with A"), ("consumer", "Discover A"),
                         ("health", "Discover A"), ("nonprofit", "Discover A")):
        assert call_to_action("", "sales", "A", "en", sector) == said
    assert call_to_action("A free trial for 14 days", "sales", "A", "en", "consumer") == "Start your free trial"
