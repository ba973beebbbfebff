"""Quasi-identifiers encoded once as integer codes per ladder level, with their NCP penalties and the order
between levels measured on the table (see the package docstring, "Search" and "Information loss")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from redaction.sdc.config import QuasiIdentifier
from redaction.sdc.ladders import (
    SUPPRESSED,
    _age_no_finer,
    _apply_to_uniques,
    _date_no_finer,
    _factorize,
    _time_label_to,
    _with_null,
    age_band,
)

# ------------------------------------------------------------------------------------------- encoded QI ladders


class _LevelCodes:
    """A ladder's row codes per level, computed when asked: level j's codes are ``maps[j][bases[j]]`` (or
    ``bases[j]`` itself when ``maps[j]`` is None). A value ladder keeps one int32 array (level 0's codes) and a
    small map per level instead of an array per level: on 10M stops the 21 levels of the stops policy took
    840 MB, now 8 arrays, 320 MB."""

    def __init__(self) -> None:
        self.bases: list[np.ndarray] = []
        self.maps: list[np.ndarray | None] = []

    def append(self, base: np.ndarray, mapping: np.ndarray | None = None) -> None:
        self.bases.append(base)
        self.maps.append(mapping)

    def __len__(self) -> int:
        return len(self.bases)

    def __getitem__(self, j: int) -> np.ndarray:
        m = self.maps[j]
        return self.bases[j] if m is None else m[self.bases[j]]

    def at(self, j: int, rows: np.ndarray) -> np.ndarray:
        """Level j's codes of `rows` only (no gather over the whole table)."""
        m = self.maps[j]
        return self.bases[j][rows] if m is None else m[self.bases[j][rows]]


@dataclass
class _Ladder:
    """One QI encoded: per level, row codes (int32, null = its own code) and the labels of the codes."""

    name: str
    level_names: tuple[str, ...]
    codes: _LevelCodes
    labels: list[np.ndarray]  # object arrays, label per code (None for the null code)
    penalty: list[np.ndarray]  # NCP per code
    penalty_sum: np.ndarray  # per level: sum over rows of the penalty
    leq: np.ndarray  # leq[i, j]: level j is a function of level i on this table

    @property
    def cards(self) -> list[int]:
        """Number of codes per level."""
        return [len(lab) for lab in self.labels]


def _generalizer(ladder: str, level: str) -> tuple[Callable[[Any], str], str]:
    if ladder == "date":
        return (lambda u: _date_no_finer(u, level)), "date"
    if ladder == "time":
        return (lambda u: _time_label_to(u, level)), "time"
    if ladder == "age":
        def fn(u: Any) -> str:
            if isinstance(u, int | float | np.integer | np.floating) and not isinstance(u, bool):
                lab = age_band(np.array([u]), level).iloc[0]
                if lab is None:
                    raise ValueError("bad age")
                return str(lab)
            return _age_no_finer(str(u), level)
        return fn, "age band"
    return (lambda u: u), "value"


def _distinct_pairs(a: np.ndarray, card_a: int, b: np.ndarray, card_b: int) -> np.ndarray:
    """Sorted distinct values of a * card_b + b (bincount over the pair space when it is small enough)."""
    space = card_a * card_b
    key = a.astype(np.int64) * card_b + b
    if space <= max(8 * len(a), 1 << 20):
        return np.flatnonzero(np.bincount(key, minlength=space))
    return np.unique(key)


def _encode(df: pd.DataFrame, q: QuasiIdentifier) -> _Ladder:
    n = len(df)
    codes, labels, maps = _level_codes(df, q)
    nl = len(q.levels)
    # measured order between levels, and NCP per code
    null0 = len(labels[0]) - 1
    counts0 = np.bincount(codes[0], minlength=len(labels[0]))
    present0 = np.flatnonzero(counts0[:null0] > 0)
    d0 = len(present0)
    leq = np.eye(nl, dtype=bool)
    pairs: dict[tuple[int, int], np.ndarray] = {}
    if q.ladder == "columns":
        for i in range(nl):
            for j in range(nl):
                if i != j or i == 0:
                    u = _distinct_pairs(codes[i], len(labels[i]), codes[j], len(labels[j]))
                    leq[i, j] = len(u) == len(np.unique(u // len(labels[j])))
                    if i == 0:
                        pairs[(0, j)] = u
    else:
        # every level is a function of level 0: compare on the distinct level-0 codes
        present = np.flatnonzero(counts0 > 0)
        for i in range(nl):
            for j in range(nl):
                if i != j:
                    key = maps[i][present].astype(np.int64) * len(labels[j]) + maps[j][present]
                    u = np.unique(key)
                    leq[i, j] = len(u) == len(np.unique(u // len(labels[j])))
        for j in range(nl):
            pairs[(0, j)] = np.unique(present.astype(np.int64) * len(labels[j]) + maps[j][present])
    penalty, pen_sum = _penalties(q, codes, labels, pairs, null0, d0, n)
    return _Ladder(q.name, q.levels, codes, labels, penalty, pen_sum, leq)


def _level_codes(df: pd.DataFrame, q: QuasiIdentifier) -> tuple[_LevelCodes, list[np.ndarray], list[np.ndarray]]:
    """Each level's code per row and label per code; for a value ladder, also the map level-0 code -> level code."""
    codes = _LevelCodes()
    labels: list[np.ndarray] = []
    maps: list[np.ndarray] = []  # value ladders: level-0 code -> level code
    if q.ladder == "columns":
        for lv in q.levels:
            if lv == SUPPRESSED:  # "*" withholds the column entirely: nulls too, or the pattern of missing
                codes.append(codes.bases[0], np.zeros(len(labels[0]), dtype=np.int32))  # values would split classes
                lab = np.array([SUPPRESSED], dtype=object)
            else:
                c, u = _factorize(df[lv])
                lab = _with_null(u)
                if labels:  # a value lost at this level (null here, not at level 0) is its own code: full loss
                    lost = (c == len(u)) & (codes.bases[0] != len(labels[0]) - 1)
                    if lost.any():
                        c = np.where(lost, np.int32(len(u) + 1), c)
                        lab = np.append(lab, np.array([None], dtype=object))
                codes.append(c)
            labels.append(lab)
    else:
        c0, u0 = _factorize(df[q.name])
        nu = len(u0)
        for lv in q.levels:
            if lv == SUPPRESSED:  # nulls included, as for a "columns" ladder
                m = np.zeros(nu + 1, dtype=np.int32)
                lab = np.array([SUPPRESSED], dtype=object)
            elif q.ladder == "none":
                m = np.arange(nu + 1, dtype=np.int32)
                lab = _with_null(u0)
            else:
                fn, what = _generalizer(q.ladder, lv)
                mapped = _apply_to_uniques(u0, fn, what, q.name)
                mc, mu = pd.factorize(mapped) if nu else (np.zeros(0, np.int64), np.zeros(0, object))
                m = np.append(mc.astype(np.int32), np.int32(len(mu)))
                lab = _with_null(mu)
            codes.append(c0, None if q.ladder == "none" and lv != SUPPRESSED else m)
            maps.append(m)
            labels.append(lab)
    return codes, labels, maps


def _penalties(q: QuasiIdentifier, codes: _LevelCodes, labels: list[np.ndarray], pairs: dict[tuple[int, int], np.ndarray],
               null0: int, d0: int, n: int) -> tuple[list[np.ndarray], np.ndarray]:
    """The information loss (NCP) of each code of each level, and its sum over the rows per level."""
    nl = len(q.levels)
    penalty: list[np.ndarray] = []
    pen_sum = np.zeros(nl, dtype=np.float64)
    for j in range(nl):
        pen = np.zeros(len(labels[j]), dtype=np.float64)
        if d0 > 1:
            u = pairs[(0, j)]
            src, dst = u // len(labels[j]), u % len(labels[j])
            keep = src != null0
            covered = np.bincount(dst[keep], minlength=len(labels[j])).astype(np.float64)
            pen = np.maximum(covered - 1.0, 0.0) / (d0 - 1)
        if j > 0 and q.levels[j] == SUPPRESSED:
            pen = np.where(labels[j] == SUPPRESSED, 1.0 if d0 > 1 else 0.0, 0.0).astype(np.float64)
        if q.ladder == "columns" and j > 0 and q.levels[j] != SUPPRESSED:
            n_u = int(np.sum(np.fromiter((x is not None for x in labels[j]), bool, len(labels[j]))))
            pen[n_u:] = 0.0  # the null code
            if len(labels[j]) > n_u + 1:
                pen[n_u + 1] = 1.0  # the lost code: a value of level 0 with no value at this level
        elif labels[j][-1] is None:
            pen[len(labels[j]) - 1] = 0.0  # null code (a "*" level has none: nulls are withheld too)
        penalty.append(pen)
        pen_sum[j] = float(np.bincount(codes[j], minlength=len(pen)) @ pen) if n else 0.0
    return penalty, pen_sum
