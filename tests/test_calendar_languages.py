"""Execution's documents in the brief's language: the content calendar (its heading, labels, table
header, weekdays and counts), the UTM plan and the governance plan are French, Spanish or German
around the slot notes, not half English; counts say "1 post", never "1 posts"; and what QC and the
scheduler files read back from the calendar's table is the same in every language."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from test_execution import BRAND, CAMPAIGN, SPEC, UPSTREAM, facts_for

from aicmo_kernel import workflow
from aicmo_kernel.briefs import create_from_brief, read_brief_file
from aicmo_kernel.export.schedule import campaign_schedule, export_schedule
from aicmo_kernel.generation import generate
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.store import Workspace
from aicmo_kernel.testing.offline_drafts import drafts_for_brief, drafts_for_file

CORPUS = Path(__file__).parent / "data" / "briefs_corpus"
# English words of the documents around the notes (the weekday names are checked as table cells).
ENGLISH = ["Content calendar", "times are local to the audience", "Posts per platform", " posts (", " a week)",
           "Blackout dates", "Needs an asset", "slots are flagged", "| Slot | Date | Day | Time |", "no landing page",
           "Notes per post", "First comment:", "UTM plan", "Every link points at", "Tracked link",
           "(from the campaign name)", "the asset kind and the first", "Paid ads", "## Approvers",
           "## Review process", "Escalation contact", "Comments and replies", "No approvers are named yet",
           "not named yet"]  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TRANSLATED = {
    "fr-boulangerie": {
        "content_calendar": ["# Calendrier éditorial\u00a0: ", "Publications par plateforme", "**Dates exclues\u00a0:** aucune",
                             "| Créneau | Date | Jour | Heure | Plateforme | Création | Lien (avec UTM) |",
                             "heures locales du public visé", "publications (3 par semaine)", "## Notes par publication",
                             "Premier commentaire\u00a0:", "**Créations manquantes\u00a0:**", "Création à ajouter",
                             ("Facebook\u00a0: chaque création validée a déjà été publiée 4 fois, donc les 9 derniers "
                              "créneaux sont signalés\u202f; Instagram\u00a0: chaque création validée a déjà été publiée 4 "
                              "fois, donc les 5 derniers créneaux sont signalés")],
        "utm_plan": ["# Plan UTM\u00a0: ", "Chaque lien pointe vers", "| Création | Plateforme | utm_source",
                     "| Publications | Lien suivi |", "(d'après le nom de la campagne)"],
        "governance_plan": ["# Gouvernance\u00a0: ", "## Qui valide", "## Processus de relecture",
                            "**Contact d'escalade\u00a0:**", "## Commentaires et réponses"],
        "titles": "Calendrier éditorial\u00a0: ",
        "weekdays": {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
    },
    "es-clinica": {
        "content_calendar": ["# Calendario de contenidos: ", "Publicaciones por plataforma", "**Fechas excluidas:** ninguna",
                             "| Franja | Fecha | Día | Hora | Plataforma | Pieza | Enlace (con UTM) |",
                             "horas locales del público", "publicaciones (3 por semana)", "- Anuncios: ",
                             "## Notas por publicación", "Primer comentario:", "**Piezas que faltan:**",
                             "Falta una pieza"],
        "utm_plan": ["# Plan UTM: ", "Cada enlace apunta a", "| Pieza | Plataforma | utm_source",
                     "| Publicaciones | Enlace con seguimiento |", "(a partir del nombre de la campaña)"],
        "governance_plan": ["# Gobernanza: ", "## Quién aprueba", "## Proceso de revisión", "**Contacto de escalado:**",
                            "## Comentarios y respuestas"],
        "titles": "Calendario de contenidos: ",
        "weekdays": {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"},
    },
    "de-saas": {
        "content_calendar": ["# Redaktionsplan: ", "Beiträge pro Plattform", "**Sperrtermine:** keine",
                             "| Slot | Datum | Tag | Uhrzeit | Plattform | Inhalt | Link (mit UTM) |",
                             "Uhrzeiten in der Ortszeit der Zielgruppe", "Beiträge (2 pro Woche)", "- Anzeigen: ",
                             "## Hinweise pro Beitrag", "Erster Kommentar:", "**Fehlende Inhalte:**", "Inhalt fehlt",
                             "E-Mail-Inhalte liefen alle schon 4-mal"],
        "utm_plan": ["# UTM-Plan: ", "Jeder Link verweist auf", "| Inhalt | Plattform | utm_source",
                     "| Beiträge | Getrackter Link |", "(aus dem Namen der Kampagne)"],
        "governance_plan": ["## Freigabe durch", "## Prüfprozess", "**Eskalationskontakt:**",
                            "## Kommentare und Antworten"],
        "titles": "Redaktionsplan: ",
        "weekdays": {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
    },
}  # fmt: skip


def _execution(run) -> dict[str, dict]:
    return {d["kind"]: d for d in run.drafts["execution"]}


def _day_cells(markdown: str) -> set[str]:
    """The Day column of the calendar's table (its third cell, after the slot id and the date)."""
    return {line.split(" | ")[2] for line in markdown.splitlines() if re.match(r"\| S\d{3} \| \d{4}-", line)}


