"""Quasi-identifier columns collected batch by batch as small integer codes (what the k-anonymity search reads)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.stages.validation import one_array


def small_int(limit: int) -> type:
    """The smallest signed integer type holding -1 .. limit - 1 (codes kept for 10M rows: 1 byte a row, not 4)."""
    return np.int8 if limit <= 2**7 else np.int16 if limit <= 2**15 else np.int32


class CodeBook:
    """A column collected batch by batch as integer codes into one dictionary of its distinct values: the same
    Series as `union_categoricals(ignore_order=True)` of the batches as pandas categoricals (categories in the
    same order; an object column when batches hold values of different types), without keeping every batch's
    categories (10M stops: ~75 MB of strings per million rows saved)."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        self.chunks: list[np.ndarray] = []
        self.mixed = False

    def add_arrow(self, arr: pa.Array | pa.ChunkedArray) -> None:
        """Add one batch of the column (Arrow; its values never become pandas objects)."""
        enc = pc.dictionary_encode(one_array(arr))
        vals = enc.dictionary.to_pylist()
        if len(vals) and self.index and not self.mixed:
            self.mixed = type(next(iter(self.index))) is not type(vals[0])
        glob = np.zeros(len(vals) + 1, dtype=np.int32)
        glob[-1] = -1  # null
        for i in sorted(range(len(vals)), key=vals.__getitem__):  # pd.Categorical sorts its categories
            glob[i] = self.index.setdefault(vals[i], len(self.index))
        idx = np.asarray(pc.fill_null(enc.indices, len(vals)).to_numpy(zero_copy_only=False), dtype=np.int64)
        self.chunks.append(glob[idx].astype(small_int(len(self.index)), copy=False))

    def series(self) -> pd.Series:
        codes = np.concatenate(self.chunks) if self.chunks else np.zeros(0, np.int32)
        cats = list(self.index)
        if self.mixed:  # values of different types: an object column
            return pd.Series(np.array(cats + [None], dtype=object)[codes], dtype=object)
        return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(cats, dtype=object)))


