"""The learn module's facts: everything it may say, computed by code and numbered as evidence.

``learn_facts`` gathers reviewers' edits (``edits``), QC outcomes (``qc_outcomes``), performance
(``performance``) and, for a question, search hits over the brand's approved content
(``search``), and writes each finding as one numbered statement: ``E`` for edits, ``Q`` for
QC, ``P`` for performance, ``S`` for search. The model (or the offline composer) writes lessons
that cite those ids, and the renderer quotes the statements by id, so every number a reader sees
in a lesson came from here. ``rule_candidates`` are brand-memory rules code can justify from the
figures alone (a banned word removed again and again, hooks cut by a third); the writer may
keep, merge or reword them.

The statements are code's English sentences, quoted as they are in every language; their figures
are written as the campaign's language writes numbers (``lang``: 35,7 % and 1 234 in French, 35.7%
and 1,234 in English), as its KPI tables write them (``analytics.number_formats``). The rule
candidates stay in English figures: they become brand-memory rules, read in every later prompt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..analytics.kpis import platform_label
from ..analytics.number_formats import SYMBOLS, decimal_text, percent_text
from ..errors import NoDataError
from .edits import EditLessons, edit_lessons
from .memory import active_rule_texts
from .performance import PerformanceFacts, performance_facts
from .qc_outcomes import QCOutcomes, qc_outcomes
from .search import query_terms, search_approved

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["learn_facts"]

_MAX_ITEM_STATEMENTS = 10
_MAX_SEARCH_HITS = 8
# A pattern becomes a proposed rule only when it is clear enough to act on.
_RULE_MIN_PCT = 15.0
_RULE_MIN_WORD_REMOVALS = 3
_RULE_MIN_ITEMS = 2  # an average over a single deliverable is an anecdote, not a pattern


def _pct(value: float, lang: str = "en") -> str:
    """A change as a percentage, to one decimal (none for a whole number): 36%, 35.7% (en), 35,7 % (fr)."""
    value = abs(value)
    return percent_text(value, lang, 0 if float(round(value, 1)).is_integer() else 1)


def _num(value: float, lang: str = "en") -> str:
    """A figure, grouped, up to two decimals: 1,234 and 12.5 (en), 1 234 and 12,5 (fr)."""
    if float(value).is_integer():
        return decimal_text(value, lang, 0)
    point = SYMBOLS.get(lang, SYMBOLS["en"])[1]
    return decimal_text(value, lang, 2).rstrip("0").rstrip(point)


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class _Catalogue:
    """Numbered evidence statements, one counter per source letter."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self._counts: dict[str, int] = {}

    def add(self, letter: str, source: str, topic: str, statement: str, **data: Any) -> str:
        number = self._counts[letter] = self._counts.get(letter, 0) + 1
        evidence_id = f"{letter}{number}"
        self.items.append({"id": evidence_id, "source": source, "topic": topic, "statement": statement, "data": data})
        return evidence_id


