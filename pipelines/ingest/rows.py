"""Per-record recovery for CSV: one bad record is quarantined with its row number, the rest of the export is kept.

Two faults used to cost more than their own record:

- an unclosed quote swallows the records after it into one cell (the parser reads on to the next quote), so
  the swallowed records were lost without a trace; here the swallowing record is split back into its physical
  lines: the first is quarantined (`parse-error`, at the column where the quote opens), the others are read as
  the records they are, with their own row numbers, and the rows after them are renumbered;
- one byte that is not text (an invalid UTF-8 sequence, a NUL byte) rejected the whole export; here the record
  holding it is quarantined (`encoding-error`, with its field).

Nothing here logs or returns a cell value: only row numbers, column positions and codes.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.ingest.errors import RowIssue

_LINE_BREAK = re.compile(r"\r\n|\n|\r")


@dataclass
class Settled:
    """A CSV block after recovery: the good records, their export row numbers, the records still ragged
    (row, cells, text) and the issues found here (`parse-error`, `encoding-error`)."""

    table: pa.Table
    numbers: np.ndarray
    ragged: list[tuple[int, int, str]]
    issues: list[RowIssue] = field(default_factory=list)
    added: int = 0  # physical records recovered from swallowing ones: every later row number moves by this


def _unclosed_quote_column(line: str, delimiter: str) -> int | None:
    """0-based column where a quote opens and is not closed on this line (quotes open only at a cell's start)."""
    col, in_quote, at_start, opened = 0, False, True, 0
    i = 0
    while i < len(line):
        ch = line[i]
        if in_quote:
            if ch == '"':
                if i + 1 < len(line) and line[i + 1] == '"':
                    i += 1
                else:
                    in_quote = False
        elif ch == delimiter:
            col, at_start = col + 1, True
            i += 1
            continue
        elif ch == '"' and at_start:
            in_quote, opened = True, col
        at_start = False
        i += 1
    return opened if in_quote else None


def cut_in_quote(path: str, delimiter: str, compressed: bool) -> int | None:
    """The column where the last record's quote opens, when the file ends inside that quoted cell (cut short in
    transfer: no line break at the end and an odd number of quote characters); None otherwise."""
    if compressed:
        return None
    quotes, tail = 0, b""
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            quotes += chunk.count(b'"')
            tail = (tail + chunk)[-(1 << 16):]
    if not tail or tail.endswith((b"\n", b"\r")) or quotes % 2 == 0:
        return None
    last = _LINE_BREAK.split(tail.decode("utf-8", "replace"))[-1]
    return _unclosed_quote_column(last, delimiter)


def _cells(line: str, delimiter: str) -> list[str]:
    if not line:
        return []
    return next(csv.reader([line], delimiter=delimiter, strict=False), [])


def _split(row: int, text: str, width: int, delimiter: str) -> tuple[int | None, list[list[str]]] | None:
    """A ragged record holding line breaks, split back into physical lines when one of the swallowed lines is a
    whole record: (column of the unclosed quote, cells of each swallowed line). None: a genuine ragged record."""
    lines = _LINE_BREAK.split(text)
    if len(lines) < 2:
        return None
    rest = [_cells(ln, delimiter) for ln in lines[1:]]
    if not any(len(c) == width for c in rest):
        return None
    return _unclosed_quote_column(lines[0], delimiter), rest


def settle(table: pa.Table, numbers: np.ndarray, ragged: list[tuple[int, int, str]], width: int,
           delimiter: str, labels: list[str]) -> Settled:
    """Recover the records an unclosed quote swallowed, then quarantine the records holding bytes that are not
    text. ``labels[i]`` names column i in issues (contract field or header)."""
    out = Settled(table, np.asarray(numbers, dtype=np.int64), [])
    splits: list[tuple[int, int]] = []  # (original row, lines recovered after it)
    recovered: list[tuple[int, list[str]]] = []  # (original row, line index), cells
    pending: list[tuple[int, int, list[str] | None, int, str]] = []
    for row, ncells, text in sorted(ragged):
        found = _split(row, text, width, delimiter)
        if found is None:
            pending.append((row, 0, None, ncells, text))
            continue
        col, rest = found
        splits.append((row, len(rest)))
        label = labels[col] if col is not None and col < len(labels) else None
        pending.append((row, 0, [] if label is None else [label], -1, ""))
        for j, cells in enumerate(rest, start=1):
            pending.append((row, j, cells, len(cells), ""))
    if not splits:
        out.ragged = [(r, n, t) for r, _, _, n, t in pending]
        return _check_cells(out, labels)
    rows = np.array([r for r, _ in splits], dtype=np.int64)
    shifts = np.cumsum([k for _, k in splits])

    def moved(r: int) -> int:
        i = int(np.searchsorted(rows, r, side="left"))
        return r + (int(shifts[i - 1]) if i else 0)

    before = np.concatenate([[0], shifts]).astype(np.int64)
    out.numbers = out.numbers + before[np.searchsorted(rows, out.numbers, side="left")]
    for row, j, got, ncells, text in pending:
        new = moved(row) + j
        if ncells == -1:  # the swallowing record itself
            out.issues.append(RowIssue("parse-error", new, got[0] if got else None))
        elif got is None:
            out.ragged.append((new, ncells, text))
        elif len(got) == width or not any(c.strip() for c in got):
            recovered.append((new, (got + [""] * width)[:width]))
        else:
            out.ragged.append((new, len(got), ""))
    out.added = int(shifts[-1])
    _merge(out, recovered)
    return _check_cells(out, labels)


def _merge(out: Settled, recovered: list[tuple[int, list[str]]]) -> None:
    if not recovered:
        return
    schema = out.table.schema
    cols = [pa.array([c[i] for _, c in recovered], pa.string()).cast(schema.field(i).type)
            for i in range(len(schema))]
    extra = pa.Table.from_arrays(cols, schema=schema)
    table = pa.concat_tables([out.table, extra])
    numbers = np.concatenate([out.numbers, np.array([r for r, _ in recovered], dtype=np.int64)])
    order = np.argsort(numbers, kind="stable")
    out.table, out.numbers = table.take(pa.array(order)), numbers[order]


def _invalid_utf8(col: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Mask of cells that are not valid UTF-8 (a binary column read without decoding)."""
    try:
        col.cast(pa.string())
        return np.zeros(len(col), dtype=bool)
    except (pa.ArrowInvalid, UnicodeError):
        pass
    out = np.zeros(len(col), dtype=bool)
    for i, v in enumerate(col.to_pylist()):  # only a column that holds an invalid cell is walked
        if v is not None:
            try:
                v.decode("utf-8")
            except UnicodeDecodeError:
                out[i] = True
    return out


def _check_cells(out: Settled, labels: list[str]) -> Settled:
    """Quarantine records holding a NUL byte or invalid UTF-8 (one `encoding-error` per record, its first
    such field); binary columns (read without decoding) come back as text."""
    n = out.table.num_rows
    bad = np.zeros(n, dtype=bool)
    first: dict[int, str] = {}
    for i, col in enumerate(out.table.columns):
        if n == 0:
            break
        mask = np.asarray(pc.fill_null(pc.match_substring(col, "\x00"), False).to_numpy(zero_copy_only=False),
                          dtype=bool)
        if pa.types.is_binary(col.type):
            mask |= _invalid_utf8(col)
        for pos in np.flatnonzero(mask & ~bad):
            first[int(pos)] = labels[i] if i < len(labels) else f"column {i + 1}"
        bad |= mask
    table = out.table
    if bad.any():
        out.issues += [RowIssue("encoding-error", int(out.numbers[p]), first[int(p)]) for p in np.flatnonzero(bad)]
        table = table.filter(pa.array(~bad))
        out.numbers = out.numbers[~bad]
    if any(pa.types.is_binary(t) for t in table.schema.types):
        table = pa.Table.from_arrays([c.cast(pa.string()) for c in table.columns], names=table.column_names)
    out.table = table
    return out
