"""A client brief from a YAML or JSON file, read as a person writes it, into a brand and a campaign.

The keys are the intake form's fields (``client_name``, ``website``, ``industry``, ``geography``,
``offer``, ``usp``, ``audience``, ``pain_points``, ``desired_outcomes``, ``objections``,
``objective``, ``kpi_targets``, ``budget``, ``currency``, ``tone``, ``banned_words``,
``disclaimers``, ``languages``) plus the campaign's (``campaign``, ``name``, ``channels``,
``start_date``, ``end_date``). Keys may be written "Client name" or "client-name". Values are taken
the way people write them where the meaning is clear:

    objective: Leads                         -> leads
    budget: "GBP 45,000 per quarter"         -> 45000, GBP, per quarter (and the campaign total)
    pain_points: "slow rotas, no-shows"      -> ["slow rotas", "no-shows"]
    channels: "LinkedIn, Google Ads (search), Meta / Facebook"  -> linkedin, ads, facebook
    kpi_targets: ["120 free-trial sign-ups", "cost per sign-up under £35"]

A KPI line is kept verbatim, and its number and metric parsed when the line has exactly one
number. Anything unclear fails with ``BriefError`` naming the key and what would be accepted.
``create_from_brief`` makes the brand (or reuses the client's) and the campaign, with the intake
and strategy inputs prefilled from the brief (``campaign.brief["inputs"]``).
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from ..errors import ValidationError
from ..text_files import decode_text
from .values import (
    BUDGET_PERIODS,
    OBJECTIVES,
    BriefError,
    as_list,
    as_text,
    campaign_days,
    campaign_weeks,
    key_error,
    months_between,
    parse_brief_date,
    parse_budget,
    parse_channels,
    parse_kpi_line,
    parse_kpi_targets,
    parse_objective,
    unread_budget_words,
)

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = [
    "BRIEF_KEYS",
    "BriefData",
    "BriefError",
    "BriefFile",
    "ParsedBrief",
    "brief_json_schema",
    "briefs_in_folder",
    "create_from_brief",
    "create_from_folder",
    "parse_brief",
    "parse_budget",
    "parse_channels",
    "parse_kpi_line",
    "parse_objective",
    "read_brief_bytes",
    "read_brief_file",
]


# --------------------------------------------------------------------------- the file's shape

_Text = str
_TextList = list[str] | str


class KpiTargetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    metric: str
    target: float | str
    unit: str = ""


class BriefFile(BaseModel):
    """The keys a brief file may hold, and the forms each value may take (the JSON Schema that
    ``aicmo new --schema`` prints). Only ``client_name`` is required."""

    model_config = ConfigDict(extra="forbid", title="AICMO client brief")

    client_name: _Text = Field(description="the client's (brand's) name")
    website: _Text | None = Field(None, description="https://... or 'none'")
    industry: _Text | None = None
    geography: _Text | None = None
    offer: _Text | None = None
    usp: _Text | None = None
    audience: _Text | None = Field(None, description="who buys; roles named here are matched to lead titles")
    pain_points: _TextList | None = Field(None, description="a list, or text separated by commas or lines")
    desired_outcomes: _TextList | None = None
    objections: _TextList | None = None
    objective: _Text | None = Field(None, description=f"one of {', '.join(OBJECTIVES)} (e.g. 'Leads')")
    objectives: _TextList | None = Field(None, description="the campaign's objectives in words (default: the KPI lines)")
    kpi_targets: list[KpiTargetIn | str] | str | None = Field(
        None, description="structured {metric, target, unit} or plain lines like '120 free-trial sign-ups'"
    )
    budget: float | str | None = Field(
        None, description="a number, or text like 'GBP 45,000 per quarter', '£6k in total', '$2,500/month'"
    )
    budget_period: _Text | None = Field(None, description=f"one of {', '.join(BUDGET_PERIODS)}")
    currency: _Text | None = Field(None, description="ISO code (GBP) or sign (£)")
    tone: _Text | None = None
    voice: _Text | None = None
    banned_words: _TextList | None = None
    disclaimers: _TextList | None = None
    languages: _TextList | None = None
    campaign: _Text | None = Field(None, description="the campaign's short id (e.g. spring-2027)")
    name: _Text | None = Field(None, description="the campaign's display name or theme, used in copy")
    channels: _TextList | None = Field(None, description="display names: LinkedIn, Google Ads (search), Meta / Facebook, ...")
    start_date: _Text | date | None = Field(None, description="2027-03-01 or 1 March 2027")
    end_date: _Text | date | None = None
    duration_weeks: int | str | None = None


BRIEF_KEYS = tuple(BriefFile.model_fields)


def brief_json_schema() -> dict[str, Any]:
    return BriefFile.model_json_schema()


# --------------------------------------------------------------------------- parsing


@dataclass
class ParsedBrief:
    brand: dict[str, Any]
    campaign: dict[str, Any]
    intake: dict[str, Any]
    strategy: dict[str, Any]
    budget: dict[str, Any] | None = None
    kpi_lines: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _key(raw: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(raw).strip().lower())


def parse_brief(data: dict[str, Any]) -> ParsedBrief:
    """The brief's values, checked and normalised; raises ``BriefError`` naming the key."""
    if not isinstance(data, dict):
        raise BriefError("brief: the file must hold keys and values (a mapping), not a list or text", field="brief")
    values: dict[str, Any] = {}
    written: dict[str, str] = {}
    for raw_key, value in data.items():
        key = _key(raw_key)
        if key not in BRIEF_KEYS:
            close = difflib.get_close_matches(key, BRIEF_KEYS, n=1)
            raise key_error(str(raw_key), "is not a brief key" + (f"; did you mean {close[0]}?" if close else
                        f"; keys are {', '.join(BRIEF_KEYS)}"))  # fmt: skip
        if key in values:  # "Client name" and "client_name": one of them would be dropped without a word
            raise key_error(str(raw_key), f"is given twice (also as {written[key]}); keep one")
        values[key], written[key] = value, str(raw_key)
    client = as_text("client_name", values.get("client_name"))
    if not client:
        raise key_error("client_name", "is required: the client's name")
    warnings: list[str] = list(getattr(data, "read_notes", ()))  # how the file was read (``BriefData``)
    start, end = parse_brief_date("start_date", values.get("start_date")), parse_brief_date("end_date", values.get("end_date"))
    if start and end and end < start:  # the same day is a one-day campaign (an event, a launch day)
        raise key_error("end_date", f"{end} is before start_date {start}")
    weeks = _weeks(values.get("duration_weeks"))
    if weeks and start and not end:
        end = start + timedelta(days=7 * weeks - 1)
    elif weeks and end and not start:
        start = end - timedelta(days=7 * weeks - 1)
    elif weeks and start and end and _weeks_between(start, end) != weeks:
        warnings.append(f"duration_weeks {weeks} does not match start_date {start} and end_date {end} "
                        f"({_weeks_between(start, end)} weeks); the dates are used")  # fmt: skip
    objective = parse_objective(values["objective"]) if values.get("objective") not in (None, "") else None
    channels = parse_channels(values.get("channels"))
    budget = None
    if values.get("budget") not in (None, ""):
        budget = parse_budget(values["budget"], period=values.get("budget_period"), currency=values.get("currency"))
        budget.update(_campaign_total(budget, start, end, warnings))
        unread = unread_budget_words(values["budget"]) if isinstance(values["budget"], str) else ""
        if budget["period"] == "total" and unread:  # "6.000 € al mes": a period in words the reader does not know
            warnings.append(f"budget {values['budget']!r} is read as a campaign total; the words {unread!r} were not "
                            "read: if they say how often, write per day, per week, per month, per quarter "
                            "or per year")  # fmt: skip
    elif values.get("budget_period"):
        raise key_error("budget_period", "is given without a budget")
    currency = (budget or {}).get("currency") or as_text("currency", values.get("currency")).upper() or None
    kpis = parse_kpi_targets(values.get("kpi_targets")) if values.get("kpi_targets") else []
    for line in kpis:
        if line["target"] is None:
            warnings.append(f"KPI target {line['text']!r} kept as written: its number and metric are not clear")
    tone = as_text("tone", values.get("tone"))
    voice = as_text("voice", values.get("voice")) or tone
    banned, disclaimers = as_list("banned_words", values.get("banned_words")), as_list("disclaimers", values.get("disclaimers"))
    website = as_text("website", values.get("website")) or None
    campaign_id = _slug(as_text("campaign", values.get("campaign")) or as_text("name", values.get("name")) or client)
    name = as_text("name", values.get("name")) or campaign_id
    brand = {"name": client, "website": website if website and website.lower() not in {"none", "n/a", "no", "-"} else None,
             "industry": as_text("industry", values.get("industry")) or None,
             "geography": as_text("geography", values.get("geography")) or None, "voice": voice or None,
             "banned_words": banned, "disclaimers": disclaimers}  # fmt: skip
    intake: dict[str, Any] = {"client_name": client, "website": website or "none"}
    for key in ("industry", "geography", "offer", "usp", "audience"):
        if values.get(key):
            intake[key] = as_text(key, values[key])
    for key in ("pain_points", "desired_outcomes", "objections", "languages"):
        if values.get(key):
            intake[key] = as_list(key, values[key])
    intake.update({k: v for k, v in {
        "objective": objective, "tone": tone or None, "banned_words": banned or None,
        "disclaimers": disclaimers or None, "currency": currency,
        "budget": budget["campaign_total"] if budget and budget.get("campaign_total") is not None else None,
        "start_date": start.isoformat() if start else None, "end_date": end.isoformat() if end else None,
        "kpi_targets": [{"metric": k["metric"], "target": k["target"], "unit": k["unit"]}
                        for k in kpis if k["target"] is not None] or None,
    }.items() if v is not None})  # fmt: skip
    objectives = as_list("objectives", values.get("objectives")) or [k["text"] for k in kpis][:8]
    notes = [f"Budget: {budget['amount']:,.2f} {budget['currency'] or ''} per {budget['period']}; campaign total "
             f"{budget['total_basis']}".replace("  ", " ")] if budget and budget["period"] != "total" else []
    notes += [f"KPI target as written: {k['text']}" for k in kpis if k["target"] is None]
    strategy = {k: v for k, v in {
        "campaign_name": name, "objectives": objectives or None, "channels": channels or None,
        "budget": intake.get("budget"), "currency": currency,
        "duration_weeks": _weeks_between(start, end) if start and end else weeks,
        "offer": intake.get("offer"), "audience": intake.get("audience"), "tone": tone or None,
        "kpi_targets": intake.get("kpi_targets"), "notes": "\n".join(notes) or None,
    }.items() if v is not None}  # fmt: skip
    campaign = {"name": campaign_id, "display_name": name, "objective": objective,
                "budget": intake.get("budget"), "start_date": start, "end_date": end, "channels": channels}  # fmt: skip
    return ParsedBrief(brand, campaign, intake, strategy, budget, kpis, warnings)


