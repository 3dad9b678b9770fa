"""The client pack's selection and its pre-flight checklist, computed by code.

Both the delivery module (before the model writes the executive summary) and the pack builder
(again, at export time, because states change) call ``preflight``. The checks:

``approved``      every selected item's current version is its approved version, not flagged
                  for review (blocking; a failure refuses the pack, naming each item)
``qc``            QC on each approved version finds no blocker (blocking)
``placeholders``  no placeholder or stub marker in any title or text (blocking)
``branding``      an agency name is set and both colours are valid (advice only)
``model_written`` no item is the offline composer's draft as is (advice only; such items are
                  labelled in the pack)
``client``        with the client stage on, every item is approved by the client too (advice only;
                  items still waiting are labelled in the pack)

A failed check's details name the items concerned but never quote the markers themselves, so
the checklist (a deliverable too) cannot trip the placeholder rules it reports on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError, WorkflowError
from ..schemas import find_placeholders
from .branding import Branding
from .model import ExportItem, item_summary, load_items

if TYPE_CHECKING:
    from ..store import Workspace
    from ..store.views import DeliverableView

__all__ = ["CHECKS", "Preflight", "preflight", "refuse_unapproved", "select_deliverables"]

PACK_MODULE = "delivery"
CHECKS = {
    "approved": "Every included item is approved (current version = approved version, not flagged for review)",
    "qc": "Quality checks pass on every approved version (no blockers)",
    "placeholders": "No placeholder or stub text in any item",
    "branding": "Branding applied (agency name and colours set)",
    "model_written": "Every item was written by a language model or edited by a person (not the offline composer's draft as is)",
    "client": "Every item is approved by the client too (the campaign's client stage)",
}
_BLOCKING = {"approved", "qc", "placeholders"}
_CODE_WRITTEN = {"preflight_checklist", "client_pack"}


@dataclass
class Preflight:
    """The selected items (approved ones loaded at their approved version) and the checklist."""

    items: list[ExportItem]
    missing: list[dict[str, Any]]
    checks: list[dict[str, Any]]
    not_selected: list[dict[str, Any]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(check["passed"] for check in self.checks if check["blocking"])

    def failed(self, blocking_only: bool = True) -> list[dict[str, Any]]:
        return [c for c in self.checks if not c["passed"] and (c["blocking"] or not blocking_only)]


def _is_current_approval(view: DeliverableView) -> bool:
    return (view.state == "approved" and view.approved_version is not None
            and view.approved_version == view.current_version and not view.needs_review)


def select_deliverables(
    ws: Workspace,
    campaign: str,
    *,
    modules: list[str] | tuple[str, ...] = (),
    ids: list[str] | tuple[str, ...] = (),
) -> tuple[list[DeliverableView], list[DeliverableView]]:
    """(selected, not selected) current deliverables of the campaign, outside the delivery module.

    With neither ``modules`` nor ``ids``: every approved deliverable. Otherwise every current
    deliverable of ``modules`` plus the ``ids`` (each must be a current deliverable of the
    campaign), approved or not: the approval check then says what is missing.
    """
    from ..registry import module_info

    current = [v for v in ws.list_deliverables(campaign=campaign) if v.module != PACK_MODULE]
    by_id = {v.id: v for v in current}
    wanted_modules = {module_info(m).name for m in modules}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise ValidationError(
            f"deliverable_ids: {', '.join(repr(i) for i in unknown[:10])} "
            f"{'is not a current deliverable' if len(unknown) == 1 else 'are not current deliverables'} "
            f"of campaign {campaign!r} (superseded, in the delivery module, or unknown)",
            field="inputs.deliverable_ids",
        )
    if not wanted_modules and not ids:
        chosen = [v for v in current if v.state == "approved"]
    else:
        chosen = [v for v in current if v.module in wanted_modules or v.id in set(ids)]
    chosen_ids = {v.id for v in chosen}
    return chosen, [v for v in current if v.id not in chosen_ids]


def preflight(
    ws: Workspace,
    campaign: str,
    selected: list[DeliverableView],
    *,
    branding: Branding,
    extra: Sequence[DeliverableView] = (),
    not_selected: Sequence[DeliverableView] = (),
) -> Preflight:
    """Load the approved versions of ``selected`` (and ``extra``: the pack's own executive
    summary) and run the four checks on them."""
    from ..qc import check_deliverable

    record = ws.get_campaign(campaign)
    brand = ws.get_brand(record.brand_id)
    missing: list[dict[str, Any]] = []
    for view in [*selected, *extra]:
        if not _is_current_approval(view):
            missing.append(item_summary(view))
    items: list[ExportItem] = load_items(ws, [view for view in [*selected, *extra] if _is_current_approval(view)])
    qc_failures: list[str] = []
    placeholder_items: list[str] = []
    for item in items:
        report = check_deliverable(item, brand=brand)
        if not report.passed:
            qc_failures.append(f"{item.title} ({_count(len(report.blockers), 'blocker')}: "
                               + ", ".join(sorted({i.check_id for i in report.blockers})) + ")")
        subject = str(item.metadata.get("subject") or "")
        if find_placeholders(item.content_markdown) or find_placeholders(item.title) or find_placeholders(subject):
            placeholder_items.append(item.title)
    checked = f"{_count(len(items), 'approved version')} checked"
    # The pack's own checklist and contents are written by code; only the content items count.
    offline_items = [i.title for i in items if i.drafted_by == "offline" and i.kind not in _CODE_WRITTEN]
    checks = [
        _check("approved", not missing and bool(items),
               _all_approved(len(items), len(extra)) if not missing and items
               else ("nothing selected" if not missing else
                     f"{_count(len(missing), 'item')} not approved: " + "; ".join(_describe(m) for m in missing))),
        _check("qc", not qc_failures,
               f"{checked}, no blockers" if not qc_failures else "blockers in: " + "; ".join(qc_failures)),
        _check("placeholders", not placeholder_items,
               f"{checked}, none found" if not placeholder_items
               else "placeholder text in: " + "; ".join(placeholder_items)),
        _check("branding", branding.is_applied,
               f"agency {branding.agency_name!r}, colours {branding.primary_colour} and {branding.accent_colour}"
               if branding.is_applied else
               f"no agency name set (colours {branding.primary_colour} and {branding.accent_colour}); "
               "the pack goes out unbranded"),
        _check("model_written", not offline_items,
               f"{checked}, none is an unedited offline draft" if not offline_items
               else f"{_count(len(offline_items), 'item')} {'is' if len(offline_items) == 1 else 'are'} the offline "
               "composer's drafts, labelled as such in the pack; "
               "review or regenerate them with a model before sending: " + "; ".join(offline_items)),
    ]
    if record.client_review:
        waiting = [i.title for i in items if i.client_waiting]
        checks.append(_check(
            "client", not waiting,
            f"{checked}, each approved by the client" if not waiting
            else f"{_count(len(waiting), 'item')} still wait{'s' if len(waiting) == 1 else ''} for the client's approval, "
            "labelled as such in the pack: "
            + "; ".join(waiting)))
    return Preflight(items=items, missing=missing, checks=checks,
                     not_selected=[item_summary(v) for v in not_selected])


def _all_approved(total: int, own: int) -> str:
    """Says what the count counts, so it adds up with the pack's other numbers."""
    text = (f"all {total} items approved at their current version" if total != 1
            else "the 1 item approved at its current version")
    if own:
        text += f": {_count(total - own, 'deliverable')} in the pack and {own} of the delivery module's own"
    return text


def _count(count: int, noun: str) -> str:
    """ "1 item", "3 items": the checklist is English, and says no "item(s)"."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _check(name: str, passed: bool, details: str) -> dict[str, Any]:
    return {"check": name, "label": CHECKS[name], "passed": bool(passed), "blocking": name in _BLOCKING,
            "details": details}


def _describe(summary: dict[str, Any]) -> str:
    return f"{summary['module']} / {summary['title']!r} ({summary['state'].replace('_', ' ')})"


def refuse_unapproved(campaign: str, result: Preflight, *, what: str = "The client pack") -> None:
    """Raise WorkflowError listing every missing item (module, title, state) when any is missing."""
    if not result.missing:
        return
    listed = "; ".join(_describe(m) for m in result.missing)
    one = len(result.missing) == 1
    raise WorkflowError(
        f"{what} for campaign {campaign!r} cannot be built: {_count(len(result.missing), 'selected item')} "
        f"{'is' if one else 'are'} not approved at their current version: {listed}. Approve "
        f"{'it' if one else 'them'} (or leave {'it' if one else 'them'} out of the selection) first.",
        field="selection",
        details={"missing": result.missing},
    )
