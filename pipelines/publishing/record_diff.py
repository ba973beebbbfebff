"""Records added, removed and changed between two releases, by primary key (or whole row without one).

The streaming diff joins rows on 64-bit hashes of their keys and compares 64-bit hashes of each value, with an
exact join as the fallback when two keys share a hash; only primary keys of the public table are listed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.publishing.content import (
    _field_type,
    _primary_key,
    _public_table,
    _schema_fields,
    _text_column,
)
from pipelines.publishing.errors import PublishError
from pipelines.storage.parquet import ParquetSource

#: Maximum number of primary keys listed per category (added/removed/changed) in a change record.
MAX_LISTED_KEYS = 1000


def _key_strings(tbl: pa.Table, pk: Sequence[str], types: Mapping[str, str]) -> list[str]:
    parts = [pc.fill_null(_text_column(tbl.column(k), types.get(k, "string")), "").to_pylist() for k in pk]
    if len(parts) == 1:
        return [str(v) for v in parts[0]]
    return ["\x1f".join(map(str, vals)) for vals in zip(*parts, strict=True)]


def _display_key(k: str, composite: bool) -> Any:
    return k.split("\x1f") if composite else k


def _record_diff(old_tbl: pa.Table, old_schema: Mapping, new_tbl: pa.Table, new_schema: Mapping,
                 rename_map: Mapping[str, str]) -> dict:
    """Records added / removed / changed by primary key (or by whole-row multiset without a key)."""
    ntypes = {f["name"]: _field_type(f) for f in _schema_fields(new_schema)}
    otypes = {f["name"]: _field_type(f) for f in _schema_fields(old_schema)}
    # compare the fields present in both versions (old name -> new name)
    common = [(o, rename_map.get(o, o)) for o in otypes if rename_map.get(o, o) in ntypes]
    pk_new = _primary_key(new_schema)
    pk_old_mapped = [rename_map.get(k, k) for k in _primary_key(old_schema)]

    def differs(a: pa.Array, b: pa.Array) -> np.ndarray:
        neq = pc.fill_null(pc.not_equal(a, b), False)
        return np.asarray(pc.or_(neq, pc.xor(pc.is_null(a), pc.is_null(b))).to_numpy(zero_copy_only=False),
                          dtype=bool)

    if pk_new and pk_new == pk_old_mapped and all(k in otypes or k in rename_map.values() for k in pk_new):
        inv = {v: k for k, v in rename_map.items()}
        nkeys = _key_strings(new_tbl, pk_new, ntypes)
        okeys = _key_strings(old_tbl, [inv.get(k, k) for k in pk_new], otypes)
        if len(set(nkeys)) != len(nkeys):
            raise PublishError(f"primary key {pk_new} is not unique in the new table "
                               f"({len(nkeys) - len(set(nkeys))} duplicates)")
        oindex = {k: i for i, k in enumerate(okeys)}
        nindex = {k: i for i, k in enumerate(nkeys)}
        added = [k for k in nkeys if k not in oindex]
        removed = [k for k in okeys if k not in nindex]
        both = [k for k in nkeys if k in oindex]
        oi = pa.array(np.fromiter((oindex[k] for k in both), dtype=np.int64, count=len(both)), pa.int64())
        ni = pa.array(np.fromiter((nindex[k] for k in both), dtype=np.int64, count=len(both)), pa.int64())
        changed_mask = np.zeros(len(both), dtype=bool)
        per_field: dict[str, int] = {}
        for oname, nname in common:
            diff = differs(pc.take(_text_column(old_tbl.column(oname), otypes[oname]), oi),
                           pc.take(_text_column(new_tbl.column(nname), ntypes[nname]), ni))
            n = int(diff.sum())
            if n:
                per_field[nname] = n
                changed_mask |= diff
        changed = [k for k, c in zip(both, changed_mask, strict=True) if c]
        composite = len(pk_new) > 1
        return {
            "by": "primary-key",
            "primary_key": list(pk_new),
            "added": len(added),
            "removed": len(removed),
            "changed": len(changed),
            "unchanged": len(both) - len(changed),
            "changed_by_field": dict(sorted(per_field.items())),
            "added_keys": [_display_key(k, composite) for k in added[:MAX_LISTED_KEYS]],
            "removed_keys": [_display_key(k, composite) for k in removed[:MAX_LISTED_KEYS]],
            "changed_keys": [_display_key(k, composite) for k in changed[:MAX_LISTED_KEYS]],
            "keys_truncated": max(len(added), len(removed), len(changed)) > MAX_LISTED_KEYS,
        }
    return _whole_row_diff(old_tbl, otypes, new_tbl, ntypes, common)


def _whole_row_diff(old_tbl: pa.Table, otypes: Mapping[str, str], new_tbl: pa.Table, ntypes: Mapping[str, str],
                    common: Sequence[tuple[str, str]]) -> dict:
    """No usable key: records added and removed as a whole-row multiset comparison over the common fields."""

    def texts(tbl: pa.Table, names: Sequence[str], types: Mapping[str, str]) -> list[list[Any]]:
        return [_text_column(tbl.column(n), types[n]).to_pylist() for n in names]

    orows = Counter(zip(*texts(old_tbl, [o for o, _ in common], otypes), strict=True)) if common else Counter()
    nrows = Counter(zip(*texts(new_tbl, [n for _, n in common], ntypes), strict=True)) if common else Counter()
    added_n = sum((nrows - orows).values())
    removed_n = sum((orows - nrows).values())
    return {
        "by": "whole-row",
        "primary_key": [],
        "added": added_n,
        "removed": removed_n,
        "changed": 0,
        "unchanged": new_tbl.num_rows - added_n,
        "changed_by_field": {},
        "added_keys": [],
        "removed_keys": [],
        "changed_keys": [],
        "keys_truncated": False,
    }


def _hash_text(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(64-bit hash of each text value, validity) of a text array; nulls hash as the empty string."""
    import pandas as pd

    valid = np.asarray(pc.is_valid(arr).to_numpy(zero_copy_only=False), dtype=bool)
    vals = pc.fill_null(arr, "").to_numpy(zero_copy_only=False).astype(object)
    return pd.util.hash_array(vals, categorize=False), valid


