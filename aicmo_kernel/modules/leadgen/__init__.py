"""Module 6, leadgen: real leads from a CSV, scored by rules in code; outreach and lead magnets.

``prepare`` reads and validates the file, derives the ideal customer from the approved intake and
scores every lead (``aicmo_kernel.leads``): the scores, tiers and reasons are facts. The model
(or the offline composer) writes only around them: a plain-words rationale per top lead, one
three-touch outreach sequence per tier, and lead-magnet ideas tied to the audience's pains.

Nothing here can add a lead: the table is rendered from the facts, notes are matched to leads by
row number (notes for other rows are dropped), and model sentences that cite a number absent from
the facts and inputs are removed by code. Email addresses never leave the file: facts, prompts
and deliverables refer to leads by row number. The documents are in the strategy's language
(``facts["brief"]["language"]``): headings and labels through ``phrasebook.tr``, the scoring's
reasons through the catalogues too (``reasons``: the facts carry them in that language, so the
table, the rationales and the prompt agree); the file's values are shown as they are.

A consumer brand's file holds people (a Mailchimp audience, Shopify customers, any file without a
company column, or rows without a company under a consumer brief): they are scored on what they
bought and how engaged they are (``leads.PEOPLE_SCORE_RULES``), and the documents speak of them as
people: no company or title columns, the rules for people, and who a good lead is in those terms
(``facts["people"]``, present only when the file has people, so a B2B run's facts are unchanged).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from ...errors import ContractViolation, NoDataError
from ...leads import (
    LEAD_STATUSES,
    PEOPLE_SCORE_RULES,
    SCORE_RULES,
    TIERS,
    IdealCustomer,
    load_leads,
    median_spend,
    read_leads_text,
    reference_date,
    score_leads,
)
from ...analytics.saved_mappings import save_mapping, saved_mapping
from ...leads.crm_formats import FIELDS as CRM_FIELDS
from .composer import compose_leadgen
from .reasons import localized_row
from ...schemas import Deliverable
from ...registry import module_info
from ..text import audience_kind, days_between, timeline, weeks_between
from ..phrasebook import counted, date_text, language_of_inputs, tr
from ..fields import InputModel, Integer, OutputModel, OutText, choice
from ...grounding import allowed_numbers, keep_grounded
from ..templates import SHARED_SYSTEM_TEMPLATE, bullets
from ..base import ModuleSpec, Upstream

__all__ = ["SPEC", "TABLE_MAX_ROWS", "LeadgenInputs", "LeadgenOutput"]

LeadStatus = choice("new", "contacted", "engaged", "qualified", "lost")
LeadStatusOrSkip = choice("new", "contacted", "engaged", "qualified", "lost", "skip")
LeadField = Literal[CRM_FIELDS]  # type: ignore[valid-type]
TABLE_MAX_ROWS = 100
_Line = Annotated[str, StringConstraints(min_length=1, max_length=200)]
_TIER_NAMES = tuple(name for name, _ in TIERS)
_LONGEST_SEQUENCE = 14  # the offline playbook's last touch (cold leads: days 0, 7, 14)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class LeadgenInputs(InputModel):
    """Where the leads are, and which of them the outreach plan covers."""

    csv_path: Annotated[str, StringConstraints(max_length=1000)] = Field(
        default="", description="path of a leads CSV (used when no file is uploaded)"
    )
    csv_text: Annotated[str, StringConstraints(max_length=1_000_000)] = Field(
        default="", description="the uploaded CSV's content; wins over csv_path"
    )
    min_score: int = Field(default=50, ge=0, le=100, description="leave out leads scoring below this")
    statuses: Annotated[list[LeadStatus], Field(min_length=1, max_length=5), AfterValidator(_unique)] = Field(
        default_factory=lambda: [s for s in LEAD_STATUSES if s != "lost"],
        description="lead statuses to include",
    )
    max_leads: int = Field(default=10, ge=1, le=50, description="how many top leads the outreach plan covers")
    # For a file that is none of the known CRM exports, and the brand's own status names: kept for
    # the brand once a generation has read the file with them.
    column_mapping: dict[LeadField, Annotated[str, StringConstraints(max_length=200)]] = Field(
        default_factory=dict, description="the file's own column for each field, for a file no CRM wrote"
    )
    status_table: dict[Annotated[str, StringConstraints(min_length=1, max_length=80)], LeadStatusOrSkip] = Field(
        default_factory=dict,
        description="your CRM's status -> ours (new, contacted, engaged, qualified, lost) or skip to leave such rows out",
    )

    def mapping(self) -> dict[str, Any] | None:
        """The lead mapping these inputs give, or None when they give none."""
        statuses = {name: (None if ours == "skip" else ours) for name, ours in self.status_table.items()}
        chosen = {"columns": dict(self.column_mapping), "statuses": statuses}
        return chosen if any(chosen.values()) else None


class LeadNote(OutputModel):
    row: Integer = Field(ge=1, description="the lead's row number, exactly as in the facts")
    rationale: Annotated[str, StringConstraints(min_length=1, max_length=800)]
    next_step: Annotated[str, StringConstraints(max_length=300)] = ""


class Touch(OutputModel):
    day: Integer = Field(ge=0, le=90, description="days after the first touch")
    subject: Annotated[str, StringConstraints(max_length=78)] = ""
    message: Annotated[str, StringConstraints(min_length=1, max_length=1500)]


class OutreachSequence(OutputModel):
    angle: _Line
    email: Touch
    linkedin: Touch
    follow_up: Touch

    @model_validator(mode="after")
    def _ordered(self) -> OutreachSequence:
        if not self.email.subject.strip():
            raise ValueError("the email touch needs a subject")
        if len(self.linkedin.message) > 600:
            raise ValueError("the LinkedIn message must stay within 600 characters")
        if not self.email.day <= self.linkedin.day <= self.follow_up.day:
            raise ValueError("touch days must not go backwards (email, then LinkedIn, then follow-up)")
        return self


class Sequences(OutputModel):
    """One sequence per tier that has leads in the outreach plan (others may stay empty)."""

    hot: OutreachSequence | None = None
    warm: OutreachSequence | None = None
    cold: OutreachSequence | None = None


class LeadMagnet(OutputModel):
    title: _Line
    format: _Line
    pain: OutText = Field(description="the audience pain from the brief this idea answers")
    outline: list[OutText] = Field(min_length=1, max_length=6)
    cta: _Line


class LeadgenOutput(OutputModel):
    lead_notes: list[LeadNote] = Field(default_factory=list, max_length=50)
    sequences: Sequences
    lead_magnets: list[LeadMagnet] = Field(min_length=2, max_length=5)


# ----------------------------------------------------------------------------- facts


def _brief(upstream: Upstream, brand: dict[str, Any]) -> dict[str, Any]:
    """What the writer may draw on: the approved intake and messaging, verbatim."""
    summary = next((d.get("metadata") or {} for d in upstream.get("intake", []) if d.get("kind") == "client_summary"), {})
    messaging = next(
        (d.get("metadata") or {} for d in upstream.get("strategy", []) if d.get("kind") == "messaging_framework"), {}
    )
    language = next((m.get("language") for m in (d.get("metadata") or {} for d in upstream.get("strategy", []))
                     if m.get("language")), None)
    return {
        "language": language_of_inputs(language, [summary.get("offer"), summary.get("audience")]),
        "client": brand.get("name") or summary.get("client_name") or "",
        "offer": summary.get("offer") or "", "usp": summary.get("usp") or "",
        "audience": summary.get("audience") or "", "objective": summary.get("objective") or "",
        "pain_points": list(summary.get("pain_points") or []),
        "desired_outcomes": list(summary.get("desired_outcomes") or []),
        "objections": list(summary.get("objections") or []),
        "core_message": messaging.get("core_message") or "",
        "calls_to_action": list(messaging.get("calls_to_action") or []),
        "disclaimers": list(brand.get("disclaimers") or summary.get("disclaimers") or []),
        "website": brand.get("website") or "",
    }


def _window(campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any] | None:
    """When the outreach may run: from the campaign's first day to its last, by the strategy's one
    rule for a campaign's length (``text.timeline``); a touch's day counts from a first touch on
    the first day, so ``last_touch_day`` is the campaign's last day. None without dates or weeks."""
    days = days_between(campaign.get("start_date"), campaign.get("end_date"))
    strategy = next((d.get("metadata") or {} for d in upstream.get("strategy", [])
                     if d.get("kind") == "strategy_document"), {})
    weeks = strategy.get("duration_weeks") or weeks_between(campaign.get("start_date"), campaign.get("end_date"))
    if not weeks:
        return None
    span = timeline(int(weeks), days).days  # the days the strategy plans for; the dates' own when shorter
    span = min(span, days) if days else span
    return {"start_date": str(campaign.get("start_date") or "")[:10] or None,
            "end_date": str(campaign.get("end_date") or "")[:10] or None,
            "days": span, "last_touch_day": span - 1}


