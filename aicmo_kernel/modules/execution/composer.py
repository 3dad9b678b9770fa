"""Offline execution draft: a note for every calendar slot, the governance text, the UTM explanation.

The calendar itself is code-computed facts; this composer only writes around it. Slot angles
rotate through the approved messaging pillars and quote the assigned asset's own hook, so a
repeated asset gets a different angle on its second run. Names come from the inputs (approvers,
escalation contact) and nothing else; no reach, rate or result is ever mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ...platforms import platform_name
from ..phrasebook import SUPPORTED, keeps_capitals, language_of_inputs, tr
from ..phrasebook import quote as quote_in
from ..text import drop_banned_phrases, first_sentence, join_human, strip_end

__all__ = ["approved_hook", "compose_execution", "platform_in"]

_LINK_IN_COMMENT = {"linkedin", "facebook"}
# Platforms named by a common noun, said in the document's language (the others are brand names)
# by the words the calendar's table is read back with (``qc/calendar_table.py``): "E-mail", "Correo",
# "E-Mail"; "Publicités", "Anuncios", "Anzeigen" (not the strategy's longer "Publicité payante").
_PLATFORM_WORDS = {"email": "Email", "ads": "Ads"}
# A creative document's label lines the calendar never quotes, in every language it is written in.
_SKIPPED_LABELS = "|".join(re.escape(tr(lang, label).rstrip(" :\u00a0")) for lang in SUPPORTED
                           for label in ("Target platform:", "Hashtags:"))


def approved_hook(item: dict[str, Any]) -> str:
    """The opening line of the asset's approved version: the generated hook while the text still
    has it, else the first line of the edited text, so the calendar quotes what was approved."""
    hook = str((item.get("metadata") or {}).get("hook") or "").strip()
    content = str(item.get("content_markdown") or "")
    if not content or (hook and hook in content):
        return hook
    for line in content.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "|", "---")) or re.match(rf"\*\*(?:{_SKIPPED_LABELS})", line):
            continue
        line = re.sub(r"^\*\*[^*]{1,40}:\*\*\s*|^\d+/\d+\s+", "", line).replace("**", "").strip()
        if line:
            return line[:200]
    return hook


def compose_execution(context: dict[str, Any]) -> dict[str, Any]:
    from . import full_slots  # the module imports this composer

    facts = context.get("facts") or {}
    inputs = context["inputs"]
    upstream = context.get("upstream") or {}
    brand = context.get("brand") or {}
    hooks = {str(item["id"]): approved_hook(item) for item in upstream.get("creatives", [])}
    pillars = [
        str(p.get("name"))
        for item in upstream.get("strategy", [])
        if item.get("kind") == "messaging_framework"
        for p in (item.get("metadata") or {}).get("pillars") or []
        if p.get("name")
    ]
    # The plan's notes in the brief's first language, as the strategy wrote it.
    lang = next((language_of_inputs((item.get("metadata") or {}).get("language"), [])
                 for item in upstream.get("strategy", []) if (item.get("metadata") or {}).get("language")), "en")
    t = lambda text, **values: tr(lang, text, **values)
    runs: dict[str, int] = {}
    notes = []
    for index, slot in enumerate(full_slots(facts) if facts.get("slots") else []):
        run = runs[slot["asset_id"]] = runs.get(slot["asset_id"], 0) + 1
        notes.append(_slot_note(slot, index, run, hooks, pillars, t, lang))
    return {
        "slot_notes": notes[:MAX_SLOT_NOTES],  # a year of daily posts: the first 400 get notes
        "governance": _governance(inputs, brand, t, lang),
        "utm_explanation": _utm_explanation(facts, t, lang),
    }


def platform_in(lang: str, key: str) -> str:
    """A platform's display name in ``lang``: Paid ads is "Anzeigen" in German, LinkedIn is LinkedIn."""
    word = _PLATFORM_WORDS.get(key)
    return tr(lang, word) if word and lang != "en" else platform_name(key)


MAX_SLOT_NOTES = 400
_Tr = Callable[..., str]


