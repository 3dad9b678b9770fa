"""Values of a brief as people write them: objectives, budgets, channels, KPI lines, dates, lists.

Each parser takes what a person typed and returns one clear value, or raises ``BriefError``
naming the key and what would be accepted. Money never has three decimals, so "45,000" and
"45.000" are both forty-five thousand; a budget keeps its period ("per quarter"), because a
monthly budget is not a total.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from typing import Any

from ..errors import ValidationError

__all__ = [
    "BUDGET_PERIODS",
    "CHANNEL_NAMES",
    "OBJECTIVES",
    "BriefError",
    "as_list",
    "as_text",
    "campaign_days",
    "campaign_weeks",
    "key_error",
    "months_between",
    "parse_brief_date",
    "parse_budget",
    "parse_channels",
    "parse_kpi_line",
    "parse_kpi_targets",
    "parse_money",
    "parse_objective",
    "unread_budget_words",
]

OBJECTIVES = ("awareness", "consideration", "leads", "sales", "retention", "launch")
BUDGET_PERIODS = ("total", "day", "week", "month", "quarter", "year")
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
_CURRENCY_SIGNS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "円": "JPY", "₹": "INR", "us$": "USD",
                   "a$": "AUD", "c$": "CAD", "au$": "AUD", "ca$": "CAD", "r$": "BRL", "nz$": "NZD", "hk$": "HKD",
                   "s$": "SGD", "mx$": "MXN", "₩": "KRW", "₪": "ILS", "zł": "PLN"}  # fmt: skip
_CURRENCY_WORDS = {"euro": "EUR", "euros": "EUR", "yen": "JPY", "rupees": "INR", "reais": "BRL"}
_CURRENCY_CODES = {"GBP", "USD", "EUR", "AUD", "CAD", "NZD", "CHF", "SEK", "NOK", "DKK", "JPY", "INR", "SGD", "ZAR",
                   "PLN", "BRL", "MXN", "HKD", "CNY", "KRW", "AED", "SAR", "QAR", "ILS", "CZK", "HUF"}  # fmt: skip
# Words that multiply the number before them: "2,5 Mio. €", "₹5 lakh", "$2MM", "50万円".
_SCALES = {"k": 1e3, "thousand": 1e3, "tsd": 1e3, "tausend": 1e3, "千": 1e3, "万": 1e4, "lakh": 1e5, "lakhs": 1e5,
           "lac": 1e5, "lacs": 1e5, "लाख": 1e5, "m": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6,
           "million": 1e6, "millions": 1e6, "millionen": 1e6, "millón": 1e6, "millones": 1e6, "milhão": 1e6,
           "milhões": 1e6, "crore": 1e7, "crores": 1e7, "cr": 1e7, "करोड़": 1e7, "億": 1e8, "亿": 1e8,
           "bn": 1e9, "billion": 1e9, "mrd": 1e9}  # fmt: skip
_SCALE_WORDS = "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True))
# A number with its thousands separators (a space, an apostrophe as in Swiss "8'000" or "8’000"), then a
# scale word; a Japanese scale is written against the next character ("50万円"), a word scale is not.
_AMOUNT = re.compile(rf"(\d[\d.,\s'’]*)\s*(?:({_SCALE_WORDS})\.?(?![^\W\d_])|([千万億亿]))?")
# How often a budget is spent, in the languages the workbench writes (English, French, Spanish, German;
# ``modules.phrasebook.SUPPORTED``). Whole words only: "vierteljährlich" is quarterly, not "jährlich"
# (yearly) inside it. Words in other languages ("por mês", "per maand") are left unread and noted.
_PERIOD_PHRASES = {
    # "a day" and "am Tag", but not "a day of action" or "am Tag der Eröffnung" (on the day of ...)
    "day": (r"per\s+day|a\s+day(?!\s+of\b)|each\s+day|every\s+day|daily|/\s*day|p\.?d\.?$",
            r"par\s+jour|chaque\s+jour|quotidien(?:ne)?s?|journalier(?:e)?s?|/\s*jour",
            r"al\s+d[ií]a|por\s+d[ií]a|cada\s+d[ií]a|diari[oa]s?|/\s*d[ií]a",
            r"pro\s+tag|je\s+tag|am\s+tag(?!\s+(?:der|des|vor|nach)\b)|täglich|taeglich|tägl\.|/\s*tag"),
    "week": (r"per\s+week|a\s+week|weekly|/\s*w(?:ee)?k|pw",
             r"par\s+semaine|la\s+semaine|chaque\s+semaine|hebdomadaires?|/\s*semaine",
             r"por\s+semana|a\s+la\s+semana|cada\s+semana|semanal(?:es|mente)?|/\s*semana",
             r"pro\s+woche|je\s+woche|in\s+der\s+woche|die\s+woche|wöchentlich|woechentlich|/\s*woche"),
    "month": (r"per\s+(?:calendar\s+)?month|a\s+month|monthly|/\s*mo(?:nth)?|pcm|p\.?m\.?$",
              r"par\s+mois|le\s+mois|chaque\s+mois|mensuel(?:le)?s?|mensuellement|/\s*mois",
              r"al\s+mes|por\s+mes|cada\s+mes|mensual(?:es|mente)?|/\s*mes",
              r"pro\s+monat|je\s+monat|im\s+monat|monatlich|/\s*monat|mtl\.?"),
    "quarter": (r"per\s+quarter|a\s+quarter|quarterly|/\s*q(?:uarter|tr)?|per\s+q",
                r"par\s+trimestre|le\s+trimestre|chaque\s+trimestre|trimestriel(?:le)?s?|/\s*trimestre",
                r"por\s+trimestre|al\s+trimestre|cada\s+trimestre|trimestral(?:es|mente)?",
                r"pro\s+quartal|je\s+quartal|im\s+quartal|vierteljährlich|vierteljaehrlich|quartalsweise|/\s*quartal"),
    "year": (r"per\s+(?:year|annum)|a\s+year|annual(?:ly)?|yearly|/\s*y(?:ea)?r|p\.?a\.?$",
             r"par\s+an(?:née)?|l['’]an|chaque\s+année|annuel(?:le)?s?|annuellement|/\s*an",
             r"al\s+año|por\s+año|cada\s+año|anual(?:es|mente)?|/\s*año",
             r"pro\s+jahr|je\s+jahr|im\s+jahr|jährlich|jaehrlich|/\s*jahr"),
    "total": (r"total|in\s+total|overall|for\s+the\s+(?:whole\s+)?campaign|all\s+in",
              r"au\s+total|en\s+tout|pour\s+(?:toute\s+)?la\s+campagne",
              r"en\s+total|para\s+(?:toda\s+)?la\s+campaña",
              r"insgesamt|gesamt|für\s+die\s+(?:ganze\s+|gesamte\s+)?kampagne"),
}
# A phrase stands alone: no letter right before it (unless it starts with a slash: "5k/mo") or after
# it ("annuel" is not in "biannuel", "an" is not the start of "anticipated"), and it is not the start
# of a hyphenated word ("€5,000 for a day-long event" is not a budget per day).
_PERIOD_WORDS = tuple(
    (rf"(?:(?<![^\W\d_])|(?=/))(?:{'|'.join(phrases)})(?![^\W\d_]|-[^\W\d_])", period)
    for period, phrases in _PERIOD_PHRASES.items()
)

# ``budget_period`` may name the period alone.
_PERIOD_NOUNS = {"jour": "day", "día": "day", "dia": "day", "tag": "day", "semaine": "week", "semana": "week",
                 "woche": "week", "mois": "month", "mes": "month", "monat": "month", "trimestre": "quarter", "quartal": "quarter", "an": "year", "année": "year",
                 "año": "year", "jahr": "year", "gesamt": "total"}  # fmt: skip


class BriefError(ValidationError):
    """A brief that cannot be read as written; ``field`` is ``brief.<key>``."""


def key_error(key: str, message: str) -> BriefError:
    return BriefError(f"brief: {key}: {message}", field=f"brief.{key}")


def as_text(key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        raise key_error(key, "write it as text, not a list")
    if isinstance(value, bool):
        raise key_error(key, f"{str(value).lower()} is a yes/no value; write it as text (or leave the key out)")
    return str(value).strip()


def as_list(key: str, value: object) -> list[str]:
    """An array, or text split by lines or bullets, else by semicolons, else by commas."""
    if value is None or value == "":
        return []
    if isinstance(value, list):
        items = [as_text(key, v) for v in value]
    elif isinstance(value, str):
        text = value.strip()
        if "\n" in text:
            items = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s*", "", line) for line in text.splitlines()]
        else:
            # a comma right before three digits is a thousands separator ("2,000 visits"), not a break
            items = re.split(r"\s*;\s*" if ";" in text else r"\s*,(?!\d{3}(?!\d))\s*", text)
    else:
        raise key_error(key, f"{value!r} is not a list or text")
    return [item.strip() for item in items if item and item.strip()]

def parse_objective(value: object, key: str = "objective") -> str:
    text = " ".join(re.findall(r"[a-z]+", as_text(key, value).lower()))
    if text in _OBJECTIVE_WORDS:
        return _OBJECTIVE_WORDS[text]
    raise key_error(key, f"{value!r} is not an objective; write one of {', '.join(OBJECTIVES)}")


def parse_channels(value: object, key: str = "channels") -> list[str]:
    channels: list[str] = []
    for item in as_list(key, value):
        plain = " ".join(item.lower().replace("/", " / ").split())
        found = _CHANNEL_ALIASES.get(plain) or _CHANNEL_ALIASES.get(re.sub(r"\s*\(.*?\)\s*", "", plain).strip())
        parts = [] if found else [p.strip() for p in plain.split("/") if p.strip()]
        keys = [found] if found else [_CHANNEL_ALIASES.get(p) for p in parts]
        if not keys or None in keys:
            names = ", ".join(aliases[0] for aliases in CHANNEL_NAMES.values())
            raise key_error(key, f"{item!r} is not a channel the workbench plans for; use one of: {names} "
                             "(Google Ads and other paid search are 'ads'; Meta is 'facebook')")
        # Channels named in brackets too: "Meta (Facebook & Instagram)" is both; other words there
        # ("(search)", "(organic)") only qualify the name before them.
        inside = re.findall(r"\((.*?)\)", plain)
        keys += [_CHANNEL_ALIASES[p] for text in inside for p in re.split(r"\s*(?:[&,+/]|\band\b)\s*", text)
                 if p.strip() in _CHANNEL_ALIASES]  # fmt: skip
        channels.extend(k for k in keys if k and k not in channels)
    return channels


def _currency(text: str) -> str | None:
    lowered = text.lower()
    for sign in sorted(_CURRENCY_SIGNS, key=len, reverse=True):
        if sign in lowered:
            return _CURRENCY_SIGNS[sign]
    codes = set(re.findall(r"\b([A-Z]{3})\b", text.upper())) & _CURRENCY_CODES
    codes |= {_CURRENCY_WORDS[word] for word in re.findall(r"[^\W\d_]+", lowered) if word in _CURRENCY_WORDS}
    if len(codes) > 1:
        raise ValueError(f"names several currencies ({', '.join(sorted(codes))})")
    return codes.pop() if codes else None


def parse_money(text: str) -> float:
    """'45,000' 45000 · '45.000' 45000 (money has no 3-decimal amounts) · '1.234,56' · '6k' · '1.5m' ·
    '2,5 Mio.' · '5 lakh' · '50万'."""
    match = _AMOUNT.search(text.lower())
    if not match:
        raise ValueError("has no amount")
    if re.match(r"\s*mil\b", text.lower()[match.end():]):
        raise ValueError("says 'mil', a thousand in Spanish and Portuguese but a million in English slang")
    number = re.sub(r"[\s'’]", "", match[1]).rstrip(".,")
    last = max(number.rfind("."), number.rfind(","))
    if last != -1:
        whole, tail = number[:last], number[last + 1:]
        if len(tail) == 3 and not (whole.count(".") and whole.count(",")) and re.match(r"[1-9]", whole):
            number = re.sub(r"[.,]", "", number)  # 45,000 / 45.000 / 1,234,567: thousands; 0.035 is not
        else:
            number = re.sub(r"[.,]", "", whole) + "." + tail
    value = float(number)
    scale = _SCALES.get(match[2] or match[3] or "", 1)
    if len(re.findall(r"\d[\d.,\s'’]*", text)) > 1:
        raise ValueError("has more than one number")
    return round(value * scale, 6)  # float noise off (1.15m is 1150000), a rate keeps its decimals (0.035)


def parse_budget(value: object, *, period: object = None, currency: object = None) -> dict[str, Any]:
    """``{"amount", "currency", "period"}`` from a number or text like 'GBP 45,000 per quarter'."""
    if isinstance(value, bool):
        raise key_error("budget", "write an amount like 'GBP 45,000 per quarter'")
    if isinstance(value, int | float):
        amount, found_currency, found_period = float(value), None, None
    else:
        text = as_text("budget", value)
        try:
            amount, found_currency = parse_money(text), _currency(text)
        except ValueError as exc:
            raise key_error("budget", f"{text!r} {exc}; write an amount like 'GBP 45,000 per quarter'") from None
        found_period = next((p for pattern, p in _PERIOD_WORDS if re.search(pattern, text.lower())), None)
    if not math.isfinite(amount) or amount < 0:
        raise key_error("budget", f"{value!r} is not an amount of 0 or more")
    given_period = as_text("budget_period", period).lower() or None
    if given_period is not None:
        given_period = next((p for pattern, p in _PERIOD_WORDS if re.search(pattern, given_period)),
                            given_period.removeprefix("per ").strip())
        given_period = _PERIOD_NOUNS.get(given_period, given_period)  # budget_period: Monat, mois, mes
        if given_period not in BUDGET_PERIODS:
            raise key_error("budget_period", f"{period!r} is not one of {', '.join(BUDGET_PERIODS)}")
        if found_period and found_period != given_period:
            raise key_error("budget_period", f"says {given_period} but budget says per {found_period}")
    code = as_text("currency", currency).upper() or None
    if code:
        code = _CURRENCY_SIGNS.get(code.lower(), code)
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise key_error("currency", f"{currency!r} is not a currency code like GBP, USD or EUR")
        if found_currency and found_currency != code:
            raise key_error("currency", f"says {code} but budget is in {found_currency}")
    return {"amount": amount, "currency": code or found_currency, "period": given_period or found_period or "total"}


def unread_budget_words(text: str) -> str:
    """The words of a budget that say neither its amount, currency nor period ('al mes' in '6.000 € al mes')."""
    found = _AMOUNT.search(text.lower())
    rest = text[: found.start()] + " " + text[found.end():] if found and len(text.lower()) == len(text) else text
    for pattern, _period in _PERIOD_WORDS:
        rest = re.sub(pattern, " ", rest, flags=re.IGNORECASE)
    rest = re.sub(r"[^\W\d_]+", lambda m: " " if m[0].upper() in _CURRENCY_CODES or m[0].lower() in _CURRENCY_WORDS
                  else m[0], rest)  # fmt: skip
    for sign in sorted(_CURRENCY_SIGNS, key=len, reverse=True):  # "us$" before "$"
        rest = re.sub(re.escape(sign), " ", rest, flags=re.IGNORECASE)
    return " ".join(rest.split()) if re.search(r"[^\W\d_]", rest) else ""


# Words around a target that say which way it goes, not what it counts (English, French, Spanish, German).
_COMPARATORS = ("under|below|at least|at most|of|over|above|target|minimum|maximum|max|min|"
                "moins de|au moins|au plus|sous|plus de|objectif|menos de|al menos|como máximo|más de|"
                "unter|über|mindestens|höchstens|maximal|ziel")
_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])(?![.,]\d{3})")
# A target: a sign or code before or after the number ("£35", "35 €", "CPL 35 GBP"), "k" or "M" after it, or "%".
_TARGET = re.compile(r"([£$€]|\b[A-Z]{3}\b)?\s*(\d[\d,.]*)\s*([kKmM]\b)?\s*(%|[£$€]|[A-Z]{3}\b)?")


def _target_and_unit(match: re.Match[str]) -> tuple[float, str]:
    target = parse_money(match[2] + (match[3] or ""))
    sign = (match[1] or match[4] or "").lower()  # "£35" and "35 €" alike
    return target, "%" if match[4] == "%" else _CURRENCY_SIGNS.get(sign) or (match[1] or match[4] or "")


def parse_kpi_line(line: str) -> dict[str, Any]:
    """``{"text", "metric", "target", "unit"}``; metric and target only when the line has one number."""
    text = " ".join(line.split())
    # "20 000 personnes": a space (no-break and narrow no-break ones included, which split() has
    # made plain) between digit groups of three is a thousands separator, as in French and German.
    numeric = _SPACED_THOUSANDS.sub(lambda m: m[0].replace(" ", ""), text)
    numbers = re.findall(r"\d[\d,.]*\s*[km]?\b", numeric.lower())
    out: dict[str, Any] = {"text": text, "metric": None, "target": None, "unit": ""}
    if len(numbers) != 1:
        return out
    match = _TARGET.search(numeric)
    assert match is not None
    try:
        target, unit = _target_and_unit(match)
    except ValueError:
        return out
    metric = (numeric[: match.start()] + " " + numeric[match.end():]).strip()
    metric = re.sub(r"^[\s:,<>≤≥=~+-]+|[\s:,<>≤≥=~+-]+$", "", metric)  # "CTR > 2%", "+20% organic traffic"
    metric = re.sub(rf"\b(?:{_COMPARATORS}|by)\b\s*$|^\s*(?:{_COMPARATORS})\b", "", metric,
                    flags=re.IGNORECASE)
    metric = re.sub(r"\s*[:=]\s*$|\s+", " ", metric).strip(" :-")
    if not metric:
        return out
    return {**out, "metric": metric[:120], "target": target, "unit": unit or "count"}


def _structured_target(value: object) -> tuple[float, str]:
    """A ``{metric, target}`` item's number, and the unit its text gives ("€35" EUR, "2.5%" a percentage)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value), ""
    match = _TARGET.search(value) if isinstance(value, str) else None
    if match is None or len(re.findall(r"\d[\d,.]*", str(value))) > 1:
        raise ValueError(f"{value!r} is not one number")
    return _target_and_unit(match)