@pytest.mark.parametrize("brief", list(TRANSLATED))
def test_the_calendar_utm_and_governance_plans_are_in_the_briefs_language(brief):
    expected = TRANSLATED[brief]
    docs = _execution(drafts_for_file(CORPUS / f"{brief}.yaml"))
    for kind in ("content_calendar", "utm_plan", "governance_plan"):
        text = docs[kind]["content_markdown"]
        assert [w for w in expected[kind] if w not in text] == [], (kind, text[:1500])
        assert [w for w in ENGLISH if w in text] == [], (kind, text[:1500])
    assert docs["content_calendar"]["title"].startswith(expected["titles"])
    days = _day_cells(docs["content_calendar"]["content_markdown"])
    assert days and days <= expected["weekdays"] and not days & set(WEEKDAYS), days


@pytest.mark.parametrize(("language", "said", "wrong"), [
    ("English", ["- LinkedIn: 1 post (", " · 1 post · "], ["1 posts"]),
    ("Français", ["- LinkedIn\u00a0: 1 publication (", " · 1 publication · "], ["1 publications"]),
    ("Español", ["- LinkedIn: 1 publicación (", " · 1 publicación · "], ["1 publicaciones"]),
    ("Deutsch", ["- LinkedIn: 1 Beitrag (", " · 1 Beitrag · "], ["1 Beiträge"]),
])  # fmt: skip
def test_a_launch_day_has_one_post_not_one_posts(missing_sentences, language, said, wrong):
    # One day, one post a day (a three-day campaign now posts on each of its days: test_cadence.py)
    run = drafts_for_brief({"client_name": "Harbour Lights", "objective": "launch", "channels": "LinkedIn",
                            "start_date": "2027-06-12", "end_date": "2027-06-12", "languages": language})  # fmt: skip
    assert not run.errors, run.errors
    docs = _execution(run)
    calendar = docs["content_calendar"]
    assert len(calendar["metadata"]["calendar"]) == 1
    text = calendar["content_markdown"]
    assert all(s in text for s in said) and not any(w in text for w in wrong), text[:700]
    assert not missing_sentences, sorted(missing_sentences)


def _render(lang: str = "", **overrides):
    upstream = {**UPSTREAM, "strategy": [
        {**item, "metadata": {**item["metadata"], "language": lang}} if item["kind"] == "strategy_document" else item
        for item in UPSTREAM["strategy"]]}  # fmt: skip
    values = SPEC.default_inputs(brand=BRAND, campaign=CAMPAIGN, upstream=upstream)
    inputs = SPEC.validate_inputs({**values, **overrides})
    facts = SPEC.prepare_facts(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=upstream)
    data = OfflineProvider().complete(
        SPEC.build_request(inputs, brand=BRAND, campaign=CAMPAIGN, upstream=upstream, facts=facts)).data
    return {d.kind: d for d in SPEC.to_deliverables(data, inputs=inputs, brand=BRAND, campaign=CAMPAIGN, facts=facts)}


def test_one_dropped_post_and_worn_out_assets_are_said_as_they_are(missing_sentences):
    """A blackout date that drops one post says "1 planned post dropped"; a platform whose one
    approved asset has run its four times says so (not "has no approved asset"), in the note too."""
    _, facts = facts_for()
    per_day = Counter(s["date"] for s in facts["slots"])
    day = next(d for d, n in sorted(per_day.items()) if n == 1)
    docs = _render(blackout_dates=[day])
    text = docs["content_calendar"].content_markdown
    assert f"**Blackout dates:** {day} (1 planned post dropped)" in text
    x_flagged = sum(1 for s in docs["content_calendar"].metadata["calendar"] if s["platform"] == "x" and not s["asset_id"])
    assert x_flagged > 1
    assert f"X's approved assets have each run 4 times, so its last {x_flagged} slots are flagged" in text
    assert "X has no approved asset" not in text
    assert "Every approved X asset has already run 4 times" in text
    french = _render("fr", blackout_dates=[day])["content_calendar"].content_markdown
    assert f"**Dates exclues\u00a0:** {day} (1 publication prévue retirée)" in french
    assert f"X\u00a0: chaque création validée a déjà été publiée 4 fois, donc les {x_flagged} derniers créneaux" in french
    for lang in ("es", "de"):  # every sentence of these calendars has its translation
        assert "1 planned post dropped" not in _render(lang, blackout_dates=[day])["content_calendar"].content_markdown
    assert not missing_sentences, sorted(missing_sentences)


