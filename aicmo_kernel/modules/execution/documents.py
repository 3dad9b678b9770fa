"""Execution's three documents as Markdown: the content calendar, the UTM plan, the governance plan.

Every heading, label, table header, weekday and count is said in the document's language (the
strategy's, ``facts["language"]``) through the catalogues (``phrasebook.tr``), as the composer
says its notes; English when the strategy names none. What QC and the scheduler files read stays
as they read it: dates YYYY-MM-DD and times HH:MM in the calendar's table, whose header is
``qc.calendar_table.COLUMNS`` said in the language (that module reads the header in each of them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from ...qc.calendar_table import COLUMNS as CALENDAR_COLUMNS
from ..phrasebook import labelled, language_of_inputs, tr
from ..templates import bullets
from .calendar import span_text
from .composer import platform_in

__all__ = [
    "Say",
    "calendar_markdown",
    "document_language",
    "governance_markdown",
    "needs_asset_text",
    "table_cell",
    "translator",
    "utm_markdown",
]

Say = Callable[..., str]
_BREAKS = re.compile(r"[^\S\u00a0\u202f]+")  # runs of white space bar the no-break spaces


class _Note(Protocol):
    angle: str
    first_comment: str


def document_language(facts: Mapping[str, Any]) -> str:
    """The documents' language: the strategy's ("fr"), English when it names none."""
    return language_of_inputs(str(facts.get("language") or ""), [])


def translator(lang: str) -> Say:
    """``phrasebook.tr`` bound to ``lang``: ``say("1 post")``, ``say("{count} posts", count=3)``."""
    return lambda english, **values: tr(lang, english, **values)


def needs_asset_text(say: Say) -> str:
    """What the Asset cell of a slot with no creative says (and its title in the metadata)."""
    return say("Needs an asset")


def table_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: on one line, pipes escaped; the no-break spaces of
    French typography ("Légende Instagram\u00a0: ...") are kept, so a title reads back as it is."""
    return _BREAKS.sub(" ", str(text)).strip().replace("|", "\\|")


def _posts(say: Say, count: int) -> str:
    return say("1 post") if count == 1 else say("{count} posts", count=count)


def _per_platform(say: Say, count: int, per_week: int) -> str:
    if per_week >= 7:  # a post every day: "(7 a week)" reads as a count to check, not a cadence
        return say("1 post (one a day)") if count == 1 else say("{count} posts (one a day)", count=count)
    if count == 1:
        return say("1 post ({per_week} a week)", per_week=per_week)
    return say("{count} posts ({per_week} a week)", count=count, per_week=per_week)


def _flagged(say: Say, platform: str, count: int, runs: int) -> str:
    """Why ``count`` slots of ``platform`` need an asset: none approved, or each ran ``runs`` times."""
    if runs:
        if count == 1:
            return say("{platform}'s approved assets have each run {runs} times, so its last slot is flagged",
                       platform=platform, runs=runs)
        return say("{platform}'s approved assets have each run {runs} times, so its last {count} slots are flagged",
                   platform=platform, runs=runs, count=count)
    if count == 1:
        return say("{platform} has no approved asset, so its slot is flagged", platform=platform)
    return say("{platform} has no approved asset, so its {count} slots are flagged", platform=platform, count=count)


def _dropped(say: Say, count: int) -> str:
    return say("1 planned post dropped") if count == 1 else say("{count} planned posts dropped", count=count)


def _table(header: list[str], rows: list[str]) -> str:
    return f"| {' | '.join(header)} |\n|{'---|' * len(header)}\n" + "\n".join(rows)


