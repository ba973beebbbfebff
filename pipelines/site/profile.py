"""What a released file actually holds, column by column: the release-true data dictionary.

The policy says what the pipeline *may* do to a column (coarsen a date to the day, keep a code); disclosure
control then decides, per release, how far it went (the whole file at years, a column withheld as ``*``). A
reader needs the second. :func:`profile_table` reads the released table itself (never the policy or
provenance) and states, per column: how many rows are withheld (``*``) or empty, the level its values are at
(share of rows at day / week / month / quarter / year, hour / 4-hour block / part of day, age-band width,
hundred block / district), its values with counts or its range, and plain-language lines on what the release
can and cannot be used for. Counts go through the small-cell rule of the site (``redaction.sdc``), so the
dictionary never shows a count from 1 to threshold - 1 next to figures it could be recovered from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from redaction.sdc import _AGE_SCHEMES, SUPPRESSED, suppress_small_cells

#: Most distinct values listed with their counts; a column with more is described by its range or length.
MAX_VALUES = 30

#: Level families: (family, [(level key, pattern)]) in finest-first order. A column belongs to a family when
#: every one of its present values matches a level of it.
_FAMILIES: list[tuple[str, list[tuple[str, re.Pattern[str]]]]] = [
    ("period", [
        ("day", re.compile(r"^\d{4}-\d{2}-\d{2}([T ].*)?$")),
        ("week", re.compile(r"^\d{4}-W\d{2}$")),
        ("month", re.compile(r"^\d{4}-\d{2}$")),
        ("quarter", re.compile(r"^\d{4}-Q[1-4]$")),
        ("year", re.compile(r"^\d{4}$")),
    ]),
    ("time", [
        ("hour", re.compile(r"^\d{2}:\d{2}$")),
        ("4h", re.compile(r"^\d{2}:00-\d{2}:59$")),
        ("part_of_day", re.compile(r"^(night|morning|afternoon|evening)$")),
    ]),
    ("age", [
        ("5y", re.compile(r"^(\d+)-(\d+)$")),  # width decided below (5 or 10 years)
        ("open", re.compile(r"^\d+\+$|^(under|over) \d+$")),
        ("minor_adult", re.compile(r"^(minor|adult)$")),
    ]),
]

#: Words for a level, as a reader says them (internal names never reach the page).
LEVEL_LABELS = {
    "day": "day", "week": "ISO week", "month": "month", "quarter": "quarter", "year": "year",
    "hour": "hour", "4h": "4-hour block", "part_of_day": "part of day (night, morning, afternoon, evening)",
    "5y": "5-year age band", "10y": "10-year age band", "open": "open-ended age band (e.g. 65+)",
    "minor_adult": "minor or adult only",
    "block": "hundred block", "value": "as recorded",
}
_FINEST = {"period": "day", "time": "hour", "age": "5-year age band"}


@dataclass
class Count:
    """One shown count: the label, the true count (never rendered) and the text the page shows."""

    label: str
    count: int
    shown: str
    share: str = ""  # "12%" of all rows; empty when the count is hidden


@dataclass
class ColumnProfile:
    """One column of a released file, as it is."""

    name: str
    title: str
    rows: int
    withheld: int
    empty: int
    family: str | None = None
    levels: list[Count] = field(default_factory=list)
    values: list[Count] = field(default_factory=list)
    distinct: int = 0
    low: str | None = None
    high: str | None = None
    kind: str = "text"  # identifier | code | flag | period | time | age | place | number | text
    uses: list[str] = field(default_factory=list)
    level_keys: list[str] = field(default_factory=list)
    withheld_shown: str = "0"
    empty_shown: str = "0"

    @property
    def present(self) -> int:
        """Rows with a published value (neither withheld nor empty)."""
        return self.rows - self.withheld - self.empty


def _pct(n: int, total: int) -> str:
    if total <= 0:
        return ""
    p = 100.0 * n / total
    if 0 < p < 1:
        return "<1%"
    if 99 < p < 100:
        return ">99%"
    return f"{p:.0f}%"


def shown_counts(items: Sequence[tuple[str, int]], threshold: int, total: int) -> list[Count]:
    """Counts of a one-way table, small cells hidden with complementary suppression against ``total``."""
    items = [(label, n) for label, n in items if n > 0]
    if not items:
        return []
    df = pd.DataFrame({"n": [n for _, n in items]}, index=[str(i) for i in range(len(items))])
    out = suppress_small_cells(df, threshold)
    shown = [str(out["n"].iloc[i]) for i in range(len(items))]
    res = []
    for (label, n), text in zip(items, shown, strict=True):
        hidden = not text.isdigit()
        res.append(Count(label=label, count=n, shown=text if hidden else f"{n:,}",
                         share="" if hidden else _pct(n, total)))
    return res


def _lone(n: int, threshold: int) -> str:
    return f"<{threshold}" if 0 < n < threshold else f"{n:,}"


def _as_strings(col: pa.ChunkedArray) -> pa.Array:
    arr = col.combine_chunks()
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(arr.type.value_type)
    if pa.types.is_boolean(arr.type):
        return pc.if_else(arr, "true", "false")
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = arr.cast(pa.string())
    return arr


#: The project's own age bands (`redaction.sdc` ladders): label -> level, so "0-17" and "18-29" read as the
#: 10-year scheme they belong to, not as 18- and 12-year bands.
_SCHEME_OF = {lab: lv for lv, scheme in _AGE_SCHEMES.items() for _, _, lab in scheme}


def _level_of(family: list[tuple[str, re.Pattern[str]]], value: str) -> str | None:
    if family is dict(_FAMILIES)["age"] and value in _SCHEME_OF:
        return _SCHEME_OF[value]
    for key, pat in family:
        m = pat.match(value)
        if m:
            if key == "5y":
                lo, hi = int(m.group(1)), int(m.group(2))
                width = hi - lo + 1
                return "5y" if width == 5 else "10y" if width == 10 else f"{width}y"
            return key
    return None


def _family(values: Sequence[str]) -> str | None:
    if not values:
        return None
    for name, levels in _FAMILIES:
        if all(_level_of(levels, v) is not None for v in values):
            return name
    return None


def profile_table(table: pa.Table, schema: Mapping[str, Any], threshold: int, *,
                  ladders: Mapping[str, Mapping[str, Any]] | None = None) -> list[ColumnProfile]:
    """Profile every column of a released ``table`` (Parquet as published) in schema order.

    ``ladders`` is the policy's ``k_anonymity.quasi_identifiers`` (only used to know that a place column falls
    back to other columns: its value is then compared, row by row, with those columns in the same file).
    """
    fields = {f["name"]: f for f in schema.get("fields") or []}
    out = []
    for name in table.column_names:
        out.append(_profile_column(table, name, fields.get(name) or {}, threshold, dict(ladders or {})))
    return out


def _profile_column(table: pa.Table, name: str, f: Mapping[str, Any], threshold: int,
                    ladders: Mapping[str, Any]) -> ColumnProfile:
    col = table.column(name)
    rows = table.num_rows
    arr = _as_strings(col)
    vc = pc.value_counts(arr)
    counts: Counter[str] = Counter()
    empty = 0
    for v, n in zip(vc.field("values").to_pylist(), vc.field("counts").to_pylist(), strict=True):
        if v is None or v == "":
            empty += n
        else:
            counts[v] += n
    withheld = counts.pop(SUPPRESSED, 0)
    title = str(f.get("title") or name)
    p = ColumnProfile(name=name, title=title, rows=rows, withheld=withheld, empty=empty, distinct=len(counts))
    p.withheld_shown, p.empty_shown = _lone(withheld, threshold), _lone(empty, threshold)
    cons = dict(f.get("constraints") or {})
    ftype = f.get("type") or "string"
    present = p.present
    if pa.types.is_boolean(col.type) or ftype == "boolean":
        p.kind = "flag"
        items = [("yes", counts.get("true", 0)), ("no", counts.get("false", 0))]
        p.values = shown_counts(items, threshold, rows)
    elif cons.get("unique"):
        p.kind = "identifier"
    elif re.fullmatch(r"[a-z]+_\[0-9a-f\]\{16\}", str(cons.get("pattern") or "")):
        p.kind = "pseudonym"
    else:
        fam = _family(list(counts))
        ladder = (ladders.get(name) or {}).get("ladder")
        if fam:
            p.kind = fam
            levels = dict(_FAMILIES)[fam]
            per: Counter[str] = Counter()
            for v, n in counts.items():
                per[_level_of(levels, v) or "value"] += n
            order = ["5y", "10y", "minor_adult", *[k for k, _ in levels]]
            items = sorted(per.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
            p.levels = shown_counts([(LEVEL_LABELS.get(k, k.replace("y", "-year age band")), n) for k, n in items],
                                    threshold, rows)
            p.level_keys = [k for k, _ in items if k in dict(items) and per[k] > 0]
        elif ladder == "columns":
            p.kind = "place"
            p.levels = shown_counts(_place_levels(table, name, arr, ladders[name]), threshold, rows)
        elif ftype in ("integer", "number"):
            p.kind = "number"
        if p.kind in ("period", "number") and counts:
            keys = sorted(counts, key=(lambda s: float(s)) if p.kind == "number" else None)
            p.low, p.high = keys[0], keys[-1]
        if 0 < len(counts) <= MAX_VALUES:
            if p.kind == "text":
                p.kind = "code"
            enum = [str(x) for x in cons.get("enum") or []]
            key = (lambda kv: (enum.index(kv[0]) if kv[0] in enum else len(enum), kv[0])) if enum else (
                lambda kv: kv[0]) if p.kind in ("period", "time", "age") else (lambda kv: (-kv[1], kv[0]))
            p.values = shown_counts(sorted(counts.items(), key=key), threshold, rows)
    _suppress_missing(p, threshold)
    p.uses = _uses(p, present, threshold)
    return p


def _suppress_missing(p: ColumnProfile, threshold: int) -> None:
    """Withheld and empty rows are cells of the same line as the values (and the levels): the line sums to the
    published row count, so they are suppressed together with them, never as lone figures."""
    missing = [("\x00withheld", p.withheld), ("\x00empty", p.empty)]
    line = shown_counts([(c.label, c.count) for c in p.values] + missing, threshold, p.rows)
    by = {c.label: c.shown for c in line}
    p.withheld_shown, p.empty_shown = by.get("\x00withheld", "0"), by.get("\x00empty", "0")
    p.values = [c for c in line if not c.label.startswith("\x00")] if p.values else []
    if p.levels and not (p.withheld_shown.replace(",", "").isdigit() and p.empty_shown.replace(",", "").isdigit()):
        for c in p.levels:  # a hidden missing count beside exact levels would be their difference to the total
            c.shown = "*"


def _place_levels(table: pa.Table, name: str, arr: pa.Array, ladder: Mapping[str, Any]) -> list[tuple[str, int]]:
    """Rows of a place column at each level: a hundred block, or equal to another published column's value."""
    others = [c for c in ladder.get("levels") or [] if c not in (name, SUPPRESSED) and c in table.column_names]
    values = arr.to_pylist()
    other_vals = {c: _as_strings(table.column(c)).to_pylist() for c in others}
    per: Counter[str] = Counter()
    block = re.compile(r"^\d+ block of ", re.IGNORECASE)
    for i, v in enumerate(values):
        if v in (None, "", SUPPRESSED):
            continue
        if block.match(v):
            per["hundred block"] += 1
            continue
        same = next((c for c in others if other_vals[c][i] == v), None)
        per[f"same as {same}" if same else "other area"] += 1
    return sorted(per.items(), key=lambda kv: -kv[1])


