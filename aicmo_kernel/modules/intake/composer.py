"""Offline intake draft: client summary, two or three persona cards, brand voice guide."""

from __future__ import annotations

import re
from typing import Any

from ..fields import format_number
from ..sectors import sector_for
from ..text import (
    clip,
    first_clause,
    first_sentence,
    join_human,
    lower_first,
    plain,
    drop_banned_phrases,
    quote,
    sentence,
    strip_end,
    unique,
    uses_banned,
    weeks_between,
    without_banned,
)

__all__ = ["compose_intake"]

OBJECTIVE_MEANING = {
    "awareness": "being known and remembered by the right people",
    "consideration": "getting the right people to look closely at the offer",
    "leads": "qualified people raising their hand, not just reach",
    "sales": "paying customers, not just interest",
    "retention": "existing customers staying and buying again",
    "launch": "a strong first wave of attention and sign-ups for something new",
}
CHANNEL_PLACES = {
    "linkedin": "LinkedIn, in a professional frame of mind",
    "instagram": "Instagram, between tasks",
    "x": "X, following industry conversation",
    "email": "their inbox, if they have opted in",
    "facebook": "Facebook, including local and trade groups",
    "tiktok": "TikTok, in short videos",
    "youtube": "YouTube, when they look up how to do something",
    "blog": "search, when they look for answers to a specific problem",
    "ads": "paid placements on the platforms above",
}
# Tone words we know how to turn into concrete do/don't advice.
TONE_ADVICE = {
    "warm": ("Open with the reader's situation and acknowledge it before offering anything.",
             "Cold, corporate phrasing, or talking about ourselves before them."),
    "plain": ("Short sentences and everyday words, one idea per sentence.",
              "Jargon, buzzwords and stacked adjectives."),
    "practical": ("Tie every claim to a concrete moment in the reader's week.",
                  "Abstract promises with no situation attached."),
    "confident": ("Say what the product does, directly, in the active voice.",
                  "Hedging (\u201cmight possibly help\u201d) and exaggeration alike."),
    "friendly": ("Write as you would speak to a customer you like: contractions are fine.",
                 "Forced jokes or over-familiar slang."),
    "expert": ("Explain the why behind a recommendation in one plain sentence.",
               "Showing off knowledge the reader did not ask for."),
    "professional": ("Precise wording, correct terms, tidy structure.",
                     "Stiffness: professional does not mean formal."),
    "playful": ("A light touch in hooks and headlines, once per piece.",
                "Wordplay that hides what we are actually offering."),
    "calm": ("Reassure with specifics: what happens next, and what it asks of the reader.",
             "Urgency tactics and alarmist framing."),
    "direct": ("Lead with the point, then the detail.",
               "Long wind-ups before the reader knows why they should care."),
}  # fmt: skip
TONE_SYNONYMS = {"plain-spoken": "plain", "clear": "plain", "simple": "plain", "down-to-earth": "practical",
                 "reassuring": "calm", "bold": "direct", "authoritative": "expert", "witty": "playful",
                 "approachable": "friendly", "knowledgeable": "expert"}  # fmt: skip


def compose_intake(context: dict[str, Any]) -> dict[str, Any]:
    campaign = context.get("campaign") or {}
    banned = list(context["inputs"].get("banned_words") or []) + list(
        (context.get("brand") or {}).get("banned_words") or []
    )
    i = clean_brief(context["inputs"], banned)
    return {
        "client_summary": _client_summary(i),
        "personas": _personas(i, campaign.get("channels") or [], banned),
        "voice_guide": _voice_guide(i, banned),
    }


_TEXT_FIELDS = ("offer", "usp", "audience", "industry", "geography", "tone")
_LIST_FIELDS = ("pain_points", "desired_outcomes", "objections")


def clean_brief(i: dict[str, Any], banned: list[str]) -> dict[str, Any]:
    """The brief's words as drafts may quote them: plain text (no markup, placeholders or
    injected instructions), and no phrase that uses one of the brand's banned words, which the
    brief's own pains often do ("a seamless week"); the client summary lists what was left out."""
    out = dict(i)
    dropped: list[str] = []
    for key in _TEXT_FIELDS:
        if out.get(key):
            kept = drop_banned_phrases(str(out[key]), banned)
            dropped += [key] if kept != plain(str(out[key])) else []
            out[key] = kept
    for key in _LIST_FIELDS:
        if out.get(key):
            items = [plain(p) for p in out[key]]
            dropped += [p for p in items if p and uses_banned(p, banned)]
            out[key] = unique(p for p in items if p and not uses_banned(p, banned))
    # A line given as both a pain and an outcome is the pain (drafts would say it twice).
    pains = {re.sub(r"\W+", " ", p).strip().lower() for p in out.get("pain_points") or []}
    if out.get("desired_outcomes"):
        out["desired_outcomes"] = [o for o in out["desired_outcomes"] if re.sub(r"\W+", " ", o).strip().lower() not in pains]
    out["_left_out"] = len(dropped)
    return out


