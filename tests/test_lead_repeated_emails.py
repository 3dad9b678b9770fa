"""A leads file whose rows repeat an email address (an Eventbrite attendee report repeats the
buyer's address on every ticket of a group order): the first row with each address is kept, and
the rows left out are said once for the file, counted, the way statuses left out are."""

from __future__ import annotations

from aicmo_kernel.leads import load_leads

EVENTBRITE = "Order #,Order Date,First Name,Last Name,Email,Quantity,Ticket Type,Total Paid,Attendee Status\n"


def _ticket(order: int, name: str, email: str) -> str:
    return f"{order},2024-11-29 14:03:00-05:00,{name},Lee,{email},30,Day Ticket,15.00,Attending\n"


def test_a_30_ticket_group_order_is_one_warning_with_its_count_and_first_rows():
    text = (EVENTBRITE + _ticket(1, "Ava", "ava@school.co.uk")
            + "".join(_ticket(2, f"Pupil{n}", "office@school.co.uk") for n in range(30))
            + _ticket(3, "Ben", "ben@mail.co.uk"))  # fmt: skip
    leads = load_leads(text)
    assert [lead.row for lead in leads.leads] == [2, 3, 33]  # the group's first ticket (row 3) is kept
    repeats = [w for w in leads.warnings if "repeat" in w]
    assert repeats == ["29 rows repeat the email address of row 3 and were left out: row 4, 5, 6, 7, 8, 9, 10, 11 ..."]


def test_repeats_of_several_addresses_are_one_warning_naming_no_single_earlier_row():
    text = ("name,company,title,email,status\nAl,Acme,CFO,al@acme.co.uk,new\nBo,Acme,CFO,bo@acme.co.uk,new\n"
            "Al,Acme,CFO,AL@acme.co.uk,new\nBo,Acme,CFO,bo@acme.co.uk,new\n")  # fmt: skip
    leads = load_leads(text)
    assert [lead.row for lead in leads.leads] == [2, 3]
    said = ("2 rows repeat the email address of an earlier row (the first row with each address is kept) and were "
            "left out: row 4, 5")
    assert leads.warnings == (said,)
