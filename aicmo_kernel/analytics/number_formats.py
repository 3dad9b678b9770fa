"""Numbers as each supported language writes them in the KPI tables.

English 1,234.5 and 2.44%; French 1 234,5 (a narrow no-break space, U+202F) and 2,44 %;
Spanish and German 1.234,5 and 2,44 % (a no-break space, U+00A0, before the percent sign). These
are CLDR's symbols and patterns as babel gives them (``tests/test_kpi_table_languages.py``
compares them); babel itself is not needed at run time. English keeps the formats the report
always had, and a language we have no format for is written the English way.
"""

from __future__ import annotations

__all__ = ["NOT_AVAILABLE", "SYMBOLS", "decimal_text", "not_available", "percent_sign", "percent_text"]

# language: (group separator, decimal separator, what goes between a number and "%")
SYMBOLS = {
    "en": (",", ".", ""),
    "fr": ("\u202f", ",", "\u00a0"),
    "es": (".", ",", "\u00a0"),
    "de": (".", ",", "\u00a0"),
}
# A value the data cannot give, as the catalogues' statuses write it ("n/d (sin datos ...)").
NOT_AVAILABLE = {"en": "n/a", "fr": "n/a", "es": "n/d", "de": "n/a"}


def _symbols(lang: str) -> tuple[str, str, str]:
    return SYMBOLS.get(lang, SYMBOLS["en"])


def not_available(lang: str = "en") -> str:
    return NOT_AVAILABLE.get(lang, NOT_AVAILABLE["en"])


def decimal_text(value: float, lang: str = "en", decimals: int = 2, *, signed: bool = False,
                 grouped: bool = True) -> str:
    """``value`` with ``decimals`` decimals and grouped thousands: 1,234.50 · 1 234,50 · 1.234,50."""
    comma = "," if grouped else ""
    english = f"{value:{'+' if signed else ''}{comma}.{decimals}f}"
    group, point, _ = _symbols(lang)
    return english.replace(",", "\x00").replace(".", point).replace("\x00", group)


def percent_sign(lang: str = "en") -> str:
    """What follows a figure in percent: "%" in English, a no-break space (U+00A0) and "%" in
    French, Spanish and German, as CLDR's percent patterns have it. Every percentage a document
    writes ends this way: the KPI tables here, learn's statements and lessons and the KPI targets
    (``phrasebook.percent``)."""
    return _symbols(lang)[2] + "%"


def percent_text(value: float, lang: str = "en", decimals: int = 2, *, signed: bool = False) -> str:
    """``value`` (already in percent) with its sign: 4.25% · 4,25 % · +12,50 %. English keeps the
    report's ungrouped 1250.00%; the other languages group as CLDR does (1 250,00 %)."""
    return decimal_text(value, lang, decimals, signed=signed, grouped=lang in SYMBOLS and lang != "en") \
        + percent_sign(lang)
