"""Monitoring's report in the brief's language beyond its KPI table's headings: platform names that
are words ("Email", "Paid ads") and the charts' titles, axes and example-data label are said in the
report's language (the charts are drawn later, by an export, in the same words); brand names stay
as they are. Counts in the period line meet their noun: "1 ISO week with data", never "1 ISO weeks"."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from aicmo_kernel.analytics.charts import chart_data, chart_list, chart_words, stored_charts
from aicmo_kernel.analytics.kpis import compute_kpis, platform_label
from aicmo_kernel.analytics.performance_csv import parse_performance_csv
from aicmo_kernel.analytics.report_table import kpi_tables_markdown
from aicmo_kernel.modules.phrasebook import Sentences

EXAMPLES = Path(__file__).parents[1] / "aicmo_kernel" / "data" / "examples"
CORPUS = Path(__file__).parent / "data" / "briefs_corpus"
BRIEFS = {"fr": "fr-boulangerie", "es": "es-clinica", "de": "de-physio"}
EMAIL = {"fr": "E-mail", "es": "Correo", "de": "E-Mail"}
ADS = {"fr": "Publicité payante", "es": "Publicidad de pago", "de": "Bezahlte Anzeigen"}
CHART_TITLES = {
    "fr": ["Contacts et dépenses par semaine ISO (données d'exemple)", "Taux de clics par plateforme (données d'exemple)",
           "Coût par contact par plateforme (données d'exemple)"],
    "es": ["Contactos y gasto por semana ISO (datos de ejemplo)", "Tasa de clics por plataforma (datos de ejemplo)",
           "Coste por contacto por plataforma (datos de ejemplo)"],
    "de": ["Kontakte und Ausgaben pro ISO-Woche (Beispieldaten)", "Klickrate nach Plattform (Beispieldaten)",
           "Kosten pro Kontakt nach Plattform (Beispieldaten)"],
}  # fmt: skip
DRAWS = importlib.util.find_spec("matplotlib") is not None
ENGLISH_TITLES = ["Leads and spend per ISO week (example data)", "CTR by platform (example data)",
                  "CPL by platform (example data)"]


def _report(lang: str, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The offline monitoring report of the brief's campaign, with the assets it stores (its charts)."""
    from aicmo_kernel.briefs import read_brief_file
    from aicmo_kernel.testing import offline_drafts
    from aicmo_kernel.testing.offline_drafts import DRAFT_MODULES, drafts_for_brief

    as_upstream = offline_drafts._upstream_item
    monkeypatch.setattr(offline_drafts, "_upstream_item", lambda d, module: {**as_upstream(d, module), "assets": d.assets})
    run = drafts_for_brief(read_brief_file(CORPUS / f"{BRIEFS[lang]}.yaml"), BRIEFS[lang],
                           modules=(*DRAFT_MODULES, "monitoring"),
                           inputs={"monitoring": {"csv_path": str(EXAMPLES / "demo_performance.csv")}})
    assert not run.errors, run.errors
    return run.drafts["monitoring"][0]


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_the_report_names_platforms_and_charts_in_its_language(missing_sentences, monkeypatch, lang):
    pytest.importorskip("matplotlib")
    report = _report(lang, monkeypatch)
    text = report["content_markdown"]
    assert f"| {EMAIL[lang]} |" in text and "| Email |" not in text, text
    assert "| LinkedIn |" in text and "| Instagram |" in text  # names stay names
    source_line = next(line for line in text.splitlines() if line.startswith("*") and "demo_performance.csv" in line)
    assert EMAIL[lang] in source_line and "Email" not in source_line, source_line
    titles = [chart["title"] for chart in report["assets"]["charts"]]
    assert titles == CHART_TITLES[lang], titles
    assert all(f"![{title}](chart:" in text for title in titles)
    # An export draws the stored charts in the same words.
    drawn = stored_charts(report["assets"])
    assert [chart["title"] for chart in drawn] == titles and all(chart.get("png_base64") for chart in drawn)
    assert not missing_sentences, sorted(missing_sentences)


def test_platform_words_and_chart_words_in_each_language_and_english_unchanged():
    facts = {"weeks": [], "currency": "EUR", "platforms": [
        {"platform": "ads", "ctr": 1.5, "cpl": 12.0}, {"platform": "email", "ctr": 2.5, "cpl": None},
        {"platform": "google_ads", "ctr": 3.0, "cpl": 9.5}]}
    for lang in ("fr", "es", "de"):
        say = Sentences(lang)
        assert [platform_label(key, say) for key in ("ads", "email", "google_ads", "tiktok", "other")] == [
            ADS[lang], EMAIL[lang], "Google Ads", "TikTok", "Other"]
        words = chart_words(say)
        assert chart_data(facts, words=words)["words"] == words
        if DRAWS:
            assert "by platform" not in " ".join(c["title"] for c in chart_list(facts, words=words))
    assert [platform_label(key) for key in ("ads", "email", "google_ads")] == ["Paid ads", "Email", "Google Ads"]
    assert "words" not in chart_data(facts)  # an English report stores what it always stored
    if DRAWS:
        assert [c["title"] for c in chart_list(facts, label="example data")] == ENGLISH_TITLES[1:]


ONE_ROW = "date,platform,impressions,clicks,leads,spend\n2027-03-02,email,1000,20,1,10.00\n"


PERIOD_SAID = {"en": "(1 row, 1 ISO week with data)", "fr": "(lignes\u00a0: 1, semaines ISO avec données\u00a0: 1)",
               "es": "(filas: 1, semanas ISO con datos: 1)", "de": "(Zeilen: 1, ISO-Wochen mit Daten: 1)"}


def test_the_period_line_counts_rows_and_weeks(missing_sentences):
    data = parse_performance_csv(ONE_ROW, source="one.csv")
    for lang, said in PERIOD_SAID.items():
        facts = {"language": lang, "period": {"start": "2027-03-02", "end": "2027-03-02", "rows": 1},
                 "currency": "EUR", **compute_kpis(data.rows)}
        table = kpi_tables_markdown(facts, Sentences(lang))
        assert said in table and "1 ISO weeks" not in table and "1 rows" not in table, table
    two = dict(facts, language="en", period=dict(facts["period"], rows=2), weeks=facts["weeks"] * 2)
    assert "(2 rows, 2 ISO weeks with data)" in kpi_tables_markdown(two)
    assert not missing_sentences, sorted(missing_sentences)
