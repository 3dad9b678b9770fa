"""The client pack's HTML page in a real browser: it fits the window on a wide screen and on a
phone (a wide UTM table scrolls inside its own box instead of widening the page)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_delivery import build_demo_workspace

from aicmo_kernel.export import build_client_pack


@pytest.fixture(scope="module")
def pack_html(tmp_path_factory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("layout-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AICMO_HOME", str(home))
        patch.setenv("AICMO_NO_DOTENV", "1")
        ws = build_demo_workspace(f"sqlite:///{home / 'workspace.sqlite'}")
        try:
            pack = build_client_pack(ws, "demo", formats=["html"])
            yield pack.files["demo-client-pack.html"].decode("utf-8")
        finally:
            ws.close()


@pytest.mark.parametrize(("width", "mobile"), [(1400, False), (1024, False), (390, True)])
def test_html_pack_fits_the_window(browser, pack_html, width, mobile):
    assert "utm_source=" in pack_html  # the wide table the page once overflowed on
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=mobile,
                                  device_scale_factor=3 if mobile else 1)
    try:
        page = context.new_page()
        page.set_content(pack_html)
        sizes = page.evaluate("""() => ({
            inner: window.innerWidth,
            scroll: document.documentElement.scrollWidth,
            tables: [...document.querySelectorAll('table')].map(t => ({
                box: t.parentElement.getBoundingClientRect().right,
                scrolls: getComputedStyle(t.parentElement).overflowX})),
        })""")
        assert sizes["inner"] == width  # a phone lays the page out at its own width, not 980 px
        assert sizes["scroll"] <= width, sizes
        assert sizes["tables"] and all(t["box"] <= width + 0.5 and t["scrolls"] == "auto" for t in sizes["tables"])
    finally:
        context.close()
