"""Offline leadgen draft: rationales from the computed reasons, sequences and lead magnets from the brief.

Everything comes from ``context["facts"]`` (the scored leads and the approved brief): no lead,
number or result is added. Our sentences are in the brief's language (``facts["brief"]["language"]``,
the strategy's); the scoring's reasons and the brief's words are quoted as they are. Where the brief lacks something (pains, a call to action), the draft
says what it is built from instead of filling the gap.
"""

from __future__ import annotations

from typing import Any

from ..phrasebook import labelled, mid_sentence, quote, tr
from ..strategy.composer import call_to_action
from ..text import clip, first_clause, mentions_any, sentence, strip_end

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
_FORMATS = ("One-page checklist", "Fill-in template", "Short email course in three parts", "Plain-words guide")
_GROUP_WORDS = {"fit": "Fit to the brief", "engagement": "Engagement", "recency": "Recency"}


def compose_leadgen(context: dict[str, Any]) -> dict[str, Any]:
    facts = context.get("facts") or {}
    brief = facts.get("brief") or {}
    lang = str(brief.get("language") or "en")
    banned = list((context.get("brand") or {}).get("banned_words") or [])
    writer = _Writer(brief, banned, lang)
    tiers = facts.get("outreach_tiers") or []
    return {
        "lead_notes": [_note(lang, row) for row in facts.get("outreach_leads") or []],
        "sequences": {tier: writer.sequence(tier) if tier in tiers else None for tier in ("hot", "warm", "cold")},
        "lead_magnets": writer.magnets(),
    }


def _note(lang: str, row: dict[str, Any]) -> dict[str, Any]:
    """The scoring's own reasons (code's words, as the table shows them) around our sentences."""
    parts = []
    for group in ("fit", "engagement", "recency"):
        reasons = [c["reason"] for c in row.get("components") or [] if c["group"] == group and c["points"] > 0]
        if reasons:
            parts.append(labelled(lang, tr(lang, _GROUP_WORDS[group]), "; ".join(reasons)) + ".")
    missing = [c["reason"] for c in row.get("components") or [] if c["group"] == "fit" and c["points"] == 0]
    if missing:
        parts.append(labelled(lang, tr(lang, "Points it did not get"), "; ".join(missing[:2])) + ".")
    body = " ".join(parts) or tr(lang, "No scoring rule gave it points.")
    text = tr(lang, "{name} at {company} scores {score}, a {tier} lead.", name=row["name"], company=row["company"],
              score=row["score"], tier=tr(lang, row["tier"])) + " " + body
    return {"row": row["row"], "rationale": clip(text, 800), "next_step": tr(lang, _NEXT_STEP[row["tier"]])}


class _Writer:
    def __init__(self, brief: dict[str, Any], banned: list[str], lang: str = "en") -> None:
        self.lang = lang
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

    def sequence(self, tier: str) -> dict[str, Any]:
        angle, (d1, d2, d3) = _PLAYBOOK[tier]
        index = ("hot", "warm", "cold").index(tier)
        pain, outcome = self.low(self.pain(index)), self.low(self.outcome(index))
        offer = f"\n{sentence(self.offer)}" if self.offer else ""
        usp = f"\n{sentence(self.usp)}" if self.usp else ""
        objection = self.objections[index % len(self.objections)] if self.objections else ""
        answer = ("\n" + self.t("A fair question: {objection}. Ask us, and we will answer plainly.",
                                 objection=quote(self.lang, objection)) if objection else "")
        disclaimer = f"\n{self.disclaimer}" if self.disclaimer else ""
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

    def magnets(self) -> list[dict[str, Any]]:
        sources = self.pains or self.objections or [self.t("understanding what {client} does", client=self.client)]
        count = max(2, min(3, len(sources)))
        ideas = []
        for index in range(count):
            pain = sources[index % len(sources)]
            outcome = self.outcome(index)
            form = self.t(_FORMATS[index % len(_FORMATS)])
            title = clip(self.t("{form}: from {pain} to {outcome}", form=form, pain=self.low(first_clause(pain)),
                                outcome=self.low(first_clause(outcome))), 200)
            outline = [
                self.t("Where the week goes today: {pain}; the reader notes their own numbers, we add none",
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