def _weeks(value: object) -> int | None:
    """``duration_weeks``: a whole number of weeks from 1 to 104 ("8", "8 weeks"), or None."""
    if value in (None, ""):
        return None
    found = None if isinstance(value, bool) else re.fullmatch(r"\s*(\d{1,3})\s*(?:w|wks?|weeks?)?\.?\s*", str(value),
                                                               re.IGNORECASE)  # fmt: skip
    if found is None or not 1 <= int(found[1]) <= 104:
        raise key_error("duration_weeks", f"{value!r} is not a number of weeks from 1 to 104 (e.g. 8)")
    return int(found[1])


def _weeks_between(start: date, end: date) -> int:
    return min(104, campaign_weeks(start, end))  # duration_weeks runs from 1 to 104


def _campaign_total(budget: dict[str, Any], start: date | None, end: date | None, warnings: list[str]) -> dict[str, Any]:
    """A daily, monthly or quarterly budget is not a total: the total is the amount times the
    campaign's length (its days, weeks or calendar months)."""
    if budget["period"] == "total":
        return {"campaign_total": budget["amount"], "total_basis": "the budget is the campaign total"}
    if not (start and end):
        warnings.append(f"the budget is per {budget['period']} and the brief has no start_date and end_date, "
                        "so the campaign total is not known; the forms show no total budget")  # fmt: skip
        return {"campaign_total": None, "total_basis": "campaign dates unknown"}
    days = campaign_days(start, end)
    plural = "s" if days != 1 else ""
    if budget["period"] == "day":
        return {"campaign_total": round(budget["amount"] * days, 2),
                "total_basis": f"{budget['amount']:,.2f} per day x {days} day{plural}"}
    periods = days / 7 if budget["period"] == "week" else months_between(start, end) / _MONTHS_PER[budget["period"]]
    total = round(budget["amount"] * periods, 2)
    share = f"{periods:.2f}" if periods >= 1 else f"{periods:.4f}"  # a one-day campaign is 0.0333 months, not 0.03
    return {"campaign_total": total,
            "total_basis": f"{budget['amount']:,.2f} per {budget['period']} x {share} {budget['period']}s "
                           f"({days} day{plural})"}


