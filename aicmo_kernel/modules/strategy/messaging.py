"""The messaging framework of the offline strategy: the core message, positioning, pillars with the
proof to collect, how to answer each objection, calls to action and words to avoid, from the
composer's reading of the brief (``composer._Facts``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..phrasebook import labelled, say
from ..text import first_clause, first_sentence, sentence, strip_end, without_banned

if TYPE_CHECKING:
    from .composer import _Facts

__all__ = ["messaging"]

JARGON = ["solution", "leverage", "best-in-class", "world-class", "cutting-edge", "one-stop shop"]


def _objection_answer(f: _Facts, objection: str, index: int = 0) -> str:
    """How to answer one objection: by its kind (price, effort, "we tried one"), else one of
    several approaches in turn, so no two objections get the same answer."""
    t, low = f.t, f.low
    text = objection.lower()
    usp = low(strip_end(first_clause(f.usp))) or low(strip_end(first_clause(f.offer)))
    if re.search(r"[£$€]|\b(price|cost|expensive|a lot|afford|budget|cher|caro|teuer|fees?|prix|precio|preis)\b", text):
        return t("Acknowledge the cost, then set it against what it replaces ({pain}), and point to the terms of the "
                 "offer: {offer}.", pain=low(f.pains[0]) if f.pains else t("the time the problem takes today"),
                 offer=f.q(first_sentence(f.offer)) if f.offer else t("to confirm with the client"))
    if re.search(r"\b(app|download|install|learn|staff|team|use|time|busy|switch|temps|tiempo|zeit|équipe|equipo)\b",
                 text) and usp:  # fmt: skip
        invite = " " + t("Invite them to try it with their own team first.") if f.sector.key == "b2b" else ""
        return t("Show how little it asks of them: {name} {usp}.", name=f.name, usp=usp) + invite
    if re.search(r"\b(tried|before|chain|big|enterprise|previous|last|already|déjà|ya|schon|bereits)\b", text):
        if f.kind != "business":
            return t("Say plainly who {name} is for ({audience}), then show it on a real example from someone like "
                     "them, once the client supplies one.", name=f.name, audience=f.audience_short)
        return t("Say plainly who {name} is for ({audience}), then show it on a real example from a business like "
                 "theirs, once the client supplies one.", name=f.name, audience=f.audience_short)
    said = f.q(objection)
    approaches = [
        t("Take {objection} seriously and answer with what {name} actually does: {usp}.", objection=said, name=f.name,
          usp=usp)
        if usp else t("Take {objection} seriously: ask the client how their best customers got past it.", objection=said),
        t("Answer {objection} with the smallest next step ({cta}), so they can judge for themselves.", objection=said,
          cta=f.q(f.cta)),
        t("Ask the client how they answer {objection} today, and use their words (with permission).", objection=said),
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


def messaging(f: _Facts) -> dict[str, Any]:
    t, low = f.t, f.low
    if f.usp:
        core = labelled(f.lang, f.name, f"{low(strip_end(first_clause(f.usp)))}.")
    elif f.offer:
        core = labelled(f.lang, f.name, f"{low(strip_end(first_sentence(f.offer)))}.")
    else:
        core = t("{name}, for {audience}.", name=f.name, audience=f.audience_short) if f.audience else f"{f.name}."
    positioning = " ".join(
        part
        for part in (
            t("For {audience}.", audience=f.audience_short) if f.audience else "",
            t("The problem: {pain}.", pain=low(f.pains[0])) if f.pains else "",
            t("What {name} offers: {offer}.", name=f.name, offer=low(strip_end(first_clause(f.offer)))) if f.offer else "",
            t("Why it is different: {usp}.", usp=low(strip_end(first_sentence(f.usp)))) if f.usp else "",
        )
        if part
    ) or t("Positioning for {name} to be agreed once the offer and audience are confirmed.", name=f.name)
    proof = t(f.sector.proof, name=f.name)
    pillars = []
    for pain, outcome in f.pairs[:3]:
        pillars.append(
            {
                "name": strip_end(sentence(first_clause(outcome))),
                "pain": sentence(pain),
                "message": say(f.lang, "from_to", pain=f.low(pain), outcome=f.low(outcome)),
                "proof_to_confirm": proof,
            }
        )
    if len(pillars) < 2 and f.offer:
        pillars.append(
            {
                "name": t("The offer"),
                "pain": t("The risk of trying something new."),
                "message": sentence(f.offer),
                "proof_to_confirm": t("The exact terms, confirmed in writing before any asset quotes them."),
            }
        )
    while len(pillars) < 2:
        pillars.append(
            {
                "name": t("Why {name}", name=f.name),
                "pain": t("To confirm with the client."),
                "message": sentence(f.usp or (t("{name} for {audience}", name=f.name, audience=f.audience_short)
                                              if f.audience else t("What {name} does best, in the client's words",
                                                                   name=f.name))),
                "proof_to_confirm": t("Why customers chose the client, in their own words.")
                if not f.sector.regulated else proof,
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
            dict.fromkeys(without_banned(ctas, f.banned) or [t("Talk to {name}", name=f.name)])
        ),
        "words_to_avoid": [w for w in JARGON if w not in f.banned],
    }
