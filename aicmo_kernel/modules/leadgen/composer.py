"""Offline leadgen draft: rationales from the computed reasons, sequences and lead magnets from the brief.

Everything comes from ``context["facts"]`` (the scored leads and the approved brief): no lead,
number or result is added. Our sentences are in the brief's language (``facts["brief"]["language"]``,
the strategy's), the scoring's reasons too (the facts carry them in it); the brief's words are quoted as they are. Where the brief lacks something (pains, a call to action), the draft
says what it is built from instead of filling the gap.

Who the leads are decides how they are written to (``facts["audience_kind"]``, and a file of
people only, ``facts["people"]``): people buying for themselves (families, fans, a shop's
customers) get an email, a reminder email and a last reminder about the offer; people buying for
work keep the email, LinkedIn message and follow-up. A person's note names no company and gives
what they bought first. Either way every touch falls inside the campaign
(``facts["campaign_window"]``, ``text.fit_days``): a three-day event's sequence runs on its days
0, 1 and 2, never on day 14.
"""

from __future__ import annotations

from typing import Any

from ..phrasebook import labelled, mid_sentence, quote, tr
from ..strategy.composer import call_to_action
from ..text import clip, first_clause, fit_days, mentions_any, sentence, strip_end
from .reasons import joined_reasons

__all__ = ["compose_leadgen"]

_NEXT_STEP = {
    "hot": "Reply or call within two working days, picking up on what they engaged with most recently.",
    "warm": "Start the warm sequence and watch for a reply before any one-to-one follow-up.",
    "cold": "Add to the cold sequence; no one-to-one effort until they engage again.",
}
# tier: (angle, touch days)
_PLAYBOOK = {
    "hot": ("They are already engaged: make the next step small and easy.", (0, 2, 5)),
    "warm": ("Answer the doubt most likely holding them back, then invite a low-effort next step.", (0, 4, 10)),
    "cold": ("Lead with a pain they will recognise and ask for nothing big.", (0, 7, 14)),
}
# A lead who buys for themselves answers the same day or not at all: no "two working days".
_NEXT_STEP_PEOPLE = {**_NEXT_STEP, "hot": "Answer them the same day, picking up on what they engaged with most recently."}
_FORMATS = ("One-page checklist", "Fill-in template", "Short email course in three parts", "Plain-words guide")
_FORMATS_PEOPLE = ("One-page checklist", "Plain-words guide")
_GROUP_WORDS = {"fit": "Fit to the brief", "purchases": "What they bought", "engagement": "Engagement",
               "recency": "Recency"}


def compose_leadgen(context: dict[str, Any]) -> dict[str, Any]:
    facts = context.get("facts") or {}
    brief = facts.get("brief") or {}
    lang = str(brief.get("language") or "en")
    banned = list((context.get("brand") or {}).get("banned_words") or [])
    people = facts.get("audience_kind") == "consumer" or bool((facts.get("people") or {}).get("all"))
    window = facts.get("campaign_window") or {}
    writer = _Writer(brief, banned, lang, people=people, days=window.get("days"))
    tiers = facts.get("outreach_tiers") or []
    return {
        "lead_notes": [_note(lang, row, people) for row in facts.get("outreach_leads") or []],
        "sequences": {tier: writer.sequence(tier) if tier in tiers else None for tier in ("hot", "warm", "cold")},
        "lead_magnets": writer.magnets(),
    }


def _note(lang: str, row: dict[str, Any], people: bool = False) -> dict[str, Any]:
    """The scoring's own reasons (in the documents' language, as the table shows them) around our sentences."""
    parts = []
    people = people or bool(row.get("person"))
    groups = ("purchases", "fit", "engagement", "recency") if row.get("person") else ("fit", "engagement", "recency")
    for group in groups:
        reasons = [c["reason"] for c in row.get("components") or [] if c["group"] == group and c["points"] > 0]
        if reasons:
            parts.append(labelled(lang, tr(lang, _GROUP_WORDS[group]), joined_reasons(lang, reasons)) + ".")
    missing = [c["reason"] for c in row.get("components") or []
               if c["group"] == "fit" and c["points"] == 0 and c["max"]]  # max 0: not in a file of people
    if missing:
        parts.append(labelled(lang, tr(lang, "Points it did not get"), joined_reasons(lang, missing[:2])) + ".")
    body = " ".join(parts) or tr(lang, "No scoring rule gave it points.")
    name = row["name"] or tr(lang, "no name (row {row})", row=row["row"])  # a Mailchimp contact may have none
    head = (tr(lang, "{name} scores {score}, a {tier} lead.", name=name, score=row["score"],
               tier=tr(lang, row["tier"])) if people
            else tr(lang, "{name} at {company} scores {score}, a {tier} lead.", name=name,
                    company=row["company"], score=row["score"], tier=tr(lang, row["tier"])))
    steps = _NEXT_STEP_PEOPLE if people else _NEXT_STEP
    return {"row": row["row"], "rationale": clip(head + " " + body, 800), "next_step": tr(lang, steps[row["tier"]])}


