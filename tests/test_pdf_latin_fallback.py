"""A PDF exported without a Unicode font (Helvetica, Latin-1 only) keeps French and German
figures and quotes readable: the narrow no-break space the French KPI tables put between
thousands (1 234,50) is a space, never "?", and German „…“ quotes are plain quotes."""

from __future__ import annotations

import io

import pytest

from aicmo_kernel.export import pdf_file
from aicmo_kernel.export.model import ExportDocument, ExportItem

TABLE = ("# Rapport de performance\n\n| Plateforme | Dépenses (EUR) | Taux de clics |\n|---|---|---|\n"
         "| E-mail | 1\u202f234,50 | 2,44\u202f% |\n\nDépenses totales\u00a0: 12\u202f345,00 EUR\u202f! "
         "Der Kunde sagt: \u201eSchnell\u201c.")


@pytest.fixture
def helvetica(monkeypatch):
    monkeypatch.setattr(pdf_file, "find_unicode_font", lambda: None)


def test_french_thousands_and_german_quotes_survive_the_latin_fallback(helvetica):
    import pypdf

    item = ExportItem(id="x", module="monitoring", kind="performance_report", title="Rapport", version=1,
                      content_markdown=TABLE, metadata={}, platform=None, hashtags=[])
    doc = ExportDocument(brand="Atelier", campaign="c", title="Rapport", generated_at="2027-07-18T10:00:00",
                         items=[item], language="fr")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf_file.render_pdf(doc))).pages)
    flat = " ".join(text.split())
    assert "1 234,50" in flat and "12 345,00 EUR" in flat and "2,44 %" in flat, flat
    assert '"Schnell"' in flat, flat
    assert "?" not in text, text
