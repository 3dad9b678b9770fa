"""Performance data in: each ad platform's export as it comes, any table through a mapping, numbers
and dates by locale, and the sanity blockers. Totals are checked against ``truth.json``, the sums of
the numbers the fixture generator wrote before formatting them (tests/data/imports/make_fixtures.py).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicmo_kernel.analytics import (
    compute_kpis,
    format_kpi,
    load_performance_csv,
    parse_performance_csv,
)
from aicmo_kernel.analytics.locale_values import (
    BLANKS,
    DECIMAL_SEPARATORS,
    decimal_separators_possible,
    parse_number,
)
from aicmo_kernel.analytics.performance_csv import parse_performance_bytes
from aicmo_kernel.date_cells import date_orders_possible, parse_date
from aicmo_kernel.errors import ValidationError

DATA = Path(__file__).parent / "data" / "imports"
TRUTH = json.loads((DATA / "truth.json").read_text("utf-8"))
FORMATS = {
    "meta_ads_manager.csv": "Meta Ads Manager",
    "google_ads.csv": "Google Ads",
    "linkedin_campaign_manager.csv": "LinkedIn Campaign Manager",
    "ga4_traffic_acquisition.csv": "Google Analytics 4",
    "tiktok_ads_manager.xlsx": "TikTok Ads Manager",
    "microsoft_advertising.csv": "Microsoft Advertising",
    "semicolon_german.csv": "Workbench CSV",
}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_export_imports_as_it_comes_with_the_true_totals(name):
    data = load_performance_csv(csv_path=str(DATA / name))
    truth = TRUTH[name]
    assert data.format == FORMATS[name]
    totals = compute_kpis(data.rows)["totals"]
    assert len(data.rows) == truth["rows"]
    assert totals["impressions"] == truth["impressions"]
    assert totals["clicks"] == truth["clicks"]
    assert totals["leads"] == pytest.approx(truth["leads"])
    assert totals["spend"] == pytest.approx(truth["spend"], abs=0.005)
    assert sorted({r.platform for r in data.rows}) == truth["platforms"]
    assert data.currency == truth["currency"]


def test_google_ads_keeps_fractional_conversions_and_skips_the_total_rows():
    data = load_performance_csv(csv_path=str(DATA / "google_ads.csv"))
    assert any(not float(r.leads).is_integer() for r in data.rows)
    assert {r.campaign for r in data.rows} == {"Search - Brand", "Search - Generic"}
    assert any("conversions are read as leads" in w for w in data.warnings)
    assert format_kpi("leads", 388.5) == "388.50" and format_kpi("leads", 388) == "388"


def test_meta_results_count_as_leads_only_where_the_result_is_a_lead():
    data = load_performance_csv(csv_path=str(DATA / "meta_ads_manager.csv"))
    assert all(r.leads == 0 for r in data.rows if r.campaign == "Blog traffic")
    assert any("not leads" in w for w in data.warnings)


def test_preamble_and_comment_lines_are_kept_as_notes_not_rows():
    linkedin = load_performance_csv(csv_path=str(DATA / "linkedin_campaign_manager.csv"))
    assert linkedin.notes[0] == "Campaign Performance Report (in UTC)"
    assert linkedin.rows[0].date == date(2027, 3, 1) and linkedin.rows[-1].date == date(2027, 3, 14)
    ga4 = load_performance_csv(csv_path=str(DATA / "ga4_traffic_acquisition.csv"))
    assert any("sessions" in w.lower() for w in ga4.warnings)


def test_the_german_semicolon_export_is_read_in_thousands():
    data = load_performance_csv(csv_path=str(DATA / "semicolon_german.csv"))
    first = data.rows[0]
    assert first.date == date(2027, 3, 1)
    assert first.impressions > 1000 and first.spend > 1000


def test_the_known_bug_cannot_come_back_silently():
    # Nothing in the file shows the decimal separator: "12.000" is 12 or 12,000; refuse by name.
    text = "date;platform;impressions;clicks;leads;spend\n2027-03-01;linkedin;12.000;129;3;450\n"
    with pytest.raises(ValidationError, match=r"column impressions is ambiguous: '12.000' could be 12 or 12000"):
        parse_performance_csv(text, source="export.csv")
    # With the separator given (or shown by another column), it is read in thousands.
    assert parse_performance_csv(text, source="e.csv", mapping={"decimal_separator": ","}).rows[0].impressions == 12000
    shown = text.replace(";450\n", ";450,50\n")
    assert parse_performance_csv(shown, source="e.csv").rows[0].impressions == 12000
    # The original report: 12 impressions for 129 clicks is a CTR of 1,075%, and is blocked.
    bug = "date;platform;impressions;clicks;leads;spend\n2027-03-01;linkedin;12;129;3;450.50\n"
    with pytest.raises(ValidationError, match=r"more clicks than impressions .*row 2.*CTR 1,075%"):
        parse_performance_csv(bug, source="export.csv")


def test_blockers_name_the_rows():
    rows = "".join(f"2027-03-{d:02d},x,{1000 if d != 4 else 10},50,1,20\n" for d in range(1, 8))
    with pytest.raises(ValidationError, match=r"1 row report more clicks than impressions .*row 5") as caught:
        parse_performance_csv("date,platform,impressions,clicks,leads,spend\n" + rows, source="f.csv")
    assert caught.value.details["clicks_above_impressions"] == [5]
    mixed = ("Day,Campaign,Currency code,Impr.,Clicks,Cost,Conversions\n"
             "2027-03-01,A,USD,100,5,10.00,1\n2027-03-01,B,EUR,100,5,10.00,1\n2027-03-02,B,EUR,100,5,10.00,1\n")
    with pytest.raises(ValidationError, match=r"several currencies .*EUR on row 3, 4; USD on row 2"):
        parse_performance_csv(mixed, source="ads.csv")


def test_ambiguous_dates_fail_naming_the_column_unless_the_order_is_given():
    text = "Day,Campaign,Impr.,Clicks,Cost,Conversions\n03/01/2027,A,100,5,10.00,1\n04/01/2027,A,100,5,10.00,1\n"
    with pytest.raises(ValidationError, match=r"column 'Day' \(date\) is ambiguous: '03/01/2027'"):
        parse_performance_csv(text, source="ads.csv")
    given = parse_performance_csv(text, source="ads.csv", mapping={
        "columns": {"date": "Day", "campaign": "Campaign", "impressions": "Impr.", "clicks": "Clicks",
                    "spend": "Cost", "leads": "Conversions"},
        "platform": "google_ads", "date_order": "MDY"})  # fmt: skip
    assert [r.date for r in given.rows] == [date(2027, 3, 1), date(2027, 4, 1)]
    day_first = text.replace("04/01/2027", "13/01/2027")
    assert parse_performance_csv(day_first, source="ads.csv").rows[0].date == date(2027, 1, 3)
    mixed = day_first.replace("03/01/2027", "01/13/2027")
    with pytest.raises(ValidationError, match="mixes day-first and month-first"):
        parse_performance_csv(mixed, source="ads.csv")
    # A cell that is a date under neither order is no date: it fails on its own row, the column's
    # order still read from the others (not "mixes day-first and month-first").
    typo = day_first + "31/31/2027,A,100,5,10.00,1\n"
    with pytest.raises(ValidationError, match=r"row 4\b.*'31/31/2027'") as caught:
        parse_performance_csv(typo, source="ads.csv")
    assert "mixes" not in str(caught.value)


def test_any_xlsx_imports_through_a_column_mapping():
    mapping = {"columns": {"date": "Day", "platform": "Channel", "impressions": "Views", "clicks": "Taps",
                           "leads": "Sign-ups", "spend": "Budget used"}}  # fmt: skip
    data = load_performance_csv(csv_path=str(DATA / "custom_mapping.xlsx"), mapping=mapping)
    truth = TRUTH["custom_mapping.xlsx"]
    totals = compute_kpis(data.rows)["totals"]
    assert (totals["impressions"], totals["clicks"], totals["leads"]) == (truth["impressions"], truth["clicks"], truth["leads"])
    assert totals["spend"] == pytest.approx(truth["spend"])
    upload = parse_performance_bytes((DATA / "custom_mapping.xlsx").read_bytes(), filename="numbers.xlsx", mapping=mapping)
    assert len(upload.rows) == truth["rows"]
    with pytest.raises(ValidationError, match=r"the column mapping gives no column for leads \(leads: 'Signups' is not in the header\)"):
        load_performance_csv(csv_path=str(DATA / "custom_mapping.xlsx"),
                             mapping={**mapping, "columns": {**mapping["columns"], "leads": "Signups"}})
    with pytest.raises(ValidationError, match="the column mapping names cost, which is not a field; fields are date, platform"):
        load_performance_csv(csv_path=str(DATA / "custom_mapping.xlsx"), mapping={"columns": {"cost": "x"}})


def test_utf16_tab_separated_google_ads_export(tmp_path):
    text = (DATA / "google_ads.csv").read_text("utf-8")
    import csv
    import io
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter="\t").writerows(rows)
    path = tmp_path / "google_ads_excel.csv"
    path.write_bytes(out.getvalue().encode("utf-16"))
    data = load_performance_csv(csv_path=str(path))
    assert compute_kpis(data.rows)["totals"]["clicks"] == TRUTH["google_ads.csv"]["clicks"]


def test_a_platform_export_missing_a_column_says_what_it_looked_for():
    text = "Reporting starts,Campaign name,Impressions,Amount spent (USD),Link clicks\n2027-03-01,A,100,5,3\n"
    with pytest.raises(ValidationError, match=r"looks like a Meta Ads Manager export but has no column for leads \(looked for leads: leads, results\)"):
        parse_performance_csv(text, source="meta.csv")


def test_the_meta_summary_row_is_left_out_not_added_to_the_totals():
    text = ("Campaign name,Reporting starts,Reporting ends,Results,Result indicator,Impressions,"
            "Amount spent (EUR),Link clicks\n"
            ",2027-03-01,2027-03-31,,,65000,\"1,534.56\",1200\n"
            "Spring – Lead form,2027-03-01,2027-03-31,45,actions:onsite_conversion.lead_grouped,45000,"
            "\"1,234.56\",800\n"
            "Traffic 🚀 東京,2027-03-01,2027-03-31,1200,actions:link_click,20000,300.00,400\n")  # fmt: skip
    data = parse_performance_csv(text, source="meta.csv")
    totals = compute_kpis(data.rows)["totals"]
    assert (len(data.rows), totals["impressions"], totals["leads"]) == (2, 65000, 45)
    assert totals["spend"] == pytest.approx(1534.56)
    assert any("row 2 names no campaign: read as Meta Ads Manager's summary row" in w for w in data.warnings)


def test_a_total_row_has_no_date_so_a_campaign_called_total_stays():
    text = ("Campaign,Day,Impr.,Clicks,Cost,Conversions\nTotal Reach,2027-03-01,1000,10,5.00,1\n"
            "Brand,2027-03-01,1000,10,5.00,1\nTotal: Account,--,2000,20,10.00,2\n")  # fmt: skip
    assert sorted(r.campaign for r in parse_performance_csv(text, source="ads.csv").rows) == ["Brand", "Total Reach"]
    # Google Ads in German, through a mapping: its "Gesamt: Konto" row is a total row too.
    german = ("Kampagnenleistungsbericht\n\"1. März 2027 - 2. März 2027\"\n"
              "Tag,Kampagne,Impr.,Klicks,Kosten,Conversions\n01.03.2027,Marke,1.234,56,\"44,80\",\"3,00\"\n"
              "02.03.2027,Marke,1.100,40,\"36,00\",\"0,00\"\nGesamt: Konto,--,2.334,96,\"80,80\",\"3,00\"\n")  # fmt: skip
    mapping = {"columns": {"date": "Tag", "campaign": "Kampagne", "impressions": "Impr.", "clicks": "Klicks",
                           "spend": "Kosten", "leads": "Conversions"}, "platform": "google_ads",
               "fractional_leads": True}  # fmt: skip
    totals = compute_kpis(parse_performance_csv(german, source="de.csv", mapping=mapping).rows)["totals"]
    assert (totals["impressions"], totals["clicks"], totals["spend"]) == (2334, 96, pytest.approx(80.8))


def test_the_preview_finds_the_header_below_a_title_line_holding_commas():
    from aicmo_kernel.analytics.performance_csv import preview_performance_upload

    # Google Ads' "Excel CSV": UTF-16, tabs, and a date range line whose commas are not quoted.
    text = ("Campaign report\nMarch 1, 2027 - March 2, 2027\nDay\tCampaign\tImpr.\tClicks\tCost\tConversions\n"
            "2027-03-01\tBrand\t1,234\t56\t44.80\t3.00\n")  # fmt: skip
    preview = preview_performance_upload(text.encode("utf-16"), "report.csv")
    assert preview["format"] == "Google Ads" and preview["header"][0] == "Day"
    assert preview["rows"] == [["2027-03-01", "Brand", "1,234", "56", "44.80", "3.00"]]
    # An export no format knows: the error shows its columns, not its title line.
    unknown = "Rapport\nJour;Campagne;Impr.;Clics;Coût\n01/03/2027;Marque;1 234;56;44,80\n"
    with pytest.raises(ValidationError, match=r"\(found: jour, campagne, impr\., clics, coût\); .* give a column mapping"):
        parse_performance_csv(unknown, source="fr.csv")


def test_a_row_wider_than_the_header_is_refused_not_shifted():
    text = "date,platform,impressions,clicks,leads,spend\n2027-03-01,linkedin,1234,10,1,1,234.50\n"
    with pytest.raises(ValidationError, match=r"row 2 has more cells than the header's 6 columns; .*needs quotes"):
        parse_performance_csv(text, source="numbers.csv")
    trailing = "date,platform,impressions,clicks,leads,spend,\n2027-03-01,linkedin,1234,10,1,234.50,\n"
    assert parse_performance_csv(trailing, source="numbers.csv").rows[0].spend == 234.5


def test_number_cells_of_an_xlsx_keep_their_decimal_point(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["date", "platform", "impressions", "clicks", "leads", "spend", "revenue"])
    book.active.append([date(2027, 3, 1), "linkedin", 12000, 120, 3, 2.125, 0.00001])
    book.save(tmp_path / "typed.xlsx")
    row = load_performance_csv(csv_path=str(tmp_path / "typed.xlsx")).rows[0]
    assert (row.spend, row.revenue) == (2.125, 0.00001)
    # Next to a text cell with a decimal comma, the number cell is not read as 2,125: refused.
    book.active.cell(2, 7).value = "45,30"
    book.save(tmp_path / "mixed.xlsx")
    with pytest.raises(ValidationError, match="use a decimal point but revenue a decimal comma"):
        load_performance_csv(csv_path=str(tmp_path / "mixed.xlsx"))


# --------------------------------------------------------------------------- hypothesis


def _format(value: float, decimals: int, decimal: str, thousands: str) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


@given(st.lists(st.floats(min_value=0, max_value=10_000_000, allow_nan=False).map(lambda v: round(v, 2)),
                min_size=1, max_size=30),
       st.sampled_from([(".", ","), (".", " "), (".", ""), (",", "."), (",", " "), (",", "\u202f"), (",", "")]),
       st.sampled_from([0, 2]))  # fmt: skip
def test_numbers_are_read_right_or_refused_never_wrong(values, style, decimals):
    decimal, thousands = style
    cells = [_format(v, decimals, decimal, thousands) for v in values]
    possible, differs = decimal_separators_possible(cells)
    assert decimal in possible  # the true convention is never ruled out
    for cell, value in zip(cells, values, strict=True):
        assert parse_number(cell, decimal) == pytest.approx(round(value, decimals), abs=1e-9)
    if len(possible) == 1:
        assert possible == {decimal}
    elif differs:
        other = ({".", ","} - {decimal}).pop()  # both possible and some value differs: must be asked
        assert any(parse_number(c, other) != parse_number(c, decimal) for c in cells)


@given(st.lists(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), min_size=1, max_size=40),
       st.sampled_from(["DMY", "MDY"]), st.sampled_from(["/", "-"]))  # fmt: skip
def test_dates_are_read_right_or_refused_never_wrong(days, order, separator):
    cells = [(f"{d.day:02d}{separator}{d.month:02d}" if order == "DMY" else f"{d.month}{separator}{d.day}")
             + f"{separator}{d.year}" for d in days]  # fmt: skip
    possible, paired = date_orders_possible(cells)
    assert paired and order in possible
    if possible == {order}:
        assert [parse_date(c, order) for c in cells] == days
    else:  # both orders give real dates for every cell: only then may it be ambiguous
        assert all(d.day <= 12 for d in days)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_iso_compact_and_named_month_dates_need_no_order(day):
    for cell in (day.isoformat(), day.strftime("%Y%m%d"), day.strftime("%b %-d, %Y"), day.strftime("%-d %B %Y"),
                 day.strftime("%d.%m.%Y")):
        assert parse_date(cell, "MDY") == day == parse_date(cell, "DMY")


def test_the_mapping_preview_suggests_columns_and_the_mapping_is_saved_per_brand():
    from aicmo_kernel.analytics.performance_csv import preview_performance_upload
    from aicmo_kernel.analytics.saved_mappings import save_mapping, saved_mapping
    from aicmo_kernel.store import Workspace

    text = "Our numbers\nTag;Kanal;Impressionen;Klicks;Anfragen;Kosten\n01.03.2027;LinkedIn;12.000;129;3;450,50\n"
    preview = preview_performance_upload(text.encode("utf-8"), "numbers.csv")
    assert preview["format"] is None and preview["preamble"] == ["Our numbers"]
    assert preview["rows"] == [["01.03.2027", "LinkedIn", "12.000", "129", "3", "450,50"]]
    mapping = preview["suggested_mapping"]
    assert mapping["columns"] == {"date": "Tag", "platform": "Kanal", "impressions": "Impressionen",
                                  "clicks": "Klicks", "leads": "Anfragen", "spend": "Kosten"}  # fmt: skip
    row = parse_performance_csv(text, source="numbers.csv", mapping=mapping).rows[0]
    assert (row.date, row.impressions, row.spend) == (date(2027, 3, 1), 12000, 450.5)
    known = preview_performance_upload((DATA / "google_ads.csv").read_bytes(), "google_ads.csv")
    assert known["format"] == "Google Ads" and known["header"][0] == "Day"
    with Workspace.open() as ws:
        brand = ws.create_brand("Acme")
        ws.create_campaign(brand.name, "spring")
        ws.create_campaign(brand.name, "summer")
        assert saved_mapping(ws, "summer", "performance") is None
        save_mapping(ws, "spring", "performance", mapping)
        assert saved_mapping(ws, "summer", "performance") == mapping  # the brand's, from another campaign
        assert saved_mapping(ws, "spring", "leads") is None


def test_meta_rows_over_several_days_are_flagged():
    text = ("Reporting starts,Reporting ends,Campaign name,Impressions,Link clicks,Leads,Amount spent (EUR)\n"
            "2027-03-01,2027-03-31,Spring,12000,300,12,450.00\n")
    data = parse_performance_csv(text, source="meta.csv")
    assert data.currency == "EUR" and data.rows[0].leads == 12
    assert any(w.startswith("1 row covers several days (row 2:") for w in data.warnings)


def _separators_by_reading_every_cell(cells: list[str], whole: bool) -> tuple[set[str], bool]:
    """decimal_separators_possible as first written: every cell read under both separators."""
    possible, differs = set(DECIMAL_SEPARATORS), False
    for cell in cells:
        if cell.strip().lower() in BLANKS:
            continue
        readings = {}
        for decimal in DECIMAL_SEPARATORS:
            try:
                number = parse_number(cell, decimal)
            except ValueError:
                continue
            if not (whole and not number.is_integer()):
                readings[decimal] = number
        if readings:
            possible &= set(readings)
            differs = differs or len(set(readings.values())) > 1
    return possible, differs


_CELLS = st.one_of(
    st.integers(0, 10**9).map(str),
    st.integers(0, 10**7).map(lambda n: f" {n} "),
    st.sampled_from(["1,234", "1.234", "1,234.56", "1.234,56", "12,5", "12.5", "-", "n/a", "", "1 234", "٣٤", "²"]),
    st.text(alphabet="0123456789.,- ", max_size=8),
)


@given(st.lists(_CELLS, max_size=12), st.booleans())
def test_whole_numbers_skipped_early_give_the_same_separators(cells, whole):
    assert decimal_separators_possible(cells, whole=whole) == _separators_by_reading_every_cell(cells, whole)
