"""Offline learn draft: lessons and proposed rules written from the facts code computed.

Everything here is read from ``context["facts"]`` (see ``aicmo_kernel.learn.facts``): the
numbered evidence statements and their data. Each lesson groups the statements of one topic and
cites their ids; the proposed rules are the rule candidates code already justified. No figure is
written that is not in the facts. Our sentences are in the campaign's language
(``facts["language"]``, its strategy's), and so are the fact statements code writes (through the
catalogues, ``learn.facts``); the proposed rules are quoted as code writes them, in English. Our
own figures (an average change, a word count) are written as the language writes them
(``phrasebook.number`` and ``phrasebook.percent``: 14,5 and 35,7 % in French, Spanish and German,
the no-break space before "%" that the KPI tables and the fact statements use).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..phrasebook import Sentences, number, percent
from ..text import join_human

__all__ = ["compose_learn"]

_MAX_CITED = 8


def compose_learn(context: dict[str, Any]) -> dict[str, Any]:
    facts = context.get("facts") or {}
    inputs = context.get("inputs") or {}
    lang = str(facts.get("language") or "en")
    t = Sentences(lang)
    evidence = list(facts.get("evidence") or [])
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for item in evidence:
        by_topic.setdefault(item["topic"], []).append(item)
    lessons = [lesson for writer in _WRITERS if (lesson := writer(by_topic, t)) is not None]
    if not lessons:  # every run has at least the edits overview; keep the contract regardless
        first = evidence[0] if evidence else {"id": "E1", "statement": t("No facts were computed.")}
        lessons = [{"title": t("What the facts show"), "lesson": first["statement"], "evidence": [first["id"]]}]
    answer = _answer(facts, by_topic, t) if inputs.get("mode") == "question" else ""
    rules = [
        {"rule": c["rule"], "why": c["why"], "evidence": list(c["evidence"])}
        for c in facts.get("rule_candidates") or []
    ]
    return {"summary": _summary(facts, t), "answer": answer, "lessons": lessons[:12], "rules": rules[:10]}


_Tr = Sentences
_Topics = dict[str, list[dict[str, Any]]]


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items][:_MAX_CITED]


def _list(t: _Tr, items: list[str]) -> str:
    return join_human(items, t("and"))


def _summary(facts: dict[str, Any], t: _Tr) -> str:
    edits = facts.get("edits") or {}
    qc = facts.get("qc") or {}
    scope = t("module {module}", module=facts["module_filter"]) if facts.get("module_filter") else t("every module")
    approved, edited = edits.get("approved", 0), edits.get("edited", 0)
    if approved == 1:
        edit_part = (t("one deliverable approved, edited by reviewers first") if edited
                     else t("one deliverable approved, as generated"))
    elif approved:
        edit_part = t("{approved} deliverables approved, {edited} of them edited by reviewers first",
                      approved=approved, edited=edited)
    else:
        edit_part = t("nothing approved yet")
    checks = qc.get("checks") or []
    versions = qc.get("versions_checked", 0)
    counted = t.counted(versions, "{count} version", "{count} versions")
    qc_part = (t("QC raised {kinds} across {versions}", versions=counted,
                 kinds=t.counted(len(checks), "{count} kind of issue", "{count} kinds of issue"))
               if checks else t("QC found no issues in {versions}", versions=counted))
    performance = (t("an approved performance report is available")
                   if (facts.get("performance") or {}).get("available") else t("no performance data yet"))
    return t("What campaign '{campaign}' of {brand} teaches, from {scope}: {edits}; {qc}; {performance}.",
             campaign=facts.get("campaign", ""), brand=facts.get("brand") or t("the brand"), scope=scope,
             edits=edit_part, qc=qc_part, performance=performance)


def _edits_lesson(by_topic: _Topics, t: _Tr) -> dict[str, Any] | None:
    overview = by_topic.get("edits_overview") or []
    if not overview:
        return None
    data = overview[0]["data"]
    cited = overview + (by_topic.get("edits_length") or []) + (by_topic.get("edit_item") or [])[:3]
    if not data.get("approved"):
        text = t("Nothing in this campaign is approved yet, so there are no reviewers' edits to learn from. "
                 "Come back to this lesson after the first approvals.")
        return {"title": t("No approved work to learn from yet"), "lesson": text, "evidence": _ids(overview)}
    if not data.get("edited"):
        text = (t("The one approved deliverable was approved exactly as generated: reviewers did not need to change "
                  "the draft.") if data["approved"] == 1 else
                t("All {approved} approved deliverables were approved exactly as generated: reviewers did not need "
                  "to change the drafts.", approved=data["approved"]))
        return {"title": t("Drafts were approved as generated"), "lesson": text, "evidence": _ids(overview)}
    text = (t("Reviewers edited the one approved deliverable before approving it.") if data["approved"] == 1 else
            t("Reviewers edited {edited} of {approved} approved deliverables before approving them.",
              edited=data["edited"], approved=data["approved"]))
    length = by_topic.get("edits_length")
    if length:
        change = length[0]["data"]["average_change_pct"]
        text += " " + (t("On average they made the edited drafts {pct} shorter, so first drafts should aim tighter.",
                         pct=percent(t.lang, abs(change))) if change < 0 else
                       t("On average they made the edited drafts {pct} longer, so first drafts should aim fuller.",
                         pct=percent(t.lang, abs(change))))
    return {"title": t("How reviewers changed the drafts"), "lesson": text, "evidence": _ids(cited)}


def _hooks_lesson(by_topic: _Topics, t: _Tr) -> dict[str, Any] | None:
    hooks = by_topic.get("edits_hooks")
    if not hooks:
        return None
    data = hooks[0]["data"]
    change = data["average_change_pct"]
    # Figures as the language writes them: 35.7% and 14.5 (en), 35,7 % and 14,5 (fr, es, de).
    values = {"pct": percent(t.lang, abs(change)), "before": number(t.lang, data["words_before"]),
              "after": number(t.lang, data["words_after"])}
    text = (t.counted(data["posts"], "Reviewers cut the opening line of {count} post by {pct} on average, from about "
                      "{before} words to about {after}. Write hooks at the approved length.",
                      "Reviewers cut the opening lines of {count} posts by {pct} on average, from about {before} "
                      "words to about {after}. Write hooks at the approved length.", **values) if change < 0 else
            t.counted(data["posts"], "Reviewers lengthened the opening line of {count} post by {pct} on average, from "
                      "about {before} words to about {after}. Write hooks at the approved length.",
                      "Reviewers lengthened the opening lines of {count} posts by {pct} on average, from about "
                      "{before} words to about {after}. Write hooks at the approved length.", **values))
    return {"title": t("Hooks: the approved length"), "lesson": text, "evidence": _ids(hooks)}


def _words_lesson(by_topic: _Topics, t: _Tr) -> dict[str, Any] | None:
    banned = by_topic.get("banned_word") or []
    removed = by_topic.get("removed_word") or []
    if not banned and not removed:
        return None
    parts = []
    if banned:
        listed = _list(t, [f"'{b['data']['word']}' ({b['data']['count']}x)" for b in banned])
        parts.append(t("Banned words still reached drafts and reviewers removed them: {words}.", words=listed))
    if removed:
        listed = _list(t, [f"'{r['data']['word']}' ({r['data']['count']}x)" for r in removed])
        parts.append(t("Reviewers also kept deleting {words}.", words=listed))
    parts.append(t("Leave these words out of first drafts."))
    title = t("Words reviewers take out") if not banned else t("Banned words still reach drafts")
    return {"title": title, "lesson": " ".join(parts), "evidence": _ids(banned + removed)}


def _hashtags_lesson(by_topic: _Topics, t: _Tr) -> dict[str, Any] | None:
    tags = by_topic.get("hashtag_removed")
    if not tags:
        return None
    listed = _list(t, [t("{hashtag} ({deliverables})", hashtag=h["data"]["hashtag"],
                         deliverables=t.counted(h["data"]["count"], "{count} deliverable", "{count} deliverables"))
                       for h in tags])
    return {"title": t("Hashtags reviewers removed"), "lesson": t("Reviewers removed these hashtags: {tags}.", tags=listed),
            "evidence": _ids(tags)}


def _qc_lesson(by_topic: _Topics, t: _Tr) -> dict[str, Any] | None:
    clean = by_topic.get("qc_clean")
    if clean:
        return {"title": t("QC found nothing to fix"), "lesson": clean[0]["statement"], "evidence": _ids(clean)}
    checks = by_topic.get("qc_check")
    if not checks:
        return None
    def one(data: dict[str, Any]) -> str:
        drafts = t.counted(data["first_drafts_flagged"], "{count} first draft", "{count} first drafts")
        if not data["fixed_before_approval"]:
            return t("'{check}' flagged {drafts}, none fixed before approval", check=data["check_id"], drafts=drafts)
        return t("'{check}' flagged {drafts}; fixed before approval: {fixed}", check=data["check_id"], drafts=drafts,
                 fixed=data["fixed_before_approval"])

    listed = "; ".join(one(c["data"]) for c in checks)
    # "reviewers then had to fix" only when the facts show a fix; a flag left open is no fix.
    lesson = (t("QC caught problems reviewers then had to fix: {checks}.", checks=listed)
              if any(c["data"]["fixed_before_approval"] for c in checks) else
              t("QC flagged problems in first drafts: {checks}.", checks=listed))
    return {"title": t("What quality checks caught"), "lesson": lesson, "evidence": _ids(checks)}


# Performance evidence with nothing to rank: (topic, title, lesson), the first found is said.
_NOTHING_TO_RANK = (
    ("performance_none", "No performance data yet",
     ("There is no approved performance data to learn from yet, so these lessons cover how drafts were written and "
      "reviewed, not how they performed.")),
    ("performance_one_platform", "One platform, nothing to rank",
     ("The approved performance report covers one platform and no KPI target it could measure, so it names no best "
      "or worst platform; the other lessons cover how drafts were written and reviewed.")),
    ("performance_unreadable", "Performance data code could not read",
     ("The approved performance report has no table that code could read, so these lessons cover how drafts were "
      "written and reviewed, not how they performed.")),
)


def _performance_lesson(by_topic: _Topics, t: _Tr) -> dict[str, Any] | None:
    # An approved report exists in the last two cases: never say "no performance data" about it.
    for topic, title, lesson in _NOTHING_TO_RANK:
        found = by_topic.get(topic)
        if found:
            return {"title": t(title), "lesson": t(lesson), "evidence": _ids(found)}
    metrics = (by_topic.get("performance_metric") or []) + (by_topic.get("kpi") or [])
    if not metrics:
        return None
    best = [m for m in metrics if m["topic"] == "performance_metric"]
    kpis = [m for m in metrics if m["topic"] == "kpi"]
    parts = [
        t("{metric}: best on {best}, worst on {worst}", metric=m["data"]["metric"], best=m["data"]["best_platform"],
          worst=m["data"]["worst_platform"])
        for m in best
    ]
    parts += [f"{k['data']['metric']} {t(k['data']['status'])}" for k in kpis if k["data"].get("status")]
    text = "; ".join(parts) or t("the KPI results are listed with the facts below")
    example = any(m["data"].get("example_data") for m in metrics)
    source = (t("the approved performance report, built from EXAMPLE DATA (invented figures, not real results)")
              if example else t("the approved performance report"))
    return {"title": t("What performed, by platform"), "lesson": t("From {source}: {text}.", source=source, text=text),
            "evidence": _ids(best[:4] + kpis[:4])}


def _search_lesson(by_topic: _Topics, t: _Tr) -> dict[str, Any] | None:
    hits = by_topic.get("search_hit") or []
    none = by_topic.get("search_none") or []
    if none:
        return {"title": t("Nothing approved answers the question directly"),
                "lesson": none[0]["statement"], "evidence": _ids(none)}
    if not hits:
        return None
    titles = _list(t, [f"'{h['data']['title']}' ({h['data']['module']})" for h in hits[:4]])
    return {"title": t("Approved content that answers the question"),
            "lesson": t("The approved content closest to the question: {titles}.", titles=titles), "evidence": _ids(hits)}


def _answer(facts: dict[str, Any], by_topic: _Topics, t: _Tr) -> str:
    hits = by_topic.get("search_hit") or []
    if not hits:
        return t("No approved content in the campaigns of {brand} matches the question's words; the lessons below come "
                 "from the campaign's edits, QC and performance facts instead.", brand=facts.get("brand") or t("the brand"))
    listed = _list(t, [f"{h['id']} '{h['data']['title']}'" for h in hits[:4]])
    return t("The approved content that best matches the question is {titles}; the search facts below quote each.",
             titles=listed)


_WRITERS: tuple[Callable[[_Topics, _Tr], dict[str, Any] | None], ...] = (
    _search_lesson,
    _edits_lesson,
    _hooks_lesson,
    _words_lesson,
    _hashtags_lesson,
    _qc_lesson,
    _performance_lesson,
)
