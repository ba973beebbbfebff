"""Summary tables of a release, small cells hidden, and the SVG charts drawn from them.

A table is a count of records by one or two dimensions of the released file: a column, or ``month`` /
``year`` derived from the dataset's period column (a ``month`` table of a release published at years is
drawn by year, and says so: the table follows the file, not the spec). Counts go through
``redaction.sdc.suppress_small_cells``: 1..threshold-1 print as ``<threshold``, and complementary cells or
totals print as ``*`` so that no hidden cell can be worked out from its row, its column or the totals shown
in the same table. A rate table (share of records with a yes/no column set) hides a rate whose numerator or
complement is a small cell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from redaction.sdc import SUPPRESSED, suppress_small_cells

WITHHELD_LABEL = "Withheld (*)"
EMPTY_LABEL = "Not recorded"
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_YEAR = re.compile(r"^(\d{4})")


@dataclass
class SummaryTable:
    """A rendered table: header, body rows of shown strings, and where it came from."""

    slug: str
    title: str
    rows_dim: str
    cols_dim: str | None
    header: list[str]
    body: list[list[str]]  # first cell is the row label
    note: str = ""
    rate_of: str | None = None
    counts: list[list[int]] = field(default_factory=list)  # true counts (never rendered; for tests and charts)
    totals_label: str = "Total"
    chart: dict[str, Any] | None = None

    def csv_text(self) -> str:
        """The table as CSV: the strings the page shows (hidden cells as ``<11`` or ``*``)."""
        def q(s: str) -> str:
            return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n\r') else s

        return "".join(",".join(q(c) for c in line) + "\r\n" for line in [self.header, *self.body])


def _strings(table: pa.Table, name: str) -> list[str]:
    col = table.column(name).combine_chunks()
    if pa.types.is_dictionary(col.type):
        col = col.cast(col.type.value_type)
    if pa.types.is_boolean(col.type):
        col = pc.if_else(col, "yes", "no")
    elif not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)):
        col = col.cast(pa.string())
    out = []
    for v in col.to_pylist():
        if v is None or v == "":
            out.append(EMPTY_LABEL)
        elif v == SUPPRESSED:
            out.append(WITHHELD_LABEL)
        else:
            out.append(v)
    return out


def period_level(values: Sequence[str], wanted: str) -> str:
    """``month`` if every dated value can be rolled up to a month (days, weeks, months), else ``year``."""
    if wanted == "month" and all(v in (EMPTY_LABEL, WITHHELD_LABEL) or _MONTH.match(v) or _WEEK.match(v)
                                 for v in values):
        return "month"
    return "year"


def _to_period(v: str, level: str) -> str:
    if v in (EMPTY_LABEL, WITHHELD_LABEL):
        return v
    if level == "month":
        m = _MONTH.match(v)
        if m:
            return f"{m.group(1)}-{m.group(2)}"
        w = _WEEK.match(v)
        if w:
            from datetime import date

            th = date.fromisocalendar(int(w.group(1)), int(w.group(2)), 4)
            return f"{th.year:04d}-{th.month:02d}"
    y = _YEAR.match(v)
    return y.group(1) if y else v


def dimension(table: pa.Table, dim: str, temporal: str | None) -> tuple[str, list[str]] | None:
    """The values of one dimension for every row, and its label; ``None`` if the file cannot give it."""
    if dim in ("month", "year") and temporal and temporal in table.column_names:
        vals = _strings(table, temporal)
        level = period_level(vals, dim)
        return level, [_to_period(v, level) for v in vals]
    if dim in table.column_names:
        return dim, _strings(table, dim)
    return None


def _order(labels: Sequence[str], enum: Sequence[str] = ()) -> list[str]:
    tail = [EMPTY_LABEL, WITHHELD_LABEL]
    known = [e for e in enum if e in labels]
    rest = sorted(x for x in set(labels) if x not in known and x not in tail)
    return known + rest + [t for t in tail if t in labels]


def crosstab(table: pa.Table, rows: str, cols: str | None, *, temporal: str | None, threshold: int,
             titles: Mapping[str, str], enums: Mapping[str, Sequence[str]] | None = None,
             rate_of: str | None = None, slug: str | None = None, title: str | None = None) -> SummaryTable | None:
    """Count records by ``rows`` (and ``cols``); hide small cells; ``None`` if a dimension is not in the file."""
    enums = enums or {}
    r = dimension(table, rows, temporal)
    c = dimension(table, cols, temporal) if cols else None
    if r is None or (cols and c is None):
        return None
    rname, rvals = r
    cname, cvals = c if c else (None, None)
    notes = []
    for asked, got in ((rows, rname), (cols, cname)):
        if asked in ("month", "year") and got != asked:
            notes.append(f"Asked for {asked}, but this release's dates cannot be rolled up to {asked}s: shown by {got}.")
    label = lambda d: "Month" if d == "month" else "Year" if d == "year" else titles.get(d, d)  # noqa: E731
    if not rvals:
        return None  # no record: no table
    row_keys = _order(rvals, enums.get(rows, ()))
    if rate_of:
        return _rate_table(table, rows, rname, rvals, cname, cvals, rate_of, threshold, label, row_keys, enums,
                           slug, title, notes)
    if cvals is None:
        df = pd.Series(rvals).value_counts().reindex(row_keys, fill_value=0).to_frame("Records")
        col_keys = ["Records"]
    else:
        col_keys = _order(cvals, enums.get(cols or "", ()))
        df = pd.crosstab(pd.Series(rvals, name="r"), pd.Series(cvals, name="c")).reindex(
            index=row_keys, columns=col_keys, fill_value=0)
    shown = _no_recoverable(suppress_small_cells(df.astype("int64"), threshold))
    header = [label(rname)] + [str(x) for x in shown.columns]
    body = [[str(idx)] + [_thousands(str(v)) for v in shown.loc[idx]] for idx in shown.index]
    name = title or (f"Records by {label(rname).lower()}" + (f" and {label(cname).lower()}" if cname else ""))
    return SummaryTable(slug=slug or _slug(rows, cols), title=name, rows_dim=rname, cols_dim=cname, header=header,
                        body=body, note=" ".join(notes), counts=df.to_numpy().tolist())


def recoverable(grid: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Hidden cells of a printed table (totals included as its last row and column) that a reader can compute
    exactly, by repeatedly solving a row or column whose sum has a single unknown."""
    def num(c: str) -> int | None:
        t = str(c).replace(",", "")
        return int(t) if t.isdigit() else None

    vals = [[num(c) for c in r] for r in grid]
    hidden = {(i, j) for i, r in enumerate(vals) for j, v in enumerate(r) if v is None}
    nr, nc = len(vals), len(vals[0]) if vals else 0
    lines = [[(i, j) for j in range(nc)] for i in range(nr)] + [[(i, j) for i in range(nr)] for j in range(nc)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if len(line) < 2:
                continue
            unknown = [p for p in line if vals[p[0]][p[1]] is None]
            if len(unknown) == 1:
                i, j = unknown[0]
                *cells, (ti, tj) = line
                known = sum(vals[a][b] or 0 for a, b in cells if (a, b) != (i, j))
                vals[i][j] = known if (i, j) == (ti, tj) else (vals[ti][tj] or 0) - known
                changed = True
    return sorted(p for p in hidden if vals[p[0]][p[1]] is not None)


def _no_recoverable(shown: pd.DataFrame) -> pd.DataFrame:
    """Withhold totals until no hidden cell can be computed from what the table prints (the suppression can
    leave a withheld grand total equal to the sum of shown row totals, which then unlocks the hidden cells)."""
    if shown.empty:
        return shown
    has_row, has_col = shown.index[-1] == "Total", shown.columns[-1] == "Total"
    if not (has_row or has_col) or not recoverable(shown.astype(str).to_numpy().tolist()):
        return shown
    for rows, cols in ((True, False), (False, True), (True, True)):
        trial = shown.copy()
        if rows and has_row:
            trial.iloc[-1, :] = SUPPRESSED
        if cols and has_col:
            trial.iloc[:, -1] = SUPPRESSED
        if not recoverable(trial.astype(str).to_numpy().tolist()):
            return trial
    return trial


def _rate_table(table: pa.Table, rows: str, rname: str, rvals: list[str], cname: str | None,
                cvals: list[str] | None, rate_of: str, threshold: int, label: Any, row_keys: list[str],
                enums: Mapping[str, Sequence[str]], slug: str | None, title: str | None,
                notes: list[str]) -> SummaryTable | None:
    if rate_of not in table.column_names:
        return None
    flag = _strings(table, rate_of)
    col_keys = _order(cvals, enums.get(cname or "", ())) if cvals is not None else ["All"]
    cv = cvals if cvals is not None else ["All"] * len(rvals)
    df = pd.DataFrame({"r": rvals, "c": cv, "y": [f == "yes" for f in flag]})
    g = df.groupby(["r", "c"])["y"].agg(["sum", "count"])
    body = []
    for rk in row_keys:
        line = [rk]
        for ck in col_keys:
            if (rk, ck) in g.index:
                yes, n = int(g.loc[(rk, ck), "sum"]), int(g.loc[(rk, ck), "count"])
            else:
                yes, n = 0, 0
            if n == 0:
                line.append("")
            elif yes < threshold or (n - yes) < threshold:
                line.append(SUPPRESSED)
            else:
                line.append(f"{100.0 * yes / n:.1f}%")
        body.append(line)
    header = [label(rname)] + [str(x) for x in col_keys]
    name = title or f"Share {label(rate_of).lower()} by {label(rname).lower()}"
    note = " ".join(notes + [f"Each cell is the share of records with {label(rate_of).lower()} = yes; a rate is "
                             f"withheld (*) when fewer than {threshold} records are yes or no."])
    return SummaryTable(slug=slug or _slug(rows, cname) + f"-rate-{rate_of}", title=name, rows_dim=rname,
                        cols_dim=cname, header=header, body=body, note=note, rate_of=rate_of)


def _slug(*parts: str | None) -> str:
    return "-by-".join(re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts if p) or "table"


def _thousands(text: str) -> str:
    return f"{int(text):,}" if text.isdigit() else text


# ------------------------------------------------------------------------------------------------- charts


def nice_ticks(peak: float, target: int = 4) -> list[int]:
    """Axis ticks at round numbers (1, 2, 2.5 or 5 times a power of ten) from 0 to at least ``peak``."""
    peak = max(float(peak), 1.0)
    raw = peak / target
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    if step < 1:
        step = 1
    top = math.ceil(peak / step) * step
    n = int(round(top / step))
    return [int(round(i * step)) for i in range(n + 1)]


def bar_chart(labels: Sequence[str], values: Sequence[int | None], shown: Sequence[str], title: str, *,
              threshold: int) -> dict[str, Any]:
    """Horizontal bars, one per label, sized for a phone (viewBox 480 wide, 14-unit text).

    A hidden count (``shown`` not a number) is drawn as an outlined bar of length ``threshold`` with its shown
    text, so its value cannot be read off the chart.
    """
    width, left, right_pad, bar_h, gap, top = 480, 8, 64, 18, 26, 8
    plot_w = width - left - right_pad
    vis = [v for v, s in zip(values, shown, strict=True) if v is not None and s.replace(",", "").isdigit()]
    ticks = nice_ticks(max(vis + [threshold]))
    peak = ticks[-1]
    bars = []
    y = top
    for lab, v, s in zip(labels, values, shown, strict=True):
        hidden = not s.replace(",", "").isdigit()
        val = threshold if hidden else (v or 0)
        w = plot_w * val / peak
        bars.append({"label": lab, "text": s, "x": left, "y": y + 16, "w": round(w, 2), "h": bar_h,
                     "ty": y + 12, "vx": round(left + w + 4, 2), "vy": y + 16 + 13, "hidden": hidden})
        y += bar_h + gap
    height = y + 22
    tick_marks = [{"x": round(left + plot_w * t / peak, 2), "text": f"{t:,}"} for t in ticks]
    return {"width": width, "height": height, "bars": bars, "ticks": tick_marks, "title": title,
            "base": y + 2, "left": left, "right": left + plot_w}
