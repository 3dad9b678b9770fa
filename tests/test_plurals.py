"""Counted nouns in client-facing documents: "1 lead", "3 leads", never "lead(s)", in English,
French, Spanish and German (``phrasebook.counted``: French says the singular for 0 and 1 too)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from aicmo_kernel.briefs import read_brief_file
from aicmo_kernel.modules import get_module
from aicmo_kernel.modules.learn.composer import compose_learn
from aicmo_kernel.modules.phrasebook import SUPPORTED
from aicmo_kernel.testing.offline_drafts import DRAFT_MODULES, drafts_for_brief

DATA = Path(__file__).parent / "data"
BOULANGERIE = DATA / "briefs_corpus" / "fr-boulangerie.yaml"
NORTHWIND = DATA / "briefs_corpus" / "b2b-northwind.yaml"
HUBSPOT = DATA / "leads" / "hubspot_contacts.csv"
PERFORMANCE = Path(__file__).parents[1] / "aicmo_kernel" / "data" / "examples" / "demo_performance.csv"
LATER = (*DRAFT_MODULES, "autonomy", "leadgen", "monitoring")
EITHER = re.compile(r"\w\((?:s|es|en|e)\)")  # "lead(s)", "publication(es)", "Beitrag(en)"


def _either_or(text: str) -> list[str]:
    return [text[max(0, m.start() - 40):m.end() + 20] for m in EITHER.finditer(text)]


# The one rule ------------------------------------------------------------------------------


def test_the_singular_is_one_and_in_french_zero_too():
    from aicmo_kernel.modules.phrasebook import counted, singular

    assert [singular("en", n) for n in (0, 1, 2, 3)] == [False, True, False, False]
    assert [singular("fr", n) for n in (0, 1, 2, 3)] == [True, True, False, False]
    assert [singular(lang, n) for lang in ("es", "de") for n in (0, 1, 2)] == [False, True, False] * 2
    assert counted("fr", 0, "{count} contact", "{count} contacts") == "0 contact"
    assert counted("en", 0, "{count} lead", "{count} leads") == "0 leads"


def test_the_rule_agrees_with_cldr_for_whole_numbers():
    from aicmo_kernel.modules.phrasebook import singular

    babel = pytest.importorskip("babel")
    for lang in SUPPORTED:
        locale = babel.Locale.parse(lang)
        for n in range(200):
            assert singular(lang, n) == (locale.plural_form(n) == "one"), (lang, n)


# Each sentence at 1 and at 3 -------------------------------------------------------------------


def _pack(lang: str, failed: int, left_out: int) -> dict[str, str]:
    """The delivery renderer's three documents for a pack with ``failed`` blocking checks failing
    and ``left_out`` current deliverables not selected."""
    spec = get_module("delivery")
    items = [{"id": "d1", "module": "strategy", "kind": "strategy_document", "title": "Strategy", "version": 1,
              "approved_by": "rita", "approved_at": "2027-01-04T10:00:00", "metadata": {"language": lang}}]
    checks = [{"check": f"c{n}", "label": "No placeholder or stub text in any item", "passed": False, "blocking": True,
               "details": "x"} for n in range(failed)]
    facts = {"campaign": "rentree", "campaign_title": "Rentrée", "brand": "Atelier", "items": items,
             "counts": [{"module": "strategy", "title": "Strategy", "count": 1}], "checklist": checks,
             "branding": {}, "formats": ["md"], "not_included": [{"id": f"n{n}"} for n in range(left_out)],
             "selection": {"modules": [], "deliverable_ids": ["d1"]}}  # fmt: skip
    output = {"headline": "Rentrée", "summary": ["One.", "Two."], "next_steps": ["Send it."]}
    made = spec.to_deliverables(output, inputs={"formats": ["md"]}, brand={"name": "Atelier"},
                                campaign={"name": "rentree"}, facts=facts)
    return {d.kind: d.content_markdown for d in made}


@pytest.mark.parametrize(("lang", "count", "verdict", "left_out"), [
    ("en", 1, "**Result: 1 blocking check fails.** The pack cannot be exported until it passes.",
     "1 current deliverable of the campaign is not in this pack (not selected, or not approved)."),
    ("en", 3, "**Result: 3 blocking checks fail.** The pack cannot be exported until they pass.",
     "3 current deliverables of the campaign are not in this pack (not selected, or not approved)."),
    ("fr", 1, "**Résultat\u00a0: 1 contrôle bloquant en échec.**",
     "1 livrable actuel de la campagne n'est pas dans ce dossier (non sélectionné ou non validé)."),
    ("fr", 3, "**Résultat\u00a0: 3 contrôles bloquants en échec.**",
     "3 livrables actuels de la campagne ne sont pas dans ce dossier (non sélectionnés ou non validés)."),
])  # fmt: skip
def test_the_client_pack_counts_failed_checks_and_left_out_deliverables(missing_sentences, lang, count, verdict,
                                                                        left_out):
    docs = _pack(lang, count, count)
    assert verdict in docs["preflight_checklist"], docs["preflight_checklist"]
    assert left_out in docs["client_pack"], docs["client_pack"]
    assert not _either_or("\n".join(docs.values())) and not missing_sentences, sorted(missing_sentences)


def _leadgen(brief: Path, max_leads: int) -> str:
    run = drafts_for_brief(read_brief_file(brief), brief.stem, modules=(*DRAFT_MODULES, "leadgen"),
                           inputs={"leadgen": {"csv_path": str(HUBSPOT), "min_score": 20, "max_leads": max_leads}})
    assert not run.errors, run.errors
    return "\n".join(d["content_markdown"] for d in run.drafts["leadgen"] if d["kind"] == "outreach_sequence")


@pytest.mark.parametrize(("brief", "count", "said"), [
    (NORTHWIND, 1, "**For 1 lead from the file:**"), (NORTHWIND, 3, "**For these 3 leads from the file:**"),
    (BOULANGERIE, 1, "**Pour 1 contact du fichier\u00a0:**"), (BOULANGERIE, 3, "**Pour ces 3 contacts du fichier\u00a0:**"),
])  # fmt: skip
def test_an_outreach_sequence_counts_its_leads(missing_sentences, brief, count, said):
    text = _leadgen(brief, count)
    assert said in text, text
    assert not _either_or(text) and not missing_sentences, sorted(missing_sentences)


def _hooks_lesson(lang: str, posts: int, change: float) -> str:
    data = {"posts": posts, "average_change_pct": change, "words_before": 14, "words_after": 9}
    facts = {"language": lang, "evidence": [{"id": "E1", "topic": "edits_hooks", "statement": "s", "data": data}]}
    return next(lesson["lesson"] for lesson in compose_learn({"facts": facts})["lessons"])


@pytest.mark.parametrize(("lang", "posts", "change", "said"), [
    ("en", 1, -35.7, "Reviewers cut the opening line of 1 post by 35.7% on average"),
    ("en", 3, -35.7, "Reviewers cut the opening lines of 3 posts by 35.7% on average"),
    ("en", 1, 20, "Reviewers lengthened the opening line of 1 post by 20% on average"),
    ("en", 3, 20, "Reviewers lengthened the opening lines of 3 posts by 20% on average"),
    ("es", 1, -35.7, "Los revisores acortaron la primera línea de 1 publicación un 35,7\u00a0% de media"),
    ("es", 3, -35.7, "Los revisores acortaron las primeras líneas de 3 publicaciones un 35,7\u00a0% de media"),
    ("es", 1, 20, "Los revisores alargaron la primera línea de 1 publicación"),
    ("es", 3, 20, "Los revisores alargaron las primeras líneas de 3 publicaciones"),
])  # fmt: skip
def test_learns_hooks_lesson_counts_its_posts(missing_sentences, lang, posts, change, said):
    text = _hooks_lesson(lang, posts, change)
    assert said in text, text
    assert not _either_or(text) and not missing_sentences, sorted(missing_sentences)


def _client_summary(language: str, banned_pains: int) -> str:
    pains = [f"A seamless problem number {n}" for n in range(banned_pains)] + ["Queues at the till every morning"]
    brief = {"client_name": "Atelier Lumière", "industry": "bakery", "offer": "A free coffee with any pastry",
             "audience": "Commuters", "objective": "Awareness", "channels": "Instagram", "pain_points": pains,
             "banned_words": "seamless", "languages": language}  # fmt: skip
    run = drafts_for_brief(brief, modules=("intake",))
    assert not run.errors, run.errors
    return "\n".join(d["content_markdown"] for d in run.drafts["intake"] if d["kind"] == "client_summary")


@pytest.mark.parametrize(("language", "count", "said"), [
    ("English", 1, ("1 phrase of the brief uses the brand's banned words and is left out of every draft; ask the "
                    "client how they would say it instead.")),
    ("English", 3, ("3 phrases of the brief use the brand's banned words and are left out of every draft; ask the "
                    "client how they would say them instead.")),
    ("Deutsch", 1, "1 Formulierung des Briefings enthält verbotene Wörter der Marke; sie fehlt in allen Entwürfen"),
    ("Deutsch", 3, "3 Formulierungen des Briefings enthalten verbotene Wörter der Marke; sie fehlen in allen Entwürfen"),
])  # fmt: skip
def test_the_client_summary_counts_the_phrases_left_out(missing_sentences, language, count, said):
    text = _client_summary(language, count)
    assert said in text, text
    assert not _either_or(text) and not missing_sentences, sorted(missing_sentences)


# Whole campaigns ---------------------------------------------------------------------------

# Code's words outside the composers and renderers still write "(s)": the lead-scoring reasons
# (leads/scoring.py) and the pre-flight checks' details (export/preflight.py).
def _hits(docs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    found = []
    for d in docs:
        found += [(d["kind"], hit) for hit in _either_or(d["title"] + "\n" + d["content_markdown"])]
    return found


def _boulangerie(language: str | None = None) -> list[dict[str, Any]]:
    brief = read_brief_file(BOULANGERIE)
    run = drafts_for_brief({**brief, "languages": language or brief["languages"]}, "fr-boulangerie", modules=LATER,
                           inputs={"leadgen": {"csv_path": str(HUBSPOT), "min_score": 20},
                                   "monitoring": {"csv_path": str(PERFORMANCE)}})
    assert not run.errors, run.errors
    return run.all_drafts()


def _demo(isolated_env: Path) -> list[dict[str, Any]]:
    from test_delivery import build_demo_workspace, generate_and_approve

    ws = build_demo_workspace(f"sqlite:///{isolated_env / 'workspace.sqlite'}", delivery=False)
    try:
        for module in ("monitoring", "leadgen", "autonomy", "learn", "delivery"):
            generate_and_approve(ws, module)
        return [{"kind": d.kind, "title": d.title, "content_markdown": d.content_markdown}
                for d in ws.list_deliverables("demo")]
    finally:
        ws.close()


def test_no_either_or_plural_in_the_boulangeries_documents():
    """The brief as written (French), then the same brief asked for in English."""
    for language in (None, "English (UK)"):
        assert not _hits(_boulangerie(language)), language


def test_no_either_or_plural_in_the_demo_campaigns_documents(isolated_env):
    docs = _demo(isolated_env)
    assert {"outreach_sequence", "lessons", "preflight_checklist", "client_pack"} <= {d["kind"] for d in docs}
    assert not _hits(docs)


def test_no_either_or_plural_anywhere_in_the_demo_campaign(isolated_env):
    # leads' scoring reasons and the pre-flight checklist included
    assert not _hits(_demo(isolated_env))
