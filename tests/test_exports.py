"""Every export format: the client pack on the demo campaign (md, json, html, docx, pdf, zip),
the HTML sanitiser against hostile model output, charts as images, and the CLI."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

import pytest
from click.testing import CliRunner
from test_delivery import build_demo_workspace

from aicmo_kernel import workflow
from aicmo_kernel.cli import main
from aicmo_kernel.errors import ValidationError
from aicmo_kernel.export import (
    EXPORT_FORMATS,
    Branding,
    ClientPack,
    build_client_pack,
    export_campaign,
    pdf_file,
    sanitize_markdown_to_html,
)
from aicmo_kernel.schemas import create_success_envelope
from aicmo_kernel.store import Workspace

NOW = datetime(2027, 2, 20, 9, 30, tzinfo=UTC)
HOSTILE = """# Launch notes <script>alert(1)</script>

Visible paragraph with <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">x</a> inside.

<iframe src="https://evil.example/frame"></iframe>

<p style="position:fixed;top:0">styled text stays</p>

<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<a href="JaVaScRiPt:alert(2)">mixed case</a> <svg onload=alert(3)></svg>
<style>body { display: none }</style>

[markdown link](javascript:alert(4)) and [safe link](https://rotaly.example/trial).
"""


def tiny_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), (31, 58, 95)).save(buffer, format="PNG")
    return buffer.getvalue()


class _Elements(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def assert_nothing_executable(html: str, *, page: bool = False) -> None:
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered and "onerror" not in lowered
    assert "javascript:" not in lowered and "data:text" not in lowered and "<svg" not in lowered
    for tag, attrs in parse_html(html).tags:
        assert tag not in {"script", "iframe", "object", "embed", "svg"} and (page or tag != "style")
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert name != "style", tag
            if name in ("href", "src") and value:
                assert value.startswith(("https://", "http://", "mailto:", "#", "data:image/png;base64,")), value


# --------------------------------------------------------------------------- sanitiser


def test_sanitizer_leaves_nothing_executable_and_keeps_the_text():
    html = sanitize_markdown_to_html(HOSTILE)
    assert_nothing_executable(html)
    text = " ".join(parse_html(html).text)
    assert "Visible paragraph with" in text and "x" in text and "styled text stays" in text
    assert "data link" in text and "alert(1)" not in text  # script content removed, not shown
    assert '<a href="https://rotaly.example/trial"' in html
    assert "<h1>Launch notes" in html


def test_images_only_from_our_own_charts():
    png = tiny_png()
    html = sanitize_markdown_to_html(
        "![Clicks](chart:clicks) ![Unknown](chart:nope) ![Remote](https://tracker.example/p.png) "
        "![Inline](data:image/png;base64,AAAA)",
        charts={"clicks": ("Clicks by week", png)},
    )
    images = [attrs for tag, attrs in parse_html(html).tags if tag == "img"]
    assert len(images) == 4
    assert images[0]["src"] == "data:image/png;base64," + base64.b64encode(png).decode()
    assert all("src" not in attrs for attrs in images[1:])  # alt text only
    assert [attrs["alt"] for attrs in images] == ["Clicks", "Unknown", "Remote", "Inline"]


# --------------------------------------------------------------------------- the pack


@pytest.fixture(scope="module")
def pack_ws(tmp_path_factory) -> Iterator[Workspace]:
    home = tmp_path_factory.mktemp("pack-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AICMO_HOME", str(home))
        patch.setenv("AICMO_NO_DOTENV", "1")
        for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "AICMO_LLM_PRIMARY_PROVIDER", "AICMO_DATABASE_URL"):
            patch.delenv(name, raising=False)
        ws = build_demo_workspace(f"sqlite:///{home / 'workspace.sqlite'}")
        yield ws
        ws.close()


@pytest.fixture(scope="module")
def pack(pack_ws) -> ClientPack:
    return build_client_pack(pack_ws, "demo", formats=EXPORT_FORMATS, now=NOW)


def file_of(pack: ClientPack, ext: str) -> bytes:
    return pack.files[f"demo-client-pack.{ext}"]


def approved_titles(ws: Workspace) -> list[str]:
    return [d.title for d in ws.list_deliverables("demo") if d.module != "delivery"]


def test_pack_holds_every_approved_item_at_its_approved_version(pack, pack_ws):
    expected = [d for d in pack_ws.list_deliverables("demo") if d.module != "delivery"]
    assert [i.id for i in pack.items] == [d.id for d in expected]
    assert all(i.version == d.approved_version and i.approved_by == "rita" for i, d in zip(pack.items, expected))
    assert pack.document.executive_summary is not None
    assert set(pack.files) == {f"demo-client-pack.{ext}" for ext in ("md", "html", "docx", "pdf", "json")}
    # The demo's items are the offline composer's drafts: the pack labels them and the advisory
    # model_written check warns; every other check passes.
    assert all(c["passed"] for c in pack.checklist if c["check"] != "model_written")
    [warning] = [c for c in pack.checklist if not c["passed"]]
    assert warning["check"] == "model_written" and not warning["blocking"]
    assert all(i.drafted_by == "offline" for i in pack.items)


def test_markdown_export(pack, pack_ws):
    text = file_of(pack, "md").decode("utf-8")
    assert text.startswith("# Rotaly: Get your Sunday evening back")
    assert "*Prepared by Northlight Studio" in text
    assert "## Executive summary: Get your Sunday evening back" in text
    for title in approved_titles(pack_ws):
        assert f"### {title}" in text
    assert "## Pre-flight checklist" in text and "Example demo data" in text


def test_json_export_is_structured(pack, pack_ws):
    data = json.loads(file_of(pack, "json"))
    assert data["brand"] == "Rotaly" and data["campaign"] == "demo" and data["approved_versions_only"]
    assert data["branding"]["primary_colour"] == "#1F3A5F"
    views = {d.id: d for d in pack_ws.list_deliverables("demo")}
    for entry in data["deliverables"]:
        view = views[entry["id"]]
        assert entry["version"] == view.approved_version and entry["approved_by"] == "rita"
        assert entry["approved_at"] and entry["content_markdown"] == view.content_markdown
    assert data["executive_summary"]["kind"] == "executive_summary"
    assert {c["check"] for c in data["preflight_checklist"]} == {"approved", "qc", "placeholders", "branding",
                                                                 "model_written"}
    assert {entry["drafted_by"] for entry in data["deliverables"]} == {"offline"}


def test_html_export_is_sanitised_self_contained_and_branded(pack, pack_ws):
    html = file_of(pack, "html").decode("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "--primary: #1F3A5F" in html and "--accent: #E07A1F" in html
    assert "Content-Security-Policy" in html and "default-src &#x27;none&#x27;" in html
    assert_nothing_executable(html, page=True)
    assert len([tag for tag, _ in parse_html(html).tags if tag == "style"]) == 1  # ours, nobody else's
    assert "https://" not in html.split("<main>")[0]  # no remote stylesheet, font or script
    for title in approved_titles(pack_ws):
        assert title.replace("&", "&amp;").replace("'", "&#x27;") in html


def test_docx_export_opens_and_holds_the_titles(pack, pack_ws):
    import docx

    document = docx.Document(io.BytesIO(file_of(pack, "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Rotaly: Get your Sunday evening back"
    for title in approved_titles(pack_ws):
        assert title in headings
    assert "Pre-flight checklist" in headings
    assert len(document.tables) >= 3  # contents-bearing tables: calendar, checklist, ...
    assert "Example demo data" in document.sections[0].footer.paragraphs[0].text
    bullets = [p for p in document.paragraphs if p.style.name.startswith("List Bullet")]
    assert bullets


def test_pdf_export_is_a_real_pdf_with_the_titles(pack):
    import pypdf

    data = file_of(pack, "pdf")
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 5
    first = reader.pages[0].extract_text()
    assert "Rotaly: Get your Sunday evening back" in first
    assert "Prepared by Northlight Studio" in first
    everything = " ".join(page.extract_text() for page in reader.pages)
    assert "Pre-flight checklist" in everything and "Content calendar: Get your Sunday evening back" in everything
    assert "£49" in everything
    if pdf_file.find_unicode_font() is not None:  # DejaVu embedded: text beyond Latin-1 survives
        assert "\u201cGet your Sunday evening back\u201d" in everything


def test_zip_manifest_checksums_match(pack, pack_ws):
    data = pack.to_zip()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("demo-client-pack/manifest.json"))
        assert sorted(names) == sorted([f"demo-client-pack/{f['name']}" for f in manifest["files"]]
                                       + ["demo-client-pack/manifest.json"])
        for entry in manifest["files"]:
            content = archive.read(f"demo-client-pack/{entry['name']}")
            assert len(content) == entry["bytes"]
            assert hashlib.sha256(content).hexdigest() == entry["sha256"]
    assert manifest["brand"] == "Rotaly" and manifest["campaign"] == "demo"
    assert manifest["generated_at"] == NOW.isoformat()
    assert manifest["items"][0]["kind"] == "executive_summary"
    views = {d.id: d for d in pack_ws.list_deliverables("demo")}
    for item in manifest["items"]:
        assert set(item) >= {"id", "module", "kind", "title", "version", "approved_by", "approved_at"}
        assert item["version"] == views[item["id"]].approved_version
    assert pack.to_zip() == data  # the same pack zips to the same bytes


def test_pack_formats_are_validated():
    from aicmo_kernel.export.pack import normalise_formats

    assert normalise_formats(["zip"]) == ("md", "html", "docx", "pdf", "json")
    assert normalise_formats(["pdf", "md", "md"]) == ("md", "pdf")
    with pytest.raises(ValidationError) as caught:
        normalise_formats(["pptx"])
    assert caught.value.field == "formats"


def test_pdf_without_a_unicode_font_falls_back_to_helvetica(pack, monkeypatch):
    import pypdf

    monkeypatch.setattr(pdf_file, "find_unicode_font", lambda: None)
    data = pdf_file.render_pdf(dataclasses.replace(pack.document, items=pack.items[:4]))
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) > 1 and "Rotaly" in reader.pages[0].extract_text()
    assert "\u201c" not in " ".join(page.extract_text() for page in reader.pages)  # curly quotes made plain


def test_branding_colours_are_validated():
    assert Branding(primary_colour="#abc").primary_colour == "#AABBCC"
    for bad in ("red", "#12345", "#1234567", "#GGGGGG", "#123456;} body{"):
        with pytest.raises(Exception, match="hex colour"):
            Branding(primary_colour=bad)


# --------------------------------------------------------------------------- hostile content, charts


@pytest.fixture
def hostile_ws(workspace) -> Workspace:
    """A campaign whose approved deliverable holds hostile HTML and a performance report with a chart."""
    workspace.create_brand("Acme Outdoor", website="https://acme.example",
                           branding={"agency_name": "Blue Door", "primary_colour": "#123456",
                                     "accent_colour": "#FEDCBA", "footer_text": "Confidential"})
    workspace.create_campaign("Acme Outdoor", "spring", objective="leads")
    png = base64.b64encode(tiny_png()).decode()
    for module, items in {
        "intake": [{"kind": "client_summary", "title": "Hostile notes", "content_markdown": HOSTILE}],
        "monitoring": [{"kind": "performance_report", "title": "Performance report",
                        "content_markdown": "# Week 4\n\n![Clicks by week](chart:clicks)\n\n![Gone](chart:missing)",
                        "assets": {"charts": [{"name": "clicks", "title": "Clicks by week", "png_base64": png},
                                              {"name": "bad", "title": "Not a PNG", "png_base64": "aGVsbG8="}]}}],
    }.items():
        envelope = create_success_envelope(module, items, provider="offline", model="offline-composer")
        workflow.record_generation(workspace, campaign="spring", module=module, inputs={}, envelope=envelope,
                                   attempts=[], prompt_hash="x", latency_ms=1.0, actor="analyst")
        for item in workspace.list_deliverables("spring", module):
            workflow.approve(workspace, item.id, version=item.current_version, reviewer="rita")
    return workspace


def test_html_export_of_hostile_content_is_safe_and_branded(hostile_ws):
    result = export_campaign(hostile_ws, "spring", "html")
    html = result.data.decode("utf-8")
    assert_nothing_executable(html, page=True)
    assert "--primary: #123456" in html and "--accent: #FEDCBA" in html and "Blue Door" in html
    assert "Visible paragraph with" in html and "styled text stays" in html
    charts = [attrs for tag, attrs in parse_html(html).tags if tag == "img" and attrs.get("src")]
    assert len(charts) == 1 and charts[0]["src"].startswith("data:image/png;base64,iVBOR")


def test_docx_and_pdf_show_charts_as_pictures(hostile_ws):
    import docx
    import pypdf

    document = docx.Document(io.BytesIO(export_campaign(hostile_ws, "spring", "docx").data))
    assert len(document.inline_shapes) == 1
    assert "Clicks by week" in [p.text for p in document.paragraphs]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Visible paragraph with" in text and "alert(1)" not in text
    reader = pypdf.PdfReader(io.BytesIO(export_campaign(hostile_ws, "spring", "pdf").data))
    assert sum(len(page.images) for page in reader.pages) == 1
    assert "Clicks by week" in " ".join(page.extract_text() for page in reader.pages)


def test_module_export_and_zip_rules(hostile_ws):
    only = json.loads(export_campaign(hostile_ws, "spring", "json", module="monitoring").data)
    assert [d["kind"] for d in only["deliverables"]] == ["performance_report"] and only["module"] == "monitoring"
    with pytest.raises(ValidationError) as caught:
        export_campaign(hostile_ws, "spring", "zip", module="intake")
    assert caught.value.field == "module"
    with pytest.raises(ValidationError) as caught:
        export_campaign(hostile_ws, "spring", "pptx")
    assert caught.value.field == "format"
    # Without a delivery module the pack holds every approved item, branded from the brand record.
    pack = build_client_pack(hostile_ws, "spring", formats=["json"])
    assert {i.kind for i in pack.items} == {"client_summary", "performance_report"}
    assert pack.document.branding.agency_name == "Blue Door" and pack.document.executive_summary is None


def test_edited_item_is_left_out_of_exports(hostile_ws):
    report = hostile_ws.list_deliverables("spring", "monitoring")[0]
    workflow.edit(hostile_ws, report.id, "# Week 4\n\nRevised, not approved.", base_version=1, editor="sam")
    data = json.loads(export_campaign(hostile_ws, "spring", "json").data)
    assert [d["module"] for d in data["deliverables"]] == ["intake"]
    assert data["left_out"] == [{"id": report.id, "module": "monitoring", "kind": "performance_report",
                                 "title": "Performance report", "state": "revised"}]
    assert "Revised, not approved" not in export_campaign(hostile_ws, "spring", "md").data.decode()


# --------------------------------------------------------------------------- CLI


def test_cli_exports_every_format(monkeypatch, tmp_path):
    monkeypatch.setenv("AICMO_REVIEWER", "rita")
    runner = CliRunner()

    def cli(*args: str) -> Any:
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, f"{args}: {result.output}"
        return result

    cli("init")
    cli("generate", "intake", "--campaign", "demo")
    cli("approve", "--campaign", "demo", "--module", "intake", "--all")
    cli("generate", "strategy", "--campaign", "demo")  # drafts: left out, or (zip) not selected
    out = tmp_path / "exports"
    out.mkdir()
    for fmt in EXPORT_FORMATS:
        printed = cli("export", "--campaign", "demo", "--format", fmt, "--out", str(out)).output
        written = out / ("demo-client-pack.zip" if fmt == "zip" else f"demo.{fmt}")
        assert written.is_file() and written.stat().st_size > 0
        assert f"wrote {written} ({written.stat().st_size} bytes, 5 approved deliverables)" in printed
    with zipfile.ZipFile(out / "demo-client-pack.zip") as archive:
        assert len(archive.namelist()) == 6  # five formats and the manifest
    single = tmp_path / "intake.pdf"
    cli("export", "--campaign", "demo", "--format", "pdf", "--module", "intake", "--out", str(single))
    assert single.read_bytes().startswith(b"%PDF-")


# --------------------------------------------------------------------------- Markdown a client opens


def viewer_html(markdown: str) -> str:
    """What a Markdown viewer shows: CommonMark with raw HTML on, links as they are (no sanitiser)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)


