"""Reading an export through its source contract: whole (`read_export`) or in pieces (`iter_export`)."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.ingest import rows as recovery
from pipelines.ingest.csv import _csv_info, _read_csv_raw, _stream_csv_batches
from pipelines.ingest.detect import FORMATS, detect_format
from pipelines.ingest.errors import ReadError, RowIssue
from pipelines.ingest.headers import HeaderMatch, _check_match, _contract_fields, match_headers
from pipelines.ingest.json import _rows_from_json
from pipelines.ingest.parquet import _parquet_table
from pipelines.ingest.xlsx import _rows_from_xlsx

log = logging.getLogger(__name__)


@dataclass
class ExportTable:
    """An export read as strings, columns named by the contract, plus the row accounting."""

    table: pa.Table
    row_numbers: pa.Array
    file: str
    encoding: str | None
    blank_rows: int
    issues: list[RowIssue]
    rows_read: int
    format: str = "csv"
    headers: list[str] = field(default_factory=list)
    blank_row_numbers: list[int] = field(default_factory=list)
    # raw text of the quarantined (ragged) rows, by row number: private, never log it
    quarantine: dict[int, str] = field(default_factory=dict, repr=False)

    def __repr__(self) -> str:  # never show cells
        return (
            f"ExportTable(file={self.file!r}, format={self.format!r}, encoding={self.encoding!r}, "
            f"rows={self.table.num_rows}, columns={self.table.column_names!r}, blank_rows={self.blank_rows}, "
            f"issues={len(self.issues)}, rows_read={self.rows_read})"
        )

    @property
    def issue_rows(self) -> set[int]:
        """Row numbers that have at least one reading issue (they are not in ``table``)."""
        return {i.row for i in self.issues}


def _settle_csv(table: pa.Table, numbers: np.ndarray, ragged: list[tuple[int, int, str]], info: Any,
                match: HeaderMatch) -> recovery.Settled:
    labels = [c or h for c, h in zip(match.columns, match.headers, strict=True)]
    return recovery.settle(table, numbers, ragged, len(info.headers), info.delimiter, labels)


def _cut_last(p: Path, info: Any, match: HeaderMatch, piece: ExportTable) -> ExportTable:
    """A file cut inside its last record's quoted cell: that record is quarantined (`parse-error`), not read
    as a shorter value."""
    col = recovery.cut_in_quote(str(p), info.delimiter, info.compressed)
    if col is None or piece.table.num_rows == 0:
        return piece
    last = int(piece.row_numbers[-1].as_py())
    if any(i.row > last for i in piece.issues):
        return piece  # the last record is already quarantined
    label = (match.columns[col] or match.headers[col]) if col < len(match.headers) else None
    return dataclasses.replace(piece, table=piece.table.slice(0, piece.table.num_rows - 1),
                               row_numbers=piece.row_numbers.slice(0, len(piece.row_numbers) - 1),
                               issues=[*piece.issues, RowIssue("parse-error", last, label)])


def _ragged_issues(ragged: list[tuple[int, int, str]], width: int, match: HeaderMatch) -> list[RowIssue]:
    """One issue per extra cell, or per missing cell naming its field (a record is still one quarantined row)."""
    issues: list[RowIssue] = []
    for rowno, ncells, _ in ragged:
        if ncells > width:
            issues.extend(RowIssue("extra-cell", rowno, None) for _ in range(ncells - width))
        else:
            issues.extend(RowIssue("missing-cell", rowno, match.columns[i] or match.headers[i])
                          for i in range(ncells, width))
    return issues


def read_headers(
    path: str | os.PathLike[str],
    fmt: str | None = None,
    sheet: str | None = None,
    *,
    header_row: int | None = None,
    record_path: str | None = None,
) -> list[str]:
    """Return the raw header labels of an export (BOM stripped), without reading all the rows for CSV."""
    p = Path(path)
    fmt = fmt or detect_format(p)
    if fmt == "csv":
        return _csv_info(p, header_row=header_row).headers
    if fmt in ("json", "jsonl"):
        return _rows_from_json(p, fmt, record_path)[0]
    if fmt == "xlsx":
        return _rows_from_xlsx(p, sheet, "cached", header_row)[0]
    if fmt == "parquet":
        import pyarrow.parquet as pq

        try:
            return list(pq.read_schema(str(p)).names)
        except Exception as exc:
            raise ReadError(p.name, "format-error", f"unreadable Parquet ({type(exc).__name__})") from None
    raise ReadError(p.name, "format-error", f"unsupported format {fmt!r}")


def _missing_values(contract: Mapping[str, Any]) -> list[str]:
    mv = contract.get("missingValues", [""])
    return [str(v) for v in mv]


def _assemble(
    fname: str,
    contract: Mapping[str, Any],
    match: HeaderMatch,
    raw_columns: list[pa.ChunkedArray | pa.Array],
    numbers: np.ndarray,
) -> tuple[pa.Table, np.ndarray, list[int]]:
    """Build the contract-ordered table, drop blank rows. Returns (table, row numbers, blank row numbers)."""
    n = len(numbers)
    by_field: dict[str, Any] = {}
    for pos, target in enumerate(match.columns):
        if target is not None:
            by_field[target] = raw_columns[pos]
    for pos in match.blank:
        col = raw_columns[pos]
        nonblank = pc.sum(pc.invert(pc.fill_null(pc.equal(col, ""), True))).as_py() or 0
        if nonblank:
            raise ReadError(fname, "blank-label", f"a column without header has data (column {pos + 1})")
    names = [f["name"] for f in _contract_fields(contract)]
    cols = []
    for name in names:
        if name in by_field:
            col = by_field[name]
            if isinstance(col, pa.ChunkedArray):
                col = col.combine_chunks() if col.num_chunks != 1 else col.chunk(0)
            cols.append(col)
        else:
            cols.append(pa.nulls(n, pa.string()))
    table = pa.table(cols, names=names) if names else pa.table({})
    # blank rows: every contract cell is missing (frictionless: all cells in missingValues or null)
    blank_numbers: list[int] = []
    if n and by_field:
        mv = _missing_values(contract)
        blank = np.ones(n, dtype=bool)
        for name in names:
            if name not in by_field:
                continue
            col = table.column(name)
            col = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
            m = np.asarray(pc.is_null(col).to_numpy(zero_copy_only=False), dtype=bool)
            for v in mv:  # scalar equality: much faster than is_in on high-cardinality columns
                m |= np.asarray(
                    pc.fill_null(pc.equal(col, v), False).to_numpy(zero_copy_only=False), dtype=bool
                )
            blank &= m
            if not blank.any():
                break
        if blank.any():
            blank_numbers = numbers[blank].tolist()
            table = table.filter(pa.array(~blank))
            numbers = numbers[~blank]
    return table, numbers, blank_numbers


@dataclass
class _RawRead:
    """What one format's reader hands to the shared tail of `read_export`: columns in file order, their row
    numbers, and the rows already quarantined."""

    headers: list[str]
    match: HeaderMatch
    raw_columns: list[Any]
    numbers: np.ndarray
    issues: list[RowIssue] = field(default_factory=list)
    quarantine: dict[int, str] = field(default_factory=dict)
    encoding: str | None = None
    csv_info: Any = None


def _read_csv_whole(p: Path, contract: Mapping[str, Any], encoding: str | None, delimiter: str | None,
                    unknown: str, header_row: int | None) -> _RawRead:
    """A CSV read whole; a file that is not UTF-8 past the sample is read again (see below)."""
    fname = p.name
    info = _csv_info(p, encoding, delimiter, header_row)
    match = match_headers(info.headers, contract)
    _check_match(fname, match, unknown)
    try:
        table, numbers, ragged = _read_csv_raw(p, info)
    except ReadError as exc:
        # the sample looked like UTF-8 but a later byte is not: a UTF-8 file (it has multi-byte characters)
        # keeps its records but the ones holding bad bytes; an ASCII-looking one is a legacy cp1252 export
        if exc.code != "encoding-error" or encoding is not None or info.label != "utf-8" or info.binary:
            raise
        if info.multibyte:
            info = dataclasses.replace(info, binary=True)
        else:
            log.info("%s: not UTF-8 past the sample, reading as cp1252", fname)
            info = dataclasses.replace(info, encoding="cp1252", label="cp1252")
        table, numbers, ragged = _read_csv_raw(p, info)
    settled = _settle_csv(table, numbers, ragged, info, match)
    issues = [*settled.issues, *_ragged_issues(settled.ragged, len(info.headers), match)]
    return _RawRead(
        headers=info.headers, match=match, raw_columns=list(settled.table.columns), numbers=settled.numbers,
        issues=issues, quarantine={r: t for r, _, t in settled.ragged}, encoding=info.label, csv_info=info,
    )


def _read_parquet_whole(p: Path, contract: Mapping[str, Any], unknown: str) -> _RawRead:
    t = _parquet_table(p)
    headers = list(t.column_names)
    match = match_headers(headers, contract)
    _check_match(p.name, match, unknown)
    return _RawRead(headers=headers, match=match, raw_columns=list(t.columns),
                    numbers=np.arange(2, t.num_rows + 2, dtype=np.int64))


def _fit_row(cells: list[Any], rowno: int, width: int, fmt: str, match: HeaderMatch, headers: list[str],
             issues: list[RowIssue]) -> list[Any] | None:
    """A list row fitted to the header width, or None (its issues appended) when it is quarantined. An
    XLSX row may have trailing empty cells or be short (a spreadsheet drops empty trailing cells); a JSON
    row may not."""
    if len(cells) > width:
        extra = cells[width:]
        if fmt == "xlsx":
            nonempty = [c for c in extra if c not in (None, "")]
            if not nonempty:
                return cells[:width]
            issues.extend(RowIssue("extra-cell", rowno, None) for _ in nonempty)
            return None
        issues.extend(RowIssue("extra-cell", rowno, None) for _ in extra)
        return None
    if len(cells) < width:
        if fmt == "xlsx":
            return cells + [""] * (width - len(cells))
        issues.extend(
            RowIssue("missing-cell", rowno, match.columns[i] or headers[i]) for i in range(len(cells), width)
        )
        return None
    return cells


def _read_rows_whole(p: Path, fmt: str, contract: Mapping[str, Any], sheet: str | None, formulas: str,
                     unknown: str, header_row: int | None, record_path: str | None) -> _RawRead:
    """An XLSX or JSON export, read row by row."""
    enc: str | None = None
    if fmt == "xlsx":
        headers, rows, bad_formula = _rows_from_xlsx(p, sheet, formulas, header_row)
    else:
        headers, rows, enc = _rows_from_json(p, fmt, record_path)
        bad_formula = {}
    match = match_headers(headers, contract)
    _check_match(p.name, match, unknown)
    width = len(headers)
    issues: list[RowIssue] = []
    good: list[list[Any]] = []
    good_numbers: list[int] = []
    for rowno, cells, kind in rows:
        if cells is None:  # kind: invalid-row (not a record), encoding-error (not UTF-8)
            issues.append(RowIssue(kind, rowno, None))
            continue
        if kind == "list":
            cells = _fit_row(cells, rowno, width, fmt, match, headers, issues)
            if cells is None:
                continue
        if rowno in bad_formula:
            for c in bad_formula[rowno]:
                label = match.columns[c - 1] if 0 < c <= width else None
                issues.append(RowIssue("formula-cell", rowno, label))
            continue
        good.append(cells)
        good_numbers.append(rowno)
    if fmt == "xlsx":
        good = [[c if c is not None else "" for c in r] for r in good]
    raw_columns = [pa.array([r[i] for r in good], pa.string()) for i in range(width)]
    return _RawRead(headers=headers, match=match, raw_columns=raw_columns,
                    numbers=np.array(good_numbers, dtype=np.int64), issues=issues, encoding=enc)


def _drop_footer(raw: _RawRead, footer_rows: int) -> None:
    """The last records of the file are a declared footer (notes, totals, sign-offs): not data."""
    last = sorted({int(x) for x in raw.numbers} | {i.row for i in raw.issues})[-footer_rows:]
    keep = ~np.isin(raw.numbers, np.array(last, dtype=np.int64))
    raw.raw_columns = [c.filter(pa.array(keep)) for c in raw.raw_columns]
    raw.numbers = raw.numbers[keep]
    raw.issues = [i for i in raw.issues if i.row not in set(last)]
    raw.quarantine = {k: v for k, v in raw.quarantine.items() if k not in set(last)}


def read_export(
    path: str | os.PathLike[str],
    contract: Mapping[str, Any],
    *,
    fmt: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    unknown: str = "error",
    formulas: str = "cached",
    header_row: int | None = None,
    footer_rows: int = 0,
    record_path: str | None = None,
) -> ExportTable:
    """Read an export into an all-string Arrow table named and ordered by the contract's fields.

    - ``unknown="error"`` (default) raises on a column the contract does not know; ``"ignore"`` drops it.
    - ``formulas="cached"`` (default) reads XLSX formula cells as their cached values and quarantines rows
      whose formula has no cached value (code ``formula-cell``); ``"refuse"`` raises on any formula.
    - Blank rows are dropped and counted; ragged rows are reported in ``issues`` and left out of the table.
    Raises :class:`ReadError` (file, code, row, field; never a value).
    """
    p = Path(path)
    fname = p.name
    if not p.exists():
        raise ReadError(fname, "scheme-error", "file not found")
    if p.is_file() and p.stat().st_size == 0:
        raise ReadError(fname, "source-error", "empty file")
    fmt = fmt or detect_format(p)
    if fmt not in FORMATS:
        raise ReadError(fname, "format-error", f"unsupported format {fmt!r}")
    if fmt == "csv":
        raw = _read_csv_whole(p, contract, encoding, delimiter, unknown, header_row)
    elif fmt == "parquet":
        raw = _read_parquet_whole(p, contract, unknown)
    else:
        raw = _read_rows_whole(p, fmt, contract, sheet, formulas, unknown, header_row, record_path)
    if footer_rows:
        _drop_footer(raw, footer_rows)
    table, numbers, blank_numbers = _assemble(fname, contract, raw.match, raw.raw_columns, raw.numbers)
    issue_rows = {i.row for i in raw.issues}
    result = ExportTable(
        table=table,
        row_numbers=pa.array(numbers, pa.int64()),
        file=fname,
        encoding=raw.encoding,
        blank_rows=len(blank_numbers),
        issues=raw.issues,
        rows_read=table.num_rows + len(issue_rows),
        format=fmt,
        headers=list(raw.headers),
        blank_row_numbers=blank_numbers,
        quarantine=raw.quarantine,
    )
    if fmt == "csv":
        result = _cut_last(p, raw.csv_info, raw.match, result)
    log.info(
        "read %s: format=%s rows=%d blank=%d issues=%d",
        fname,
        fmt,
        table.num_rows,
        len(blank_numbers),
        len(raw.issues),
    )
    return result


def iter_export(
    path: str | os.PathLike[str],
    contract: Mapping[str, Any],
    *,
    fmt: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    unknown: str = "error",
    formulas: str = "cached",
    batch_rows: int = 250_000,
    header_row: int | None = None,
    footer_rows: int = 0,
    record_path: str | None = None,
) -> Any:
    """Read an export in pieces: yields :class:`ExportTable` objects of about ``batch_rows`` rows each.

    Same contract, columns, row numbers, blank-row and ragged-row accounting as :func:`read_export`
    (summing ``rows_read``, ``blank_rows`` and ``issues`` over the pieces gives its figures). CSV (and
    .csv.gz) is parsed block by block in bounded memory; other formats are read whole and then sliced.
    A CSV that turns out not to be UTF-8 past the sample raises :class:`ReadError` ``encoding-error``:
    callers fall back to :func:`read_export`, which retries as cp1252.
    """
    p = Path(path)
    fmt = fmt or detect_format(p)
    if fmt != "csv" or footer_rows or not p.is_file() or p.stat().st_size == 0:
        whole = read_export(
            p, contract, fmt=fmt, sheet=sheet, encoding=encoding, delimiter=delimiter, unknown=unknown,
            formulas=formulas, header_row=header_row, footer_rows=footer_rows, record_path=record_path,
        )
        n = whole.table.num_rows
        issue_rows = whole.issue_rows
        for start in range(0, max(n, 1), batch_rows):
            first = start == 0
            yield dataclasses.replace(
                whole,
                table=whole.table.slice(start, batch_rows),
                row_numbers=whole.row_numbers.slice(start, batch_rows),
                blank_rows=whole.blank_rows if first else 0,
                blank_row_numbers=whole.blank_row_numbers if first else [],
                issues=whole.issues if first else [],
                quarantine=whole.quarantine if first else {},
                rows_read=min(batch_rows, n - start) + (len(issue_rows) if first else 0) if n else len(issue_rows),
            )
        return
    fname = p.name
    info = _csv_info(p, encoding, delimiter, header_row)
    match = match_headers(info.headers, contract)
    _check_match(fname, match, unknown)
    width = len(info.headers)
    offset = 0  # records recovered from swallowing ones in earlier pieces move every later row number
    held: ExportTable | None = None  # one piece held back: the last one may end inside a quoted cell
    for table, numbers, ragged in _stream_csv_batches(p, info, batch_rows):
        ragged = [(r + offset, n, t) for r, n, t in ragged]
        settled = _settle_csv(table, numbers + offset, ragged, info, match)
        offset += settled.added
        table, numbers = settled.table, settled.numbers
        issues = settled.issues + _ragged_issues(settled.ragged, width, match)
        quarantine = {r: t for r, _, t in settled.ragged}
        out, nums, blank_numbers = _assemble(fname, contract, match, list(table.columns), numbers)
        if held is not None:
            yield held
        held = ExportTable(
            table=out,
            row_numbers=pa.array(nums, pa.int64()),
            file=fname,
            encoding=info.label,
            blank_rows=len(blank_numbers),
            issues=issues,
            rows_read=out.num_rows + len({i.row for i in issues}),
            format="csv",
            headers=list(info.headers),
            blank_row_numbers=blank_numbers,
            quarantine=quarantine,
        )
    if held is not None:
        yield _cut_last(p, info, match, held)
