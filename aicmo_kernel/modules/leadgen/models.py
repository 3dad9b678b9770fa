"""Leadgen's inputs (where the leads are, which of them to work on) and the model's answer
(notes for the top leads, one outreach sequence per tier, lead-magnet ideas), with their checks."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from ...leads import LEAD_STATUSES
from ...leads.crm_formats import FIELDS as CRM_FIELDS
from ..fields import InputModel, Integer, OutputModel, OutText, choice

__all__ = ["LeadMagnet", "LeadNote", "LeadgenInputs", "LeadgenOutput", "OutreachSequence", "Sequences", "Touch"]

LeadStatus = choice("new", "contacted", "engaged", "qualified", "lost")
LeadStatusOrSkip = choice("new", "contacted", "engaged", "qualified", "lost", "skip")
LeadField = Literal[CRM_FIELDS]  # type: ignore[valid-type]
_Line = Annotated[str, StringConstraints(min_length=1, max_length=200)]


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