def assert_viewer_shows_nothing_live(markdown: str) -> None:
    for tag, attrs in parse_html(viewer_html(markdown)).tags:
        assert tag not in {"script", "iframe", "svg", "style", "object", "embed"}, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        target = attrs.get("href") or attrs.get("src") or ""
        assert not target or target.startswith(("https://", "http://", "mailto:", "data:image/png;base64,")), target


MARKDOWN_ATTACKS = [
    HOSTILE,
    "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(2)) [z](&#106;avascript:alert(3)) [w](java\\script:alert(4))",
    "[ref][r]\n\n[r]: javascript:alert(5)\n",
    "<javascript:alert(6)> <vbscript:msgbox(7)> ![img](data:text/html;base64,PHNjcmlwdD4=)",
    "text <!-- comment --> <b onclick=alert(8)>bold</b>\n\n<div>\n<script>alert(9)</script>\n</div>",
    "```\n<script>kept as code</script>\n``` and `<img src=x onerror=alert(10)>` inline",
    "| a | b |\n|---|---|\n| <img src=x onerror=alert(11)> | [t](javascript:alert(12)) |",
    "[a [b](javascript:alert(13))](https://ok.example) [c](<javascript:alert(14)>)",
]


@pytest.mark.parametrize("attack", MARKDOWN_ATTACKS)
def test_markdown_sanitiser_leaves_nothing_live_for_a_viewer(attack):
    from aicmo_kernel.export.sanitize import live_markup, sanitize_markdown

    cleaned = sanitize_markdown(attack)
    assert live_markup(cleaned) == []
    # Judged independently of our own scanner: a viewer that renders raw HTML shows nothing live.
    html = viewer_html(cleaned)
    for tag, attrs in parse_html(html).tags:
        assert tag not in {"script", "iframe", "img", "svg", "style", "object", "embed"} or (
            tag == "img" and not attrs.get("src")), (tag, attrs)
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        target = attrs.get("href") or attrs.get("src") or ""
        assert not target or target.startswith(("https://", "http://", "mailto:")), target