def _mix(p: ColumnProfile) -> str:
    """The levels of a column that mixes them, with the share of rows at each (and withheld), as shown counts
    allow: "month 93%, quarter 3%, year 3%; withheld 1%"."""
    text = ", ".join(f"{c.label} {c.share}" if c.share else c.label for c in p.levels)
    if p.withheld and p.withheld >= 11 and p.withheld_shown.replace(",", "").isdigit():
        text += f"; withheld {_pct(p.withheld, p.rows)}"
    return text


def _uses(p: ColumnProfile, present: int, threshold: int) -> list[str]:
    """Plain-language lines: what this release can and cannot be used for, from this column."""
    t = p.title.lower() if p.title else p.name
    out: list[str] = []
    if p.rows and p.withheld == p.rows:
        return [f"{p.title} is withheld in 100% of rows: this release cannot be used to study anything by {t}."]
    if p.rows and p.empty == p.rows:
        return [f"{p.title} is empty in every row: this release says nothing about {t}."]
    if p.withheld:
        pct = _pct(p.withheld, p.rows) if p.withheld >= threshold else f"fewer than {threshold}"
        share = f"{pct} of rows" if p.withheld >= threshold else f"{pct} rows"
        out.append(f"{p.title} is withheld in {share} (disclosure control): figures by {t} cover only the "
                   "other rows, and the withheld rows may not be a random sample.")
    if p.empty >= threshold:
        out.append(f"{p.title} is empty in {_pct(p.empty, p.rows)} of rows.")
    if p.levels and p.kind in ("period", "time", "age"):
        labels = [c.label for c in p.levels]
        coarsest = labels[-1]
        finest = _FINEST.get(p.kind or "", "")
        if len(labels) == 1:
            line = f"Every published value is at the {coarsest} level"
            if p.kind == "period":
                line += f": counts per {coarsest} (or coarser) are possible, nothing finer."
            else:
                line += "."
            if finest and coarsest != finest and p.kind == "period":
                line += f" The release cannot be used to study patterns by {finest} or month within a year." if (
                    coarsest == "year") else ""
            out.append(line.strip())
        elif p.kind == "age" and not set(p.level_keys) <= set(_AGE_SCHEMES):
            out.append(f"Age bands of different widths ({_mix(p)}), as the agencies recorded them: "
                       "compare only bands that line up.")
        else:
            out.append(f"Values mix levels ({_mix(p)}): compare groups at the {coarsest} level, the "
                       "only one every row can be rolled up to.")
    if p.kind == "period":
        out.append("Read this column as text (for example pandas dtype=str): its values are ISO periods, and a "
                   "year such as 2023 is a period, not a number; the level can change between versions.")
    if p.kind == "place" and p.levels:
        out.append("Places are given as: " + ", ".join(c.label for c in p.levels) + "; no address is published.")
    if p.kind == "identifier":
        out.append("A keyed pseudonym: use it to count records and to follow a record across versions; it "
                   "cannot be turned back into the agency's number.")
    if p.kind == "code" and p.distinct == 1 and not p.withheld:
        out.append(f"One value only in this release: {t} cannot be compared across groups.")
    if p.kind == "pseudonym":
        out.append(f"A keyed pseudonym repeated across rows ({p.distinct:,} distinct): follow one across records "
                   "and versions; it does not say who it is.")
    if p.kind == "text" and p.distinct > MAX_VALUES:
        out.append("Free text: names, addresses and numbers were replaced by placeholders such as [PERSON 1] "
                   "before publication; accented letters are written composed (Unicode NFC), other spaces as plain "
                   "spaces, HTML references of letters and quotes as their characters, invisible characters removed.")
    return out
