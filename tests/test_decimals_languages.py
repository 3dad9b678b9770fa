"""Learn's own figures (average changes, word counts) with the language's decimal separator:
"35,7 %" in French, Spanish and German, never "35.7 %"."""

from __future__ import annotations

import pytest

from aicmo_kernel.modules.learn.composer import compose_learn

SAID = {  # (hooks lesson, length lesson)
    "en": ("by 35.7% on average, from about 14.5 words to about 9.5", "made the edited drafts 12.5% shorter"),
    "fr": ("de 35,7\u202f% en moyenne, d'environ 14,5 mots à environ 9,5", "de 12,5\u202f%"),
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
