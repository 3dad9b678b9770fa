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
from aicmo_kernel.testing.offline_drafts import DRAFT_MODULES, drafts_for_brief, drafts_for_file

CORPUS = Path(__file__).parent / "data" / "briefs_corpus"
LATER_MODULES = (*DRAFT_MODULES, "autonomy", "leadgen", "monitoring")  # the offline drafts, then modules after them
EXAMPLES = Path(__file__).parents[1] / "aicmo_kernel" / "data" / "examples"
LEADS = {"leadgen": {"csv_path": str(EXAMPLES / "demo_leads.csv")},
         "monitoring": {"csv_path": str(EXAMPLES / "demo_performance.csv")}}  # fmt: skip


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
    assert first_language(["English and French"], []) == "en"  # a bilingual Canadian brief
    from aicmo_kernel.modules.phrasebook import language_codes
    from aicmo_kernel.qc.rubric import language_codes as rubric_codes

    assert language_codes("English and French") == rubric_codes(["English and French"]) == ["en", "fr"]
    assert language_codes(["Español / English"]) == rubric_codes(["Español / English"]) == ["es", "en"]
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


# --------------------------------------------------------------------------- documents (issue 14)


def test_french_grammar_and_spacing_at_each_blank():
    from aicmo_kernel.modules.phrasebook import fill, number, target

    assert fill("fr", "De {pain} à {outcome}.", {"pain": "le pain rassis", "outcome": "les matins calmes"}) == (
        "Du pain rassis aux matins calmes.")
    assert fill("fr", "Un mot de {name} : {x} ?", {"name": "Atelier Lumière", "x": "oui"}) == (
        "Un mot d'Atelier Lumière\u00a0: oui\u202f?")
    assert fill("fr", "« {x} »", {"x": "bonjour"}) == "«\u00a0bonjour\u00a0»"
    assert fill("es", "Sigue a {name} del {y}", {"name": "el Rincón", "y": "barrio"}) == "Sigue al Rincón del barrio"
    assert fill("fr", "Pour {who} : {pain}", {"who": "vous", "pain": "Paris : 20 h"}) == "Pour vous\u00a0: Paris : 20 h"
    assert number("fr", 20000) == "20\u202f000" and number("de", 1500.5) == "1.500,5" and number("en", 20000) == "20,000"
    assert target("fr", {"metric": "personnes touchées", "target": 20000, "unit": "count"}) == (
        "personnes touchées\u00a0: 20\u202f000")
    from aicmo_kernel.modules.phrasebook import date_text

    assert [date_text(lang, "2027-09-01") for lang in ("en", "fr", "es", "de")] == [
        "2027-09-01", "1er septembre 2027", "1 de septiembre de 2027", "1. September 2027"]


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_every_catalogue_sentence_keeps_the_english_blanks(lang):
    from aicmo_kernel.modules.translations import catalog

    for english, translated in catalog(lang).items():
        assert _fields(translated) == _fields(english), (lang, english)


def test_every_sentence_the_composers_write_has_a_translation(missing_sentences):
    """Compose briefs of every sector and size in French, Spanish and German, and record each
    English sentence looked up that a catalogue lacks."""
    from aicmo_kernel.briefs import read_brief_file

    names = ["b2b-northwind", "food-sourdough", "nonprofit-foodbank", "health-physio", "finance-mortgage",
             "tiny-offer-only", "hostile-banned-in-brief", "retail-fashion"]  # fmt: skip
    for name in names:
        for language in ("Français", "Español", "Deutsch"):
            brief = {**read_brief_file(CORPUS / f"{name}.yaml"), "languages": language}
            run = drafts_for_brief(brief, name, modules=LATER_MODULES, inputs=LEADS)
            assert not run.errors, (name, language, run.errors)
    assert not missing_sentences, sorted(missing_sentences)


