"""Offline strategy draft: eight layers and a messaging framework from the brief and intake."""

from __future__ import annotations

import re
from typing import Any

from ..phrasebook import keeps_capitals, language_of_inputs, number, say, tr
from ..phrasebook import quote as quote_in
from ..phrasebook import target as target_in
from ..text import (
    audience_kind,
    days_between,
    display_theme,
    drop_banned_phrases,
    first_clause,
    first_sentence,
    framed_sector,
    join_human,
    length_text,
    lower_first,
    plain,
    sentence,
    strip_end,
    timeline,
    unique,
    uses_banned,
    weekly_routine,
)
from . import timing
from .messaging import messaging

__all__ = ["call_to_action", "compose_strategy"]

# channel: (display name, role, what its KPI counts, cadence from a week up; under a week: timing.SHORT_CADENCE)
CHANNEL_PLAYBOOK = {
    "linkedin": ("LinkedIn", "Reach decision-makers in a working frame of mind with practical, story-led posts.",
                 "clicks to the landing page from LinkedIn (UTM-tagged)", "Two posts a week."),
    "instagram": ("Instagram", "Show the everyday moment the offer changes, in photos, carousels and stories.",
                  "link clicks from the profile and stories", "Three posts a week, plus stories on posting days."),
    "x": ("X", "Short practical takes and quick answers; join the conversations the audience already has.",
          "link clicks and replies from the target audience", "One post each weekday and one thread a week."),
    "email": ("Email", "Nurture people who have raised their hand; answer one objection per email.",
              "click-through from email to the offer", "One email a week to opted-in contacts."),
    "facebook": ("Facebook", "Reach local owners and trade groups, and retarget people who visited the site.",
                 "link clicks and cost per result from Facebook", "Three posts a week; ads running throughout."),
    "tiktok": ("TikTok", "Short, real-life videos of the problem and the fix.",
               "profile visits and link clicks from TikTok", "Three short videos a week."),
    "youtube": ("YouTube", "Walk-throughs and explainers people search for.",
                "clicks to the offer from video descriptions", "One video every two weeks."),
    "blog": ("Blog", "Answer the questions buyers search for, and give every other channel something to link to.",
             "visits from search and sign-ups from articles", "One article every two weeks."),
    "ads": ("Paid ads", "Put budget behind the organic messages that already work.",
            "cost per result against the KPI targets", "Always on; creative refreshed every two weeks."),
}  # fmt: skip
# A channel's role for an audience of people buying for themselves, or one the brief does not describe.
PEOPLE_ROLES = {
    "linkedin": "Reach people in a working frame of mind with practical, story-led posts.",
    "facebook": "Reach people nearby and in local groups, and retarget people who visited the site.",
}
OBJECTIVE_RESULT = {"awareness": "reach among the audience", "consideration": "visits to the offer page",
                    "leads": "leads", "sales": "sales", "retention": "repeat purchases", "launch": "sign-ups"}  # fmt: skip


def call_to_action(offer: str, objective: str, name: str, lang: str = "en", sector: str = "b2b") -> str:
    """The call to action the offer supports, in ``lang``; never promises a demo or trial the
    offer lacks. The offer is read in any of the phrase banks' languages. For sales, "Get started
    with ..." is said to businesses (``sector``: the ``framed_sector`` key, "b2b" or "general");
    people buying for themselves (a festival, a shop, a clinic) are asked to "Discover ..." it."""
    text = offer.lower()
    if re.search(r"free trial|essai gratuit|prueba gratis|prueba gratuita|kostenlos(?:e|en)? test", text):
        return say(lang, "cta_free_trial")
    if re.search(r"\b(trial|essai|prueba|test)\b", text):
        return say(lang, "cta_trial")
    if re.search(r"\b(demo|démo)\b", text):
        return say(lang, "cta_demo")
    if re.search(r"\b(quote|devis|presupuesto|angebot)\b", text):
        return say(lang, "cta_quote")
    if re.search(r"\b(call|consultation|rendez-vous|llamada|beratung|aufmaß|termin)\b", text):
        return say(lang, "cta_call")
    if re.search(r"\b(assessment|check-up|appointment|revisión|cita|erstuntersuchung|bilan)\b", text):
        return say(lang, "cta_book")
    if re.search(r"\b(donate|donation|don|donativo|spende)\b", text):
        return say(lang, "cta_donate")
    if re.search(r"\b(volunteer|bénévole|voluntari\w*|ehrenamt\w*)\b", text):
        return say(lang, "cta_volunteer")
    if objective == "sales" and sector not in ("b2b", "general"):
        return say(lang, "cta_sales_people", name=name)
    return say(lang, {"sales": "cta_sales", "awareness": "cta_awareness", "leads": "cta_leads"}.get(
        objective, "cta_default"), name=name)


