"""Offline execution draft: a note for every calendar slot, the governance text, the UTM explanation.

The calendar itself is code-computed facts; this composer only writes around it. Slot angles
rotate through the approved messaging pillars and quote the assigned asset's own hook, so a
repeated asset gets a different angle on its second run. Names come from the inputs (approvers,
escalation contact) and nothing else; no reach, rate or result is ever mentioned.
"""

from __future__ import annotations

import re
from typing import Any

from ...platforms import platform_name
from ..text import drop_banned_phrases, first_sentence, join_human, quote, strip_end

__all__ = ["compose_execution"]

_LINK_IN_COMMENT = {"linkedin", "facebook"}


def approved_hook(item: dict[str, Any]) -> str:
    """The opening line of the asset's approved version: the generated hook while the text still
    has it, else the first line of the edited text, so the calendar quotes what was approved."""
    hook = str((item.get("metadata") or {}).get("hook") or "").strip()
    content = str(item.get("content_markdown") or "")
    if not content or (hook and hook in content):
        return hook
    for line in content.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "|", "---")) or re.match(r"\*\*(Target platform|Hashtags)", line):
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
    runs: dict[str, int] = {}
    notes = []
    for index, slot in enumerate(full_slots(facts) if facts.get("slots") else []):
        run = runs[slot["asset_id"]] = runs.get(slot["asset_id"], 0) + 1
        notes.append(_slot_note(slot, index, run, hooks, pillars))
    return {
        "slot_notes": notes[:MAX_SLOT_NOTES],  # a year of daily posts: the first 400 get notes
        "governance": _governance(inputs, brand),
        "utm_explanation": _utm_explanation(facts),
    }


MAX_SLOT_NOTES = 400


def _slot_note(
    slot: dict[str, Any], index: int, run: int, hooks: dict[str, str], pillars: list[str]
) -> dict[str, str]:
    platform = platform_name(slot["platform"])
    if slot.get("needs_asset") and slot.get("fresh_asset"):
        return {
            "slot_id": slot["slot_id"],
            "angle": f"Every approved {platform} asset has already run {slot['fresh_asset']} times: add a new "
            "one in Creatives (a new angle on a pillar) so the feed does not repeat itself.",
            "first_comment": "",
        }
    if slot.get("needs_asset"):
        return {
            "slot_id": slot["slot_id"],
            "angle": f"No approved {platform} asset yet: add one in Creatives and approve it, "
            "or drop this slot from the plan.",
            "first_comment": "",
        }
    pillar = pillars[index % len(pillars)] if pillars else ""
    hook = hooks.get(slot["asset_id"], "")
    if run == 1:
        angle = (
            f"First run: lead with the asset's own hook, {quote(hook)}."
            if hook
            else "First run of this asset as approved."
        )
    else:
        angle = (
            f"Run {run} of this asset: open on the {quote(pillar)} pillar instead of the original hook, "
            "and answer questions from earlier runs."
            if pillar
            else f"Run {run} of this asset: keep the approved text and answer questions from earlier runs."
        )
    return {"slot_id": slot["slot_id"], "angle": angle, "first_comment": _first_comment(slot)}


def _first_comment(slot: dict[str, Any]) -> str:
    link = slot.get("link") or ""
    if slot["platform"] in _LINK_IN_COMMENT and link:
        return f"Post the tracked link as the first comment: {link}"
    if slot["platform"] == "x" and link:
        return f"Reply to the post with the tracked link: {link}"
    if slot["platform"] == "instagram":
        return "Put the tracked link in the bio for the day and point to it in the caption's call to action."
    return ""


def _governance(inputs: dict[str, Any], brand: dict[str, Any]) -> dict[str, Any]:
    approvers = join_human(inputs.get("approvers") or [])
    approver_text = approvers or "the reviewer who approves this plan in AICMO Workbench"
    contact = inputs.get("escalation_contact") or ""
    banned = ", ".join(str(w) for w in brand.get("banned_words") or [])
    # A short voice is quoted; long rules pasted from a brief are referred to, not pasted again.
    voice = strip_end(drop_banned_phrases(str(brand.get("voice") or ""), list(brand.get("banned_words") or [])))
    if len(voice) > 120 or first_sentence(voice) != voice:
        voice = "the rules in the brand voice guide"
    return {
        "review_process": [
            (
                "The analyst drafts or adapts each post in AICMO Workbench from its approved creative, "
                "with the tracked link from the UTM plan."
            ),
            (
                "QC runs on every version: platform limits, placeholders, banned words, required "
                "disclaimers and calls to action; blockers are fixed before review."
            ),
            f"Review and approval by {approver_text}: each post is approved, or sent back with a comment.",
            "Only approved versions are scheduled; an edit after approval creates a new draft that needs approval again.",
        ],
        "approvals": (
            f"Approvals are recorded in AICMO Workbench with the reviewer's name, the time and the "
            f"version approved. Approvers: {approver_text}. A post that is not approved before its "
            "slot stays unpublished and moves to the next free slot of its platform."
        ),
        "escalation": (
            "Anything that touches the offer or pricing, a complaint, a legal or data-protection "
            "question, or a claim the brief does not support goes to "
            f"{contact or 'the account lead'}, and nothing of that kind is answered publicly "
            "before they reply."
        ),
        "community_management": (
            f"Replies follow the brand voice{': ' + voice.lower() if voice else ''}. "
            + (f"Never use the banned words ({banned}). " if banned else "")
            + "Answer questions about the product from the approved messaging only, move account "
            "or billing questions to a private channel, and log recurring questions for the next "
            "round of creatives."
        ),
    }


def _utm_explanation(facts: dict[str, Any]) -> str:
    platforms = join_human(platform_name(p) for p in (facts.get("posts_per_week") or {}))
    campaign = facts.get("utm_campaign") or "the campaign slug"
    return (
        f"Every link in this calendar carries the same utm_campaign value, {campaign}, so the "
        "campaign's visits and sign-ups can be filtered in one view of the analytics tool. "
        f"utm_source names the platform ({platforms}) and utm_medium separates social posts, "
        "emails and paid ads, so each platform's cost and results can be compared; utm_content "
        "names the asset, so the same comparison works asset by asset."
    )
