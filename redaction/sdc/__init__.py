"""Statistical disclosure control: k-anonymity by generalization ladders, and small-cell suppression.

Removing names is not enough: a stop on one day, at one hour, on one block, of a 17-year-old of a given race and
sex points to one person. This module coarsens the quasi-identifiers (QIs) until every combination of their
values is shared by at least `k` rows, suppresses the few rows that would still stand out, and hides small counts
in summary tables. Nothing here logs, prints or raises with a value from a record: only counts, field names,
level names and error codes.

Policy (the dataset spec's `policy.k_anonymity`)
-------------------------------------------------
```yaml
k_anonymity:
  k: 5                       # target class size (default 5)
  max_suppression: 0.01      # largest share of rows that may be removed (default 0.01)
  quasi_identifiers:         # in this order; each QI is a column of the de-identified table
    occurred_date:    {ladder: date, levels: [day, week, month, quarter]}
    occurred_hour:    {ladder: time, levels: [hour, 4h, part_of_day]}
    location:         {ladder: columns, levels: [location, beat, district]}  # values from these columns
    subject_age_band: {ladder: age, levels: [5y, 10y, minor_adult]}
    subject_race:     {ladder: none}                      # kept as is: a ladder of one level, "value"
    subject_sex:      {ladder: none, levels: [value, "*"]}  # "*" = may be suppressed entirely
  sensitive: outcome         # optional: column protected by l-diversity
  l_diversity: 2             # optional: distinct values of `sensitive` required in every class
```
`levels` may be omitted for `date`, `time`, `age`, `none` (the defaults are the lists above). Any ladder may end
with `"*"`: every value, null included, becomes `"*"` (the column is withheld). The first level is what the column already holds (level 0); a
ladder may start higher (`levels: [month, quarter]` when the policy already published months).

Ladders and value formats (level 0 as produced by `redaction.structured`)
-------------------------------------------------------------------------
- date: day "YYYY-MM-DD" -> ISO week "YYYY-Www" -> month "YYYY-MM" -> quarter "YYYY-Qn" (also "year": "YYYY").
  A week generalizes to the month/quarter/year of its Thursday (ISO's rule for the week's year).
- time: hour "HH:00" (also "HH:MM[:SS]" in) -> 4-hour block "HH:00-HH:59" (00-03, 04-07, ...) -> part of day
  "night" 00-05, "morning" 06-11, "afternoon" 12-17, "evening" 18-23. Note that the 04-07 and 16-19 blocks
  straddle two parts of day: this ladder is not a strict hierarchy (the search copes, see below).
- age (`age_band`): one scheme, also used by the structured `age_band` treatment, whose bands never straddle the
  age of majority (18), so each ladder level is a function of the one below it:
    5y:          "0-9", "10-14", "15-17", "18-19", "20-24", "25-29", ..., "80-84", "85+"
    10y:         "0-17", "18-29", "30-39", ..., "70-79", "80+"
    minor_adult: "minor" (0-17), "adult" (18+)
  Ages are floored to whole years; negative ages, ages >= 120 and nulls give null. An agency's own band
  ("26-35", "56+", as normalized by `structured.normalize_age_group`) maps to the coarser band containing it,
  or stays as written when it straddles coarser bands (it is coarse already).
- columns: level i takes its value from the i-th named column (e.g. `location` -> `beat` -> `district`), so the
  auxiliary private columns must be present in the input; they are returned untouched (the caller drops them).
- none: the value itself.
Nulls stay null at every level, and a null is a value of its own for grouping.

Search (k_anonymize)
--------------------
A node of the generalization lattice picks one level per QI. Each QI level is encoded once as int32 codes
(factorize the distinct level-0 values, generalize only those, map back), so evaluating a node is integer work:
mixed-radix combination of the codes, class sizes by `np.bincount` (or a hash factorize when the key space is
large). A node passes when the rows in classes smaller than k (or with fewer than l distinct sensitive values)
are at most `max_suppression` of the table; those classes are then suppressed (their rows removed).

Monotonicity pruning (as in ARX's Flash / OLA) is sound only where a coarser level is a function of a finer one,
and our ladders are not all strict hierarchies (week vs month, 4h vs part of day, a block on two beats). So the
order between levels is measured on the data: level j is "coarser-or-equal" than level i when every level-i value
maps to a single level-j value in this table. If a node fails, every node finer (in that measured order) fails;
if it passes, every coarser node passes. The search is a branch and bound over the lattice, exact for the metric
below. The lower bound of a node's loss is its loss without suppression (known without evaluating the node). A
node is open while it is not known to fail, not yet evaluated, and its bound could still beat the best loss found.
The top node (every QI at its coarsest) is evaluated first: if it fails, the target is unreachable. Then,
repeatedly: an open node known to pass is evaluated for its exact loss (least bound first), else the open node
whose failure would settle the most open nodes (those finer than it). This probes coarse, cheap nodes near the
frontier first, and one failure there prunes a whole sub-lattice of fine, expensive nodes.

Information loss (the reported figure, minimized by the search)
---------------------------------------------------------------
Normalized certainty penalty (NCP, Xu et al. 2006; ARX's "loss"), in [0, 1]: for a row and a QI generalized to
value g, penalty = (number of distinct level-0 values of that QI, in this table, that fall under g - 1) /
(number of distinct non-null level-0 values of the QI - 1); 0 at level 0 and for nulls, 1 for "*". A suppressed
row costs 1 on every QI. The figure is the mean over rows and QIs (QIs kept as is count with penalty 0).
`loss_by_column` gives the same mean per QI.

Blocking check (recount_k)
--------------------------
`recount_k(table, qi_columns)` recounts k on the released table itself, independently of the search: rows whose
QI values are all suppressed ("*") or null count as suppressed, not as a class.

Small cells (suppress_small_cells)
----------------------------------
Counts 1..threshold-1 print as "<threshold" (primary suppression; zeros print as "0", the usual "<11" rule, unless
`suppress_zero`). Row totals, column totals and the grand total are added (a totals row only when there are at
least two rows, a totals column only with at least two columns) and assumed known to the reader unless withheld.
Complementary suppression, line by line (each row, each column, the totals row and column):
- a line whose total is shown and which holds suppressed cells must hold at least two of them, and no primary
  cell may be pinned to a single value by the line's equation, given that a primary count lies in
  [1, threshold-1] and a complementary count is >= threshold; otherwise
- the smallest shown count >= threshold in that line is also suppressed (printed "*"), preferring a cell whose
  crossing line already has a suppressed cell; when no such cell exists, the line's total is withheld ("*"),
  and a totals line that needs protection gets the grand total withheld.
This repeats until every line is safe. It is a line-by-line audit, not a full linear-programming audit of the
whole table (tau-ARGUS style); it closes the differencing attacks on one row or one column.

Build summary tables from the released (k-anonymized) table, not from the private one: a table counted on all
rows, set against the release, would tell the reader the district and month of the suppressed rows. And a table
whose cells can be recounted from the released microdata gains nothing from suppression; small-cell suppression
protects tables on dimensions the release does not carry at that detail.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from redaction.errors import SdcError

__all__ = [
    "SdcConfig",
    "SdcError",
    "SdcReport",
    "QuasiIdentifier",
    "age_band",
    "generalize",
    "generalize_age_band",
    "generalize_date",
    "generalize_time",
    "k_anonymize",
    "parse_config",
    "recount_k",
    "recount_l",
    "small_cell_tables",
    "suppress_small_cells",
]

SUPPRESSED = "*"
MAX_LATTICE = 5000  # nodes; the search keeps a node x node dominance matrix

LADDERS: dict[str, tuple[str, ...]] = {
    "date": ("day", "week", "month", "quarter", "year"),
    "time": ("hour", "4h", "part_of_day"),
    "age": ("5y", "10y", "minor_adult"),
    "none": ("value",),
}
DEFAULT_LEVELS: dict[str, tuple[str, ...]] = {
    "date": ("day", "week", "month", "quarter"),
    "time": ("hour", "4h", "part_of_day"),
    "age": ("5y", "10y", "minor_adult"),
    "none": ("value",),
}

# ---------------------------------------------------------------------------------------------------- age bands

_AGE_5Y: list[tuple[int, int | None, str]] = [(0, 9, "0-9"), (10, 14, "10-14"), (15, 17, "15-17"), (18, 19, "18-19")]
_AGE_5Y += [(a, a + 4, f"{a}-{a + 4}") for a in range(20, 85, 5)] + [(85, None, "85+")]
_AGE_10Y: list[tuple[int, int | None, str]] = [(0, 17, "0-17"), (18, 29, "18-29")]
_AGE_10Y += [(a, a + 9, f"{a}-{a + 9}") for a in range(30, 80, 10)] + [(80, None, "80+")]
_AGE_MA: list[tuple[int, int | None, str]] = [(0, 17, "minor"), (18, None, "adult")]
_AGE_SCHEMES = {"5y": _AGE_5Y, "10y": _AGE_10Y, "minor_adult": _AGE_MA}
_AGE_ORDER = ("5y", "10y", "minor_adult")
_MAX_AGE = 120
_BAND = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")
_BAND_PLUS = re.compile(r"^\s*(\d+)\s*\+\s*$")


def _age_scheme(level: str) -> list[tuple[int, int | None, str]]:
    try:
        return _AGE_SCHEMES[level]
    except KeyError:
        raise SdcError(f"unknown age level {level!r} (expected one of {', '.join(_AGE_ORDER)})") from None


def age_band(age_years: Any, level: str = "5y") -> pd.Series:
    """Whole-year ages -> band labels of `level` ("5y", "10y" or "minor_adult"); see the module docstring.

    Accepts a Series (nullable or not), an array or a list; ages are floored; negative, >= 120 or missing ages
    give null. Returns an object Series (None for null) with the input's index when it had one.
    """
    scheme = _age_scheme(level)
    index = age_years.index if isinstance(age_years, pd.Series) else None
    a = pd.to_numeric(pd.Series(age_years, index=index, copy=False), errors="coerce")
    vals = a.to_numpy(dtype="float64", na_value=np.nan)
    ok = np.isfinite(vals) & (vals >= 0) & (vals < _MAX_AGE)
    lows = np.array([lo for lo, _, _ in scheme], dtype="float64")
    labels = np.array([lab for _, _, lab in scheme] + [None], dtype=object)
    pos = np.searchsorted(lows, np.floor(np.where(ok, vals, 0.0)), side="right") - 1
    pos = np.where(ok, pos, len(scheme))
    return pd.Series(labels[pos], index=a.index, dtype=object)


def _band_bounds(label: str) -> tuple[int, int | None] | None:
    for scheme in _AGE_SCHEMES.values():
        for lo, hi, lab in scheme:
            if lab == label:
                return lo, hi
    m = _BAND.match(label)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = _BAND_PLUS.match(label)
    if m:
        return int(m.group(1)), None
    return None


def _age_label_to(label: str, level: str) -> str:
    """One band label -> the band of `level` that contains it (or the label itself when it straddles bands)."""
    if label in {lab for _, _, lab in _AGE_SCHEMES[level]}:
        return label
    src_level = next((lv for lv in _AGE_ORDER if label in {lab for _, _, lab in _AGE_SCHEMES[lv]}), None)
    if src_level is not None and _AGE_ORDER.index(src_level) > _AGE_ORDER.index(level):
        raise SdcError(f"cannot refine age bands from level {src_level!r} to the finer level {level!r}")
    bounds = _band_bounds(label)
    if bounds is None:
        raise ValueError("not an age band")
    lo, hi = bounds
    for blo, bhi, lab in _AGE_SCHEMES[level]:
        if blo <= lo and (bhi is None or (hi is not None and hi <= bhi)):
            return lab
    return label


def generalize_age_band(s: pd.Series, level: str) -> pd.Series:
    """Age band labels (any level of the scheme, or an agency band "26-35"/"56+") -> bands of `level`.

    Numeric input is banded directly with `age_band`. Raises SdcError (with a count, never a value) when some
    labels are not age bands.
    """
    _age_scheme(level)
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        return age_band(s, level)
    return _map_uniques(s, lambda u: _age_label_to(str(u), level), what="age band")


# ---------------------------------------------------------------------------------------------- dates and times

_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "day"),
    (re.compile(r"^(\d{4})-W(\d{2})$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})$"), "year"),
)
_DATE_ORDER = LADDERS["date"]


def _match_date_form(text: str) -> tuple[str, re.Match[str]]:
    for rx, form in _DATE_FORMS:
        m = rx.match(text)
        if m:
            return form, m
    raise ValueError("not a date")


def _date_label_to(value: Any, level: str) -> str:
    """One date value (ISO day string, date, Timestamp, or a coarser label) -> the label of `level`."""
    if isinstance(value, _dt.datetime | pd.Timestamp):
        src, day = "day", value.date()
    elif isinstance(value, _dt.date):
        src, day = "day", value
    else:
        src, m = _match_date_form(str(value).strip())
        y = int(m.group(1))
        if src == "day":
            day = _dt.date(y, int(m.group(2)), int(m.group(3)))
        elif src == "week":
            day = _dt.date.fromisocalendar(y, int(m.group(2)), 4)  # the week's Thursday
        elif src == "month":
            day = _dt.date(y, int(m.group(2)), 1)
        elif src == "quarter":
            day = _dt.date(y, 3 * int(m.group(2)) - 2, 1)
        else:
            day = _dt.date(y, 1, 1)
        if _DATE_ORDER.index(src) > _DATE_ORDER.index(level):
            raise SdcError(f"cannot refine dates from level {src!r} to the finer level {level!r}")
    if level == "day":
        return day.isoformat()
    if level == "week":
        iy, iw, _ = day.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if level == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if level == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}"


def _date_no_finer(value: Any, level: str) -> str:
    """`_date_label_to`, except that a value coarser than `level` stays as it is (a month-only source's "2020-01"
    at the "day" level): a ladder never invents precision the source did not have."""
    if isinstance(value, str):
        form, _ = _match_date_form(value.strip())
        if _DATE_ORDER.index(form) > _DATE_ORDER.index(level):
            return value.strip()
    return _date_label_to(value, level)


def generalize_date(s: pd.Series, level: str) -> pd.Series:
    """Dates -> `level` ("day", "week", "month", "quarter", "year"); see the module docstring for the formats.

    Input: ISO "YYYY-MM-DD" strings, dates/Timestamps, or labels of a finer level ("2024-W05" -> month of its
    Thursday). Only distinct values are parsed. Nulls stay null. Raises SdcError with a count when some values
    are not dates, or when asked to refine (months to weeks).
    """
    if level not in _DATE_ORDER:
        raise SdcError(f"unknown date level {level!r} (expected one of {', '.join(_DATE_ORDER)})")
    return _map_uniques(s, lambda u: _date_label_to(u, level), what="date")


_PARTS = ("night", "morning", "afternoon", "evening")
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?$")
_BLOCK = re.compile(r"^(\d{2}):00-(\d{2}):59$")
_TIME_ORDER = LADDERS["time"]


def _time_label_to(value: Any, level: str) -> str:
    if isinstance(value, _dt.datetime | pd.Timestamp | _dt.time):
        hour = value.hour
    elif isinstance(value, int | np.integer) and not isinstance(value, bool):
        hour = int(value)
    elif isinstance(value, float | np.floating):
        if not float(value).is_integer():
            raise ValueError("not a whole hour")
        hour = int(value)
    else:
        text = str(value).strip()
        m = _TIME.match(text)
        if m:
            hour = int(m.group(1))
        else:
            b = _BLOCK.match(text)
            if b and int(b.group(2)) == int(b.group(1)) + 3 and int(b.group(1)) % 4 == 0:
                if level == "4h":
                    return text
                raise SdcError(f"cannot turn 4-hour blocks into level {level!r}")
            if text in _PARTS:
                if level == "part_of_day":
                    return text
                raise SdcError(f"cannot refine parts of day to level {level!r}")
            raise ValueError("not a time")
    if not 0 <= hour <= 23:
        raise ValueError("bad hour")
    if level == "hour":
        return f"{hour:02d}:00"
    if level == "4h":
        start = hour // 4 * 4
        return f"{start:02d}:00-{start + 3:02d}:59"
    return _PARTS[hour // 6]


def generalize_time(s: pd.Series, level: str) -> pd.Series:
    """Times of day -> `level` ("hour", "4h", "part_of_day"); see the module docstring for the formats.

    Input: "HH:00" / "HH:MM[:SS]" strings, integer hours, times or Timestamps. Only distinct values are parsed.
    Nulls stay null. Raises SdcError with a count when some values are not times.
    """
    if level not in _TIME_ORDER:
        raise SdcError(f"unknown time level {level!r} (expected one of {', '.join(_TIME_ORDER)})")
    return _map_uniques(s, lambda u: _time_label_to(u, level), what="time")


def _with_null(labels: Any) -> np.ndarray:
    """Labels as an object array with a trailing None (the label of the null code)."""
    return np.concatenate([np.asarray(labels, dtype=object), np.array([None], dtype=object)])


def _factorize(values: Any) -> tuple[np.ndarray, np.ndarray]:
    """Codes (int32) and uniques, with null given the last code (len(uniques)) and no entry in uniques."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    codes = codes.astype(np.int32, copy=False)
    if (codes < 0).any():
        codes = np.where(codes < 0, np.int32(len(uniques)), codes)
    return codes, np.asarray(uniques, dtype=object)


