"""Stage results and resource interfaces are typed all the way down: no ``typing.Any`` in any field of a
result dataclass (nested in lists, dicts, unions and JSON aliases included) nor in what a resource returns."""

from __future__ import annotations

import dataclasses
import inspect
import typing
from typing import Any, ForwardRef

from pipelines import resources
from pipelines.stages import results


def _has_any(tp: object, seen: set[int] | None = None) -> bool:
    """True if ``tp`` is ``Any`` or holds it anywhere (generic arguments, unions, TypedDict fields)."""
    seen = set() if seen is None else seen
    if id(tp) in seen or isinstance(tp, ForwardRef | str):  # a recursive alias's self-reference: seen already
        return False
    seen.add(id(tp))
    if tp is Any:
        return True
    if typing.is_typeddict(tp):
        return any(_has_any(t, seen) for t in typing.get_type_hints(tp).values())
    return any(_has_any(a, seen) for a in typing.get_args(tp))


def _result_types() -> dict[str, type]:
    return {
        name: obj for name, obj in vars(results).items()
        if inspect.isclass(obj) and obj.__module__ == results.__name__
        and (dataclasses.is_dataclass(obj) or issubclass(obj, tuple))
    }


def test_the_walk_finds_any() -> None:
    """The check itself can fail: Any nested in a container, a union or a TypedDict is found."""

    class Row(typing.TypedDict):
        cell: list[dict[str, Any]]

    assert _has_any(dict[str, Any]) and _has_any(list[dict[str, Any]] | None) and _has_any(Row)
    assert not _has_any(dict[str, int]) and not _has_any(results.ReadIssueRow)


def test_every_stage_result_field_is_typed() -> None:
    found = _result_types()
    assert {"RawResult", "StandardizeResult", "DeidentifyResult", "CandidateResult", "CheckResult",
            "PublishResult", "RowCounts"} <= set(found)
    untyped = {
        f"{name}.{field}": hint
        for name, cls in found.items()
        for field, hint in typing.get_type_hints(cls).items()
        if _has_any(hint)
    }
    assert untyped == {}


def test_every_resource_interface_is_typed() -> None:
    from pipelines.publishing.stores.base import Publisher

    methods = {
        "PrivateStoreResource.get": resources.PrivateStoreResource.get,
        "PublisherResource.get": resources.PublisherResource.get,
        "RedactionResource.text_redactor": resources.RedactionResource.text_redactor,
        "RedactionResource.key": resources.RedactionResource.key.fget,
    }
    hints = {name: typing.get_type_hints(fn, localns={"Publisher": Publisher}) for name, fn in methods.items()}
    assert hints["PublisherResource.get"]["return"] is Publisher
    untyped = {f"{name}:{arg}": hint for name, h in hints.items() for arg, hint in h.items() if _has_any(hint)}
    assert untyped == {}
    from pipelines.interfaces import TextRedactorLike

    for name in ("redact", "detect"):
        h = typing.get_type_hints(getattr(TextRedactorLike, name))
        assert not any(_has_any(t) for t in h.values()), name