def _source_keys(src: ParquetSource, pk: Sequence[str], types: Mapping[str, str]) -> pa.Array:
    """:func:`_key_strings` as one Arrow string array, read batch by batch."""
    chunks = list(_key_string_batches(src, pk, types))
    if not chunks:
        return pa.array([], pa.large_string())
    return pa.concat_arrays([c.cast(pa.large_string()) for c in chunks])


def _key_string_batches(src: ParquetSource, pk: Sequence[str], types: Mapping[str, str]) -> Iterator[pa.Array]:
    for b in src.batches(list(pk)):
        parts = [pc.fill_null(_text_column(b.column(k), types.get(k, "string")), "") for k in pk]
        yield parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, "\x1f")


_JOIN_HASH_KEY = "osd-diff-joinkey"  # 16 bytes: key hashes for the join differ from the value hashes compared


def _key_hashes(src: ParquetSource, pk: Sequence[str], types: Mapping[str, str]) -> np.ndarray:
    """A 64-bit hash of each row's key string (8 bytes a row instead of the strings and a hash table)."""
    import pandas as pd

    out = np.empty(src.num_rows, dtype=np.uint64)
    pos = 0
    for keys in _key_string_batches(src, pk, types):
        out[pos : pos + len(keys)] = pd.util.hash_array(keys.to_numpy(zero_copy_only=False).astype(object),
                                                        categorize=False, hash_key=_JOIN_HASH_KEY)
        pos += len(keys)
    return out[:pos]


def take_positions(chunks: Iterable[Any], positions: np.ndarray) -> Iterator[Any]:
    """The rows at sorted ``positions`` (0-based over the concatenated ``chunks``: Arrow arrays or record
    batches), one piece per chunk that holds any, read no further than the last position."""
    start = i = 0
    for chunk in chunks:
        j = int(np.searchsorted(positions, start + len(chunk)))
        if j > i:
            yield chunk.take(pa.array(positions[i:j] - start, type=pa.int64()))
        i, start = j, start + len(chunk)
        if i == len(positions):
            break


class _HashJoinUnsure(Exception):
    """Two different keys share a 64-bit hash: the exact join decides."""