@pytest.mark.parametrize(("brief", "lang", "words", "english"), [
    ("fr-boulangerie", "fr", ["Réalité de l'entreprise", "Contraintes", "Page de destination"], "Business reality"),
    ("es-clinica", "es", ["Realidad del negocio", "Reglas de decisión", "Sanidad regulada"], "Constraints"),
    ("de-physio", "de", ["Geschäftliche Realität", "Entscheidungsregeln", "Regulierter Gesundheitsbereich"],
     "Decision rules"),
])  # fmt: skip
def test_intake_and_strategy_are_written_in_the_briefs_language(brief, lang, words, english):
    run = drafts_for_file(CORPUS / f"{brief}.yaml")
    strategy = next(d for d in run.drafts["strategy"] if d["kind"] == "strategy_document")["content_markdown"]
    assert all(w in strategy for w in words) and english not in strategy
    for d in run.drafts["intake"] + run.drafts["strategy"]:
        found = [detect_language(s) for s in sentences(d["content_markdown"]) if len(s.split()) >= 4]
        wrong = [f for f in found if f not in (None, lang)]
        assert len(wrong) <= len(found) // 5, (d["title"], found)


def test_a_tiny_french_brief_gets_its_fallback_lines_in_french():
    run = drafts_for_file(CORPUS / "tiny-name-only-fr.yaml")
    text = "\n".join(d["content_markdown"] for d in run.drafts["intake"] + run.drafts["strategy"])
    assert "Pas encore de budget" in text and "Quelle est exactement l'offre" in text
    assert "No budget yet" not in text and "What exactly is the offer" not in text and "to confirm with the client" not in text


def test_several_languages_get_paired_assets_marked_with_their_language():
    from aicmo_kernel.modules.creatives import CreativeAsset

    run = drafts_for_file(CORPUS / "es-software.yaml")  # languages: Español, English
    creatives = [d for d in run.drafts["creatives"] if d["kind"] != "image_prompt"]
    by_kind: dict[str, list[str]] = {}
    for d in creatives:
        by_kind.setdefault(d["kind"], []).append(d["metadata"]["language"])
        assert f"({d['metadata']['language'].upper()})" in d["title"]
    assert by_kind and all(langs == ["es", "en"] for langs in by_kind.values()), by_kind
    english = [d for d in creatives if d["metadata"]["language"] == "en"]
    assert all(d["metadata"]["cta"].startswith("Start your free trial") for d in english)
    # A brief in one language keeps unmarked assets, and stored assets without the field still load.
    single = drafts_for_file(CORPUS / "es-clinica.yaml")
    assert not any("language" in d["metadata"] for d in single.drafts["creatives"])
    assert CreativeAsset.model_validate({"asset_type": "x_post", "title": "t", "hook": "h", "cta": "c"}).language == ""


def test_the_execution_plan_is_written_in_the_briefs_language():
    run = drafts_for_file(CORPUS / "fr-boulangerie.yaml")
    text = "\n".join(d["content_markdown"] for d in run.drafts["execution"])
    assert "Première publication" in text and "Seules les versions validées sont programmées" in text
    assert "First run" not in text and "Only approved versions are scheduled" not in text


def test_a_french_line_that_lists_the_banned_words_is_not_a_use_of_them():
    from aicmo_kernel.qc import run_qc

    brand = {"banned_words": ["révolutionnaire"]}
    plan = "# Gouvernance\n\nNe jamais utiliser les mots interdits (révolutionnaire).\n\n## Mots à éviter\n\n- révolutionnaire"
    issues = run_qc(plan, kind="governance_plan", platform=None, brand=brand).issues
    assert not [i for i in issues if i.check_id == "banned_words"]
    post = run_qc("Une offre révolutionnaire pour votre cabinet.", kind="linkedin_post", platform="linkedin", brand=brand)
    assert [i for i in post.issues if i.check_id == "banned_words"]