def _edit_evidence(book: _Catalogue, lessons: EditLessons, campaign: str, rules: list[dict[str, Any]],
                   brand: str, lang: str = "en") -> None:
    if lessons.approved == 0:
        book.add("E", "edits", "edits_overview",
                 f"No deliverable of campaign '{campaign}' has an approved version yet, so there are no "
                 "reviewers' edits to compare.", approved=0, edited=0, unedited=0)
        return
    book.add("E", "edits", "edits_overview",
             f"{_plural(lessons.approved, 'deliverable')} of campaign '{campaign}' have an approved version: "
             f"{len(lessons.edited)} edited by reviewers before approval, {lessons.unedited} approved as generated.",
             approved=lessons.approved, edited=len(lessons.edited), unedited=lessons.unedited)
    items = [_edit_item(book, item, lang) for item in lessons.edited[:_MAX_ITEM_STATEMENTS]]
    average = lessons.average_length_change_pct()
    if average is not None and abs(average) >= 1:
        direction = "shorter" if average < 0 else "longer"
        eid = book.add("E", "edits", "edits_length",
                       f"Reviewers made edited deliverables {_pct(average, lang)} {direction} on average (word count of "
                       f"the generated version against the approved one, over {_plural(len(lessons.edited), 'deliverable')}).",
                       average_change_pct=average, deliverables=len(lessons.edited))
        if abs(average) >= _RULE_MIN_PCT and len(lessons.edited) >= _RULE_MIN_ITEMS:
            rule = (f"Write tighter first drafts: reviewers cut edited {brand} deliverables by {_pct(average)} on average."
                    if average < 0 else
                    f"Give more detail in first drafts: reviewers lengthened edited {brand} deliverables by "
                    f"{_pct(average)} on average.")
            rules.append({"rule": rule, "why": "The length change is the average over every edited deliverable.",
                          "evidence": [eid, *items[:3]]})
    hooks = lessons.hook_changes()
    hook_average = lessons.average_hook_change_pct()
    if hooks and hook_average is not None and hook_average != 0:
        before = sum(h.diff.opening_words_before for h in hooks) / len(hooks)
        after = sum(h.diff.opening_words_after for h in hooks) / len(hooks)
        verb = "shortened" if hook_average < 0 else "lengthened"
        eid = book.add("E", "edits", "edits_hooks",
                       f"Reviewers {verb} the opening line (the hook) of {_plural(len(hooks), 'platform post')} by "
                       f"{_pct(hook_average, lang)} on average: {before:.0f} words as generated, {after:.0f} approved.",
                       average_change_pct=hook_average, posts=len(hooks), words_before=round(before, 1),
                       words_after=round(after, 1))
        if hook_average <= -_RULE_MIN_PCT and len(hooks) >= _RULE_MIN_ITEMS:
            rules.append({"rule": f"Keep hooks short: about {max(1, round(after))} words in the opening line "
                                  f"(reviewers cut hooks by {_pct(hook_average)} on average).",
                          "why": "Reviewers shortened the opening lines of posts consistently.", "evidence": [eid]})
    banned = lessons.banned_removed()
    for word, count in sorted(banned.items(), key=lambda kv: (-kv[1], kv[0].lower())):
        where = sum(1 for item in lessons.edited if word in item.diff.banned_removed)
        eid = book.add("E", "edits", "banned_word",
                       f"The banned word '{word}' was removed by reviewers {_times(count)}, in "
                       f"{_plural(where, 'deliverable')}.", word=word, count=count, deliverables=where)
        rules.append({"rule": f"Never use the word '{word}' in {brand} copy: reviewers removed it {_times(count)}.",
                      "why": f"'{word}' is on the brand's banned list and still reached drafts.", "evidence": [eid]})
    skip = {w.lower() for w in banned} | {part for w in banned for part in w.lower().split()}
    removed = lessons.removed_words(exclude=skip)
    for word, count in sorted(removed.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
        if count < 2:
            break
        where = sum(1 for item in lessons.edited if word in item.diff.removed_words)
        eid = book.add("E", "edits", "removed_word",
                       f"The word '{word}' was removed {_times(count)} across {_plural(where, 'deliverable')}.",
                       word=word, count=count, deliverables=where)
        if count >= _RULE_MIN_WORD_REMOVALS and where >= 2:
            rules.append({"rule": f"Avoid the word '{word}': reviewers removed it {_times(count)} from "
                                  f"{_plural(where, 'deliverable')}.",
                          "why": "A word reviewers keep deleting is one the brand does not want.", "evidence": [eid]})
    for tag, count in sorted(lessons.hashtags_removed().items(), key=lambda kv: (-kv[1], kv[0].lower()))[:3]:
        eid = book.add("E", "edits", "hashtag_removed",
                       f"The hashtag {tag} was removed from {_plural(count, 'deliverable')}.", hashtag=tag, count=count)
        if count >= 2:
            rules.append({"rule": f"Do not use the hashtag {tag}: reviewers removed it from {count} deliverables.",
                          "why": "Reviewers removed the same hashtag more than once.", "evidence": [eid]})


def _edit_item(book: _Catalogue, item: Any, lang: str = "en") -> str:
    diff = item.diff
    change = diff.length_change_pct
    size = "the same length" if change == 0 else f"{_pct(change, lang)} {'shorter' if change < 0 else 'longer'}"
    parts = [(
        f"{item.kind.replace('_', ' ').capitalize()} '{item.title}' (v1 generated, v{item.to_version} approved): "
        f"{_plural(diff.words_removed, 'word')} removed and {diff.words_added} added, "
        f"{_plural(diff.lines_removed, 'line')} removed and {diff.lines_added} added; {size}"
    )]
    if diff.hashtags_removed:
        parts.append(f"hashtags removed: {' '.join(diff.hashtags_removed)}")
    if diff.hashtags_added:
        parts.append(f"hashtags added: {' '.join(diff.hashtags_added)}")
    if diff.banned_removed:
        parts.append("banned words removed: " + ", ".join(f"'{w}' {_times(n)}" for w, n in diff.banned_removed.items()))
    return book.add("E", "edits", "edit_item", "; ".join(parts) + ".", deliverable_id=item.deliverable_id,
                    module=item.module, kind=item.kind, title=item.title, to_version=item.to_version,
                    **diff.model_dump(include={"words_removed", "words_added", "lines_removed", "lines_added",
                                               "words_before", "words_after", "hashtags_removed", "banned_removed"}))


def _short(description: str) -> str:
    """A check's description up to its first aside: what it checks, not how."""
    cut = min((i for i in (description.find(" ("), description.find(";")) if i > 0), default=len(description))
    return description[:cut].rstrip(" .,")


def _qc_evidence(book: _Catalogue, outcomes: QCOutcomes, rules: list[dict[str, Any]]) -> None:
    if not outcomes.checks:
        book.add("Q", "qc", "qc_clean",
                 f"QC found no issues in any of the {_plural(outcomes.versions_checked, 'version')} of "
                 f"{_plural(outcomes.deliverables_checked, 'deliverable')} checked.",
                 versions=outcomes.versions_checked, deliverables=outcomes.deliverables_checked)
        return
    for check in outcomes.checks:
        eid = book.add(
            "Q", "qc", "qc_check",
            f"QC check '{check.check_id}' ({_short(check.description)}; {check.severity}) flagged "
            f"{_plural(check.versions_flagged, 'version')} of {_plural(check.deliverables_flagged, 'deliverable')}, "
            f"{check.first_drafts_flagged} of them first drafts; fixed before approval in {check.fixed_before_approval}, "
            f"still open on {check.open_now}.",
            **check.model_dump(),
        )
        if check.first_drafts_flagged >= 2:
            rules.append({"rule": f"Before a draft goes to review, check it against '{check.check_id}' "
                                  f"({_short(check.description)}): QC flagged {check.first_drafts_flagged} first drafts.",
                          "why": "The same QC problem kept appearing in generated drafts.", "evidence": [eid]})


def _performance_evidence(book: _Catalogue, facts: PerformanceFacts, campaign: str, lang: str = "en") -> None:
    if not facts.available:
        book.add("P", "performance", "performance_none",
                 f"No approved performance report for campaign '{campaign}' yet: there is no performance data "
                 "to learn from.")
        return
    title = f"the approved report '{facts.report_title or 'performance report'}' (v{facts.report_version})"
    if facts.example_data:  # never let invented demo figures pass for results
        title += ", built from EXAMPLE DATA (invented figures, not real results)"
    for spread in facts.spreads:
        note = " (lower is better)" if spread.lower_is_better else ""
        unit = f" {facts.currency}" if spread.lower_is_better and facts.currency else ""
        book.add("P", "performance", "performance_metric",
                 f"In {title}, {spread.metric} was best on {spread.best_platform} ({_num(spread.best_value, lang)}{unit}) "
                 f"and worst on {spread.worst_platform} ({_num(spread.worst_value, lang)}{unit}){note}.",
                 example_data=facts.example_data, **spread.model_dump())
    for kpi in facts.kpis:
        unit = kpi.unit if kpi.unit in ("%", "") else f" {kpi.unit}"
        if unit == "%" and lang in SYMBOLS:
            unit = SYMBOLS[lang][2] + "%"  # 12,5 % in French, Spanish and German
        target = f"against a target of {_num(kpi.target, lang)}{unit}" if kpi.target is not None else "with no target set"
        status = f" ({kpi.status})" if kpi.status else ""
        book.add("P", "performance", "kpi",
                 f"In {title}, {kpi.metric} was {_num(kpi.actual, lang)}{unit} {target}{status}.",
                 example_data=facts.example_data, **kpi.model_dump())
    if not facts.spreads and not facts.kpis and len(facts.platforms) == 1:
        # One platform and no measured target: the report is real, there is just nothing to rank.
        book.add("P", "performance", "performance_one_platform",
                 f"{title[0].upper()}{title[1:]} covers one platform, {platform_label(facts.platforms[0])}, and no KPI target it "
                 "could measure, so it names no best or worst platform.", platform=facts.platforms[0])
    elif not facts.spreads and not facts.kpis:
        book.add("P", "performance", "performance_unreadable",
                 f"{title[0].upper()}{title[1:]} has no per-platform or KPI table that code could read.")


def _search_evidence(book: _Catalogue, ws: Workspace, question: str, brand: str, module: str | None) -> list[dict]:
    hits = search_approved(ws, question, brand=brand, module=module, limit=_MAX_SEARCH_HITS, any_word=True)
    if not hits:
        words = ", ".join(query_terms(question)) or "none"
        book.add("S", "search", "search_none",
                 f"No approved content in {brand}'s campaigns matches the words of the question ({words}).")
        return []
    for hit in hits:
        book.add("S", "search", "search_hit",
                 f"Approved {hit.module} {hit.kind.replace('_', ' ')} '{hit.title}' (campaign {hit.campaign}, "
                 f"v{hit.version}) matches: \u201c{hit.snippet}\u201d", **hit.model_dump())
    return [hit.model_dump() for hit in hits]


def learn_facts(
    ws: Workspace, campaign: str, *, mode: str = "summarise", question: str = "", module: str | None = None,
    lang: str = "en",
) -> dict[str, Any]:
    """The facts and numbered evidence for one learn run (raises NoDataError when the campaign
    has nothing to learn from yet); the statements' figures written as ``lang`` writes numbers."""
    from ..registry import module_info

    record = ws.get_campaign(campaign)
    module = module_info(module).name if module else None
    outcomes = qc_outcomes(ws, record.name, module=module)
    if outcomes.deliverables_checked == 0:
        where = f" in module {module}" if module else ""
        raise NoDataError(
            f"learn has nothing to learn from yet: campaign {record.name!r} has no deliverables{where}. "
            "Generate and review a module first.",
            field="inputs.module" if module else "campaign",
        )
    lessons = edit_lessons(ws, record.name, module=module)
    performance = performance_facts(ws, record.name)
    book = _Catalogue()
    candidates: list[dict[str, Any]] = []
    _edit_evidence(book, lessons, record.name, candidates, record.brand, lang)
    _qc_evidence(book, outcomes, candidates)
    _performance_evidence(book, performance, record.name, lang)
    hits = _search_evidence(book, ws, question, record.brand, module) if mode == "question" and question.strip() else []
    active = active_rule_texts(ws, record.brand_id)
    known = {" ".join(rule.lower().split()) for rule in active}
    candidates = [c for c in candidates if " ".join(c["rule"].lower().split()) not in known]
    return {
        "campaign": record.name,
        "brand": record.brand,
        "mode": mode,
        "question": question.strip() or None,
        "module_filter": module,
        "evidence": book.items,
        "edits": {"approved": lessons.approved, "edited": len(lessons.edited), "unedited": lessons.unedited,
                  "average_length_change_pct": lessons.average_length_change_pct(),
                  "average_hook_change_pct": lessons.average_hook_change_pct()},
        "qc": outcomes.model_dump(),
        "performance": performance.model_dump(),
        "search": {"query": question.strip() or None, "hits": hits},
        "active_rules": active,
        "rule_candidates": candidates[:10],
    }
