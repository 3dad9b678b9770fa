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
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from .errors import ValidationError

if TYPE_CHECKING:
    from .store import Workspace

__all__ = [
    "BRIEF_KEYS",
    "BriefError",
    "BriefFile",
    "ParsedBrief",
    "brief_json_schema",
    "create_from_brief",
    "parse_brief",
    "read_brief_file",
]

OBJECTIVES = ("awareness", "consideration", "leads", "sales", "retention", "launch")
BUDGET_PERIODS = ("total", "week", "month", "quarter", "year")
_OBJECTIVE_WORDS = {
    "lead": "leads", "leads": "leads", "lead generation": "leads", "lead gen": "leads",
    "generate leads": "leads", "sign ups": "leads", "signups": "leads", "demand generation": "leads",
    "awareness": "awareness", "brand awareness": "awareness", "reach": "awareness",
    "consideration": "consideration", "traffic": "consideration", "engagement": "consideration",
    "sales": "sales", "revenue": "sales", "conversions": "sales", "purchases": "sales",
    "retention": "retention", "loyalty": "retention", "churn": "retention",
    "launch": "launch", "product launch": "launch",
}  # fmt: skip
CHANNEL_NAMES = {
    "linkedin": ("linkedin", "linked in", "linkedin ads"),
    "instagram": ("instagram", "ig", "insta", "instagram ads"),
    "x": ("x", "twitter", "x (twitter)", "twitter (x)", "x / twitter", "twitter / x"),
    "email": ("email", "e-mail", "newsletter", "email marketing"),
    "facebook": ("facebook", "meta", "fb", "meta ads", "facebook ads", "meta / facebook", "facebook / meta"),
    "tiktok": ("tiktok", "tik tok", "tiktok ads"),
    "youtube": ("youtube", "you tube", "youtube ads"),
    "blog": ("blog", "content marketing", "seo"),
    "ads": ("ads", "paid ads", "google ads", "google ads (search)", "google search", "search ads",
            "paid search", "ppc", "sem", "adwords", "microsoft ads", "bing ads", "google"),
}  # fmt: skip
_CHANNEL_ALIASES = {alias: key for key, aliases in CHANNEL_NAMES.items() for alias in aliases}
_CURRENCY_SIGNS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "us$": "USD", "a$": "AUD",
                   "c$": "CAD", "au$": "AUD", "ca$": "CAD"}  # fmt: skip
_PERIOD_WORDS = (
    (r"per\s+week|a\s+week|weekly|/\s*w(?:ee)?k\b|\bpw\b", "week"),
    (r"per\s+month|a\s+month|monthly|/\s*mo(?:nth)?\b|\bpcm\b|\bp\.?m\.?$|pro\s+monat|monatlich|par\s+mois|mensuel",
     "month"),
    (r"per\s+quarter|a\s+quarter|quarterly|/\s*q(?:uarter|tr)?\b|\bper\s+q\b|pro\s+quartal|par\s+trimestre",
     "quarter"),
    (r"per\s+(?:year|annum)|a\s+year|annual(?:ly)?|yearly|/\s*y(?:ea)?r\b|\bp\.?a\.?$|pro\s+jahr|j(?:ä|ae)hrlich|par\s+an",
     "year"),
    (r"\btotal\b|in\s+total|overall|for\s+the\s+(?:whole\s+)?campaign|all\s+in", "total"),
)


class BriefError(ValidationError):
    """A brief that cannot be read as written; ``field`` is ``brief.<key>``."""


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


def _fail(key: str, message: str) -> BriefError:
    return BriefError(f"brief: {key}: {message}", field=f"brief.{key}")


def _key(raw: object) -> str:
    return re.sub(r"[\s\-]+", "_", str(raw).strip().lower())


