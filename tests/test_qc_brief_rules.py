"""The brief's own rules as QC checks: briefs from the corpus and hand-made drafts that break each
rule; rules in French, Spanish and German; the rubric's ``brief_rules`` check."""

from __future__ import annotations

from pathlib import Path

import pytest

from aicmo_kernel.briefs import parse_brief, read_brief_file
from aicmo_kernel.qc import run_qc
from aicmo_kernel.qc.brief_rules import parse_rules, unchecked_rules
from aicmo_kernel.qc.rubric import score_drafts

CORPUS = Path(__file__).parent / "data" / "briefs_corpus"


def _brand(name: str) -> dict:
    parsed = parse_brief(read_brief_file(CORPUS / name))
    return {"voice": parsed.brand.get("voice"), "banned_words": parsed.brand.get("banned_words") or [],
            "disclaimers": parsed.brand.get("disclaimers") or [], "industry": parsed.brand.get("industry")}  # fmt: skip


def _issues(text: str, brand: dict, kind: str = "instagram_caption", **meta):
    report = run_qc(text, kind=kind, platform="instagram" if kind != "email" else "email", metadata=meta, brand=brand)
    return [i for i in report.issues if i.check_id == "brief_rules"]


FOODBANK = "nonprofit-foodbank.yaml"
GOOD = ("Fill a winter parcel for a family near you. Donate today: riversidefoodbank.example\n\n"
        "Riverside Food Bank is a registered charity (no. 1123456).")  # fmt: skip


def test_a_draft_that_keeps_the_rules_has_no_issue():
    assert _issues(GOOD, _brand(FOODBANK)) == []


@pytest.mark.parametrize(
    ("text", "severity", "rule", "found"),
    [
        # a forbidden word quoted in the brief (not on the banned-words list) -> blocker
        ("Our clients get a parcel within 48 hours. " + GOOD, "blocker", 'We say "people we support", not "clients".',
         "clients"),
        # a topic the brief rules out -> major
        ("Shocking statistics: one in five families skips meals. " + GOOD, "major",
         "No guilt, no pity, no shocking statistics.", "Shocking statistics"),
        # partners to credit where funding is mentioned
        ("Your gift funds a parcel this winter. " + GOOD, "major", "Every appeal must credit our partners",
         "Trussell network"),
        # the charity number on a donation ask
        ("Donate a parcel for £15 today: riversidefoodbank.example", "major",
         "Registered charity number must appear on donation asks.", "Registered charity number"),
    ],
)
def test_each_foodbank_rule_is_checked_and_named_as_the_brief_states_it(text, severity, rule, found):
    issues = _issues(text, _brand(FOODBANK))
    assert issues, text
    matching = [i for i in issues if rule in i.message]
    assert matching, [i.message for i in issues]
    assert matching[0].severity == severity
    assert found in matching[0].message


def test_credit_rule_passes_when_the_partners_are_credited():
    text = ("Your gift funds a parcel this winter, with our partners the Trussell network and Sheffield City "
            "Council. " + GOOD)  # fmt: skip
    assert _issues(text, _brand(FOODBANK)) == []


def test_image_prompts_are_held_to_the_picture_rules():
    brand = _brand(FOODBANK)
    bad = "**Prompt:** Children smiling at the camera while they receive a food parcel, close-up of their faces."
    issues = _issues(bad, brand, kind="image_prompt")
    assert issues and issues[0].severity == "blocker"
    assert "never the faces of children" in issues[0].message
    kept = "**Prompt:** Volunteers' hands packing tins on shelves, no faces of the people supported."
    assert _issues(kept, brand, kind="image_prompt") == []
    # A video scene is a picture too.
    assert _issues("Video.", brand, kind="video_script", scenes=[{"visual": "A child eating, face to camera"}])


def test_literacy_rules_a_label_and_a_picture_with_an_exception():
    brand = _brand("nonprofit-literacy.yaml")
    text = "No adult here is illiterate: they are learning. Volunteer with Read Together."
    # The brief also lists "illiterate" as a banned word: that check reports it, this one does not twice.
    assert _issues(text, brand) == []
    label = _issues(text, {**brand, "banned_words": []})
    assert label and label[0].severity == "blocker" and "Never describe learners as illiterate." in label[0].message
    face = _issues("**Prompt:** A learner's face, smiling at the camera.", brand, kind="image_prompt")
    assert face and face[0].severity == "major"  # "without written consent": a person decides


