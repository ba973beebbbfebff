"""Records per period of a release's date column: parse ISO days, weeks, months, quarters and years, count per
month (or the coarsest unit present), hide small cells, and lay out the records-over-time SVG chart."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

DEFAULT_SMALL_CELL = 11


def suppress_count(n: int, threshold: int = DEFAULT_SMALL_CELL) -> str:
    """Small-cell rule for a single displayed count: 1..threshold-1 print as ``<threshold``; 0 and larger as is.

    Same rule as ``redaction.sdc.suppress_small_cells``, for lone figures; tables go through :func:`period_table`,
    which also applies complementary suppression.
    """
    if 0 < n < threshold:
        return f"<{threshold}"
    return f"{n:,}"


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_UNITS = ("month", "quarter", "year")  # finest first


def _period(value: str) -> tuple[str, str] | None:
    """``(granularity, key)``: a day or ISO week maps to its month (a week to the month of its Thursday)."""
    m = _DAY.match(value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return ("month", f"{y:04d}-{mo:02d}") if 1 <= mo <= 12 else None
    m = _WEEK.match(value)
    if m:
        try:
            thursday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 4)
        except ValueError:
            return None
        return "month", f"{thursday.year:04d}-{thursday.month:02d}"
    m = _MONTH.match(value)
    if m:
        mo = int(m.group(2))
        return ("month", f"{int(m.group(1)):04d}-{mo:02d}") if 1 <= mo <= 12 else None
    m = _QUARTER.match(value)
    if m:
        return "quarter", f"{int(m.group(1)):04d}-Q{m.group(2)}"
    m = _YEAR.match(value)
    if m:
        return "year", m.group(1)
    return None


def _coarsen(key: str, unit: str) -> str:
    """A month or quarter key at a coarser unit ("2024-05" -> "2024-Q2" or "2024")."""
    year = key[:4]
    if unit == "year":
        return year
    if unit == "quarter" and "-Q" not in key:
        return f"{year}-Q{(int(key[5:7]) - 1) // 3 + 1}"
    return key


def _period_bounds(key: str) -> tuple[date, date]:
    if len(key) == 4:
        return date(int(key), 1, 1), date(int(key), 12, 31)
    if "-Q" in key:
        y, q = key.split("-Q")
        start = date(int(y), 3 * (int(q) - 1) + 1, 1)
        end_month = 3 * int(q)
    else:
        y, mo = key.split("-")
        start = date(int(y), int(mo), 1)
        end_month = int(mo)
    nxt = date(start.year + (end_month // 12), end_month % 12 + 1, 1)
    return start, date.fromordinal(nxt.toordinal() - 1)


def _all_periods(first: str, last: str, unit: str) -> list[str]:
    out = []
    if unit == "year":
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    if unit == "quarter":
        y, q = (int(x) for x in first.split("-Q"))
        ly, lq = (int(x) for x in last.split("-Q"))
        while (y, q) <= (ly, lq):
            out.append(f"{y:04d}-Q{q}")
            y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    else:
        y, m = (int(x) for x in first.split("-"))
        ly, lm = (int(x) for x in last.split("-"))
        while (y, m) <= (ly, lm):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@dataclass
class PeriodCounts:
    """Records per month (or per quarter when some dates were coarsened to quarters)."""

    unit: str  # "month" | "quarter" | "year"
    counts: list[tuple[str, int]]  # every period from first to last, zeros included
    undated: int  # null or unparseable values
    sources: dict[str, int]  # granularity found in the data -> number of records ("day", "week", ...)
    total: int

    @property
    def start(self) -> date | None:
        return _period_bounds(self.counts[0][0])[0] if self.counts else None

    @property
    def end(self) -> date | None:
        return _period_bounds(self.counts[-1][0])[1] if self.counts else None


def period_counts(column: pa.ChunkedArray | pa.Array) -> PeriodCounts:
    """Count records per month from a temporal column whose values may be YYYY-MM-DD, YYYY-Www, YYYY-MM,
    YYYY-Qn or YYYY (or a date/timestamp type). Weeks count in the month of their Thursday; if some values are
    quarters (years), everything is aggregated to quarters (years)."""
    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        if pa.types.is_dictionary(arr.type):
            arr = arr.cast(arr.type.value_type)
        arr = arr.cast(pa.string())
    vc = pc.value_counts(arr)
    values = vc.field("values").to_pylist()
    counts = vc.field("counts").to_pylist()
    per: Counter[tuple[str, str]] = Counter()
    sources: Counter[str] = Counter()
    undated = 0
    for v, n in zip(values, counts, strict=True):
        p = _period(v) if isinstance(v, str) else None
        if p is None:
            undated += n
            continue
        per[p] += n
        kind = "day" if _DAY.match(v) else "week" if _WEEK.match(v) else p[0]
        sources[kind] += n
    unit = max((g for g, _ in per), key=_UNITS.index, default="month")
    agg: Counter[str] = Counter()
    for (_g, key), n in per.items():
        agg[_coarsen(key, unit)] += n
    series: list[tuple[str, int]] = []
    if agg:
        keys = sorted(agg)
        series = [(k, agg.get(k, 0)) for k in _all_periods(keys[0], keys[-1], unit)]
    return PeriodCounts(unit=unit, counts=series, undated=undated, sources=dict(sources), total=len(arr))


UNDATED_LABEL = "No usable date"


def period_table(pc_: PeriodCounts, threshold: int = DEFAULT_SMALL_CELL) -> list[tuple[str, str]]:
    """Rows ``(label, shown count)`` of the records-per-period table, small cells hidden.

    Uses ``redaction.sdc.suppress_small_cells`` (counts 1..threshold-1 print as ``<threshold``, complementary
    cells as ``*`` so a hidden cell cannot be recovered from the total); a ``Total`` row is included. Falls
    back to the plain rule of :func:`suppress_count` if that module is unavailable.
    """
    labels = [k for k, _ in pc_.counts] + ([UNDATED_LABEL] if pc_.undated else [])
    counts = [c for _, c in pc_.counts] + ([pc_.undated] if pc_.undated else [])
    if not labels:
        return []
    try:
        import pandas as pd

        from redaction.sdc import suppress_small_cells
    except ImportError:  # pragma: no cover - sdc is part of the package
        rows = [(lab, suppress_count(c, threshold)) for lab, c in zip(labels, counts, strict=True)]
        return rows + ([("Total", f"{sum(counts):,}")] if len(rows) > 1 else [])
    out = suppress_small_cells(pd.DataFrame({"Records": counts}, index=labels), threshold)
    return [(str(lab), _thousands(str(v))) for lab, v in zip(out.index, out["Records"], strict=True)]


def _thousands(text: str) -> str:
    return f"{int(text):,}" if text.isdigit() else text


def _chart(pc_: PeriodCounts, threshold: int, title: str, shown: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Geometry of an inline SVG bar chart; hidden cells (``shown`` text not a number) are drawn as an outlined
    bar of height ``threshold`` so their value cannot be read off the chart."""
    n = len(pc_.counts)
    width, height, left, bottom, top = 480, 240, 52, 40, 16
    plot_w, plot_h = width - left - 12, height - bottom - top
    from pipelines.site.tables import nice_ticks

    axis = nice_ticks(max([c for k, c in pc_.counts if (shown or {}).get(k, "0").replace(",", "").isdigit()]
                          + [threshold, 1]))
    peak = axis[-1]
    step = plot_w / max(n, 1)
    bar_w = max(step * 0.8, 1.0)
    bars = []
    label_every = max(1, (n + 11) // 12)
    texts = dict(shown or {})
    for i, (key, count) in enumerate(pc_.counts):
        text = texts.get(key, suppress_count(count, threshold))
        suppressed = not text.replace(",", "").isdigit()
        h = plot_h * (threshold if suppressed else count) / peak
        bars.append(
            {
                "x": round(left + i * step + (step - bar_w) / 2, 2),
                "y": round(top + plot_h - h, 2),
                "w": round(bar_w, 2),
                "h": round(h, 2),
                "label": key,
                "text": text,
                "suppressed": suppressed,
                "show_label": i % label_every == 0,
                "lx": round(left + i * step + step / 2, 2),
            }
        )
    ticks = []
    for val in axis:
        ticks.append({"y": round(top + plot_h - plot_h * val / peak, 2), "text": f"{val:,}"})
    return {
        "width": width,
        "height": height,
        "left": left,
        "top": top,
        "base": top + plot_h,
        "right": width - 12,
        "bars": bars,
        "ticks": ticks,
        "title": title,
    }
