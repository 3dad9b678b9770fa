"""The warning for rows that cover several days counts its rows as a counted noun, in English and
in each report language: "1 row covers several days", never "1 rows"."""

from __future__ import annotations

import pytest

from aicmo_kernel.analytics.performance_csv import parse_performance_csv, said_text
from aicmo_kernel.modules.phrasebook import Sentences

HEADER = "Reporting starts,Reporting ends,Campaign name,Impressions,Link clicks,Leads,Amount spent (EUR)\n"
ONE = HEADER + "2027-03-01,2027-03-31,Spring,12000,300,12,450.00\n"
TWO = ONE + "2027-04-01,2027-04-30,Spring,9000,200,8,300.00\n"
SAID = {  # (the start of the sentence for one row, for two)
    "en": ("1 row covers several days (row 2: 2027-03-01 to 2027-03-31): its figures",
           "2 rows cover several days (row 2: 2027-03-01 to 2027-03-31): their figures"),
    "fr": ("1 ligne couvre plusieurs jours", "lignes qui couvrent plusieurs jours\u00a0: 2"),
    "es": ("1 fila cubre varios días", "filas que cubren varios días: 2"),
    "de": ("1 Zeile umfasst mehrere Tage", "Zeilen, die mehrere Tage umfassen: 2"),
}  # fmt: skip


def _said(text: str, lang: str) -> str:
    data = parse_performance_csv(text, source="meta.csv")
    return next(said_text(w, Sentences(lang)) for w in data.said if "several days" in w["template"])


@pytest.mark.parametrize("lang", ["en", "fr", "es", "de"])
def test_one_row_is_singular_and_several_are_plural(missing_sentences, lang):
    one, many = SAID[lang]
    assert _said(ONE, lang).startswith(one)
    assert _said(TWO, lang).startswith(many)
    assert not missing_sentences, sorted(missing_sentences)


def test_the_imports_own_english_warning_is_singular_for_one_row():
    assert any(w.startswith(SAID["en"][0]) for w in parse_performance_csv(ONE, source="meta.csv").warnings)