_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12}


def _slug(text: str) -> str:
    # "Müller" is muller, not m-ller: accents come off before anything but a-z and 0-9 is dropped
    plain = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60] or "campaign"


# --------------------------------------------------------------------------- files and the workspace


def read_brief_file(path: Path) -> dict[str, Any]:
    """The mapping in a YAML (.yaml, .yml) or JSON file."""
    if not path.is_file():
        raise BriefError(f"brief: no file at {path}", field="brief")
    return read_brief_bytes(path.read_bytes(), path.name)


class BriefData(dict[str, Any]):
    """A brief file's keys and values, and ``read_notes``: what the user should know about how the
    file was read (that it was not UTF-8). ``parse_brief`` passes them on as warnings."""

    def __init__(self, values: dict[str, Any], read_notes: tuple[str, ...] = ()) -> None:
        super().__init__(values)
        self.read_notes = read_notes


def read_brief_bytes(data: bytes, filename: str) -> dict[str, Any]:
    """The mapping in an uploaded brief (the campaign notebook's upload): JSON by its name, else YAML.

    The text is decoded by the imports' one rule (``text_files.decode_text``): UTF-8, UTF-16 with
    its byte-order mark (Notepad's "Unicode"), or Windows-1252 (Word's and Notepad's plain "ANSI"
    text in Western Europe), the last with a note, since it is a reading rather than a certainty."""
    decoded = decode_text(data)
    if decoded is None:
        raise BriefError(f"brief: {filename} is not text in UTF-8, UTF-16 or Windows-1252; save it as UTF-8 "
                         "text and load it again", field="brief")  # fmt: skip
    text = decoded.text.lstrip("\ufeff")
    notes: tuple[str, ...] = ()
    if decoded.encoding == "cp1252":
        notes = ((f"{filename} is not UTF-8: it was read as Windows-1252 (Word's or Notepad's plain 'ANSI' text); "
                  "if accented letters look wrong, save it as UTF-8 and load it again"),)  # fmt: skip
    if filename.lower().endswith(".json"):
        try:
            # a number stays as written, so "45.000" is read the way a budget is (forty-five thousand)
            parsed = json.loads(text, parse_float=str, object_pairs_hook=_unique_keys)
        except json.JSONDecodeError as exc:
            raise BriefError(f"brief: {filename} is not valid JSON (line {exc.lineno}: {exc.msg})", field="brief") from None
        except ValueError as exc:
            raise BriefError(f"brief: {filename}: {exc}", field="brief") from None
    else:
        import yaml  # imported here: only a YAML brief needs it

        try:
            parsed = yaml.load(text, Loader=_brief_yaml_loader())  # a SafeLoader
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None)
            line = f" (line {where.line + 1}{f': {problem}' if problem else ''})" if where is not None else ""
            raise BriefError(f"brief: {filename} is not valid YAML{line}", field="brief") from None
    if not isinstance(parsed, dict):
        raise BriefError(f"brief: {filename} must hold keys and values (client_name: ...)", field="brief")
    return BriefData(parsed, notes)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise ValueError(f"{key!r} is given twice; keep one")
        mapping[key] = value
    return mapping