def calendar_markdown(
    facts: dict[str, Any], slots: list[dict[str, Any]], notes: Mapping[str, _Note], input_notes: list[str]
) -> str:
    """The content calendar: its span, posts per platform, blackout dates, what needs an asset,
    the table of slots (read back by ``qc.calendar_table.read_calendar``) and a note per post."""
    lang = document_language(facts)
    say = translator(lang)
    name = lambda key: platform_in(lang, key)
    counts = {p: sum(1 for s in slots if s["platform"] == p) for p in facts["posts_per_week"]}
    per_platform = "\n".join(
        f"- {labelled(lang, name(p), _per_platform(say, counts[p], n))}" for p, n in facts["posts_per_week"].items()
    )
    missing = sorted({s["platform"] for s in slots if s["needs_asset"]})
    flagged = ("\u202f; " if lang == "fr" else "; ").join(
        _flagged(say, name(p), sum(1 for s in slots if s["platform"] == p and s["needs_asset"]),
                 max(s.get("fresh_asset") or 0 for s in slots if s["platform"] == p))
        for p in missing
    )  # fmt: skip
    blackout = ", ".join(facts["blackout_dates"]) or say("none")
    dropped = f" ({_dropped(say, len(facts['skipped']))})" if facts["skipped"] else ""
    no_page = say("no landing page")
    rows = [
        f"| {s['slot_id']} | {s['date']} | {say(s['weekday'])} | {s['time']} | {name(s['platform'])} | "
        f"{table_cell(needs_asset_text(say) if s['needs_asset'] else s['title'])} | {s['link'] or no_page} |"
        for s in slots
    ]
    note_lines = "\n".join(
        "- " + labelled(lang, f"**{s['slot_id']}** ({s['date']}, {name(s['platform'])})", note.angle)
        + (" " + say("First comment: {comment}", comment=note.first_comment) if note.first_comment else "")
        for s in slots
        if (note := notes.get(s["slot_id"])) is not None
    )
    span = span_text(facts.get("days") or 7 * facts["weeks"], say)
    dates = say("{start} to {end}", start=facts["start_date"], end=facts["end_date"])
    return "\n\n".join(
        part
        for part in [
            f"# {say('Content calendar: {name}', name=facts.get('display_name') or facts['campaign_name'])}",
            f"*{dates} · {span} · {_posts(say, len(slots))} · {say('times are local to the audience')}*",
            "\n".join(f"**{say('Note:')}** {note}." for note in input_notes),
            f"**{say('Posts per platform')}**\n\n{per_platform}",
            f"**{say('Blackout dates:')}** {blackout}{dropped}",
            f"**{say('Needs an asset:')}** {flagged}" if flagged else "",
            # QC and the scheduler files read this table as edited (qc/calendar_table.py)
            _table([say(column) for column in CALENDAR_COLUMNS], rows),
            f"## {say('Notes per post')}\n\n{note_lines}" if note_lines else "",
        ]
        if part
    )


def utm_markdown(facts: dict[str, Any], explanation: str) -> str:
    """The UTM plan: the explanation, the convention and a row per tracked link."""
    lang = document_language(facts)
    say = translator(lang)
    rows = [
        f"| {table_cell(link['title']) if link['asset_id'] else needs_asset_text(say)} | "
        f"{platform_in(lang, link['platform'])} | {link['utm']['utm_source']} | "
        f"{link['utm']['utm_medium']} | {link['utm']['utm_campaign']} | {link['utm']['utm_content']} | "
        f"{link['posts']} | {link['link'] or say('no landing page')} |"
        for link in facts["links"]
    ]
    landing = (
        say("Every link points at {url}.", url=facts["landing_url"])
        if facts["landing_url"]
        else say("No landing page is recorded for the brand, so the table lists the parameters only; add the "
                 "landing page (input `landing_url`) to get complete links.")
    )  # fmt: skip
    convention = [
        labelled(lang, "utm_source", say("the platform (linkedin, instagram, x, email, facebook, ...)")),
        labelled(lang, "utm_medium", say("email for emails, paid for ad copy, social for everything else")),
        labelled(lang, "utm_campaign", say("{campaign} (from the campaign name)", campaign=facts["utm_campaign"])),
        labelled(lang, "utm_content", say("the asset kind and the first characters of its id")),
    ]
    header = [say("Asset"), say("Platform"), "utm_source", "utm_medium", "utm_campaign", "utm_content", say("Posts"),
              say("Tracked link")]  # fmt: skip
    return "\n\n".join(
        [
            f"# {say('UTM plan: {name}', name=facts.get('display_name') or facts['campaign_name'])}",
            explanation,
            f"**{say('Convention')}**\n\n{bullets(convention)}",
            landing,
            _table(header, rows),
        ]
    )


def governance_markdown(
    facts: dict[str, Any], governance: Any, approvers: list[str], escalation_contact: str
) -> str:
    """The governance plan: approvers, review steps, approvals, escalation, comments and replies."""
    say = translator(document_language(facts))
    named = (
        bullets(approvers)
        if approvers
        else "- " + say("No approvers are named yet: until the client names them, the reviewer who approves this "
                        "plan in AICMO Workbench signs off every post.")
    )  # fmt: skip
    contact = escalation_contact or say("not named yet (agree one with the client before the first post)")
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(governance.review_process, 1))
    return "\n\n".join(
        [
            f"# {say('Governance: {name}', name=facts.get('display_name') or facts['campaign_name'])}",
            f"## {say('Approvers')}\n\n{named}",
            f"## {say('Review process')}\n\n{steps}",
            f"## {say('Approvals')}\n\n{governance.approvals}",
            f"## {say('Escalation')}\n\n**{say('Escalation contact:')}** {contact}\n\n{governance.escalation}",
            f"## {say('Comments and replies')}\n\n{governance.community_management}",
        ]
    )