def test_a_bilingual_canadian_brief_gets_english_and_french_assets():
    run = drafts_for_file(CORPUS / "ca-bilingual.yaml")  # languages: English and French
    strategy = next(d for d in run.drafts["strategy"] if d["kind"] == "strategy_document")
    assert strategy["metadata"]["language"] == "en" and strategy["metadata"]["languages"] == ["en", "fr"]
    languages = {d["metadata"].get("language") for d in run.drafts["creatives"] if d["kind"] != "image_prompt"}
    assert languages == {"en", "fr"}
    french = [d for d in run.drafts["creatives"] if d["metadata"].get("language") == "fr"]
    assert all(d["metadata"]["cta"].startswith(("Réservez", "Découvrez", "Lancez", "Prenez")) for d in french), [
        d["metadata"]["cta"] for d in french]


def test_the_client_packs_executive_summary_follows_the_strategys_language():
    from aicmo_kernel.modules.delivery.composer import compose_delivery

    facts = {"campaign_title": "La rentrée gourmande", "brand": "Boulangerie Martin", "checklist": [],
             "counts": [{"module": "strategy", "title": "Strategy", "count": 2}], "items": [
                 {"kind": "strategy_document", "metadata": {"language": "fr", "duration_weeks": 5, "budget": 1500,
                                                             "currency": "EUR", "channels": ["instagram", "email"]}},
                 {"kind": "content_calendar", "metadata": {"start_date": "2027-09-01"}}]}  # fmt: skip
    out = compose_delivery({"facts": facts})
    text = " ".join([out["headline"], *out["summary"], *out["next_steps"]])
    assert "prête au lancement" in out["headline"] and "1\u202f500 EUR" in text and "1er septembre 2027" in text
    assert "pendant 5 semaines sur ces canaux\u00a0: Instagram et l'e-mail" in text
    facts["items"][0]["metadata"]["language"] = "en"
    assert "within a budget of 1,500 EUR" in " ".join(compose_delivery({"facts": facts})["summary"])


@pytest.mark.parametrize(("brief", "lang", "words", "english"), [
    ("fr-boulangerie", "fr", ["Politique d'autonomie", "Ce qui demande toujours une personne", "Garde-fou sur les dépenses"],
     "What always needs a person"),
    ("es-clinica", "es", ["Política de autonomía", "Plan de acción", "Control de gasto"], "Spend guard"),
    ("de-physio", "de", ["Autonomie-Richtlinie", "Maßnahmenplan", "Ausgabensicherung"], "Action plan"),
])  # fmt: skip
def test_autonomys_policy_and_action_plan_are_written_in_the_briefs_language(brief, lang, words, english):
    from aicmo_kernel.briefs import read_brief_file

    run = drafts_for_brief(read_brief_file(CORPUS / f"{brief}.yaml"), brief, modules=LATER_MODULES, inputs=LEADS)
    assert not run.errors, run.errors
    text = "\n".join(d["title"] + "\n" + d["content_markdown"] for d in run.drafts["autonomy"])
    assert all(w in text for w in words) and english not in text, text
    for d in run.drafts["autonomy"]:
        found = [detect_language(s) for s in sentences(d["content_markdown"]) if len(s.split()) >= 4]
        wrong = [f for f in found if f not in (None, lang)]
        assert len(wrong) <= len(found) // 5, (d["title"], found)


@pytest.mark.parametrize(("brief", "lang", "words", "english"), [
    ("fr-boulangerie", "fr", ["Séquence de prospection", "Bonjour,", "Avant l'envoi", "Comment les scores sont calculés"],
     "Hello again"),
    ("es-clinica", "es", ["Secuencia de prospección", "Hola de nuevo", "Antes de enviar", "Contactos puntuados"],
     "Before sending"),
    ("de-physio", "de", ["Akquise-Sequenz", "Guten Tag", "Vor dem Versand", "Bewertete Kontakte"], "Touch 1"),
])  # fmt: skip
def test_leadgens_outreach_and_lead_magnets_are_written_in_the_briefs_language(brief, lang, words, english):
    """Our sentences follow the brief; the leads file's values and the scoring's reasons (code's
    words, in the table) are shown as they are."""
    from aicmo_kernel.briefs import read_brief_file

    run = drafts_for_brief(read_brief_file(CORPUS / f"{brief}.yaml"), brief, modules=LATER_MODULES, inputs=LEADS)
    assert not run.errors, run.errors
    text = "\n".join(d["title"] + "\n" + d["content_markdown"] for d in run.drafts["leadgen"])
    assert all(w in text for w in words) and english not in text, text
    for d in run.drafts["leadgen"]:
        if d["kind"] == "scored_leads":
            continue
        body = "\n".join(line for line in d["content_markdown"].splitlines() if not line.startswith(">"))  # the file's note
        found = [detect_language(s) for s in sentences(body) if len(s.split()) >= 4]
        wrong = [f for f in found if f not in (None, lang)]
        assert len(wrong) <= len(found) // 5, (d["title"], found)


