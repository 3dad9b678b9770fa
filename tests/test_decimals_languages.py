"""Learn's own figures (average changes, word counts) with the language's decimal separator:
"35,7 %" in French, Spanish and German, never "35.7 %"; and every percentage a document writes with
the one space CLDR puts before "%" in those languages, a no-break space (U+00A0)."""

from __future__ import annotations

import re

import pytest

from aicmo_kernel.modules.learn.composer import compose_learn

SAID = {  # (hooks lesson, length lesson)
    "en": ("by 35.7% on average, from about 14.5 words to about 9.5", "made the edited drafts 12.5% shorter"),
    "fr": ("de 35,7\u00a0% en moyenne, d'environ 14,5 mots à environ 9,5", "de 12,5\u00a0%"),
    "es": ("un 35,7\u00a0% de media, de unas 14,5 palabras a unas 9,5", "un 12,5\u00a0%"),
    "de": ("um 35,7\u00a0% gekürzt, von etwa 14,5 Wörtern auf etwa 9,5", "um 12,5\u00a0% gekürzt"),
}


def _lessons(lang: str) -> str:
    hooks = {"posts": 3, "average_change_pct": -35.7, "words_before": 14.5, "words_after": 9.5}
    evidence = [
        {"id": "E1", "topic": "edits_overview", "statement": "s", "data": {"approved": 4, "edited": 2}},
        {"id": "E2", "topic": "edits_length", "statement": "s", "data": {"average_change_pct": -12.5}},
        {"id": "E3", "topic": "edits_hooks", "statement": "s", "data": hooks},
    ]
    lessons = compose_learn({"facts": {"language": lang, "evidence": evidence}})["lessons"]
    return "\n".join(lesson["lesson"] for lesson in lessons)


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_learns_percentages_and_decimals_use_the_languages_separator(missing_sentences, lang):
    text = _lessons(lang)
    assert all(said in text for said in SAID[lang]), text
    assert not any(figure in text for figure in ("35.7", "14.5", "9.5", "12.5")), text
    assert not missing_sentences, sorted(missing_sentences)
    english = _lessons("en")  # English keeps its decimal point
    assert all(said in english for said in SAID["en"]), english


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_a_percentage_is_written_as_cldr_writes_it(lang):
    """French, Spanish and German put a no-break space before "%" (CLDR's percent pattern, as babel
    gives it; not the narrow one French groups thousands with): the KPI tables, learn's lessons and
    the KPI targets of strategy and the client pack all write it through ``number_formats``."""
    from decimal import Decimal

    babel = pytest.importorskip("babel.numbers")
    from aicmo_kernel.analytics.number_formats import percent_sign, percent_text
    from aicmo_kernel.modules.phrasebook import percent, target

    cldr = babel.format_percent(Decimal("0.357"), locale=lang, decimal_quantization=False)
    assert cldr == "35,7\u00a0%" and percent(lang, 35.7) == cldr and percent_text(35.7, lang, 1) == cldr
    assert percent_sign(lang) == "\u00a0%" and percent(lang, 12) == "12\u00a0%"
    recall = target(lang, {"metric": "brand recall", "target": 12.5, "unit": "%"})
    assert recall.endswith(babel.format_percent(Decimal("0.125"), locale=lang, decimal_quantization=False)), recall
    assert (percent("en", 35.7), target("en", {"metric": "brand recall", "target": 12.5, "unit": "%"})) == (
        "35.7%", "brand recall: 12.5%")


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_no_catalogue_sentence_sets_its_own_space_before_a_percent_sign(lang):
    """A figure and its "%" come from code (``phrasebook.percent``); where a catalogue sentence must
    still write "%" after a blank (autonomy's "{pct}% of the budget"), it uses the same space."""
    from aicmo_kernel.analytics.number_formats import percent_sign
    from aicmo_kernel.modules.translations import catalog

    odd = [(english, said) for english, said in catalog(lang).items()
           if any(m[1] != percent_sign(lang) for m in re.finditer(r"[\w}](\s?%)", said))]
    assert not odd, odd
