"""Keys checked across batches: 64-bit hashes of key values pick the few rows that can break a key."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.tableschema.arrays import _mask_null, _np_bool
from pipelines.tableschema.fields import _column, _fields, _missing_mask, _parse_field
from pipelines.tableschema.keys import _codes, _key_list

_NULL_HASH = np.uint64(0x9E3779B97F4A7C15)


def _mix64(x: np.ndarray) -> np.ndarray:
    """The splitmix64 finalizer, element-wise on uint64 (wrapping arithmetic)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _value_hashes(typed: pa.Array) -> np.ndarray:
    """A 64-bit hash per typed cell; equal values (as `_codes` compares them) hash equal, nulls to one constant.
    The same value hashes the same in every batch and every process (no per-process salt)."""
    t = typed.type
    nulls = _np_bool(pc.is_null(typed))
    if pa.types.is_boolean(t):
        typed, t = typed.cast(pa.int64()), pa.int64()
    if pa.types.is_integer(t) or pa.types.is_temporal(t) or pa.types.is_floating(t):
        h = _mix64(_codes([typed])[0].view(np.uint64))
    else:
        if not (pa.types.is_string(t) or pa.types.is_large_string(t)):
            try:
                typed = pc.cast(typed, pa.string())
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                typed = pa.array([None if v is None else repr(v) for v in typed.to_pylist()], pa.string())
        h = pd.util.hash_array(np.asarray(typed.to_numpy(zero_copy_only=False), dtype=object), categorize=False)
    return np.where(nulls, _NULL_HASH, h)


class KeyHashes:
    """The primary key and the unique fields of a table seen batch by batch, kept as 64-bit hashes.

    Holding every key value of a large table (and de-duplicating them) is what made key checks the memory peak
    of a streaming validation: 10M string keys took ~1.5 GB. Here each key costs 9 bytes a row. `add` takes
    each batch as `validate` would (string cells); `candidates()` are the positions (0-based, in the order
    added) of the only rows that can break a key: rows whose key hash is shared by another row, and rows whose
    primary key cells are all missing. `validate` on just those rows, with the key schema (see `key_schema`),
    gives exactly the key errors of the whole table: every row equal to a duplicate is among them, in order.
    """

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self.schema = schema
        fields = _fields(schema)
        pk = _key_list(schema.get("primaryKey"))
        names = {f["name"] for f in fields}
        self.groups: list[tuple[list[str], bool]] = []  # (field names, is the primary key)
        if pk and all(k in names for k in pk):
            self.groups.append((pk, True))
        self.groups += [([f["name"]], False) for f in fields if (f.get("constraints") or {}).get("unique")]
        used = {k for g, _ in self.groups for k in g}
        self.fields = [f for f in fields if f["name"] in used]
        self._hashes: list[list[np.ndarray]] = [[] for _ in self.groups]
        self._consider: list[list[np.ndarray]] = [[] for _ in self.groups]
        self._flag: list[np.ndarray] = []
        self.rows = 0

    @property
    def names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    def key_schema(self) -> dict[str, Any]:
        """The schema restricted to the key fields (with the primary key and missing values)."""
        return {
            **{k: v for k, v in self.schema.items() if k in ("primaryKey", "missingValues")},
            "fields": list(self.fields),
        }

    def add(self, table: pa.Table) -> None:
        n = table.num_rows
        typed: dict[str, tuple[pa.Array, np.ndarray, np.ndarray]] = {}
        for f in self.fields:
            raw = _column(table, f["name"])
            missing = _missing_mask(raw, f, self.schema)
            parsed = _parse_field(_mask_null(raw, missing), f)
            typed[f["name"]] = (parsed.typed, missing, parsed.bad)
        flag = np.zeros(n, dtype=bool)
        for gi, (names, is_pk) in enumerate(self.groups):
            h = np.zeros(n, dtype=np.uint64)
            all_null = np.ones(n, dtype=bool)
            for name in names:
                arr = typed[name][0]
                h = _mix64(h * np.uint64(0x100000001B3) + _value_hashes(arr))
                all_null &= _np_bool(pc.is_null(arr))
            if is_pk:
                flag |= all_null
                consider = ~all_null
            else:
                consider = ~typed[names[0]][1] & ~typed[names[0]][2]
                if pa.types.is_floating(typed[names[0]][0].type):
                    consider &= ~_np_bool(pc.is_nan(typed[names[0]][0]))
            self._hashes[gi].append(h)
            self._consider[gi].append(consider)
        self._flag.append(flag)
        self.rows += n

    def candidates(self) -> np.ndarray:
        """Sorted positions of the rows to validate for keys (the hashes are released)."""
        cand = np.concatenate(self._flag) if self._flag else np.zeros(0, dtype=bool)
        self._flag = []
        for gi in range(len(self.groups)):
            h = np.concatenate(self._hashes[gi]) if self._hashes[gi] else np.zeros(0, np.uint64)
            self._hashes[gi] = []
            pos = np.flatnonzero(np.concatenate(self._consider[gi])) if self._consider[gi] else np.zeros(0, np.int64)
            self._consider[gi] = []
            h = h[pos]
            s = np.sort(h)
            shared = np.unique(s[1:][s[1:] == s[:-1]])
            del s
            if len(shared):
                cand[pos[np.isin(h, shared)]] = True
        return np.flatnonzero(cand)