def _table_row(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("row", "name", "company", "title", "status", "industry", "company_size", "country",
            "last_activity", "score", "tier", "fit", "engagement", "recency", "reasons")
    people = ("person", "orders", "total_spent", "member_rating", "accepts_marketing", "purchases")
    return {key: row[key] for key in (*keys, *(people if row.get("person") else ()))}


# A person's components by the names the rules table gives them (``leads.PEOPLE_SCORE_RULES``).
_COMPONENT_NAMES = {"geography": "Geography", "orders": "Orders", "total_spent": "Total spent",
                    "accepts_marketing": "Email marketing", "member_rating": "Member rating",
                    "email_opens": "Email opens", "email_clicks": "Email clicks", "site_visits": "Site visits",
                    "replied": "Replied", "recency": "Recency"}  # fmt: skip


def _rules(scored: list[Any]) -> list[dict[str, Any]]:
    """The scoring rules the leads were scored by: for leads at companies, for people, or both
    (the people's own rules after the others) when the file holds both."""
    persons = sum(s.lead.person for s in scored)
    rules = (SCORE_RULES if persons < len(scored) else ()) + tuple(
        r for r in PEOPLE_SCORE_RULES if persons and (persons == len(scored) or r not in SCORE_RULES))
    return [{"component": name, "max_points": points, "rule": rule} for name, points, rule in rules]


def _prepare(
    inputs: LeadgenInputs, *, brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream, workspace: Any = None
) -> dict[str, Any]:
    text, source, field = read_leads_text(inputs.csv_path, inputs.csv_text)
    given = inputs.mapping()
    mapping = given
    if mapping is None and workspace is not None and campaign.get("name"):
        mapping = saved_mapping(workspace, campaign["name"], "leads")  # mapped once per brand
    icp = IdealCustomer.from_brief(upstream, brand)
    kind = audience_kind(icp.audience, brand.get("industry"))
    if kind == "consumer":  # families name no company's industry
        icp = IdealCustomer.from_brief(upstream, brand, people=True)
    # For a consumer brief, a row without a company is a person, not an error.
    lead_file = load_leads(text, field=field, mapping=mapping, people=kind == "consumer")
    if given is not None and workspace is not None and campaign.get("name"):
        save_mapping(workspace, campaign["name"], "leads", given)
    scored = score_leads(lead_file, icp)
    by_status = [s for s in scored if s.lead.status in inputs.statuses]
    kept = [s for s in by_status if s.score >= inputs.min_score]
    if not kept:
        best = max((s.score for s in by_status), default=None)
        raise NoDataError(
            f"No leads left to work on: {len(scored)} in {source}, {len(scored) - len(by_status)} left out by "
            f"status (keeping {', '.join(inputs.statuses)}), {len(by_status) - len(kept)} below the minimum score "
            f"{inputs.min_score}" + (f" (the highest is {best})" if best is not None else "")
            + ". Lower min_score or include more statuses; leadgen never invents leads.",
            field="inputs.min_score" if by_status else "inputs.statuses",
        )
    brief = _brief(upstream, brand)
    rows = [localized_row(s, brief["language"]) for s in kept]  # reasons in the documents' language
    top = rows[: inputs.max_leads]
    reference = reference_date(lead_file.leads)
    persons = [s for s in scored if s.lead.person]
    # Only a file with people says so: a B2B run's facts (and its prompt) stay as they were.
    people = {"people": {
        "in_file": len(persons), "all": len(persons) == len(scored), "possible_points": persons[0].possible,
        "median_spend": median_spend(lead_file.leads),
        "not_in_file": [_COMPONENT_NAMES[c.key] for c in persons[0].components if not c.max_points],
    }} if persons else {}  # fmt: skip
    return {
        "source": source,
        "example_data": lead_file.example_data,
        "example_note": lead_file.example_reason,
        "file_warnings": list(lead_file.warnings),
        "reference_date": reference.isoformat() if reference else None,
        "ideal_customer": icp.as_dict(),
        "rules": _rules(scored),
        "tiers": {name: floor for name, floor in TIERS},
        "filters": {"statuses": list(inputs.statuses), "min_score": inputs.min_score, "max_leads": inputs.max_leads},
        "counts": {
            "in_file": len(scored), "left_out_by_status": len(scored) - len(by_status),
            "below_min_score": len(by_status) - len(kept), "qualifying": len(kept), "in_outreach_plan": len(top),
            "listed": min(len(kept), TABLE_MAX_ROWS),
            "by_tier": {tier: sum(r["tier"] == tier for r in rows) for tier in _TIER_NAMES},
        },
        "leads": [_table_row(r) for r in rows[:TABLE_MAX_ROWS]],
        "outreach_leads": top,
        "outreach_tiers": [t for t in _TIER_NAMES if any(r["tier"] == t for r in top)],
        # People buying for themselves get reminders and offers, not a note to a decision-maker.
        "audience_kind": kind,
        "campaign_window": _window(campaign, upstream),
        "brief": brief,
        **people,
    }


# ----------------------------------------------------------------------------- render


def _lang(facts: dict[str, Any]) -> str:
    """The documents' language (the strategy's)."""
    return str((facts.get("brief") or {}).get("language") or "en")


def _t(facts: dict[str, Any], english: str, **values: object) -> str:
    """``english`` in the documents' language (the strategy's)."""
    return tr(_lang(facts), english, **values)


def _counted(facts: dict[str, Any], count: int, one: str, many: str, **values: object) -> str:
    """A counted noun in the documents' language (``phrasebook.counted``)."""
    return counted(_lang(facts), count, one, many, **values)


def _cell(text: Any, facts: dict[str, Any] | None = None) -> str:
    return str(text).replace("|", "/").replace("\n", " ").strip() or _t(facts or {}, "not recorded")


def _name(row: dict[str, Any], facts: dict[str, Any]) -> str:
    """The lead's name as the file gives it; a person with none (Mailchimp keeps many contacts
    without one) by their row, so no heading or note starts with a blank."""
    return _cell(row["name"], facts) if str(row["name"]).strip() else _t(facts, "no name (row {row})", row=row["row"])


def _example_banner(facts: dict[str, Any]) -> str:
    if not facts.get("example_data"):
        return ""
    note = re.sub(r"^example data\s*[:.\-]\s*", "", str(facts.get("example_note") or ""), flags=re.IGNORECASE)
    if note:  # the loader's own reason reads in the documents' language; a file's comment stays as written
        from ..translations import catalog

        known = catalog(_lang(facts))
        if note in known:  # looked up, not asked for: a comment is no catalogue sentence to miss
            note = known[note]
    return "> " + _t(facts, "**Example data**, not a real CRM export: {note}", note=note or _t(facts, "an example file")) + "\n\n"


def _code_rationale(row: dict[str, Any], facts: dict[str, Any]) -> str:
    reasons = row["reasons"][:4] or [_t(facts, "no component scored points")]
    return _t(facts, "Scores {score} ({tier}): {reasons}.", score=row["score"], tier=_t(facts, row["tier"]),
              reasons="; ".join(reasons))


def _scored_markdown(facts: dict[str, Any], notes: dict[int, dict[str, str]], client: str) -> str:
    t = lambda english, **values: _t(facts, english, **values)
    counts, filters = facts["counts"], facts["filters"]
    persons = _all_people(facts)  # people have no company or title: their table has no such columns
    head = [t(h) for h in ("Name", "Company", "Title", "Status", "Score", "Tier", "Top reasons")
            if not (persons and h in ("Company", "Title"))]
    lines = ["| # | " + " | ".join(head) + " |", "|---" * (len(head) + 1) + "|"]
    for number, row in enumerate(facts["leads"], 1):
        why = "; ".join(row["reasons"][:3]) or t("no component scored points")
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
    return "\n\n".join([
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
        (f"## {t('How scores are computed')}\n\n| {t('Component')} | {t('Max points')} | {t('Rule')} |\n|---|---|---|\n"
         + rules + "\n\n" + t("Tiers: hot 70 and above, warm 45 to 69, cold below 45.") + "\n\n"
         + ("" if persons else t(
             "**The ideal customer, from the approved brief:** roles {roles}; industries {industries}; company size "
             "{size}; geography {geography}.", roles=", ".join(icp["roles"]) or not_named,
             industries=", ".join(icp["industries"]) or not_named,
             size=t("{low} to {high}", low=size[0], high=size[1]) if size else t("not given"),
             geography=icp["geography"] or t("not given")))
         + _people_line(facts)),
    ]).replace("\n\n\n\n", "\n\n")


def _people_line(facts: dict[str, Any]) -> str:
    """Who a good lead is when the leads are people: what they bought and how engaged they are,
    from the file, with the brief's audience and geography; "" when the file has no people."""
    people = facts.get("people")
    if not people:
        return ""
    t = lambda english, **values: _t(facts, english, **values)
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
    if people["all"]:
        return line
    return "\n\n" + _counted(facts, people["in_file"], "{count} lead in the file is a person, with no company.",
                              "{count} leads in the file are people, with no company.") + " " + line


def _grounded(text: str, allowed: set[str], fallback: str, removed: list[str], lang: str = "en") -> str:
    kept, dropped = keep_grounded(text, allowed, lang)
    removed.extend(dropped)
    return kept or fallback


def _people(facts: dict[str, Any]) -> bool:
    """Whether the leads buy for themselves (``text.audience_kind``, or a file of people only):
    written to as people, by email."""
    return facts.get("audience_kind") == "consumer" or _all_people(facts)


def _all_people(facts: dict[str, Any]) -> bool:
    """Whether every lead in the file is a person (``facts["people"]``): no company, no title."""
    return bool((facts.get("people") or {}).get("all"))


def _sequence_markdown(tier: str, seq: OutreachSequence, leads: list[dict[str, Any]], facts: dict[str, Any]) -> str:
    t = lambda english, **values: _t(facts, english, **values)
    people = _people(facts)
    who = "\n".join("- " + (t("{name} (score {score})", name=_name(r, facts), score=r["score"])
                             if people or r.get("person") else t("{name}, {title} at {company} (score {score})", name=_name(r, facts),
                                    title=_cell(r["title"], facts), company=_cell(r["company"], facts),
                                    score=r["score"]))
                     # A person who said no to email marketing is listed, and the reader told not to email them.
                     + (" " + t("(has not accepted email marketing: do not email without their consent)")
                        if r.get("accepts_marketing") is False else "")
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
                            "after its last.", start=date_text(_lang(facts), window["start_date"]),
                            end=date_text(_lang(facts), window["end_date"])))
    return "\n\n".join([
        f"# {t('Outreach sequence: {tier} leads', tier=t(tier))}",
        _example_banner(facts).strip(),
        f"**{t('Angle:')}** {seq.angle}",
        f"**{_counted(facts, len(leads), 'For {count} lead from the file:', 'For these {count} leads from the file:')}**"
        + f"\n\n{who}",
        *touches,
        t("**Before sending:** a person adds each lead's first name and one line about what they engaged with, and "
          "sends only to the people listed above."),
    ]).replace("\n\n\n\n", "\n\n")


