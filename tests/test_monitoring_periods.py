"""Monitoring with rows that are months (to add once monitoring.diff is applied): the data ends on
the last month's last day, and a month only partly inside the reporting period is left out, named."""

from __future__ import annotations

from datetime import date

from test_import_periods import GOOGLE_ADS_MONTHS
from test_monitoring import BRAND, EXECUTION, SPEC

CAMPAIGN = {"name": "spring", "start_date": "2027-01-01", "end_date": "2027-06-30"}
MONTHLY_PLAN = {"execution": [{**EXECUTION["execution"][0], "metadata": {
    **EXECUTION["execution"][0]["metadata"], "start_date": "2027-01-01", "end_date": "2027-06-30"}}]}


def test_month_rows_end_on_the_months_last_day():
    facts = SPEC.prepare_facts(SPEC.validate_inputs({"csv_text": GOOGLE_ADS_MONTHS}), brand=BRAND,
                               campaign=CAMPAIGN, upstream=MONTHLY_PLAN)
    assert facts["period"] == {"start": "2027-01-01", "end": "2027-03-31", "rows": 3}
    assert facts["elapsed"]["days"] == 90 and facts["elapsed"]["of_days"] == 181
    assert [p["period"] for p in facts["periods"]] == ["2027-01", "2027-02", "2027-03"] and facts["weeks"] == []


def test_a_month_partly_inside_the_reporting_period_is_left_out_and_named():
    inputs = SPEC.validate_inputs({"csv_text": GOOGLE_ADS_MONTHS, "period_start": date(2027, 2, 1),
                                   "period_end": date(2027, 3, 15)})
    facts = SPEC.prepare_facts(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=MONTHLY_PLAN)
    assert facts["period"] == {"start": "2027-02-01", "end": "2027-02-28", "rows": 1}
    assert any("1 rows cover days both inside and outside the reporting period" in w and "row 6" in w
               for w in facts["warnings"])
