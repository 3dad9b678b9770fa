"""Module 8, delivery: the client pack (executive summary, pre-flight checklist, contents).

``prepare`` does the real work, by code, from the workspace: it selects the approved
deliverables (all of them by default, or by module and/or id), loads each at its approved
version with who approved it and when, and runs the pre-flight checklist (approvals, QC,
placeholders, branding). A selected item that is not approved at its current version refuses the
run with a WorkflowError naming each one (module, title, state). The model writes only the
executive summary; the checklist and the table of contents are rendered from the facts, and the
``client_pack`` deliverable's metadata holds the selection and branding so that
``export.build_client_pack`` rebuilds exactly this pack at export time.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints

from ...errors import NoDataError
from ...export.branding import DEFAULT_ACCENT, DEFAULT_PRIMARY, Branding, HexColour, PlainLine
from ...export.markdown_doc import checklist_markdown
from ...export.model import FRAME_WORDS
from ...export.pack import ALL_FORMATS
from ...export.preflight import CHECKS, preflight, refuse_unapproved, select_deliverables
from .composer import compose_delivery
from ...schemas import Deliverable
from ...registry import BUILT_IN, module_info
from ..fields import InputModel, OutputModel, OutText, choice
from ..phrasebook import Sentences, labelled, language_of_inputs, tr, typeset
from ..translations import catalog
from ..templates import SHARED_SYSTEM_TEMPLATE, bullets
from ..base import ModuleSpec, Upstream

__all__ = ["SPEC", "DeliveryInputs", "DeliveryOutput"]

PackModule = choice("intake", "strategy", "creatives", "execution", "monitoring", "leadgen", "autonomy", "learn")
ExportFormat = choice("md", "html", "docx", "pdf", "json", "zip")
DeliverableId = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")]
_FORMAT_NAMES = {"md": "Markdown", "html": "HTML (sanitised, self-contained)", "docx": "Word (DOCX)",
                 "pdf": "PDF", "json": "JSON (structured)", "zip": "ZIP with every format and a checksummed manifest"}


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class DeliveryInputs(InputModel):
    """Which approved deliverables go in the pack (none chosen: every approved one), in which
    formats, under which branding."""

    modules: Annotated[list[PackModule], Field(max_length=8), AfterValidator(_unique)] = Field(
        default_factory=list, description="include every current deliverable of these modules"
    )
    deliverable_ids: Annotated[list[DeliverableId], Field(max_length=500), AfterValidator(_unique)] = Field(
        default_factory=list, description="include these deliverables"
    )
    formats: Annotated[list[ExportFormat], Field(min_length=1, max_length=6), AfterValidator(_unique)] = Field(
        default_factory=lambda: list(ALL_FORMATS)
    )
    agency_name: PlainLine = ""
    primary_colour: HexColour = DEFAULT_PRIMARY
    accent_colour: HexColour = DEFAULT_ACCENT
    footer_text: PlainLine = ""

    def branding(self) -> Branding:
        return Branding(agency_name=self.agency_name, primary_colour=self.primary_colour,
                        accent_colour=self.accent_colour, footer_text=self.footer_text)


class DeliveryOutput(OutputModel):
    headline: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    summary: list[OutText] = Field(
        min_length=2, max_length=5,
        description="paragraphs: what the campaign is; the strategy in brief; what is in this pack",
    )
    next_steps: list[Annotated[str, StringConstraints(min_length=1, max_length=400)]] = Field(
        min_length=1, max_length=8
    )


def _prefill(brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream) -> dict[str, Any]:
    branding = dict(brand.get("branding") or {})
    return {key: branding.get(key) for key in ("agency_name", "primary_colour", "accent_colour", "footer_text")}


def _campaign_title(items: list[dict[str, Any]], campaign: dict[str, Any]) -> str:
    for item in items:
        if item.get("kind") == "strategy_document" and (item.get("metadata") or {}).get("campaign_name"):
            return str(item["metadata"]["campaign_name"])
    return str(campaign.get("name") or "campaign")


def _prepare(
    inputs: DeliveryInputs, *, brand: dict[str, Any], campaign: dict[str, Any], upstream: Upstream, workspace: Any
) -> dict[str, Any]:
    from ...registry import module_info as info_of

    if workspace is None:
        raise NoDataError("the delivery module reads the approved deliverables from the workspace; none was given",
                          field="workspace")
    name = str(campaign.get("name") or "")
    selected, not_selected = select_deliverables(
        workspace, name, modules=inputs.modules, ids=inputs.deliverable_ids
    )
    branding = inputs.branding()
    result = preflight(workspace, name, selected, branding=branding, not_selected=not_selected)
    refuse_unapproved(name, result)
    if not result.items:
        raise NoDataError(f"campaign {name!r} has no approved deliverables to put in a client pack",
                          field="inputs.modules")
    items = [{key: value for key, value in item.as_dict().items() if key != "assets"} for item in result.items]
    counts: dict[str, int] = {}
    for item in result.items:
        counts[item.module] = counts.get(item.module, 0) + 1
    return {
        "brand": brand.get("name") or campaign.get("brand"),
        "campaign": name,
        "campaign_title": _campaign_title(items, campaign),
        "start_date": campaign.get("start_date"),
        "selection": {"modules": list(inputs.modules), "deliverable_ids": [item.id for item in result.items]},
        "items": items,
        "counts": [{"module": m, "title": info_of(m).title, "count": n} for m, n in counts.items()],
        "checklist": result.checks,
        "preflight_passed": result.passed,
        "branding": branding.model_dump(),
        "formats": list(inputs.formats),
        "not_included": result.not_selected,
    }


def _cell(text: Any) -> str:
    return " ".join(str(text if text is not None else "").split()).replace("|", "\\|")


def _language(items: list[dict[str, Any]]) -> str:
    """The campaign's language, the selected strategy's (English when it is not in the pack)."""
    declared = next((str((i.get("metadata") or {}).get("language")) for i in items
                     if i.get("kind") == "strategy_document" and (i.get("metadata") or {}).get("language")), "")
    return language_of_inputs(declared, []) if declared else "en"


def _contents_table(items: list[dict[str, Any]], titles: dict[str, str], lang: str) -> str:
    unknown = tr(lang, "not recorded")
    rows = [
        f"| {n} | {_cell(titles.get(i['module'], i['module']))} | {_cell(i['title'])} | v{i['version']} | "
        f"{_cell(i.get('approved_by') or unknown)} | {_cell((i.get('approved_at') or '')[:10] or unknown)} |"
        for n, i in enumerate(items, 1)
    ]
    head = " | ".join(tr(lang, h) for h in ("Module", "Deliverable", "Version", "Approved by", "Approved on"))
    return "\n".join([f"| # | {head} |", "|---|---|---|---|---|---|", *rows])


def _frame_words(lang: str) -> dict[str, str]:
    """The export writers' own words (``export.model.FRAME_WORDS``), the checks' labels and the
    modules' titles in ``lang``, blanks kept for the writer to fill: the pack reads them from the
    approved summary, as the export layer cannot read the catalogues."""
    words = catalog(lang)
    english = [*FRAME_WORDS, *CHECKS.values(), *(info.title for info in BUILT_IN)]
    return {w: typeset(lang, words.get(w, w)) for w in english}


def _render(
    output: DeliveryOutput,
    inputs: DeliveryInputs,
    brand: dict[str, Any],
    campaign: dict[str, Any],
    facts: dict[str, Any] | None = None,
) -> list[Deliverable]:
    facts = facts or {}
    if not facts.get("items"):
        raise NoDataError("the delivery module needs its pack facts (the approved deliverables)", field="facts")
    title, items, checks = facts["campaign_title"], facts["items"], facts["checklist"]
    # Headings and labels in the campaign's language; the checks' details are code's words.
    lang = _language(items)
    t = Sentences(lang)
    module_titles = {c["module"]: t(c["title"]) for c in facts["counts"]}
    contents = bullets(labelled(lang, module_titles[c["module"]], t.counted(c["count"], "{count} approved deliverable",
                                                                             "{count} approved deliverables"))
                       for c in facts["counts"])
    steps = "\n".join(f"{n}. {step}" for n, step in enumerate(output.next_steps, 1))
    summary_md = "\n\n".join([
        f"# {t('Executive summary: {title}', title=title)}", f"**{output.headline}**", *output.summary,
        f"## {t('In this pack')}\n\n{contents}", f"## {t('Next steps')}\n\n{steps}",
    ])
    blocking_failed = [c for c in checks if c["blocking"] and not c["passed"]]
    verdict = (t("**Result: every blocking check passes.** The export runs the same checks again before any file is "
                 "written.") if not blocking_failed else
               t.counted(len(blocking_failed),
                         "**Result: {count} blocking check fails.** The pack cannot be exported until it passes.",
                         "**Result: {count} blocking checks fail.** The pack cannot be exported until they pass."))
    words = {w: t(w) for w in ("Check", "Result", "Details", "PASS", "FAIL", "WARNING")}
    shown = [{**c, "label": t(c["label"])} for c in checks]
    checklist_md = "\n\n".join([f"# {t('Pre-flight checklist: {title}', title=title)}", verdict,
                                 checklist_markdown(shown, words=words)])
    branding = Branding.model_validate(facts["branding"])
    brand_lines = bullets([
        labelled(lang, t("Agency"), branding.agency_name or t("none set (the pack goes out unbranded)")),
        labelled(lang, t("Primary colour"), branding.primary_colour),
        labelled(lang, t("Accent colour"), branding.accent_colour),
        labelled(lang, t("Footer"), branding.footer_text or t("none")),
    ])
    not_included = facts.get("not_included") or []
    pack_md = "\n\n".join(part for part in [
        f"# {t('Client pack: {brand}: {title}', brand=facts['brand'], title=title)}",
        "*" + t("Prepared by {agency}", agency=branding.agency_name) + "*" if branding.agency_name else "",
        f"## {t('Contents')}\n\n" + t("The executive summary opens the pack; then, in this order:") + "\n\n"
        + _contents_table(items, module_titles, lang),
        f"## {t('Formats')}\n\n" + bullets(t(_FORMAT_NAMES[f]) for f in facts["formats"]),
        f"## {t('Branding')}\n\n{brand_lines}",
        (f"## {t('Not included')}\n\n" + t.counted(
            len(not_included),
            "{count} current deliverable of the campaign is not in this pack (not selected, or not approved).",
            "{count} current deliverables of the campaign are not in this pack (not selected, or not approved).")
         if not_included else ""),
    ] if part)
    listed = [{k: i.get(k) for k in ("id", "module", "kind", "title", "version", "approved_by", "approved_at")}
              for i in items]
    shared = {"campaign": facts["campaign"], "campaign_title": title}
    return [
        Deliverable(kind="executive_summary", title=t("Executive summary: {title}", title=title), content_markdown=summary_md,
                    metadata={**shared, "headline": output.headline, "next_steps": list(output.next_steps),
                              **({"language": lang, "words": _frame_words(lang)} if lang != "en" else {})}),
        Deliverable(kind="preflight_checklist", title=t("Pre-flight checklist: {title}", title=title), content_markdown=checklist_md,
                    metadata={**shared, "checks": checks, "passed": not blocking_failed}),
        Deliverable(kind="client_pack", title=t("Client pack: {title}", title=title), content_markdown=pack_md,
                    metadata={**shared, "title": title, "brand": facts["brand"], "selection": facts["selection"],
                              "items": listed, "formats": list(facts["formats"]),
                              "branding": branding.model_dump(), "not_included": not_included}),
    ]


SPEC = ModuleSpec(
    info=module_info("delivery"),
    input_model=DeliveryInputs,
    output_model=DeliveryOutput,
    prompt_template="delivery.v2.md",
    system_template=SHARED_SYSTEM_TEMPLATE,
    package=__name__,
    prefill=_prefill,
    render=_render,
    composer=compose_delivery,
    max_output_tokens=4000,
    prepare=_prepare,
)
