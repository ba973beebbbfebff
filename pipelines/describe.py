"""Describe an unknown export: its layout, columns, types, missing-value markers, keys and closest contracts,
and a draft contract and mapping to complete (`python -m pipelines.cli describe FILE`).

What a data officer needs to onboard a new agency's file without reading it cell by cell. Nothing personal is
shown: columns are described by counts, lengths and detected formats; values are listed only for code columns
(few distinct values, each seen many times), and missing-value markers come from a fixed list of markers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from pipelines import readers
from pipelines.catalog.spec import difference_note

CODE_MAX_DISTINCT = 30  # a column with at most this many distinct values...
CODE_MIN_COUNT = 5  # ...each seen at least this often holds codes, not personal data: its values may be shown
CODE_MIN_ROWS = 50  # ...in a column of at least this many values (in a tiny file, names repeat too)
# labels of columns whose values are never listed, whatever their counts (a handful of officers, say)
_PERSONAL_LABEL = re.compile(
    r"name|address|addr\b|phone|e-?mail|ssn|birth|dob|badge|plate|\bvin\b|licen[cs]e|narrative|comment|note|remark"
    r"|id\b|id$|number|\bno\b|\bnum\b",
    re.I,
)
MARKERS = (
    "", " ", "NULL", "null", "Null", "(null)", "-", "--", "NA", "N/A", "n/a", "na", "None", "none", "NONE",
    "Unknown", "UNKNOWN", "unknown", "?", "nan", "NaN", "#N/A", "Not Available", "UNK",
)
DATE_FORMATS = (
    "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z", "%Y/%m/%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M:%S%z",
    "%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%y", "%m/%d/%y %H:%M", "%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d-%m-%Y", "%d.%m.%Y",
    "%m-%d-%Y", "%Y%m%d", "%d-%b-%Y", "%d-%b-%y", "%b %d %Y", "%B %d, %Y", "%Y-%m", "%m/%Y",
)
MONTH_ONLY = ("%Y-%m", "%m/%Y")
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%H:%M:%S.%f", "%I:%M %p", "%I:%M:%S %p", "%H%M")
_INT = re.compile(r"^[+-]?\d+$")
_NUM = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_BOOL = {"y", "n", "yes", "no", "true", "false", "t", "f"}


@dataclass
class Column:
    """One column of the export, described by counts only (values only for code columns)."""

    name: str
    filled: int
    markers: dict[str, int]  # missing-value markers seen -> rows
    distinct: int
    type: str  # string, integer, number, boolean, date, datetime, time
    format: str | None = None  # strftime format (or epoch_ms) for dates and times
    ambiguous_formats: list[str] = field(default_factory=list)
    codes: dict[str, int] | None = None  # value -> rows, for code columns only
    max_length: int = 0
    multi_valued: str | None = None  # a delimiter that packs several values into a cell

    @property
    def is_code(self) -> bool:
        return self.codes is not None


@dataclass
class ContractDiff:
    """How far the export's headers are from one existing source contract."""

    dataset: str
    source: str
    score: float
    missing: list[str]
    extra: list[str]


@dataclass
class Description:
    file: str
    format: str
    encoding: str | None
    header_row: int
    footer_rows: int
    record_path: str | None
    rows: int
    headers: list[str]
    columns: list[Column]
    duplicate_rows: int
    keys: list[list[str]]
    closest: list[ContractDiff]
    duplicated_labels: list[str]
    sheets: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- reading


