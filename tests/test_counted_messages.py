"""Counts in the command line's lines and the export's refusal, as a person writes them: "1 item
waiting", "2 selected items are not approved", never "item(s)" or "deliverable(s)"."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from aicmo_kernel.cli import main
from aicmo_kernel.errors import WorkflowError
from aicmo_kernel.export.preflight import Preflight, refuse_unapproved


def _missing(count: int) -> Preflight:
    summary = {"module": "strategy", "title": "Strategy", "state": "draft"}
    return Preflight(items=[], missing=[dict(summary, id=str(n)) for n in range(count)], checks=[])


@pytest.mark.parametrize(("count", "said"), [(1, "1 selected item is not approved"),
                                             (2, "2 selected items are not approved")])
def test_the_refusal_counts_the_items_it_names(count, said):
    with pytest.raises(WorkflowError) as refused:
        refuse_unapproved("demo", _missing(count))
    message = str(refused.value)
    assert said in message and "(s)" not in message, message
    assert ("Approve it (or leave it out" if count == 1 else "Approve them (or leave them out") in message


def test_the_command_line_counts_items_and_deliverables(monkeypatch):
    monkeypatch.setenv("AICMO_REVIEWER", "rita")
    runner = CliRunner()
    assert runner.invoke(main, ["init"]).exit_code == 0
    empty = runner.invoke(main, ["review", "--campaign", "demo"])
    assert empty.exit_code == 0 and empty.output.strip().endswith("0 items waiting"), empty.output
    generated = runner.invoke(main, ["run", "--campaign", "demo"])  # intake's drafts then wait for a reviewer
    made = re.search(r"(\d+) (deliverables?)\b", generated.output)
    assert made and made[2] == ("deliverable" if made[1] == "1" else "deliverables"), generated.output
    waiting = runner.invoke(main, ["review", "--campaign", "demo"])
    count = len(waiting.output.strip().splitlines()) - 1
    noun = "item" if count == 1 else "items"
    assert waiting.output.strip().endswith(f"{count} {noun} waiting"), waiting.output
    steps = [line for line in generated.output.splitlines() if " via " in line]
    assert steps and not any("(s)" in line for line in [*steps, empty.output, waiting.output]), generated.output