def _apply_to_uniques(uniques: np.ndarray, fn: Callable[[Any], str], what: str, name: Any) -> np.ndarray:
    out = np.empty(len(uniques), dtype=object)
    bad = 0
    for i, u in enumerate(uniques):
        try:
            out[i] = fn(u)
        except SdcError:
            raise
        except (ValueError, TypeError, OverflowError):
            bad += 1
    if bad:
        where = f" in column {name!r}" if isinstance(name, str) else ""
        raise SdcError(f"sdc-bad-value: {bad} distinct value(s){where} are not a valid {what}")
    return out


def _map_uniques(s: pd.Series, fn: Callable[[Any], str], what: str) -> pd.Series:
    codes, uniques = _factorize(s)
    mapped = _apply_to_uniques(uniques, fn, what, s.name)
    table = _with_null(mapped)
    return pd.Series(table[codes], index=s.index, name=s.name, dtype=object)


# --------------------------------------------------------------------------------------------------- the policy


@dataclass(frozen=True)
class QuasiIdentifier:
    """One quasi-identifier: its column, its ladder kind and the level names in order (level 0 first)."""

    name: str
    ladder: str
    levels: tuple[str, ...]


@dataclass(frozen=True)
class Floor:
    """A utility floor: `column` is published at `at_least` (a level name; None: as recorded) or finer in at least
    `share` of the rows that have a value (rows blanked by local suppression or removed count against it)."""

    column: str
    share: float
    at_least: str | None = None

    def describe(self) -> str:
        """The floor as the policy writes it."""
        if self.at_least is None:
            return f"{self.column}: kept_in_at_least {self.share:g}"
        return f"{self.column}: at_least {self.at_least} in_at_least {self.share:g}"


