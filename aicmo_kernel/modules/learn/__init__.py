"""Module 9, learn: lessons from reviewers' edits, QC outcomes and performance, and proposed
brand-memory rules.

``prepare`` computes every fact by code (``aicmo_kernel.learn.facts``) and numbers it as evidence
(E edits, Q QC, P performance, S search hits). The writer returns lessons and rules that cite
those ids; the renderer refuses a lesson or rule that cites none of them (a lesson without
evidence is an invented one) and prints the cited statements itself, so every figure in the
deliverables comes from code. Two deliverables: ``lessons`` and ``memory_rules``; approving the
latter makes its rules active brand-memory rules (``aicmo_kernel.learn.memory``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, create_model, field_validator

from ...errors import ContractViolation
from ...learn.memory import MEMORY_RULES_KIND, activate_approved_rules, check_rule_text
from .composer import compose_learn
from ...schemas import Deliverable
from ...registry import module_info
from ...workflow import Approval
from ..fields import Code, InputModel, OutputModel, OutText, choice, empty_list
from ..phrasebook import Sentences, labelled, language_of_inputs, tr
from ..templates import SHARED_SYSTEM_TEMPLATE
from ..base import FactBoundSpec, Upstream

__all__ = ["SPEC", "LearnInputs", "LearnOutput"]

ModuleFilter = choice("intake", "strategy", "creatives", "execution", "monitoring", "leadgen", "autonomy", "delivery")
_EVIDENCE_ID = re.compile(r"\b([EQPS]\d{1,3})\b")
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
# A fact id from the facts catalogue. The pattern is in the JSON schema, so a malformed citation is
# a contract break the provider chain can repair or fall back on; unknown ids are caught in _render.
_Ref = Code(r"^[EQPS][0-9]{1,3}$")
_Line = Annotated[str, StringConstraints(min_length=1, max_length=200)]


def _plain_line(value: str) -> str:
    if _HTML_TAG.search(value):
        raise ValueError("must be plain text, not HTML (remove the <...> tags)")
    if "\n" in value or "\r" in value:
        raise ValueError("must be a single line")
    return value


class LearnInputs(InputModel):
    mode: choice("summarise", "question") = Field(  # type: ignore[valid-type]
        default="summarise", description="summarise this campaign, or answer a question"
    )
    # validate_default: "question mode without a question" must be refused even when it is left out.
    question: Annotated[str, StringConstraints(max_length=500), AfterValidator(_plain_line)] = Field(
        default="", validate_default=True
    )
    module: ModuleFilter | None = Field(default=None, description="only learn from this module")

    @field_validator("question")
    @classmethod
    def _asked_when_needed(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("mode") == "question" and not value.strip():
            raise ValueError("write the question to answer (or choose mode 'summarise')")
        return value


class Lesson(OutputModel):
    title: _Line
    lesson: OutText
    evidence: list[_Ref] = Field(min_length=1, max_length=8, description="ids of the facts it rests on, e.g. E1, Q2")


class ProposedRule(OutputModel):
    rule: Annotated[str, StringConstraints(min_length=1, max_length=500), AfterValidator(check_rule_text)]
    why: OutText
    evidence: list[_Ref] = Field(min_length=1, max_length=8, description="ids of the facts it rests on")


class LearnOutput(OutputModel):
    summary: OutText
    answer: Annotated[str, StringConstraints(max_length=3000)] = Field(
        default="", description="the answer to the question (question mode only)"
    )
    lessons: list[Lesson] = Field(min_length=1, max_length=12)
    rules: list[ProposedRule] = Field(default_factory=list, max_length=10)


def _bind_output(facts: dict[str, Any]) -> type[LearnOutput]:
    """LearnOutput whose citations may only name this request's facts (an enum in the schema, so a
    model with structured output cannot cite a fact that does not exist)."""
    ids = tuple(e["id"] for e in facts.get("evidence") or ())
    return _bound(ids) if ids else LearnOutput


@lru_cache(maxsize=32)
def _bound(ids: tuple[str, ...]) -> type[LearnOutput]:
    """One model per set of fact ids (building one costs pydantic milliseconds; the same ids give
    the same model, and its schema is then cached with it by ``output_schema_of``)."""
    cites = (list[choice(*ids)], Field(min_length=1, max_length=8, description="ids of the facts it rests on"))  # type: ignore[valid-type]
    lesson = create_model("Lesson", __base__=Lesson, evidence=cites)
    rule = create_model("ProposedRule", __base__=ProposedRule, evidence=cites)
    return create_model(
        "LearnOutput",
        __base__=LearnOutput,
        lessons=(list[lesson], Field(min_length=1, max_length=12)),  # type: ignore[valid-type]
        rules=(list[rule], Field(default_factory=empty_list, max_length=10)),  # type: ignore[valid-type]
    )


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    return {"mode": "summarise"}


def _prepare(inputs: LearnInputs, *, brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream,
             workspace: Any = None) -> dict[str, Any]:
    from ...learn.facts import learn_facts

    if workspace is None:  # facts come from the workspace's history; there is nothing to learn without it
        from ...errors import NoDataError

        raise NoDataError("learn needs the workspace to read the campaign's history", field="campaign")
    language = _campaign_language(workspace, campaign.get("name") or campaign["id"])
    facts = learn_facts(workspace, campaign.get("name") or campaign["id"], mode=inputs.mode,
                        question=inputs.question, module=inputs.module, lang=language, words=Sentences(language))
    return {**facts, "language": language}


def _campaign_language(workspace: Any, campaign: str) -> str:
    """The language of the campaign's strategy (the approved one first), 'en' when it names none."""
    strategies = [d for d in workspace.list_deliverables(campaign=campaign, module="strategy")
                  if d.kind == "strategy_document" and (d.metadata or {}).get("language")]
    strategies.sort(key=lambda d: d.state != "approved")
    return language_of_inputs(strategies[0].metadata["language"], []) if strategies else "en"


