"""Looking at a release before downloading it, without a server: a row preview, static facets with their
counts, and a CSV subset of the release for each facet value.

Facets are dimensions of the released file (``site_templates/views.yaml``: a column, or ``year`` / ``month``
of the period column). Each subset is written with the release's own CSV writer
(``pipelines.publishing.csv_bytes``), so its rows are byte for byte the release's rows for that value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from pipelines.publishing import csv_bytes
from pipelines.site.profile import Count, shown_counts
from pipelines.site.tables import EMPTY_LABEL, WITHHELD_LABEL, _order, dimension

PREVIEW_ROWS = 20
PREVIEW_CHARS = 80
MAX_FACET_VALUES = 30


@dataclass
class Facet:
    """One facet: its label, and per value the shown count and the subset file."""

    dim: str
    label: str
    values: list[tuple[Count, str]] = field(default_factory=list)  # (count, subset key under the dataset)
    note: str = ""


def preview(table: pa.Table, n: int = PREVIEW_ROWS) -> tuple[list[str], list[list[str]]]:
    """The first ``n`` rows as display strings (long text cut, with an ellipsis)."""
    head = table.slice(0, n).to_pylist()
    cols = table.column_names
    out = []
    for row in head:
        cells = []
        for c in cols:
            v = row[c]
            s = "" if v is None else ("yes" if v is True else "no" if v is False else str(v))
            cells.append(s if len(s) <= PREVIEW_CHARS else s[: PREVIEW_CHARS - 1] + "…")
        out.append(cells)
    return cols, out


def slug(value: str) -> str:
    """A file-name-safe form of a facet value (``Lakeview County Sheriff's Office`` -> ``lakeview-county-...``)."""
    s = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return s or "blank"


def facets(table: pa.Table, dims: Sequence[str], *, temporal: str | None, threshold: int,
           titles: Mapping[str, str], enums: Mapping[str, Sequence[str]],
           schema: Mapping[str, Any]) -> tuple[list[Facet], dict[str, bytes]]:
    """The facets of ``table`` and the subset files they link to (key ``subsets/<dim>/<slug>.csv`` -> bytes)."""
    out: list[Facet] = []
    files: dict[str, bytes] = {}
    schema = {**schema, "fields": [f for f in schema.get("fields") or [] if f["name"] in table.column_names]}
    for dim in dims:
        got = dimension(table, dim, temporal)
        if got is None:
            continue
        name, vals = got
        label = "Year" if name == "year" else "Month" if name == "month" else titles.get(dim, dim)
        keys = _order(vals, enums.get(dim, ()))
        counts: dict[str, int] = {}
        for v in vals:
            counts[v] = counts.get(v, 0) + 1
        f = Facet(dim=name, label=label)
        if len(keys) > MAX_FACET_VALUES:
            f.note = f"{len(keys)} values: too many to list; use the query tool or the full file."
            out.append(f)
            continue
        shown = shown_counts([(k, counts[k]) for k in keys], threshold, len(vals))
        used: set[str] = set()
        for c in shown:
            s = slug(c.label)
            while s in used:
                s += "-x"
            used.add(s)
            key = f"subsets/{name}/{s}.csv"
            mask = pa.array([v == c.label for v in vals])
            files[key] = csv_bytes(table.filter(mask), schema)
            f.values.append((c, key))
        out.append(f)
    return out, files


__all__ = ["Facet", "preview", "facets", "slug", "PREVIEW_ROWS", "EMPTY_LABEL", "WITHHELD_LABEL"]