@functools.cache
def _brief_yaml_loader() -> type:
    """YAML's safe loader, reading values as a person means them (YAML 1.2's way): only true and
    false are yes/no values (Norway's code NO, "yes" and "on" stay text), 0042 stays text rather
    than an octal 34, 12:30 is not the base-60 number 750, and 45.000 stays text for the money
    reader (forty-five thousand, not 45.0). A key given twice is an error, not the later value."""
    import yaml

    class BriefLoader(yaml.SafeLoader):
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            seen = set()
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                if isinstance(key, str) and key in seen:  # other keys are refused as brief keys later
                    raise yaml.constructor.ConstructorError(None, None, f"{key!r} is given twice; keep one",
                                                            key_node.start_mark)  # fmt: skip
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    guesses = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    BriefLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in guesses]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    BriefLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                      list("tTfF"))  # fmt: skip
    BriefLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"),
                                      list("-+0123456789"))  # fmt: skip
    return BriefLoader


def create_from_brief(ws: Workspace, data: dict[str, Any]) -> dict[str, Any]:
    """Create the campaign (and the brand, unless the client exists) from a brief's data."""
    from ..errors import NotFoundError

    parsed = parse_brief(data)
    try:
        ws.get_campaign(parsed.campaign["name"])
        raise key_error("campaign", f"a campaign named {parsed.campaign['name']!r} already exists; give another id")
    except NotFoundError:
        pass
    try:
        brand = ws.get_brand(parsed.brand["name"])
        brand_created = False
    except NotFoundError:
        fields = {k: v for k, v in parsed.brand.items() if k != "name"}
        brand = ws.create_brand(parsed.brand["name"], **fields)
        brand_created = True
    inputs: dict[str, Any] = {"intake": parsed.intake, "strategy": parsed.strategy}
    record = {"inputs": inputs, "display_name": parsed.campaign["display_name"],
              "budget": parsed.budget, "kpi_lines": parsed.kpi_lines, "source": "brief"}  # fmt: skip
    campaign = ws.create_campaign(
        brand.name, parsed.campaign["name"], objective=parsed.campaign["objective"],
        budget=parsed.campaign["budget"], start_date=parsed.campaign["start_date"],
        end_date=parsed.campaign["end_date"], channels=parsed.campaign["channels"], brief=record,
    )  # fmt: skip
    return {"brand": brand.model_dump(mode="json"), "brand_created": brand_created,
            "campaign": campaign.model_dump(mode="json"), "warnings": parsed.warnings}  # fmt: skip


