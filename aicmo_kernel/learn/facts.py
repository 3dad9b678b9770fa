"""The learn module's facts: everything it may say, computed by code and numbered as evidence.

``learn_facts`` gathers reviewers' edits (``edits``), QC outcomes (``qc_outcomes``), performance
(``performance``) and, for a question, search hits over the brand's approved content
(``search``), and writes each finding as one numbered statement: ``E`` for edits, ``Q`` for
QC, ``P`` for performance, ``S`` for search. The model (or the offline composer) writes lessons
that cite those ids, and the renderer quotes the statements by id, so every number a reader sees
in a lesson came from here. ``rule_candidates`` are brand-memory rules code can justify from the
figures alone (a banned word removed again and again, hooks cut by a third); the writer may
keep, merge or reword them.

The statements are written in the campaign's language through ``words``, the learn module's
sentences (``phrasebook.Sentences``: this layer cannot read the catalogues), English when none is
passed; their figures are written as the campaign's language writes numbers (``lang``: 35,7 % and
1 234 in French, 35.7% and 1,234 in English), as its KPI tables write them
(``analytics.number_formats``). The rule candidates stay English, in English figures: they become
brand-memory rules, read in every later prompt; their ``why`` is a document's sentence, in ``words``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from ..analytics.kpis import KPI_LABELS, PLATFORM_LABELS, platform_label
from ..analytics.number_formats import SYMBOLS, decimal_text, percent_sign, percent_text
from ..errors import NoDataError
from .edits import EditLessons, edit_lessons
from .memory import active_rule_texts
from .performance import PerformanceFacts, performance_facts
from .qc_outcomes import CheckOutcome, QCOutcomes, qc_outcomes
from .search import query_terms, search_approved

if TYPE_CHECKING:
    from ..store import Workspace

__all__ = ["Words", "learn_facts"]

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


class Words(Protocol):
    """A document's sentences in one language: ``phrasebook.Sentences``, passed in by the module."""

    lang: str

    def __call__(self, english: str, **values: object) -> str: ...

    def counted(self, count: int, one: str, many: str, **values: object) -> str: ...


class _English:
    """Code's English sentences, for a caller that passes no ``words`` (the CLI, the tests)."""

    lang = "en"

    def __call__(self, english: str, **values: object) -> str:
        return english.format(**values)

    def counted(self, count: int, one: str, many: str, **values: object) -> str:
        return (one if count == 1 else many).format(count=count, **values)


def _times(count: int, w: Words | None = None) -> str:
    """How often, as in code's English rules ("twice") or in the statement's language (``w``)."""
    w = w or _English()
    return w("once") if count == 1 else w("twice") if count == 2 else w("{count} times", count=count)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _deliverables(w: Words, count: int) -> str:
    return w.counted(count, "{count} deliverable", "{count} deliverables")