def _magnets_markdown(magnets: list[LeadMagnet], client: str, facts: dict[str, Any]) -> str:
    t = lambda english, **values: _t(facts, english, **values)
    parts = [
        f"## {n}. {m.title}\n\n*{t('Format:')}* {m.format}\n\n*{t('The pain it answers:')}* {m.pain}\n\n"
        f"{bullets(m.outline)}\n\n**{t('Call to action:')}** {m.cta}"
        for n, m in enumerate(magnets, 1)
    ]
    return f"# {t('Lead-magnet ideas: {client}', client=client)}\n\n" + "\n\n".join(parts)


def _render(
    output: LeadgenOutput, inputs: LeadgenInputs, brand: dict[str, Any], campaign: dict[str, Any],
    facts: dict[str, Any] | None = None,
) -> list[Deliverable]:
    facts = facts or {}
    if not facts.get("outreach_leads"):
        raise NoDataError("leadgen has no scored leads to render; generate it again", field="facts")
    client = brand.get("name") or facts["brief"].get("client") or _t(facts, "the client")
    allowed = allowed_numbers(facts, inputs.model_dump(mode="json", exclude={"csv_text"}))
    removed: list[str] = []
    top_rows = {row["row"]: row for row in facts["outreach_leads"]}
    notes: dict[int, dict[str, str]] = {}
    for note in output.lead_notes:
        row = top_rows.get(note.row)
        if row is None or note.row in notes:
            continue  # a note for a lead outside the plan (or a repeat) is never shown
        notes[note.row] = {
            "rationale": _grounded(note.rationale, allowed, _code_rationale(row, facts), removed, _lang(facts)),
            "next_step": keep_grounded(note.next_step, allowed, _lang(facts))[0],
            "source": "model",
        }
    for row_number, row in top_rows.items():
        notes.setdefault(row_number, {"rationale": _code_rationale(row, facts), "next_step": "", "source": "rules"})

    shared = {"client_name": client, "source": facts["source"], "example_data": facts["example_data"]}
    items = [Deliverable(
        kind="scored_leads",
        title=_t(facts, "Scored leads: {qualifying} of {in_file}", qualifying=facts["counts"]["qualifying"],
                 in_file=facts["counts"]["in_file"]),
        content_markdown=_scored_markdown(facts, notes, client),
        metadata={**shared, "rows": facts["leads"], "outreach_rows": [r["row"] for r in facts["outreach_leads"]],
                  "counts": facts["counts"], "filters": facts["filters"], "reference_date": facts["reference_date"],
                  "ideal_customer": facts["ideal_customer"], "rules": facts["rules"],
                  "notes": {str(k): v for k, v in notes.items()}, "file_warnings": facts["file_warnings"]},
    )]
    for tier in facts["outreach_tiers"]:
        seq = getattr(output.sequences, tier)
        if seq is None:
            raise ContractViolation(
                f"the outreach plan has {tier} leads but the answer has no {tier} sequence",
                field=f"output.sequences.{tier}",
            )
        seq, moved = _inside_campaign(_grounded_sequence(seq, allowed, removed, facts), facts)
        leads = [r for r in facts["outreach_leads"] if r["tier"] == tier]
        items.append(Deliverable(
            kind="outreach_sequence",
            title=_t(facts, "Outreach sequence: {tier} leads ({count})", tier=_t(facts, tier), count=len(leads)),
            content_markdown=_sequence_markdown(tier, seq, leads, facts),
            metadata={**shared, "tier": tier, "lead_rows": [r["row"] for r in leads],
                      "lead_names": [r["name"] for r in leads], **seq.model_dump(mode="json"),
                      **({"touch_days_moved": moved} if moved else {})},
        ))
    magnets = [_grounded_magnet(m, allowed, removed, facts) for m in output.lead_magnets]
    items.append(Deliverable(
        kind="lead_magnet_ideas",
        title=_t(facts, "Lead-magnet ideas: {client}", client=client),
        content_markdown=_magnets_markdown(magnets, client, facts),
        metadata={"client_name": client, "ideas": [m.model_dump(mode="json") for m in magnets],
                  "pains": facts["brief"].get("pain_points", [])},
    ))
    if removed:
        for item in items:
            item.metadata["removed_ungrounded_sentences"] = list(removed)
    return items


