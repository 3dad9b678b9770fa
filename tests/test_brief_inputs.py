"""Briefs as account managers really save and write them: a file that is not UTF-8, a one-day
campaign, a budget's period in French, Spanish or German (issue 15)."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from aicmo_kernel.briefs import (
    BriefError,
    parse_brief,
    parse_budget,
    read_brief_bytes,
    read_brief_file,
)
from aicmo_kernel.cli import main

# As Word's "Plain text" or Notepad saves it on a Western European Windows: CRLF line ends.
WORD_BRIEF = (
    "client_name: Café Ünal\r\n"
    "industry: Frühstück & Brunch – Köln\r\n"
    "budget: 5.000 € pro Monat\r\n"
    "start_date: 2027-03-01\r\n"
    "end_date: 2027-05-31\r\n"
)


def test_a_windows_1252_brief_is_read_and_the_user_is_told_how():
    data = read_brief_bytes(WORD_BRIEF.encode("cp1252"), "cafe.yaml")
    assert data["client_name"] == "Café Ünal" and data["industry"] == "Frühstück & Brunch – Köln"
    parsed = parse_brief(data)
    assert parsed.budget["amount"] == 5000 and parsed.budget["currency"] == "EUR"
    assert any("cafe.yaml is not UTF-8: it was read as Windows-1252" in w for w in parsed.warnings), parsed.warnings


def test_a_utf16_brief_from_notepad_is_read_without_a_note():
    data = read_brief_bytes(WORD_BRIEF.encode("utf-16"), "cafe.yaml")  # with its byte-order mark
    assert data["client_name"] == "Café Ünal" and parse_brief(data).warnings == []
    json_brief = '{"client_name": "Café Ünal", "budget": "€5k"}'.encode("utf-16")
    assert read_brief_bytes(json_brief, "cafe.json") == {"client_name": "Café Ünal", "budget": "€5k"}


def test_the_note_reaches_the_command_line(tmp_path, isolated_env):
    path = tmp_path / "cafe.yaml"
    path.write_bytes(WORD_BRIEF.encode("cp1252"))
    assert read_brief_file(path)["client_name"] == "Café Ünal"
    result = CliRunner().invoke(main, ["new", "--brief", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "note: cafe.yaml is not UTF-8: it was read as Windows-1252" in result.output


def test_a_file_in_no_encoding_we_read_is_still_refused():
    with pytest.raises(BriefError, match="not text in UTF-8, UTF-16 or Windows-1252"):
        read_brief_bytes("client_name: Москва\n".encode("koi8_r"), "brief.yaml")


@pytest.mark.parametrize(("budget", "total", "basis"), [
    ("£2,000", 2000, "the budget is the campaign total"),
    ("£700 per week", 100, "700.00 per week x 0.1429 weeks (1 day)"),
    ("£3,000 per month", 100, "3,000.00 per month x 0.0333 months (1 day)"),  # June has 30 days
])  # fmt: skip
def test_a_one_day_campaign_is_one_day(budget, total, basis):
    parsed = parse_brief({"client_name": "A", "objective": "launch", "start_date": "12 June 2027",
                          "end_date": "2027-06-12", "budget": budget})  # fmt: skip
    assert parsed.campaign["start_date"] == parsed.campaign["end_date"] == date(2027, 6, 12)
    assert parsed.budget["campaign_total"] == total and parsed.budget["total_basis"] == basis
    assert parsed.strategy["duration_weeks"] == 1


def test_an_end_before_the_start_is_still_refused():
    with pytest.raises(BriefError, match="end_date: 2027-06-11 is before start_date 2027-06-12"):
        parse_brief({"client_name": "A", "start_date": "2027-06-12", "end_date": "2027-06-11"})


@pytest.mark.parametrize(("text", "period"), [
    ("6.000 € al mes", "month"), ("6.000 € por mes", "month"), ("6.000 €/mes", "month"),
    ("6.000 € mensuales", "month"), ("1.500 € a la semana", "week"), ("1.500 € por semana", "week"),
    ("18.000 € por trimestre", "quarter"), ("18.000 € trimestrales", "quarter"), ("72.000 € al año", "year"),
    ("5 000 € par mois", "month"), ("5 000 € le mois", "month"), ("5 000 € mensuels", "month"),
    ("1 200 € la semaine", "week"), ("1 200 € par semaine", "week"), ("1 200 € hebdomadaire", "week"),
    ("15 000 € par trimestre", "quarter"), ("15 000 € trimestriel", "quarter"), ("60 000 € par an", "year"),
    ("5.000 € pro Monat", "month"), ("5.000 € im Monat", "month"), ("5.000 € monatlich", "month"),
    ("€5k/Monat", "month"), ("1.200 € pro Woche", "week"), ("1.200 € wöchentlich", "week"),
    ("15.000 € pro Quartal", "quarter"), ("15.000 € vierteljährlich", "quarter"), ("60.000 € im Jahr", "year"),
    ("$4k/mo", "month"), ("$4k/qtr", "quarter"), ("£500pw", "week"), ("20.000 € insgesamt", "total"),
])  # fmt: skip
def test_a_budgets_period_in_french_spanish_or_german_is_read(text, period):
    assert parse_budget(text)["period"] == period


def test_a_monthly_budget_in_spanish_gets_its_campaign_total_and_no_note():
    parsed = parse_brief({"client_name": "A", "budget": "6.000 € al mes", "start_date": "2027-03-01",
                          "end_date": "2027-05-31"})  # fmt: skip
    assert parsed.budget["period"] == "month" and parsed.budget["campaign_total"] == 18_000
    assert parsed.warnings == []


@pytest.mark.parametrize("text", ["5.000 € por mês", "5.000 € per maand", "5.000 € al giorno", "£400 per fortnight"])
def test_period_words_it_cannot_read_are_still_noted(text):
    parsed = parse_brief({"client_name": "A", "budget": text})
    assert parsed.budget["period"] == "total"
    unread = text.split(maxsplit=2)[-1] if "€" in text else "per fortnight"
    assert any(f"the words {unread!r} were not read" in w for w in parsed.warnings), parsed.warnings


@pytest.mark.parametrize(("given", "period"), [("Monat", "month"), ("mois", "month"), ("mensual", "month"),
                                               ("trimestre", "quarter"), ("Jahr", "year")])  # fmt: skip
def test_budget_period_may_be_written_in_the_briefs_language(given, period):
    assert parse_budget(4000, period=given)["period"] == period


def test_dates_written_in_french_german_or_spanish():
    parsed = parse_brief({"client_name": "A", "start_date": "1. März 2027", "end_date": "12 juillet 2027"})
    assert (parsed.campaign["start_date"], parsed.campaign["end_date"]) == (date(2027, 3, 1), date(2027, 7, 12))
    assert parse_brief({"client_name": "A", "start_date": "1 de junio de 2027"}).campaign["start_date"] == date(2027, 6, 1)