def _kind_label(w: Words, kind: str) -> str:
    """A deliverable kind as the documents name it ("LinkedIn post", "Post LinkedIn" in French)."""
    first, *rest = kind.split("_")
    return w(" ".join([PLATFORM_LABELS.get(first, first.capitalize()), *rest]))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


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
                   brand: str, lang: str = "en", w: Words | None = None) -> None:
    w = w or _English()
    if lessons.approved == 0:
        book.add("E", "edits", "edits_overview",
                 w("No deliverable of campaign '{campaign}' has an approved version yet, so there are no reviewers' "
                   "edits to compare.", campaign=campaign), approved=0, edited=0, unedited=0)
        return
    book.add("E", "edits", "edits_overview",
             w.counted(lessons.approved,
                       "{count} deliverable of campaign '{campaign}' has an approved version: {edited} edited by "
                       "reviewers before approval, {unedited} approved as generated.",
                       "{count} deliverables of campaign '{campaign}' have an approved version: {edited} edited by "
                       "reviewers before approval, {unedited} approved as generated.",
                       campaign=campaign, edited=len(lessons.edited), unedited=lessons.unedited),
             approved=lessons.approved, edited=len(lessons.edited), unedited=lessons.unedited)
    items = [_edit_item(book, item, lang, w) for item in lessons.edited[:_MAX_ITEM_STATEMENTS]]
    average = lessons.average_length_change_pct()
    if average is not None and abs(average) >= 1:
        said = ("Reviewers made edited deliverables {pct} shorter on average (word count of the generated version "
                "against the approved one, over {deliverables})." if average < 0 else
                "Reviewers made edited deliverables {pct} longer on average (word count of the generated version "
                "against the approved one, over {deliverables}).")
        eid = book.add("E", "edits", "edits_length",
                       w(said, pct=_pct(average, lang), deliverables=_deliverables(w, len(lessons.edited))),
                       average_change_pct=average, deliverables=len(lessons.edited))
        if abs(average) >= _RULE_MIN_PCT and len(lessons.edited) >= _RULE_MIN_ITEMS:
            rule = (f"Write tighter first drafts: reviewers cut edited {brand} deliverables by {_pct(average)} on average."
                    if average < 0 else
                    f"Give more detail in first drafts: reviewers lengthened edited {brand} deliverables by "
                    f"{_pct(average)} on average.")
            rules.append({"rule": rule, "why": w("The length change is the average over every edited deliverable."),
                          "evidence": [eid, *items[:3]]})
    hooks = lessons.hook_changes()
    hook_average = lessons.average_hook_change_pct()
    if hooks and hook_average is not None and hook_average != 0:
        before = sum(h.diff.opening_words_before for h in hooks) / len(hooks)
        after = sum(h.diff.opening_words_after for h in hooks) / len(hooks)
        said = ("Reviewers shortened the opening line (the hook) of {posts} by {pct} on average: {before} words as "
                "generated, {after} approved." if hook_average < 0 else
                "Reviewers lengthened the opening line (the hook) of {posts} by {pct} on average: {before} words as "
                "generated, {after} approved.")
        posts = w.counted(len(hooks), "{count} platform post", "{count} platform posts")
        eid = book.add("E", "edits", "edits_hooks",
                       w(said, posts=posts, pct=_pct(hook_average, lang), before=f"{before:.0f}", after=f"{after:.0f}"),
                       average_change_pct=hook_average, posts=len(hooks), words_before=round(before, 1),
                       words_after=round(after, 1))
        if hook_average <= -_RULE_MIN_PCT and len(hooks) >= _RULE_MIN_ITEMS:
            rules.append({"rule": f"Keep hooks short: about {max(1, round(after))} words in the opening line "
                                  f"(reviewers cut hooks by {_pct(hook_average)} on average).",
                          "why": w("Reviewers shortened the opening lines of posts consistently."), "evidence": [eid]})
    banned = lessons.banned_removed()
    for word, count in sorted(banned.items(), key=lambda kv: (-kv[1], kv[0].lower())):
        where = sum(1 for item in lessons.edited if word in item.diff.banned_removed)
        eid = book.add("E", "edits", "banned_word",
                       w("The banned word '{word}' was removed by reviewers {times}, in {deliverables}.", word=word,
                         times=_times(count, w), deliverables=_deliverables(w, where)),
                       word=word, count=count, deliverables=where)
        rules.append({"rule": f"Never use the word '{word}' in {brand} copy: reviewers removed it {_times(count)}.",
                      "why": w("'{word}' is on the brand's banned list and still reached drafts.", word=word),
                      "evidence": [eid]})
    skip = {b.lower() for b in banned} | {part for b in banned for part in b.lower().split()}
    removed = lessons.removed_words(exclude=skip)
    for word, count in sorted(removed.items(), key=lambda kv: (-kv[1], kv[0]))[:3]:
        if count < 2:
            break
        where = sum(1 for item in lessons.edited if word in item.diff.removed_words)
        eid = book.add("E", "edits", "removed_word",
                       w("The word '{word}' was removed {times} across {deliverables}.", word=word,
                         times=_times(count, w), deliverables=_deliverables(w, where)),
                       word=word, count=count, deliverables=where)
        if count >= _RULE_MIN_WORD_REMOVALS and where >= 2:
            rules.append({"rule": f"Avoid the word '{word}': reviewers removed it {_times(count)} from "
                                  f"{_plural(where, 'deliverable')}.",
                          "why": w("A word reviewers keep deleting is one the brand does not want."), "evidence": [eid]})
    for tag, count in sorted(lessons.hashtags_removed().items(), key=lambda kv: (-kv[1], kv[0].lower()))[:3]:
        eid = book.add("E", "edits", "hashtag_removed",
                       w("The hashtag {hashtag} was removed from {deliverables}.", hashtag=tag,
                         deliverables=_deliverables(w, count)), hashtag=tag, count=count)
        if count >= 2:
            rules.append({"rule": f"Do not use the hashtag {tag}: reviewers removed it from {count} deliverables.",
                          "why": w("Reviewers removed the same hashtag more than once."), "evidence": [eid]})