def _t(facts: dict[str, Any], english: str, **values: object) -> str:
    """``english`` in the campaign's language (its strategy's)."""
    return tr(str(facts.get("language") or "en"), english, **values)


def _cited(refs: list[str], known: dict[str, dict[str, Any]], where: str) -> list[str]:
    found = [m for ref in refs for m in _EVIDENCE_ID.findall(ref)]
    cited = [eid for eid in dict.fromkeys(found) if eid in known]
    if not cited:
        listed = ", ".join(list(known)[:20]) or "none"
        raise ContractViolation(
            f"{where} cites no computed fact (it cited {', '.join(refs)!r}); cite the ids of the facts it rests on: "
            f"{listed}",
            field=f"output.{where}.evidence",
        )
    return cited


def _evidence_lines(ids: list[str], known: dict[str, dict[str, Any]]) -> str:
    return "\n".join(f"- {eid}: {known[eid]['statement']}" for eid in ids)


def _facts_section(facts: dict[str, Any]) -> str:
    titles = {"edits": "Reviewers' edits (generated v1 against the approved version)", "qc": "Quality checks",
              "performance": "Performance", "search": "Search over approved content"}
    titles = {source: _t(facts, title) for source, title in titles.items()}
    parts = []
    for source, title in titles.items():
        items = [e for e in facts.get("evidence", []) if e["source"] == source]
        if items:
            parts.append(f"### {title}\n\n" + "\n".join(f"- {e['id']}: {e['statement']}" for e in items))
    return "\n\n".join(parts)


