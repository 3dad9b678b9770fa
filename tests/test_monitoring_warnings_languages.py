"""Monitoring's data warnings in the report's language: the import's (an ignored column, a file
read as a platform's export) and the module's own (a currency other than the plan's, two files
given) come through the catalogues, as the rest of a French, Spanish or German report does; an
English report and the import's own English warnings read as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from aicmo_kernel.analytics.performance_csv import load_performance_csv, said_text
from aicmo_kernel.briefs import read_brief_file
from aicmo_kernel.modules.phrasebook import Sentences
from aicmo_kernel.testing.offline_drafts import DRAFT_MODULES, drafts_for_brief

CORPUS = Path(__file__).parent / "data" / "briefs_corpus"
CSV = ("date,platform,impressions,clicks,leads,spend,currency,owner\n"
       "2027-03-01,linkedin,1000,40,4,120.50,USD,ana\n2027-03-02,email,800,30,3,0,USD,ana\n")
META = ("Reporting starts,Reporting ends,Campaign name,Impressions,Link clicks,Results,Result indicator,"
        "Amount spent (EUR)\n2027-03-01,2027-03-07,Spring,1000,40,4,actions:lead,120.50\n")
SAID = {  # (brief, the ignored column, the two files, the currency: None where the plan names none)
    "fr": ("fr-boulangerie", "la colonne 'owner' n'est pas utilisée par le rapport",
           "le fichier téléversé a été utilisé",
           "les données sont en USD mais le budget du plan est en EUR\u202f; les chiffres sont affichés en USD"),
    "es": ("es-clinica", "la columna 'owner' no la usa el informe", "se ha usado el archivo subido", None),
    "de": ("de-physio", "die Spalte 'owner' wird vom Bericht nicht verwendet", "die hochgeladene Datei wurde verwendet",
           None),
}
ENGLISH = re.compile(r"is not used by the report|was ignored|uploaded file|the data is in|plan's budget|read as a|"
                     r"are read as leads|rows cover")


def _notes(lang: str, tmp_path: Path) -> str:
    brief = SAID[lang][0]
    run = drafts_for_brief(read_brief_file(CORPUS / f"{brief}.yaml"), brief,
                           modules=(*DRAFT_MODULES, "execution", "monitoring"),
                           inputs={"monitoring": {"csv_text": CSV, "csv_path": str(tmp_path / "unused.csv")}})
    assert not run.errors, run.errors
    report = next(d for d in run.drafts["monitoring"] if d["kind"] == "performance_report")
    return report["content_markdown"].rsplit("\n## ", 1)[-1]


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_the_reports_data_warnings_are_in_its_language(missing_sentences, tmp_path, lang):
    notes = _notes(lang, tmp_path)
    _, column, both, currency = SAID[lang]
    assert column in notes and both in notes, notes
    assert currency is None or currency in notes, notes
    assert not ENGLISH.search(notes), notes
    assert not missing_sentences, sorted(missing_sentences)


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_a_platform_exports_warnings_are_said_in_each_language(missing_sentences, lang):
    data = load_performance_csv(csv_text=META)
    assert any("are read as leads" in w for w in data.warnings)  # the import's own words, English
    said = [said_text(w, Sentences(lang)) for w in data.said]
    assert len(said) == len(data.warnings) and not ENGLISH.search(" ".join(said)), said
    assert not missing_sentences, sorted(missing_sentences)


def test_english_warnings_read_as_before():
    data = load_performance_csv(csv_text=CSV)
    assert data.warnings == ["column 'owner' is not used by the report and was ignored"]
    assert [said_text(w, Sentences("en")) for w in data.said] == data.warnings