def test_markdown_sanitiser_keeps_ordinary_markdown_byte_for_byte():
    from aicmo_kernel.export.sanitize import sanitize_markdown

    ordinary = ("# Título — 見出し\n\nA *list* with **bold**, `code <b>`, an [http link](https://a.example/x?q=1&r=2) "
                "and <https://auto.example> or <team@rotaly.example>.\n\n- one\n- two 🎉\n\n"
                "| Channel | UTM |\n|---|---|\n| Email | https://a.example/?utm_source=x |\n\n"
                "```python\nif a < b: print('<tag>')\n```\n\n    indented <code>\n")
    assert sanitize_markdown(ordinary) == ordinary
    assert sanitize_markdown("Price < 5 and 3 > 2") == "Price &lt; 5 and 3 > 2"


def test_markdown_and_pack_exports_carry_no_live_markup(hostile_ws):
    from aicmo_kernel.export.sanitize import live_markup

    md = export_campaign(hostile_ws, "spring", "md").data.decode("utf-8")
    assert "Visible paragraph with" in md and "[safe link](https://rotaly.example/trial)" in md
    assert "<script" not in md.lower() and "&lt;script>" in md  # shown as text, not run
    # Only the report's own chart, inlined as a PNG, is an image a viewer loads.
    assert all(found.startswith("image from 'data:image/png;base64,") for found in live_markup(md))
    assert_viewer_shows_nothing_live(md)
    # JSON keeps the text as written (it is data, not a page); the pack's Markdown does not.
    data = json.loads(export_campaign(hostile_ws, "spring", "json").data)
    assert any("<script>" in d["content_markdown"] for d in data["deliverables"])
    archive = zipfile.ZipFile(io.BytesIO(export_campaign(hostile_ws, "spring", "zip").data))
    packed_md = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".md"))
    assert "&lt;script>" in packed_md
    assert_viewer_shows_nothing_live(packed_md)


