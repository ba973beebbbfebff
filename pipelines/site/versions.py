"""What changed between versions in how far each column was coarsened or withheld.

A published version never changes, so its level summary (per column: the level of its values with their
share of rows, and the share withheld) is computed once from its Parquet file and kept beside the version's
page as ``versions/<version>.levels.json``; later builds read it back instead of the file. The diff between
two versions then says, in words, "Date of the stop: month in 1.0.0, year in 1.1.0".
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.publishing import Publisher
from pipelines.site.profile import ColumnProfile, profile_table

LEVEL_FORMAT = 1


def level_summary(profiles: Sequence[ColumnProfile]) -> dict[str, Any]:
    """Per column: its title, level shares (shown strings only) and withheld share; no count is kept."""
    cols = {}
    for p in profiles:
        withheld = round(100 * p.withheld / p.rows) if p.rows else 0
        cols[p.name] = {"title": p.title, "levels": [[c.label, c.share] for c in p.levels],
                        "withheld_pct": withheld}
    return {"format": LEVEL_FORMAT, "columns": cols}


def version_levels(pub: Publisher, dataset: str, version: str, schema: Mapping[str, Any], threshold: int,
                   ladders: Mapping[str, Any]) -> dict[str, Any] | None:
    """The level summary of one published version (read back if the site already computed it)."""
    key = f"datasets/{dataset}/versions/{version}.levels.json"
    raw = pub.get(key)
    if raw is not None:
        try:
            doc = json.loads(raw)
            if isinstance(doc, dict) and doc.get("format") == LEVEL_FORMAT:
                return doc
        except ValueError:
            pass
    data = pub.get(f"datasets/{dataset}/v{version}/{dataset}.parquet")
    if data is None:
        return None
    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError):
        return None
    doc = level_summary(profile_table(table, schema, threshold, ladders=ladders))
    pub.put(key, (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8"),
            content_type="application/json", create_only=False)
    return doc


def _levels_text(col: Mapping[str, Any]) -> str:
    levels = col.get("levels") or []
    if not levels:
        return ""
    if len(levels) == 1:
        return str(levels[0][0])
    return ", ".join(f"{lab} {share}".strip() for lab, share in levels)


def level_diff(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, old_v: str, new_v: str) -> list[str]:
    """Sentences for each column whose level or withheld share differs between two versions."""
    if not old or not new:
        return []
    out = []
    oc, nc = old.get("columns") or {}, new.get("columns") or {}
    for name, n in nc.items():
        o = oc.get(name)
        if not o:
            continue
        title = n.get("title") or name
        a, b = _levels_text(o), _levels_text(n)
        same_levels = [lab for lab, _ in o.get("levels") or []] == [lab for lab, _ in n.get("levels") or []]
        if not same_levels and a and b:
            out.append(f"{title}: {a} in {old_v}, {b} in {new_v}.")
        wa, wb = int(o.get("withheld_pct") or 0), int(n.get("withheld_pct") or 0)
        if wa != wb:
            out.append(f"{title}: withheld in {wa}% of rows in {old_v}, {wb}% in {new_v}.")
    return out