def compose_strategy(context: dict[str, Any]) -> dict[str, Any]:
    i = context["inputs"]
    upstream = context.get("upstream") or {}
    intake = next(
        (
            d.get("metadata") or {}
            for d in upstream.get("intake", [])
            if d.get("kind") == "client_summary"
        ),
        {},
    )
    personas = [
        d.get("metadata") or {}
        for d in upstream.get("intake", [])
        if d.get("kind") == "persona_card"
    ]
    brand = context.get("brand") or {}
    facts = _Facts(i, intake, brand)
    return {
        "theme": display_theme(i["campaign_name"], facts.name),
        "strategy": {
            "business_reality": _business_reality(facts),
            "market_truth": _market_truth(facts),
            "audience_psychology": _audience_psychology(facts, personas),
            "value_architecture": _value_architecture(facts),
            "narrative": _narrative(facts),
            "channels": [_channel_plan(facts, c) for c in i["channels"]],
            "constraints": _constraints(facts),
            "measurement": _measurement(facts),
        },
        "messaging": messaging(facts),
    }


class _Facts:
    """What the brief and the approved intake say, with the fallbacks the drafts use."""

    def __init__(self, i: dict[str, Any], intake: dict[str, Any], brand: dict[str, Any]) -> None:
        self.i = i
        self.banned = list(brand.get("banned_words") or []) + list(intake.get("banned_words") or [])
        self.name = plain(brand.get("name") or intake.get("client_name") or i["campaign_name"])
        # The display name or theme in copy, never the campaign's short id.
        self.campaign = display_theme(i["campaign_name"], self.name)
        self.offer = self._clean(i.get("offer") or intake.get("offer") or "")
        self.usp = self._clean(intake.get("usp") or "")
        self.audience = self._clean(i.get("audience") or intake.get("audience") or "")
        # Pains and outcomes go into copy in pairs: a pair that quotes a banned word is dropped
        # whole, so the pillars stay matched; repeats, and an outcome that only restates a pain, go.
        pairs = list(zip(intake.get("pain_points") or [], intake.get("desired_outcomes") or []))
        clean_pairs = [(self._clean(p), self._clean(o)) for p, o in pairs]
        seen: set[str] = set()
        self.pairs = []
        for p, o in clean_pairs:
            keys = {re.sub(r"\W+", " ", x).strip().lower() for x in (p, o)}
            if p and o and len(keys) == 2 and not keys & seen:
                self.pairs.append((p, o))
                seen |= keys
        self.pains = unique(c for c in (self._clean(p) for p in intake.get("pain_points") or []) if c)
        pain_keys = {re.sub(r"\W+", " ", p).strip().lower() for p in self.pains}
        self.outcomes = [o for o in unique(c for c in (self._clean(o) for o in intake.get("desired_outcomes") or []) if c)
                         if re.sub(r"\W+", " ", o).strip().lower() not in pain_keys]  # fmt: skip
        self.objections = unique(c for c in (self._clean(o) for o in intake.get("objections") or []) if c)
        self.industry = plain(intake.get("industry") or brand.get("industry") or "")
        self.geography = plain(intake.get("geography") or brand.get("geography") or "")
        self.tone = drop_banned_phrases(i.get("tone") or "", self.banned)
        self.sector = framed_sector(self.industry, self.offer, self.audience)
        # "business", "consumer" or "" (the brief does not say): how psychology and channel roles are framed
        self.kind = audience_kind(self.audience, self.industry)
        self.rules = brief_rules(brand.get("voice") or "", self.banned)
        self.website = intake.get("website") or brand.get("website") or "none"
        self.objective = intake.get("objective") or "leads"
        self.disclaimers = list(brand.get("disclaimers") or intake.get("disclaimers") or [])
        self.languages = intake.get("languages") or ["English"]
        self.weeks = int(i.get("duration_weeks") or 12)
        self.days = days_between(intake.get("start_date"), intake.get("end_date"))
        # Checks and reviews by the campaign's real length: days under four weeks, else weeks.
        self.plan = timeline(self.weeks, self.days)
        self.checkpoint, self.midpoint = self.plan.checkpoint, self.plan.midpoint
        kpis = i.get("kpi_targets") or []
        self.kpis = kpis
        self.lang = language_of_inputs(i.get("language"), [self.offer, self.audience] + self.pains)
        # The campaign's length as every module says it: "3 days" for a short event, never "1 weeks".
        self.length = length_text(self.weeks, self.days, self.t)
        self.result = kpis[0]["metric"] if kpis else self.t(OBJECTIVE_RESULT.get(self.objective, "results"))
        self.audience_short = self.low(strip_end(first_clause(self.audience))) or self.t("the audience")
        self.cta = call_to_action(self.offer, self.objective, self.name, self.lang, self.sector.key)

    def t(self, english: str, **values: object) -> str:
        """A sentence of the documents in the brief's language (``phrasebook.tr``)."""
        return tr(getattr(self, "lang", "en"), english, **values)

    def low(self, text: str) -> str:
        """A brief phrase lowered to sit mid-sentence (German nouns keep their capital)."""
        return text.strip() if keeps_capitals(getattr(self, "lang", "en")) else lower_first(text)

    def _clean(self, text: str) -> str:
        """Brief text fit for a draft: plain (no markup, placeholders or injected instructions),
        and empty when it uses one of the brand's banned words."""
        cleaned = strip_end(plain(text))
        return "" if uses_banned(cleaned, self.banned) else cleaned

    def budget_text(self) -> str:
        budget = self.i.get("budget")
        if budget is None:
            return self.t("a budget still to be confirmed")
        return f"{self.n(budget)} {self.i.get('currency', 'USD')}"

    def q(self, text: str) -> str:
        """``text`` in the language's quotation marks."""
        return quote_in(self.lang, text)

    def n(self, value: float) -> str:
        """A number as the language writes it (20,000 / 20 000 / 20.000)."""
        return number(self.lang, value)

    def and_(self, items: Any) -> str:
        return join_human(list(items), self.t("and"))


