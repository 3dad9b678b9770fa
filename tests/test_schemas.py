"""Property-based tests of the deliverables envelope contract (SPEC section 4, schemas.py)."""

from __future__ import annotations

import json
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError as PydanticValidationError

from aicmo_kernel.errors import ERROR_TYPES, ContractViolation
from aicmo_kernel.schemas import (
    MODULE_NAMES,
    DeliverablesEnvelope,
    create_failed_envelope,
    create_success_envelope,
    find_placeholders,
    validate_deliverables_envelope,
)

# A per-test decorator, not a loaded profile: other test files keep Hypothesis' defaults.
envelope_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

# Text that reads like copy: letters, digits, punctuation, spaces, newlines, a few non-ASCII.
_ALPHABET = string.ascii_letters + string.digits + " .,;:!?'-()#£€\n" + "éßç—"
copy_text = st.text(_ALPHABET, min_size=1, max_size=200).filter(
    lambda t: t.strip() and not find_placeholders(t)
)
short_text = st.text(string.ascii_letters + " ", min_size=1, max_size=40).filter(str.strip)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**6), 10**6), short_text)
whitespace = st.text(" \t\n\r\x0b\x0c\u00a0\u2003\u3000", max_size=20)

# Each marker in several spellings the rule must catch.
MARKERS = {
    "[STUB": ["[STUB]", "[stub: write this]", "[ STUB"],
    "lorem ipsum": ["lorem ipsum", "Lorem Ipsum dolor", "LOREM  IPSUM"],
    "TODO": ["TODO", "TODO: fix", "(TODO)"],
    "TBD": ["TBD", "TBD.", "price: TBD"],
    "[Brand Name]": ["[Brand Name]", "[brand name]", "[ Brand  Name ]"],
    "[insert ...]": ["[insert client name]", "[Insert CTA here]", "[INSERT]"],
    "{{...}}": ["{{first_name}}", "{{ brand }}", "{{}}"],
}
marker = st.sampled_from(
    [(name, spelling) for name, spellings in MARKERS.items() for spelling in spellings]
)
separator = st.sampled_from([" ", "\n", "\n\n", ". ", ": "])


@st.composite
def deliverables(draw, content=copy_text) -> dict:
    item = {
        "kind": draw(st.sampled_from(["client_summary", "x_post", "email", "strategy_document"])),
        "title": draw(short_text),
        "content_markdown": draw(content),
    }
    if draw(st.booleans()):
        item["platform"] = draw(st.sampled_from(["x", "linkedin", "instagram", "email", None]))
    if draw(st.booleans()):
        item["hashtags"] = draw(
            st.lists(st.from_regex(r"#[A-Za-z]{1,12}", fullmatch=True), max_size=4)
        )
    if draw(st.booleans()):
        item["metadata"] = draw(
            st.dictionaries(
                st.from_regex(r"[a-z_]{1,10}", fullmatch=True), json_scalars, max_size=4
            )
        )
    if draw(st.booleans()):
        item["assets"] = draw(
            st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), json_scalars, max_size=2)
        )
    return item


modules = st.sampled_from(MODULE_NAMES)


def success_dict(module: str, items: list[dict], status: str = "SUCCESS") -> dict:
    return {
        "status": status,
        "run_id": "run-1",
        "module": module,
        "meta": {"provider": "offline", "model": "aicmo-offline-composer-1"},
        "deliverables": items,
    }


@envelope_settings
@given(modules, st.lists(deliverables(), min_size=1, max_size=4))
def test_valid_envelopes_round_trip_through_json(module, items):
    envelope = create_success_envelope(
        module,
        items,
        provider="offline",
        model="aicmo-offline-composer-1",
        warnings=["offline draft"],
        raw={"text": "{}"},
    )
    again = DeliverablesEnvelope.model_validate_json(envelope.model_dump_json())
    assert again == envelope
    assert validate_deliverables_envelope(json.loads(envelope.model_dump_json())) == envelope


@envelope_settings
@given(modules, st.sampled_from(["SUCCESS", "PARTIAL"]))
def test_success_and_partial_need_at_least_one_deliverable(module, status):
    with pytest.raises(ContractViolation, match="at least one deliverable"):
        validate_deliverables_envelope(success_dict(module, [], status))
    if status == "SUCCESS":
        with pytest.raises(ContractViolation, match="at least one deliverable"):
            create_success_envelope(module, [], provider="offline", model="m")


@envelope_settings
@given(
    modules,
    st.lists(deliverables(), max_size=3),
    deliverables(content=whitespace),
    st.integers(0, 3),
)
def test_blank_or_whitespace_content_is_rejected(module, good, blank, position):
    items = list(good)
    items.insert(min(position, len(items)), blank)
    with pytest.raises(ContractViolation, match="blank"):
        create_success_envelope(module, items, provider="offline", model="m")


@envelope_settings
@given(
    modules,
    st.dictionaries(
        st.from_regex(r"[a-z]{1,8}", fullmatch=True), json_scalars, min_size=1, max_size=3
    ),
)
def test_manifest_only_items_are_rejected(module, manifest):
    item = {
        "kind": "export_manifest",
        "title": "Files",
        "content_markdown": "",
        "assets": manifest,
        "metadata": manifest,
    }
    with pytest.raises(ContractViolation, match="manifest-only"):
        validate_deliverables_envelope(success_dict(module, [item]))