def _edit_item(book: _Catalogue, item: Any, lang: str = "en", w: Words | None = None) -> str:
    w = w or _English()
    diff = item.diff
    change = diff.length_change_pct
    size = (w("the same length") if change == 0 else
            w("{pct} shorter", pct=_pct(change, lang)) if change < 0 else w("{pct} longer", pct=_pct(change, lang)))
    parts = [w("{kind} '{title}' (v1 generated, v{version} approved): {words_removed} and {words_added}, "
               "{lines_removed} and {lines_added}; {size}", kind=_kind_label(w, item.kind),
               title=item.title, version=item.to_version, size=size,
               words_removed=w.counted(diff.words_removed, "{count} word removed", "{count} words removed"),
               words_added=w.counted(diff.words_added, "{count} word added", "{count} words added"),
               lines_removed=w.counted(diff.lines_removed, "{count} line removed", "{count} lines removed"),
               lines_added=w.counted(diff.lines_added, "{count} line added", "{count} lines added"))]
    if diff.hashtags_removed:
        parts.append(w("hashtags removed: {hashtags}", hashtags=" ".join(diff.hashtags_removed)))
    if diff.hashtags_added:
        parts.append(w("hashtags added: {hashtags}", hashtags=" ".join(diff.hashtags_added)))
    if diff.banned_removed:
        parts.append(w("banned words removed: {words}",
                       words=", ".join(w("'{word}' {times}", word=word, times=_times(n, w))
                                       for word, n in diff.banned_removed.items())))
    return book.add("E", "edits", "edit_item", w("; ").join(parts) + ".", deliverable_id=item.deliverable_id,
                    module=item.module, kind=item.kind, title=item.title, to_version=item.to_version,
                    **diff.model_dump(include={"words_removed", "words_added", "lines_removed", "lines_added",
                                               "words_before", "words_after", "hashtags_removed", "banned_removed"}))


def _short(description: str) -> str:
    """A check's description up to its first aside: what it checks, not how."""
    cut = min((i for i in (description.find(" ("), description.find(";")) if i > 0), default=len(description))
    return description[:cut].rstrip(" .,")


def _what_it_checks(w: Words, check: CheckOutcome) -> str:
    """What a QC check checks, in the statement's language: the registry's ``summary`` of it,
    through the catalogues ("des affirmations qui demandent une preuve"); a check registered
    without one (a plugin's) by the start of its English description, as it is."""
    from ..qc import CHECKS

    registered = CHECKS.get(check.check_id)
    return w(registered.summary) if registered is not None and registered.summary else _short(check.description)


def _qc_evidence(book: _Catalogue, outcomes: QCOutcomes, rules: list[dict[str, Any]], w: Words | None = None) -> None:
    w = w or _English()
    if not outcomes.checks:
        book.add("Q", "qc", "qc_clean",
                 w("QC found no issues in any of the {versions} of {deliverables} checked.",
                   versions=w.counted(outcomes.versions_checked, "{count} version", "{count} versions"),
                   deliverables=_deliverables(w, outcomes.deliverables_checked)),
                 versions=outcomes.versions_checked, deliverables=outcomes.deliverables_checked)
        return
    for check in outcomes.checks:
        eid = book.add(
            "Q", "qc", "qc_check",
            w("QC check '{check}' ({description}; {severity}) flagged {versions} of {deliverables}, {first_drafts} "
              "of them first drafts; fixed before approval in {fixed}, still open on {open}.", check=check.check_id,
              description=_what_it_checks(w, check), severity=w("{severity} issue", severity=w(check.severity)),
              versions=w.counted(check.versions_flagged, "{count} version", "{count} versions"),
              deliverables=_deliverables(w, check.deliverables_flagged), first_drafts=check.first_drafts_flagged,
              fixed=check.fixed_before_approval, open=check.open_now),
            **check.model_dump(),
        )
        if check.first_drafts_flagged >= 2:
            rules.append({"rule": f"Before a draft goes to review, check it against '{check.check_id}' "
                                  f"({_short(check.description)}): QC flagged {check.first_drafts_flagged} first drafts.",
                          "why": w("The same QC problem kept appearing in generated drafts."), "evidence": [eid]})


def _metric(w: Words, metric: str) -> str:
    """A report's metric as its KPI table labels it ("CPL", "Coût par contact"); others as named."""
    return w(KPI_LABELS[metric]) if metric in KPI_LABELS else metric


