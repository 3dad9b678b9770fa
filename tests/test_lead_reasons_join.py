"""Several scoring reasons on one line are separated the way the language writes a semicolon, the
same separator between reasons as inside one ("(owner) ; le public visé ..." in French, with a
narrow no-break space): never "; " next to " ;" in one French line."""

from __future__ import annotations

from datetime import date

import pytest

from aicmo_kernel.leads import IdealCustomer, Lead, score_lead
from aicmo_kernel.modules.leadgen.reasons import joined_reasons, reason_text

ICP = IdealCustomer(audience="Cafés", roles=(), industries=("cafe",), size_range=(8, 40), geography="England")
LEAD = Lead(row=2, name="Bea", company="Café Bea", title="Owner", email="bea@example.com", status="new",
            email_opens=6, email_clicks=3, site_visits=4, replied=True, last_activity=date(2027, 2, 27))


@pytest.mark.parametrize(("lang", "separator"), [("en", "; "), ("es", "; "), ("de", "; "), ("fr", "\u202f; ")])
def test_reasons_are_joined_as_the_language_writes_a_semicolon(lang, separator):
    reasons = [reason_text(c, lang) for c in score_lead(LEAD, ICP, date(2027, 3, 1)).components if c.points > 0]
    line = joined_reasons(lang, reasons)
    assert len(reasons) >= 3 and line == separator.join(reasons), line
    if lang == "fr":  # inside the title's reason and between reasons alike
        assert "(owner)\u202f; " in line and "; " not in line.replace("\u202f; ", ""), line
