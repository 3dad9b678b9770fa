"""Counts meet their nouns as a person writes them, never "deliverable(s)" or "item(s)": the client
pack's cover line in the pack's language (French says the singular for 0 and 1), the export bar's
"not included" line and the client's review summary."""

from __future__ import annotations

import pytest
from test_ui_support import document

from aicmo_kernel.export.model import ExportDocument, count_line, left_out_sentence
from aicmo_kernel.modules.phrasebook import singular

pytest_plugins = ["test_ui_support"]

# (language, count) -> the cover line's start, with and without an executive summary before the items
COVER = {
    ("en", 1): "1 approved deliverable · ", ("en", 2): "2 approved deliverables · ",
    ("fr", 0): "0 livrable validé · ", ("fr", 1): "1 livrable validé · ", ("fr", 2): "2 livrables validés · ",
    ("es", 0): "0 entregables aprobados · ", ("es", 1): "1 entregable aprobado · ",
    ("de", 1): "1 freigegebenes Ergebnis · ", ("de", 3): "3 freigegebene Ergebnisse · ",
}  # fmt: skip


def _words(lang: str) -> dict[str, str]:
    from aicmo_kernel.modules.delivery import _frame_words

    return _frame_words(lang) if lang != "en" else {}


def _doc(lang: str, count: int, summary: bool = False, words: dict[str, str] | None = None) -> ExportDocument:
    from aicmo_kernel.export.model import ExportItem

    item = ExportItem(id="x", module="intake", kind="client_summary", title="Summary", version=1,
                      content_markdown="# Summary", metadata={}, platform=None, hashtags=[])  # fmt: skip
    return ExportDocument(brand="B", campaign="c", title="T", generated_at="2027-07-18T10:00:00", items=[item] * count,
                          executive_summary=item if summary else None, words=_words(lang) if words is None else words,
                          language=lang)  # fmt: skip


@pytest.mark.parametrize(("lang", "count"), list(COVER))
def test_the_cover_line_counts_in_the_packs_language(lang, count):
    line = count_line(_doc(lang, count))
    assert line.startswith(COVER[(lang, count)]) and "(s)" not in line, line
    after = count_line(_doc(lang, count, summary=True))
    assert after.startswith(COVER[(lang, count)].removesuffix(" · ")) and "(s)" not in after, after


def test_the_export_layer_counts_by_the_phrasebooks_rule():
    """The export layer cannot import ``phrasebook``: its rule must stay the same one."""
    for lang in ("en", "fr", "es", "de"):
        for count in range(4):
            line = _doc(lang, count).counted(count, "one", "many")
            assert (line == "one") == singular(lang, count), (lang, count)


def test_a_pack_approved_before_keeps_its_translated_line():
    before = {"{count} approved deliverable(s) · generated {date}": "Livrables validés : {count} · généré le {date}"}
    assert count_line(_doc("fr", 3, words=before)) == "Livrables validés : 3 · généré le 2027-07-18"


def test_what_is_left_out_is_counted():
    one = left_out_sentence([{"state": "draft"}])
    assert one == "Not included: 1 deliverable of the campaign not approved yet."
    many = left_out_sentence([{"state": "draft"}, {"state": "draft"}, {"state": "approved"}])
    assert many == ("Not included: 2 deliverables of the campaign not approved yet and 1 approved deliverable not "
                    "in the delivery selection.")


def test_the_export_bar_counts_what_it_leaves_out(ws, services, plain_campaign):
    from fixtures_store import generate, item

    from aicmo_kernel import workflow
    from aicmo_kernel.ui import ExportBar

    generate(ws, plain_campaign, "intake", [item("intake notes"), item("intake extras")])
    first = ws.list_deliverables(campaign=plain_campaign, module="intake")[0]
    workflow.approve(ws, first.id, version=first.current_version, reviewer="rita")
    bar = ExportBar(services, campaign=plain_campaign, module="intake", formats=("md",))
    bar.prepare()
    assert "1 deliverable is not included because it is not approved yet." in bar.message.text, bar.message.text
    assert "(s)" not in bar.message.text


def test_the_client_review_summary_counts_the_waiting_items(ws, services, plain_campaign, monkeypatch):
    from aicmo_kernel.store import queue
    from aicmo_kernel.ui.client_review import ClientReview

    document(ws, plain_campaign)
    waiting = [type("Item", (), {"state": "waiting", "campaign": "autumn", "title": "Intake notes", "id": "1"})()]
    monkeypatch.setattr(queue, "client_items", lambda workspace, brands: waiting)
    review = ClientReview(services)
    review.refresh()
    assert review.summary.value == "1 item waits for your approval."
    monkeypatch.setattr(queue, "client_items", lambda workspace, brands: waiting * 3)
    review.refresh()
    assert review.summary.value == "3 items wait for your approval."
