"""Shared set-up for the widget tests (tests/test_ui_*.py): no tests of its own.

A real workspace in the temporary AICMO_HOME (the autouse fixture), seeded with the demo, and the
``Services`` the widgets receive. Generation goes through the configured chain, which without keys
is the offline composer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

X_LIMIT = 280


@pytest.fixture
def ws() -> Iterator[Any]:
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace

    with Workspace.open() as workspace:
        seed_demo(workspace)
        yield workspace


@pytest.fixture
def services(ws: Any) -> Any:
    from aicmo_kernel.ui import Services

    return Services(workspace=ws, reviewer="rita")


@pytest.fixture
def plain_campaign(ws: Any) -> str:
    """A campaign whose brand has no banned words or disclaimers, so QC findings are only the
    ones a test provokes."""
    ws.create_brand("Plainfield Bakery", website="https://plainfield.example")
    ws.create_campaign("Plainfield Bakery", "autumn", objective="leads", channels=["x"])
    return "autumn"


def x_post(ws: Any, campaign: str, text: str, *, title: str = "X post: autumn loaf") -> str:
    """Record a creatives generation holding one X post with ``text``; its deliverable id."""
    from fixtures_store import generate, item

    generate(ws, campaign, "creatives", [item(title, text, kind="x_post", platform="x")])
    return ws.list_deliverables(campaign=campaign, module="creatives")[0].id


def document(ws: Any, campaign: str, module: str = "intake", text: str | None = None) -> str:
    from fixtures_store import generate, item

    generate(ws, campaign, module, [item(f"{module} notes", text)])
    return ws.list_deliverables(campaign=campaign, module=module)[0].id


def long_post() -> str:
    words = "Fresh sourdough every morning from our Plainfield oven, baked slowly with local flour"
    text = (words + ". ") * 4 + "Order yours at https://plainfield.example/order today."
    assert len(text) > X_LIMIT
    return text


def approve_module(ws: Any, campaign: str, module: str) -> None:
    from aicmo_kernel import workflow

    for d in ws.list_deliverables(campaign=campaign, module=module):
        if d.state != "approved":
            workflow.approve(ws, d.id, version=d.current_version, reviewer="rita")