@pytest.mark.parametrize(("brief", "lang", "words", "english"), [
    ("fr-boulangerie", "fr", ["Rapport de performance", "Constats", "a le coût par contact le plus bas", "priorité"],
     "has the lowest cost per lead"),
    ("es-clinica", "es", ["Informe de rendimiento", "Observaciones", "Recomendaciones"], "Insights"),
    ("de-physio", "de", ["Leistungsbericht", "Erkenntnisse", "Empfehlungen"], "What to watch next"),
])  # fmt: skip
def test_monitorings_report_prose_follows_the_strategys_language(brief, lang, words, english):
    """The narrative and headings follow the strategy (carried by execution's calendar); the
    figures keep the KPI table's format, which the grounding rule matches them against."""
    from aicmo_kernel.briefs import read_brief_file

    run = drafts_for_brief(read_brief_file(CORPUS / f"{brief}.yaml"), brief, modules=LATER_MODULES, inputs=LEADS)
    assert not run.errors, run.errors
    report, recommendations = run.drafts["monitoring"]
    text = report["title"] + report["content_markdown"] + recommendations["content_markdown"]
    assert all(w in text for w in words) and english not in text, text
    prose = [report["metadata"]["headline"], *(i["finding"] for i in report["metadata"]["insights"]),
             *(r["action"] + " " + r["reason"] for r in recommendations["metadata"]["recommendations"])]
    found = [detect_language(s) for s in prose if len(s.split()) >= 4]
    assert found and sum(f not in (None, lang) for f in found) <= len(found) // 5, found


@pytest.mark.parametrize(("lang", "words", "english"), [
    ("fr", ["Enseignements", "Comment les relecteurs ont modifié les brouillons", "Règles proposées"], "Proposed rules"),
    ("es", ["Lecciones", "Cómo cambiaron los revisores los borradores", "Reglas propuestas"], "Lessons:"),
    ("de", ["Erkenntnisse", "Wie die Prüfenden die Entwürfe geändert haben", "Vorgeschlagene Regeln"], "Summary"),
])  # fmt: skip
def test_learns_lessons_follow_the_strategys_language(workspace, missing_sentences, lang, words, english):
    """Learn reads the campaign's language from its strategy; every sentence it writes has a
    translation (the fact statements and proposed rules are code's words, quoted as they are)."""
    from fixtures_store import generate, item, make_campaign

    from aicmo_kernel import workflow
    from aicmo_kernel.generation import generate as generate_module

    campaign = make_campaign(workspace, "Rentrée")
    generate(workspace, campaign.name, "strategy", [item("Strategy", kind="strategy_document", metadata={"language": lang})])
    generate(workspace, campaign.name, "creatives", [
        item("X post", "Stop losing your Sunday evenings to a rota nobody trusts.\n\nThe cheapest kit in town. #BestEver",
             kind="x_post", platform="x", hashtags=[]),
        item("LinkedIn post", "Spring walks start here, with kit that keeps you dry.", kind="linkedin_post",
             platform="linkedin")])  # fmt: skip
    post, other = workspace.list_deliverables(campaign.name, "creatives")
    workflow.edit(workspace, post.id, "Get your Sunday evenings back. #Outdoor", base_version=1, editor="ed")
    workflow.approve(workspace, post.id, version=2, reviewer="rita")
    workflow.approve(workspace, other.id, version=1, reviewer="rita")
    result = generate_module(workspace, campaign.name, "learn")
    assert result.ok, result.envelope.error
    assert not missing_sentences, sorted(missing_sentences)
    lessons, rules = (d for d in workspace.list_deliverables(campaign.name, "learn"))
    text = lessons.title + lessons.content_markdown + rules.content_markdown
    assert all(w in text for w in words) and english not in text, text