def _record_diff_source(old_src: ParquetSource, old_schema: Mapping, new_src: ParquetSource, new_schema: Mapping,
                        rename_map: Mapping[str, str]) -> dict:
    """:func:`_record_diff` streaming, by primary key, one field at a time comparing a 64-bit hash of each value
    (a changed value whose hash collides would go unnoticed: odds 2^-64).

    Rows are joined on 64-bit hashes of the keys (16 bytes a row for both sides, instead of the key strings
    and their hash tables: 10M stops diffed in 2.4 GB before). Exactness does not rest on the key hashes: a
    shared hash inside one side, or a match whose key fields differ (two keys colliding across the sides),
    sends the diff to the exact join on the key strings. Without a usable key it falls back to the in-memory
    whole-row comparison."""
    ntypes = {f["name"]: _field_type(f) for f in _schema_fields(new_schema)}
    otypes = {f["name"]: _field_type(f) for f in _schema_fields(old_schema)}
    pk_new = _primary_key(new_schema)
    pk_old_mapped = [rename_map.get(k, k) for k in _primary_key(old_schema)]
    if not (pk_new and pk_new == pk_old_mapped and all(k in otypes or k in rename_map.values() for k in pk_new)):
        return _record_diff(_public_table(old_src.read(), old_schema), old_schema,
                            _public_table(new_src.read(), new_schema), new_schema, rename_map)
    try:
        return _record_diff_by_key(old_src, otypes, new_src, ntypes, pk_new, rename_map, exact=False)
    except _HashJoinUnsure:
        return _record_diff_by_key(old_src, otypes, new_src, ntypes, pk_new, rename_map, exact=True)


def _record_diff_by_key(old_src: ParquetSource, otypes: Mapping[str, str], new_src: ParquetSource,
                        ntypes: Mapping[str, str], pk_new: Sequence[str], rename_map: Mapping[str, str], *,
                        exact: bool) -> dict:
    """The streaming diff by primary key: join the rows (on key hashes, or on the key strings when ``exact``),
    then compare each common field's value hashes over the joined rows."""
    inv = {v: k for k, v in rename_map.items()}
    pk_old = [inv.get(k, k) for k in pk_new]
    common = [(o, rename_map.get(o, o)) for o in otypes if rename_map.get(o, o) in ntypes]
    join = _join_exact if exact else _join_hashed
    n_new, n_old, matched_new, oi = join(old_src, otypes, pk_old, new_src, ntypes, pk_new)
    old_matched = np.zeros(n_old, dtype=bool)
    old_matched[oi[matched_new]] = True
    added_pos = np.flatnonzero(~matched_new)
    removed_pos = np.flatnonzero(~old_matched)
    both = np.flatnonzero(matched_new)
    changed_mask, per_field = _changed_fields(old_src, otypes, new_src, ntypes, common, matched_new, oi, n_old,
                                              set() if exact else set(pk_new))
    changed_pos = np.flatnonzero(changed_mask)
    composite = len(pk_new) > 1

    def listed(src: ParquetSource, pk: Sequence[str], types: Mapping[str, str], pos: np.ndarray) -> list[Any]:
        pieces = take_positions(_key_string_batches(src, pk, types), pos[:MAX_LISTED_KEYS])
        return [_display_key(str(k), composite) for piece in pieces for k in piece.to_pylist()]

    return {
        "by": "primary-key",
        "primary_key": list(pk_new),
        "added": len(added_pos),
        "removed": len(removed_pos),
        "changed": len(changed_pos),
        "unchanged": len(both) - len(changed_pos),
        "changed_by_field": dict(sorted(per_field.items())),
        "added_keys": listed(new_src, pk_new, ntypes, added_pos),
        "removed_keys": listed(old_src, pk_old, otypes, removed_pos),
        "changed_keys": listed(new_src, pk_new, ntypes, changed_pos),
        "keys_truncated": max(len(added_pos), len(removed_pos), len(changed_pos)) > MAX_LISTED_KEYS,
    }


_Join = tuple[int, int, np.ndarray, np.ndarray]  # (new rows, old rows, new row matched?, its old position or -1)


