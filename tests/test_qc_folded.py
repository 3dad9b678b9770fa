"""``qc._text.Folded``: case-insensitive patterns run case-sensitively over lower-cased text must
find exactly what they find case-insensitively, or fall back to that."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from aicmo_kernel.qc import _text
from aicmo_kernel.qc._text import Folded, _foldable, lowered

_CASED = [chr(code) for code in range(sys.maxunicode + 1)
          if chr(code).lower() != chr(code) or chr(code).upper() != chr(code) or chr(code).casefold() != chr(code)]


def test_lower_reproduces_case_insensitive_matching_for_every_literal_folded_allows():
    """The ground ``Folded`` stands on, checked against this Python: for each character a folded
    pattern may hold up to U+017F, a case-insensitive match of a text character is the same as its
    lower() being that character, for every cased character ``lowered`` lets through."""
    literals = [chr(code) for code in range(0x180) if _foldable(re.escape(chr(code)))]
    assert len(literals) > 200 and "a" in literals and "\u00e9" in literals
    assert not {"A", "\u00c9", "\u0131", "\u017f", "\u00b5"} & set(literals)
    texts = [char for char in _CASED if len(char.lower()) == 1 and lowered(char) is not None]
    wrong = [(literal, char) for literal in literals
             for pattern in [re.compile(re.escape(literal), re.IGNORECASE)]
             for char in texts if (pattern.fullmatch(char) is not None) != (char.lower() == literal)]
    assert wrong == []


def test_no_cased_character_lowers_to_a_character_without_case():
    """Folded allows any character without case in a pattern: that is sound because lower() never
    makes one out of a cased character."""
    made = {char.lower() for char in _CASED if len(char.lower()) == 1}
    assert all(low.lower() != low or low.upper() != low or low.casefold() != low for low in made)


def test_only_patterns_of_lower_case_latin_literals_are_folded():
    assert _foldable(r"caf[e\u00e9]s|\d+\s?%|(?P<n1>x)\u2019s|stra\u00dfe|\\u")
    for source in ("Best", r"\\U", r"\u00c9t\u00e9", "\u03c3", "\u0131", "\u017f", "\u00b5", r"\x41", r"\N{LATIN SMALL LETTER A}"):
        assert not _foldable(source), source
        assert Folded(source).lower is None


def test_a_text_lower_would_change_in_length_or_fold_apart_is_searched_case_insensitively():
    assert lowered("Caf\u00e9 \u00c9T\u00c9") == "caf\u00e9 \u00e9t\u00e9"
    for text in ("\u0130stanbul", "be\u017ft", "\u0131"):
        assert lowered(text) is None
    best = Folded(r"\bbest\b")
    assert best.search("The BE\u017fT cafe", lowered("The BE\u017fT cafe")) is not None  # found case-insensitively


def test_the_kernels_own_folded_patterns_all_fold():
    from aicmo_kernel.qc import claims

    for pattern in (claims._SUPERLATIVES, claims._NUMERIC_CLAIMS, claims._NUMERIC_HINT, claims._PLAN_LINE,
                    _text._AVOID_HEADING, _text._AVOID_LINE):
        assert pattern.lower is not None, pattern.anycase.pattern


_PIECES = st.sampled_from([
    "GUARANTEED", "guarantee your", "Best-in-class", "the best caf\u00e9 in town", "#1", "No. 1", "Market-leading",
    "the Only app that", "award-winning", "Proven", "CLINICALLY", "50%", "12 Per Cent more", "3X Faster",
    "3\u00d7 better", "TEN times more", "Twice as fast", "trusted by 500 CAF\u00c9S", "over 1,200 Happy customers",
    "4.9/5", "Rated 5/5", "4 out of 5", "5-STAR", "Target", "KPIs", "Words to AVOID", "Never use", "W\u00d6RTER",
    "Mots \u00e0 \u00c9VITER", "\u0130", "\u0131", "\u017f", "\u212a", "\u00c5", "\u00df", "\u1e9e", "\u03a3", "\u00b5",
])
_TEXTS = st.lists(_PIECES | st.text(alphabet="abcdefgiklmnorstuvwxyzABEGIKNOST .,-/%\u00d7\u2019'#5\n", max_size=14),
                  max_size=8).map(" ".join)


def _spans(matches):
    return [(match.span(), [match.span(group) for group in range(1, (match.re.groups or 0) + 1)]) for match in matches]


@given(_TEXTS)
def test_folded_finds_what_the_case_insensitive_pattern_finds(text):
    from aicmo_kernel.qc import claims
    from aicmo_kernel.qc.brand import _any_banned

    low = lowered(text)
    patterns = [claims._SUPERLATIVES, claims._NUMERIC_CLAIMS, claims._NUMERIC_HINT, claims._PLAN_LINE,
                _text._AVOID_HEADING, _text._AVOID_LINE, _any_banned(("Revolutionary", "game-changer", "stra\u00dfe"))]
    for pattern in patterns:
        assert _spans(pattern.finditer(text, low)) == _spans(pattern.anycase.finditer(text)), pattern.anycase.pattern
        assert (pattern.search(text, low) is None) == (pattern.anycase.search(text) is None)


def test_claims_are_shown_as_written_whichever_way_they_were_found():
    from aicmo_kernel.qc import QCContext
    from aicmo_kernel.qc.claims import find_claims

    for extra in ("", " \u0130"):  # the second text is searched case-insensitively
        found = find_claims(QCContext(content_markdown=f"GUARANTEED Results, 3X FASTER{extra}", kind="x_post",
                                      platform="x"))
        assert found == ["GUARANTEED Results", "3X FASTER"], extra
