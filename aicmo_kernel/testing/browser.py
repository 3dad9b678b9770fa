"""Debian's Chromium as the browser tests and the page-speed benchmark launch it.

Never ``playwright install``: it downloads a browser, which cannot work here. Install Debian's
``chromium`` with apt-get (scripts/test.sh does) and launch it with::

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "VIEWPORT", "launch_chromium"]

CHROMIUM = Path("/usr/bin/chromium")
# Headless, and nothing that reaches beyond loopback on its own (DEVELOPERS.md).
CHROMIUM_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic",
)
VIEWPORT = {"width": 1280, "height": 800}


def launch_chromium(playwright: Any) -> Any:
    """A headless Chromium browser from a started ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS))