def _client_summary(i: dict[str, Any]) -> dict[str, Any]:
    name, offer, usp, audience = (
        i["client_name"],
        i.get("offer", ""),
        i.get("usp", ""),
        i.get("audience", ""),
    )
    industry, geography = i.get("industry", ""), i.get("geography", "")
    pains, outcomes = i.get("pain_points") or [], i.get("desired_outcomes") or []

    if offer and audience:
        headline = f"{name} offers {lower_first(strip_end(first_clause(offer)))} to {lower_first(strip_end(first_clause(audience)))}."
    else:
        headline = f"{name}: {join_human([industry, geography]) or 'a new client'}, brief still to be completed."
    where = []
    if industry:
        where.append(f"{name} works in {lower_first(industry)}")
    if geography:
        where.append(f"sells in {geography}" if where else f"{name} sells in {geography}")
    overview = [
        sentence(" and ".join(where))
        if where
        else f"{name} has not told us its industry or market yet."
    ]
    if i.get("website", "none") != "none":
        overview.append(
            f"Its website is {i['website']}; campaign links point there unless the client names a better landing page."
        )
    else:
        overview.append(
            "The client has no website, so every call to action needs another destination (a booking "
            "form, a phone line or a social profile); confirm which one with the client."
        )
    overview.append(f"Content will be written in {join_human(i.get('languages') or ['English'])}.")

    offer_text = (
        f"{sentence(offer)} Quote the offer exactly as briefed; anything beyond it (discounts, guarantees, "
        "new prices) needs the client's sign-off first."
        if offer
        else "The brief does not describe the offer yet. Confirm with the client what exactly we are selling, "
        "at what price and on what terms."
    )
    differentiator = (
        f"In the client's words: {sentence(usp)} Every asset should make this difference concrete for the reader."
        if usp
        else f"No unique selling point was given. Ask the client why their best customers chose {name} over "
        "the alternatives, in the customers' own words."
    )
    audience_text = [
        sentence(audience) if audience else "The brief does not name the audience yet."
    ]
    if pains:
        audience_text.append(
            f"What hurts today: {'; '.join(lower_first(strip_end(p)) for p in pains)}."
        )
    if outcomes:
        audience_text.append(
            f"What they want instead: {'; '.join(lower_first(strip_end(o)) for o in outcomes)}."
        )
    objective = i.get("objective", "leads")
    objective_text = (
        f"Objective: {objective}, which here means {OBJECTIVE_MEANING.get(objective, objective)}."
    )
    objective_text += (
        " The KPI targets below are the client's own; the strategy measures against these and no others."
        if i.get("kpi_targets")
        else " No KPI targets were given; agree them with the client before the strategy is approved."
    )
    if i.get("_left_out"):
        objective_text += (
            f" {i['_left_out']} phrase(s) of the brief use the brand's banned words and are left out of every "
            "draft; ask the client how they would say them instead."
        )
    return {
        "headline": clip(headline, 200),
        "overview": " ".join(overview),
        "offer": offer_text,
        "differentiator": differentiator,
        "audience": " ".join(audience_text),
        "objective": objective_text,
        "budget_and_timing": _budget_and_timing(i),
        "open_questions": _open_questions(i),
    }


def _budget_and_timing(i: dict[str, Any]) -> str:
    budget, currency = i.get("budget"), i.get("currency", "USD")
    weeks = weeks_between(i.get("start_date"), i.get("end_date"))
    parts = []
    if i.get("start_date") and i.get("end_date"):
        parts.append(
            f"The campaign runs from {i['start_date']} to {i['end_date']} ({weeks} weeks)."
        )
    else:
        parts.append("Start and end dates are not set yet; confirm them with the client.")
    period, per_period = i.get("budget_period") or "total", i.get("budget_per_period")
    if period != "total" and per_period is not None:  # as the client stated it: not a total
        stated = f"The client's budget is {format_number(per_period)} {currency} per {period}"
        if budget is None:
            parts.append(f"{stated}; with no campaign dates the total is not known yet, so confirm the dates.")
            return " ".join(parts)
        parts.append(f"{stated}, {format_number(budget)} {currency} over the campaign's dates.")
        if weeks:
            parts.append(f"Spread evenly that is roughly {format_number(round(budget / weeks))} {currency} a week.")
        return " ".join(parts)
    if budget is None:
        parts.append(
            "No budget was given; confirm it before channels are chosen, since it decides how much paid reach is possible."
        )
    elif weeks:
        parts.append(
            f"A budget of {format_number(budget)} {currency} is roughly "
            f"{format_number(round(budget / weeks))} {currency} a week if spread evenly."
        )
    else:
        parts.append(f"The budget is {format_number(budget)} {currency} for the whole campaign.")
    return " ".join(parts)


