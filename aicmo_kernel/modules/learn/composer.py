"""Offline learn draft: lessons and proposed rules written from the facts code computed.

Everything here is read from ``context["facts"]`` (see ``aicmo_kernel.learn.facts``): the
numbered evidence statements and their data. Each lesson groups the statements of one topic and
cites their ids; the proposed rules are the rule candidates code already justified. No figure is
written that is not in the facts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..text import join_human

__all__ = ["compose_learn"]

_MAX_CITED = 8


def compose_learn(context: dict[str, Any]) -> dict[str, Any]:
    facts = context.get("facts") or {}
    inputs = context.get("inputs") or {}
    evidence = list(facts.get("evidence") or [])
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for item in evidence:
        by_topic.setdefault(item["topic"], []).append(item)
    lessons = [lesson for writer in _WRITERS if (lesson := writer(by_topic)) is not None]
    if not lessons:  # every run has at least the edits overview; keep the contract regardless
        first = evidence[0] if evidence else {"id": "E1", "statement": "No facts were computed."}
        lessons = [{"title": "What the facts show", "lesson": first["statement"], "evidence": [first["id"]]}]
    answer = _answer(facts, by_topic) if inputs.get("mode") == "question" else ""
    rules = [
        {"rule": c["rule"], "why": c["why"], "evidence": list(c["evidence"])}
        for c in facts.get("rule_candidates") or []
    ]
    return {"summary": _summary(facts, by_topic), "answer": answer, "lessons": lessons[:12], "rules": rules[:10]}


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items][:_MAX_CITED]


def _summary(facts: dict[str, Any], by_topic: dict[str, list[dict[str, Any]]]) -> str:
    edits = facts.get("edits") or {}
    qc = facts.get("qc") or {}
    scope = f"module {facts['module_filter']}" if facts.get("module_filter") else "every module"
    approved, edited = edits.get("approved", 0), edits.get("edited", 0)
    if approved:
        edit_part = f"{approved} deliverable(s) approved, {edited} of them edited by reviewers first"
    else:
        edit_part = "nothing approved yet"
    checks = qc.get("checks") or []
    qc_part = (f"QC raised {len(checks)} kind(s) of issue across {qc.get('versions_checked', 0)} version(s)"
               if checks else f"QC found no issues in {qc.get('versions_checked', 0)} version(s)")
    performance = ("an approved performance report is available"
                   if (facts.get("performance") or {}).get("available") else "no performance data yet")
    return (f"What campaign '{facts.get('campaign', '')}' of {facts.get('brand', 'the brand')} teaches, from "
            f"{scope}: {edit_part}; {qc_part}; {performance}.")


def _edits_lesson(by_topic: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    overview = by_topic.get("edits_overview") or []
    if not overview:
        return None
    data = overview[0]["data"]
    cited = overview + (by_topic.get("edits_length") or []) + (by_topic.get("edit_item") or [])[:3]
    if not data.get("approved"):
        text = ("Nothing in this campaign is approved yet, so there are no reviewers' edits to learn from. "
                "Come back to this lesson after the first approvals.")
        return {"title": "No approved work to learn from yet", "lesson": text, "evidence": _ids(overview)}
    if not data.get("edited"):
        text = (f"All {data['approved']} approved deliverable(s) were approved exactly as generated: reviewers "
                "did not need to change the drafts.")
        return {"title": "Drafts were approved as generated", "lesson": text, "evidence": _ids(overview)}
    text = f"Reviewers edited {data['edited']} of {data['approved']} approved deliverable(s) before approving them."
    length = by_topic.get("edits_length")
    if length:
        change = length[0]["data"]["average_change_pct"]
        text += (f" On average they made the edited drafts {abs(change):g}% "
                 f"{'shorter' if change < 0 else 'longer'}, so first drafts should aim "
                 f"{'tighter' if change < 0 else 'fuller'}.")
    return {"title": "How reviewers changed the drafts", "lesson": text, "evidence": _ids(cited)}


def _hooks_lesson(by_topic: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    hooks = by_topic.get("edits_hooks")
    if not hooks:
        return None
    data = hooks[0]["data"]
    change = data["average_change_pct"]
    verb = "cut" if change < 0 else "lengthened"
    text = (f"Reviewers {verb} the opening lines of {data['posts']} post(s) by {abs(change):g}% on average, from "
            f"about {data['words_before']:g} words to about {data['words_after']:g}. Write hooks at the approved length.")
    return {"title": "Hooks: the approved length", "lesson": text, "evidence": _ids(hooks)}


def _words_lesson(by_topic: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    banned = by_topic.get("banned_word") or []
    removed = by_topic.get("removed_word") or []
    if not banned and not removed:
        return None
    parts = []
    if banned:
        listed = join_human(f"'{b['data']['word']}' ({b['data']['count']}x)" for b in banned)
        parts.append(f"Banned words still reached drafts and reviewers removed them: {listed}.")
    if removed:
        listed = join_human(f"'{r['data']['word']}' ({r['data']['count']}x)" for r in removed)
        parts.append(f"Reviewers also kept deleting {listed}.")
    parts.append("Leave these words out of first drafts.")
    title = "Words reviewers take out" if not banned else "Banned words still reach drafts"
    return {"title": title, "lesson": " ".join(parts), "evidence": _ids(banned + removed)}


def _hashtags_lesson(by_topic: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    tags = by_topic.get("hashtag_removed")
    if not tags:
        return None
    listed = join_human(f"{t['data']['hashtag']} ({t['data']['count']} deliverable(s))" for t in tags)
    return {"title": "Hashtags reviewers removed", "lesson": f"Reviewers removed these hashtags: {listed}.",
            "evidence": _ids(tags)}


def _qc_lesson(by_topic: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    clean = by_topic.get("qc_clean")
    if clean:
        return {"title": "QC found nothing to fix", "lesson": clean[0]["statement"], "evidence": _ids(clean)}
    checks = by_topic.get("qc_check")
    if not checks:
        return None
    listed = "; ".join(
        f"'{c['data']['check_id']}' flagged {c['data']['first_drafts_flagged']} first draft(s) and was fixed "
        f"before approval in {c['data']['fixed_before_approval']}"
        for c in checks
    )
    return {"title": "What quality checks caught",
            "lesson": f"QC caught problems reviewers then had to fix: {listed}.", "evidence": _ids(checks)}


def _performance_lesson(by_topic: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    none = by_topic.get("performance_none") or by_topic.get("performance_unreadable")
    if none:
        return {"title": "No performance data yet",
                "lesson": "There is no approved performance data to learn from yet, so these lessons cover how "
                          "drafts were written and reviewed, not how they performed.",
                "evidence": _ids(none)}
    metrics = (by_topic.get("performance_metric") or []) + (by_topic.get("kpi") or [])
    if not metrics:
        return None
    best = [m for m in metrics if m["topic"] == "performance_metric"]
    kpis = [m for m in metrics if m["topic"] == "kpi"]
    parts = [
        f"{m['data']['metric']}: best on {m['data']['best_platform']}, worst on {m['data']['worst_platform']}"
        for m in best
    ]
    parts += [
        f"{k['data']['metric']} {k['data']['status']}" for k in kpis if k["data"].get("status")
    ]
    text = "; ".join(parts) or "the KPI results are listed with the facts below"
    example = any(m["data"].get("example_data") for m in metrics)
    source = ("the approved performance report, built from EXAMPLE DATA (invented figures, not real results)"
              if example else "the approved performance report")
    return {"title": "What performed, by platform", "lesson": f"From {source}: {text}.",
            "evidence": _ids(best[:4] + kpis[:4])}


def _search_lesson(by_topic: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    hits = by_topic.get("search_hit") or []
    none = by_topic.get("search_none") or []
    if none:
        return {"title": "Nothing approved answers the question directly",
                "lesson": none[0]["statement"], "evidence": _ids(none)}
    if not hits:
        return None
    titles = join_human(f"'{h['data']['title']}' ({h['data']['module']})" for h in hits[:4])
    return {"title": "Approved content that answers the question",
            "lesson": f"The approved content closest to the question: {titles}.", "evidence": _ids(hits)}


def _answer(facts: dict[str, Any], by_topic: dict[str, list[dict[str, Any]]]) -> str:
    hits = by_topic.get("search_hit") or []
    if not hits:
        return (f"No approved content in {facts.get('brand', 'the brand')}'s campaigns matches the question's words; "
                "the lessons below come from the campaign's edits, QC and performance facts instead.")
    listed = join_human(f"{h['id']} '{h['data']['title']}'" for h in hits[:4])
    return f"The approved content that best matches the question is {listed}; the search facts below quote each."


_WRITERS: tuple[Callable[[dict[str, list[dict[str, Any]]]], dict[str, Any] | None], ...] = (
    _search_lesson,
    _edits_lesson,
    _hooks_lesson,
    _words_lesson,
    _hashtags_lesson,
    _qc_lesson,
    _performance_lesson,
)