BRIEF_SUFFIXES = (".yaml", ".yml", ".json")


def briefs_in_folder(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Every brief file of ``folder`` (YAML or JSON, by name), each read and checked before any is
    created, so one broken file creates nothing; the error names the file and the key."""
    if not folder.is_dir():
        raise BriefError(f"briefs: {folder} is not a folder", field="briefs")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in BRIEF_SUFFIXES and p.is_file())
    if not files:
        raise BriefError(f"briefs: {folder} has no .yaml, .yml or .json files", field="briefs")
    found: list[tuple[Path, dict[str, Any]]] = []
    ids: dict[str, Path] = {}
    for path in files:
        data = read_brief_file(path)
        try:
            parsed = parse_brief(data)
        except BriefError as exc:
            raise BriefError(f"{path.name}: {exc.message}", field=exc.field) from None
        if parsed.campaign["name"] in ids:
            raise BriefError(f"{path.name}: campaign {parsed.campaign['name']!r} is also the campaign of "
                             f"{ids[parsed.campaign['name']].name}; give each brief its own campaign id",
                             field="brief.campaign")  # fmt: skip
        ids[parsed.campaign["name"]] = path
        found.append((path, data))
    return found


def create_from_folder(ws: Workspace, folder: Path) -> list[dict[str, Any]]:
    """One campaign per brief file of ``folder``; what ``create_from_brief`` returns, per file."""
    created = []
    for path, data in briefs_in_folder(folder):
        try:
            created.append({"file": path.name, **create_from_brief(ws, data)})
        except ValidationError as exc:
            raise type(exc)(f"{path.name}: {exc.message}", field=exc.field) from None
    return created
