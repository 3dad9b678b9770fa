"""Leadgen's answer turned into deliverables: notes matched to leads by row (a note for another
row is dropped), model sentences citing a number absent from the facts and inputs removed, no touch
after the campaign's last day, and the documents rendered (``documents``)."""

from __future__ import annotations

from typing import Any

from ...errors import ContractViolation, NoDataError
from ...grounding import allowed_numbers, keep_grounded
from ...schemas import Deliverable
from .documents import (
    code_rationale,
    lang_of,
    magnets_markdown,
    say_in,
    scored_markdown,
    sequence_markdown,
)
from .models import LeadgenInputs, LeadgenOutput, LeadMagnet, OutreachSequence, Touch

__all__ = ["render"]


def _grounded(text: str, allowed: set[str], fallback: str, removed: list[str], lang: str = "en") -> str:
    kept, dropped = keep_grounded(text, allowed, lang)
    removed.extend(dropped)
    return kept or fallback


def render(
    output: LeadgenOutput, inputs: LeadgenInputs, brand: dict[str, Any], campaign: dict[str, Any],
    facts: dict[str, Any] | None = None,
) -> list[Deliverable]:
    facts = facts or {}
    if not facts.get("outreach_leads"):
        raise NoDataError("leadgen has no scored leads to render; generate it again", field="facts")
    client = brand.get("name") or facts["brief"].get("client") or say_in(facts, "the client")
    allowed = allowed_numbers(facts, inputs.model_dump(mode="json", exclude={"csv_text"}))
    removed: list[str] = []
    top_rows = {row["row"]: row for row in facts["outreach_leads"]}
    notes: dict[int, dict[str, str]] = {}
    for note in output.lead_notes:
        row = top_rows.get(note.row)
        if row is None or note.row in notes:
            continue  # a note for a lead outside the plan (or a repeat) is never shown
        notes[note.row] = {
            "rationale": _grounded(note.rationale, allowed, code_rationale(row, facts), removed, lang_of(facts)),
            "next_step": keep_grounded(note.next_step, allowed, lang_of(facts))[0],
            "source": "model",
        }
    for row_number, row in top_rows.items():
        notes.setdefault(row_number, {"rationale": code_rationale(row, facts), "next_step": "", "source": "rules"})

    shared = {"client_name": client, "source": facts["source"], "example_data": facts["example_data"]}
    items = [Deliverable(
        kind="scored_leads",
        title=say_in(facts, "Scored leads: {qualifying} of {in_file}", qualifying=facts["counts"]["qualifying"],
                 in_file=facts["counts"]["in_file"]),
        content_markdown=scored_markdown(facts, notes, client),
        metadata={**shared, "rows": facts["leads"], "outreach_rows": [r["row"] for r in facts["outreach_leads"]],
                  "counts": facts["counts"], "filters": facts["filters"], "reference_date": facts["reference_date"],
                  "ideal_customer": facts["ideal_customer"], "rules": facts["rules"],
                  "notes": {str(k): v for k, v in notes.items()}, "file_warnings": facts["file_warnings"],
                  **({"not_contacted": facts["not_contacted"]} if facts.get("not_contacted") else {}),
                  **({"consent_unrecorded": facts["consent_unrecorded"]} if facts.get("consent_unrecorded") else {})},
    )]
    declined = (facts.get("not_contacted") or {}).get("leads", [])
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
            title=say_in(facts, "Outreach sequence: {tier} leads ({count})", tier=say_in(facts, tier), count=len(leads)),
            content_markdown=sequence_markdown(tier, seq, leads, facts),
            metadata={**shared, "tier": tier, "lead_rows": [r["row"] for r in leads],
                      "lead_names": [r["name"] for r in leads], **seq.model_dump(mode="json"),
                      **({"touch_days_moved": moved} if moved else {}),
                      **({"not_contacted_rows": [r["row"] for r in declined if r["tier"] == tier]}
                         if any(r["tier"] == tier for r in declined) else {})},
        ))
    magnets = [_grounded_magnet(m, allowed, removed, facts) for m in output.lead_magnets]
    items.append(Deliverable(
        kind="lead_magnet_ideas",
        title=say_in(facts, "Lead-magnet ideas: {client}", client=client),
        content_markdown=magnets_markdown(magnets, client, facts),
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
        subject = keep_grounded(t.subject, allowed, lang_of(facts))[0] or (say_in(facts, "A quick note") if t.subject else "")
        return t.model_copy(update={"message": _grounded(t.message, allowed, fallback, removed, lang_of(facts)),
                                    "subject": subject})

    fallback = say_in(facts, "A short note to follow up on the last message; reply if it is worth a conversation.")
    return seq.model_copy(update={
        "angle": keep_grounded(seq.angle, allowed, lang_of(facts))[0]
        or say_in(facts, "Follow up on what the lead engaged with"),
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
    outline = [kept for kept in (_grounded(line, allowed, "", removed, lang_of(facts)) for line in magnet.outline) if kept]
    return magnet.model_copy(update={
        "title": keep_grounded(magnet.title, allowed, lang_of(facts))[0] or magnet.format,
        "pain": _grounded(magnet.pain, allowed, say_in(facts, "the pain named in the brief"), removed, lang_of(facts)),
        "outline": outline or [say_in(facts, "What the reader gets, step by step")],
    })


