"""Offline strategy draft: eight layers and a messaging framework from the brief and intake."""

from __future__ import annotations

import math
import re
from typing import Any

from ..fields import format_number, format_target
from ..phrasebook import keeps_capitals, language_of_inputs, say
from ..sectors import sector_for
from ..text import (
    display_theme,
    drop_banned_phrases,
    first_clause,
    first_sentence,
    join_human,
    lower_first,
    plain,
    quote,
    sentence,
    strip_end,
    unique,
    uses_banned,
    without_banned,
)

__all__ = ["call_to_action", "compose_strategy"]

# channel: (display name, role, what its KPI counts, cadence to start from)
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
OBJECTIVE_RESULT = {"awareness": "reach among the audience", "consideration": "visits to the offer page",
                    "leads": "leads", "sales": "sales", "retention": "repeat purchases", "launch": "sign-ups"}  # fmt: skip
JARGON = ["solution", "leverage", "best-in-class", "world-class", "cutting-edge", "one-stop shop"]


def call_to_action(offer: str, objective: str, name: str, lang: str = "en") -> str:
    """The call to action the offer supports, in ``lang``; never promises a demo or trial the
    offer lacks. The offer is read in any of the phrase banks' languages."""
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
        "messaging": _messaging(facts),
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
        self.audience_short = lower_first(strip_end(first_clause(self.audience))) or "the audience"
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
        self.sector = sector_for(self.industry, self.offer, self.audience)
        self.rules = brief_rules(brand.get("voice") or "", self.banned)
        self.website = intake.get("website") or brand.get("website") or "none"
        self.objective = intake.get("objective") or "leads"
        self.disclaimers = list(brand.get("disclaimers") or intake.get("disclaimers") or [])
        self.languages = intake.get("languages") or ["English"]
        self.weeks = int(i.get("duration_weeks") or 12)
        self.checkpoint = max(2, round(self.weeks / 3))
        self.midpoint = max(self.checkpoint + 1, self.weeks // 2)
        kpis = i.get("kpi_targets") or []
        self.kpis = kpis
        self.result = kpis[0]["metric"] if kpis else OBJECTIVE_RESULT.get(self.objective, "results")
        self.lang = language_of_inputs(i.get("language"), [self.offer, self.audience] + self.pains)
        self.cta = call_to_action(self.offer, self.objective, self.name, self.lang)

    def low(self, text: str) -> str:
        """A brief phrase lowered to sit mid-sentence (German nouns keep their capital)."""
        return text.strip() if keeps_capitals(self.lang) else lower_first(text)

    def _clean(self, text: str) -> str:
        """Brief text fit for a draft: plain (no markup, placeholders or injected instructions),
        and empty when it uses one of the brand's banned words."""
        cleaned = strip_end(plain(text))
        return "" if uses_banned(cleaned, self.banned) else cleaned

    def budget_text(self) -> str:
        budget = self.i.get("budget")
        if budget is None:
            return "a budget still to be confirmed"
        return f"{format_number(budget)} {self.i.get('currency', 'USD')}"


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
    offer = (
        lower_first(strip_end(first_clause(f.offer))) or "an offer the client has yet to describe"
    )
    points = [
        f"Offer as briefed: {sentence(f.offer)}"
        if f.offer
        else "Offer: not described yet; confirm it first."
    ]
    if f.usp:
        points.append(f"Why {f.name} is different, in the client's words: {sentence(f.usp)}")
    budget = f.i.get("budget")
    if budget is not None:
        weekly = format_number(round(budget / f.weeks))
        points.append(
            f"Budget: {f.budget_text()} over {f.weeks} weeks, about {weekly} {f.i.get('currency', 'USD')} a "
            "week. Confirm with the client how much of it is ad spend."
        )
    else:
        points.append("No budget yet: organic channels only until the client confirms one.")
    points.append(
        f"What the campaign must achieve: {'; '.join(lower_first(strip_end(o)) for o in f.i['objectives'])}."
    )
    points.append(
        f"The brief gives no current numbers (traffic, conversion, cost per result), so weeks 1 to "
        f"{f.checkpoint} establish the baseline."
    )
    return {
        "summary": f"{f.name} sells {offer} to {f.audience_short}. {quote(f.campaign)} has {f.budget_text()} and "
        f"{f.weeks} weeks to deliver {lower_first(f.result)}.",
        "points": points,
    }


def _market_truth(f: _Facts) -> dict[str, Any]:
    category = (
        " ".join(p for p in (lower_first(f.industry), f.geography and f"in {f.geography}") if p)
        or "this category"
    )
    points = [
        f"Category and market: {category}."
        if f.industry or f.geography
        else "Category and market: not stated in the brief; confirm both with the client."
    ]
    if f.pains:
        points.append(
            f"How buyers cope today, judging by their pains: {'; '.join(lower_first(p) for p in f.pains)}."
        )
    if f.objections:
        points.append(
            f"What buyers compare {f.name} with shows in their objections: "
            f"{join_human(quote(o) for o in f.objections)}."
        )
    points.append(
        f"To verify with the client: the two or three alternatives prospects mention most, and how "
        f"{f.name} is priced against them."
    )
    return {
        "summary": f"The brief holds no market research, so this layer records what the client told us about "
        f"{category}, and marks what must be checked before the campaign leans on it.",
        "points": points,
    }


def _audience_psychology(f: _Facts, personas: list[dict[str, Any]]) -> dict[str, Any]:
    points = []
    used: set[str] = set()
    for p in personas[:3]:
        # Each persona with its own want and worry: three personas "held back by" the same
        # objection read as one persona said three times.
        wants = _unused([strip_end(g) for g in p.get("goals") or []], used) or "an outcome to confirm with the client"
        held_back = _unused([strip_end(o) for o in (p.get("objections") or []) + (p.get("pains") or [])], used)
        acts = strip_end((p.get("triggers") or ["a clear, low-risk next step"])[0])
        worry = f"is held back by {quote(held_back)}" if held_back else "has worries still to confirm with the client"
        points.append(
            f"{p.get('label', 'Persona')} wants {lower_first(wants)}, {worry}, and is tipped into action by "
            f"{lower_first(acts)}."
        )
    if not points:
        points = [f"They feel {lower_first(p)} every week." for p in f.pains[:3]] or [
            "No personas were approved at intake; confirm who buys and who uses before writing creatives."
        ]
    pain = lower_first(f.pains[0]) if f.pains else "the problem the client solves"
    return {
        "summary": f"{sentence(f.audience_short)[:-1]} move when the cost of {pain} feels bigger than the effort of "
        "changing how they work. The campaign has to lower that effort as much as it raises the pain.",
        "points": points,
    }


def _unused(options: list[str], used: set[str]) -> str:
    """The first of ``options`` not used yet (and mark it used), or ""."""
    for option in options:
        if option and option.lower() not in used:
            used.add(option.lower())
            return option
    return ""


def _value_architecture(f: _Facts) -> dict[str, Any]:
    promise = (
        strip_end(first_sentence(f.usp))
        or strip_end(first_sentence(f.offer))
        or "to be agreed with the client"
    )
    points = [f"From {lower_first(p)} to {lower_first(o)}." for p, o in f.pairs]
    if f.offer:
        points.append(f"The offer that lowers the risk of trying: {sentence(f.offer)}")
    points.append(
        "Proof: none supplied yet. Before launch, collect for each pillar of the messaging framework: "
        + lower_first(f.sector.proof.format(name=f.name))
    )
    return {"summary": f"Core promise: {lower_first(promise)}.", "points": points}


def _narrative(f: _Facts) -> dict[str, Any]:
    before = lower_first(f.pains[0]) if f.pains else "the problem as the customer lives it"
    after = lower_first(f.outcomes[0]) if f.outcomes else "the outcome the client promises"
    bridge = lower_first(strip_end(first_clause(f.usp))) if f.usp else f"what {f.name} does"
    return {
        "summary": f"Theme: {quote(f.campaign)}. Before: {before}. After: {after}. The bridge is {f.name}, which "
        f"{bridge}.",
        "points": [
            f"Recognition: open on the moment itself ({before}), told without judgement.",
            f"Turn: show the same moment handled with {f.name}, step by step.",
            "Evidence: what changes in practice, using the client's own examples once they are supplied.",
            f"Invitation: one clear next step, {quote(f.cta)}, with the disclaimer where the offer is named.",
        ],
    }


def _channel_plan(f: _Facts, channel: str) -> dict[str, Any]:
    label, role, counts, cadence = CHANNEL_PLAYBOOK[channel]
    return {
        "channel": channel,
        "role": role,
        "kpi": f"{sentence(counts)[:-1]}, contributing to {lower_first(f.result)}.",
        "cadence": cadence,
        "kill_criteria": f"If by the end of week {f.checkpoint} {label} has produced no {lower_first(f.result)} "
        f"while posting as planned, pause it and move its time and budget to the channel with the most "
        f"{lower_first(f.result)} so far.",
    }


def _constraints(f: _Facts) -> list[str]:
    items = [
        f"Budget: {f.budget_text()} for {f.weeks} weeks; no spend beyond it without the client's approval.",
        f"Voice: {strip_end(f.tone) or 'not described yet; confirm it with the client'}.",
        f"Languages: {join_human(f.languages)}.",
    ]
    if f.banned:
        items.append(
            f"{len(dict.fromkeys(f.banned))} banned words from the brand record; QC blocks any draft using them."
        )
    for disclaimer in f.disclaimers:
        items.append(
            f"Required disclaimer wherever the offer or price appears: {quote(disclaimer)}."
        )
    items.append(
        "No claims we cannot prove yet: no numbers, results or testimonials until the client supplies them."
        if not f.sector.regulated
        else f"Regulated {'health care' if f.sector.key == 'health' else 'financial services'}: no testimonials, "
        "before/after pictures or promised outcomes in any asset, whatever the client supplies; QC blocks them."
    )
    items.append(
        f"Landing destination: {f.website}."
        if f.website != "none"
        else "No website: confirm where calls to action should send people."
    )
    if f.i.get("notes"):
        items.append(sentence(f.i["notes"]))
    # The brief's own rules ("never show children's faces", "credit our partners") become
    # constraints one by one, instead of a pasted paragraph.
    items += [f"Rule from the brief: {lower_first(rule)}" for rule in f.rules][: max(0, 12 - len(items))]
    return items[:12]


def _measurement(f: _Facts) -> dict[str, Any]:
    rules = []
    for kpi in f.kpis:
        unit = str(kpi.get("unit") or "").lower()
        ratio_like = unit == "%" or re.search(
            r"\b(rate|cost|cpa|cpl|ctr|conversion|per)\b", kpi["metric"], re.IGNORECASE
        )
        if ratio_like:
            rules.append(
                f"If {kpi['metric']} is off its target ({format_target(kpi)}) at the week-{f.checkpoint} "
                "review, find where people drop out (landing page, offer, follow-up) before adding spend."
            )
        else:
            # A count is whole: "below 67 sign-ups", never "below 66.7".
            pace = format_number(math.ceil(float(kpi["target"]) * f.checkpoint / f.weeks))
            rules.append(
                f"If {kpi['metric']} is below {pace} by the end of week {f.checkpoint} (a straight-line share "
                f"of the {format_number(float(kpi['target']))} target), shift effort to the channel with the "
                "most results so far and replace the weakest creative."
            )
    rules.append(
        "If a channel meets its kill criteria, pause it and move its budget to the best-performing channel."
    )
    rules.append(
        f"If every KPI is on track at the halfway review (week {f.midpoint}), keep the channel mix and test "
        "one new hook a week instead of changing channels."
    )
    summary = (
        f"{f.name} is measured against the client's own KPI targets, listed below, and nothing else."
        if f.kpis
        else "No KPI targets were agreed at intake. Agree them with the client before launch; "
        "until then the decision rules below use the direction of travel, not numbers."
    )
    return {
        "summary": summary,
        "decision_rules": rules[:10],
        "review_cadence": f"A weekly look at the numbers, and fuller reviews with the client at weeks "
        f"{f.checkpoint} and {f.midpoint}.",
    }


def _objection_answer(f: _Facts, objection: str, index: int = 0) -> str:
    """How to answer one objection: by its kind (price, effort, "we tried one"), else one of
    several approaches in turn, so no two objections get the same answer."""
    text = objection.lower()
    usp = lower_first(strip_end(first_clause(f.usp))) or lower_first(strip_end(first_clause(f.offer)))
    if re.search(r"[£$€]|\b(price|cost|expensive|a lot|afford|budget|cher|caro|teuer|fees?)\b", text):
        return (
            f"Acknowledge the cost, then set it against what it replaces "
            f"({lower_first(f.pains[0]) if f.pains else 'the time the problem takes today'}), and point to the "
            f"terms of the offer: {quote(first_sentence(f.offer)) if f.offer else 'to confirm with the client'}."
        )
    if re.search(r"\b(app|download|install|learn|staff|team|use|time|busy|switch)\b", text) and usp:
        invite = " Invite them to try it with their own team first." if f.sector.key == "b2b" else ""
        return f"Show how little it asks of them: {f.name} {usp}.{invite}"
    if re.search(r"\b(tried|before|chain|big|enterprise|previous|last|already)\b", text):
        return (
            f"Say plainly who {f.name} is for ({f.audience_short}), then show it on a real example from a "
            "business like theirs, once the client supplies one."
        )
    approaches = [
        f"Take {quote(objection)} seriously and answer with what {f.name} actually does: {usp}."
        if usp else f"Take {quote(objection)} seriously: ask the client how their best customers got past it.",
        f"Answer {quote(objection)} with the smallest next step ({quote(f.cta)}), so they can judge for themselves.",
        f"Ask the client how they answer {quote(objection)} today, and use their words (with permission).",
    ]
    return approaches[index % len(approaches)]


def _objection_handling(f: _Facts) -> list[dict[str, str]]:
    items, given = [], set()
    for n, o in enumerate(f.objections[:8]):
        answer = _objection_answer(f, o, n)
        if answer in given:  # two price objections: the second gets another approach
            answer = _objection_answer(f, "", n)
        given.add(answer)
        items.append({"objection": sentence(o), "answer": answer})
    return items


def _messaging(f: _Facts) -> dict[str, Any]:
    core = (
        f"{f.name}: {lower_first(strip_end(first_clause(f.usp)))}."
        if f.usp
        else (
            f"{f.name}: {lower_first(strip_end(first_sentence(f.offer)))}."
            if f.offer
            else (f"{f.name}, for {f.audience_short}." if f.audience else f"{f.name}.")
        )
    )
    positioning = (
        " ".join(
            part
            for part in (
                f"For {f.audience_short}." if f.audience else "",
                f"The problem: {lower_first(f.pains[0])}." if f.pains else "",
                f"What {f.name} offers: {lower_first(strip_end(first_clause(f.offer)))}."
                if f.offer
                else "",
                f"Why it is different: {lower_first(strip_end(first_sentence(f.usp)))}."
                if f.usp
                else "",
            )
            if part
        )
        or f"Positioning for {f.name} to be agreed once the offer and audience are confirmed."
    )
    pillars = []
    for pain, outcome in f.pairs[:3]:
        pillars.append(
            {
                "name": strip_end(sentence(first_clause(outcome))),
                "pain": sentence(pain),
                "message": say(f.lang, "from_to", pain=f.low(pain), outcome=f.low(outcome)),
                "proof_to_confirm": f.sector.proof.format(name=f.name),
            }
        )
    if len(pillars) < 2 and f.offer:
        pillars.append(
            {
                "name": "The offer",
                "pain": "The risk of trying something new.",
                "message": sentence(f.offer),
                "proof_to_confirm": "The exact terms, confirmed in writing before any asset quotes them.",
            }
        )
    while len(pillars) < 2:
        pillars.append(
            {
                "name": f"Why {f.name}",
                "pain": "To confirm with the client.",
                "message": sentence(f.usp or (f"{f.name} for {f.audience_short}" if f.audience else
                                              f"What {f.name} does best, in the client's words")),
                "proof_to_confirm": "Why customers chose the client, in their own words."
                if not f.sector.regulated else f.sector.proof.format(name=f.name),
            }
        )
    ctas = [f.cta, say(f.lang, "cta_default", name=f.name)]
    if f.website != "none":
        ctas.append(say(f.lang, "cta_site", domain=re.sub(r"^https?://", "", f.website).rstrip("/")))
    return {
        "core_message": core[:400],
        "positioning_statement": positioning,
        "pillars": pillars[:4],
        "objection_handling": _objection_handling(f),
        "calls_to_action": list(
            dict.fromkeys(without_banned(ctas, f.banned) or [f"Talk to {f.name}"])
        ),
        "words_to_avoid": [w for w in JARGON if w not in f.banned],
    }