@envelope_settings
@given(
    modules,
    deliverables(),
    marker,
    copy_text,
    copy_text,
    separator,
    separator,
    st.sampled_from(["content", "title"]),
)
def test_every_stub_marker_anywhere_is_rejected(
    module, item, found, before, after, sep1, sep2, where
):
    name, spelling = found
    if where == "content":
        item["content_markdown"] = f"{before}{sep1}{spelling}{sep2}{after}"
    else:
        item["title"] = f"{item['title'].strip()} {spelling}"
    assert name in find_placeholders(
        item["content_markdown"] if where == "content" else item["title"]
    )
    with pytest.raises(ContractViolation) as caught:
        create_success_envelope(module, [item], provider="offline", model="m")
    assert "placeholder" in caught.value.message and name in caught.value.message


@envelope_settings
@given(modules, st.sampled_from(ERROR_TYPES), short_text)
def test_failed_envelopes_carry_a_typed_error_and_round_trip(module, error_type, message):
    envelope = create_failed_envelope(
        module, error_type, message, provider="openai", model="gpt-4o-mini"
    )
    assert envelope.error is not None and envelope.error.type == error_type
    assert envelope.error.trace_id == envelope.meta.trace_id
    assert DeliverablesEnvelope.model_validate_json(envelope.model_dump_json()) == envelope


@envelope_settings
@given(modules, short_text.filter(lambda t: t.upper() not in ERROR_TYPES))
def test_failed_needs_an_error_of_a_known_type(module, bad_type):
    base = {
        "status": "FAILED",
        "run_id": "run-1",
        "module": module,
        "meta": {"provider": "none", "model": "none"},
    }
    with pytest.raises(ContractViolation):
        validate_deliverables_envelope(base)
    with pytest.raises(ContractViolation):
        validate_deliverables_envelope({**base, "error": {"type": bad_type, "message": "boom"}})
    with pytest.raises(ContractViolation):
        validate_deliverables_envelope({**base, "error": {"message": "boom"}})


@envelope_settings
@given(modules, deliverables())
def test_success_carries_no_error(module, item):
    data = {**success_dict(module, [item]), "error": {"type": "INTERNAL_ERROR", "message": "boom"}}
    with pytest.raises(ContractViolation):
        validate_deliverables_envelope(data)


_LEVELS = ["envelope", "meta", "deliverable", "error"]


@envelope_settings
@given(
    modules,
    deliverables(),
    st.sampled_from(_LEVELS),
    st.from_regex(r"x_[a-z]{1,10}", fullmatch=True),
    json_scalars,
)
def test_extra_fields_are_forbidden_at_every_level(module, item, level, key, value):
    if level == "error":
        data = {
            "status": "FAILED",
            "run_id": "r",
            "module": module,
            "meta": {"provider": "none", "model": "none"},
            "error": {"type": "TIMEOUT", "message": "slow", key: value},
        }
    else:
        data = success_dict(module, [item])
        target = {"envelope": data, "meta": data["meta"], "deliverable": data["deliverables"][0]}[
            level
        ]
        target[key] = value
    with pytest.raises(ContractViolation, match=key):
        validate_deliverables_envelope(data)


@envelope_settings
@given(
    st.text(string.ascii_lowercase, min_size=1, max_size=12).filter(
        lambda m: m not in MODULE_NAMES
    ),
    deliverables(),
)
def test_unknown_modules_are_refused(module, item):
    with pytest.raises(ContractViolation):
        validate_deliverables_envelope(success_dict(module, [item]))


@envelope_settings
@given(whitespace, deliverables())
def test_run_id_must_not_be_blank(run_id, item):
    with pytest.raises(ContractViolation):
        validate_deliverables_envelope({**success_dict("intake", [item]), "run_id": run_id})


def test_building_an_invalid_envelope_directly_fails_too():
    with pytest.raises(PydanticValidationError):
        DeliverablesEnvelope(
            status="FAILED", run_id="r", module="intake", meta={"provider": "x", "model": "y"}
        )


@pytest.mark.parametrize(
    "text",
    [
        "Call MASTODON today",
        "Outstanding TBDX service",
        "{ single } braces",
        "[insertion point]",
        "Your brand name here",
        "todo list app",
    ],
)
def test_ordinary_copy_is_not_mistaken_for_a_placeholder(text):
    assert find_placeholders(text) == []


# The placeholder search looks for a literal each marker needs before running its pattern: it
# must name exactly what the patterns alone name, in any text (case, Unicode, line breaks).
_MARKER_BITS = st.sampled_from(["[", "]", " ", "\n", "STUB", "stub", "lorem", "LOREM", "ipsum", "TODO", "todo",
                                "TBD", "brand", "Name", "insert", "INSERT", "{{", "}}", "x", "é", "İ", "ſ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKER_BITS | st.text(max_size=4), max_size=12).map("".join))
def test_find_placeholders_names_what_the_patterns_alone_name(text):
    from aicmo_kernel.schemas import PLACEHOLDER_PATTERNS

    assert find_placeholders(text) == [name for name, pattern in PLACEHOLDER_PATTERNS if pattern.search(text)]
