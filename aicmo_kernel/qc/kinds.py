"""Which checks apply to which deliverables: the kinds QC knows, grouped by what they are.

Copy (posts, emails, ads, scripts, outreach) goes out to an audience, so it needs a call to
action, the brand's disclaimers when it names the offer, and a link when it promises one.
Documents (strategy, personas, reports) are read by the team and the client; they get the
generic checks only. A kind not listed here is treated as a document.
"""

from __future__ import annotations

from . import QCContext

from ..platforms import POSTING_PLATFORMS

__all__ = [
    "COMPUTED_NUMBER_KINDS",
    "COPY_KINDS",
    "DOCUMENT_KINDS",
    "KNOWN_KINDS",
    "POSTING_PLATFORMS",
    "is_copy",
    "kind_of",
]

# Posted as-is on one platform, or sent: the text is exactly what the audience reads.
POST_KINDS = frozenset(
    {"linkedin_post", "instagram_caption", "instagram_carousel", "x_post", "x_thread"}
)
EMAIL_KINDS = frozenset({"email", "outreach_sequence"})
# Working documents for copy that goes out (the ad's text, the video's voiceover and end card).
AD_KINDS = frozenset({"ad_copy", "video_script"})
COPY_KINDS = POST_KINDS | EMAIL_KINDS | AD_KINDS

DOCUMENT_KINDS = frozenset(
    {
        "client_summary", "persona_card", "brand_voice_guide", "strategy_document",
        "messaging_framework", "image_prompt", "content_calendar", "utm_plan", "governance_plan",
        "performance_report", "recommendations", "scored_leads", "lead_magnet_ideas",
        "action_plan", "autonomy_policy", "executive_summary", "preflight_checklist",
        "client_pack", "lessons", "memory_rules",
    }
)  # fmt: skip
KNOWN_KINDS = COPY_KINDS | DOCUMENT_KINDS

# Kinds whose numbers are computed by code from real data (or are plans and targets), not
# promises to an audience: their percentages are not claims a reviewer must source.
COMPUTED_NUMBER_KINDS = frozenset(
    {
        "performance_report", "recommendations", "scored_leads", "action_plan",
        "executive_summary", "client_pack", "lessons", "content_calendar", "utm_plan",
        "governance_plan", "autonomy_policy", "preflight_checklist", "memory_rules",
    }
)  # fmt: skip

# Platforms whose posts carry hashtags and have limits QC knows.


def kind_of(ctx: QCContext) -> str:
    return ctx.kind.strip().lower()


def is_copy(ctx: QCContext) -> bool:
    """True for copy that goes out to an audience (posts, emails, ads, scripts, outreach)."""
    return kind_of(ctx) in COPY_KINDS
