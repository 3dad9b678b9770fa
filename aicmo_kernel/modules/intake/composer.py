"""Offline intake draft: client summary, two or three persona cards, brand voice guide."""

from __future__ import annotations

import re
from typing import Any

from ..phrasebook import counted, date_text, first_language, keeps_capitals, labelled, number, tr
from ..phrasebook import quote as quote_in
from ..text import (
    audience_kind,
    budget_rate,
    clip,
    days_between,
    drop_banned_phrases,
    first_clause,
    first_sentence,
    framed_sector,
    join_human,
    length_words,
    lower_first,
    plain,
    sentence,
    strip_end,
    unique,
    uses_banned,
    weekly_routine,
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
# Where to reach an audience of people buying for themselves, or one the brief does not describe.
PEOPLE_PLACES = {
    "x": "X, following the conversations they care about",
    "facebook": "Facebook, including local groups",
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
                 "approachable": "friendly", "knowledgeable": "expert",
                 # the same tones in French, Spanish and German briefs
                 "chaleureux": "warm", "chaleureuse": "warm", "cálido": "warm", "cercano": "friendly", "herzlich": "warm",
                 "clair": "plain", "claro": "plain", "sencillo": "plain", "sachlich": "plain",
                 "klar": "plain", "pratique": "practical", "práctico": "practical", "praktisch": "practical",
                 "rassurant": "calm", "rassurante": "calm", "calme": "calm", "tranquilo": "calm",
                 "tranquilizador": "calm", "ruhig": "calm", "direct": "direct", "directo": "direct", "direkt": "direct",
                 "professionnel": "professional", "profesional": "professional", "professionell": "professional",
                 "amical": "friendly", "cordial": "friendly", "freundlich": "friendly", "expert": "expert",
                 "experto": "expert", "kompetent": "expert", "ludique": "playful", "divertido": "playful",
                 "verspielt": "playful", "confiant": "confident", "seguro": "confident",
                 "selbstbewusst": "confident"}  # fmt: skip


def compose_intake(context: dict[str, Any]) -> dict[str, Any]:
    campaign = context.get("campaign") or {}
    banned = list(context["inputs"].get("banned_words") or []) + list(
        (context.get("brand") or {}).get("banned_words") or []
    )
    i = clean_brief(context["inputs"], banned)
    # The documents are written in the brief's first language (its own words decide when the
    # form only holds the default "English").
    i["_lang"] = first_language(i.get("languages"), [i.get("offer"), i.get("audience"), i.get("industry")]
                                + list(i.get("pain_points") or []))
    return {
        "client_summary": _client_summary(i),
        "personas": _personas(i, campaign.get("channels") or [], banned),
        "voice_guide": _voice_guide(i, banned),
    }


def _t(i: dict[str, Any], english: str, **values: object) -> str:
    """A sentence of the intake documents in the brief's language (``phrasebook.tr``)."""
    return tr(i.get("_lang", "en"), english, **values)


def _low(i: dict[str, Any], text: str) -> str:
    """A brief phrase lowered to sit mid-sentence (German nouns keep their capital)."""
    return text.strip() if keeps_capitals(i.get("_lang", "en")) else lower_first(text)


def _q(i: dict[str, Any], text: str) -> str:
    return quote_in(i.get("_lang", "en"), text)


def _n(i: dict[str, Any], value: float) -> str:
    return number(i.get("_lang", "en"), value)


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
    t, low = (lambda text, **v: _t(i, text, **v)), (lambda text: _low(i, text))
    name, offer, usp, audience = i["client_name"], i.get("offer", ""), i.get("usp", ""), i.get("audience", "")
    industry, geography = i.get("industry", ""), i.get("geography", "")
    pains, outcomes = i.get("pain_points") or [], i.get("desired_outcomes") or []
    and_ = t("and")

    if offer and audience:
        headline = t("{name} offers {offer} to {audience}.", name=name, offer=low(strip_end(first_clause(offer))),
                     audience=low(strip_end(first_clause(audience))))
    else:
        headline = t("{name}: {what}, brief still to be completed.", name=name,
                     what=join_human([industry, geography], and_) or t("a new client"))
    if industry and geography:
        where = t("{name} works in {industry} and sells in {geography}.", name=name, industry=low(industry),
                  geography=geography)
    elif industry:
        where = t("{name} works in {industry}.", name=name, industry=low(industry))
    elif geography:
        where = t("{name} sells in {geography}.", name=name, geography=geography)
    else:
        where = t("{name} has not told us its industry or market yet.", name=name)
    overview = [where]
    if i.get("website", "none") != "none":
        overview.append(t("Its website is {website}; campaign links point there unless the client names a better "
                          "landing page.", website=i["website"]))
    else:
        overview.append(t("The client has no website, so every call to action needs another destination (a booking "
                          "form, a phone line or a social profile); confirm which one with the client."))
    overview.append(t("Content will be written in {languages}.",
                      languages=join_human(i.get("languages") or ["English"], and_)))

    offer_text = (
        t("{offer} Quote the offer exactly as briefed; anything beyond it (discounts, guarantees, new prices) needs "
          "the client's sign-off first.", offer=sentence(offer))
        if offer
        else t("The brief does not describe the offer yet. Confirm with the client what exactly we are selling, at "
               "what price and on what terms.")
    )
    differentiator = (
        t("In the client's words: {usp} Every asset should make this difference concrete for the reader.",
          usp=sentence(usp))
        if usp
        else t("No unique selling point was given. Ask the client why their best customers chose {name} over the "
               "alternatives, in the customers' own words.", name=name)
    )
    audience_text = [sentence(audience) if audience else t("The brief does not name the audience yet.")]
    if pains:
        audience_text.append(t("What hurts today: {pains}.", pains="; ".join(low(strip_end(p)) for p in pains)))
    if outcomes:
        audience_text.append(t("What they want instead: {outcomes}.",
                               outcomes="; ".join(low(strip_end(o)) for o in outcomes)))
    objective = i.get("objective", "leads")
    objective_text = t("Objective: {objective}, which here means {meaning}.", objective=t(objective),
                       meaning=t(OBJECTIVE_MEANING.get(objective, objective)))
    objective_text += " " + (
        t("The KPI targets below are the client's own; the strategy measures against these and no others.")
        if i.get("kpi_targets")
        else t("No KPI targets were given; agree them with the client before the strategy is approved.")
    )
    if i.get("_left_out"):
        objective_text += " " + counted(
            i.get("_lang", "en"), i["_left_out"],
            "{count} phrase of the brief uses the brand's banned words and is left out of every draft; ask the client "
            "how they would say it instead.",
            "{count} phrases of the brief use the brand's banned words and are left out of every draft; ask the "
            "client how they would say them instead.")
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
    t, n = (lambda text, **v: _t(i, text, **v)), (lambda v: _n(i, v))
    budget, currency = i.get("budget"), i.get("currency", "USD")
    weeks = weeks_between(i.get("start_date"), i.get("end_date"))
    parts = []
    if i.get("start_date") and i.get("end_date"):
        parts.append(_dates_sentence(i, weeks))
    else:
        parts.append(t("Start and end dates are not set yet; confirm them with the client."))
    period, per_period = i.get("budget_period") or "total", i.get("budget_per_period")
    if period != "total" and per_period is not None:  # as the client stated it: not a total
        if budget is None:
            parts.append(t("The client's budget is {amount} {currency} per {period}; with no campaign dates the total "
                           "is not known yet, so confirm the dates.", amount=n(per_period), currency=currency,
                           period=t(period)))
            return " ".join(parts)
        parts.append(t("The client's budget is {amount} {currency} per {period}, {total} {currency} over the "
                       "campaign's dates.", amount=n(per_period), currency=currency, period=t(period), total=n(budget)))
        if weeks:
            parts.append(_spread(i, budget, weeks, "Spread evenly that is roughly {weekly} {currency} a week.",
                                 "Spread evenly that is roughly {daily} {currency} a day."))
        return " ".join(parts)
    if budget is None:
        parts.append(t("No budget was given; confirm it before channels are chosen, since it decides how much paid "
                       "reach is possible."))
    elif weeks and days_between(i.get("start_date"), i.get("end_date")) != 1:
        parts.append(_spread(i, budget, weeks,
                             "A budget of {budget} {currency} is roughly {weekly} {currency} a week if spread evenly.",
                             "A budget of {budget} {currency} is roughly {daily} {currency} a day if spread evenly."))
    else:
        parts.append(t("The budget is {budget} {currency} for the whole campaign.", budget=n(budget), currency=currency))
    return " ".join(parts)


def _spread(i: dict[str, Any], budget: float, weeks: int, per_week: str, per_day: str) -> str:
    """The budget spread evenly by the one rule (``text.budget_rate``): a day at a time for a
    campaign under a week ("about 1,000 GBP a day" for three days), else a week at a time."""
    unit, rate = budget_rate(budget, weeks, days_between(i.get("start_date"), i.get("end_date")))
    values = {"budget": _n(i, budget), "currency": i.get("currency", "USD")}
    if unit == "day":
        return _t(i, per_day, daily=_n(i, round(rate)), **values)
    return _t(i, per_week, weekly=_n(i, round(rate)), **values)


def _dates_sentence(i: dict[str, Any], weeks: int | None) -> str:
    """The campaign's dates and its length as a person says it: "(1 day)" for a launch day,
    "(3 days)" under a week, then weeks by the one rule ("(1 week)", "(14 weeks)"), never "(1 weeks)"."""
    lang = i.get("_lang", "en")
    start, end = date_text(lang, i["start_date"]), date_text(lang, i["end_date"])
    unit, values = length_words(weeks, days_between(i["start_date"], i["end_date"]))  # the one rule, as every module
    if unit == "1 day":
        return _t(i, "The campaign runs on {start} (1 day).", start=start)
    if unit == "{days} days":
        return _t(i, "The campaign runs from {start} to {end} ({days} days).", start=start, end=end, **values)
    if unit == "1 week":
        return _t(i, "The campaign runs from {start} to {end} (1 week).", start=start, end=end)
    return _t(i, "The campaign runs from {start} to {end} ({weeks} weeks).", start=start, end=end, **values)


def _open_questions(i: dict[str, Any]) -> list[str]:
    t = lambda text, **v: _t(i, text, **v)
    name = i["client_name"]
    missing = {
        "offer": t("What exactly is the offer (product, price, terms) we can promote?"),
        "usp": t("Why do customers choose {name} over the alternatives, in their own words?", name=name),
        "audience": t("Who precisely is the audience: role, size of business or household, location?"),
        "pain_points": t("Which problems bring customers to the client in the first place?"),
        "kpi_targets": t("Which KPI targets will the campaign be judged on (metric, number, unit)?"),
    }
    questions = [q for key, q in missing.items() if not i.get(key)]
    if i.get("budget") is None:
        questions.append(t("What is the campaign budget, and does it include ad spend?"))
    if i.get("website", "none") == "none":
        questions.append(t("Where should calls to action send people, given there is no website?"))
    questions.append(t("Which proof can we quote publicly (customer names, reviews, results, with permission)? The "
                       "brief includes none, so the drafts make no performance claims until the client supplies it."))
    for n, objection in enumerate((i.get("objections") or [])[:2]):
        questions.append(t("How does the team answer {objection} today?", objection=_q(i, objection))
                         + (" " + t("Their own words make the best copy.") if n == 0 else ""))
    if i.get("disclaimers"):
        questions.append(t("Must the disclaimer appear on every post, or only where the offer or price is named?"))
    return questions[:12]


def _share(items: list[str], index: int, count: int) -> list[str]:
    """Persona ``index``'s share of ``items`` (round robin), never empty when items exist."""
    share = items[index::count]
    return share or items[:1]


def _personas(i: dict[str, Any], channels: list[str], banned: list[str]) -> list[dict[str, Any]]:
    t, low, q = (lambda text, **v: _t(i, text, **v)), (lambda text: _low(i, text)), (lambda text: _q(i, text))
    name = i["client_name"]
    sector = framed_sector(i.get("industry"), i.get("offer"), i.get("audience"))
    business = audience_kind(i.get("audience"), i.get("industry")) == "business"
    audience = low(strip_end(first_clause(i.get("audience", "")))) or t("the client's audience")
    # No pains in the brief: the persona's pain line is a gap to confirm, never a sentence about the
    # customer, and no trigger or message is built on it.
    stated = [strip_end(p) for p in i.get("pain_points") or []]
    pains = stated or [t("To confirm with the client: what brings people to {name}", name=name)]
    wanted = [strip_end(o) for o in i.get("desired_outcomes") or []]
    outcomes = wanted or [t("an outcome to confirm with the client")]
    objections = [strip_end(o) for o in i.get("objections") or []]
    offer_line = strip_end(first_sentence(i.get("offer", ""))) or t("a first conversation with {name}", name=name)
    where = CHANNEL_PLACES if business else {**CHANNEL_PLACES, **PEOPLE_PLACES}
    places = [sentence(t(where[c]))[:-1] for c in channels if c in where]
    places = places or [t("To confirm with the client: the channels and communities these buyers already use")]
    count = 3 if objections else 2
    # A problem that comes back every week, for people at work or over a campaign of weeks; a
    # three-day festival's families meet theirs "once again", not "another week" of it.
    weekly = weekly_routine(i.get("audience"), i.get("industry"), weeks_between(i.get("start_date"), i.get("end_date")),
                            days_between(i.get("start_date"), i.get("end_date")))

    decider = {
        "label": t(sector.decider_label),
        "who_they_are": t("Among {audience}, this is {role}.", audience=audience,
                          role=t(sector.decider_role, name=name)) + " "
        + t("They will judge {name} on whether it delivers {outcome} without adding risk or work.", name=name,
            outcome=low(first_clause(outcomes[0]))),
        "goals": [sentence(o) for o in outcomes[:3]],
        "pains": [sentence(p) for p in _share(pains, 0, count)],
        "objections": [sentence(o) for o in _share(objections, 0, count)] if objections else [],
        "triggers": [t("Another week of {pain}.", pain=low(p)) if weekly else sentence(t("{pain}, once again.", pain=p))
                     for p in _share(stated, 0, count)[:2]],
        "where_to_reach": places[:3],
        "message_that_lands": t("{outcome}, without {pain}.", outcome=sentence(outcomes[0])[:-1], pain=low(pains[0]))
        if stated else _message_without_pains(i, wanted, offer_line if i.get("offer") else ""),
    }
    user = {
        "label": t(sector.user_label),
        "who_they_are": t("Among {audience}, {role}.", audience=audience, role=t(sector.user_role, name=name))
        + (" " + t("If it makes their week harder, the purchase stalls, whatever the decision-maker thinks.")
           if sector.key == "b2b" else ""),
        "goals": [sentence(o) for o in (outcomes[1:] + outcomes[:1])[:3]],
        "pains": [sentence(p) for p in _share(pains, 1, count)],
        "objections": [sentence(o) for o in _share(objections, 1, count)] if objections else [],
        "triggers": [t("When it happens again: {pain}.", pain=low(p)) for p in _share(stated, 1, count)[:2]],
        "where_to_reach": places[:3],
        "message_that_lands": t("With {name}, {outcome}: no more {pain}.", name=name,
                                outcome=low(first_clause(outcomes[min(1, len(outcomes) - 1)])),
                                pain=low(_share(pains, 1, count)[0]))
        if stated else _message_without_pains(i, wanted[1:] + wanted[:1], offer_line if i.get("offer") else ""),
    }
    personas = [decider, user]
    if count == 3:
        personas.append(
            {
                "label": t("The cautious evaluator"),
                "who_they_are": t("Someone among {audience} who has heard promises before. Interested, but looking for "
                                  "reasons to say no: {objections}.", audience=audience,
                                  objections=join_human([q(o) for o in objections], t("and"))),
                "goals": [
                    t("Avoid a wasted purchase or a painful switch."),
                    t("See {name} working in a situation like theirs before committing.", name=name),
                ],
                "pains": [sentence(p) for p in _share(pains, 2, count)],
                "objections": [sentence(o) for o in objections[:6]],
                "triggers": [t("A recommendation from a peer they trust."), t(sector.evaluator_trigger)],
                "where_to_reach": places[:3],
                "message_that_lands": t("Answer {objection} head-on, then point to the offer: {offer}.",
                                        objection=q(objections[0]), offer=q(offer_line)),
            }
        )
    for persona in personas:
        for key in ("goals", "pains", "objections", "triggers"):
            kept = without_banned(persona[key], banned)
            persona[key] = kept or ([] if key in ("objections", "triggers") else persona[key])
    return personas


def _message_without_pains(i: dict[str, Any], outcomes: list[str], offer: str) -> str:
    """The message most likely to land when the brief names no pain: the outcome it promises, else
    its offer in the client's words, else a gap to confirm."""
    if outcomes:
        return _t(i, "With {name}, {outcome}.", name=i["client_name"], outcome=_low(i, first_clause(outcomes[0])))
    if offer:
        return sentence(offer)
    return _t(i, "To confirm with the client, once they tell us what brings people to {name}.", name=i["client_name"])


def _voice_guide(i: dict[str, Any], banned: list[str]) -> dict[str, Any]:
    t, low = (lambda text, **v: _t(i, text, **v)), (lambda text: _low(i, text))
    name, tone = i["client_name"], strip_end(i.get("tone", ""))
    pains = [strip_end(p) for p in i.get("pain_points") or []]
    outcomes = [strip_end(o) for o in i.get("desired_outcomes") or []]
    audience = low(strip_end(first_clause(i.get("audience", "")))) or t("its customers")
    if tone:
        summary = t("{name} sounds {tone}. Every line should read as if it comes from someone who knows the daily "
                    "life of {audience} first-hand, not from a vendor.", name=name, tone=low(tone), audience=audience)
    else:
        summary = t("The client has not described the voice of {name} yet. Until they do, write plainly and "
                    "specifically, and ask the client for three words that describe how they want to sound.", name=name)
    principles = []
    for word in _tone_words(tone):
        key = TONE_SYNONYMS.get(word, word)
        if key in TONE_ADVICE:
            do, dont = (t(x) for x in TONE_ADVICE[key])
        else:
            do = t("Let {word} show in word choice and rhythm: read each draft aloud and check it sounds {word}.",
                   word=_q(i, word))
            dont = t("Lines that would sound out of place next to the word {word}.", word=_q(i, word))
        principles.append({"principle": sentence(word)[:-1], "do": do, "dont": dont})
    principles = principles[:4]
    principles.append({
        "principle": t("Name the situation, not the category"),
        "do": t("Start from a moment the reader recognises: {pain}.", pain=low(pains[0])) if pains
        else t("Start from a moment the reader recognises in their own week."),
        "dont": t("Describe {name} with category labels the reader would never use themselves.", name=name),
    })  # fmt: skip
    principles.append({
        "principle": t("Promise only what the client can show"),
        "do": t("Describe the outcome the client offers: {outcome}.", outcome=low(outcomes[0])) if outcomes
        else t("Describe the outcome in the reader's terms, as the client states it."),
        "dont": t("Numbers, results, awards or testimonials the client has not supplied and approved."),
    })  # fmt: skip
    disclaimer_usage = (
        t("Use the disclaimer word for word wherever the offer or price is mentioned (ads, emails, posts that name "
          "the offer); never paraphrase or shorten it.")
        if i.get("disclaimers")
        else t("The client listed no disclaimers; confirm that none are required for {name}'s market before launch.",
               name=name)
    )
    samples = []
    if pains:
        samples.append(t("{pain}? It doesn't have to go like that.", pain=sentence(pains[0])[:-1]))
    if i.get("usp"):
        samples.append(labelled(i.get("_lang", "en"), name, f"{low(strip_end(first_sentence(i['usp'])))}."))
    if outcomes:
        samples.append(t("{outcome}. That's the whole point of {name}.", outcome=sentence(outcomes[0])[:-1], name=name))
    samples = without_banned(samples, banned) or [t("{name}, explained in plain words.", name=name)]
    return {
        "summary": summary,
        "principles": principles[:6],
        "words_to_prefer": _words_to_prefer(i, banned),
        "disclaimer_usage": disclaimer_usage,
        "sample_lines": samples,
    }


def _tone_words(tone: str) -> list[str]:
    words = [w.strip().lower() for w in re.split(r",|;|\band\b|\bet\b|\by\b|\bund\b|/", tone) if w.strip()]
    return [w for w in words if len(w) <= 40][:4]


def _words_to_prefer(i: dict[str, Any], banned: list[str]) -> list[str]:
    """The customer's own phrases, taken from the pains and outcomes the client wrote down."""
    phrases = [
        strip_end(first_clause(p))
        for p in (i.get("desired_outcomes") or []) + (i.get("pain_points") or [])
    ]
    kept = without_banned((_low(i, p) for p in phrases if 0 < len(p) <= 80), banned)
    return list(dict.fromkeys(kept))[:8]
