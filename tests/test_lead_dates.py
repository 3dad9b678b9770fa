"""A leads file's last-activity dates are read by the rule performance imports use
(``aicmo_kernel.date_cells``): dates as CRMs, ticketing tools and Excel write them, with a time
and an offset, month names, two-digit years; the day/month order still comes from the whole
column, and a date that cannot be read still fails naming its row and column."""

from __future__ import annotations

from datetime import date

import pytest

from aicmo_kernel.errors import ValidationError
from aicmo_kernel.leads import load_leads

OWN = "name,company,title,email,status,last_activity\n"
HUBSPOT = "Record ID,First Name,Last Name,Email,Company Name,Job Title,Lifecycle Stage,Lead Status,Last Activity Date\n"
SALESFORCE = "First Name,Last Name,Title,Company / Account,Email,Lead Status,Last Activity\n"
EVENTBRITE = "Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Total Paid,Attendee Status\n"


def _row(header: str, number: int, when: str) -> str:
    cell = f'"{when}"'  # "Nov 29, 2024" holds a comma
    if header is HUBSPOT:
        return f"51{number},Ava,Lee{number},ava{number}@corp.co.uk,Castle Co,CFO,Lead,New,{cell}\n"
    if header is SALESFORCE:
        return f"Ava,Lee{number},CFO,Castle Co,ava{number}@corp.co.uk,Open - Not Contacted,{cell}\n"
    if header is EVENTBRITE:
        return f"1190{number},{cell},Ava,Lee{number},ava{number}@mail.co.uk,1,Weekend Pass,45.00,Attending\n"
    return f"Ava Lee{number},Castle Co,CFO,ava{number}@corp.co.uk,new,{cell}\n"


def _dates(header: str, cells: list[str]) -> list[date | None]:
    text = header + "".join(_row(header, number, cell) for number, cell in enumerate(cells))
    loaded = load_leads(text)
    assert header is OWN or loaded.warnings[0].startswith("read as a")  # the export was recognised
    return [lead.last_activity for lead in loaded.leads]


@pytest.mark.parametrize("header, cells, expected", [
    pytest.param(HUBSPOT, ["2024-11-29 14:03"], [date(2024, 11, 29)], id="hubspot"),
    pytest.param(SALESFORCE, ["11/29/2024", "12/02/2024"], [date(2024, 11, 29), date(2024, 12, 2)],
                 id="salesforce-us-month-first"),
    pytest.param(OWN, ["2024-11-29 14:03:00"], [date(2024, 11, 29)], id="mailchimp-time"),
    pytest.param(OWN, ["2024-11-29 14:03:00 -0500"], [date(2024, 11, 29)], id="shopify-offset"),
    pytest.param(EVENTBRITE, ["2024-11-29 14:03:00-05:00"], [date(2024, 11, 29)], id="eventbrite-offset"),
    pytest.param(EVENTBRITE, ["November 29, 2024"], [date(2024, 11, 29)], id="eventbrite-month-name"),
    # Eventbrite's Order Date after Excel opened and saved the file: month first, two-digit year, a time.
    pytest.param(EVENTBRITE, ["11/29/24 22:28", "12/01/24 09:15"], [date(2024, 11, 29), date(2024, 12, 1)],
                 id="excel-resaved"),
    # Two-digit years as Excel reads them by default: 00-29 this century, 30-99 the last.
    pytest.param(OWN, ["11/29/98", "12/01/29"], [date(1998, 11, 29), date(2029, 12, 1)], id="excel-year-pivot"),
    pytest.param(OWN, ["Nov 29, 2024"], [date(2024, 11, 29)], id="crm-medium-date"),
    pytest.param(SALESFORCE, ["29-Nov-24"], [date(2024, 11, 29)], id="day-month-name-yy"),
    pytest.param(OWN, ["29.11.2024 14:03"], [date(2024, 11, 29)], id="dotted-time"),
    pytest.param(OWN, ["03.11.2024 14:03", "05.12.2024"], [date(2024, 11, 3), date(2024, 12, 5)],
                 id="dotted-is-day-first"),  # no day above 12 needed: dots are day first
    pytest.param(OWN, ["1er mars 2027", "1 de marzo de 2027", "1. März 2027"], [date(2027, 3, 1)] * 3,
                 id="fr-es-de-month-names"),
])  # fmt: skip
def test_dates_as_exports_write_them_are_read(header, cells, expected):
    assert _dates(header, cells) == expected


def test_a_column_of_two_digit_years_reads_its_order_from_the_column():
    day_first = ["29/11/24", "03/12/24", "05.01.25", ""]
    assert _dates(OWN, day_first) == [date(2024, 11, 29), date(2024, 12, 3), date(2025, 1, 5), None]
    month_first = ["11/29/24", "12/03/24", "01/05/25"]
    assert _dates(OWN, month_first) == [date(2024, 11, 29), date(2024, 12, 3), date(2025, 1, 5)]


def _error(cells: list[str], header: str = OWN) -> ValidationError:
    text = header + "".join(_row(header, number, cell) for number, cell in enumerate(cells))
    with pytest.raises(ValidationError) as err:
        load_leads(text, field="inputs.csv_text")
    return err.value


@pytest.mark.parametrize("cells", [["2024-11-29", "02/01/2027", "03/04/2027"], ["2024-11-29", "02/01/27 10:00"]])
def test_a_column_that_cannot_tell_day_from_month_fails_naming_the_first_such_row(cells):
    error = _error(cells)
    assert error.message.startswith(f"inputs.csv_text: row 3, column last_activity: {cells[1]!r} is not a date")
    assert "could be day/month or month/day" in error.message and "export dates as YYYY-MM-DD" in error.message
    assert error.details == {"row": 3, "column": "last_activity"}


def test_a_column_mixing_day_first_and_month_first_fails_naming_the_column():
    error = _error(["13/01/2027", "01/13/2027"], SALESFORCE)
    assert "column last_activity mixes day-first and month-first dates; export dates as YYYY-MM-DD" in error.message
    assert error.details == {"column": "last_activity"}


@pytest.mark.parametrize("cells, row", [
    (["2027-01-02", "2027-02-30"], 3),
    (["2027-01-02", "soon"], 3),
    (["13/01/2027", "31/31/2027"], 3),  # no date either way round: its row, not a mixed column
    (["31/31/2027", "2027-01-02"], 2),
])  # fmt: skip
def test_a_cell_that_is_no_date_fails_naming_its_row_and_column(cells, row):
    error = _error(cells)
    bad = cells[row - 2]
    assert f"row {row}, column last_activity: {bad!r} is not a date like 2027-03-14" in error.message
    assert error.details == {"row": row, "column": "last_activity"}


def test_a_consent_date_is_read_by_the_same_rule():
    text = ("Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME,LEID,EUID\n"
            "amy@mail.co.uk,Amy,Parker,5,2024-11-29 09:14:07,\"Nov 29, 2024\",1,a1\n"
            "ben@mail.co.uk,Ben,Lowe,4,2024-11-29 09:14:07,,2,b2\n")  # fmt: skip
    leads = load_leads(text)
    assert [lead.accepts_marketing for lead in leads.leads] == [True, None]
