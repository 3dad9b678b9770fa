"""The context budget measures JSON as the prompt shows it (``prompt_json``: one line, written by
json's C encoder), and cuts long strings where writing each length out would cut them (issue 15)."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from aicmo_kernel.providers.context import _json_tokens, estimate_tokens, prompt_json

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    | st.tuples(inner, inner),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_prompt_json_is_one_line_of_the_same_data_and_the_budget_measures_it(value):
    written = prompt_json(value)
    assert "\n" not in written  # a line break inside a string is written as \n
    assert json.loads(written) == json.loads(json.dumps(value, default=str))
    assert _json_tokens(value) == estimate_tokens(written)


def test_empty_containers_dates_and_unicode():
    value = {"b": {}, "a": [], "c": [{}, [[]]], "d": date(2027, 3, 1), "é": "naïve — “quoted”", "n": [1, 2.5, None]}
    assert prompt_json(value) == ('{"a": [], "b": {}, "c": [{}, [[]]], "d": "2027-03-01", "n": [1, 2.5, null], '
                                  '"é": "naïve — “quoted”"}')


def _cut_to_fit_by_writing(value, budget_tokens, *, floor):
    """The cut as it was measured before: every length tried written out again."""
    from aicmo_kernel.providers.context import _cut_strings, _json_tokens, _strings

    limit = max((len(s) for s in _strings(value)), default=0)
    while limit > floor and _json_tokens(_cut_strings(value, limit)) > budget_tokens:
        limit = max(floor, int(limit * 0.7))
    return _cut_strings(value, limit), limit


def _cut_and_check_tokens(value, budget_tokens, *, floor):
    """``_cut_to_fit``'s value and length; the tokens it reports are the cut value's, as written."""
    from aicmo_kernel.providers.context import _cut_to_fit, _json_tokens

    cut, limit, tokens = _cut_to_fit(value, budget_tokens, floor=floor)
    assert tokens == _json_tokens(cut)
    return cut, limit


@settings(max_examples=200, deadline=None)
@given(values, st.integers(min_value=1, max_value=400), st.integers(min_value=0, max_value=30))
def test_strings_are_cut_where_writing_each_length_out_would_cut_them(value, budget, floor):
    assert _cut_and_check_tokens(value, budget, floor=floor) == _cut_to_fit_by_writing(value, budget, floor=floor)


def test_long_strings_in_facts_are_cut_to_the_same_length():
    facts = {"items": [{"title": f"Item {n}", "text": "Long approved text é “quoted”. " * (20 + n)} for n in range(30)]}
    for budget in (200, 1_000, 5_000, 50_000):
        assert _cut_and_check_tokens(facts, budget, floor=200) == _cut_to_fit_by_writing(facts, budget, floor=200)
