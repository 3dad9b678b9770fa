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


# Where a Meta export's fields were read, said with the language's words for the fields (the headers
# are the file's own, quoted as they are).
READ_FROM = {
    "fr": ["date lue dans la colonne 'Reporting starts'", "clics lus dans la colonne 'Link clicks'",
           "contacts lus dans la colonne 'Results'", "dépenses lues dans la colonne 'Amount spent (EUR)'"],
    "es": ["fecha leída de la columna 'Reporting starts'", "clics leídos de la columna 'Link clicks'",
           "contactos leídos de la columna 'Results'", "gasto leído de la columna 'Amount spent (EUR)'"],
    "de": ["Datum aus der Spalte 'Reporting starts'", "Klicks aus der Spalte 'Link clicks'",
           "Kontakte aus der Spalte 'Results'", "Ausgaben aus der Spalte 'Amount spent (EUR)'"],
}  # fmt: skip
# A code's field name before "read from" as the catalogues said it for any field ("spend lu dans la
# colonne", "spend leído de la columna", "date aus der Spalte"); "date lue" and "impressions lues" are French.
FIELD_NAMES = re.compile(r"\b(date|platform|campaign|impressions|clicks|leads|spend|conversions|revenue|currency) "
                         r"(lu|leído|aus) ")
# A CSV saved by Excel as plain "CSV" on a Western European Windows: Windows-1252, not UTF-8.
CP1252 = ("date,platform,campaign,impressions,clicks,leads,spend\n"
          "2027-03-01,linkedin,Été à Zürich,1000,40,4,120.50\n").encode("cp1252")
ENCODING = {"fr": "ventes.csv\u00a0: pas en UTF-8\u00a0: lu comme du Windows-1252",
            "es": "ventes.csv: no está en UTF-8: leído como Windows-1252",
            "de": "ventes.csv: kein UTF-8: als Windows-1252 gelesen"}


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_the_import_note_names_the_fields_in_the_reports_language(missing_sentences, lang):
    data = load_performance_csv(csv_text=META)
    read_as = said_text(data.said[0], Sentences(lang))
    assert all(said in read_as for said in READ_FROM[lang]), read_as
    assert not FIELD_NAMES.search(read_as), read_as
    assert not missing_sentences, sorted(missing_sentences)
    # English names the fields as before: the code's names, each with the header it was read from.
    assert data.warnings[0] == said_text(data.said[0], Sentences("en")) == (
        "read as a Meta Ads Manager export: date from 'Reporting starts', campaign from 'Campaign name', "
        "impressions from 'Impressions', clicks from 'Link clicks', leads from 'Results', "
        "spend from 'Amount spent (EUR)'")


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_a_file_read_as_windows_1252_is_said_in_the_reports_language(missing_sentences, lang):
    from aicmo_kernel.analytics.performance_csv import parse_performance_bytes

    data = parse_performance_bytes(CP1252, filename="ventes.csv")
    assert data.rows[0].campaign == "Été à Zürich"
    said = " ".join(said_text(w, Sentences(lang)) for w in data.said)
    assert ENCODING[lang] in said and "CSV UTF-8" in said, said
    assert not re.search(r"not UTF-8|read as Windows|Western Europe|look wrong|load it again", said), said
    assert not missing_sentences, sorted(missing_sentences)
    english = [w for w in data.warnings if "Windows-1252" in w]  # the import's own words stay English
    assert english == [("ventes.csv: not UTF-8: read as Windows-1252 (Excel's plain 'CSV' in Western Europe); if "
                        "accented names look wrong, save the file as 'CSV UTF-8' and load it again")]
