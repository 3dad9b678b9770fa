"""The export bar (data-URI downloads made on click) and the campaign picker."""

from __future__ import annotations

import json

from test_ui_support import approve_module, document

from aicmo_kernel.ui import CampaignPicker, ExportBar
from aicmo_kernel.ui.selftest import decode_links

pytest_plugins = ["test_ui_support"]


def test_export_links_decode_to_the_approved_content(ws, services, plain_campaign):
    item_id = document(ws, plain_campaign, text="# Notes\n\nOur autumn loaf is back on Saturday.")
    bar = ExportBar(services, campaign=plain_campaign, module="intake", formats=("md", "json"))
    assert bar.links.value == "" and bar.files == {}  # nothing is exported on display
    approve_module(ws, plain_campaign, "intake")
    bar.prepare_button.click()
    links = decode_links(bar.links.value)
    assert set(links) == {"autumn-intake.md", "autumn-intake.json"}
    media, markdown = links["autumn-intake.md"]
    assert media.startswith("text/markdown") and " " not in media
    assert "Our autumn loaf is back on Saturday." in markdown.decode("utf-8")
    data = json.loads(links["autumn-intake.json"][1])
    assert [d["id"] for d in data["deliverables"]] == [item_id]
    assert 'download="autumn-intake.md"' in bar.links.value


def test_the_formats_come_from_the_export_package_at_click_time(ws, services, plain_campaign, monkeypatch):
    from aicmo_kernel import export

    document(ws, plain_campaign)
    approve_module(ws, plain_campaign, "intake")
    bar = ExportBar(services, campaign=plain_campaign, module="intake")
    monkeypatch.setattr(export, "EXPORT_FORMATS", ("json", "md"))
    bar.prepare()
    assert list(bar.files) == ["json", "md"]


def test_whole_campaign_formats_are_not_offered_for_one_module(ws, services, plain_campaign, monkeypatch):
    from aicmo_kernel import export

    document(ws, plain_campaign)
    approve_module(ws, plain_campaign, "intake")
    monkeypatch.setattr(export, "EXPORT_FORMATS", ("md", "zip"))
    bar = ExportBar(services, campaign=plain_campaign, module="intake")
    bar.prepare()
    assert list(bar.files) == ["md"] and bar.skipped == ["zip"] and bar.errors == {}


def test_nothing_approved_is_a_message_not_an_empty_file(ws, services, plain_campaign):
    document(ws, plain_campaign)
    bar = ExportBar(services, campaign=plain_campaign, module="intake", formats=("md", "json"))
    bar.prepare_button.click()
    assert bar.files == {} and bar.links.value == ""
    assert bar.message.kind == "error" and "no approved deliverables" in bar.message.text
    assert bar.message.text.count("no approved deliverables") == 1  # said once, not per format


def test_picker_lists_brands_and_campaigns_and_reports_changes(ws, services, plain_campaign):
    picker = CampaignPicker(services)
    seen: list[str | None] = []
    picker.on_change(seen.append)
    assert set(picker.brand.options) == {"Rotaly", "Plainfield Bakery"}
    assert picker.value == "demo" and picker.brand.value == "Rotaly"
    picker.brand.value = "Plainfield Bakery"
    assert picker.campaign.options == ("autumn",) and picker.value == "autumn"
    assert seen[-1] == "autumn"


def test_picker_creates_brand_and_campaign_and_names_bad_fields(ws, services):
    picker = CampaignPicker(services)
    picker.new_brand.value = "<b>Evil</b>"
    picker.new_campaign.value = "spring"
    picker.create_button.click()
    assert picker.message.kind == "error" and picker.message.text.startswith("brand name:")
    assert "<b>" not in picker.message.value  # shown escaped
    picker.new_brand.value = "Northwind Tea"
    picker.new_campaign.value = "demo"  # taken
    picker.create_button.click()
    assert picker.message.text.startswith("campaign name:") and "already exists" in picker.message.text
    picker.new_campaign.value = "spring"
    picker.create_button.click()
    assert ws.get_campaign("spring").brand == "Northwind Tea"
    assert picker.value == "spring" and picker.brand.value == "Northwind Tea"
    assert picker.message.kind == "success"


def test_picker_creates_a_campaign_from_an_uploaded_brief_and_names_an_unclear_key(ws, services):
    import datetime

    picker = CampaignPicker(services)
    bad = b"client_name: Harbor Dental\ncampaign: spring-smiles\nbuget: 40000\n"
    picker.create_from_brief("brief.yaml", bad)
    assert picker.message.kind == "error" and "buget" in picker.message.text and "budget" in picker.message.text
    assert "spring-smiles" not in [c.name for c in ws.list_campaigns()]  # nothing half-created
    good = b"client_name: Harbor Dental\ncampaign: spring-smiles\nobjective: Leads\nbudget: GBP 40,000\n"
    picker.brief_upload.value = ({"name": "brief.yaml", "type": "application/yaml", "size": len(good),
                                  "content": memoryview(good), "last_modified": datetime.datetime(2027, 3, 3)},)
    assert picker.value == "spring-smiles" and picker.brand.value == "Harbor Dental"
    assert picker.message.kind in ("success", "warning") and "from brief.yaml" in picker.message.text
    assert ws.get_campaign("spring-smiles").budget == 40_000
