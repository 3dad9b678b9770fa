"""One cell of a leads file read and checked: counts, head counts, dates, yes or no, and for
people amounts spent, member ratings and consent to email marketing. A value that cannot be read
fails naming its row (as a spreadsheet numbers it, ``Row``) and column, with an example of what
would be read. A date is read by ``aicmo_kernel.date_cells``, the rule performance imports use too,
its day/month order decided from the whole column."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..date_cells import date_orders_possible, is_date, needs_date_order, parse_date
from ..errors import ValidationError

__all__ = ["Row", "amount", "count", "date_order", "day", "head_count", "opted_in", "problem", "rating", "yes_no"]

_SIZE = re.compile(r"^(\d[\d,]*)\s*(?:(?:-|–|to)\s*(\d[\d,]*)|(\+))?$")
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_MONEY = re.compile(r"^\d[\d,. \u00a0\u202f']*$")  # an amount's digits and separators, signs stripped


@dataclass(frozen=True)
class Row:
    """A record's row as a spreadsheet numbers it, and the lines of the file it spans."""

    number: int
    first_line: int
    last_line: int

    def __str__(self) -> str:
        if self.first_line == self.last_line == self.number:
            return str(self.number)
        lines = (f"line {self.first_line}" if self.first_line == self.last_line
                 else f"lines {self.first_line}-{self.last_line}")  # fmt: skip
        return f"{self.number} as a spreadsheet counts rows ({lines} of the file: quoted cells hold line breaks)"


def problem(field: str, row: Row, column: str, message: str) -> ValidationError:
    return ValidationError(f"{field}: row {row}, column {column}: {message}", field=field,
                           details={"row": row.number, "column": column})


def amount(text: str, field: str, row: Row) -> float | None:
    """An amount as a shop writes it: 1240.00, 1,240.00, 1.240,00 or 12,50; a currency sign or code
    around it is dropped (the file's own cell is kept to show)."""
    amount = re.sub(r"^[^\d]*|[^\d]*$", "", text.strip())
    if not amount:
        if text.strip() and not re.search(r"\d", text):
            raise problem(field, row, "total_spent", f"{text!r} is not an amount like 1240.00")
        return None
    if text.strip().startswith("-") or not _MONEY.match(amount):
        raise problem(field, row, "total_spent", f"{text!r} is not an amount like 1240.00, 0 or more")
    amount = re.sub(r"[ \u00a0\u202f']", "", amount)
    point, comma = amount.rfind("."), amount.rfind(",")
    decimal = "." if point > comma else "," if comma > point and len(amount) - comma - 1 in (1, 2) else ""
    whole, _, cents = amount.rpartition(decimal) if decimal else (amount, "", "")
    digits = re.sub(r"[.,]", "", whole)
    return float(f"{digits}.{cents}" if cents else digits)


def rating(text: str, field: str, row: Row) -> int | None:
    """Mailchimp's member rating: 1 to 5 stars (0 accepted: an unrated contact)."""
    if not text:
        return None
    if not re.fullmatch(r"[0-5](?:\.0+)?", text.strip()):
        raise problem(field, row, "member_rating", f"{text!r} is not a member rating from 1 to 5")
    return int(float(text))


# An answer to an organiser's consent question (Eventbrite's order form), in the four languages.
_AGREED = {"agree", "i agree", "agreed", "accepted", "oui", "sí", "si", "ja"}
_REFUSED = {"disagree", "i disagree", "declined", "non", "nein"}


def opted_in(text: str, field: str, row: Row) -> bool | None:
    """Consent to email marketing: yes or no (Shopify, or the answer to an organiser's question
    in English, French, Spanish or German), or the date and time a person confirmed their
    subscription (Mailchimp's CONFIRM_TIME), which is a yes; blank is not recorded."""
    value = text.strip().lower()
    if not value:
        return None
    if is_date(value):
        return True
    if value in _YES | _AGREED | {"subscribed", "opted in", "opted_in"}:
        return True
    if value in _NO | _REFUSED | {"unsubscribed", "not subscribed", "opted out"}:
        return False
    raise problem(field, row, "accepts_marketing", f"{text!r} is not yes or no, nor the date a person opted in")


def count(values: dict[str, str], column: str, field: str, row: Row) -> int | None:
    text = values.get(column, "").replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise problem(field, row, column, f"{values[column]!r} is not a number") from None
    if number < 0 or not number.is_integer():
        raise problem(field, row, column, f"{values[column]!r} must be a whole number, 0 or more")
    return int(number)


def head_count(text: str, field: str, row: Row) -> tuple[int, int | None]:
    match = _SIZE.match(text.strip())
    if not match:
        raise problem(field, row, "company_size", f"{text!r} is not a head count like 25, 10-49 or 250+")
    low = int(match.group(1).replace(",", ""))
    if match.group(3):
        return low, None
    high = int(match.group(2).replace(",", "")) if match.group(2) else low
    if high < low:
        raise problem(field, row, "company_size", f"{text!r} is a range that ends before it starts")
    return low, high


def date_order(texts: list[str], field: str) -> str:
    """DMY or MDY for the column's numeric day/month dates, read from the whole column (a day above
    12 in some date: ``date_cells.date_orders_possible``); "" when no date needs it, "?" when it
    cannot be told. A cell that is a date under neither order does not vote (it fails by its row);
    mixed orders fail naming the column."""
    possible, paired = date_orders_possible(texts)
    if not paired:
        return ""
    if not possible:
        raise ValidationError(f"{field}: column last_activity mixes day-first and month-first dates; "
                              "export dates as YYYY-MM-DD", field=field, details={"column": "last_activity"})
    if len(possible) == 1:
        return possible.pop()
    return "?"  # every date reads both ways: the first one is refused by day, naming its row


def day(text: str, field: str, row: Row, order: str = "") -> date | None:
    """The date in a cell, a numeric day/month pair read in the column's ``order`` (``date_order``)."""
    if not text:
        return None
    if order == "?" and needs_date_order(text):
        raise problem(field, row, "last_activity", (
            f"{text!r} is not a date like 2027-03-14: it could be day/month or month/day, and no "
            "date in the column has a day above 12; export dates as YYYY-MM-DD"))
    try:
        return parse_date(text, order)
    except ValueError:
        raise problem(field, row, "last_activity", f"{text!r} is not a date like 2027-03-14") from None


def yes_no(text: str, field: str, row: Row) -> bool | None:
    value = text.strip().lower()
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise problem(field, row, "replied", f"{text!r} is not yes or no")