_RULE = re.compile(r"\b(never|always|must|only|do not|don't|no|avoid|credit|without|not)\b", re.IGNORECASE)


def brief_rules(voice: str, banned: list[str]) -> list[str]:
    """The rule sentences of a brand voice pasted from a brief ("LONG CONTEXT: We never show ...");
    a rule that quotes banned words is left to the banned-words constraint (and QC)."""
    text = re.sub(r"^\s*[A-Z][A-Z ]{2,30}:\s*", "", plain(voice))
    rules = []
    for piece in re.split(r"(?<=[.!?])\s+", text):
        piece = piece.strip()
        if len(piece.split()) >= 3 and _RULE.search(piece) and not uses_banned(piece, banned):
            rules.append(sentence(piece))
    return unique(rules)


def _business_reality(f: _Facts) -> dict[str, Any]:
    t, low = f.t, f.low
    offer = low(strip_end(first_clause(f.offer))) or t("an offer the client has yet to describe")
    points = [t("Offer as briefed: {offer}", offer=sentence(f.offer)) if f.offer
              else t("Offer: not described yet; confirm it first.")]  # fmt: skip
    if f.usp:
        points.append(t("Why {name} is different, in the client's words: {usp}", name=f.name, usp=sentence(f.usp)))
    budget = f.i.get("budget")
    currency = f.i.get("currency", "USD")
    if budget is not None:
        points.append(timing.budget_point(f, budget, currency))
    else:
        points.append(t("No budget yet: organic channels only until the client confirms one."))
    points.append(t("What the campaign must achieve: {objectives}.",
                    objectives="; ".join(low(strip_end(o)) for o in f.i["objectives"])))
    points.append(timing.baseline_point(f))
    return {
        "summary": (t("{name} sells {offer} to {audience}.", name=f.name, offer=offer, audience=f.audience_short)
                    if f.audience else t("{name} sells {offer}.", name=f.name, offer=offer)) + " "
        + t("{campaign} has {budget} and {length} to deliver {result}.", campaign=f.q(f.campaign),
            budget=f.budget_text(), length=f.length, result=low(f.result)),
        "points": points,
    }


def _market_truth(f: _Facts) -> dict[str, Any]:
    t, low = f.t, f.low
    where = t("in {geography}", geography=f.geography) if f.geography else ""
    category = " ".join(p for p in (low(f.industry), where) if p) or t("this category")
    points = [
        t("Category and market: {category}.", category=category)
        if f.industry or f.geography
        else t("Category and market: not stated in the brief; confirm both with the client.")
    ]
    if f.pains:
        points.append(t("How buyers cope today, judging by their pains: {pains}.",
                        pains="; ".join(low(p) for p in f.pains)))
    if f.objections:
        points.append(t("What buyers compare {name} with shows in their objections: {objections}.",
                        name=f.name, objections=f.and_(f.q(o) for o in f.objections)))
    points.append(t("To verify with the client: the two or three alternatives prospects mention most, and how "
                    "{name} is priced against them.", name=f.name))
    return {
        "summary": t("The brief holds no market research, so this layer records what the client told us about "
                     "{category}, and marks what must be checked before the campaign leans on it.", category=category),
        "points": points,
    }


