"""Reading a field's type for the form: ``Annotated`` and ``Optional`` taken apart, constraints
(``max_length``, ``ge``, ...) and choices (``Literal``, ``Enum``) found.
"""

from __future__ import annotations

import enum
import types
import typing
from typing import Any, Literal, get_args, get_origin

import annotated_types


def _strip_annotated(annotation: Any) -> tuple[Any, list[Any]]:
    metadata: list[Any] = []
    while get_origin(annotation) is typing.Annotated:
        annotation, *extra = get_args(annotation)
        metadata.extend(extra)
    return annotation, metadata


def _optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1 and len(args) < len(get_args(annotation)):
            return args[0], True
    return annotation, False


def _constraint(metadata: list[Any], name: str) -> Any:
    """``max_length``, ``ge``, ... from pydantic/annotated-types metadata (last one wins)."""
    found = None
    for item in metadata:
        value = getattr(item, name, None)
        if value is not None:
            found = value
        if name == "ge" and isinstance(item, annotated_types.Gt):
            found = item.gt
        if name == "le" and isinstance(item, annotated_types.Lt):
            found = item.lt
    return found


def _choices(annotation: Any) -> list[Any] | None:
    if get_origin(annotation) is Literal:
        return list(get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [member.value for member in annotation]
    return None