@pytest.mark.parametrize(("lang", "words", "english"), [
    ("fr", ["Synthèse", "Dans ce dossier", "Check-list avant envoi", "| Contrôle | Résultat | Détails |", "Sommaire"],
     "In this pack"),
    ("es", ["Resumen ejecutivo", "Próximos pasos", "| Comprobación | Resultado | Detalles |"], "Next steps"),
    ("de", ["Kundenpaket", "Nächste Schritte", "| Prüfung | Ergebnis | Details |"], "Pre-flight"),
])  # fmt: skip
def test_the_client_packs_headings_and_checklist_follow_the_strategys_language(workspace, missing_sentences, lang, words,
                                                                                english):
    from fixtures_store import generate, item, make_campaign

    from aicmo_kernel import workflow
    from aicmo_kernel.generation import generate as generate_module

    campaign = make_campaign(workspace, "Rentrée")
    drafts = {"intake": item("Client summary", kind="client_summary"),
              "strategy": item("Strategy", kind="strategy_document", metadata={"language": lang}),
              "creatives": item("LinkedIn post", "Spring walks start here.", kind="linkedin_post", platform="linkedin"),
              "execution": item("Calendar", kind="content_calendar")}  # fmt: skip
    for module, draft in drafts.items():
        generate(workspace, campaign.name, module, [draft])
        workflow.approve(workspace, workspace.list_deliverables(campaign.name, module)[0].id, version=1, reviewer="rita")
    result = generate_module(workspace, campaign.name, "delivery")
    assert result.ok, result.envelope.error
    assert not missing_sentences, sorted(missing_sentences)
    text = "\n".join(d.title + "\n" + d.content_markdown for d in workspace.list_deliverables(campaign.name, "delivery"))
    assert all(w in text for w in words) and english not in text, text
    # The export files' own frame follows, once the pack is approved.
    from aicmo_kernel.export import build_client_pack

    for d in workspace.list_deliverables(campaign.name, "delivery"):
        workflow.approve(workspace, d.id, version=1, reviewer="rita")
    pack = build_client_pack(workspace, campaign.name, formats=["md", "html"])
    markdown = next(v for k, v in pack.files.items() if k.endswith(".md"))
    markdown = markdown.decode() if isinstance(markdown, bytes) else markdown
    html = next(v for k, v in pack.files.items() if k.endswith(".html"))
    html = html.decode() if isinstance(html, bytes) else html
    assert words[2] in markdown and "Pre-flight checklist" not in markdown and "\n## Strategy\n" not in markdown, markdown
    assert f'<html lang="{lang}">' in html and "<strong>Contents</strong>" not in html
    assert "approved by rita" not in markdown and "drafted by the offline composer" not in html


@pytest.mark.parametrize(("start", "end", "said"), [
    ("2027-06-12", "2027-06-12", {"en": "The campaign runs on 2027-06-12 (1 day).", "fr": "le 12 juin 2027 (1 jour).",
                                  "es": "el 12 de junio de 2027 (1 día).", "de": "am 12. Juni 2027 (1 Tag)."}),
    ("2027-06-10", "2027-06-12", {"en": "(3 days).", "fr": "(3 jours).", "es": "(3 días).", "de": "(3 Tage)."}),
    ("2027-06-07", "2027-06-13", {"en": "(1 week).", "fr": "(1 semaine).", "es": "(1 semana).", "de": "(1 Woche)."}),
    ("2027-03-01", "2027-05-31", {"en": "(13 weeks).", "fr": "(13 semaines).", "es": "(13 semanas).",
                                  "de": "(13 Wochen)."}),  # 92 days, the nearest whole weeks
])  # fmt: skip
def test_the_client_summary_says_the_campaigns_length_as_a_person_would(missing_sentences, start, end, said):
    """A launch day is "(1 day)", a three-day event "(3 days)", Monday to Sunday "(1 week)", never
    "(1 weeks)"; in each catalogue too."""
    languages = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
    for lang, language in languages.items():
        run = drafts_for_brief({"client_name": "Harbour Lights", "objective": "launch", "channels": "LinkedIn",
                                "start_date": start, "end_date": end, "budget": "£3,000", "languages": language},
                               modules=("intake",))  # fmt: skip
        assert not run.errors, run.errors
        summary = next(d for d in run.drafts["intake"] if d["kind"] == "client_summary")["content_markdown"]
        assert said[lang] in summary, (lang, summary)
        assert not re.search(r"\(1 (weeks|semaines|semanas|Wochen)\)", summary), (lang, summary)
    assert not missing_sentences, sorted(missing_sentences)


