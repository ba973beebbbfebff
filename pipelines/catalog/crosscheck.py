"""Cross-checks of a source against its dataset: every published column mapped (or optional, or absent), code
labels and constants among the values the dataset publishes, an unpivoted group read as one column."""

from __future__ import annotations

from typing import Any

from pipelines.catalog import models
from pipelines.catalog.spec import DatasetSpec
from pipelines.catalog.yamlfile import SpecError, YamlDoc


def published_from(dataset: DatasetSpec) -> dict[str, list[str]]:
    """Standardized column -> the public columns the dataset's policy makes from it (`source:` of a treatment)."""
    out: dict[str, list[str]] = {}
    for public, rule in (dataset.policy.get("columns") or {}).items():
        if isinstance(rule, dict) and isinstance(rule.get("source"), str):
            out.setdefault(rule["source"], []).append(str(public))
    return out


def unmapped_published(m: models.SourceModel, doc: YamlDoc, loc: tuple[Any, ...], dataset: DatasetSpec,
                        ) -> list[str]:
    """A column the policy publishes is mapped by every source unless the dataset declares it `optional: true`
    (a column only some agencies have: published through the policy when present, null otherwise). Without this,
    a forgotten mapping would publish an empty column unnoticed."""
    optional = {f["name"] for f in dataset.standardized if f.get("optional")}
    out = [f"{doc.where((*loc, 'absent'))}: source {m.name!r}: {col!r} is both mapped and `absent`"
           for col in m.absent if col in m.fields]
    out += [f"{doc.where((*loc, 'absent'))}: {col!r} is not a standardized column of dataset {dataset.name!r}"
            for col in m.absent if col not in dataset.standardized_types]
    out += [f"{doc.where((*loc, 'fields'))}: source {m.name!r} does not map {col!r}, which dataset "
            f"{dataset.name!r} publishes as {', '.join(pubs)}; map it, or list it under `absent:` if this export "
            f"does not have it (a dataset declares `optional: true` the columns only some agencies have)"
            for col, pubs in sorted(published_from(dataset).items())
            if col not in m.fields and col not in optional and col not in m.absent]
    return out


def allowed_values(dataset: DatasetSpec, target: str) -> list[str]:
    """The values the dataset publishes for a standardized column it keeps as is: the public field's enum."""
    try:
        fields = {f["name"]: f for f in dataset.schema["fields"]}
    except (SpecError, KeyError, TypeError):
        return []  # an unusable public schema is reported on its own
    for public, rule in (dataset.policy.get("columns") or {}).items():
        if isinstance(rule, dict) and rule.get("source") == target and rule.get("treatment") == "keep" \
                and public in fields:
            return [str(v) for v in (fields[public].get("constraints") or {}).get("enum") or [] if str(v) != "*"]
    return []


def values_outside_public_lists(fields: dict[str, dict[str, Any]], doc: YamlDoc, loc: tuple[Any, ...],
                                 dataset: DatasetSpec) -> list[str]:
    """A code label, constant or default that the public schema does not allow would quarantine every row it
    reaches at validation (`constraint-error`), after the whole pipeline ran: said at load instead."""
    out = []
    for target, spec in fields.items():
        allowed = allowed_values(dataset, target)
        if not allowed:
            continue
        given = [("map", v) for v in (spec.get("map") or {}).values()]
        given += [(k, spec[k]) for k in ("const", "default") if spec.get(k) is not None]
        bad = sorted({str(v) for _, v in given if v is not None and str(v) not in allowed})
        if bad:
            key = "map_file" if "map_file" in (at(doc.data, loc).get("fields") or {}).get(target, {}) else \
                next(k for k, v in given if v is not None and str(v) in bad)
            out.append(f"{doc.where((*loc, 'fields', target))}: {target}: {key} gives {bad}, which dataset "
                       f"{dataset.name!r} does not publish; its values: {', '.join(allowed)}")
    return out


def read_group_through_coalesce(fields: dict[str, dict[str, Any]], group: list[str]) -> None:
    """An unpivoted group keeps each value in its own column (errors name that column): a mapping that reads the
    group's first column reads the whole group, the one column of each row that has a value."""
    if len(group) < 2:
        return
    for spec in fields.values():
        if spec.get("from") == group[0]:
            spec.pop("from")
            spec["coalesce"] = list(group)


def at(data: Any, loc: tuple[Any, ...]) -> dict[str, Any]:
    """The mapping at `loc` inside a YAML document's data (a source inside a dataset file, or the whole file)."""
    for k in loc:
        data = data[k]
    return dict(data)
