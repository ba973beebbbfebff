"""Small Arrow and numpy helpers the validator's modules share."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def _np_bool(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Arrow boolean (nulls -> False) to a numpy bool array."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    arr = pc.fill_null(arr, False)
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=bool)


def _as_array(col: Any) -> pa.Array:
    if isinstance(col, pa.ChunkedArray):
        return col.combine_chunks() if col.num_chunks != 1 else col.chunk(0)
    return col


def _mask_null(arr: pa.Array, mask: np.ndarray) -> pa.Array:
    """Set positions where mask is True to null."""
    if not mask.any():
        return arr
    return pc.if_else(pa.array(mask), pa.nulls(len(arr), arr.type), arr)


def _int(arr: pa.Array) -> np.ndarray:
    """String digits (may be null/empty) -> int64 numpy, nulls as 0."""
    arr = pc.if_else(pc.equal(pc.fill_null(arr, ""), ""), "0", arr)
    arr = pc.replace_substring_regex(pc.utf8_trim_whitespace(arr), pattern=r"^\+", replacement="")
    return np.asarray(pc.cast(arr, pa.int64()).to_numpy(zero_copy_only=False), dtype=np.int64)


def _regex_ok(pattern: str) -> bool:
    try:
        pc.match_substring_regex(pa.array([""], pa.string()), pattern=pattern)
        return True
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return False