def _slot_note(
    slot: dict[str, Any], index: int, run: int, hooks: dict[str, str], pillars: list[str], t: _Tr, lang: str
) -> dict[str, str]:
    platform = platform_in(lang, slot["platform"])
    if slot.get("needs_asset") and slot.get("fresh_asset"):
        return {
            "slot_id": slot["slot_id"],
            "angle": t("Every approved {platform} asset has already run {count} times: add a new one in Creatives "
                       "(a new angle on a pillar) so the feed does not repeat itself.", platform=platform,
                       count=slot["fresh_asset"]),
            "first_comment": "",
        }
    if slot.get("needs_asset"):
        return {
            "slot_id": slot["slot_id"],
            "angle": t("No approved {platform} asset yet: add one in Creatives and approve it, or drop this slot "
                       "from the plan.", platform=platform),
            "first_comment": "",
        }
    pillar = pillars[index % len(pillars)] if pillars else ""
    hook = hooks.get(slot["asset_id"], "")
    if run == 1:
        angle = (t("First run: lead with the asset's own hook, {hook}.", hook=quote_in(lang, hook)) if hook
                 else t("First run of this asset as approved."))  # fmt: skip
    elif pillar:
        angle = t("Run {run} of this asset: open on the {pillar} pillar instead of the original hook, and answer "
                  "questions from earlier runs.", run=run, pillar=quote_in(lang, pillar))
    else:
        angle = t("Run {run} of this asset: keep the approved text and answer questions from earlier runs.", run=run)
    return {"slot_id": slot["slot_id"], "angle": angle, "first_comment": _first_comment(slot, t)}


def _first_comment(slot: dict[str, Any], t: _Tr) -> str:
    link = slot.get("link") or ""
    if slot["platform"] in _LINK_IN_COMMENT and link:
        return t("Post the tracked link as the first comment: {link}", link=link)
    if slot["platform"] == "x" and link:
        return t("Reply to the post with the tracked link: {link}", link=link)
    if slot["platform"] == "instagram":
        return t("Put the tracked link in the bio for the day and point to it in the caption's call to action.")
    return ""


def _governance(inputs: dict[str, Any], brand: dict[str, Any], t: _Tr, lang: str) -> dict[str, Any]:
    approvers = join_human(inputs.get("approvers") or [], t("and"))
    approver_text = approvers or t("the reviewer who approves this plan in AICMO Workbench")
    contact = inputs.get("escalation_contact") or ""
    banned = ", ".join(str(w) for w in brand.get("banned_words") or [])
    # A short voice is quoted; long rules pasted from a brief are referred to, not pasted again.
    voice = strip_end(drop_banned_phrases(str(brand.get("voice") or ""), list(brand.get("banned_words") or [])))
    if len(voice) > 120 or first_sentence(voice) != voice:
        voice = t("the rules in the brand voice guide")
    return {
        "review_process": [
            t("The analyst drafts or adapts each post in AICMO Workbench from its approved creative, with the "
              "tracked link from the UTM plan."),
            t("QC runs on every version: platform limits, placeholders, banned words, required disclaimers and "
              "calls to action; blockers are fixed before review."),
            t("Review and approval by {approvers}: each post is approved, or sent back with a comment.",
              approvers=approver_text),
            t("Only approved versions are scheduled; an edit after approval creates a new draft that needs approval "
              "again."),
        ],
        "approvals": t("Approvals are recorded in AICMO Workbench with the reviewer's name, the time and the version "
                       "approved. Approvers: {approvers}. A post that is not approved before its slot stays "
                       "unpublished and moves to the next free slot of its platform.", approvers=approver_text),
        "escalation": t("Anything that touches the offer or pricing, a complaint, a legal or data-protection question, "
                        "or a claim the brief does not support goes to {contact}, and nothing of that kind is "
                        "answered publicly before they reply.", contact=contact or t("the account lead")),
        "community_management": (
            (t("Replies follow the brand voice: {voice}.", voice=voice if keeps_capitals(lang) else voice.lower())
             if voice else t("Replies follow the brand voice."))
            + (" " + t("Never use the banned words ({banned}).", banned=banned) if banned else "")
            + " " + t("Answer questions about the product from the approved messaging only, move account or billing "
                      "questions to a private channel, and log recurring questions for the next round of creatives.")
        ),
    }


def _utm_explanation(facts: dict[str, Any], t: _Tr, lang: str) -> str:
    platforms = join_human([platform_in(lang, p) for p in (facts.get("posts_per_week") or {})], t("and"))
    campaign = facts.get("utm_campaign") or t("the campaign slug")
    return t("Every link in this calendar carries the same utm_campaign value, {campaign}, so the campaign's visits and "
             "sign-ups can be filtered in one view of the analytics tool. utm_source names the platform ({platforms}) "
             "and utm_medium separates social posts, emails and paid ads, so each platform's cost and results can be "
             "compared; utm_content names the asset, so the same comparison works asset by asset.",
             campaign=campaign, platforms=platforms)