def _join_exact(old_src: ParquetSource, otypes: Mapping[str, str], pk_old: Sequence[str], new_src: ParquetSource,
                ntypes: Mapping[str, str], pk_new: Sequence[str]) -> _Join:
    """Join on the key strings (refuses a duplicate key in the new table)."""
    nkeys = _source_keys(new_src, pk_new, ntypes)
    n_distinct = pc.count_distinct(nkeys).as_py()
    if n_distinct != len(nkeys):
        raise PublishError(f"primary key {list(pk_new)} is not unique in the new table "
                           f"({len(nkeys) - n_distinct} duplicates)")
    okeys = _source_keys(old_src, pk_old, otypes)
    n_new, n_old = len(nkeys), len(okeys)
    idx_arr = pc.index_in(nkeys, value_set=okeys)
    del nkeys, okeys
    matched_new = np.asarray(pc.is_valid(idx_arr).to_numpy(zero_copy_only=False), dtype=bool)
    oi = np.asarray(pc.fill_null(idx_arr, -1).to_numpy(zero_copy_only=False), dtype=np.int64)
    return n_new, n_old, matched_new, oi


def _join_hashed(old_src: ParquetSource, otypes: Mapping[str, str], pk_old: Sequence[str], new_src: ParquetSource,
                 ntypes: Mapping[str, str], pk_new: Sequence[str]) -> _Join:
    """Join on 64-bit key hashes; :class:`_HashJoinUnsure` when a side has two rows sharing a hash."""
    nh = _key_hashes(new_src, pk_new, ntypes)
    s = np.sort(nh)
    if (s[1:] == s[:-1]).any():  # a duplicate key, or two keys sharing a hash
        raise _HashJoinUnsure
    del s
    oh = _key_hashes(old_src, pk_old, otypes)
    n_new, n_old = len(nh), len(oh)
    order = np.argsort(oh, kind="stable")
    oh = oh[order]
    if (oh[1:] == oh[:-1]).any():
        raise _HashJoinUnsure
    j = np.searchsorted(oh, nh)
    jc = np.minimum(j, max(n_old - 1, 0))
    matched_new = (j < n_old) & (oh[jc] == nh) if n_old else np.zeros(n_new, dtype=bool)
    del nh, oh, j
    oi = np.where(matched_new, order[jc], -1) if n_old else np.full(n_new, -1, dtype=np.int64)
    return n_new, n_old, matched_new, oi


def _changed_fields(old_src: ParquetSource, otypes: Mapping[str, str], new_src: ParquetSource,
                    ntypes: Mapping[str, str], common: Sequence[tuple[str, str]], matched_new: np.ndarray,
                    oi: np.ndarray, n_old: int, unsure_if_changed: set[str]) -> tuple[np.ndarray, dict[str, int]]:
    """(rows with a changed value, changed rows per field), one field at a time on 64-bit value hashes. A change
    in a field of ``unsure_if_changed`` (the key, after a hash join) means two keys shared a hash."""
    changed_mask = np.zeros(len(matched_new), dtype=bool)
    per_field: dict[str, int] = {}
    for oname, nname in common:
        ohash, ovalid = _value_hashes(old_src, n_old, oname, otypes[oname])
        diff_all = np.zeros(len(matched_new), dtype=bool)
        pos = 0
        for b in new_src.batches([nname]):
            hh, vv = _hash_text(_text_column(b.column(0), ntypes[nname]))
            sl = slice(pos, pos + len(hh))
            m = matched_new[sl]
            o = oi[sl][m]
            diff_all[sl][m] = (hh[m] != ohash[o]) | (vv[m] != ovalid[o])
            pos += len(hh)
        del ohash, ovalid
        n = int(diff_all.sum())
        if n:
            if nname in unsure_if_changed:  # joined rows whose keys differ: two keys shared a hash
                raise _HashJoinUnsure
            per_field[nname] = n
            changed_mask |= diff_all
    return changed_mask, per_field


def _value_hashes(src: ParquetSource, n_rows: int, name: str, ftype: str) -> tuple[np.ndarray, np.ndarray]:
    """(64-bit hash, validity) of every value of one column, read batch by batch."""
    hashes = np.empty(n_rows, dtype=np.uint64)
    valid = np.empty(n_rows, dtype=bool)
    pos = 0
    for b in src.batches([name]):
        hh, vv = _hash_text(_text_column(b.column(0), ftype))
        hashes[pos : pos + len(hh)] = hh
        valid[pos : pos + len(hh)] = vv
        pos += len(hh)
    return hashes, valid