class _Writer:
    def __init__(self, brief: dict[str, Any], banned: list[str], lang: str = "en", *, people: bool = False,
                 days: int | None = None) -> None:
        self.lang = lang
        self.people = people  # leads who buy for themselves: reminders about the offer, no LinkedIn
        self.days = days  # the campaign's days: no touch after its last
        self.client = brief.get("client") or tr(lang, "our team")
        self.offer = strip_end(brief.get("offer") or "")
        self.usp = strip_end(first_clause(brief.get("usp") or ""))
        self.pains = [strip_end(p) for p in brief.get("pain_points") or [] if str(p).strip()]
        self.outcomes = [strip_end(o) for o in brief.get("desired_outcomes") or [] if str(o).strip()]
        self.objections = [strip_end(o) for o in brief.get("objections") or [] if str(o).strip()]
        ctas = [c for c in brief.get("calls_to_action") or [] if str(c).strip()]
        self.cta = strip_end(ctas[0]) if ctas else call_to_action(self.offer, brief.get("objective") or "leads", self.client)
        self.disclaimer = " ".join(str(d).strip() for d in brief.get("disclaimers") or [] if str(d).strip())
        self.banned = banned

    def t(self, english: str, **values: object) -> str:
        return tr(self.lang, english, **values)

    def low(self, text: str) -> str:
        return mid_sentence(self.lang, text)

    def clean(self, text: str) -> str:
        """Sentences that use a banned word are left out: a shorter message beats a QC blocker."""
        kept = [s for s in text.split("\n") if s and not mentions_any(s, self.banned)]
        return "\n".join(kept).strip()

    def pain(self, index: int) -> str:
        return self.pains[index % len(self.pains)] if self.pains else self.t("the problem {client} solves", client=self.client)

    def outcome(self, index: int) -> str:
        return self.outcomes[index % len(self.outcomes)] if self.outcomes else self.t("what {client} offers", client=self.client)

    def pieces(self, tier: str) -> tuple[int, str, str, str, str, str, str]:
        """What a tier's messages are made of, for businesses and people alike: the tier's index, its
        pain and outcome mid-sentence, and the offer, USP, answer to an objection and disclaimer, each
        on its own line when there is one ("" when not)."""
        index = ("hot", "warm", "cold").index(tier)
        objection = self.objections[index % len(self.objections)] if self.objections else ""
        return (
            index,
            self.low(self.pain(index)),
            self.low(self.outcome(index)),
            f"\n{sentence(self.offer)}" if self.offer else "",
            f"\n{sentence(self.usp)}" if self.usp else "",
            "\n" + self.t("A fair question: {objection}. Ask us, and we will answer plainly.",
                          objection=quote(self.lang, objection)) if objection else "",
            f"\n{self.disclaimer}" if self.disclaimer else "",
        )

    def sequence(self, tier: str) -> dict[str, Any]:
        angle, days = _PLAYBOOK[tier]
        d1, d2, d3 = fit_days(days, self.days) if self.days else days
        if self.people:
            return self.reminders(tier, angle, (d1, d2, d3))
        index, pain, outcome, offer, usp, answer, disclaimer = self.pieces(tier)
        email = {
            "day": d1,
            "subject": clip(sentence(strip_end(self.pain(index)))[:-1], 78),
            "message": self.clean(self.t("Hello,") + "\n" + self.t("If {pain} sounds familiar, {client} was built for "
                                                                     "exactly that.", pain=pain, client=self.client)
                                  + f"{usp}{offer}\n{sentence(self.cta)}{disclaimer}"),
        }
        linkedin = {
            "day": d2,
            # A pain or outcome in a banned word leaves the message without them, never empty.
            "message": clip(self.clean(self.t("Hello, I work with {client}. We help with {pain}, so the result is "
                                              "{outcome}. Happy to share how it works if useful.", client=self.client,
                                              pain=pain, outcome=outcome))
                            or self.t("Hello, I work with {client}. Happy to share how it works if useful.",
                                      client=self.client), 600),
        }
        follow_up = {
            "day": d3,
            "subject": clip(f"Re: {strip_end(self.pain(index))}", 78),
            "message": self.clean(self.t("Hello again,") + "\n" + self.t("A short follow-up on {pain}.", pain=pain)
                                  + f"{answer}\n"
                                  + self.t("If the timing is wrong, no problem: reply and we will not chase.") + "\n"
                                  + self.t("When you are ready: {cta}", cta=self.low(sentence(self.cta)))),
        }
        return {"angle": self.t(angle), "email": email, "linkedin": linkedin, "follow_up": follow_up}

    def reminders(self, tier: str, angle: str, days: tuple[int, int, int]) -> dict[str, Any]:
        """Three emails to people who buy for themselves: the invitation, a reminder of what they
        get, a last reminder that answers a doubt; no LinkedIn, no "built for" a business."""
        index, pain, outcome, offer, usp, answer, disclaimer = self.pieces(tier)
        cta = sentence(self.cta)
        email = {
            "day": days[0],
            "subject": clip(sentence(strip_end(self.pain(index)))[:-1], 78),
            "message": self.clean(self.t("Hello,") + "\n" + self.t("If {pain} sounds familiar, {client} is for you.",
                                                                     pain=pain, client=self.client)
                                  + f"{usp}{offer}\n{cta}{disclaimer}"),
        }
        reminder = {
            "day": days[1],
            "subject": clip(sentence(strip_end(self.outcome(index)))[:-1], 78),
            "message": clip(self.clean(self.t("Hello again,") + "\n"
                                       + self.t("A quick reminder from {client}: {outcome}.", client=self.client,
                                                outcome=outcome) + f"{offer}\n{cta}{disclaimer}")
                            or self.t("A quick reminder from {client}.", client=self.client), 600),
        }
        last = {
            "day": days[2],
            "subject": clip(self.t("A last reminder from {client}", client=self.client), 78),
            "message": self.clean(self.t("Hello again,") + "\n"
                                  + self.t("A last reminder from {client}.", client=self.client) + f"{answer}\n"
                                  + self.t("If the timing is wrong, no problem: reply and we will not chase.") + "\n"
                                  + self.t("When you are ready: {cta}", cta=self.low(cta)) + disclaimer),
        }
        return {"angle": self.t(angle), "email": email, "linkedin": reminder, "follow_up": last}

    def magnets(self) -> list[dict[str, Any]]:
        sources = self.pains or self.objections or [self.t("understanding what {client} does", client=self.client)]
        count = max(2, min(3, len(sources)))
        ideas = []
        for index in range(count):
            pain = sources[index % len(sources)]
            outcome = self.outcome(index)
            formats = _FORMATS_PEOPLE if self.people else _FORMATS
            form = self.t(formats[index % len(formats)])
            title = clip(self.t("{form}: from {pain} to {outcome}", form=form, pain=self.low(first_clause(pain)),
                                outcome=self.low(first_clause(outcome))), 200)
            outline = [
                self.t("What gets in the way today: {pain}", pain=self.low(pain)) if self.people
                else self.t("Where the week goes today: {pain}; the reader notes their own numbers, we add none",
                            pain=self.low(pain)),
                self.t("The steps that lead to {outcome}", outcome=self.low(outcome)),
                self.t("How {client} helps: {usp}", client=self.client, usp=self.low(self.usp)) if self.usp
                else self.t("How {client} helps", client=self.client),
            ]
            ideas.append({
                "title": title if not mentions_any(title, self.banned) else form,
                "format": form,
                "pain": sentence(pain),
                "outline": [sentence(line) for line in outline if not mentions_any(line, self.banned)]
                or [sentence(self.t("The steps that lead to {outcome}", outcome=self.low(outcome)))],
                "cta": clip(sentence(self.cta)[:-1] if self.cta else self.t("Get the {form}", form=self.low(form)), 200),
            })
        return ideas