def _performance_evidence(book: _Catalogue, facts: PerformanceFacts, campaign: str, lang: str = "en",
                          w: Words | None = None) -> None:
    w = w or _English()
    if not facts.available:
        book.add("P", "performance", "performance_none",
                 w("No approved performance report for campaign '{campaign}' yet: there is no performance data to "
                   "learn from.", campaign=campaign))
        return
    title = (w("the approved report '{title}' (v{version}), built from EXAMPLE DATA (invented figures, not real "
               "results)", title=facts.report_title or w("performance report"), version=facts.report_version)
             if facts.example_data else  # never let invented demo figures pass for results
             w("the approved report '{title}' (v{version})", title=facts.report_title or w("performance report"),
               version=facts.report_version))
    for spread in facts.spreads:
        unit = f" {facts.currency}" if spread.lower_is_better and facts.currency else ""
        said = ("In {report}, {metric} was best on {best} ({best_value}) and worst on {worst} ({worst_value}) (lower "
                "is better)." if spread.lower_is_better else
                "In {report}, {metric} was best on {best} ({best_value}) and worst on {worst} ({worst_value}).")
        book.add("P", "performance", "performance_metric",
                 _capitalised(w(said, report=title, metric=_metric(w, spread.metric),
                   best=platform_label(spread.best_platform, w), best_value=f"{_num(spread.best_value, lang)}{unit}",
                   worst=platform_label(spread.worst_platform, w),
                   worst_value=f"{_num(spread.worst_value, lang)}{unit}")),
                 example_data=facts.example_data, **spread.model_dump())
    for kpi in facts.kpis:
        unit = kpi.unit if kpi.unit in ("%", "") else f" {kpi.unit}"
        if unit == "%":
            unit = percent_sign(lang)  # 12,5 % in French, Spanish and German
        target = (w("against a target of {target}", target=f"{_num(kpi.target, lang)}{unit}") if kpi.target is not None
                  else w("with no target set"))
        said = "In {report}, {metric} was {actual} {target} ({status})." if kpi.status else \
            "In {report}, {metric} was {actual} {target}."
        book.add("P", "performance", "kpi",
                 _capitalised(w(said, report=title, metric=_metric(w, kpi.metric), actual=f"{_num(kpi.actual, lang)}{unit}",
                                target=target, status=w(kpi.status) if kpi.status else "")),
                 example_data=facts.example_data, **kpi.model_dump())
    if not facts.spreads and not facts.kpis and len(facts.platforms) == 1:
        # One platform and no measured target: the report is real, there is just nothing to rank.
        book.add("P", "performance", "performance_one_platform",
                 _capitalised(w("{report} covers one platform, {platform}, and no KPI target it could measure, so it "
                                "names no best or worst platform.", report=title,
                                platform=platform_label(facts.platforms[0], w))), platform=facts.platforms[0])
    elif not facts.spreads and not facts.kpis:
        book.add("P", "performance", "performance_unreadable",
                 _capitalised(w("{report} has no per-platform or KPI table that code could read.", report=title)))


def _search_evidence(book: _Catalogue, ws: Workspace, question: str, brand: str, module: str | None,
                     w: Words | None = None) -> list[dict]:
    w = w or _English()
    hits = search_approved(ws, question, brand=brand, module=module, limit=_MAX_SEARCH_HITS, any_word=True)
    if not hits:
        words = ", ".join(query_terms(question)) or w("none")
        book.add("S", "search", "search_none",
                 w("No approved content in {brand}'s campaigns matches the words of the question ({words}).",
                   brand=brand, words=words))
        return []
    for hit in hits:
        book.add("S", "search", "search_hit",
                 w("Approved {module} {kind} '{title}' (campaign {campaign}, v{version}) matches: \u201c{snippet}\u201d",
                   module=hit.module, kind=hit.kind.replace("_", " "), title=hit.title, campaign=hit.campaign,
                   version=hit.version, snippet=hit.snippet), **hit.model_dump())
    return [hit.model_dump() for hit in hits]


def learn_facts(
    ws: Workspace, campaign: str, *, mode: str = "summarise", question: str = "", module: str | None = None,
    lang: str = "en", words: Words | None = None,
) -> dict[str, Any]:
    """The facts and numbered evidence for one learn run (raises NoDataError when the campaign
    has nothing to learn from yet); the statements in ``words``'s language (English without it),
    their figures written as ``lang`` writes numbers."""
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
    w = words or _English()
    _edit_evidence(book, lessons, record.name, candidates, record.brand, lang, w)
    _qc_evidence(book, outcomes, candidates, w)
    _performance_evidence(book, performance, record.name, lang, w)
    hits = (_search_evidence(book, ws, question, record.brand, module, w) if mode == "question" and question.strip()
            else [])
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
