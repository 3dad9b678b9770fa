"""Leadgen in the brief's language: the example-data banner's reason (a leads file whose every
email is on a reserved example domain) is the documents' language, and a model's figures are read
as that language writes them (1 200 in French, 1.200 in German), so a grounded figure is kept."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from aicmo_kernel.briefs import read_brief_file
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.testing.offline_drafts import DRAFT_MODULES, drafts_for_brief

CORPUS = Path(__file__).parent / "data" / "briefs_corpus"
BRIEFS = {"fr": "fr-boulangerie", "es": "es-clinica", "de": "de-physio"}
BANNER = {
    "fr": "toutes les adresses e-mail sont sur un domaine réservé aux exemples",
    "es": "todas las direcciones de correo están en un dominio reservado para ejemplos",
    "de": "alle E-Mail-Adressen liegen auf einer für Beispiele reservierten Domain",
}
# A company of 1,200 people, as each language writes the figure.
STAFF = {"fr": "Cette entreprise compte 1\u202f200 salariés.", "es": "Esta empresa tiene 1.200 empleados.",
         "de": "Dieses Unternehmen hat 1.200 Mitarbeiter."}


def _uncommented_leads() -> str:
    """The demo leads without their "example data" comment, Bea Brunchley's company at 1200 people:
    example data only by their reserved email domains."""
    text = resources.files("aicmo_kernel").joinpath("data", "examples", "demo_leads.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    bea = next(n for n, line in enumerate(lines) if line.startswith("Bea Brunchley,"))
    cells = lines[bea].split(",")
    cells[6] = "1200"
    lines[bea] = ",".join(cells)
    return "\n".join(lines) + "\n"


class _NoteWithAFigure(OfflineProvider):
    """The offline composer's answer, each lead note citing the company's size in ``sentence``."""

    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence

    def complete(self, request):
        answer = super().complete(request)
        for note in (answer.data or {}).get("lead_notes") or []:
            note["rationale"] = f"{note['rationale']} {self.sentence}"
        return answer


def _scored(lang: str, provider=None) -> dict:
    run = drafts_for_brief(read_brief_file(CORPUS / f"{BRIEFS[lang]}.yaml"), BRIEFS[lang], provider=provider,
                           modules=(*DRAFT_MODULES, "leadgen"), inputs={"leadgen": {"csv_text": _uncommented_leads()}})
    assert not run.errors, run.errors
    return next(d for d in run.drafts["leadgen"] if d["kind"] == "scored_leads")


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_the_example_banner_gives_its_reason_in_the_documents_language(lang):
    banner = next(line for line in _scored(lang)["content_markdown"].splitlines() if line.startswith("> "))
    assert BANNER[lang] in banner and "reserved example domain" not in banner, banner


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_a_figure_written_the_languages_way_is_grounded(lang):
    scored = _scored(lang, _NoteWithAFigure(STAFF[lang]))
    bea = next(note for note in scored["metadata"]["notes"].values() if note["rationale"].startswith("Bea Brunchley"))
    assert bea["source"] == "model" and STAFF[lang] in bea["rationale"], bea
    assert STAFF[lang] not in scored["metadata"].get("removed_ungrounded_sentences", [])


def test_a_french_leads_document_separates_reasons_one_way():
    """The leads table and the notes join several reasons with the French semicolon (a narrow
    no-break space before it), as inside one reason: never a bare "; " beside " ; " in one line."""
    text = _scored("fr")["content_markdown"]
    lines = [line for line in text.splitlines() if "\u202f; " in line]
    assert lines, text[:1500]
    assert not [line for line in text.splitlines() if "; " in line.replace("\u202f; ", "")], text[:1500]


def test_a_colon_before_markdown_emphasis_gets_the_french_space():
    from aicmo_kernel.modules.phrasebook import typeset

    assert typeset("fr", "**Avant l'envoi :** une personne") == "**Avant l'envoi\u00a0:** une personne"
    assert typeset("fr", "_Note :_ rien") == "_Note\u00a0:_ rien"
    assert typeset("fr", "voir https://example.com :8080") == "voir https://example.com :8080"  # not a colon of prose
    assert typeset("en", "**Before sending :**") == "**Before sending :**"
    run = drafts_for_brief(read_brief_file(CORPUS / "fr-boulangerie.yaml"), "fr-boulangerie",
                           modules=(*DRAFT_MODULES, "leadgen"), inputs={"leadgen": {"csv_text": _uncommented_leads()}})
    lines = [line for draft in run.drafts["leadgen"] for line in draft["content_markdown"].splitlines()]
    assert not [line for line in lines if " :" in line.replace("\u00a0:", "")]