def _text(key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        raise _fail(key, "write it as text, not a list")
    return str(value).strip()


def _list(key: str, value: object) -> list[str]:
    """An array, or text split by lines or bullets, else by semicolons, else by commas."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        items = [_text(key, v) for v in value]
    elif isinstance(value, str):
        text = value.strip()
        if "\n" in text:
            items = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line) for line in text.splitlines()]
        else:
            items = re.split(r"\s*;\s*" if ";" in text else r"\s*,\s*", text)
    else:
        raise _fail(key, f"{value!r} is not a list or text")
    return [item.strip() for item in items if item and item.strip()]


def parse_objective(value: object, key: str = "objective") -> str:
    text = " ".join(re.findall(r"[a-z]+", _text(key, value).lower()))
    if text in _OBJECTIVE_WORDS:
        return _OBJECTIVE_WORDS[text]
    raise _fail(key, f"{value!r} is not an objective; write one of {', '.join(OBJECTIVES)}")


def parse_channels(value: object, key: str = "channels") -> list[str]:
    channels: list[str] = []
    for item in _list(key, value):
        plain = " ".join(item.lower().replace("/", " / ").split())
        found = _CHANNEL_ALIASES.get(plain) or _CHANNEL_ALIASES.get(re.sub(r"\s*\(.*?\)\s*", "", plain).strip())
        parts = [] if found else [p.strip() for p in plain.split("/") if p.strip()]
        keys = [found] if found else [_CHANNEL_ALIASES.get(p) for p in parts]
        if not keys or None in keys:
            names = ", ".join(aliases[0] for aliases in CHANNEL_NAMES.values())
            raise _fail(key, f"{item!r} is not a channel the workbench plans for; use one of: {names} "
                             "(Google Ads and other paid search are 'ads'; Meta is 'facebook')")
        channels.extend(k for k in keys if k and k not in channels)
    return channels


def _currency(text: str) -> str | None:
    lowered = text.lower()
    for sign in sorted(_CURRENCY_SIGNS, key=len, reverse=True):
        if sign in lowered:
            return _CURRENCY_SIGNS[sign]
    codes = set(re.findall(r"\b([A-Z]{3})\b", text.upper())) & {
        "GBP", "USD", "EUR", "AUD", "CAD", "NZD", "CHF", "SEK", "NOK", "DKK", "JPY", "INR", "SGD", "ZAR", "PLN"}
    if len(codes) > 1:
        raise ValueError(f"names several currencies ({', '.join(sorted(codes))})")
    return codes.pop() if codes else None


def parse_money(text: str) -> float:
    """'45,000' 45000 · '45.000' 45000 (money has no 3-decimal amounts) · '1.234,56' · '6k' · '1.5m'."""
    match = re.search(r"(\d[\d.,\s\u00a0']*)\s*([km]|mn|million|thousand)?\b", text.lower())
    if not match:
        raise ValueError("has no amount")
    number = re.sub(r"[\s\u00a0']", "", match[1]).rstrip(".,")
    last = max(number.rfind("."), number.rfind(","))
    if last != -1:
        whole, tail = number[:last], number[last + 1:]
        if len(tail) == 3 and not (whole.count(".") and whole.count(",")):
            number = re.sub(r"[.,]", "", number)  # 45,000 / 45.000 / 1,234,567: thousands
        else:
            number = re.sub(r"[.,]", "", whole) + "." + tail
    value = float(number)
    scale = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6}.get(match[2] or "", 1)
    if len(re.findall(r"\d[\d.,\s']*", text)) > 1:
        raise ValueError("has more than one number")
    return round(value * scale, 2)


def parse_budget(value: object, *, period: object = None, currency: object = None) -> dict[str, Any]:
    """``{"amount", "currency", "period"}`` from a number or text like 'GBP 45,000 per quarter'."""
    if isinstance(value, bool):
        raise _fail("budget", "write an amount like 'GBP 45,000 per quarter'")
    if isinstance(value, int | float):
        amount, found_currency, found_period = float(value), None, None
    else:
        text = _text("budget", value)
        try:
            amount, found_currency = parse_money(text), _currency(text)
        except ValueError as exc:
            raise _fail("budget", f"{text!r} {exc}; write an amount like 'GBP 45,000 per quarter'") from None
        found_period = next((p for pattern, p in _PERIOD_WORDS if re.search(pattern, text.lower())), None)
    if not math.isfinite(amount) or amount < 0:
        raise _fail("budget", f"{value!r} is not an amount of 0 or more")
    given_period = _text("budget_period", period).lower() or None
    if given_period is not None:
        given_period = next((p for pattern, p in _PERIOD_WORDS if re.search(pattern, given_period)),
                            given_period.removeprefix("per ").strip())
        if given_period not in BUDGET_PERIODS:
            raise _fail("budget_period", f"{period!r} is not one of {', '.join(BUDGET_PERIODS)}")
        if found_period and found_period != given_period:
            raise _fail("budget_period", f"says {given_period} but budget says per {found_period}")
    code = _text("currency", currency).upper() or None
    if code:
        code = _CURRENCY_SIGNS.get(code.lower(), code)
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise _fail("currency", f"{currency!r} is not a currency code like GBP, USD or EUR")
        if found_currency and found_currency != code:
            raise _fail("currency", f"says {code} but budget is in {found_currency}")
    return {"amount": amount, "currency": code or found_currency, "period": given_period or found_period or "total"}


def parse_kpi_line(line: str) -> dict[str, Any]:
    """``{"text", "metric", "target", "unit"}``; metric and target only when the line has one number."""
    text = " ".join(line.split())
    numbers = re.findall(r"\d[\d,.]*\s*[km]?\b", text.lower())
    out: dict[str, Any] = {"text": text, "metric": None, "target": None, "unit": ""}
    if len(numbers) != 1:
        return out
    match = re.search(r"([£$€]|\b[A-Z]{3}\b)?\s*(\d[\d,.]*)\s*([km]\b)?\s*(%|[A-Z]{3}\b)?", text)
    assert match is not None
    try:
        target = parse_money(match[2] + (match[3] or ""))
    except ValueError:
        return out
    unit = "%" if match[4] == "%" else _CURRENCY_SIGNS.get((match[1] or "").lower()) or (match[1] or match[4] or "")
    metric = (text[: match.start()] + " " + text[match.end():]).strip()
    metric = re.sub(r"^[\s:,-]+|[\s:,-]+$", "", metric)
    metric = re.sub(r"\b(?:under|below|at least|at most|of|over|above|target|minimum|maximum|max|min|by)\b\s*$|"
                    r"^\s*(?:under|below|at least|at most|of|over|above|target|minimum|maximum|max|min)\b", "", metric)
    metric = re.sub(r"\s*[:=]\s*$|\s+", " ", metric).strip(" :-")
    if not metric:
        return out
    return {**out, "metric": metric[:120], "target": target, "unit": unit or "count"}


def parse_kpi_targets(value: object) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else _list("kpi_targets", value)
    parsed = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            unknown = set(item) - {"metric", "target", "unit"}
            if unknown or "metric" not in item or "target" not in item:
                raise _fail(f"kpi_targets[{index}]", "give metric and target (and unit), or write the target as a line")
            try:
                target = float(item["target"]) if not isinstance(item["target"], str) else parse_money(item["target"])
            except ValueError:
                raise _fail(f"kpi_targets[{index}]", f"target {item['target']!r} is not a number") from None
            metric = str(item["metric"]).strip()
            unit = str(item.get("unit") or "count").strip()
            parsed.append({"text": f"{metric}: {item['target']} {unit}".strip(), "metric": metric,
                           "target": target, "unit": unit})  # fmt: skip
        else:
            parsed.append(parse_kpi_line(str(item)))
    return parsed


def parse_brief_date(key: str, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    from .analytics.locale_values import parse_date

    text = _text(key, value)
    try:
        return parse_date(text, "")
    except ValueError:
        raise _fail(key, f"{text!r} is not a date I can read without guessing; write 2027-03-01 or 1 March 2027") from None


def parse_brief(data: dict[str, Any]) -> ParsedBrief:
    """The brief's values, checked and normalised; raises ``BriefError`` naming the key."""
    if not isinstance(data, dict):
        raise BriefError("brief: the file must hold keys and values (a mapping), not a list or text", field="brief")
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = _key(raw_key)
        if key not in BRIEF_KEYS:
            close = difflib.get_close_matches(key, BRIEF_KEYS, n=1)
            raise _fail(str(raw_key), "is not a brief key" + (f"; did you mean {close[0]}?" if close else
                        f"; keys are {', '.join(BRIEF_KEYS)}"))  # fmt: skip
        values[key] = value
    client = _text("client_name", values.get("client_name"))
    if not client:
        raise _fail("client_name", "is required: the client's name")
    warnings: list[str] = []
    start, end = parse_brief_date("start_date", values.get("start_date")), parse_brief_date("end_date", values.get("end_date"))
    if start and end and end <= start:
        raise _fail("end_date", f"{end} is not after start_date {start}")
    objective = parse_objective(values["objective"]) if values.get("objective") not in (None, "") else None
    channels = parse_channels(values.get("channels"))
    budget = None
    if values.get("budget") not in (None, ""):
        budget = parse_budget(values["budget"], period=values.get("budget_period"), currency=values.get("currency"))
        budget.update(_campaign_total(budget, start, end, warnings))
    elif values.get("budget_period"):
        raise _fail("budget_period", "is given without a budget")
    currency = (budget or {}).get("currency") or _text("currency", values.get("currency")).upper() or None
    kpis = parse_kpi_targets(values.get("kpi_targets")) if values.get("kpi_targets") else []
    for line in kpis:
        if line["target"] is None:
            warnings.append(f"KPI target {line['text']!r} kept as written: its number and metric are not clear")
    tone = _text("tone", values.get("tone"))
    voice = _text("voice", values.get("voice")) or tone
    banned, disclaimers = _list("banned_words", values.get("banned_words")), _list("disclaimers", values.get("disclaimers"))
    website = _text("website", values.get("website")) or None
    campaign_id = _slug(_text("campaign", values.get("campaign")) or _text("name", values.get("name")) or client)
    name = _text("name", values.get("name")) or campaign_id
    brand = {"name": client, "website": website if website and website.lower() not in {"none", "n/a"} else None,
             "industry": _text("industry", values.get("industry")) or None,
             "geography": _text("geography", values.get("geography")) or None, "voice": voice or None,
             "banned_words": banned, "disclaimers": disclaimers}  # fmt: skip
    intake: dict[str, Any] = {"client_name": client, "website": website or "none"}
    for key in ("industry", "geography", "offer", "usp", "audience"):
        if values.get(key):
            intake[key] = _text(key, values[key])
    for key in ("pain_points", "desired_outcomes", "objections", "languages"):
        if values.get(key):
            intake[key] = _list(key, values[key])
    intake.update({k: v for k, v in {
        "objective": objective, "tone": tone or None, "banned_words": banned or None,
        "disclaimers": disclaimers or None, "currency": currency,
        "budget": budget["campaign_total"] if budget and budget.get("campaign_total") is not None else None,
        "start_date": start.isoformat() if start else None, "end_date": end.isoformat() if end else None,
        "kpi_targets": [{"metric": k["metric"], "target": k["target"], "unit": k["unit"]}
                        for k in kpis if k["target"] is not None] or None,
    }.items() if v is not None})  # fmt: skip
    objectives = _list("objectives", values.get("objectives")) or [k["text"] for k in kpis][:8]
    notes = [f"Budget: {budget['amount']:,.2f} {budget['currency'] or ''} per {budget['period']}; campaign total "
             f"{budget['total_basis']}".replace("  ", " ")] if budget and budget["period"] != "total" else []
    notes += [f"KPI target as written: {k['text']}" for k in kpis if k["target"] is None]
    strategy = {k: v for k, v in {
        "campaign_name": name, "objectives": objectives or None, "channels": channels or None,
        "budget": intake.get("budget"), "currency": currency,
        "duration_weeks": min(104, max(1, math.ceil(((end - start).days + 1) / 7))) if start and end else None,
        "offer": intake.get("offer"), "audience": intake.get("audience"), "tone": tone or None,
        "kpi_targets": intake.get("kpi_targets"), "notes": "\n".join(notes) or None,
    }.items() if v is not None}  # fmt: skip
    campaign = {"name": campaign_id, "display_name": name, "objective": objective,
                "budget": intake.get("budget"), "start_date": start, "end_date": end, "channels": channels}  # fmt: skip
    return ParsedBrief(brand, campaign, intake, strategy, budget, kpis, warnings)


def _campaign_total(budget: dict[str, Any], start: date | None, end: date | None, warnings: list[str]) -> dict[str, Any]:
    """A monthly or quarterly budget is not a total: the total is the amount times the campaign's length."""
    if budget["period"] == "total":
        return {"campaign_total": budget["amount"], "total_basis": "the budget is the campaign total"}
    if not (start and end):
        warnings.append(f"the budget is per {budget['period']} and the brief has no start_date and end_date, "
                        "so the campaign total is not known; the forms show no total budget")  # fmt: skip
        return {"campaign_total": None, "total_basis": "campaign dates unknown"}
    days = (end - start).days + 1
    periods = days / 7 if budget["period"] == "week" else _months(start, end) / _MONTHS_PER[budget["period"]]
    total = round(budget["amount"] * periods, 2)
    return {"campaign_total": total,
            "total_basis": f"{budget['amount']:,.2f} per {budget['period']} x {periods:.2f} {budget['period']}s ({days} days)"}


_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12}


