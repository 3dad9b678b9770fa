"""Writes the CRM-export fixtures of tests/test_lead_imports.py and ``truth.json`` (what each file
holds, counted before writing). Run from the repository root after changing it."""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
FIRST = ["Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Leo", "Freya", "Arthur", "Zoë", "Søren"]
LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "O'Neill", "Müller", "Evans"]
TITLES = ["Financial Controller", "CFO", "Chief Financial Officer", "Finance Director", "Marketing Manager",
          "Head of Finance", "Office Manager", "Group Financial Controller", "Software Engineer"]
COMPANIES = ["Acme Tooling Ltd", "Brightwater Foods", "Castle & Co", "Dunmore Plastics", "Elm Street Bakery",
             "=cmd|' /C calc'!A0", "Fenwick Metals", "+44 Logistics"]
REF = date(2027, 3, 14)


def _people(rng: random.Random, n: int):
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        yield first, last, rng.choice(COMPANIES), rng.choice(TITLES), f"{first[0].lower()}.{i}@corp{i % 5}.co.uk"


def _csv(rows, delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def hubspot(rng):
    stages = ["Lead", "Marketing Qualified Lead", "Sales Qualified Lead", "Opportunity", "Customer", "Subscriber"]
    statuses = ["", "New", "Attempted to contact", "Connected", "Open deal", "Unqualified", "Bad timing", "In progress"]
    header = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title",
              "Lifecycle Stage", "Lead Status", "Contact owner", "Create Date", "Last Activity Date",
              "Industry", "Number of Employees", "Country/Region", "Marketing emails opened",
              "Marketing emails clicked"]
    rows, kept, left = [header], 0, 0
    for i, (first, last, company, title, email) in enumerate(_people(rng, 36)):
        stage, status = rng.choice(stages), rng.choice(statuses)
        when = REF - timedelta(days=rng.randint(0, 120))
        rows.append([str(5120 + i), first, last, email, "+44 20 7946 0000", company, title, stage, status,
                     "Sam Analyst", "2026-11-02 09:14", f"{when.isoformat()} 10:22", "Manufacturing",
                     str(rng.choice([12, 45, 180, 900])), "United Kingdom", str(rng.randint(0, 9)),
                     str(rng.randint(0, 3))])
        if not status and stage == "Customer":
            left += 1
        else:
            kept += 1
    (HERE / "hubspot_contacts.csv").write_text("\ufeff" + _csv(rows), encoding="utf-8")
    return {"leads": kept, "left_out_customers": left}


def salesforce(rng):
    statuses = ["Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted", "Nurturing"]
    header = ["First Name", "Last Name", "Title", "Company / Account", "Email", "Lead Status", "Lead Source",
              "Industry", "No. of Employees", "Country", "Last Activity", "Rating"]
    rows, counts = [header], {}
    for first, last, company, title, email in _people(rng, 30):
        status = rng.choice(statuses)
        when = REF - timedelta(days=rng.randint(0, 60))
        rows.append([first, last, title, company, email, status, rng.choice(["Web", "Partner Referral", "Trade Show"]),
                     "Manufacturing", str(rng.choice([20, 150, 2400])), "United Kingdom",
                     when.strftime("%d/%m/%Y"), rng.choice(["Hot", "Warm", "Cold"])])
        counts[status] = counts.get(status, 0) + 1
    footer = [[], ["Grand Totals (30 records)"], [], ["Confidential Information - Do Not Distribute"],
              ["Copyright (c) 2000-2027 salesforce.com, inc. All rights reserved."]]
    (HERE / "salesforce_leads.csv").write_text("\ufeff" + _csv(rows + footer, ";"), encoding="utf-8")
    return {"leads": 30, "statuses": counts}


def pipedrive(rng):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Person - Name", "Person - Organization", "Person - Job title", "Person - Email - Work",
                  "Deal - Stage", "Deal - Status", "Person - Last activity date", "Organization - Industry"])
    stages = ["Lead In", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started"]
    won = 0
    for first, last, company, title, email in _people(rng, 25):
        status = rng.choice(["Open", "Open", "Open", "Won", "Lost"])
        won += status == "Won"
        sheet.append([f"{first} {last}", company, title, email, rng.choice(stages), status,
                      REF - timedelta(days=rng.randint(0, 40)), "Manufacturing"])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # exported text that looks like a formula stays text
    book.save(HERE / "pipedrive_deals.xlsx")
    return {"leads": 25 - won, "won": won}


def main():
    rng = random.Random(13)
    truth = {"hubspot_contacts.csv": hubspot(rng), "salesforce_leads.csv": salesforce(rng),
             "pipedrive_deals.xlsx": pipedrive(rng)}
    (HERE / "truth.json").write_text(json.dumps(truth, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