def _open_questions(i: dict[str, Any]) -> list[str]:
    name = i["client_name"]
    missing = {
        "offer": "What exactly is the offer (product, price, terms) we can promote?",
        "usp": f"Why do customers choose {name} over the alternatives, in their own words?",
        "audience": "Who precisely is the audience: role, size of business or household, location?",
        "pain_points": "Which problems bring customers to the client in the first place?",
        "kpi_targets": "Which KPI targets will the campaign be judged on (metric, number, unit)?",
    }
    questions = [q for key, q in missing.items() if not i.get(key)]
    if i.get("budget") is None:
        questions.append("What is the campaign budget, and does it include ad spend?")
    if i.get("website", "none") == "none":
        questions.append("Where should calls to action send people, given there is no website?")
    questions.append(
        "Which proof can we quote publicly (customer names, reviews, results, with permission)? The brief "
        "includes none, so the drafts make no performance claims until the client supplies it."
    )
    for n, objection in enumerate((i.get("objections") or [])[:2]):
        questions.append(
            f"How does the team answer {quote(objection)} today?"
            + (" Their own words make the best copy." if n == 0 else "")
        )
    if i.get("disclaimers"):
        questions.append(
            "Must the disclaimer appear on every post, or only where the offer or price is named?"
        )
    return questions[:12]


def _share(items: list[str], index: int, count: int) -> list[str]:
    """Persona ``index``'s share of ``items`` (round robin), never empty when items exist."""
    share = items[index::count]
    return share or items[:1]


def _personas(i: dict[str, Any], channels: list[str], banned: list[str]) -> list[dict[str, Any]]:
    name = i["client_name"]
    sector = sector_for(i.get("industry"), i.get("offer"), i.get("audience"))
    audience = (
        lower_first(strip_end(first_clause(i.get("audience", "")))) or "the client's audience"
    )
    pains = [strip_end(p) for p in i.get("pain_points") or []] or [
        f"problems {name} has not yet described to us"
    ]
    outcomes = [strip_end(o) for o in i.get("desired_outcomes") or []] or [
        "an outcome to confirm with the client"
    ]
    objections = [strip_end(o) for o in i.get("objections") or []]
    offer_line = (
        strip_end(first_sentence(i.get("offer", ""))) or f"a first conversation with {name}"
    )
    places = [sentence(CHANNEL_PLACES[c])[:-1] for c in channels if c in CHANNEL_PLACES]
    places = places or [
        "To confirm with the client: the channels and communities these buyers already use"
    ]
    count = 3 if objections else 2

    decider = {
        "label": sector.decider_label,
        "who_they_are": f"Among {audience}, this is {sector.decider_role.format(name=name)}. "
        f"They will judge {name} on whether it delivers {lower_first(first_clause(outcomes[0]))} without adding "
        "risk or work.",
        "goals": [sentence(o) for o in outcomes[:3]],
        "pains": [sentence(p) for p in _share(pains, 0, count)],
        "objections": [sentence(o) for o in _share(objections, 0, count)] if objections else [],
        "triggers": [f"Another week of {lower_first(p)}." for p in _share(pains, 0, count)[:2]],
        "where_to_reach": places[:3],
        "message_that_lands": f"{sentence(outcomes[0])[:-1]}, without {lower_first(pains[0])}.",
    }
    user = {
        "label": sector.user_label,
        "who_they_are": f"Among {audience}, {sector.user_role.format(name=name)}."
        + (" If it makes their week harder, the purchase stalls, whatever the decision-maker thinks."
           if sector.key == "b2b" else ""),
        "goals": [sentence(o) for o in (outcomes[1:] + outcomes[:1])[:3]],
        "pains": [sentence(p) for p in _share(pains, 1, count)],
        "objections": [sentence(o) for o in _share(objections, 1, count)] if objections else [],
        "triggers": [
            f"When it happens again: {lower_first(p)}." for p in _share(pains, 1, count)[:2]
        ],
        "where_to_reach": places[:3],
        "message_that_lands": f"With {name}, {lower_first(first_clause(outcomes[min(1, len(outcomes) - 1)]))}: "
        f"no more {lower_first(_share(pains, 1, count)[0])}.",
    }
    personas = [decider, user]
    if count == 3:
        personas.append(
            {
                "label": "The cautious evaluator",
                "who_they_are": f"Someone among {audience} who has heard promises before. Interested, but looking "
                f"for reasons to say no: {join_human(quote(o) for o in objections)}.",
                "goals": [
                    "Avoid a wasted purchase or a painful switch.",
                    f"See {name} working in a situation like theirs before committing.",
                ],
                "pains": [sentence(p) for p in _share(pains, 2, count)],
                "objections": [sentence(o) for o in objections[:6]],
                "triggers": [
                    "A recommendation from a peer they trust.",
                    sector.evaluator_trigger,
                ],
                "where_to_reach": places[:3],
                "message_that_lands": f"Answer {quote(objections[0])} head-on, then point to the offer: "
                f"{quote(offer_line)}.",
            }
        )
    for persona in personas:
        for key in ("goals", "pains", "objections", "triggers"):
            kept = without_banned(persona[key], banned)
            persona[key] = kept or ([] if key in ("objections", "triggers") else persona[key])
    return personas