def _audience_psychology(f: _Facts, personas: list[dict[str, Any]]) -> dict[str, Any]:
    t, low = f.t, f.low
    points = []
    used: set[str] = set()
    for p in personas[:3]:
        # Each persona with its own want and worry: three personas "held back by" the same
        # objection read as one persona said three times.
        wants = _unused([strip_end(g) for g in p.get("goals") or []], used) or t("an outcome to confirm with the client")
        # A persona's pains are the brief's: with none given, intake's pain line is a gap to confirm.
        pains = (p.get("pains") or []) if f.pains else []
        held_back = _unused([strip_end(o) for o in (p.get("objections") or []) + pains], used)
        acts = strip_end((p.get("triggers") or [t("a clear, low-risk next step")])[0])
        worry = (t("is held back by {worry}", worry=f.q(held_back)) if held_back
                 else t("has worries still to confirm with the client"))  # fmt: skip
        points.append(t("{persona} wants {wants}, {worry}, and is tipped into action by {trigger}.",
                        persona=p.get("label", "Persona"), wants=low(wants), worry=worry, trigger=low(acts)))
    if not points:
        felt = ("They feel {pain} every week." if weekly_routine(f.audience, f.industry, f.weeks, f.days)
                else "They run into {pain} again and again.")  # a three-day festival's audience has no "week" of it
        points = [t(felt, pain=low(p)) for p in f.pains[:3]] or [
            t("No personas were approved at intake; confirm who buys and who uses before writing creatives.")
        ]
    return {"summary": _what_moves_them(f), "points": points}


def _what_moves_them(f: _Facts) -> str:
    """What moves the audience, framed for people buying for work, for themselves, or (when the
    brief does not say) in words that fit both."""
    t, audience = f.t, sentence(f.audience_short)[:-1]
    pain = f.low(f.pains[0]) if f.pains else ""
    if f.kind == "business":
        return t("{audience} move when the cost of {pain} feels bigger than the effort of changing how they work. The "
                 "campaign has to lower that effort as much as it raises the pain.", audience=audience,
                 pain=pain or t("the problem the client solves"))
    if not pain:
        return t("{audience} move when the offer feels worth their time and money, and the first step is easy. The "
                 "campaign has to make the reason to act clear and the first step small.", audience=audience)
    if f.kind == "consumer":
        return t("{audience} move when {pain} bothers them more than the effort of doing something about it. The "
                 "campaign has to make that first step feel small.", audience=audience, pain=pain)
    return t("{audience} move when the cost of {pain} feels bigger than the effort of changing what they do today. "
             "The campaign has to lower that effort as much as it raises the pain.", audience=audience, pain=pain)


def _unused(options: list[str], used: set[str]) -> str:
    """The first of ``options`` not used yet (and mark it used), or ""."""
    for option in options:
        if option and option.lower() not in used:
            used.add(option.lower())
            return option
    return ""


def _value_architecture(f: _Facts) -> dict[str, Any]:
    t, low = f.t, f.low
    promise = strip_end(first_sentence(f.usp)) or strip_end(first_sentence(f.offer)) or t("to be agreed with the client")
    points = [t("From {pain} to {outcome}.", pain=low(p), outcome=low(o)) for p, o in f.pairs]
    if f.offer:
        points.append(t("The offer that lowers the risk of trying: {offer}", offer=sentence(f.offer)))
    points.append(t("Proof: none supplied yet. Before launch, collect for each pillar of the messaging framework: "
                    "{proof}", proof=lower_first(t(f.sector.proof, name=f.name))))
    return {"summary": t("Core promise: {promise}.", promise=low(promise)), "points": points}