def test_the_weeks_note_on_the_calendar_is_in_its_language():
    """The run's warning stays English (it names the input); the calendar says it in French."""
    docs = _render("fr", end_date="2027-03-14", duration_weeks=6)
    calendar = docs["content_calendar"]
    assert calendar.metadata["input_notes"] == [
        "duration_weeks 6 ignored: 2027-03-01 to 2027-03-14 is 2 weeks; the dates decide the calendar"]
    assert ("**Remarque\u00a0:** duration_weeks 6 ignoré\u00a0: du 2027-03-01 au 2027-03-14, c'est 2 semaines\u202f; "
            "les dates décident du calendrier." in calendar.content_markdown)  # fmt: skip


def test_a_french_campaigns_scheduler_files_carry_every_post(monkeypatch):
    """The French calendar, approved as generated, exports every slot that has a creative; the
    slots that need one are left out by name, and nothing is noted about the table."""
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    with Workspace.open() as ws:
        name = create_from_brief(ws, read_brief_file(CORPUS / "fr-boulangerie.yaml"))["campaign"]["name"]
        for module in ("intake", "strategy", "creatives", "execution"):
            result = generate(ws, name, module)
            assert result.ok, result.envelope.error
            for item in ws.list_deliverables(campaign=name, module=module):
                if item.state != "approved":
                    workflow.approve(ws, item.id, version=item.current_version, reviewer="rita")
        view = next(v for v in ws.list_deliverables(campaign=name, module="execution") if v.kind == "content_calendar")
        text = ws.get_version(view.id, view.current_version).content_markdown
        assert "| Créneau | Date | Jour | Heure | Plateforme | Création |" in text
        slots = view.metadata["calendar"]
        planned = [(s["date"], s["time"], s["platform"], s["asset_id"]) for s in slots if s["asset_id"]]
        plan = campaign_schedule(ws, name, timezone="Europe/Paris")
        files = {fmt: export_schedule(ws, name, fmt, timezone="Europe/Paris") for fmt in ("calendar-csv", "ics")}
    assert planned and len(planned) < len(slots)  # some slots need an asset
    assert [(p.when.strftime("%Y-%m-%d"), p.when.strftime("%H:%M"), p.platform, p.asset_id) for p in plan.posts] == planned
    assert not plan.notes and len(plan.left_out) == len(slots) - len(planned)
    assert all("no creative is assigned" in line for line in plan.left_out)
    assert all(f.posts == len(planned) and not f.notes for f in files.values())


def test_a_french_calendar_quotes_an_edited_creatives_approved_hook_and_title():
    """Exports requote the calendar (``execution/requote.py``): a French note quotes the hook in
    « », and a French title keeps its no-break space in the table; both follow the approved edit."""
    from aicmo_kernel.modules.execution.requote import requote

    old_title, new_title = "Légende Instagram\u00a0: Du pain frais", "Légende Instagram\u00a0: Du pain chaud"
    creative = {"id": "c1", "title": new_title, "metadata": {"hook": "Du pain chaud"},
                "content_markdown": "Du pain chaud\n\nCorps.",
                "versions": [{"version": 1, "title": old_title, "content_markdown": "Du pain frais\n\nCorps."},
                             {"version": 2, "title": new_title, "content_markdown": "Du pain chaud\n\nCorps."}]}  # fmt: skip
    angle = "Première publication\u00a0: ouvrir sur l'accroche de la création, «\u00a0Du pain frais\u00a0»."
    text = (f"| S001 | 2027-03-02 | mardi | 08:30 | LinkedIn | {old_title} | x |\n\n"
            f"- **S001** (2027-03-02, LinkedIn)\u00a0: {angle}")  # fmt: skip
    item = {"kind": "content_calendar", "content_markdown": text,
            "metadata": {"slot_notes": {"S001": {"angle": angle}}}}  # fmt: skip
    out = requote(item, lambda module: [creative])
    assert out is not None
    assert f"| {new_title} |" in out["content_markdown"] and f"| {old_title} |" not in out["content_markdown"]
    assert "«\u00a0Du pain chaud\u00a0»" in out["content_markdown"] and "Du pain frais" not in out["content_markdown"]
    assert out["metadata"]["slot_notes"]["S001"]["angle"] == angle.replace("frais", "chaud")