@dataclass(frozen=True)
class SdcConfig:
    """A parsed `k_anonymity` policy (see the module docstring)."""

    quasi_identifiers: tuple[QuasiIdentifier, ...]
    k: int = 5
    max_suppression: float = 0.01
    sensitive: str | None = None
    l_diversity: int | None = None
    max_local_suppression: float = 0.0
    sacrifice: tuple[str, ...] = ()
    weights: tuple[tuple[str, float], ...] = ()
    floors: tuple[Floor, ...] = ()
    purpose: str = ""
    floors_from_rows: int = 0  # smaller tables: floors not binding (reported), the weighted search still runs

    @property
    def qi_columns(self) -> list[str]:
        """The QI column names, in policy order."""
        return [q.name for q in self.quasi_identifiers]

    def weight(self, name: str) -> float:
        """A QI's weight in the loss: explicit, else its rank in the order of sacrifice (first given up: 1), else
        one more than the last; every QI weighs 1 when the policy says nothing."""
        explicit = dict(self.weights)
        if name in explicit:
            return explicit[name]
        if name in self.sacrifice:
            return float(self.sacrifice.index(name) + 1)
        return float(len(self.sacrifice) + 1)

    def to_dict(self) -> dict[str, Any]:
        """The policy as plain data (field and level names only)."""
        return {
            "k": self.k,
            "max_suppression": self.max_suppression,
            "max_local_suppression": self.max_local_suppression,
            "quasi_identifiers": {q.name: {"ladder": q.ladder, "levels": list(q.levels)} for q in self.quasi_identifiers},
            "sensitive": self.sensitive,
            "l_diversity": self.l_diversity,
            "sacrifice": list(self.sacrifice),
            "floors": [f.describe() for f in self.floors],
        }


_CFG_KEYS = {"k", "max_suppression", "quasi_identifiers", "sensitive", "l_diversity", "max_local_suppression", "utility"}
_UTILITY_KEYS = {"purpose", "sacrifice", "weights", "floors", "floors_from_rows"}


