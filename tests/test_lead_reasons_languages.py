"""Leads' scoring reasons in the leadgen documents' language: each component's sentence from the
catalogues, counted nouns by the language's plural rule, the file's values quoted its way; the
English reasons and the components' keys stay as they were."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from aicmo_kernel.leads import IdealCustomer, Lead, score_lead

EXAMPLES = Path(__file__).parents[1] / "aicmo_kernel" / "data" / "examples"
CORPUS = Path(__file__).parent / "data" / "briefs_corpus"
ICP = IdealCustomer(audience="Owners and general managers of cafés with 8 to 40 staff",
                    roles=("owner", "general manager"), industries=("cafe",), size_range=(8, 40), geography="England")
REFERENCE = date(2027, 3, 1)
# Words only the English reasons use.
ENGLISH = re.compile(r"\b(opened|clicked|visited|capped|last active|replied|recorded|is a role|is senior|brief's|"
                     r"fits|outside|industry|title)\b")


def _lead(**fields) -> Lead:
    base = {"row": 2, "name": "Ada", "company": "Café Ada", "title": "Barista", "email": "ada@example.com",
            "status": "new"}
    return Lead(**{**base, **fields})


LEADS = [  # every kind of reason, singular and plural counts
    _lead(title="General Manager", industry="Cafés", company_size="10-20", size_range=(10, 20), country="England",
          email_opens=1, email_clicks=1, site_visits=1, replied=True, last_activity=date(2027, 2, 28)),
    _lead(title="Managing Director", industry="Software", company_size="200+", size_range=(200, None),
          country="United Kingdom", email_opens=7, email_clicks=5, site_visits=4, replied=False,
          last_activity=date(2027, 1, 1)),
    _lead(country="France", last_activity=REFERENCE),
    _lead(),
]
SAID = {  # (lang, sentence a reason must say)
    "fr": ["a ouvert 1 e-mail", "a ouvert 7 e-mails (plafonné à 5 points)", "a visité le site une fois",
           "a visité le site 4 fois", "le poste «\u00a0General Manager\u00a0» est une fonction que le public visé nomme",
           "dernière activité 1 jour avant", "dernière activité 59 jours avant", "n'a pas répondu"],
    "es": ["abrió 1 correo", "abrió 7 correos (con un máximo de 5 puntos)", "visitó el sitio 4 veces",
           "el puesto «General Manager» es un cargo que nombra el público", "última actividad 1 día antes",
           "el sector «Software» no es uno de los que nombra el brief"],
    "de": ["hat 1 E-Mail geöffnet", "hat 7 E-Mails geöffnet (höchstens 5 Punkte)", "hat die Website 4-mal besucht",
           "Position „General Manager“ ist eine Rolle, die die Zielgruppe nennt", "zuletzt aktiv 59 Tage vor",
           "France liegt außerhalb der Region des Briefings"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_every_scoring_reason_is_written_in_the_documents_language(missing_sentences, lang):
    from aicmo_kernel.modules.leadgen.reasons import localized_row, reason_text

    scored = [score_lead(lead, ICP, REFERENCE) for lead in LEADS]
    reasons = [reason_text(c, lang) for s in scored for c in s.components]
    text = "\n".join(reasons)
    assert all(said in text for said in SAID[lang]), text
    assert not [r for r in reasons if ENGLISH.search(r)], text
    assert not missing_sentences, sorted(missing_sentences)
    # The English reasons are the scoring's own, unchanged; the keys and points are the same in every language.
    english = [c.reason for s in scored for c in s.components]
    assert "opened 1 email" in english and "opened 7 emails (capped at 5 points)" in english
    assert "last active 1 day before the file's latest activity (2027-03-01)" in english
    assert [reason_text(c, "en") for s in scored for c in s.components] == english
    row = localized_row(scored[1], lang)
    assert [c["key"] for c in row["components"]] == [c["key"] for c in scored[1].as_row()["components"]]
    assert row["reasons"] == [reason_text(c, lang) for c in scored[1].components if c.points > 0]


@pytest.mark.parametrize(("brief", "lang", "said"), [
    ("fr-boulangerie", "fr", "a ouvert"), ("es-clinica", "es", "abrió"), ("de-physio", "de", "geöffnet"),
])  # fmt: skip
def test_the_scored_leads_document_gives_its_reasons_in_the_briefs_language(brief, lang, said):
    from aicmo_kernel.briefs import read_brief_file
    from aicmo_kernel.testing.offline_drafts import DRAFT_MODULES, drafts_for_brief

    run = drafts_for_brief(read_brief_file(CORPUS / f"{brief}.yaml"), brief, modules=(*DRAFT_MODULES, "leadgen"),
                           inputs={"leadgen": {"csv_path": str(EXAMPLES / "demo_leads.csv")}})
    assert not run.errors, run.errors
    scored = next(d for d in run.drafts["leadgen"] if d["kind"] == "scored_leads")
    rows = [line for line in scored["content_markdown"].splitlines() if line.startswith("| ") and "|---" not in line]
    assert said in "\n".join(rows) and not ENGLISH.search("\n".join(rows[1:])), rows
    notes = [note["rationale"] for note in scored["metadata"]["notes"].values()]
    assert notes and not [note for note in notes if ENGLISH.search(note)], notes
    assert not [r for row in scored["metadata"]["rows"] for r in row["reasons"] if ENGLISH.search(r)]
