"""Performance exports whose rows are weeks, months or reporting ranges, as the platforms write
them (issue 15): a month row is read as the month, its figures kept whole for the month (never
spread into invented days), and the report shows it by month, not as one ISO week."""

from __future__ import annotations

from datetime import date

import pytest

from aicmo_kernel.analytics import (
    ColumnMapping,
    compute_kpis,
    kpi_tables_markdown,
    parse_performance_csv,
)
from aicmo_kernel.analytics.charts import chart_list
from aicmo_kernel.date_cells import parse_date
from aicmo_kernel.errors import ValidationError

# Google Ads, Campaigns > Segment > Time > Month, downloaded as CSV: two title lines, a total row.
GOOGLE_ADS_MONTHS = (
    "Campaign performance report\n"
    '"1 January 2027 - 31 March 2027"\n'
    "Month,Campaign,Campaign status,Currency code,Impr.,Clicks,CTR,Avg. CPC,Cost,Conversions\n"
    'January 2027,Search - Brand,Enabled,EUR,"21,400",980,4.58%,0.41,401.80,31.50\n'
    'February 2027,Search - Brand,Enabled,EUR,"19,870",902,4.54%,0.43,387.86,28.00\n'
    'March 2027,Search - Brand,Enabled,EUR,"23,115","1,044",4.52%,0.42,438.48,35.00\n'
    'Total: Account,,,EUR,"64,385","2,926",4.54%,0.42,"1,228.14",94.50\n'
)
MONTHS = [(date(2027, 1, 1), date(2027, 1, 31)), (date(2027, 2, 1), date(2027, 2, 28)),
          (date(2027, 3, 1), date(2027, 3, 31))]  # fmt: skip


def _facts(data) -> dict:
    """The facts monitoring builds around the KPIs, for the table."""
    rows = data.rows
    return {"period": {"start": rows[0].date.isoformat(), "end": rows[-1].date.isoformat(), "rows": len(rows)},
            "currency": data.currency, **compute_kpis(rows)}  # fmt: skip


@pytest.mark.parametrize("written", [
    ("January 2027", "February 2027", "March 2027"), ("Januar 2027", "Februar 2027", "März 2027"),
    ("janvier 2027", "février 2027", "mars 2027"), ("enero de 2027", "febrero de 2027", "marzo de 2027"),
    ("Jan 2027", "Feb 2027", "Mar 2027"), ("2027-01", "2027-02", "2027-03"),
    ("2027-01-01", "2027-02-01", "2027-03-01"),  # the month's first day, as the API writes a month
])  # fmt: skip
def test_a_month_column_is_read_as_the_month_however_it_is_written(written):
    text = GOOGLE_ADS_MONTHS
    for english, other in zip(("January 2027", "February 2027", "March 2027"), written):
        text = text.replace(english, other, 1)
    data = parse_performance_csv(text, source="months.csv")
    assert [(r.date, r.last_day) for r in data.rows] == MONTHS
    assert [r.leads for r in data.rows] == [31.5, 28, 35] and data.rows[-1].clicks == 1044
    assert any("each row covers a month (column 'Month')" in w and "never spread over days" in w
               for w in data.warnings)  # fmt: skip


def test_month_rows_are_shown_by_month_never_as_one_iso_week():
    data = parse_performance_csv(GOOGLE_ADS_MONTHS, source="months.csv")
    kpis = compute_kpis(data.rows)
    assert kpis["weeks"] == []  # a month's figures say nothing about any one week
    assert [(p["period"], p["start"], p["end"], p["leads"]) for p in kpis["periods"]] == [
        ("2027-01", "2027-01-01", "2027-01-31", 31.5), ("2027-02", "2027-02-01", "2027-02-28", 28),
        ("2027-03", "2027-03-01", "2027-03-31", 35)]
    assert [p["leads_change"] for p in kpis["periods"]] == [None, -11.11, 25.0]
    assert kpis["totals"]["leads"] == 94.5 and kpis["totals"]["spend"] == 1228.14
    table = kpi_tables_markdown(_facts(data))
    assert "**Period:** 2027-01-01 to 2027-03-31 (3 rows, 0 ISO weeks with data, 3 months)" in table
    assert "### By month" in table and "### By ISO week" not in table
    assert "| 2027-02 | 2027-02-01 | 2027-02-28 | 19,870 | 902 | 28 | 387.86 | 4.54% | 13.85 | -11.11% |" in table
    assert next(c["name"] for c in chart_list(_facts(data))) == "leads_spend_periods"


def test_google_ads_weeks_are_the_seven_days_from_the_monday():
    text = ("Week,Campaign,Currency code,Impr.,Clicks,Cost,Conversions\n"
            "2027-03-01,Search - Brand,EUR,5000,200,90.00,7\n2027-03-08,Search - Brand,EUR,5200,210,95.00,8\n")
    data = parse_performance_csv(text, source="weeks.csv")
    assert [(r.date, r.last_day) for r in data.rows] == [(date(2027, 3, 1), date(2027, 3, 7)),
                                                         (date(2027, 3, 8), date(2027, 3, 14))]  # fmt: skip
    kpis = compute_kpis(data.rows)
    assert [(w["week"], w["leads"]) for w in kpis["weeks"]] == [("2027-W09", 7), ("2027-W10", 8)]
    assert "periods" not in kpis  # Monday-to-Sunday weeks are ISO weeks


