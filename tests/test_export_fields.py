"""Every structured field reaches every export format (email subject and preheader, carousel
slides, thread posts, video scenes); items the offline composer wrote are labelled; the calendar
quotes an asset's approved (edited) text."""

from __future__ import annotations

import io

import pytest

from aicmo_kernel.export.model import OFFLINE_LABEL, ExportDocument, ExportItem, full_markdown
from aicmo_kernel.export.pack import writer_for
from aicmo_kernel.modules.execution.composer import approved_hook

ITEMS = [
    ExportItem(id="e", module="creatives", kind="email", title="Email: Fresh loaf Fridays", version=1,
               content_markdown="Bread that keeps all weekend.\n\nStart your subscription.", platform="email",
               metadata={"subject": "Your Friday loaf, sorted", "preheader": "Baked the same morning"},
               drafted_by="offline"),
    ExportItem(id="c", module="creatives", kind="instagram_carousel", title="Carousel: Crumb", version=2,
               content_markdown="Swipe through.", platform="instagram",
               metadata={"slides": [{"heading": "Sound familiar?", "text": "Stale by Sunday"},
                                    {"heading": "Fermented 36 hours", "text": ""}]}),
    ExportItem(id="t", module="creatives", kind="x_thread", title="Thread: Crumb", version=1,
               content_markdown="A thread on bread.", platform="x",
               metadata={"posts": ["1/2 Supermarket bread goes stale", "2/2 Ours keeps all weekend"]}),
    ExportItem(id="v", module="creatives", kind="video_script", title="Video: Crumb", version=1,
               content_markdown="A short video.", platform="tiktok",
               metadata={"scenes": [{"visual": "Dough on the bench at dawn", "voiceover": "Baked at five"}]}),
]  # fmt: skip
FIELDS = ["Your Friday loaf, sorted", "Baked the same morning", "Sound familiar?", "Stale by Sunday",
          "Fermented 36 hours", "Supermarket bread goes stale", "Ours keeps all weekend",
          "Dough on the bench at dawn", "Baked at five"]  # fmt: skip


@pytest.fixture(scope="module")
def document():
    return ExportDocument(brand="Crumb & Co", campaign="crumb", title="Crumb & Co: Fresh loaf Fridays",
                          generated_at="2027-02-01T09:00:00+00:00", items=ITEMS)  # fmt: skip


def _text(fmt: str, data: bytes) -> str:
    if fmt == "docx":
        import docx

        doc = docx.Document(io.BytesIO(data))
        return "\n".join(p.text for p in doc.paragraphs)
    if fmt == "pdf":
        import pypdf

        return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_every_structured_field_is_in_every_format(document, fmt):
    text = _text(fmt, writer_for(fmt)(document))
    missing = [f for f in FIELDS if f not in text.replace("&#x27;", "'").replace("&#39;", "'")]
    assert not missing, (fmt, missing)
    assert OFFLINE_LABEL in text  # the email is the offline composer's draft, labelled as such


def test_fields_already_in_the_text_are_not_repeated():
    content = "**Subject:** Hi\n\n1/2 one\n\n2/2 two"
    assert full_markdown(content, {"posts": ["1/2 one", "2/2 two"]}) == content
    assert full_markdown("Body", {"subject": "Body"}) == "Body"
    assert full_markdown("Body", {}).startswith("Body")


def test_the_calendar_quotes_the_approved_edit_not_the_generated_hook():
    generated = {"id": "a", "metadata": {"hook": "A calm. Here's how."},
                 "content_markdown": "A calm. Here's how.\n\nBody."}  # fmt: skip
    assert approved_hook(generated) == "A calm. Here's how."
    edited = {**generated, "content_markdown": "Close your month in five days.\n\nBody."}
    assert approved_hook(edited) == "Close your month in five days."
    ad = {"id": "b", "metadata": {"hook": "Old headline"},
          "content_markdown": "# Ad copy: X\n\n**Target platform:** facebook\n\n**Headline:** New headline\n"}
    assert approved_hook(ad) == "New headline"