def test_zip_members_extract_readable_by_everyone(hostile_ws):
    archive = zipfile.ZipFile(io.BytesIO(export_campaign(hostile_ws, "spring", "zip").data))
    modes = {info.filename: info.external_attr >> 16 for info in archive.infolist()}
    assert modes and all(mode == 0o100644 for mode in modes.values()), modes


def test_pdf_footer_is_shown_whole(workspace):
    import pypdf

    footer = ("Confidential: prepared for Acme Outdoor's marketing team by Blue Door; not for onward "
              "distribution without the written consent of both parties")
    workspace.create_brand("Acme Outdoor", branding={"agency_name": "Blue Door", "footer_text": footer})
    workspace.create_campaign("Acme Outdoor", "autumn", objective="leads")
    envelope = create_success_envelope("intake", [{"kind": "client_summary", "title": "Notes",
                                                   "content_markdown": "Plain notes.\n\n" * 120}],
                                       provider="offline", model="offline-composer")
    workflow.record_generation(workspace, campaign="autumn", module="intake", inputs={}, envelope=envelope,
                               attempts=[], prompt_hash="x", latency_ms=1.0, actor="analyst")
    for item in workspace.list_deliverables("autumn"):
        workflow.approve(workspace, item.id, version=item.current_version, reviewer="rita")
    reader = pypdf.PdfReader(io.BytesIO(export_campaign(workspace, "autumn", "pdf").data))
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, 1):
        text = " ".join(page.extract_text().split())
        assert footer in text and "Acme Outdoor · autumn" in text, number
        assert f"{number}/{len(reader.pages)}" in text


