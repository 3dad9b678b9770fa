"""Offline leadgen draft: rationales from the computed reasons, sequences and lead magnets from the brief.

Everything comes from ``context["facts"]`` (the scored leads and the approved brief): no lead,
number or result is added. Where the brief lacks something (pains, a call to action), the draft
says what it is built from instead of filling the gap.
"""

from __future__ import annotations

from typing import Any

from ..text import clip, first_clause, lower_first, mentions_any, quote, sentence, strip_end
from ..strategy.composer import call_to_action

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
    banned = list((context.get("brand") or {}).get("banned_words") or [])
    writer = _Writer(brief, banned)
    tiers = facts.get("outreach_tiers") or []
    return {
        "lead_notes": [_note(row) for row in facts.get("outreach_leads") or []],
        "sequences": {tier: writer.sequence(tier) if tier in tiers else None for tier in ("hot", "warm", "cold")},
        "lead_magnets": writer.magnets(),
    }


def _note(row: dict[str, Any]) -> dict[str, Any]:
    parts = []
    for group in ("fit", "engagement", "recency"):
        reasons = [c["reason"] for c in row.get("components") or [] if c["group"] == group and c["points"] > 0]
        if reasons:
            parts.append(f"{_GROUP_WORDS[group]}: {'; '.join(reasons)}.")
    missing = [c["reason"] for c in row.get("components") or [] if c["group"] == "fit" and c["points"] == 0]
    if missing:
        parts.append(f"Points it did not get: {'; '.join(missing[:2])}.")
    body = " ".join(parts) or "No scoring rule gave it points."
    text = f"{row['name']} at {row['company']} scores {row['score']}, a {row['tier']} lead. {body}"
    return {"row": row["row"], "rationale": clip(text, 800), "next_step": _NEXT_STEP[row["tier"]]}


class _Writer:
    def __init__(self, brief: dict[str, Any], banned: list[str]) -> None:
        self.client = brief.get("client") or "our team"
        self.offer = strip_end(brief.get("offer") or "")
        self.usp = strip_end(first_clause(brief.get("usp") or ""))
        self.pains = [strip_end(p) for p in brief.get("pain_points") or [] if str(p).strip()]
        self.outcomes = [strip_end(o) for o in brief.get("desired_outcomes") or [] if str(o).strip()]
        self.objections = [strip_end(o) for o in brief.get("objections") or [] if str(o).strip()]
        ctas = [c for c in brief.get("calls_to_action") or [] if str(c).strip()]
        self.cta = strip_end(ctas[0]) if ctas else call_to_action(self.offer, brief.get("objective") or "leads", self.client)
        self.disclaimer = " ".join(str(d).strip() for d in brief.get("disclaimers") or [] if str(d).strip())
        self.banned = banned

    def clean(self, text: str) -> str:
        """Sentences that use a banned word are left out: a shorter message beats a QC blocker."""
        kept = [s for s in text.split("\n") if s and not mentions_any(s, self.banned)]
        return "\n".join(kept).strip()

    def pain(self, index: int) -> str:
        return self.pains[index % len(self.pains)] if self.pains else f"the problem {self.client} solves"

    def outcome(self, index: int) -> str:
        return self.outcomes[index % len(self.outcomes)] if self.outcomes else f"what {self.client} offers"

    def sequence(self, tier: str) -> dict[str, Any]:
        angle, (d1, d2, d3) = _PLAYBOOK[tier]
        index = ("hot", "warm", "cold").index(tier)
        pain, outcome = lower_first(self.pain(index)), lower_first(self.outcome(index))
        offer = f"\n{sentence(self.offer)}" if self.offer else ""
        usp = f"\n{sentence(self.usp)}" if self.usp else ""
        objection = self.objections[index % len(self.objections)] if self.objections else ""
        answer = (f"\nA fair question: {quote(objection)}. Ask us, and we will answer plainly."
                  if objection else "")
        disclaimer = f"\n{self.disclaimer}" if self.disclaimer else ""
        email = {
            "day": d1,
            "subject": clip(sentence(f"{strip_end(self.pain(index))}?")[:-1], 78),
            "message": self.clean(f"Hello,\nIf {pain} sounds familiar, {self.client} was built for exactly that."
                                  f"{usp}{offer}\n{sentence(self.cta)}{disclaimer}"),
        }
        linkedin = {
            "day": d2,
            "message": clip(self.clean(f"Hello, I work with {self.client}. We help with {pain}, so the result is "
                                       f"{outcome}. Happy to share how it works if useful."), 600),
        }
        follow_up = {
            "day": d3,
            "subject": clip(f"Re: {strip_end(self.pain(index))}", 78),
            "message": self.clean(f"Hello again,\nA short follow-up on {pain}.{answer}\n"
                                  f"If the timing is wrong, no problem: reply and we will not chase.\n"
                                  f"When you are ready: {lower_first(sentence(self.cta))}"),
        }
        return {"angle": angle, "email": email, "linkedin": linkedin, "follow_up": follow_up}

    def magnets(self) -> list[dict[str, Any]]:
        sources = self.pains or self.objections or [f"understanding what {self.client} does"]
        count = max(2, min(3, len(sources)))
        ideas = []
        for index in range(count):
            pain = sources[index % len(sources)]
            outcome = self.outcome(index)
            form = _FORMATS[index % len(_FORMATS)]
            title = clip(f"{form}: from {lower_first(first_clause(pain))} to {lower_first(first_clause(outcome))}", 200)
            outline = [
                f"Where the week goes today: {lower_first(pain)}; the reader notes their own numbers, we add none",
                f"The steps that lead to {lower_first(outcome)}",
                f"How {self.client} helps" + (f": {lower_first(self.usp)}" if self.usp else ""),
            ]
            ideas.append({
                "title": title if not mentions_any(title, self.banned) else form,
                "format": form,
                "pain": sentence(pain),
                "outline": [sentence(line) for line in outline if not mentions_any(line, self.banned)]
                or [sentence(f"The steps that lead to {lower_first(outcome)}")],
                "cta": clip(sentence(self.cta)[:-1] if self.cta else f"Get the {form.lower()}", 200),
            })
        return ideas
