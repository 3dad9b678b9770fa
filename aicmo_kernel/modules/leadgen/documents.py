"""Leadgen's documents in Markdown, rendered by code from the facts and the checked answer: the
scored leads (table, top leads in plain words, how scores are computed), each tier's outreach
sequence and the lead-magnet ideas, in the documents' language (``facts["brief"]["language"]``)."""

from __future__ import annotations

import re
from typing import Any

from ..phrasebook import counted, date_text, tr
from ..templates import bullets
from .models import LeadMagnet, OutreachSequence
from .reasons import joined_reasons

__all__ = [
    "code_rationale",
    "lang_of",
    "magnets_markdown",
    "say_in",
    "scored_markdown",
    "sequence_markdown",
]

_LONGEST_SEQUENCE = 14  # the offline playbook's last touch (cold leads: days 0, 7, 14)
_ROWS_SHOWN = 20  # rows a sentence names; the metadata has them all


def lang_of(facts: dict[str, Any]) -> str:
    """The documents' language (the strategy's)."""
    return str((facts.get("brief") or {}).get("language") or "en")


def say_in(facts: dict[str, Any], english: str, **values: object) -> str:
    """``english`` in the documents' language (the strategy's)."""
    return tr(lang_of(facts), english, **values)


def _counted(facts: dict[str, Any], count: int, one: str, many: str, **values: object) -> str:
    """A counted noun in the documents' language (``phrasebook.counted``)."""
    return counted(lang_of(facts), count, one, many, **values)


def _cell(text: Any, facts: dict[str, Any] | None = None) -> str:
    return str(text).replace("|", "/").replace("\n", " ").strip() or say_in(facts or {}, "not recorded")


def _name(row: dict[str, Any], facts: dict[str, Any]) -> str:
    """The lead's name as the file gives it; a person with none (Mailchimp keeps many contacts
    without one) by their row, so no heading or note starts with a blank."""
    return _cell(row["name"], facts) if str(row["name"]).strip() else say_in(facts, "no name (row {row})", row=row["row"])


def _example_banner(facts: dict[str, Any]) -> str:
    if not facts.get("example_data"):
        return ""
    note = re.sub(r"^example data\s*[:.\-]\s*", "", str(facts.get("example_note") or ""), flags=re.IGNORECASE)
    if note:  # the loader's own reason reads in the documents' language; a file's comment stays as written
        from ..translations import catalog

        known = catalog(lang_of(facts))
        if note in known:  # looked up, not asked for: a comment is no catalogue sentence to miss
            note = known[note]
    return "> " + say_in(facts, "**Example data**, not a real CRM export: {note}", note=note or say_in(facts, "an example file")) + "\n\n"


def code_rationale(row: dict[str, Any], facts: dict[str, Any]) -> str:
    reasons = row["reasons"][:4] or [say_in(facts, "no component scored points")]
    return say_in(facts, "Scores {score} ({tier}): {reasons}.", score=row["score"], tier=say_in(facts, row["tier"]),
              reasons=joined_reasons(lang_of(facts), reasons))


