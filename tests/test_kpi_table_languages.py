"""Monitoring's KPI table in the report's language: its words, its numbers (as CLDR writes them),
and the grounding rule reading a narrative's figures the way that language writes them."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from aicmo_kernel.analytics.kpis import compute_kpis, format_change, format_kpi
from aicmo_kernel.analytics.performance_csv import load_performance_csv
from aicmo_kernel.analytics.report_table import kpi_tables_markdown
from aicmo_kernel.analytics.targets import compare_targets
from aicmo_kernel.grounding import keep_grounded, ungrounded_numbers
from aicmo_kernel.modules.phrasebook import Sentences

EXAMPLES = Path(__file__).parents[1] / "aicmo_kernel" / "data" / "examples"
CORPUS = Path(__file__).parent / "data" / "briefs_corpus"
# An English figure of the demo data, as each language writes it.
SPEND = {"en": "2,641.24", "fr": "2\u202f641,24", "es": "2.641,24", "de": "2.641,24"}
CTR = {"en": "1.24%", "fr": "1,24\u00a0%", "es": "1,24\u00a0%", "de": "1,24\u00a0%"}
WORDS = {  # headings and labels of the table
    "fr": ["**Période\u00a0:**", "### Totaux", "### Par plateforme", "### Par semaine ISO", "Début de semaine",
           "Coût par contact (EUR)", "Part des contacts", "Valeur cible", "coût par contact\u00a0: dépenses / contacts"],
    "es": ["**Periodo:**", "### Totales", "### Por plataforma", "### Por semana ISO", "Inicio de semana",
           "Coste por contacto (EUR)", "Cuota de contactos", "Valor objetivo", "coste por contacto: gasto / contactos"],
    "de": ["**Zeitraum:**", "### Summen", "### Nach Plattform", "### Nach ISO-Woche", "Wochenbeginn",
           "Kosten pro Kontakt (EUR)", "Anteil an den Kontakten", "Zielwert", "Kosten pro Kontakt: Ausgaben / Kontakte"],
}  # fmt: skip
ENGLISH = ["**Period:**", "### Totals", "### By platform", "Week starting", "Share of leads", "Target value",
           "CPL: spend / leads", "ISO weeks with data"]


def _facts(lang: str) -> dict:
    data = load_performance_csv(csv_path=str(EXAMPLES / "demo_performance.csv"))
    kpis = compute_kpis(data.rows, has_conversions=data.has_conversions, has_revenue=data.has_revenue)
    end = max(r.last_day for r in data.rows)
    targets = [{"metric": "cost per lead", "target": 45, "unit": "EUR"}, {"metric": "leads", "target": 1200},
               {"metric": "brand recall", "target": 12.5, "unit": "%"},
               {"metric": "people reached", "target": 20000, "unit": "count"}]
    compared = compare_targets(targets, kpis["totals"], available=["conversions"], campaign_start=data.rows[0].date,
                               campaign_end=end.replace(month=end.month + 2), data_end=end)
    return {"language": lang, "period": {"start": data.rows[0].date.isoformat(), "end": end.isoformat(),
                                         "rows": len(data.rows)},
            "currency": "EUR", "has_conversions": data.has_conversions, "has_revenue": data.has_revenue,
            "unmeasured": [], **kpis, **compared}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_the_kpi_table_is_written_in_the_reports_language(missing_sentences, lang):
    table = kpi_tables_markdown(_facts(lang), Sentences(lang))
    assert all(word in table for word in WORDS[lang]), table
    assert not [word for word in ENGLISH if word in table], table
    assert SPEND[lang] in table and CTR[lang] in table, table
    reached = {"fr": "20\u202f000", "es": "20.000", "de": "20.000"}[lang]  # a plain number: no "count"
    assert "| brand recall | 12,5\u00a0% |" in table and f"| people reached | {reached} |" in table, table
    assert not re.search(r"\d,\d{3}\.\d|\d\.\d\d%", table), table  # no English-format figure is left
    assert not missing_sentences, sorted(missing_sentences)
    # English stays the table it always was, whatever words are passed.
    english = kpi_tables_markdown(_facts("en"), Sentences("en"))
    assert english == kpi_tables_markdown(_facts("en")) and all(word in english for word in ENGLISH)
    assert SPEND["en"] in english and CTR["en"] in english
    assert "| brand recall | 12.5% |" in english and "| people reached | 20,000 count |" in english


def test_kpi_figures_are_written_as_cldr_writes_them():
    babel = pytest.importorskip("babel.numbers")
    for lang in ("en", "fr", "es", "de"):
        for value in (1234567.891, 2641.24, 0.5, 12.0):
            assert format_kpi("spend", value, lang) == babel.format_decimal(value, format="#,##0.00", locale=lang)
        assert format_kpi("clicks", 96672, lang) == babel.format_decimal(96672, locale=lang)
    for lang in ("fr", "es", "de"):  # English keeps its own "2.44%" and "+1250.55%"
        for value in (2.44, 1250.55, 39.22):
            share = Decimal(str(value)) / 100  # babel's percent of the exact value, not of a binary float
            assert format_kpi("ctr", value, lang) == babel.format_percent(share, locale=lang, decimal_quantization=False)
        assert format_change(-8.33, lang) == babel.format_percent(Decimal("-0.0833"), locale=lang,
                                                                  decimal_quantization=False)
    assert (format_kpi("ctr", 2.44), format_change(12.5), format_change(0), format_kpi("ctr", None)) == (
        "2.44%", "+12.50%", "0.00%", "n/a")


def test_grounding_reads_figures_as_the_documents_language_writes_them():
    fr = "| Dépenses (EUR) | 1\u202f234,56 | 2,44\u00a0% | 96\u202f672 | 2027-03-01 | 2027-W10 |"
    for cited in ("1\u202f234,56 EUR", "1\u00a0234,56", "1234,56", "1\u202f234,6", "1\u202f235", "2,44\u00a0%", "2,4 %",
                  "96\u202f672", "96672", "le 2027-03-01, semaine 10"):
        assert ungrounded_numbers(cited, fr, "fr") == [], cited
    # English formats in a French text are refused, even where their value is in the table.
    assert ungrounded_numbers("2.44% et 1,234.56 EUR", fr, "fr") == ["2.44", "1,234.56"]
    assert ungrounded_numbers("3,5 %", fr, "fr") == ["3,5"]  # nothing is grounded that the table lacks
    de = "| 1.234,56 | 2,44\u00a0% | 96.672 |"
    assert ungrounded_numbers("1.234,56 und 1234,6 und 96.672 und 2,44 %", de, "de") == []
    # "1.234" is one thousand two hundred and thirty-four in German: not 1.234, and not in the table.
    assert ungrounded_numbers("1.234 oder 2.44", de, "de") == ["1.234", "2.44"]
    kept, dropped = keep_grounded("Die Kosten liegen bei 1.234,56 EUR. Die Klickrate stieg auf 2.44 %.", de, "de")
    assert kept == "Die Kosten liegen bei 1.234,56 EUR." and len(dropped) == 1
    # English reads as it always did.
    assert ungrounded_numbers("1,234.56 and 2.44%", "| 1,234.56 | 2.44% |") == []


@pytest.mark.parametrize(("brief", "lang"), [("fr-boulangerie", "fr"), ("de-physio", "de")])
def test_the_monitoring_report_is_grounded_in_its_own_languages_table(brief, lang):
    from aicmo_kernel.briefs import read_brief_file
    from aicmo_kernel.modules.monitoring import grounded_output_model
    from aicmo_kernel.testing.offline_drafts import DRAFT_MODULES, drafts_for_brief

    run = drafts_for_brief(read_brief_file(CORPUS / f"{brief}.yaml"), brief, modules=(*DRAFT_MODULES, "monitoring"),
                           inputs={"monitoring": {"csv_path": str(EXAMPLES / "demo_performance.csv")}})
    assert not run.errors, run.errors
    report, recommendations = run.drafts["monitoring"]
    table = report["metadata"]["kpi_table"]
    assert table in report["content_markdown"] and WORDS[lang][1] in table
    narrative = [report["metadata"]["headline"], *(i["finding"] for i in report["metadata"]["insights"]),
                 *(r["action"] + " " + r["reason"] for r in recommendations["metadata"]["recommendations"])]
    assert all(ungrounded_numbers(text, table, lang) == [] for text in narrative)
    assert SPEND[lang] in "\n".join(narrative) and SPEND["en"] not in "\n".join(narrative)
    # A model that copies a figure the English way is refused, and the same figure as the table has it passes.
    model = grounded_output_model(table, lang)
    answer = {"headline": "x", "insights": [{"finding": f"Spend: {SPEND['en']} EUR."}],
              "recommendations": [{"action": "a", "reason": "r", "priority": "low"}]}
    with pytest.raises(ValidationError, match="2,641.24"):
        model.model_validate(answer)
    answer["insights"] = [{"finding": f"Spend: {SPEND[lang]} EUR."}]
    assert model.model_validate(answer).insights[0].finding.endswith("EUR.")


MONTHS_CSV = (  # a Google Ads export by month: the table shows months, not ISO weeks
    "Month,Campaign,Currency code,Impr.,Clicks,Cost,Conversions\n"
    'January 2027,Brand,EUR,"21,400",980,401.80,31.50\n'
    'February 2027,Brand,EUR,"19,870",902,387.86,28.00\n'
    'March 2027,Brand,EUR,"23,115","1,044",438.48,35.00\n'
)
MONTH_ROW = {  # February, and its change in leads against January
    "fr": "| 2027-02 | 2027-02-01 | 2027-02-28 | 19\u202f870 | 902 | 28 | 387,86 | 4,54\u00a0% | 13,85 | -11,11\u00a0% |",
    "es": "| 2027-02 | 2027-02-01 | 2027-02-28 | 19.870 | 902 | 28 | 387,86 | 4,54\u00a0% | 13,85 | -11,11\u00a0% |",
    "de": "| 2027-02 | 2027-02-01 | 2027-02-28 | 19.870 | 902 | 28 | 387,86 | 4,54\u00a0% | 13,85 | -11,11\u00a0% |",
}
MONTH_WORDS = {"fr": ["### Par mois", "| Mois | Début | Fin |", "mois\u00a0: 3)", "Contacts par rapport au mois précédent"],
               "es": ["### Por mes", "| Mes | Desde | Hasta |", "meses: 3)", "Contactos frente al mes anterior"],
               "de": ["### Nach Monat", "| Monat | Von | Bis |", "Monate: 3)", "Kontakte gegenüber dem Vormonat"]}


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_a_table_by_month_is_written_in_the_reports_language(missing_sentences, lang):
    from aicmo_kernel.analytics.performance_csv import parse_performance_csv

    data = parse_performance_csv(MONTHS_CSV, source="months.csv")
    rows = data.rows
    facts = {"language": lang, "period": {"start": rows[0].date.isoformat(), "end": rows[-1].date.isoformat(),
                                          "rows": len(rows)}, "currency": data.currency, **compute_kpis(rows)}
    table = kpi_tables_markdown(facts, Sentences(lang))
    assert MONTH_ROW[lang] in table and all(word in table for word in MONTH_WORDS[lang]), table
    assert "month" not in table.lower().replace("months.csv", ""), table
    assert not missing_sentences, sorted(missing_sentences)