def _months(start: date, end: date) -> float:
    """Calendar months from ``start`` to ``end`` inclusive: 1 March to 31 May is 3, to 15 April 1.5."""
    whole = 0
    while _add_months(start, whole + 1) <= end + timedelta(days=1):
        whole += 1
    begun = _add_months(start, whole)
    following = _add_months(start, whole + 1)
    return whole + ((end - begun).days + 1) / (following - begun).days if begun <= end else float(whole)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "campaign"


# --------------------------------------------------------------------------- files and the workspace


def read_brief_file(path: Path) -> dict[str, Any]:
    """The mapping in a YAML (.yaml, .yml) or JSON file."""
    if not path.is_file():
        raise BriefError(f"brief: no file at {path}", field="brief")
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BriefError(f"brief: {path.name} is not valid JSON (line {exc.lineno}: {exc.msg})", field="brief") from None
    else:
        import yaml  # imported here: only a YAML brief needs it

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            line = f" (line {where.line + 1})" if where is not None else ""
            raise BriefError(f"brief: {path.name} is not valid YAML{line}", field="brief") from None
    if not isinstance(data, dict):
        raise BriefError(f"brief: {path.name} must hold keys and values (client_name: ...)", field="brief")
    return data


def create_from_brief(ws: Workspace, data: dict[str, Any]) -> dict[str, Any]:
    """Create the campaign (and the brand, unless the client exists) from a brief's data."""
    from .errors import NotFoundError

    parsed = parse_brief(data)
    try:
        ws.get_campaign(parsed.campaign["name"])
        raise _fail("campaign", f"a campaign named {parsed.campaign['name']!r} already exists; give another id")
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