def test_meta_reporting_ranges_are_kept_whole_for_their_days():
    header = "Reporting starts,Reporting ends,Campaign name,Impressions,Link clicks,Leads,Amount spent (EUR)\n"
    month = parse_performance_csv(header + "2027-03-01,2027-03-31,Spring,12000,300,12,450.00\n", source="meta.csv")
    assert (month.rows[0].date, month.rows[0].last_day) == (date(2027, 3, 1), date(2027, 3, 31))
    assert any(w.startswith("1 row covers several days (row 2: 2027-03-01 to 2027-03-31): its figures") for w in month.warnings)
    kpis = compute_kpis(month.rows)
    assert kpis["weeks"] == [] and kpis["periods"][0]["period"] == "2027-03"
    # Weeks from a Sunday (not ISO weeks): each range stays one period, labelled by its days.
    sundays = parse_performance_csv(header + "2027-03-07,2027-03-13,Spring,5000,100,4,150.00\n"
                                             "2027-03-14,2027-03-20,Spring,6000,120,6,170.00\n", source="meta.csv")
    periods = compute_kpis(sundays.rows)["periods"]
    assert [p["period"] for p in periods] == ["2027-03-07 to 2027-03-13", "2027-03-14 to 2027-03-20"]
    assert periods[1]["leads_change"] == 50.0
    assert "### By period" in kpi_tables_markdown(_facts(sundays))


def test_daily_rows_keep_the_facts_they_always_had():
    header = "Reporting starts,Reporting ends,Campaign name,Impressions,Link clicks,Leads,Amount spent (EUR)\n"
    daily = parse_performance_csv(header + "2027-03-01,2027-03-01,Spring,12000,300,12,450.00\n", source="meta.csv")
    assert daily.rows[0].end is None and not any("cover" in w for w in daily.warnings)
    assert set(compute_kpis(daily.rows)) == {"totals", "platforms", "weeks"}


def test_microsoft_advertising_says_its_aggregation_above_the_header():
    text = ('"Report Name: Campaign performance"\n"Report Aggregation: Monthly"\n'
            "TimePeriod,Campaign name,Currency code,Impressions,Clicks,Spend,Conversions\n"
            "3/1/2027,Brand,USD,4000,120,80.50,6\n4/1/2027,Brand,USD,4100,125,82.00,7\n")
    data = parse_performance_csv(text, source="msads.csv")
    assert [(r.date, r.last_day) for r in data.rows] == [(date(2027, 3, 1), date(2027, 3, 31)),
                                                         (date(2027, 4, 1), date(2027, 4, 30))]  # fmt: skip


def test_a_mapped_month_column_in_german():
    text = "Monat;Kanal;Impressionen;Klicks;Anfragen;Kosten\nMärz 2027;linkedin;12.000;240;9;1.250,00\n"
    mapping = ColumnMapping(columns={"date": "Monat", "platform": "Kanal", "impressions": "Impressionen",
                                     "clicks": "Klicks", "leads": "Anfragen", "spend": "Kosten"})  # fmt: skip
    row = parse_performance_csv(text, source="monat.csv", mapping=mapping).rows[0]
    assert (row.date, row.last_day, row.impressions, row.spend) == (date(2027, 3, 1), date(2027, 3, 31), 12000, 1250.0)


def test_a_cell_in_a_month_column_that_is_no_month_is_refused_naming_row_and_column():
    broken = GOOGLE_ADS_MONTHS.replace("February 2027", "Febtember 2027")
    with pytest.raises(ValidationError, match=r"row 5, column 'Month' \(date\): 'Febtember 2027' is not a month"):
        parse_performance_csv(broken, source="months.csv")


def test_rows_are_numbered_as_a_spreadsheet_shows_them_when_a_cell_holds_a_line_break():
    text = ("date,platform,campaign,impressions,clicks,leads,spend\n"
            '2027-03-01,linkedin,"Spring\nretargeting",1000,20,2,50\n2027-03-02,linkedin,Spring,1000,abc,2,50\n')
    with pytest.raises(ValidationError, match="row 3, column clicks: 'abc' is not a number"):
        parse_performance_csv(text, source="own.csv")


@pytest.mark.parametrize("cell", ["1er mars 2027", "1. März 2027", "1 de marzo de 2027", "1 mars 2027", "1 Mär. 2027"])
def test_dates_with_month_names_in_french_german_or_spanish(cell):
    assert parse_date(cell, "") == date(2027, 3, 1)


def test_june_and_july_in_french_are_not_confused():
    assert (parse_date("12 juin 2027", ""), parse_date("12 juillet 2027", "")) == (date(2027, 6, 12), date(2027, 7, 12))
