"""Module 4, execution: the dated content calendar, the UTM plan and the governance plan.

Code decides everything that can be counted or checked: the slots (dates, weekdays, times, from
the start date, duration, posts per week and blackout dates), which approved creative goes in
each slot, and every tracked link (see ``_calendar`` and ``_utm``). Those are the facts, computed
in ``prepare``; the calendar and link tables are rendered from them, never from model text, in the
strategy's language (``documents.py``). The model writes only what code cannot: a note per slot
(the angle, a first comment), the governance text and the explanation of the UTM plan. Its slot
notes must name slots that exist, checked in the request's own output model so a wrong answer
gets the chain's repair attempt.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from ...briefs.values import campaign_days, campaign_weeks
from ...errors import ContractViolation, ValidationError
from ...registry import module_info
from ...schemas import Deliverable
from ..base import FactBoundSpec, Upstream
from ..fields import (
    CHANNELS,
    ChannelName,
    Code,
    InputModel,
    Label,
    LongText,
    Name,
    OutputModel,
    OutText,
    choice,
    empty_list,
)
from ..normalise import tidy_time
from ..templates import SHARED_SYSTEM_TEMPLATE
from ..text import days_between, display_theme, weeks_between
from .calendar import (
    DEFAULT_POSTS_PER_WEEK,
    DEFAULT_TIMES,
    MAX_POSTS_PER_WEEK,
    build_calendar,
    calendar_end,
    iso_day,
    posts_on_weekends,
    posts_per_week_from_cadence,
)
from .composer import compose_execution
from .documents import (
    Say,
    calendar_markdown,
    document_language,
    governance_markdown,
    needs_asset_text,
    translator,
    utm_markdown,
)
from .requote import requote
from .utm import slugify, utm_params, utm_url

__all__ = [
    "SPEC",
    "ExecutionInputs",
    "ExecutionOutput",
    "GovernanceText",
    "SlotNote",
    "full_slots",
    "upstream_assets",
]

# Working documents that are not posted themselves (the image they describe is part of a post).
_UNSCHEDULED_KINDS = frozenset({"image_prompt"})
_WEBSITE = re.compile(r"^https?://[^\s/$.?#][^\s<>\"']*$", re.IGNORECASE)
_Time = Annotated[
    str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$"), BeforeValidator(tidy_time)
]
_Note = Annotated[str, StringConstraints(min_length=1, max_length=400)]
_Comment = Annotated[str, StringConstraints(max_length=400)]
MAX_CALENDAR_DAYS = 366  # a calendar year, leap day included


class ExecutionInputs(InputModel):
    start_date: date
    end_date: date | None = Field(
        default=None, description="the calendar's last day, the campaign's end date: no post is planned after it"
    )
    duration_weeks: int = Field(
        default=4, ge=1, le=52,
        description="the calendar's length in weeks when there is no end date; with one, the dates decide",
    )
    posts_per_week: dict[ChannelName, Annotated[int, Field(ge=0, le=MAX_POSTS_PER_WEEK)]] = Field(
        default_factory=dict, description="posts a week per platform, e.g. {'linkedin': 2, 'x': 3}"
    )
    posting_times: dict[ChannelName, _Time] = Field(
        default_factory=dict, description="local posting time per platform, HH:MM"
    )
    blackout_dates: list[date] = Field(default_factory=list, max_length=100)
    approvers: list[Name] = Field(default_factory=list, max_length=10)
    escalation_contact: Label = ""
    landing_url: Annotated[str, StringConstraints(max_length=500)] = ""
    notes: LongText = ""

    @field_validator("end_date")
    @classmethod
    def _end_after_start(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start_date")
        if value is None or start is None:
            return value
        if value < start:  # the same day is a one-day calendar (a launch day, an event)
            raise ValueError(f"must not be before the start date ({start.isoformat()})")
        if campaign_days(start, value) > MAX_CALENDAR_DAYS:
            raise ValueError(f"the calendar covers at most a year ({MAX_CALENDAR_DAYS} days from the start date, "
                             f"to {(start + timedelta(days=MAX_CALENDAR_DAYS - 1)).isoformat()})")
        return value

    # A duration_weeks given with an end date that the dates overrode (``weeks_note`` says so).
    _weeks_overridden: int | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _weeks_from_the_dates(self) -> ExecutionInputs:
        """With an end date, the dates decide the calendar's length (as a brief's dates decide
        over its ``duration_weeks``): ``duration_weeks`` is worked out from them, by the one rule.
        A value given that disagrees is kept aside, for ``weeks_note``."""
        if self.end_date is not None:
            given = self.duration_weeks if "duration_weeks" in self.model_fields_set else None
            self.duration_weeks = min(52, campaign_weeks(self.start_date, self.end_date))
            self._weeks_overridden = given if given != self.duration_weeks else None
        return self

    def weeks_note(self, prefilled: object = None, say: Say | None = None) -> str | None:
        """What the run says when the dates overrode a ``duration_weeks`` the user gave: both
        values, the dates deciding. None when nothing was overridden, or when the value was the
        form's pre-fill (``prefilled``: the campaign's weeks, which the user did not type).
        ``say``: the calendar's translator (``documents.translator``), English without one."""
        given = self._weeks_overridden
        if given is None or self.end_date is None or given == prefilled:
            return None
        weeks = campaign_weeks(self.start_date, self.end_date)
        values = {"given": given, "start": self.start_date.isoformat(), "end": self.end_date.isoformat()}
        if weeks == 1:
            key = "duration_weeks {given} ignored: {start} to {end} is 1 week; the dates decide the calendar"
        else:
            key, values = ("duration_weeks {given} ignored: {start} to {end} is {weeks} weeks; the dates decide "
                           "the calendar"), {**values, "weeks": weeks}  # fmt: skip
        return say(key, **values) if say is not None else key.format(**values)

    @property
    def last_day(self) -> date:
        """The calendar's last day: the end date, else ``duration_weeks`` whole weeks from the start."""
        return self.end_date or self.start_date + timedelta(days=7 * self.duration_weeks - 1)

    @field_validator("blackout_dates")
    @classmethod
    def _within_calendar(cls, values: list[date], info: ValidationInfo) -> list[date]:
        start, weeks, end = info.data.get("start_date"), info.data.get("duration_weeks"), info.data.get("end_date")
        if start is None or (weeks is None and end is None):
            return sorted(set(values))
        end = end or start + timedelta(days=7 * weeks - 1)
        outside = [d.isoformat() for d in values if not start <= d <= end]
        if outside:
            raise ValueError(
                f"{', '.join(outside)} outside the calendar ({start.isoformat()} to {end.isoformat()})"
            )
        return sorted(set(values))

    @field_validator("landing_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        if value and not _WEBSITE.match(value):
            raise ValueError("must be a web address like https://example.com/offer, or empty")
        return value


class SlotNote(OutputModel):
    slot_id: Code(r"^S\d{3,4}$")  # type: ignore[valid-type]
    angle: _Note = Field(description="the angle this post takes, in one or two sentences")
    first_comment: _Comment = Field(
        default="", description="what to post as the first comment or reply, if anything"
    )


class GovernanceText(OutputModel):
    review_process: list[OutText] = Field(min_length=1, max_length=8)
    approvals: OutText
    escalation: OutText
    community_management: OutText


class ExecutionOutput(OutputModel):
    slot_notes: list[SlotNote] = Field(default_factory=list, max_length=400)
    governance: GovernanceText
    utm_explanation: OutText


def _strategy_meta(upstream: Upstream) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for item in upstream.get("strategy", []):
        if item.get("kind") == "strategy_document":
            meta.update(item.get("metadata") or {})
    return meta


def upstream_assets(upstream: Upstream) -> dict[str, list[dict[str, str]]]:
    """Approved creatives by the platform they are posted on, in their upstream order."""
    by_platform: dict[str, list[dict[str, str]]] = {}
    for item in upstream.get("creatives", []):
        meta = item.get("metadata") or {}
        platform = item.get("platform") or meta.get("target_platform")
        if item.get("kind") in _UNSCHEDULED_KINDS or platform not in CHANNELS:
            continue
        by_platform.setdefault(platform, []).append(
            {"id": str(item["id"]), "kind": str(item.get("kind")), "title": str(item.get("title"))}
        )
    return by_platform


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    meta = _strategy_meta(upstream)
    cadence = {
        plan.get("channel"): posts_per_week_from_cadence(str(plan.get("cadence") or ""))
        for plan in meta.get("channel_plans") or []
    }
    channels = [c for c in meta.get("channels") or campaign.get("channels") or [] if c in CHANNELS]
    weeks = weeks_between(campaign.get("start_date"), campaign.get("end_date")) or meta.get(
        "duration_weeks"
    )
    website = brand.get("website") or ""
    return {
        "start_date": campaign.get("start_date"),
        "end_date": campaign.get("end_date") if campaign.get("start_date") else None,
        "duration_weeks": min(int(weeks), 52) if weeks else None,
        "posts_per_week": {c: cadence.get(c) or DEFAULT_POSTS_PER_WEEK.get(c, 1) for c in channels},
        "posting_times": {c: DEFAULT_TIMES[c] for c in channels},
        "landing_url": website if _WEBSITE.match(website) else None,
    }


def _prepare(
    inputs: ExecutionInputs,
    *,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    upstream: Upstream,
    workspace: Any = None,
) -> dict[str, Any]:
    frequency = {p: n for p, n in inputs.posts_per_week.items() if n > 0}
    if not frequency:
        raise ValidationError(
            "give posts per week for at least one platform, e.g. {'linkedin': 2}",
            field="inputs.posts_per_week",
        )
    end = calendar_end(inputs.start_date, inputs.last_day, end_given=inputs.end_date is not None,
                       campaign_start=campaign.get("start_date"), campaign_end=campaign.get("end_date"))
    meta = _strategy_meta(upstream)
    # the campaign's own length decides the days (a short campaign posts on each of its days)
    days = days_between(campaign.get("start_date"), campaign.get("end_date"))
    days = days or campaign_days(inputs.start_date, end)
    calendar = build_calendar(
        start=inputs.start_date,
        end=end,
        posts_per_week=frequency,
        times=inputs.posting_times,
        blackout_dates=inputs.blackout_dates,
        assets=upstream_assets(upstream),
        weekends=posts_on_weekends(meta.get("audience"), brand.get("industry"), days),
    )
    if not calendar["slots"]:
        raise ValidationError(
            "every planned post falls on a blackout date; remove some blackout dates",
            field="inputs.blackout_dates",
        )
    campaign_name = str(meta.get("campaign_name") or campaign.get("name") or "campaign")
    website = brand.get("website") or ""
    landing = inputs.landing_url or (website if _WEBSITE.match(website) else "")
    links: dict[str, dict[str, Any]] = {}
    for slot in calendar["slots"]:
        key = _link_key(slot["platform"], slot["asset_id"])
        if key not in links:
            params = utm_params(
                platform=slot["platform"], campaign=campaign_name,
                asset_kind=slot["asset_kind"] or "unassigned", asset_id=slot["asset_id"],
            )  # fmt: skip
            links[key] = {
                "platform": slot["platform"], "asset_id": slot["asset_id"], "asset_kind": slot["asset_kind"],
                "title": slot["title"], "utm": params, "link": utm_url(landing, params) if landing else "",
                "posts": 0,
            }  # fmt: skip
        links[key]["posts"] += 1
    # Slots stay compact (the facts are quoted in the prompt); titles and links are looked up. A
    # slot whose platform's assets have all run their share keeps ``fresh_asset`` (the notes say so).
    slots = [
        {**{k: slot[k] for k in ("slot_id", "date", "weekday", "time", "platform", "asset_id")},
         **({"fresh_asset": slot["fresh_asset"]} if slot.get("fresh_asset") else {})}
        for slot in calendar["slots"]
    ]  # fmt: skip
    last = date.fromisoformat(calendar["end_date"])
    weeks_note = inputs.weeks_note(_prefill(brand, campaign, upstream).get("duration_weeks"))
    return {
        "start_date": calendar["start_date"],
        "end_date": calendar["end_date"],
        # the campaign's own dates, for QC's calendar_range: a slot edited outside them is flagged
        "campaign_start_date": iso_day(campaign.get("start_date")),
        "campaign_end_date": iso_day(campaign.get("end_date")),
        "input_notes": [weeks_note] if weeks_note else [],  # inputs the run did not use as given, and why
        "weeks": min(52, campaign_weeks(inputs.start_date, last)),
        "days": campaign_days(inputs.start_date, last),
        "posts_per_week": frequency,
        "blackout_dates": [d.isoformat() for d in inputs.blackout_dates],
        "skipped": calendar["skipped"],
        "campaign_name": campaign_name,
        "display_name": display_theme(campaign_name, str(meta.get("theme") or brand.get("name") or campaign_name)),
        "utm_campaign": slugify(campaign_name) or "campaign",
        "landing_url": landing,
        "links": list(links.values()),
        "slots": slots,
        "kpi_targets": list(meta.get("kpi_targets") or []),
        "currency": meta.get("currency"),
        "decision_rules": list(meta.get("decision_rules") or []),
        "language": meta.get("language") or "",  # the strategy's, for monitoring's report
    }


def _link_key(platform: str, asset_id: str) -> str:
    return f"{platform}:{asset_id}"


def full_slots(facts: dict[str, Any]) -> list[dict[str, Any]]:
    """The calendar's slots with their asset title, kind, UTM parameters and tracked link."""
    links = {_link_key(link["platform"], link["asset_id"]): link for link in facts["links"]}
    slots = []
    for slot in facts["slots"]:
        link = links[_link_key(slot["platform"], slot["asset_id"])]
        slots.append(
            {
                **slot,
                "asset_kind": link["asset_kind"],
                "title": link["title"],
                "needs_asset": not slot["asset_id"],
                "utm": link["utm"],
                "link": link["link"],
            }
        )
    return slots


def _bind_output(facts: dict[str, Any]) -> type[ExecutionOutput]:
    """ExecutionOutput whose slot notes may only name this calendar's slots."""
    ids = tuple(slot["slot_id"] for slot in facts.get("slots") or ())
    return _bound(ids) if ids else ExecutionOutput


@lru_cache(maxsize=32)
def _bound(ids: tuple[str, ...]) -> type[ExecutionOutput]:
    """One model per set of slot ids (see learn's ``_bound``: same ids, same model and schema)."""
    note = create_model("SlotNote", __base__=SlotNote, slot_id=(choice(*ids), ...))  # type: ignore[valid-type]
    return create_model(
        "ExecutionOutput",
        __base__=ExecutionOutput,
        slot_notes=(list[note], Field(default_factory=empty_list, max_length=len(ids))),  # type: ignore[valid-type]
    )


def _notes_by_slot(output: ExecutionOutput, facts: dict[str, Any]) -> dict[str, SlotNote]:
    known = {slot["slot_id"] for slot in facts["slots"]}
    notes: dict[str, SlotNote] = {}
    for index, note in enumerate(output.slot_notes):
        if note.slot_id not in known:
            raise ContractViolation(
                f"slot_notes[{index}] names slot {note.slot_id}, which is not in the calendar",
                field=f"output.slot_notes.{index}.slot_id",
            )
        notes.setdefault(note.slot_id, note)  # a repeated slot keeps its first note
    return notes


def _render(
    output: ExecutionOutput,
    inputs: ExecutionInputs,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    facts: dict[str, Any],
) -> list[Deliverable]:
    if not facts.get("slots"):
        raise ValidationError("the execution module needs its calendar facts", field="facts")
    notes = _notes_by_slot(output, facts)
    expanded = full_slots(facts)
    say = translator(document_language(facts))
    name = facts.get("display_name") or facts["campaign_name"]
    # The weeks note in the document's language (the run's warning, ``input_notes``, stays as stored).
    input_notes = [inputs.weeks_note(say=say) or note for note in facts.get("input_notes") or ()]
    shared = {"campaign_name": facts["campaign_name"], "start_date": facts["start_date"],
              "end_date": facts["end_date"]}  # fmt: skip
    calendar = [
        {"date": s["date"], "time": s["time"], "platform": s["platform"], "asset_id": s["asset_id"],
         "title": needs_asset_text(say) if s["needs_asset"] else s["title"]}  # as the table's Asset cell
        for s in expanded
    ]  # fmt: skip
    notes_meta = {
        slot_id: note.model_dump(mode="json", exclude={"slot_id"})
        for slot_id, note in notes.items()
    }
    return [
        Deliverable(
            kind="content_calendar",
            title=say("Content calendar: {name}", name=name),
            content_markdown=calendar_markdown(facts, expanded, notes, input_notes),
            metadata={
                **shared,
                "calendar": calendar,
                "blackout_dates": list(facts["blackout_dates"]),
                "slot_notes": notes_meta,
                "skipped": list(facts["skipped"]),
                "posts_per_week": dict(facts["posts_per_week"]),
                "weeks": facts["weeks"],
                "days": facts.get("days"),
                "campaign_start_date": facts.get("campaign_start_date"),
                "campaign_end_date": facts.get("campaign_end_date"),
                "input_notes": list(facts.get("input_notes") or ()),
                "utm_campaign": facts["utm_campaign"],
                # Carried for monitoring, which reads targets from its approved upstream.
                "kpi_targets": list(facts["kpi_targets"]),
                "currency": facts.get("currency"),
                "decision_rules": list(facts["decision_rules"]),
                "language": facts.get("language") or "",
            },
        ),
        Deliverable(
            kind="utm_plan",
            title=say("UTM plan: {name}", name=name),
            content_markdown=utm_markdown(facts, output.utm_explanation),
            metadata={
                **shared,
                "utm_campaign": facts["utm_campaign"],
                "landing_url": facts["landing_url"],
                "links": list(facts["links"]),
                "explanation": output.utm_explanation,
            },
        ),
        Deliverable(
            kind="governance_plan",
            title=say("Governance: {name}", name=name),
            content_markdown=governance_markdown(facts, output.governance, list(inputs.approvers),
                                                 inputs.escalation_contact),
            metadata={
                **shared,
                "approvers": list(inputs.approvers),
                "escalation_contact": inputs.escalation_contact,
                **output.governance.model_dump(mode="json"),
            },
        ),
    ]


SPEC = FactBoundSpec(
    info=module_info("execution"),
    input_model=ExecutionInputs,
    output_model=ExecutionOutput,
    prompt_template="execution.v2.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_execution,
    max_output_tokens=16000,
    prepare=_prepare,
    bind_output=_bind_output,
    requote=requote,  # exports quote each creative's approved version (requote.py)
)
