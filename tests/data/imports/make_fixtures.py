"""Writes the performance-export fixtures of tests/test_imports.py, with each file's true totals.

Run it from the repository root (``python tests/data/imports/make_fixtures.py``) after changing
it; the files are committed so a reader can open them. Every file is written the way the platform
writes it (title lines, comment lines, thousands separators, percentages, total rows, footers),
and ``truth.json`` holds the sums of the numbers *before* they were formatted, so the tests check
the importer against numbers it never parsed.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
START = date(2027, 3, 1)
DAYS = 14


def _daily(rng: random.Random, campaigns: list[str], *, fractional: bool = False):
    for offset in range(DAYS):
        day = START + timedelta(days=offset)
        for campaign in campaigns:
            impressions = rng.randint(800, 25_000)
            clicks = int(impressions * rng.uniform(0.004, 0.04))
            leads = round(rng.uniform(0, clicks * 0.12) * 2) / 2 if fractional else rng.randint(0, max(1, clicks // 9))
            spend = round(rng.uniform(15, 1_800), 2)
            yield day, campaign, impressions, clicks, leads, spend


def _truth(rows, **extra):
    return {
        "rows": len(rows), "impressions": sum(r[2] for r in rows), "clicks": sum(r[3] for r in rows),
        "leads": round(sum(r[4] for r in rows), 2), "spend": round(sum(r[5] for r in rows), 2), **extra,
    }


def _csv(rows: list[list[object]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def meta(rng: random.Random) -> dict:
    rows = list(_daily(rng, ["Spring leads - UK", "Spring leads - IE", "Blog traffic"]))
    header = ["Reporting starts", "Reporting ends", "Campaign name", "Campaign delivery", "Results",
              "Result indicator", "Reach", "Impressions", "Cost per results", "Amount spent (GBP)",
              "Link clicks", "CTR (link click-through rate)", "Ends"]
    lines: list[list[object]] = [header]
    counted = []
    for day, campaign, impressions, clicks, leads, spend in rows:
        traffic = campaign == "Blog traffic"
        results = clicks if traffic else leads
        indicator = "actions:link_click" if traffic else "actions:offsite_conversion.fb_pixel_lead"
        lines.append([day.isoformat(), day.isoformat(), campaign, "active", results or "", indicator,
                      int(impressions * 0.8), impressions, f"{spend / results:.6f}" if results else "",
                      f"{spend:.2f}", clicks, f"{clicks / impressions * 100:.6f}", "Ongoing"])
        counted.append((day, campaign, impressions, clicks, 0 if traffic else leads, spend))
    (HERE / "meta_ads_manager.csv").write_text("\ufeff" + _csv(lines), encoding="utf-8")
    return _truth(counted, currency="GBP", platforms=["meta"])


def google_ads(rng: random.Random) -> dict:
    rows = list(_daily(rng, ["Search - Brand", "Search - Generic"], fractional=True))
    lines: list[list[object]] = [["Campaign performance report"], ["1 March 2027 - 14 March 2027"],
                                 ["Day", "Campaign", "Campaign status", "Currency code", "Impr.", "Clicks",
                                  "CTR", "Avg. CPC", "Cost", "Conversions", "Conv. value"]]
    for day, campaign, impressions, clicks, leads, spend in rows:
        lines.append([day.isoformat(), campaign, "Enabled", "USD", f"{impressions:,}", f"{clicks:,}",
                      f"{clicks / impressions * 100:.2f}%", f"{spend / clicks:,.2f}" if clicks else "--",
                      f"{spend:,.2f}", f"{leads:,.2f}", "--"])
    total = _truth(rows)
    for label in ("Total: Account", "Total: Search", "Total: Campaigns"):
        lines.append([label, "--", "--", "USD", f"{total['impressions']:,}", f"{total['clicks']:,}", "--",
                      "--", f"{total['spend']:,.2f}", f"{total['leads']:,.2f}", "0.00"])
    (HERE / "google_ads.csv").write_text(_csv(lines), encoding="utf-8")
    return _truth(rows, currency="USD", platforms=["google_ads"])


def linkedin(rng: random.Random) -> dict:
    rows = list(_daily(rng, ["Finance leaders - Lead Gen Form", "Controllers retargeting"]))
    lines: list[list[object]] = [
        ["Campaign Performance Report (in UTC)"], ["Report Start: 3/1/2027, 12:00 AM"],
        ["Report End: 3/14/2027, 11:59 PM"], ["Date Generated: 3/15/2027, 8:02 AM"],
        ["Start Date (in UTC)", "Account Name", "Campaign Group Name", "Campaign Name", "Campaign ID",
         "Campaign Type", "Currency", "Total Spent", "Impressions", "Clicks", "Average CTR", "Leads",
         "Conversions"]]
    for day, campaign, impressions, clicks, leads, spend in rows:
        lines.append([f"{day.month}/{day.day}/{day.year}", "Northwind Finance", "Spring 2027", campaign,
                      "1893" + str(len(campaign)), "Sponsored Content", "EUR", f"{spend:.2f}", impressions,
                      clicks, f"{clicks / impressions:.4f}", leads, 0])
    (HERE / "linkedin_campaign_manager.csv").write_text(_csv(lines), encoding="utf-8")
    return _truth(rows, currency="EUR", platforms=["linkedin"])


def ga4(rng: random.Random) -> dict:
    channels = ["Organic Search", "Paid Social", "Direct", "Email"]
    rows = []
    lines: list[list[object]] = [["Date", "Session primary channel group (Default channel group)", "Sessions",
                                  "Engaged sessions", "Engagement rate", "Key events", "Total revenue"]]
    for offset in range(DAYS):
        day = START + timedelta(days=offset)
        for channel in channels:
            sessions = rng.randint(40, 3_000)
            key_events = rng.randint(0, sessions // 20)
            rows.append((day, channel, 0, sessions, key_events, 0.0))
            lines.append([day.strftime("%Y%m%d"), channel, sessions, int(sessions * 0.6), "0.6", key_events, 0])
    comments = ("# ----------------------------------------\n# Traffic acquisition: Session primary channel "
                "group (Default channel group)\n# Account: Northwind\n# Property: northwind.example\n"
                "# ----------------------------------------\n#\n# Start date: 20270301\n"
                "# End date: 20270314\n")
    (HERE / "ga4_traffic_acquisition.csv").write_text(comments + _csv(lines).replace("\r\n", "\n"), encoding="utf-8")
    return _truth(rows, currency="", platforms=sorted(c.lower() for c in channels))


def tiktok(rng: random.Random) -> dict:
    import openpyxl

    rows = list(_daily(rng, ["Spring UGC", "Spring Spark Ads"]))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Campaign data"
    sheet.append(["Campaign name", "By Day", "Currency", "Cost", "Impressions", "Clicks (destination)",
                  "CTR (destination)", "Conversions", "Cost per conversion"])
    for day, campaign, impressions, clicks, leads, spend in rows:
        sheet.append([campaign, day, "GBP", spend, impressions, clicks, round(clicks / impressions, 4),
                      leads, round(spend / leads, 2) if leads else "-"])
    sheet.append(["Total of 28 results", None, "GBP", None, None, None, None, None, None])
    book.save(HERE / "tiktok_ads_manager.xlsx")
    return _truth(rows, currency="GBP", platforms=["tiktok"])


def microsoft(rng: random.Random) -> dict:
    rows = list(_daily(rng, ["Bing - Brand", "Bing - Competitors"], fractional=True))
    preamble = ['"Report Name: Campaign performance"', '"Report Time: 3/15/2027 9:12:03 AM"',
                '"Time Zone: (GMT) Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London"',
                '"Last Completed Available Day: 3/14/2027 11:59:59 PM (GMT)"',
                '"Report Aggregation: Daily"', '"Report Filter: "', '"Potential Incomplete Data: false"',
                f'"Rows: {len(rows)}"', ""]
    lines: list[list[object]] = [["Gregorian date", "Campaign name", "Currency code", "Impressions",
                                  "Clicks", "Spend", "Conversions", "Revenue"]]
    for day, campaign, impressions, clicks, leads, spend in rows:
        lines.append([f"{day.month}/{day.day}/{day.year}", campaign, "GBP", impressions, clicks,
                      f"{spend:.2f}", f"{leads:.2f}", "0.00"])
    footer = '"©2027 Microsoft Corporation. All rights reserved. "\n'
    (HERE / "microsoft_advertising.csv").write_text("\n".join(preamble) + "\n" + _csv(lines) + footer, encoding="utf-8")
    return _truth(rows, currency="GBP", platforms=["microsoft_ads"])


def german(rng: random.Random) -> dict:
    """The known bug: our columns, a semicolon, "12.000" impressions and "45,30" spend."""
    rows = list(_daily(rng, ["Frühjahr"]))
    rows = [(d, c, i * 3, cl, le, s) for d, c, i, cl, le, s in rows]  # every value above 1,000

    def de(number: float, decimals: int = 0) -> str:
        return f"{number:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")

    lines: list[list[object]] = [["date", "platform", "impressions", "clicks", "leads", "spend"]]
    for day, _, impressions, clicks, leads, spend in rows:
        lines.append([day.strftime("%d.%m.%Y"), "linkedin", de(impressions), de(clicks), leads, de(spend, 2)])
    (HERE / "semicolon_german.csv").write_text("\ufeff" + _csv(lines, ";"), encoding="utf-8")
    return _truth(rows, currency="", platforms=["linkedin"])


def custom_xlsx(rng: random.Random) -> dict:
    import openpyxl

    rows = list(_daily(rng, ["Newsletter"]))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Our weekly numbers (internal)"])
    sheet.append(["Day", "Channel", "Views", "Taps", "Sign-ups", "Budget used", "Owner"])
    for day, _, impressions, clicks, leads, spend in rows:
        sheet.append([day, "Email", impressions, clicks, leads, spend, "=HYPERLINK(\"x\")"])
    book.save(HERE / "custom_mapping.xlsx")
    return _truth(rows, currency="", platforms=["email"])


def main() -> None:
    rng = random.Random(2027)
    truth = {
        "meta_ads_manager.csv": meta(rng), "google_ads.csv": google_ads(rng),
        "linkedin_campaign_manager.csv": linkedin(rng), "ga4_traffic_acquisition.csv": ga4(rng),
        "tiktok_ads_manager.xlsx": tiktok(rng), "microsoft_advertising.csv": microsoft(rng),
        "semicolon_german.csv": german(rng), "custom_mapping.xlsx": custom_xlsx(rng),
    }
    (HERE / "truth.json").write_text(json.dumps(truth, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