def test_cli_export_names_what_it_left_out(monkeypatch, tmp_path):
    monkeypatch.setenv("AICMO_REVIEWER", "rita")
    runner = CliRunner()
    assert runner.invoke(main, ["init"]).exit_code == 0
    runner.invoke(main, ["generate", "intake", "--campaign", "demo"])
    runner.invoke(main, ["approve", "--campaign", "demo", "--module", "intake", "--all"])
    runner.invoke(main, ["generate", "strategy", "--campaign", "demo"])
    with Workspace.open() as ws:
        drafts = [d.title for d in ws.list_deliverables("demo", "strategy")]
    result = runner.invoke(main, ["export", "--campaign", "demo", "--format", "md", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    noun = "deliverable" if len(drafts) == 1 else "deliverables"
    assert f"left out {len(drafts)} {noun}:" in result.output and "(s)" not in result.output
    for title in drafts:
        assert f"strategy / {title}: not approved (draft)" in result.output


def test_docx_table_cells_never_run_as_formulas_and_figures_keep_their_sign(workspace):
    import docx

    workspace.create_brand("Acme Outdoor")
    workspace.create_campaign("Acme Outdoor", "winter", objective="leads")
    table = ("| Company | Change | Note |\n|---|---|---|\n"
             "| =HYPERLINK(\"http://evil.example\",\"Acme\") | -25.00% | @SUM(A1) |\n| Northwind | +12 | fine |\n")
    envelope = create_success_envelope("intake", [{"kind": "client_summary", "title": "Leads table",
                                                   "content_markdown": table}],
                                       provider="offline", model="offline-composer")
    workflow.record_generation(workspace, campaign="winter", module="intake", inputs={}, envelope=envelope,
                               attempts=[], prompt_hash="x", latency_ms=1.0, actor="analyst")
    for item in workspace.list_deliverables("winter"):
        workflow.approve(workspace, item.id, version=item.current_version, reviewer="rita")
    document = docx.Document(io.BytesIO(export_campaign(workspace, "winter", "docx").data))
    cells = [cell.text for t in document.tables for row in t.rows for cell in row.cells]
    assert "'=HYPERLINK(\"http://evil.example\",\"Acme\")" in cells and "'@SUM(A1)" in cells
    assert "-25.00%" in cells and "+12" in cells and "Northwind" in cells
