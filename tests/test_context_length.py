"""The context budget measures JSON as the prompt shows it (indented) without writing it indented
(issue 15): the measured length is exactly the indented dump's, for any JSON-like value."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from aicmo_kernel.providers.context import _indented_length

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5)
    | st.tuples(inner, inner),
    max_leaves=40,
)


def indented(value):
    return len(json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False, default=str))


@settings(max_examples=300, deadline=None)
@given(values)
def test_the_measured_length_is_the_indented_dumps(value):
    assert _indented_length(value) == indented(value)


def test_empty_containers_dates_and_unicode():
    value = {"a": [], "b": {}, "c": [{}, [[]]], "d": date(2027, 3, 1), "é": "naïve — “quoted”", "n": [1, 2.5, None]}
    assert _indented_length(value) == indented(value)