def scored_markdown(facts: dict[str, Any], notes: dict[int, dict[str, str]], client: str) -> str:
    t = lambda english, **values: say_in(facts, english, **values)
    counts, filters = facts["counts"], facts["filters"]
    persons = _all_people(facts)  # people have no company or title: their table has no such columns
    head = [t(h) for h in ("Name", "Company", "Title", "Status", "Score", "Tier", "Top reasons")
            if not (persons and h in ("Company", "Title"))]
    lines = ["| # | " + " | ".join(head) + " |", "|---" * (len(head) + 1) + "|"]
    for number, row in enumerate(facts["leads"], 1):
        why = joined_reasons(lang_of(facts), row["reasons"][:3]) or t("no component scored points")
        at = "" if persons else f"{_cell(row['company'], facts)} | {_cell(row['title'], facts)} | "
        lines.append(f"| {number} | {_name(row, facts)} | {at}"
                     f"{t(row['status'])} | {row['score']} | {t(row['tier'])} | {_cell(why)} |")
    if counts["qualifying"] > counts["listed"]:
        lines.append("\n" + t("{count} more qualifying leads are in the metadata, not listed here.",
                               count=counts["qualifying"] - counts["listed"]))
    icp = facts["ideal_customer"]
    size = icp.get("size_range")
    rules = "\n".join(f"| {t(r['component'])} | {r['max_points']} | {t(r['rule'])} |" for r in facts["rules"])
    reference = facts.get("reference_date")
    top = "\n\n".join(
        f"### {n}. {_name(row, facts)}"
        + ("" if _people(facts) or row.get("person") else f", {_cell(row['company'], facts)}")
        + f": {row['score']} ({t(row['tier'])})\n\n"
        f"{notes[row['row']]['rationale']}"
        + (f"\n\n*{t('Next step:')}* {notes[row['row']]['next_step']}" if notes[row["row"]].get("next_step") else "")
        for n, row in enumerate(facts["outreach_leads"], 1)
    )
    not_named = t("not named")
    return "\n\n".join(part for part in [
        f"# {t('Scored leads: {client}', client=client)}",
        _example_banner(facts).strip(),
        t("{in_file} leads in {source}: {by_status} left out by status (kept: {statuses}), {below} below the minimum "
          "score of {min_score}. **{qualifying} qualify**; the top {in_plan} are in the outreach plan.",
          in_file=counts["in_file"], source=facts["source"], by_status=counts["left_out_by_status"],
          statuses=", ".join(t(x) for x in filters["statuses"]), below=counts["below_min_score"],
          min_score=filters["min_score"], qualifying=counts["qualifying"], in_plan=counts["in_outreach_plan"]),
        t("Scores are computed by rules in code, not by a language model; recency is measured from the latest activity "
          "in the file ({reference}), so the same file always scores the same.",
          reference=reference or t("no dates in the file")),
        f"## {t('Leads')}\n\n" + "\n".join(lines),
        f"## {t('The top leads, in plain words')}\n\n" + top,
        _not_contacted(facts),
        _consent_unrecorded(facts),
        (f"## {t('How scores are computed')}\n\n| {t('Component')} | {t('Max points')} | {t('Rule')} |\n|---|---|---|\n"
         + rules + "\n\n" + t("Tiers: hot 70 and above, warm 45 to 69, cold below 45.") + "\n\n"
         + ("" if persons else t(
             "**The ideal customer, from the approved brief:** roles {roles}; industries {industries}; company size "
             "{size}; geography {geography}.", roles=", ".join(icp["roles"]) or not_named,
             industries=", ".join(icp["industries"]) or not_named,
             size=t("{low} to {high}", low=size[0], high=size[1]) if size else t("not given"),
             geography=icp["geography"] or t("not given")))
         + _people_line(facts)),
    ] if part).replace("\n\n\n\n", "\n\n")


def _people_line(facts: dict[str, Any]) -> str:
    """Who a good lead is when the leads are people: what they bought and how engaged they are,
    from the file, with the brief's audience and geography; "" when the file has no people."""
    people = facts.get("people")
    if not people:
        return ""
    t = lambda english, **values: say_in(facts, english, **values)
    icp = facts["ideal_customer"]
    line = t("**A good lead, from the approved brief and the file:** a person in the audience the brief names "
             "({audience}), in its geography ({geography}), who has bought (orders, total spent), is engaged "
             "(member rating, email opens and clicks, site visits, replies), accepts email marketing and was active "
             "recently. Job title, industry and company size are not scored for people.",
             audience=icp["audience"] or t("not given"), geography=icp["geography"] or t("not given"))
    line += " " + t("A person's score is their points as a share of the {possible} points this file's columns can "
                    "give.", possible=people["possible_points"])
    if people["not_in_file"]:
        line += " " + t("The file has no column for: {components}; those count for nothing.",
                        components=", ".join(t(name) for name in people["not_in_file"]))
    if people.get("unscored"):  # a free event's file: its spend is 0 for everyone
        line += " " + t("Total spent is 0 or blank on every row of the file (a free event, or nothing bought yet), "
                        "so it tells no one apart and is not scored.")
    if people["all"]:
        return line
    return "\n\n" + _counted(facts, people["in_file"], "{count} lead in the file is a person, with no company.",
                              "{count} leads in the file are people, with no company.") + " " + line


def _not_contacted(facts: dict[str, Any], tier: str | None = None) -> str:
    """The qualifying leads left out of the outreach because they have not accepted email marketing
    (``facts["not_contacted"]``), counted and named: all of them in the scored leads (``tier``
    None), a tier's own in its sequence; "" when there are none."""
    left_out = facts.get("not_contacted")
    rows = [r for r in (left_out or {}).get("leads", []) if tier is None or r["tier"] == tier]
    if not rows:
        return ""
    names = "\n".join("- " + say_in(facts, "{name} (score {score})", name=_name(r, facts), score=r["score"])
                      for r in rows)
    if tier is not None:
        return _counted(facts, len(rows), "**Not contacted: no consent to email marketing ({count} lead):**",
                        "**Not contacted: no consent to email marketing ({count} leads):**") + "\n\n" + names
    more = left_out["count"] - len(rows)
    return (f"## {say_in(facts, 'Not contacted: no consent to email marketing')}\n\n"
            + _counted(facts, left_out["count"], "{count} qualifying lead has not accepted email marketing: left out "
                       "of the outreach sequences and not emailed.", "{count} qualifying leads have not accepted "
                       "email marketing: left out of the outreach sequences and not emailed.")
            + "\n\n" + names
            + ("\n\n" + say_in(facts, "{count} more qualifying leads are in the metadata, not listed here.",
                                     count=more) if more else ""))