def _layout(path: Path, fmt: str, sheet: str | None) -> tuple[int, str | None]:
    """(header row, JSON record path) as the readers detect them."""
    if fmt == "csv":
        return readers._csv_info(path).header_lines, None
    if fmt == "xlsx":
        data, _ = readers._xlsx_grid(path, sheet)
        start = 0
        while start < len(data) and all(c in ("", None) for c in data[start]):
            start += 1
        return start + readers.banner_rows(data[start:]) + 1, None
    if fmt == "json":
        import json

        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
        if isinstance(doc, dict):
            feats = doc.get("features")
            if isinstance(feats, list) and feats and isinstance(feats[0], dict) and "attributes" in feats[0]:
                return 1, "features[].attributes"
            if isinstance(feats, list) and feats and isinstance(feats[0], dict) and "properties" in feats[0]:
                return 1, "features[].properties"
            lists = [k for k, v in doc.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
            return 1, lists[0] if len(lists) == 1 else None
    return 1, None


def _footer(export: readers.ExportTable, ncols: int) -> int:
    """Trailing records that are notes, totals or sign-offs: one filled cell (or a short ragged row)."""
    if ncols < 3:
        return 0
    table = export.table
    by_row: dict[int, int] = {}
    numbers = export.row_numbers.to_pylist()
    tail = range(max(0, len(numbers) - 12), len(numbers))
    for i in tail:
        by_row[numbers[i]] = sum(1 for c in table.slice(i, 1).to_pylist()[0].values() if c not in (None, ""))
    for issue in export.issues:
        by_row[issue.row] = 0 if issue.code == "missing-cell" else ncols
    n = 0
    for row in sorted(by_row, reverse=True):
        if by_row[row] > 1:
            break
        n += 1
    return n


def read_any(path: Path, sheet: str | None = None, **layout: Any) -> tuple[list[str], readers.ExportTable, list[str]]:
    """Read an export whose contract is unknown: (headers, all-string table named by header, duplicated labels)."""
    fmt = readers.detect_format(path)
    headers = readers.read_headers(path, fmt=fmt, sheet=sheet, header_row=layout.get("header_row"),
                                   record_path=layout.get("record_path"))
    counts: dict[str, int] = {}
    for h in headers:
        key = readers.normalize_label(h)
        if key:
            counts[key] = counts.get(key, 0) + 1
    dup = [h for h in dict.fromkeys(headers) if counts.get(readers.normalize_label(h), 0) > 1]
    # a label used twice cannot be told apart by name: those columns are reported, not described
    fields = [{"name": h, "type": "string"} for h in headers if counts.get(readers.normalize_label(h), 0) == 1]
    contract = {"fields": fields, "missingValues": [""]}
    export = readers.read_export(path, contract, fmt=fmt, sheet=sheet, unknown="ignore", **layout)
    return headers, export, dup


# ---------------------------------------------------------------------------------------------- inference


def _parses(values: Sequence[str], fmt: str) -> float:
    if not values:
        return 0.0
    parsed = pd.to_datetime(pd.Series(list(values), dtype=object), format=fmt, errors="coerce")
    return float(parsed.notna().mean())


def infer_type(values: Counter[str]) -> tuple[str, str | None, list[str]]:
    """(type, format, other formats that fit as well) from the distinct non-missing values."""
    distinct = [v.strip() for v in values]
    if not distinct:
        return "string", None, []
    sample = distinct[:3000]
    if all(_INT.match(v) for v in sample):
        big = [int(v) for v in sample]
        if all(10**11 <= b < 4 * 10**12 for b in big):  # 1973..2096 in milliseconds; longer: case numbers
            return "datetime", "epoch_ms", []
        return "integer", None, []
    if all(_NUM.match(v) for v in sample):
        return "number", None, []
    if {v.casefold() for v in sample} <= _BOOL:
        return "boolean", None, []
    for kind, formats in (("date", DATE_FORMATS), ("time", TIME_FORMATS)):
        fits = [f for f in formats if _parses(sample, f) >= 0.98]
        if fits:
            best = fits[0]
            typ = kind
            if kind == "date" and any(t in best for t in ("%H", "%I")):
                typ = "datetime"
            return typ, best, fits[1:]
    if _parses(sample, "ISO8601") >= 0.98:
        return "datetime", "ISO8601", []
    return "string", None, []


def _multi(values: Counter[str]) -> str | None:
    """A delimiter packing several values into one cell (`5|18`, `A, B`), when most multi-part cells use it."""
    for delim in ("|", ";", ","):
        with_it = sum(n for v, n in values.items() if delim in v)
        if with_it and with_it >= 0.2 * sum(values.values()):
            parts = Counter(p.strip() for v in values for p in v.split(delim))
            if len(parts) <= CODE_MAX_DISTINCT * 2 and len(parts) < len(values):
                return delim
    return None


def describe_column(name: str, cells: list[str | None]) -> Column:
    raw = Counter("" if c is None else c for c in cells)
    markers = {m: raw[m] for m in MARKERS if raw.get(m)}
    values = Counter({v: n for v, n in raw.items() if v not in markers and v.strip()})
    typ, fmt, others = infer_type(values)
    col = Column(
        name=name,
        filled=sum(values.values()),
        markers=markers,
        distinct=len(values),
        type=typ,
        format=fmt,
        ambiguous_formats=others,
        max_length=max((len(v) for v in values), default=0),
    )
    if (0 < len(values) <= CODE_MAX_DISTINCT and min(values.values()) >= CODE_MIN_COUNT
            and col.filled >= CODE_MIN_ROWS and not _PERSONAL_LABEL.search(name)):
        col.codes = dict(values.most_common())
    elif typ == "string":
        col.multi_valued = _multi(values)
    return col


def candidate_keys(frame: pd.DataFrame, columns: Sequence[Column]) -> list[list[str]]:
    """Columns, then pairs of columns, that are filled and unique in every row."""
    n = len(frame)
    if not n:
        return []
    full = [c.name for c in columns if c.filled == n and not c.is_code and c.max_length <= 40]  # not free text
    singles = [[c] for c in full if frame[c].nunique() == n]
    if singles:
        return singles[:5]
    ranked = sorted(full, key=lambda c: -frame[c].nunique())[:8]
    pairs = []
    for i, a in enumerate(ranked):
        for b in ranked[i + 1:]:
            if not frame.duplicated([a, b]).any():
                pairs.append([a, b])
    return pairs[:5]


def closest_contracts(headers: Sequence[str], specs: Sequence[Any], top: int = 3) -> list[ContractDiff]:
    """The existing source contracts nearest to these headers (share of matched columns), with differences."""
    out = []
    for spec in specs:
        for src in spec.sources:
            try:
                m = readers.match_headers(list(headers), src.contract)
            except Exception:  # noqa: S112 - an unreadable contract is reported by `check`, not here
                continue
            present = {c for c in m.columns if c}
            missing = [f["name"] for f in src.contract["fields"] if f["name"] not in present]
            denom = len(present) + len(missing) + len(m.unknown)
            out.append(ContractDiff(spec.name, src.name, len(present) / max(denom, 1), missing, list(m.unknown)))
    out.sort(key=lambda d: -d.score)
    return [d for d in out if d.score > 0][:top]


def describe(
    path: Path,
    specs: Sequence[Any] = (),
    sheet: str | None = None,
    *,
    header_row: int | None = None,
    footer_rows: int | None = None,
    record_path: str | None = None,
) -> Description:
    """Describe an export; `header_row`, `footer_rows` and `record_path` override what is detected."""
    fmt = readers.detect_format(path)
    found_header, found_path = _layout(path, fmt, sheet) if header_row is None or record_path is None else (1, None)
    header_row = header_row or found_header
    record_path = record_path or found_path
    layout: dict[str, Any] = {"record_path": record_path} if record_path else {}
    if header_row > 1 or fmt in ("csv", "xlsx"):
        layout["header_row"] = header_row
    headers, export, dup = read_any(path, sheet, **layout)
    footer = _footer(export, len(headers)) if footer_rows is None else footer_rows
    if footer:
        headers, export, dup = read_any(path, sheet, footer_rows=footer, **layout)
    frame = export.table.to_pandas()
    columns = [describe_column(str(c), frame[c].tolist()) for c in frame.columns]
    dup_rows = int(frame.duplicated(keep="first").sum()) if len(frame) else 0
    return Description(
        file=path.name,
        format=fmt,
        encoding=export.encoding,
        header_row=header_row,
        footer_rows=footer,
        record_path=record_path,
        rows=export.rows_read,
        headers=headers,
        columns=columns,
        duplicate_rows=dup_rows,
        keys=candidate_keys(frame, columns),
        closest=closest_contracts(headers, specs),
        duplicated_labels=dup,
        sheets=_sheets(path) if fmt == "xlsx" else [],
    )


def _sheets(path: Path) -> list[str]:
    try:
        from python_calamine import CalamineWorkbook

        return list(CalamineWorkbook.from_path(str(path)).sheet_names)
    except Exception:  # noqa: BLE001 - informative only
        return []


# ---------------------------------------------------------------------------------------------- report


def report_lines(d: Description) -> list[str]:
    """The description as text lines: counts, names, formats, markers and code values; no other cell value."""
    lines = [
        f"file: {d.file}" + (f" (sheets: {d.sheets}; described: the first, or --sheet)" if len(d.sheets) > 1 else ""),
        f"format: {d.format}" + (f", encoding {d.encoding}" if d.encoding else ""),
        f"header: row {d.header_row}" + (f" ({d.header_row - 1} banner rows above it)" if d.header_row > 1 else ""),
    ]
    if d.footer_rows:
        lines.append(f"footer: the last {d.footer_rows} rows are notes, not records (footer_rows: {d.footer_rows})")
    if d.record_path:
        lines.append(f"records: under {d.record_path!r} (record_path)")
    lines.append(f"records: {d.rows}; exact duplicate rows: {d.duplicate_rows}")
    if d.duplicated_labels:
        lines.append(f"duplicated header labels: {d.duplicated_labels}")
    lines.append(f"columns ({len(d.columns)}):")
    for c in d.columns:
        typ = c.type + (f" {c.format!r}" if c.format else "")
        if c.ambiguous_formats:
            typ += f" (also fits {c.ambiguous_formats[:3]}: check)"
        parts = [f"  - {c.name!r}: {typ}", f"filled {c.filled}", f"distinct {c.distinct}"]
        if c.markers:
            parts.append("missing markers " + ", ".join(f"{m!r} x{n}" for m, n in c.markers.items()))
        if c.multi_valued:
            parts.append(f"several values per cell separated by {c.multi_valued!r}")
        if c.codes is not None:
            parts.append("codes " + ", ".join(f"{v!r} x{n}" for v, n in c.codes.items()))
        else:
            parts.append(f"max length {c.max_length}")
        lines.append("; ".join(parts))
    if d.keys:
        lines.append("candidate keys: " + "; ".join(" + ".join(k) for k in d.keys))
    else:
        hint = " (exact duplicates are separate records: use a surrogate key, content_hash)" if d.duplicate_rows else ""
        lines.append("candidate keys: none" + hint)
    if not d.closest:
        lines.append("closest contracts: none shares a column with this file (a new export shape)")
    else:
        lines.append("closest contracts:")
        for near in d.closest:
            lines.append(f"  - {near.dataset}/{near.source}: {near.score:.0%} match; "
                         f"{difference_note(near.missing, near.extra, n=8)}")
    return lines


def _few(names: Sequence[str], n: int = 8) -> str:
    shown = ", ".join(repr(x) for x in names[:n])
    return f"[{shown}" + (f", ... +{len(names) - n} more]" if len(names) > n else "]")