def parse_kpi_targets(value: object) -> list[dict[str, Any]]:
    items = value if isinstance(value, list) else as_list("kpi_targets", value)
    parsed = []
    for index, item in enumerate(items):
        if isinstance(item, dict):
            unknown = set(item) - {"metric", "target", "unit"}
            if unknown or "metric" not in item or "target" not in item:
                raise key_error(f"kpi_targets[{index}]", "give metric and target (and unit), or write the target as a line")
            try:
                target, unit = _structured_target(item["target"])
            except ValueError:
                raise key_error(f"kpi_targets[{index}]", f"target {item['target']!r} is not a number") from None
            metric = str(item["metric"]).strip()
            unit = str(item.get("unit") or unit or "count").strip()  # "€35" is EUR, "2.5%" a percentage
            parsed.append({"text": f"{metric}: {item['target']} {unit}".strip(), "metric": metric,
                           "target": target, "unit": unit})  # fmt: skip
        else:
            parsed.append(parse_kpi_line(str(item)))
    return parsed


def parse_brief_date(key: str, value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):  # YAML reads "2027-03-01 09:00:00" as a moment; the brief means the day
        return value.date()
    if isinstance(value, date):
        return value
    from ..date_cells import parse_date

    text = as_text(key, value)
    try:
        return parse_date(text, "")
    except ValueError:
        raise key_error(key, f"{text!r} is not a date I can read without guessing; write 2027-03-01 or 1 March 2027") from None


def campaign_days(start: date, end: date) -> int:
    """The days a campaign runs, its first and last included: 1 March to 31 May is 92, a launch day 1."""
    return (end - start).days + 1


def campaign_weeks(start: date, end: date) -> int:
    """The weeks a campaign runs, counted as its days are (inclusively) and rounded up: Monday to
    Sunday is 1 week, Monday to the next Monday 2, 1 March to 31 May (92 days) 14, a launch day 1.
    The one rule for a brief's ``duration_weeks``, intake's text and execution's calendar."""
    return max(1, math.ceil(campaign_days(start, end) / 7))


def months_between(start: date, end: date) -> float:
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