def _consent_unrecorded(facts: dict[str, Any]) -> str:
    """The people in the outreach plan whose file records no consent to email marketing either way
    (``facts["consent_unrecorded"]``: no such column, or a blank cell), counted with their rows, so
    whoever sends checks first; "" when there are none."""
    unrecorded = facts.get("consent_unrecorded")
    if not unrecorded:
        return ""
    rows = ", ".join(str(row) for row in unrecorded["rows"][:_ROWS_SHOWN])
    rows += ", …" if len(unrecorded["rows"]) > _ROWS_SHOWN else ""
    return _counted(facts, unrecorded["count"],
                    "**Consent not on record:** {count} person in the outreach plan has no record in the file of "
                    "accepting email marketing (row {rows}); check that you may email them before sending.",
                    "**Consent not on record:** {count} people in the outreach plan have no record in the file of "
                    "accepting email marketing (rows {rows}); check that you may email them before sending.",
                    rows=rows)


def _people(facts: dict[str, Any]) -> bool:
    """Whether the leads buy for themselves (``text.audience_kind``, or a file of people only):
    written to as people, by email."""
    return facts.get("audience_kind") == "consumer" or _all_people(facts)


def _all_people(facts: dict[str, Any]) -> bool:
    """Whether every lead in the file is a person (``facts["people"]``): no company, no title."""
    return bool((facts.get("people") or {}).get("all"))


def sequence_markdown(tier: str, seq: OutreachSequence, leads: list[dict[str, Any]], facts: dict[str, Any]) -> str:
    t = lambda english, **values: say_in(facts, english, **values)
    people = _people(facts)
    who = "\n".join("- " + (t("{name} (score {score})", name=_name(r, facts), score=r["score"])
                             if people or r.get("person") else t("{name}, {title} at {company} (score {score})", name=_name(r, facts),
                                    title=_cell(r["title"], facts), company=_cell(r["company"], facts),
                                    score=r["score"]))
                     for r in leads)
    subject = f"**{t('Subject:')}**"
    second, third = (("Touch 2, day {day}: reminder email", "Touch 3, day {day}: last reminder") if people
                     else ("Touch 2, day {day}: LinkedIn message", "Touch 3, day {day}: follow-up"))
    touches = [
        f"## {t('Touch 1, day {day}: email', day=seq.email.day)}\n\n{subject} {seq.email.subject}\n\n{seq.email.message}",
        f"## {t(second, day=seq.linkedin.day)}\n\n"
        + (f"{subject} {seq.linkedin.subject}\n\n" if people and seq.linkedin.subject else "") + seq.linkedin.message,
        f"## {t(third, day=seq.follow_up.day)}\n\n"
        + (f"{subject} {seq.follow_up.subject}\n\n" if seq.follow_up.subject else "") + seq.follow_up.message,
    ]
    window = facts.get("campaign_window") or {}
    if window.get("start_date") and window.get("end_date") and window["last_touch_day"] < _LONGEST_SEQUENCE:
        # A campaign shorter than a usual sequence: its days are the touches' days, so say which.
        touches.insert(0, t("The campaign runs from {start} to {end}: day 0 is its first day, and no touch falls "
                            "after its last.", start=date_text(lang_of(facts), window["start_date"]),
                            end=date_text(lang_of(facts), window["end_date"])))
    return "\n\n".join([
        f"# {t('Outreach sequence: {tier} leads', tier=t(tier))}",
        _example_banner(facts).strip(),
        f"**{t('Angle:')}** {seq.angle}",
        f"**{_counted(facts, len(leads), 'For {count} lead from the file:', 'For these {count} leads from the file:')}**"
        + f"\n\n{who}",
        _not_contacted(facts, tier),
        *touches,
        t("**Before sending:** a person adds each lead's first name and one line about what they engaged with, and "
          "sends only to the people listed above."),
    ]).replace("\n\n\n\n", "\n\n")


def magnets_markdown(magnets: list[LeadMagnet], client: str, facts: dict[str, Any]) -> str:
    t = lambda english, **values: say_in(facts, english, **values)
    parts = [
        f"## {n}. {m.title}\n\n*{t('Format:')}* {m.format}\n\n*{t('The pain it answers:')}* {m.pain}\n\n"
        f"{bullets(m.outline)}\n\n**{t('Call to action:')}** {m.cta}"
        for n, m in enumerate(magnets, 1)
    ]
    return f"# {t('Lead-magnet ideas: {client}', client=client)}\n\n" + "\n\n".join(parts)


