"""PDF exports keep every character of a draft: emoji and non-Latin scripts are drawn with fallback
fonts (Debian's Noto packages, which scripts/test.sh installs), and a script no font covers is
named in a warning instead of silently becoming boxes."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pypdf
import pytest

from aicmo_kernel.export import fonts
from aicmo_kernel.export.model import ExportDocument, ExportItem
from aicmo_kernel.export.pdf_file import MissingFontWarning, find_unicode_font, render_pdf

SAMPLES = {
    "Arabic": "مرحبا بالعالم",
    "Hebrew": "שלום עולם",
    "Devanagari": "नमस्ते दुनिया",
    "Chinese": "你好世界",
    "Japanese": "こんにちは",
    "Korean": "안녕하세요",
    "Cyrillic": "Привет мир",
    "Greek": "Γειά σου κόσμε",
    "Emoji": "🎉🍞👍",
    "French": "Crème brûlée à l’œil",
}
NOTO = Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf")
needs_fonts = pytest.mark.skipif(
    find_unicode_font() is None or not NOTO.is_file(),
    reason="needs DejaVu and Debian's fonts-noto-core, fonts-noto-cjk, fonts-noto-color-emoji (scripts/test.sh)",
)


def _document(samples: dict[str, str]) -> ExportDocument:
    items = [ExportItem(id=name, module="creatives", kind="social_post", title=f"Post: {name} {text}", version=1,
                        content_markdown=f"**{text}** and *{text}*: {text}", platform="x")
             for name, text in samples.items()]  # fmt: skip
    return ExportDocument(brand="Crumb 🍞", campaign="crumb", title="Crumb: 世界 🎉",
                          generated_at="2027-02-01T09:00:00+00:00", items=items)  # fmt: skip


def _fonts_of(reader: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            names.add("Type3" if font.get("/Subtype") == "/Type3" else str(font.get("/BaseFont")))
    return names


@needs_fonts
def test_every_character_of_every_script_survives_in_the_pdf():
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingFontWarning)  # every script has a font here
        data = render_pdf(_document(SAMPLES))
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "".join(page.extract_text() for page in reader.pages)
    lost = {name: [c for c in sample if not c.isspace() and c not in text] for name, sample in SAMPLES.items()}
    assert not any(lost.values()), lost
    # Shaped text is stored in reading order: Arabic comes out as written, not letter by letter reversed.
    assert SAMPLES["Arabic"].split()[0] in text
    # The characters are drawn by fonts that have them: the fallbacks are embedded, the emoji as a
    # colour (Type 3) font, beside DejaVu for Latin, Greek, Cyrillic and Hebrew.
    embedded = _fonts_of(reader)
    for needle in ("DejaVuSans", "NotoSansCJK", "NotoSansDevanagari", "Type3"):
        assert any(needle in name for name in embedded), (needle, embedded)


@needs_fonts
def test_fallback_fonts_cover_each_script_and_a_latin_document_loads_none():
    covered = fonts.cmap_of(str(find_unicode_font() / "DejaVuSans.ttf"))
    plan = fonts.fallback_fonts("".join(SAMPLES.values()), covered)
    assert not plan.missing
    assert {f.script for f in plan.fonts} >= {"CJK", "Devanagari", "Emoji"}
    for font in plan.fonts:
        chars = [c for text in SAMPLES.values() for c in text if fonts.script_of(c) == font.script]
        assert any(ord(c) in fonts.cmap_of(font.path, font.number) for c in chars)
    assert plan.shaping
    latin = fonts.fallback_fonts("Crème brûlée, £5 – “today”", covered)
    assert latin.fonts == [] and not latin.missing and not latin.shaping


@pytest.mark.skipif(find_unicode_font() is None, reason="needs DejaVu Sans (matplotlib ships it)")
def test_a_script_without_any_font_is_named_in_a_warning(monkeypatch):
    monkeypatch.setattr(fonts, "_KNOWN", {})
    monkeypatch.setattr(fonts, "_fontconfig_candidates", lambda char: ())
    with pytest.warns(MissingFontWarning) as caught:
        data = render_pdf(_document({"Chinese": SAMPLES["Chinese"], "Emoji": SAMPLES["Emoji"]}))
    message = " ".join(str(w.message) for w in caught)
    assert "CJK" in message and "Emoji" in message
    assert "fonts-noto-cjk" in message and "fonts-noto-color-emoji" in message
    assert data.startswith(b"%PDF")  # the export still succeeds


def test_scripts_are_named_from_unicode():
    assert fonts.script_of("ا") == "Arabic"
    assert fonts.script_of("한") == "CJK" and fonts.script_of("か") == "CJK" and fonts.script_of("世") == "CJK"
    assert fonts.script_of("न") == "Devanagari"
    assert fonts.script_of("🍞") == "Emoji"
    assert fonts.script_of("Ж") == "Cyrillic"
    plan = fonts.FontPlan(fonts=[], missing={"Devanagari": "नम"}, shaping=True)
    assert "Devanagari" in plan.warning() and "fonts-noto-core" in plan.warning()
    assert fonts.FontPlan(fonts=[], missing={}, shaping=False).warning() is None
