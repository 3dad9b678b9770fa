"""The offline composers' documents in French, Spanish and German: one catalogue per language.

Each catalogue maps an English sentence, exactly as a composer or renderer writes it (blanks such
as ``{name}`` included), to its translation with the same blanks (``phrasebook.tr`` looks them
up; a sentence a catalogue lacks stays English, and ``tests/test_languages.py`` checks that every
sentence the composers use has all three). The customer-facing copy's phrases are
``phrasebook.PHRASES``; these are the documents around it: intake's client summary, personas and
voice guide, the strategy and messaging framework (``<lang>.py``), and the renderers' headings,
execution's plan, the creatives' working titles and the client pack's summary
(``<lang>_outputs.py``), and short campaigns planned in days, audiences framed as people or as
businesses and the gaps a brief leaves (``<lang>_plans.py``).
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

__all__ = ["LANGUAGES", "catalog"]

LANGUAGES = ("fr", "es", "de")


@cache
def catalog(lang: str) -> dict[str, str]:
    """English sentence -> its ``lang`` translation (empty for English and unknown languages)."""
    if lang not in LANGUAGES:
        return {}
    return dict(import_module(f"{__name__}.{lang}").CATALOG)