def _share(v: Any, what: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1:
        raise SdcError(f"sdc-config: {what} must be a number in [0, 1]")
    return float(v)


def _parse_utility(raw: Any, qis: Sequence[QuasiIdentifier]) -> tuple[tuple[str, ...], tuple[tuple[str, float], ...],
                                                                     tuple[Floor, ...], str, int]:
    if raw is None:
        return (), (), (), "", 0
    if not isinstance(raw, Mapping):
        raise SdcError("sdc-config: utility must be a mapping")
    unknown = sorted(set(raw) - _UTILITY_KEYS)
    if unknown:
        raise SdcError(f"sdc-config: utility has unknown key(s) {unknown}")
    by_name = {q.name: q for q in qis}
    sac = raw.get("sacrifice") or []
    if isinstance(sac, str) or not isinstance(sac, Sequence) or len(set(sac)) != len(sac):
        raise SdcError("sdc-config: utility.sacrifice must be a list of distinct quasi-identifiers")
    bad = [c for c in sac if c not in by_name]
    if bad:
        raise SdcError(f"sdc-config: utility.sacrifice names {bad}, which are not quasi-identifiers")
    weights = []
    for c, w in (raw.get("weights") or {}).items():
        if c not in by_name:
            raise SdcError(f"sdc-config: utility.weights names {c!r}, which is not a quasi-identifier")
        if isinstance(w, bool) or not isinstance(w, int | float) or w <= 0:
            raise SdcError(f"sdc-config: utility.weights of {c!r} must be a positive number")
        weights.append((str(c), float(w)))
    floors = []
    for c, spec in (raw.get("floors") or {}).items():
        if c not in by_name:
            raise SdcError(f"sdc-config: utility.floors names {c!r}, which is not a quasi-identifier")
        if not isinstance(spec, Mapping):
            raise SdcError(f"sdc-config: utility.floors of {c!r} must be a mapping")
        extra = sorted(set(spec) - {"kept_in_at_least", "at_least", "in_at_least"})
        if extra:
            raise SdcError(f"sdc-config: utility.floors of {c!r} has unknown key(s) {extra}")
        q = by_name[c]
        if "kept_in_at_least" in spec:
            if "at_least" in spec or "in_at_least" in spec:
                raise SdcError(f"sdc-config: utility.floors of {c!r}: kept_in_at_least, or at_least with in_at_least")
            floors.append(Floor(str(c), _share(spec["kept_in_at_least"], f"utility.floors.{c}.kept_in_at_least")))
            continue
        lv = spec.get("at_least")
        if lv is None or str(lv) not in q.levels or str(lv) == SUPPRESSED:
            raise SdcError(f"sdc-config: utility.floors of {c!r}: at_least must be a level of its ladder {list(q.levels)}")
        floors.append(Floor(str(c), _share(spec.get("in_at_least", 1.0), f"utility.floors.{c}.in_at_least"), str(lv)))
    fr = raw.get("floors_from_rows", 0)
    if isinstance(fr, bool) or not isinstance(fr, int) or fr < 0:
        raise SdcError("sdc-config: utility.floors_from_rows must be an integer >= 0")
    return tuple(str(c) for c in sac), tuple(weights), tuple(floors), str(raw.get("purpose") or ""), fr


def parse_config(cfg: SdcConfig | Mapping[str, Any]) -> SdcConfig:
    """Validate a `k_anonymity` mapping (or a policy mapping holding one) into an SdcConfig; raise SdcError."""
    if isinstance(cfg, SdcConfig):
        return cfg
    if not isinstance(cfg, Mapping):
        raise SdcError("sdc-config: k_anonymity must be a mapping")
    if "k_anonymity" in cfg and "quasi_identifiers" not in cfg:
        cfg = cfg["k_anonymity"]
        if not isinstance(cfg, Mapping):
            raise SdcError("sdc-config: k_anonymity must be a mapping")
    unknown = sorted(set(cfg) - _CFG_KEYS)
    if unknown:
        raise SdcError(f"sdc-config: unknown key(s) {unknown}")
    k = cfg.get("k", 5)
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise SdcError("sdc-config: k must be an integer >= 1")
    ms = _share(cfg.get("max_suppression", 0.01), "max_suppression")
    mls = _share(cfg.get("max_local_suppression", 0.0), "max_local_suppression")
    qis_raw = cfg.get("quasi_identifiers")
    if not isinstance(qis_raw, Mapping) or not qis_raw:
        raise SdcError("sdc-config: quasi_identifiers must be a non-empty mapping")
    qis = []
    for name, spec in qis_raw.items():
        spec = spec or {}
        if not isinstance(spec, Mapping):
            raise SdcError(f"sdc-config: quasi-identifier {name!r} must be a mapping")
        extra = sorted(set(spec) - {"ladder", "levels"})
        if extra:
            raise SdcError(f"sdc-config: quasi-identifier {name!r} has unknown key(s) {extra}")
        ladder = spec.get("ladder", "none")
        if ladder not in (*LADDERS, "columns"):
            raise SdcError(f"sdc-config: quasi-identifier {name!r} has unknown ladder {ladder!r}")
        levels = spec.get("levels")
        if levels is None:
            if ladder == "columns":
                raise SdcError(f"sdc-config: quasi-identifier {name!r}: a columns ladder needs levels")
            levels = DEFAULT_LEVELS[ladder]
        if isinstance(levels, str) or not isinstance(levels, Sequence) or not levels:
            raise SdcError(f"sdc-config: quasi-identifier {name!r}: levels must be a non-empty list")
        levels = tuple(str(x) for x in levels)
        if len(set(levels)) != len(levels):
            raise SdcError(f"sdc-config: quasi-identifier {name!r}: repeated level")
        if SUPPRESSED in levels[:-1] or levels[0] == SUPPRESSED:
            raise SdcError(f"sdc-config: quasi-identifier {name!r}: '*' may only be the last level, not the first")
        if ladder != "columns":
            allowed = LADDERS[ladder]
            bad = [lv for lv in levels if lv != SUPPRESSED and lv not in allowed]
            if bad:
                raise SdcError(f"sdc-config: quasi-identifier {name!r}: unknown level(s) {bad} for ladder {ladder!r}")
            real = [allowed.index(lv) for lv in levels if lv != SUPPRESSED]
            if real != sorted(real):
                raise SdcError(f"sdc-config: quasi-identifier {name!r}: levels must go from fine to coarse")
        qis.append(QuasiIdentifier(str(name), ladder, levels))
    sensitive = cfg.get("sensitive")
    ld = cfg.get("l_diversity")
    if sensitive is not None and not isinstance(sensitive, str):
        raise SdcError("sdc-config: sensitive must be a column name")
    if ld is not None:
        if isinstance(ld, bool) or not isinstance(ld, int) or ld < 1:
            raise SdcError("sdc-config: l_diversity must be an integer >= 1")
        if sensitive is None:
            raise SdcError("sdc-config: l_diversity needs a sensitive column")
    if sensitive is not None and sensitive in {q.name for q in qis}:
        raise SdcError("sdc-config: the sensitive column cannot be a quasi-identifier")
    sac, weights, floors, purpose, from_rows = _parse_utility(cfg.get("utility"), qis)
    return SdcConfig(tuple(qis), int(k), float(ms), sensitive, None if ld is None else int(ld),
                     mls, sac, weights, floors, purpose, from_rows)


# --------------------------------------------------------------------------------------------------- the report


@dataclass
class SdcReport:
    """What k_anonymize did: counts, level names and figures only (no values)."""

    k_target: int
    k_achieved: int
    levels: dict[str, str]
    rows_in: int
    rows_suppressed: int
    suppressed_share: float
    information_loss: float
    l_target: int | None = None
    l_achieved: int | None = None
    nodes_evaluated: int = 0
    nodes_total: int = 0
    classes: int = 0
    loss_by_column: dict[str, float] = field(default_factory=dict)
    max_suppression: float = 0.01
    metric: str = "ncp"
    cells_blanked: dict[str, int] = field(default_factory=dict)  # local suppression: "*" cells per QI
    rows_with_blanks: int = 0
    max_local_suppression: float = 0.0
    kept_shares: dict[str, float] = field(default_factory=dict)  # per floor: share of valued rows kept
    floors: list[str] = field(default_factory=list)
    floors_binding: bool = True  # False: fewer rows than utility.floors_from_rows, floors reported not enforced
    weights: dict[str, float] = field(default_factory=dict)
    sacrifice: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for provenance and check metadata."""
        return asdict(self)


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
            return _age_label_to(str(u), level)
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
    return _Ladder(q.name, q.levels, codes, labels, penalty, pen_sum, leq)


# --------------------------------------------------------------------------------------------------- evaluation


@dataclass
class _Eval:
    passes: bool
    suppressed: int  # rows removed
    loss: float
    bad_rows: np.ndarray | None  # boolean mask of removed rows (kept only for the chosen node)
    k_achieved: int
    l_achieved: int | None
    classes: int
    blanked: dict[int, np.ndarray] = field(default_factory=dict)  # QI index -> rows blanked (keep_mask only)
    blanked_counts: dict[int, int] = field(default_factory=dict)
    rows_with_blanks: int = 0
    lost: dict[int, int] = field(default_factory=dict)  # floor QI index -> valued rows blanked or removed
    conflict: str = ""  # why it fails: "rows" (removal limit), "local" (local suppression limit) or a QI name


def _combine(cols: Sequence[np.ndarray], cards: Sequence[int]) -> np.ndarray:
    """One int64 key per row from several code columns (factorized on the way when the key space grows)."""
    key = np.zeros(len(cols[0]) if cols else 0, dtype=np.int64)
    space = 1
    for c, card in zip(cols, cards, strict=True):
        if space * card >= 2**62:
            key, uniq = pd.factorize(key)
            key = key.astype(np.int64, copy=False)
            space = max(len(uniq), 1)
        key = key * card + c
        space *= card
    return key


class _Evaluator:
    """Evaluates lattice nodes: global recoding, then local suppression of the rows that still stand out, then
    removal of the rows local suppression could not save (see the module docstring)."""

    def __init__(self, ladders: list[_Ladder], n: int, k: int, cap: int, sens: np.ndarray | None,
                 n_sens: int, l_target: int | None, *, weights: Sequence[float] | None = None,
                 order: Sequence[int] = (), ls_cap: int = 0, budgets: Mapping[int, int] | None = None) -> None:
        self.ladders = ladders
        self.n = n
        self.k = k
        self.cap = cap
        self.sens = sens
        self.n_sens = n_sens
        self.l_target = l_target
        self.q = len(ladders)
        self.w = np.asarray(weights if weights is not None else [1.0] * self.q, dtype=np.float64)
        self.order = list(order)
        self.ls_cap = ls_cap
        self.budgets = dict(budgets or {})

    def lower_bound(self, node: tuple[int, ...]) -> float:
        if self.n == 0:
            return 0.0
        tot = sum(w * lad.penalty_sum[lv] for w, lad, lv in zip(self.w, self.ladders, node, strict=True))
        return float(tot) / (self.n * float(self.w.sum()))

    def classes_of(self, node: tuple[int, ...]) -> tuple[np.ndarray, int]:
        """Dense class id per row, and the number of classes."""
        key: np.ndarray | None = None
        space = 1
        for lad, lv in zip(self.ladders, node, strict=True):
            card = lad.cards[lv]
            if card == 1 and key is not None:  # one value ("*", one agency): splits nothing
                continue
            c = lad.codes[lv]
            if key is None:
                key, space = c.astype(np.int64), card
                continue
            if space * card >= 2**62:
                key, uniq = pd.factorize(key)
                space = len(uniq)
            key = key * card + c
            space *= card
        assert key is not None
        if space <= max(4 * self.n, 1 << 16):
            counts = np.bincount(key, minlength=space)
            present = counts > 0
            remap = np.cumsum(present, dtype=np.int64) - 1
            return remap[key], int(present.sum())
        inv, uniq = pd.factorize(key)
        return inv.astype(np.int64, copy=False), len(uniq)

    def _local(self, node: tuple[int, ...], rows: np.ndarray) -> tuple[np.ndarray, list[tuple[int, np.ndarray]],
                                                                          int, int, int | None]:
        """Local suppression of `rows` (those in classes below k): in the order of sacrifice, blank one more QI in
        every row still unsafe, within the budgets. Returns (positions in `rows` never made safe, the blanking
        steps as (QI index, positions blanked), smallest class made, classes made, smallest l made)."""
        sub = [lad.codes.at(lv, rows).astype(np.int64) for lad, lv in zip(self.ladders, node, strict=True)]
        cards = [lad.cards[lv] + 1 for lad, lv in zip(self.ladders, node, strict=True)]  # + the "*" code
        active = np.arange(len(rows))
        any_blank = np.zeros(len(rows), dtype=bool)
        n_blank_rows = 0
        steps: list[tuple[int, np.ndarray]] = []
        k_min, made, l_min = 0, 0, None
        for qi in self.order:
            lad, lv = self.ladders[qi], node[qi]
            if lad.level_names[lv] == SUPPRESSED:
                continue
            budget = self.budgets.get(qi)
            if budget is not None and len(active) > budget:
                continue
            fresh = int((~any_blank[active]).sum())
            if n_blank_rows + fresh > self.ls_cap:
                continue
            sub[qi][active] = lad.cards[lv]
            any_blank[active] = True
            n_blank_rows += fresh
            steps.append((qi, active.copy()))
            key = _combine([c[active] for c in sub], cards)
            _, inv, cnt = np.unique(key, return_inverse=True, return_counts=True)
            ok_cls = cnt >= self.k
            if self.sens is not None and self.l_target is not None:
                pair = np.unique(inv.astype(np.int64) * self.n_sens + self.sens[rows[active]])
                distinct = np.bincount(pair // self.n_sens, minlength=len(cnt))
                ok_cls &= distinct >= self.l_target
                if ok_cls.any():
                    lm = int(distinct[ok_cls].min())
                    l_min = lm if l_min is None else min(l_min, lm)
            if ok_cls.any():
                km = int(cnt[ok_cls].min())
                k_min = km if not k_min else min(k_min, km)
                made += int(ok_cls.sum())
            active = active[~ok_cls[inv]]
            if not len(active):
                break
        return active, steps, k_min, made, l_min

    def evaluate(self, node: tuple[int, ...], keep_mask: bool = False) -> _Eval:
        n = self.n
        if n == 0:
            return _Eval(True, 0, 0.0, np.zeros(0, bool) if keep_mask else None, 0, None, 0)
        cls, ncls = self.classes_of(node)
        sizes = np.bincount(cls, minlength=ncls)
        bad_cls = sizes < self.k
        distinct = None
        if self.sens is not None and self.l_target is not None:
            pair = np.unique(cls * self.n_sens + self.sens)
            distinct = np.bincount(pair // self.n_sens, minlength=ncls)
            bad_cls |= distinct < self.l_target
        n_bad = int(sizes[bad_cls].sum())
        if n_bad > self.cap + (self.ls_cap if self.order else 0):
            return _Eval(False, n_bad, math.inf, None, 0, None, ncls, conflict="rows")
        rows = np.flatnonzero(bad_cls[cls]) if n_bad else np.zeros(0, np.int64)
        steps: list[tuple[int, np.ndarray]] = []
        k_loc, made, l_loc = 0, 0, None
        if n_bad and self.order and self.ls_cap > 0:
            rest, steps, k_loc, made, l_loc = self._local(node, rows)
        else:
            rest = np.arange(len(rows))
        removed = rows[rest]
        gone = np.zeros(len(rows), dtype=bool)
        gone[rest] = True
        blanked: dict[int, np.ndarray] = {}
        for qi, pos in steps:
            kept = pos[~gone[pos]]
            if len(kept):
                blanked[qi] = rows[kept]
        lost: dict[int, int] = {}
        conflict = "rows" if len(removed) > self.cap else ""
        for qi, budget in self.budgets.items():
            lad, lv = self.ladders[qi], node[qi]
            null0 = len(lad.labels[0]) - 1
            valued_removed = int((lad.codes.at(0, removed) != null0).sum()) if len(removed) else 0
            lost[qi] = len(blanked.get(qi, ())) + valued_removed
            if lost[qi] > budget and not conflict:
                conflict = lad.name
        n_blank_rows = len(np.unique(np.concatenate(list(blanked.values())))) if blanked else 0
        passes = not conflict
        if not passes:
            return _Eval(False, len(removed), math.inf, None, 0, None, ncls, lost=lost, conflict=conflict)
        wsum = float(self.w.sum())
        total = 0.0
        for w, lad, lv in zip(self.w, self.ladders, node, strict=True):
            total += w * lad.penalty_sum[lv]
            if len(removed):
                total -= w * float(lad.penalty[lv][lad.codes.at(lv, removed)].sum())
        total += len(removed) * wsum
        for qi, r in blanked.items():
            lad, lv = self.ladders[qi], node[qi]
            total += self.w[qi] * (len(r) - float(lad.penalty[lv][lad.codes.at(lv, r)].sum()))
        loss = total / (n * wsum)
        good = ~bad_cls
        k_ach = int(sizes[good].min()) if good.any() else 0
        if k_loc:
            k_ach = min(k_ach, k_loc) if k_ach else k_loc
        l_ach = None
        if distinct is not None:
            l_ach = int(distinct[good].min()) if good.any() else 0
            if l_loc is not None:
                l_ach = min(l_ach, l_loc) if l_ach else l_loc
        bad_rows = None
        if keep_mask:
            bad_rows = np.zeros(n, dtype=bool)
            bad_rows[removed] = True
        return _Eval(True, len(removed), loss, bad_rows, k_ach, l_ach, int(good.sum()) + made,
                     blanked=blanked if keep_mask else {}, blanked_counts={q: len(r) for q, r in blanked.items()},
                     rows_with_blanks=n_blank_rows, lost=lost)


def _search(ev: _Evaluator, ladders: list[_Ladder]) -> tuple[tuple[int, ...], _Eval, int, int]:
    """Branch and bound over the lattice; returns (best node, its evaluation, nodes evaluated, nodes total).

    Open nodes are those not known to fail, not evaluated yet, whose lower bound could still beat the best loss.
    Next evaluated: an open node known to pass (least lower bound first: its exact loss tightens the bound), else
    the open node whose failure would settle the most open nodes (the ones finer than it). A pass tags every
    coarser node, a failure every finer node (measured order). Stops when no node is open.
    """
    dims = [len(lad.level_names) for lad in ladders]
    nodes = np.array(np.meshgrid(*[np.arange(d) for d in dims], indexing="ij")).reshape(len(dims), -1).T
    total = len(nodes)
    # dom[a, b]: node b is coarser-or-equal than node a on every QI (measured order)
    dom = np.ones((total, total), dtype=bool)
    for qi, lad in enumerate(ladders):
        dom &= lad.leq[nodes[:, qi][:, None], nodes[:, qi][None, :]]
    lb = np.array([ev.lower_bound(tuple(int(x) for x in nd)) for nd in nodes])
    height = nodes.sum(axis=1)
    UNKNOWN, PASS, FAIL = 0, 1, 2
    status = np.zeros(total, dtype=np.int8)
    evaluated = np.zeros(total, dtype=bool)
    results: dict[int, _Eval] = {}
    best_i, best_loss = -1, math.inf

    def run(i: int) -> _Eval:
        nonlocal best_i, best_loss
        r = ev.evaluate(tuple(int(x) for x in nodes[i]))
        results[i] = r
        evaluated[i] = True
        if r.passes:
            status[dom[i, :] & (status == UNKNOWN)] = PASS
            status[i] = PASS
            if r.loss < best_loss or (r.loss == best_loss and height[i] < height[best_i]):
                best_i, best_loss = i, r.loss
        else:
            status[dom[:, i]] = FAIL
        return r

    top = total - 1  # all QIs at their last level
    if not run(top).passes:
        return tuple(int(x) for x in nodes[top]), results[top], len(results), total
    while True:
        could_win = (lb < best_loss) | ((lb == best_loss) & (height < height[best_i]))  # ties: less generalized
        open_ = could_win & (status != FAIL) & ~evaluated
        if not open_.any():
            break
        known = np.flatnonzero(open_ & (status == PASS))
        if len(known):
            i = int(known[np.lexsort((height[known], lb[known]))[0]])
        else:
            u = np.flatnonzero(open_)
            settles = dom[np.ix_(u, u)].sum(axis=0)  # column b: open nodes finer than u[b]
            i = int(u[np.argmax(settles)])
        run(i)
    return tuple(int(x) for x in nodes[best_i]), results[best_i], len(results), total


@dataclass
class Plan:
    """What disclosure control decided for a table: the rows kept, the cells blanked, the levels; no values."""

    keep: np.ndarray  # boolean mask over the input rows
    blanks: dict[str, np.ndarray]  # QI -> boolean mask over the input rows: cell published as "*"
    report: SdcReport


def _searched_qis(config: SdcConfig) -> tuple[QuasiIdentifier, ...]:
    """The QIs with the levels the floors allow: up to `at_least`, or level 0 only for kept_in_at_least."""
    floors = {f.column: f for f in config.floors}
    out = []
    for q in config.quasi_identifiers:
        f = floors.get(q.name)
        if f is not None:
            last = q.levels.index(f.at_least) if f.at_least is not None else 0
            q = QuasiIdentifier(q.name, q.ladder, q.levels[: last + 1])
        out.append(q)
    return tuple(out)


def _prepare(df: pd.DataFrame, config: SdcConfig) -> tuple[list[_Ladder], _Evaluator]:
    need = set(config.qi_columns)
    for q in config.quasi_identifiers:
        if q.ladder == "columns":
            need |= {lv for lv in q.levels if lv != SUPPRESSED}
    if config.sensitive:
        need.add(config.sensitive)
    missing = sorted(need - set(df.columns))
    if missing:
        raise SdcError(f"sdc-missing-column: {missing}")
    qis = _searched_qis(config)
    size = math.prod(len(q.levels) for q in qis)
    if size > MAX_LATTICE:
        raise SdcError(f"sdc-config: the lattice has {size} nodes (at most {MAX_LATTICE}): use fewer levels")
    n = len(df)
    ladders = [_encode(df, q) for q in qis]
    sens, n_sens = None, 0
    if config.sensitive and config.l_diversity:
        sc, su = _factorize(df[config.sensitive])
        sens, n_sens = sc.astype(np.int64), len(su) + 1
    names = [q.name for q in qis]
    budgets = {}
    for f in config.floors:
        qi = names.index(f.column)
        valued = int((ladders[qi].codes[0] != len(ladders[qi].labels[0]) - 1).sum())
        budgets[qi] = int(math.floor((1.0 - f.share) * valued + 1e-9))
    ev = _Evaluator(
        ladders, n, config.k, int(math.floor(config.max_suppression * n + 1e-9)), sens, n_sens, config.l_diversity,
        weights=[config.weight(c) for c in names], order=[names.index(c) for c in config.sacrifice],
        ls_cap=int(math.floor(config.max_local_suppression * n + 1e-9)), budgets=budgets,
    )
    return ladders, ev


def _top(df: pd.DataFrame, config: SdcConfig) -> _Eval:
    """The coarsest node the floors allow, evaluated (for the conflict diagnosis)."""
    ladders, ev = _prepare(df, config)
    return ev.evaluate(tuple(len(lad.level_names) - 1 for lad in ladders))


def _diagnose(df: pd.DataFrame, config: SdcConfig) -> list[str]:
    """What would satisfy k and the floors, when they cannot all hold: per floor, the relaxation that works alone
    (a coarser `at_least`, a lower share), and the largest k reachable with every floor. Names and figures only."""
    out: list[str] = []
    for f in config.floors:
        others = tuple(g for g in config.floors if g is not f)
        if not _top(df, replace(config, floors=others)).passes:
            out.append(f"relaxing the floor {f.describe()} alone does not help")
            continue
        q = next(x for x in config.quasi_identifiers if x.name == f.column)
        hint = ""
        if f.at_least is not None:
            for lv in q.levels[q.levels.index(f.at_least) + 1:]:
                if lv == SUPPRESSED:
                    break
                if _top(df, replace(config, floors=(*others, replace(f, at_least=lv)))).passes:
                    hint = f"at_least {lv} with in_at_least {f.share:g} would hold"
                    break
        if not hint:
            for share in (0.99, 0.98, 0.95, 0.9, 0.8, 0.7, 0.5, 0.25, 0.0):
                if share < f.share and _top(df, replace(config, floors=(*others, replace(f, share=share)))).passes:
                    hint = f"a share of {share:g} would hold"
                    break
        out.append(f"the floor {f.describe()} is in conflict" + (f": {hint}" if hint else ""))
    for k in range(config.k - 1, 1, -1):
        if _top(df, replace(config, k=k)).passes:
            out.append(f"with every floor, k = {k} is reachable")
            break
    else:
        out.append("with every floor, not even k = 2 is reachable within the suppression limits")
    return out


def k_anonymize_plan(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any]) -> Plan:
    """Search the levels, the cells to blank and the rows to remove; the table itself is not rebuilt. For
    callers that apply them batch by batch (`generalize`, then "*" where `Plan.blanks` says, then `Plan.keep`).

    Raises SdcError (names and counts only) when k and the floors cannot all hold: code "sdc-floor-conflict" (the
    message names the floor in conflict and what would satisfy it) or "sdc-unreachable" (no floor declared).
    """
    config = parse_config(cfg)
    n = len(df)
    floors_binding = n >= config.floors_from_rows
    declared_floors = [f.describe() for f in config.floors]
    if not floors_binding:  # too few rows for the floors: the report says so, k still holds
        config = replace(config, floors=())
    ladders, ev = _prepare(df, config)
    node, res, n_eval, n_total = _search(ev, ladders)
    levels = {lad.name: lad.level_names[lv] for lad, lv in zip(ladders, node, strict=True)}
    if not res.passes:
        share = res.suppressed / n if n else 0.0
        what = f"k={config.k}" + (f", l={config.l_diversity}" if config.l_diversity else "")
        details: dict[str, Any] = {  # counts and names only, for check metadata
            "k_target": config.k, "l_target": config.l_diversity, "max_suppression": config.max_suppression,
            "max_local_suppression": config.max_local_suppression, "rows_in": n,
            "rows_failing_at_coarsest": res.suppressed, "levels_tried": levels, "nodes_evaluated": n_eval,
            "conflict": res.conflict,
        }
        if config.floors:
            hints = _diagnose(df, config)
            err = SdcError(
                f"sdc-floor-conflict: {what} and the utility floors cannot all hold, even at the coarsest levels the "
                f"floors allow ({', '.join(f'{k}: {v}' for k, v in levels.items())}) with local suppression of at "
                f"most {config.max_local_suppression:.1%} of rows and removal of at most "
                f"{config.max_suppression:.1%}: " + "; ".join(hints)
            )
            err.code = "sdc-floor-conflict"  # type: ignore[attr-defined]
            details["hints"] = hints
        else:
            err = SdcError(
                f"sdc-unreachable: {what} cannot be reached within max_suppression={config.max_suppression:g}: "
                f"even at the coarsest levels {res.suppressed} of {n} rows ({share:.2%}) are in classes that fail"
            )
            err.code = "sdc-unreachable"  # type: ignore[attr-defined]
        err.details = details  # type: ignore[attr-defined]
        raise err
    final = ev.evaluate(node, keep_mask=True)
    keep = ~final.bad_rows if final.bad_rows is not None else np.ones(n, dtype=bool)
    blanks: dict[str, np.ndarray] = {}
    for qi, rows in final.blanked.items():
        m = np.zeros(n, dtype=bool)
        m[rows] = True
        blanks[ladders[qi].name] = m
    loss_by: dict[str, float] = {}
    kept_idx = np.flatnonzero(keep)
    for lad, lv in zip(ladders, node, strict=True):
        pen = lad.penalty[lv][lad.codes.at(lv, kept_idx)]
        if lad.name in blanks:
            pen = np.where(blanks[lad.name][kept_idx], 1.0, pen)
        loss_by[lad.name] = (float(pen.sum()) + final.suppressed) / n if n else 0.0
    kept_shares = {}
    for qi, lost in final.lost.items():
        lad = ladders[qi]
        valued = int((lad.codes[0] != len(lad.labels[0]) - 1).sum())
        kept_shares[lad.name] = 1.0 - lost / valued if valued else 1.0
    report = SdcReport(
        k_target=config.k,
        k_achieved=final.k_achieved,
        levels=levels,
        rows_in=n,
        rows_suppressed=final.suppressed,
        suppressed_share=final.suppressed / n if n else 0.0,
        information_loss=float(final.loss),
        l_target=config.l_diversity,
        l_achieved=final.l_achieved,
        nodes_evaluated=n_eval,
        nodes_total=n_total,
        classes=final.classes,
        loss_by_column=loss_by,
        max_suppression=config.max_suppression,
        metric="ncp" if not config.sacrifice and not config.weights else "weighted ncp",
        cells_blanked={ladders[qi].name: c for qi, c in final.blanked_counts.items()},
        rows_with_blanks=final.rows_with_blanks,
        max_local_suppression=config.max_local_suppression,
        kept_shares=kept_shares,
        floors=declared_floors,
        floors_binding=floors_binding,
        weights={c: config.weight(c) for c in config.qi_columns},
        sacrifice=list(config.sacrifice),
    )
    return Plan(keep, blanks, report)


def k_anonymize_rows(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any]) -> tuple[np.ndarray, SdcReport]:
    """`k_anonymize_plan` for a policy without local suppression: (rows kept, as a boolean mask over ``df``'s
    rows; the report). Raises SdcError if the plan blanks cells (use `k_anonymize_plan` then)."""
    plan = k_anonymize_plan(df, cfg)
    if plan.blanks:
        raise SdcError("sdc-config: this policy blanks cells (local suppression): use k_anonymize_plan")
    return plan.keep, plan.report


def k_anonymize(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any]) -> tuple[pd.DataFrame, SdcReport]:
    """Generalize the QIs of `df` to the least-loss lattice node reaching k within the suppression limits.

    Returns the table with each QI column replaced by its chosen level's values (object dtype with None for null,
    or the input's dtype when that was a pandas "string" dtype), "*" in the cells local suppression blanked,
    rows removed (index kept), other columns (auxiliary ones included) untouched; and a report. Raises SdcError
    (counts and names only) when k and the floors cannot all hold (see `k_anonymize_plan`); the error has a
    `code` and `details` (a dict of counts and level names) for check metadata.
    """
    config = parse_config(cfg)
    plan = k_anonymize_plan(df, config)
    out = apply_plan(df, config, plan.report.levels, plan.blanks)
    kept = np.flatnonzero(plan.keep)
    if len(kept) < len(df):
        out = out.take(kept)
    return out, plan.report


def apply_plan(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any], levels: Mapping[str, str],
               blanks: Mapping[str, np.ndarray] | None = None) -> pd.DataFrame:
    """`generalize` to `levels`, then "*" in the cells of `blanks` (QI -> boolean mask over `df`'s rows)."""
    config = parse_config(cfg)
    out = generalize(df, config, levels)
    for name in config.qi_columns:
        mask = (blanks or {}).get(name)
        if mask is not None and mask.any():
            col = out[name].to_numpy(dtype=object, copy=True)
            col[mask] = SUPPRESSED
            out[name] = pd.Series(col, index=out.index, dtype=object)
        if isinstance(df[name].dtype, pd.StringDtype):  # keep the structured treatments' "string" dtype
            out[name] = out[name].astype(df[name].dtype)
    return out


def generalize(df: pd.DataFrame, cfg: SdcConfig | Mapping[str, Any], levels: Mapping[str, str]) -> pd.DataFrame:
    """Apply given levels (QI name -> level name) without searching; QIs not named stay at level 0."""
    config = parse_config(cfg)
    out = df.copy()
    for q in config.quasi_identifiers:
        lv = levels.get(q.name, q.levels[0])
        if lv not in q.levels:
            raise SdcError(f"sdc-config: level {lv!r} is not on the ladder of {q.name!r}")
        lad = _encode(df, QuasiIdentifier(q.name, q.ladder, (q.levels[0], lv) if lv != q.levels[0] else (lv,)))
        j = len(lad.level_names) - 1
        out[q.name] = pd.Series(lad.labels[j][lad.codes[j]], index=df.index, dtype=object)
    return out


# -------------------------------------------------------------------------------------------------- recounting


def _suppressed_rows(df: pd.DataFrame, qi_columns: Sequence[str]) -> np.ndarray:
    """Rows whose QI values are all "*" (candidates narrowed column by column). A null is a value: rows whose
    QIs are all null form a class like any other (they used to count as suppressed, and an all-null table as
    k = 0)."""
    cand = np.arange(len(df))
    for c in qi_columns:
        vals = df[c].to_numpy(dtype=object)[cand]
        hit = ~pd.isna(vals)
        hit[hit] = np.asarray(vals[hit] == SUPPRESSED, dtype=bool)  # no comparison with pd.NA
        cand = cand[hit]
        if len(cand) == 0:
            break
    mask = np.zeros(len(df), dtype=bool)
    mask[cand] = True
    return mask


def _recount_classes(df: pd.DataFrame, qi_columns: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    missing = [c for c in qi_columns if c not in df.columns]
    if missing:
        raise SdcError(f"sdc-missing-column: {sorted(missing)}")
    if not qi_columns:
        raise SdcError("sdc-config: no quasi-identifier columns")
    sup = _suppressed_rows(df, qi_columns)
    rest = df.loc[~sup, list(qi_columns)]
    if rest.empty:
        return np.zeros(0, dtype=np.int64), sup
    cls = rest.groupby(list(qi_columns), dropna=False, sort=False).ngroup().to_numpy()
    return cls, sup


def recount_k(df: pd.DataFrame, qi_columns: Sequence[str]) -> int:
    """Smallest equivalence class size of a released table on `qi_columns` (0 when no row is left).

    Independent of the search (plain pandas groupby on the published values; nulls group together, "*" is a
    value of its own). Rows whose QI values are all "*" tell nothing: they are not a class.
    """
    cls, _ = _recount_classes(df, qi_columns)
    if len(cls) == 0:
        return 0
    return int(np.bincount(cls).min())


def recount_l(df: pd.DataFrame, qi_columns: Sequence[str], sensitive: str) -> int:
    """Smallest number of distinct `sensitive` values (null counts as one) in a class (0 when no row is left)."""
    cls, sup = _recount_classes(df, qi_columns)
    if sensitive not in df.columns:
        raise SdcError(f"sdc-missing-column: {[sensitive]}")
    if len(cls) == 0:
        return 0
    sc, _ = _factorize(df.loc[~sup, sensitive])
    pairs = np.unique(cls.astype(np.int64) * (int(sc.max()) + 1) + sc)
    return int(np.bincount(pairs // (int(sc.max()) + 1)).min())


# ------------------------------------------------------------------------------------------------- small cells


def _line_safe(vals: np.ndarray, prim: np.ndarray, comp: np.ndarray, threshold: int, lo_p: int) -> bool:
    """Whether the suppressed cells of one line (total shown) keep every primary count from being pinned.

    The reader knows the line total, so the sum S of the suppressed cells; a primary count lies in
    [lo_p, threshold-1], a complementary one in [threshold, inf). A primary cell is pinned when its feasible
    interval given S is a single value.
    """
    n_p, n_c = int(prim.sum()), int(comp.sum())
    if n_p + n_c == 0:
        return True
    if n_p + n_c == 1:
        return False
    s = int(vals[prim | comp].sum())
    hi = min(threshold - 1, s - (n_p - 1) * lo_p - n_c * threshold)
    lo = lo_p if n_c else max(lo_p, s - (n_p - 1) * (threshold - 1))
    return n_p == 0 or hi > lo


def _pick_complement(vals: np.ndarray, supp: np.ndarray, cross_has: np.ndarray, threshold: int) -> int | None:
    """Smallest shown count >= threshold in the line, preferring cells whose crossing line is already hit."""
    cand = np.flatnonzero(~supp & (vals >= threshold))
    if len(cand) == 0:
        return None
    return int(min(cand, key=lambda i: (0 if cross_has[i] else 1, int(vals[i]), int(i))))


def suppress_small_cells(
    table: pd.DataFrame,
    threshold: int = 11,
    *,
    suppress_zero: bool = False,
    total_label: str = "Total",
    withheld_mark: str = SUPPRESSED,
) -> pd.DataFrame:
    """A crosstab of counts -> a table of strings with small cells hidden and totals added (see module docstring).

    Cells with 1..threshold-1 (0 too if `suppress_zero`) print as "<threshold"; complementary cells and withheld
    totals print as `withheld_mark`. The input holds counts only (no margins); NaN counts as 0. A "Total" column
    is added when there are at least two columns, a "Total" row when there are at least two rows.
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise SdcError("sdc-config: threshold must be an integer >= 1")
    numeric = table.apply(pd.to_numeric, errors="coerce")
    if (numeric.isna() & table.notna()).to_numpy().any():
        raise SdcError("sdc-bad-value: crosstab cells must be counts")
    raw = numeric.fillna(0).to_numpy(dtype=np.float64)
    if raw.size and ((raw < 0).any() or (raw != np.floor(raw)).any()):
        raise SdcError("sdc-bad-value: crosstab cells must be non-negative integer counts")
    v = raw.astype(np.int64)
    nr, nc = v.shape
    lo_p = 0 if suppress_zero else 1
    primary = (v >= lo_p) & (v < threshold)
    comp = np.zeros_like(primary)
    has_rt, has_ct = nc > 1, nr > 1  # a line of one cell has no separate total
    rt_w = np.zeros(nr, dtype=bool)  # withheld row totals
    ct_w = np.zeros(nc, dtype=bool)  # withheld column totals
    grand_w = False

    def fix_one() -> bool:
        """Make one repair (a complementary cell or a withheld total); False when every line is safe."""
        nonlocal grand_w
        supp = primary | comp
        if has_rt:
            for i in range(nr):
                if not rt_w[i] and not _line_safe(v[i], primary[i], comp[i], threshold, lo_p):
                    j = _pick_complement(v[i], supp[i], supp.any(axis=0), threshold)
                    if j is None:
                        rt_w[i] = True
                    else:
                        comp[i, j] = True
                    return True
        if has_ct:
            for j in range(nc):
                if not ct_w[j] and not _line_safe(v[:, j], primary[:, j], comp[:, j], threshold, lo_p):
                    r = _pick_complement(v[:, j], supp[:, j], supp.any(axis=1), threshold)
                    if r is None:
                        ct_w[j] = True
                    else:
                        comp[r, j] = True
                    return True
        # the totals column (row totals add up to the grand total) and the totals row
        if has_rt and has_ct and not grand_w and (int(rt_w.sum()) == 1 or int(ct_w.sum()) == 1):
            grand_w = True
            return True
        return False

    for _ in range(nr * nc + nr + nc + 2):
        if not fix_one():
            break
    cells = np.where(primary, f"<{threshold}", np.where(comp, withheld_mark, v.astype(str))).astype(object)
    out = pd.DataFrame(cells, index=table.index, columns=table.columns)
    if has_rt:
        out[total_label] = np.where(rt_w, withheld_mark, v.sum(axis=1).astype(str)).astype(object)
    if has_ct:
        tot_row = [withheld_mark if w else str(t) for w, t in zip(ct_w, v.sum(axis=0), strict=True)]
        if has_rt:
            tot_row.append(withheld_mark if grand_w else str(int(v.sum())))
        out.loc[total_label] = tot_row
    return out


def small_cell_tables(df: pd.DataFrame, tables: Sequence[Sequence[str]], threshold: int = 11) -> dict[str, pd.DataFrame]:
    """Build and protect the spec's summary tables: [a] -> counts by a; [a, b] -> crosstab a x b.

    Keys are the column names joined by "_by_". Columns must exist in `df` (derive e.g. `month` first with
    generalize_date). Nulls count under "(missing)".
    """
    out: dict[str, pd.DataFrame] = {}
    for dims in tables:
        dims = list(dims)
        missing = [c for c in dims if c not in df.columns]
        if missing:
            raise SdcError(f"sdc-missing-column: {sorted(missing)}")
        if len(dims) == 1:
            counts = df[dims[0]].astype(object).fillna("(missing)").value_counts().sort_index().to_frame("count")
        elif len(dims) == 2:
            a = df[dims[0]].astype(object).fillna("(missing)")
            b = df[dims[1]].astype(object).fillna("(missing)")
            counts = pd.crosstab(a, b)
        else:
            raise SdcError("sdc-config: a summary table has one or two dimensions")
        out["_by_".join(dims)] = suppress_small_cells(counts, threshold)
    return out