def _grounded_sequence(
    seq: OutreachSequence, allowed: set[str], removed: list[str], facts: dict[str, Any]
) -> OutreachSequence:
    def touch(t: Touch, fallback: str) -> Touch:
        subject = keep_grounded(t.subject, allowed, _lang(facts))[0] or (_t(facts, "A quick note") if t.subject else "")
        return t.model_copy(update={"message": _grounded(t.message, allowed, fallback, removed, _lang(facts)),
                                    "subject": subject})

    fallback = _t(facts, "A short note to follow up on the last message; reply if it is worth a conversation.")
    return seq.model_copy(update={
        "angle": keep_grounded(seq.angle, allowed, _lang(facts))[0]
        or _t(facts, "Follow up on what the lead engaged with"),
        "email": touch(seq.email, fallback), "linkedin": touch(seq.linkedin, fallback),
        "follow_up": touch(seq.follow_up, fallback),
    })


def _inside_campaign(seq: OutreachSequence, facts: dict[str, Any]) -> tuple[OutreachSequence, list[dict[str, int]]]:
    """``seq`` with no touch after the campaign's last day (``facts["campaign_window"]``): a touch
    a model put later is moved to the last day (the order stays), and each move is listed."""
    last = (facts.get("campaign_window") or {}).get("last_touch_day")
    if last is None:
        return seq, []
    moved, update = [], {}
    for name in ("email", "linkedin", "follow_up"):
        touch = getattr(seq, name)
        if touch.day > last:
            moved.append({"touch": name, "from_day": touch.day, "to_day": last})
            update[name] = touch.model_copy(update={"day": last})
    return (seq.model_copy(update=update) if update else seq), moved


def _grounded_magnet(magnet: LeadMagnet, allowed: set[str], removed: list[str], facts: dict[str, Any]) -> LeadMagnet:
    outline = [kept for kept in (_grounded(line, allowed, "", removed, _lang(facts)) for line in magnet.outline) if kept]
    return magnet.model_copy(update={
        "title": keep_grounded(magnet.title, allowed, _lang(facts))[0] or magnet.format,
        "pain": _grounded(magnet.pain, allowed, _t(facts, "the pain named in the brief"), removed, _lang(facts)),
        "outline": outline or [_t(facts, "What the reader gets, step by step")],
    })


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    return {}


SPEC = ModuleSpec(
    info=module_info("leadgen"),
    input_model=LeadgenInputs,
    output_model=LeadgenOutput,
    prompt_template="leadgen.v3.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_leadgen,
    prepare=_prepare,
)
