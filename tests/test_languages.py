"""Offline drafts in the brief's first language (English, French, Spanish, German): the phrase
banks, how the language is chosen, the copy itself (checked with lingua) and the prompts."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from aicmo_kernel.modules import get_module
from aicmo_kernel.modules.phrasebook import PHRASES, SUPPORTED, first_language, guess_language, language_code, say
from aicmo_kernel.qc.rubric import detect_language, sentences
from aicmo_kernel.testing.offline_drafts import drafts_for_file

CORPUS = Path(__file__).parent / "data" / "briefs_corpus"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_phrase_bank_has_every_phrase_with_the_same_blanks(lang):
    assert set(PHRASES[lang]) == set(PHRASES["en"])
    for key, english in PHRASES["en"].items():
        assert _fields(PHRASES[lang][key]) == _fields(english), (lang, key)


def test_the_language_is_the_declared_one_else_the_briefs_own():
    assert language_code("Français") == "fr" and language_code("English (UK)") == "en"
    assert language_code("Deutsch") == "de" and language_code("es") == "es" and language_code("Klingon") is None
    assert first_language(["Español", "English"], []) == "es"
    # Intake's default "English" does not override a brief written in Spanish.
    assert first_language(["English"], ["Vecinos y estudiantes del barrio de Ruzafa", "Un café gratis con la bollería"]) == "es"
    assert guess_language(["Hausbesitzer und Wohnungseigentümer im Raum München"]) == "de"
    assert guess_language([""]) == "en"
    assert say("es", "question", text="Miedo al dentista") == "¿Miedo al dentista?"
    assert say("fr", "question", text="Le pain rassis") == "Le pain rassis\u202f?"  # French spacing


@pytest.mark.parametrize(
    ("brief", "lang", "cta"),
    [("fr-boulangerie", "fr", "Suivez Boulangerie Martin"), ("fr-cabinet-compta", "fr", "Prenez rendez-vous"),
     ("es-clinica", "es", "Pide tu cita"), ("es-cafe", "es", "Sigue a Café La Esquina"),
     ("de-handwerk", "de", "Termin vereinbaren"), ("de-saas", "de", "Demo buchen"),
     ("b2b-northwind", "en", "Get in touch with Northwind Ledger")],
)  # fmt: skip
def test_creatives_are_written_in_the_briefs_language(brief, lang, cta):
    run = drafts_for_file(CORPUS / f"{brief}.yaml")
    creatives = [d for d in run.drafts["creatives"] if d["kind"] != "image_prompt"]
    assert creatives
    for d in creatives:
        text = d["content_markdown"] + " " + " ".join(str(s.get("voiceover")) for s in d["metadata"].get("scenes") or [])
        found = [detect_language(s) for s in sentences(text) if len(s.split()) >= 4]
        wrong = [f for f in found if f not in (None, lang)]
        assert len(wrong) <= max(1, len(found) // 5), (d["kind"], found)
        assert d["metadata"]["cta"].startswith(cta), d["metadata"]["cta"]


def test_german_copy_keeps_its_nouns_capitalised():
    run = drafts_for_file(CORPUS / "de-physio.yaml")
    text = " ".join(d["content_markdown"] for d in run.drafts["creatives"] if d["kind"] != "image_prompt")
    assert "Rückenschmerzen nach langen Bürotagen" in text
    assert "rückenschmerzen" not in text


def test_the_prompts_name_the_language_to_write_in():
    run = drafts_for_file(CORPUS / "es-clinica.yaml")
    strategy_meta = next(d["metadata"] for d in run.drafts["strategy"] if d["kind"] == "strategy_document")
    assert strategy_meta["language"] == "es"
    spec = get_module("creatives")
    brand = {"name": "Clínica Sonrisa", "banned_words": [], "disclaimers": []}
    upstream = {"strategy": run.drafts["strategy"]}
    values = spec.default_inputs(brand=brand, campaign={"channels": ["instagram"]}, upstream=upstream)
    assert values["language"] == "es"
    request = spec.build_request(spec.validate_inputs(values), brand=brand, campaign={}, upstream=upstream)
    assert re.search(r'"language": "es"', request.prompt)
    assert "in the language named by `language`" in request.prompt
    assert "creatives.v3" in request.prompt