def _voice_guide(i: dict[str, Any], banned: list[str]) -> dict[str, Any]:
    name, tone = i["client_name"], strip_end(i.get("tone", ""))
    pains = [strip_end(p) for p in i.get("pain_points") or []]
    outcomes = [strip_end(o) for o in i.get("desired_outcomes") or []]
    audience = lower_first(strip_end(first_clause(i.get("audience", "")))) or "its customers"
    if tone:
        summary = (
            f"{name} sounds {lower_first(tone)}. Every line should read as if it comes from someone who "
            f"knows the daily life of {audience} first-hand, not from a vendor."
        )
    else:
        summary = (
            f"The client has not described the voice of {name} yet. Until they do, write plainly and "
            "specifically, and ask the client for three words that describe how they want to sound."
        )
    principles = []
    for word in _tone_words(tone):
        key = TONE_SYNONYMS.get(word, word)
        do, dont = TONE_ADVICE.get(
            key,
            (
                f"Let \u201c{word}\u201d show in word choice and rhythm: read each draft aloud and check it sounds {word}.",
                f"Lines that would sound out of place next to the word \u201c{word}\u201d.",
            ),
        )
        principles.append({"principle": sentence(word)[:-1], "do": do, "dont": dont})
    principles = principles[:4]
    principles.append(
        {
            "principle": "Name the situation, not the category",
            "do": f"Start from a moment the reader recognises: {lower_first(pains[0])}."
            if pains
            else "Start from a moment the reader recognises in their own week.",
            "dont": f"Describe {name} with category labels the reader would never use themselves.",
        }
    )
    principles.append(
        {
            "principle": "Promise only what the client can show",
            "do": f"Describe the outcome the client offers: {lower_first(outcomes[0])}."
            if outcomes
            else "Describe the outcome in the reader's terms, as the client states it.",
            "dont": "Numbers, results, awards or testimonials the client has not supplied and approved.",
        }
    )
    disclaimers = i.get("disclaimers") or []
    disclaimer_usage = (
        "Use the disclaimer word for word wherever the offer or price is mentioned (ads, emails, posts that "
        "name the offer); never paraphrase or shorten it."
        if disclaimers
        else f"The client listed no disclaimers; confirm that none are required for {name}'s market before launch."
    )
    samples = []
    if pains:
        samples.append(f"{sentence(pains[0])[:-1]}? It doesn't have to go like that.")
    if i.get("usp"):
        samples.append(f"{name}: {lower_first(strip_end(first_sentence(i['usp'])))}.")
    if outcomes:
        samples.append(f"{sentence(outcomes[0])[:-1]}. That's the whole point of {name}.")
    samples = without_banned(samples, banned) or [f"{name}, explained in plain words."]
    return {
        "summary": summary,
        "principles": principles[:6],
        "words_to_prefer": _words_to_prefer(i, banned),
        "disclaimer_usage": disclaimer_usage,
        "sample_lines": samples,
    }


def _tone_words(tone: str) -> list[str]:
    words = [w.strip().lower() for w in re.split(r",|;|\band\b|/", tone) if w.strip()]
    return [w for w in words if len(w) <= 40][:4]


def _words_to_prefer(i: dict[str, Any], banned: list[str]) -> list[str]:
    """The customer's own phrases, taken from the pains and outcomes the client wrote down."""
    phrases = [
        strip_end(first_clause(p))
        for p in (i.get("desired_outcomes") or []) + (i.get("pain_points") or [])
    ]
    kept = without_banned((lower_first(p) for p in phrases if 0 < len(p) <= 80), banned)
    return list(dict.fromkeys(kept))[:8]
