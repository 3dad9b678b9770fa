"""QC brand rules: banned words (with their forms, exemptions and safe fixes) and required
disclaimers; the brand may be a dict (the runner) or the store's Brand view (approve)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicmo_kernel.qc import apply_fix, run_qc
from aicmo_kernel.store.views import Brand

BANNED = ["revolutionary", "disrupt", "synergy", "game-changer", "seamless"]
DISCLAIMER = "30-day free trial for new customers, then £49 per site per month. Cancel anytime."
BRAND = {"name": "Rotaly", "banned_words": BANNED, "disclaimers": [DISCLAIMER], "website": "https://rotaly.example"}
OK_POST = "The rota done in one sitting. Start your free trial: rotaly.example\n\n" + DISCLAIMER


def store_brand(**fields) -> Brand:
    now = datetime.now(UTC)
    values = {"id": "b1", "name": "Rotaly", "website": "https://rotaly.example", "industry": None, "geography": None,
              "voice": None, "banned_words": BANNED, "disclaimers": [DISCLAIMER], "branding": {},
              "created_at": now, "updated_at": now, **fields}
    return Brand(**values)


def issues_of(report, check_id):
    return [i for i in report.issues if i.check_id == check_id]


@pytest.mark.parametrize("brand", [BRAND, store_brand()], ids=["dict", "store view"])
@pytest.mark.parametrize("phrase", [
    "a seamless rota", "A SEAMLESS rota", "a Seamlessly built rota", "no more disrupting your Sunday",
    "we disrupted rota-making", "it disrupts the week", "a real game-changer", "two game changers",
    "Gamechanger for cafés", "a revolutionary app", "real synergies",
])
def test_banned_words_and_their_forms_block_approval(brand, phrase):
    text = f"{phrase.capitalize()}. Start your free trial: rotaly.example\n\n{DISCLAIMER}"
    report = run_qc(text, kind="linkedin_post", platform="linkedin", brand=brand)
    [issue] = report.blockers
    assert issue.check_id == "banned_words" and "never uses" in issue.message


@pytest.mark.parametrize("text", [
    "Disruption-free Sundays.", "Seamstress rotas.", "A synergistic team.", "Changer rooms.", "A game of rota.",
])
def test_banned_words_match_whole_words_only(text):
    assert not issues_of(run_qc(text + " Book now.", kind="x_post", platform="x", brand=BRAND), "banned_words")


def test_banned_words_in_the_email_subject_are_found_and_not_fixed_by_the_body():
    report = run_qc(OK_POST, kind="email", metadata={"subject": "A seamless Sunday"}, brand=BRAND)
    [issue] = report.blockers
    assert issue.check_id == "banned_words" and issue.fix is None


def test_brand_voice_guide_lists_banned_words_on_purpose_and_is_not_flagged():
    guide = "# Rotaly: brand voice guide\n\n## Words we never use\n\n" + "\n".join(f"- {w}" for w in BANNED)
    assert run_qc(guide, kind="brand_voice_guide", brand=BRAND).passed
    # The same list in a post is a blocker: only the guide and listing sections are exempt.
    assert not run_qc(guide, kind="linkedin_post", platform="linkedin", brand=BRAND).passed


def test_other_documents_may_list_words_to_avoid_but_not_use_them():
    listing = "# Messaging framework\n\n## Words to avoid\n\n- seamless\n- synergy\n\n## Voice\n\nNever say disrupt."
    assert run_qc(listing, kind="messaging_framework", brand=BRAND).passed
    using = listing + "\n\nOur seamless onboarding makes it easy."
    [issue] = run_qc(using, kind="messaging_framework", brand=BRAND).blockers
    assert "seamless" in issue.message
    fixed = apply_fix(using, issue)
    # Only the line that used the word changed; the list of words to avoid is left alone.
    assert "Our smooth onboarding" in fixed and "- seamless" in fixed
    assert run_qc(fixed, kind="messaging_framework", brand=BRAND).passed


def test_banned_word_fix_only_when_every_replacement_is_obvious():
    text = "Seamless rotas, SEAMLESSLY shared. Start your free trial: rotaly.example\n\n" + DISCLAIMER
    [issue] = run_qc(text, kind="x_post", platform="x", brand=BRAND).blockers
    fixed = apply_fix(text, issue)
    assert fixed.startswith("Smooth rotas, SMOOTHLY shared.")
    assert run_qc(fixed, kind="x_post", platform="x", brand=BRAND).passed
    mixed = "A seamless, revolutionary rota. Start now."
    [issue] = run_qc(mixed, kind="x_post", platform="x", brand=BRAND).blockers
    assert issue.fix is None  # "revolutionary" has no obvious replacement


def test_a_replacement_that_is_itself_banned_is_not_offered():
    brand = {"banned_words": ["seamless", "smooth"]}
    [issue] = run_qc("A seamless rota. Book now.", kind="x_post", platform="x", brand=brand).blockers
    assert issue.fix is None


def test_no_brand_or_no_banned_words_means_nothing_to_check():
    for brand in (None, {}, {"banned_words": []}, {"banned_words": ["", "  "]}, store_brand(banned_words=[])):
        assert run_qc("A seamless rota. Book now.", kind="x_post", platform="x", brand=brand).issues == []


# --------------------------------------------------------------------------- disclaimers


@pytest.mark.parametrize("offer", [
    "Only £49 a site.", "Just $10.", "From 20€ a week.", "Start a free trial today.", "Get 20% off this week.",
    "Pay per month, cancel anytime.",
])
def test_copy_naming_an_offer_without_the_disclaimer_is_major_and_the_fix_appends_it(offer):
    text = f"Get your Sunday evening back. {offer} Book at rotaly.example\n\n#Rotaly #SundayEvening"
    report = run_qc(text, kind="instagram_caption", platform="instagram", brand=BRAND)
    [issue] = issues_of(report, "disclaimers")
    assert issue.severity == "major" and DISCLAIMER in issue.message
    fixed = apply_fix(text, issue)
    assert fixed.endswith(f"{DISCLAIMER}\n\n#Rotaly #SundayEvening")  # above the hashtags
    assert run_qc(fixed, kind="instagram_caption", platform="instagram", brand=BRAND).issues == []


def test_disclaimer_matches_with_other_whitespace_and_case():
    text = "Start your free trial: rotaly.example\n30-day FREE trial for new customers,\nthen £49 per site per month. " \
           "Cancel anytime"
    assert run_qc(text, kind="x_post", platform="x", brand=BRAND).issues == []


def test_every_required_disclaimer_must_be_there():
    brand = {"disclaimers": ["Terms apply.", "New customers only."]}
    text = "Start your free trial today. Terms apply."
    [issue] = issues_of(run_qc(text, kind="email", brand=brand), "disclaimers")
    assert "New customers only." in issue.message and "Terms apply." not in issue.message
    assert apply_fix(text, issue) == "Start your free trial today. Terms apply.\n\nNew customers only."


def test_disclaimers_apply_to_copy_that_names_an_offer_only():
    no_offer = "Get your Sunday evening back. Book a call at rotaly.example"
    assert run_qc(no_offer, kind="linkedin_post", platform="linkedin", brand=BRAND).issues == []
    document = "# Strategy\n\nThe offer: a 30-day free trial, then £49 per site per month."
    assert run_qc(document, kind="strategy_document", brand=BRAND).issues == []


def test_ad_documents_get_a_labelled_disclaimer():
    ad = "# Ad copy: Spring\n\n**Headline:** Try it free.\n\n**Call to action:** Start your free trial."
    [issue] = issues_of(run_qc(ad, kind="ad_copy", brand=BRAND), "disclaimers")
    assert apply_fix(ad, issue).endswith(f"**Call to action:** Start your free trial.\n\n**Disclaimer:** {DISCLAIMER}")


def test_an_offer_in_the_email_subject_needs_the_disclaimer_in_the_body():
    report = run_qc("Hello. Reply to book a call.", kind="email", metadata={"subject": "Your free trial"}, brand=BRAND)
    assert [i.check_id for i in report.issues] == ["disclaimers"]


def test_trimming_an_over_long_x_post_keeps_the_required_disclaimer():
    # A reviewer's addition early in the post pushes it over 280; the trim must cut the prose, not
    # the disclaimer, or it would trade a blocker for a missing-disclaimer issue.
    post = ("Sunday rota in ten minutes. " + "Managers tell us the rota ate their weekend, every weekend. " * 3
            + "Start your free trial at rotaly.example\n" + DISCLAIMER)
    assert len(post) > 280
    report = run_qc(post, kind="x_post", platform="x", brand=BRAND)
    [issue] = issues_of(report, "platform_length")
    fixed = apply_fix(post, issue)
    assert len(fixed) <= 280 and fixed.endswith("\n" + DISCLAIMER)
    assert fixed.startswith("Sunday rota in ten minutes.") and "…" in fixed
    assert run_qc(fixed, kind="x_post", platform="x", brand=BRAND).issues == []


def test_no_fix_is_offered_when_it_would_raise_another_issue():
    # A disclaimer too long to keep inside an X post: the plain trim would cut it, so the trim is
    # not offered (the reviewer shortens the post by hand) rather than swapping one issue for another.
    long_disclaimer = "Offer terms: " + "the plan renews monthly unless cancelled; " * 6 + "see the site."
    brand = {"disclaimers": [long_disclaimer]}
    post = "Start your free trial today, only £49 per month. " * 3 + long_disclaimer
    report = run_qc(post, kind="x_post", platform="x", brand=brand)
    [issue] = issues_of(report, "platform_length")
    assert issue.fix is None
    assert issues_of(report, "disclaimers") == []


_WORDS = st.lists(st.sampled_from(["disrupt", "game-changer", "synergy", "seamless", "stop", "make", "I", "café",
                                   "state of the art", "--", "x"]), min_size=1, max_size=6, unique=True)
_PIECES = st.sampled_from(["Disrupting", "game changers", "GAME-CHANGER", "gamechanger", "synergies", "seamlessly",
                           "stopping", "making", "I", "cafés", "state-of-the-art", "undisrupted", "x_x", "xx", "_x"])


@given(_WORDS, st.lists(_PIECES | st.text(alphabet="abcxyz -_\n.é", max_size=8), max_size=8))
def test_find_banned_finds_what_each_word_s_own_pattern_finds(words, pieces):
    """find_banned first asks one pattern for all the words whether the text uses any, and only
    then searches word by word: it must find exactly what the words' own patterns find."""
    from aicmo_kernel.qc.brand import (  # here: importing it registers checks
        banned_pattern,
        find_banned,
    )

    text = " ".join(pieces)
    expected = {word: matches for word in words
                if (pattern := banned_pattern(word)) is not None and (matches := pattern.findall(text))}
    assert find_banned(text, words) == expected
