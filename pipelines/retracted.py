"""Retracted versions and the records only they published: their keys are kept privately when a version is
retracted (``save_retracted_keys``), so that a later preview can warn when those records, or the retracted content
itself, come back (``returning_records``). Keys only, in the private store; never a value in a warning.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipelines.store import PrivateStore


def key_strings(batch: pa.RecordBatch | pa.Table, pk: Sequence[str]) -> pa.Array:
    """One string per row: the primary key's columns joined (a unit separator between them)."""
    cols = [pc.cast(batch.column(k), pa.string()) for k in pk]
    if len(cols) == 1:
        return cols[0] if isinstance(cols[0], pa.Array) else cols[0].combine_chunks()
    joined = pc.binary_join_element_wise(*cols, "\x1f")
    return joined if isinstance(joined, pa.Array) else joined.combine_chunks()


def retracted_keys_key(dataset: str, version: str) -> str:
    return f"retracted/{dataset}/v{version}.keys.parquet"


def save_retracted_keys(store: PrivateStore, publisher: Any, dataset: str, version: str, pk: Sequence[str],
                        replacement: str | None) -> int:
    """Before a version is retracted, keep privately the keys of the records only it published (not in the version
    readers are sent back to), so a later preview can say when those records come back. Returns their number."""
    import os
    import tempfile

    import pyarrow.parquet as pq

    from pipelines import publishing

    def keys_of(v: str) -> pa.Array | None:
        prefix = publishing.release_prefix(dataset, v)
        dp = publishing.read_json(publisher, prefix + "datapackage.json") or {}
        res = next((r for r in dp.get("resources", []) if r.get("format") == "parquet"), None)
        if res is None:
            return None
        with tempfile.TemporaryDirectory(prefix="osd-retract-") as tmp:
            path = os.path.join(tmp, "v.parquet")
            if not publisher.get_to_file(prefix + res["path"], path):
                return None
            return key_strings(pq.read_table(path, columns=list(pk)), pk)

    if not pk:
        return 0
    mine = keys_of(version)
    if mine is None:
        return 0
    if replacement:
        kept = keys_of(replacement)
        if kept is not None:
            mine = pc.filter(mine, pc.invert(pc.is_in(mine, value_set=kept)))
    store.write_parquet(retracted_keys_key(dataset, version), pa.table({"key": mine}))
    return len(mine)


def returning_records(store: PrivateStore, spec: Any, plan: Any, versions: Sequence[Mapping[str, Any]],
                       table: Any) -> list[tuple[str, str, str]]:
    """Warnings (what, why, what to do) when this release is a retracted version's content again, or brings back
    records that only a retracted version published."""
    out: list[tuple[str, str, str]] = []
    for v in versions:
        if v.get("status") != "retracted":
            continue
        why = f"retracted {str(v.get('retracted_at') or '')[:10]} because: {v.get('reason') or 'no reason given'}"
        if v.get("content_hash") == plan.content_hash:
            out.append((f"This is exactly the content of version {v['version']}, which was {why}.", "",
                        "Publish it only if the reason for the retraction no longer holds."))
            continue
        key = retracted_keys_key(spec.name, v["version"])
        if v.get("replacement") != plan.previous_version or not store.exists(key):
            continue
        gone = store.read_parquet(key).column("key").combine_chunks()
        if not len(gone):
            continue
        back = sum(int(pc.sum(pc.is_in(key_strings(b, spec.primary_key), value_set=gone)).as_py() or 0)
                   for b in table.batches(list(spec.primary_key)))
        if back:
            out.append((
                f"{back} record(s) of the retracted version {v['version']} come back with this release.",
                f"Version {v['version']} was {why}.",
                "Check that the reason for the retraction is resolved for these records before publishing."))
    return out
