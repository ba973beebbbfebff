"""Rows compared with each other: value codes across key columns, duplicates, key lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.tableschema.arrays import _as_array


def _codes(arrays: Sequence[pa.Array]) -> tuple[np.ndarray, np.ndarray]:
    """Dense integer codes for the tuple of arrays (nulls are a value). Returns (codes, all_null mask)."""
    n = len(arrays[0])
    if len(arrays) == 1:
        arr = _as_array(arrays[0])
        t = arr.type
        if pa.types.is_integer(t) or pa.types.is_temporal(t) or pa.types.is_floating(t):
            nulls = np.asarray(pc.is_null(arr).to_numpy(zero_copy_only=False), dtype=bool)
            if pa.types.is_floating(t):
                vals = (
                    np.asarray(pc.fill_null(arr, 0.0).to_numpy(zero_copy_only=False), dtype=np.float64) + 0.0
                )
                vals = vals.view(np.int64)
            else:
                vals = np.asarray(
                    pc.fill_null(arr.cast(pa.int64()), 0).to_numpy(zero_copy_only=False), dtype=np.int64
                )
            # codes need not be dense: only equality matters to callers
            return np.where(nulls, np.iinfo(np.int64).min, vals), nulls
    key = np.zeros(n, dtype=np.int64)
    all_null = np.ones(n, dtype=bool)
    for arr in arrays:
        enc = pc.dictionary_encode(arr, null_encoding="encode")
        idx = np.asarray(enc.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        card = len(enc.dictionary) + 1
        all_null &= np.asarray(pc.is_null(arr).to_numpy(zero_copy_only=False), dtype=bool)
        key = key * card + idx
        _, key = np.unique(key, return_inverse=True)
        key = key.astype(np.int64)
    return key, all_null


def _duplicates(codes: np.ndarray, consider: np.ndarray) -> np.ndarray:
    """True at every occurrence after the first of a code (only positions where consider is True)."""
    dup = np.zeros(len(codes), dtype=bool)
    pos = np.flatnonzero(consider)
    if len(pos) == 0:
        return dup
    _, first = np.unique(codes[pos], return_index=True)
    mark = np.ones(len(pos), dtype=bool)
    mark[first] = False
    dup[pos[mark]] = True
    return dup


def _key_list(value: Any) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