def test_rules_are_left_out_of_documents_that_quote_them():
    brand = _brand(FOODBANK)
    strategy = "## Constraints\n\n- Rule from the brief: we say \u201cpeople we support\u201d, not \u201cclients\u201d."
    assert _issues(strategy, brand, kind="strategy_document") == []


def test_unmatched_rules_are_listed_for_the_reviewer():
    voice = parse_brief(read_brief_file(CORPUS / "huge-enterprise.yaml")).brand["voice"]
    assert parse_rules(voice) == []
    assert "We never name competitors." in unchecked_rules(voice)
    # What must appear in a picture is no phrase to look for in the words.
    assert parse_rules("Our logo must appear on every ad.") == []
    assert parse_rules("Our helpline number must appear on every post.")[0].terms == ("helpline number",)


@pytest.mark.parametrize(
    ("voice", "text", "severity", "found"),
    [
        ("Ne jamais utiliser le mot \u00ab discount \u00bb.", "Le discount du quartier : une baguette offerte.",
         "blocker", "discount"),
        ("Ne jamais citer Boulangerie Paul.", "Meilleur que Boulangerie Paul, et plus près.", "blocker",
         "Boulangerie Paul"),
        ("Toujours mentionner le prix.", "Venez goûter notre pain au levain.", "major", "a price"),
        ("Nunca usar la palabra \u00abbarato\u00bb.", "Un café barato y rico.", "blocker", "barato"),
        ("Nunca mencionar a Starbucks.", "Mejor que Starbucks.", "blocker", "Starbucks"),
        ("Siempre incluir el precio.", "Ven a probar nuestro café.", "major", "a price"),
        ("Keine Schuldgefühle, kein Mitleid.", "Ohne Ihre Spende: Mitleid allein hilft nicht.", "major", "Mitleid"),
        ("Das Wort \u201ebillig\u201c verwenden wir nie.", "Billig und gut.", "blocker", "Billig"),
        ("Immer den Preis nennen.", "Jetzt testen.", "major", "a price"),
        ("Never mention Acme or Globex by name.", "Faster than Globex.", "blocker", "Globex"),
        ("Always include 'Capital at risk'.", "Invest from £50 a month.", "major", "Capital at risk"),
    ],
)
def test_rules_in_french_spanish_german_and_english(voice, text, severity, found):
    issues = _issues(text, {"voice": voice})
    assert issues, (voice, text)
    assert issues[0].severity == severity
    assert found in issues[0].message and voice.rstrip(".") in issues[0].message
    # The same rule kept: no issue.
    kept = {"a price": text + " 2,50 \u20ac.", "Capital at risk": text + " Capital at risk."}.get(found)
    if kept:
        assert _issues(kept, {"voice": voice}) == []


def test_german_picture_rule_on_image_prompts():
    brand = {"voice": "Niemals Kinder zeigen."}
    assert _issues("**Prompt:** Zwei Kinder beim Spielen im Park.", brand, kind="image_prompt")
    assert _issues("**Prompt:** Ein Handwerker in der Werkstatt.", brand, kind="image_prompt") == []


def test_rubric_check_scores_the_drafts_against_the_brief_rules():
    facts = {"brand": "Riverside Food Bank", "voice": _brand(FOODBANK)["voice"], "banned_words": []}
    good = {"module": "creatives", "kind": "instagram_caption", "platform": "instagram", "content_markdown": GOOD}
    bad = {**good, "content_markdown": "Our clients thank you. " + GOOD}
    score = score_drafts("foodbank", facts, {"creatives": [good, bad]})
    assert score.checks["brief_rules"] == 0.5
    assert "clients" in score.failures["brief_rules"][0]
    # A brief without checkable rules: the check does not apply.
    assert score_drafts("x", {"brand": "X", "voice": "Friendly."}, {"creatives": [good]}).checks["brief_rules"] is None