def _narrative(f: _Facts) -> dict[str, Any]:
    t, low = f.t, f.low
    before = low(f.pains[0]) if f.pains else t("the problem as the customer lives it")
    after = low(f.outcomes[0]) if f.outcomes else t("the outcome the client promises")
    # The bridge is what the brief says the client does: its USP, else its offer, else a gap.
    bridge = low(strip_end(first_clause(f.usp or f.offer)))
    summary = (t("Theme: {theme}. Before: {before}. After: {after}. The bridge is {name}: {bridge}.",
                 theme=f.q(f.campaign), before=before, after=after, name=f.name, bridge=bridge) if bridge
               else t("Theme: {theme}. Before: {before}. After: {after}. The bridge is {name}; what it offers is still "
                      "to be confirmed with the client.", theme=f.q(f.campaign), before=before, after=after,
                      name=f.name))  # fmt: skip
    return {
        "summary": summary,
        "points": [
            t("Recognition: open on the moment itself ({before}), told without judgement.", before=before),
            t("Turn: show the same moment handled with {name}, step by step.", name=f.name),
            t("Evidence: what changes in practice, using the client's own examples once they are supplied."),
            t("Invitation: one clear next step, {cta}, with the disclaimer where the offer is named.", cta=f.q(f.cta)),
        ],
    }


def _channel_plan(f: _Facts, channel: str) -> dict[str, Any]:
    t, low = f.t, f.low
    label, role, counts, cadence = CHANNEL_PLAYBOOK[channel]
    if f.kind != "business":  # "decision-makers" and "trade groups" only for an audience buying for work
        role = PEOPLE_ROLES.get(channel, role)
    return {
        "channel": channel,
        "role": t(role),
        "kpi": t("{counts}, contributing to {result}.", counts=sentence(t(counts))[:-1], result=low(f.result)),
        "cadence": t(timing.channel_cadence(f, channel, cadence)),
        "kill_criteria": timing.kill_criteria(f, t(label) if channel in ("ads", "blog") else label, low(f.result)),
    }


def _constraints(f: _Facts) -> list[str]:
    t = f.t
    items = [
        t("Budget: {budget} for {length}; no spend beyond it without the client's approval.",
          budget=f.budget_text(), length=f.length),
        t("Voice: {tone}.", tone=strip_end(f.tone) or t("not described yet; confirm it with the client")),
        t("Languages: {languages}.", languages=f.and_(f.languages)),
    ]
    if f.banned:
        items.append(t("{count} banned words from the brand record; QC blocks any draft using them.",
                       count=len(dict.fromkeys(f.banned))))
    for disclaimer in f.disclaimers:
        items.append(t("Required disclaimer wherever the offer or price appears: {disclaimer}.", disclaimer=f.q(disclaimer)))
    if not f.sector.regulated:
        items.append(t("No claims we cannot prove yet: no numbers, results or testimonials until the client supplies them."))
    elif f.sector.key == "health":
        items.append(t("Regulated health care: no testimonials, before/after pictures or promised outcomes in any "
                       "asset, whatever the client supplies; QC blocks them."))
    else:
        items.append(t("Regulated financial services: no testimonials, before/after pictures or promised outcomes "
                       "in any asset, whatever the client supplies; QC blocks them."))
    items.append(t("Landing destination: {website}.", website=f.website) if f.website != "none"
                 else t("No website: confirm where calls to action should send people."))  # fmt: skip
    if f.i.get("notes"):
        items.append(sentence(f.i["notes"]))
    # The brief's own rules ("never show children's faces", "credit our partners") become
    # constraints one by one, instead of a pasted paragraph.
    items += [t("Rule from the brief: {rule}", rule=lower_first(rule)) for rule in f.rules][: max(0, 12 - len(items))]
    return items[:12]


def _measurement(f: _Facts) -> dict[str, Any]:
    t = f.t
    rules = []
    for kpi in f.kpis:
        unit = str(kpi.get("unit") or "").lower()
        ratio_like = unit == "%" or re.search(
            r"\b(rate|cost|cpa|cpl|ctr|conversion|per|taux|coût|tasa|coste|quote|kosten)\b", kpi["metric"], re.IGNORECASE
        )
        if ratio_like:
            rules.append(timing.ratio_rule(f, kpi["metric"], target_in(f.lang, kpi)))
        else:
            rules.append(timing.pace_rule(f, kpi["metric"], float(kpi["target"])))
    rules.append(t("If a channel meets its kill criteria, pause it and move its budget to the best-performing channel."))
    rules.append(timing.halfway_rule(f))
    summary = (
        t("{name} is measured against the client's own KPI targets, listed below, and nothing else.", name=f.name)
        if f.kpis
        else t("No KPI targets were agreed at intake. Agree them with the client before launch; until then the "
               "decision rules below use the direction of travel, not numbers.")
    )
    return {
        "summary": summary,
        "decision_rules": rules[:10],
        "review_cadence": timing.review_cadence(f),
    }
