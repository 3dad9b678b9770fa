"""The English lines of ``aicmo run``, ``aicmo doctor`` and the settings check count as a person
writes them: "1 draft waits", "5 drafts wait", "1 model listed", never "draft(s)" or "model(s)"."""

from __future__ import annotations

import pytest

from aicmo_kernel.doctor import Check, render_lines, run_checks
from aicmo_kernel.providers.offline import OfflineProvider


def test_the_runner_stop_counts_the_drafts_that_wait(workspace):
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.runner import run_campaign

    seed_demo(workspace)
    report = run_campaign(workspace, "demo", provider=OfflineProvider())
    assert report.reason == "5 drafts in intake wait for a reviewer (autonomy level manual)"


@pytest.mark.parametrize(("warned", "last"), [(1, "1 failed, 1 warning"), (2, "1 failed, 2 warnings")])
def test_the_doctor_summary_counts_its_warnings(warned, last):
    checks = [Check("variables", "A", "fail", "bad")]
    checks += [Check("variables", f"W{n}", "warn", "odd") for n in range(warned)]
    assert render_lines(checks)[-1] == last


@pytest.mark.parametrize(("value", "said"), [("ofline", "unknown provider ofline;"),
                                             ("ofline,anthropc", "unknown providers ofline, anthropc;")])
def test_unknown_fallback_providers_are_counted(monkeypatch, value, said):
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", value)
    check = next(c for c in run_checks() if c.name == "AICMO_LLM_FALLBACK_PROVIDERS")
    assert check.status == "fail" and said in check.message and "(s)" not in check.message