_ONE_WEEKS = re.compile(r"\b1 (weeks|semaines|semanas|Wochen)\b")
_LENGTHS = {  # (start, end): how each language says the campaign's length, as the client summary does
    ("2027-06-12", "2027-06-12"): {"en": "1 day", "fr": "1 jour", "es": "1 día", "de": "1 Tag"},
    ("2027-06-10", "2027-06-12"): {"en": "3 days", "fr": "3 jours", "es": "3 días", "de": "3 Tage"},
    ("2027-06-07", "2027-06-13"): {"en": "1 week", "fr": "1 semaine", "es": "1 semana", "de": "1 Woche"},
    ("2027-03-01", "2027-05-31"): {"en": "13 weeks", "fr": "13 semaines", "es": "13 semanas", "de": "13 Wochen"},
}


@pytest.mark.parametrize(("start", "end"), list(_LENGTHS))
def test_strategy_and_the_client_pack_say_the_campaigns_length_as_intake_does(missing_sentences, start, end):
    """The strategy's budget lines and header, and the client pack's summary, say "3 days" and
    "1 week" by intake's one rule (``text.length_words``), never "1 weeks"; in each catalogue too."""
    from aicmo_kernel.modules.delivery.composer import compose_delivery

    languages = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
    for lang, language in languages.items():
        said = _LENGTHS[(start, end)][lang]
        run = drafts_for_brief({"client_name": "Harbour Lights", "objective": "launch", "channels": "LinkedIn",
                                "start_date": start, "end_date": end, "budget": "£3,000", "languages": language},
                               modules=("intake", "strategy"))  # fmt: skip
        assert not run.errors, run.errors
        doc = next(d for d in run.drafts["strategy"] if d["kind"] == "strategy_document")
        text = doc["content_markdown"]
        assert text.count(said) >= 3 and not _ONE_WEEKS.search(text), (lang, said, text)
        intake = next(d for d in run.drafts["intake"] if d["kind"] == "client_summary")
        facts = {"campaign_title": "Harbour Lights", "brand": "Harbour Lights", "checklist": [], "counts": [],
                 "items": [{"kind": "client_summary", "metadata": intake["metadata"]},
                           {"kind": "strategy_document", "metadata": doc["metadata"]}]}  # fmt: skip
        summary = " ".join(compose_delivery({"facts": facts})["summary"])
        assert said in summary and not _ONE_WEEKS.search(summary), (lang, said, summary)
    assert not missing_sentences, sorted(missing_sentences)


def test_a_typed_duration_is_said_in_weeks_even_when_the_dates_are_days():
    """Days only when the weeks are the dates' own: a strategy given 3 weeks for a 3-day event says
    "3 weeks" (what it plans for), a week given as 1 with no dates says "1 week"."""
    from aicmo_kernel.modules.text import length_text, length_words

    assert length_words(3, 3) == ("{weeks} weeks", {"weeks": 3})
    assert length_words(1, 3) == ("{days} days", {"days": 3})
    assert [length_text(w, d) for w, d in [(1, 1), (1, None), (2, None), (1, 7), (14, 92)]] == [
        "1 day", "1 week", "2 weeks", "1 week", "13 weeks"]  # 92 days: the nearest whole weeks