def _render(
    output: LearnOutput,
    inputs: LearnInputs,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    facts: dict[str, Any] | None = None,
) -> list[Deliverable]:
    facts = facts or {}
    known = {e["id"]: e for e in facts.get("evidence", [])}
    t = lambda english, **values: _t(facts, english, **values)
    name = facts.get("campaign") or campaign.get("name") or t("campaign")
    brand_name = facts.get("brand") or brand.get("name") or t("the brand")
    scope = t("module {module}", module=inputs.module) if inputs.module else t("all modules")
    lessons = [(lesson, _cited(lesson.evidence, known, f"lessons.{i}")) for i, lesson in enumerate(output.lessons)]
    rules = [(rule, _cited(rule.evidence, known, f"rules.{i}")) for i, rule in enumerate(output.rules)]

    blocks = [f"# {t('Lessons: {name}', name=name)}",
              "*" + t("{brand} · campaign {name} · {scope} · lessons cite facts computed by code", brand=brand_name,
                      name=name, scope=scope) + "*",
              f"## {t('Summary')}\n\n{output.summary}"]
    if inputs.mode == "question":
        answer = output.answer.strip() or t("See the lessons and the search results below.")
        blocks.append(f"## {t('Question')}\n\n> {inputs.question}\n\n{answer}")
    blocks.append(f"## {t('Lessons')}\n\n" + "\n\n".join(
        f"### {n}. {lesson.title}\n\n{lesson.lesson}\n\n**{t('Evidence')}**\n\n{_evidence_lines(ids, known)}"
        for n, (lesson, ids) in enumerate(lessons, 1)
    ))
    facts_md = _facts_section(facts)
    if facts_md:
        blocks.append(f"## {t('Facts computed by code')}\n\n{facts_md}")
    lessons_md = "\n\n".join(blocks)

    intro = t("Approving this list makes each numbered rule below an active brand-memory rule for {brand}: every "
              "later prompt for the brand includes it. Edit or delete rules before approving; switch one off later "
              "with `aicmo memory remove`.", brand=brand_name)
    lang = str(facts.get("language") or "en")
    if rules:
        listed = "\n".join(
            f"{n}. {rule.rule}\n   {labelled(lang, t('Why'), ' '.join(rule.why.split()))}\n   "
            + labelled(lang, t("Evidence"), t("; ").join(f"{eid} ({known[eid]['statement']})" for eid in ids))
            for n, (rule, ids) in enumerate(rules, 1)
        )
    else:
        listed = t("No rule is proposed: the facts show no pattern clear enough to hold every later prompt to. Rules "
                   "can still be added by hand with `aicmo memory add`.")
    active = facts.get("active_rules") or []
    # A table, not a list: list items are what approval turns into rules (learn.memory.parse_rules).
    table = "\n".join([f"| {t('Active rule')} |", "|---|", *(f"| {rule.replace('|', '/')} |" for rule in active)])
    current = (f"\n\n## {t('Rules already active for {brand}', brand=brand_name)}\n\n"
               + (table if active else t("None yet.")))
    rules_md = (f"# {t('Proposed brand-memory rules: {brand}', brand=brand_name)}\n\n{intro}\n\n"
                f"## {t('Proposed rules')}\n\n{listed}{current}")

    shared = {"campaign": name, "brand": brand_name, "mode": inputs.mode, "question": inputs.question or None,
              "module_filter": inputs.module}
    return [
        Deliverable(
            kind="lessons",
            title=t("Lessons: {name}", name=name)[:300],
            content_markdown=lessons_md,
            metadata={
                **shared,
                "summary": output.summary,
                "answer": output.answer or None,
                "lessons": [{"title": lesson.title, "lesson": lesson.lesson, "evidence": ids} for lesson, ids in lessons],
                "evidence": [{"id": e["id"], "source": e["source"], "statement": e["statement"]}
                             for e in facts.get("evidence", [])],
                "performance_available": bool((facts.get("performance") or {}).get("available")),
            },
        ),
        Deliverable(
            kind=MEMORY_RULES_KIND,
            title=t("Proposed brand-memory rules: {brand}", brand=brand_name)[:300],
            content_markdown=rules_md,
            metadata={
                **shared,
                "rules": [{"rule": rule.rule, "why": rule.why, "evidence": ids,
                           "evidence_statements": [known[eid]["statement"] for eid in ids]} for rule, ids in rules],
                "active_rules": list(active),
            },
        ),
    ]


def _activate_rules(approval: Approval) -> None:
    """Approved brand-memory rules become active for the brand (other kinds: nothing)."""
    activate_approved_rules(approval.session, approval.deliverable.id, approval.version, approval.actor)


SPEC = FactBoundSpec(
    info=module_info("learn"),
    input_model=LearnInputs,
    output_model=LearnOutput,
    prompt_template="learn.v2.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_learn,
    prepare=_prepare,
    bind_output=_bind_output,
    after_approval=_activate_rules,
)
