"""Readers for agency exports: CSV (+.csv.gz), JSON, JSON Lines, XLSX and Parquet.

Every reader returns an all-string Arrow table whose columns are named by the *source contract* (a
Frictionless Table Schema dict whose fields may carry ``aliases: [...]``), in contract order. Nothing is
typed here: types and missing values are applied later by :mod:`pipelines.tableschema`.

Row numbers follow the frictionless convention: the header is row 1, the first record row 2, and every
record counts (blank rows and ragged rows included), so a number in a report points at the row an officer
sees in a spreadsheet.

Nothing personal ever leaves this module: errors and issues carry the file name, row number, field name
and an error code. pyarrow's own error messages quote the offending row, so they are never re-raised.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import gzip
import io
import json
import logging
import math
import os
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

log = logging.getLogger(__name__)

FORMATS = ("csv", "json", "jsonl", "xlsx", "parquet")
_SAMPLE_BYTES = 1 << 20
_DELIMITERS = (",", ";", "\t", "|")


class ReadError(Exception):
    """An export cannot be read. ``str()`` names the file, the code and, when relevant, row and field.

    Never carries a cell value: only the file name, a row number, a field (header) name, an error code and
    a fixed note written by this module.
    """

    def __init__(
        self,
        file: str,
        code: str,
        note: str = "",
        *,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.code = code
        self.note = note
        self.row = row
        self.field = field
        super().__init__(self._message())

    def _message(self) -> str:
        where = [f"row {self.row}"] if self.row is not None else []
        if self.field is not None:
            where.append(f"field {self.field!r}")
        loc = f" ({', '.join(where)})" if where else ""
        note = f": {self.note}" if self.note else ""
        return f"{self.file}: {self.code}{loc}{note}"

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready dict (no values)."""
        return {"file": self.file, "code": self.code, "row": self.row, "field": self.field, "note": self.note}


@dataclass
class RowIssue:
    """A row-level problem found while reading (row = physical row number, header = row 1)."""

    code: str
    row: int
    field: str | None = None


@dataclass
class HeaderMatch:
    """Result of matching an export's header labels against a source contract."""

    headers: list[str]
    columns: list[str | None]  # per header position: contract field name, or None (unknown / blank)
    mapping: dict[str, str]  # raw label -> contract field name
    missing_required: list[str]
    missing_optional: list[str]
    unknown: list[str]
    duplicated: list[str]
    blank: list[int]  # 0-based positions of blank labels
    score: float

    @property
    def ok(self) -> bool:
        """True when every required field is present, no label is unknown and none is duplicated."""
        return not (self.missing_required or self.unknown or self.duplicated)


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


# ---------------------------------------------------------------------------------------------- formats


def detect_format(path: str | os.PathLike[str]) -> str:
    """Return ``csv``, ``json``, ``jsonl``, ``xlsx`` or ``parquet``: by extension, then by sniffing bytes."""
    p = Path(path)
    name = p.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    by_ext = {
        "csv": "csv",
        "tsv": "csv",
        "txt": "csv",
        "json": "json",
        "geojson": "json",
        "jsonl": "jsonl",
        "ndjson": "jsonl",
        "xlsx": "xlsx",
        "xlsm": "xlsx",
        "parquet": "parquet",
        "pq": "parquet",
    }
    if ext in by_ext:
        return by_ext[ext]
    try:
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise ReadError(p.name, "scheme-error", f"cannot open file ({type(exc).__name__})") from None
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(p, "rb") as gz:
                head = gz.read(4096)
        except (OSError, EOFError):
            raise ReadError(p.name, "compression-error", "corrupt or truncated gzip") from None
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"PAR1"):
        return "parquet"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        lines = [ln.strip() for ln in stripped.split(b"\n") if ln.strip()]
        try:
            first = json.loads(lines[0])
        except ValueError:
            return "json"  # one object over several lines (records under a key, Esri JSON)
        holds_records = isinstance(first, dict) and any(isinstance(v, list) and v for v in first.values())
        return "json" if holds_records and len(lines) == 1 else "jsonl"
    return "csv"


def _basename(path: str | os.PathLike[str]) -> str:
    return Path(path).name


# ---------------------------------------------------------------------------------------------- headers


_ZW = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


def normalize_label(label: str) -> str:
    """Normalize a header label for matching: NFKC, no BOM / zero-width chars, casefold, single spaces."""
    s = unicodedata.normalize("NFKC", str(label)).translate(_ZW)
    return " ".join(s.casefold().split())


def _loose_label(label: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", normalize_label(label))


def _contract_fields(contract: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    fields = contract.get("fields")
    if not isinstance(fields, list) or not fields:
        raise ValueError("contract has no fields")
    return fields


def match_headers(headers: Sequence[str], contract: Mapping[str, Any]) -> HeaderMatch:
    """Match raw header labels to contract fields, tolerating case, spaces, BOM and declared aliases.

    A label matches a field when its normalized form equals the field's name or one of its ``aliases``;
    failing that, when its alphanumeric-only form matches exactly one field. Labels never carry personal
    data, so they may appear in errors.
    """
    fields = _contract_fields(contract)
    exact: dict[str, str] = {}
    loose: dict[str, set[str]] = {}
    for f in fields:
        name = f["name"]
        for label in [name, *(f.get("aliases") or [])]:
            exact.setdefault(normalize_label(label), name)
            loose.setdefault(_loose_label(label), set()).add(name)
    columns: list[str | None] = []
    unknown: list[str] = []
    blank: list[int] = []
    for i, raw in enumerate(headers):
        raw = "" if raw is None else str(raw)
        norm = normalize_label(raw)
        if not norm:
            columns.append(None)
            blank.append(i)
            continue
        target = exact.get(norm)
        if target is None:
            cands = loose.get(_loose_label(raw), set())
            target = next(iter(cands)) if len(cands) == 1 else None
        if target is None:
            unknown.append(raw)
        columns.append(target)
    seen: dict[str, int] = {}
    duplicated: list[str] = []
    for c in columns:
        if c is not None:
            seen[c] = seen.get(c, 0) + 1
    duplicated = [c for c, n in seen.items() if n > 1]
    present = set(seen)
    missing_required = [
        f["name"] for f in fields if f["name"] not in present and (f.get("constraints") or {}).get("required")
    ]
    missing_optional = [
        f["name"]
        for f in fields
        if f["name"] not in present and not (f.get("constraints") or {}).get("required")
    ]
    mapping = {str(h): c for h, c in zip(headers, columns, strict=True) if c is not None}
    denom = max(len(fields), len([h for h in headers if normalize_label(str(h or ""))]), 1)
    return HeaderMatch(
        headers=[str(h) if h is not None else "" for h in headers],
        columns=columns,
        mapping=mapping,
        missing_required=missing_required,
        missing_optional=missing_optional,
        unknown=unknown,
        duplicated=duplicated,
        blank=blank,
        score=len(present) / denom,
    )


def _check_match(fname: str, match: HeaderMatch, unknown: str) -> None:
    if match.duplicated:
        raise ReadError(
            fname, "duplicate-label", "two columns match the same field", field=match.duplicated[0]
        )
    if match.missing_required:
        raise ReadError(fname, "missing-label", "required column not found", field=match.missing_required[0])
    if match.unknown and unknown == "error":
        raise ReadError(fname, "extra-label", "column not in the source contract", field=match.unknown[0])


# ---------------------------------------------------------------------------------------------- CSV


@dataclass
class _CsvInfo:
    encoding: str  # python codec name used to decode
    label: str  # encoding reported to callers
    delimiter: str
    headers: list[str]
    header_lines: int
    compressed: bool


def _open_bytes(path: Path) -> tuple[bytes, bool]:
    """Return (sample bytes, is_gzip) without reading the whole file."""
    fname = path.name
    try:
        with open(path, "rb") as fh:
            head = fh.read(_SAMPLE_BYTES)
    except OSError as exc:
        raise ReadError(fname, "scheme-error", f"cannot open file ({type(exc).__name__})") from None
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as gz:
                return gz.read(_SAMPLE_BYTES), True
        except (OSError, EOFError, zipfile.BadZipFile):
            raise ReadError(fname, "compression-error", "corrupt or truncated gzip") from None
    return head, False


def _detect_encoding(fname: str, sample: bytes, truncated: bool) -> tuple[str, str]:
    """Return (python codec, label) for a byte sample."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8", "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "utf-16"
    if len(sample) >= 4 and sample[1::2][:64].count(0) > 16 and sample[0::2][:64].count(0) == 0:
        return "utf-16-le", "utf-16-le"
    if len(sample) >= 4 and sample[0::2][:64].count(0) > 16 and sample[1::2][:64].count(0) == 0:
        return "utf-16-be", "utf-16-be"
    if b"\x00" in sample:
        raise ReadError(fname, "format-error", "binary content (NUL bytes), not a text export")
    try:
        sample.decode("utf-8")
        return "utf-8", "utf-8"
    except UnicodeDecodeError as exc:
        # a multi-byte character cut by the sample boundary is not an error
        if truncated and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return "utf-8", "utf-8"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample[:200_000], cp_isolation=["cp1252", "latin_1", "utf_16", "mac_roman"]).best()
        if best is not None and best.encoding not in ("utf_8", "ascii"):
            enc = codecs.lookup(best.encoding).name
            if enc in ("latin-1", "iso8859-1", "cp1252"):
                enc = "cp1252"
            return enc, enc
    except Exception:  # pragma: no cover - detection is best effort
        log.debug("charset detection failed", exc_info=False)
    return "cp1252", "cp1252"


def _sniff_delimiter(text: str, ext: str) -> str:
    lines = text.splitlines()[:50]
    if ext == "tsv":
        return "\t"
    if not lines:
        return ","
    best, best_score = ",", -1.0
    for d in _DELIMITERS:
        try:
            rows = list(csv.reader(lines[:50], delimiter=d))
        except csv.Error:
            continue
        if not rows:
            continue
        width = len(rows[0])
        if width < 2:
            continue
        consistent = sum(1 for r in rows if len(r) == width) / len(rows)
        score = consistent * 100 + width
        if score > best_score:
            best, best_score = d, score
    return best


def _filled(cells: Sequence[Any]) -> int:
    return sum(1 for c in cells if c is not None and str(c).strip() != "")


BANNER_ROWS_MAX = 30  # rows above the header that may be a title banner (one filled cell each)


def banner_rows(rows: Sequence[Sequence[Any]]) -> int:
    """How many leading rows are a banner above the header: rows with at most one filled cell (titles, merged
    cells, blank lines) followed by a row of at least three filled cells. 0 when the first row is the header."""
    for i, row in enumerate(rows[: BANNER_ROWS_MAX + 1]):
        n = _filled(row)
        if n >= 3:
            return i
        if n > 1:
            return 0
    return 0


def _csv_info(
    path: Path, encoding: str | None = None, delimiter: str | None = None, header_row: int | None = None
) -> _CsvInfo:
    fname = path.name
    sample, compressed = _open_bytes(path)
    if not sample.strip(b" \t\r\n\xef\xbb\xbf"):
        raise ReadError(fname, "source-error", "empty file")
    truncated = len(sample) >= _SAMPLE_BYTES
    if encoding:
        enc, label = codecs.lookup(encoding).name, encoding
    else:
        enc, label = _detect_encoding(fname, sample, truncated)
    try:
        text = sample.decode(enc, errors="strict" if not truncated else "ignore")
    except (UnicodeDecodeError, LookupError):
        raise ReadError(fname, "encoding-error", f"cannot decode as {label}") from None
    text = text.lstrip("\ufeff")
    name = fname.lower().removesuffix(".gz")
    delim = delimiter or _sniff_delimiter(text, name.rsplit(".", 1)[-1])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    head: list[tuple[list[str], int]] = []  # (cells, line number after the row)
    try:
        for row in reader:
            head.append((row, reader.line_num))
            if len(head) > max(BANNER_ROWS_MAX, header_row or 0):
                break
    except csv.Error:  # a row past the header that the sample cannot hold (huge cell): look no further
        if not head or header_row is not None and len(head) < header_row:
            raise ReadError(fname, "format-error", "header row cannot be parsed", row=len(head) + 1) from None
    if not head:
        raise ReadError(fname, "source-error", "empty file")
    if header_row is not None:
        if header_row > len(head):
            raise ReadError(fname, "source-error", f"no header at row {header_row}: the file is shorter")
        at = header_row - 1
    else:
        at = banner_rows([r for r, _ in head])
    headers, header_lines = head[at]
    return _CsvInfo(enc, label, delim, [h.lstrip("\ufeff") for h in headers], header_lines, compressed)


_SAFE_ARROW = [
    (re.compile(r"straddling object straddles"), "parse-error", "a cell is too large for the block size"),
    (re.compile(r"invalid UTF8|Invalid UTF8|UTF-?8", re.I), "encoding-error", "invalid text encoding"),
    (
        re.compile(r"gzip|compress|inflate|zlib", re.I),
        "compression-error",
        "corrupt or truncated compressed data",
    ),
    (re.compile(r"unterminated|quote", re.I), "parse-error", "unterminated quoted cell"),
]


def _scrubbed(fname: str, exc: BaseException) -> ReadError:
    """Turn a pyarrow / codec exception into a ReadError without its message (it may contain row text)."""
    msg = str(exc)
    row = None
    m = re.search(r"[Rr]ow #?(\d+)", msg)
    if m:
        row = int(m.group(1))
    for pat, code, note in _SAFE_ARROW:
        if pat.search(msg):
            return ReadError(fname, code, note, row=row)
    if isinstance(exc, UnicodeError):
        return ReadError(fname, "encoding-error", "invalid text encoding")
    if isinstance(exc, EOFError):
        return ReadError(fname, "compression-error", "corrupt or truncated compressed data")
    return ReadError(fname, "parse-error", f"unreadable CSV ({type(exc).__name__})", row=row)


def _arrow_read_csv(
    path: Path, info: _CsvInfo, threads: bool, block_size: int, handler: Any, multiline: bool = True
) -> pa.Table:
    names = [f"c{i}" for i in range(len(info.headers))]
    read_opts = pacsv.ReadOptions(
        use_threads=threads,
        block_size=block_size,
        column_names=names,
        skip_rows=info.header_lines,
        encoding=info.encoding if info.encoding != "utf-8" else "utf8",
    )
    parse_opts = pacsv.ParseOptions(
        delimiter=info.delimiter,
        newlines_in_values=multiline,
        ignore_empty_lines=False,
        invalid_row_handler=handler,
    )
    conv_opts = pacsv.ConvertOptions(
        column_types={n: pa.string() for n in names},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
        null_values=[],
        check_utf8=True,
    )
    source: Any = str(path)
    if info.compressed:
        source = pa.input_stream(str(path), compression="gzip")
    return pacsv.read_csv(source, read_options=read_opts, parse_options=parse_opts, convert_options=conv_opts)


def _has_quote(path: Path) -> bool:
    import mmap

    with open(path, "rb") as fh:
        if os.fstat(fh.fileno()).st_size == 0:
            return False
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            return mm.find(b'"') != -1


def _read_csv_raw(path: Path, info: _CsvInfo) -> tuple[pa.Table, np.ndarray, list[tuple[int, int, str]]]:
    """Read all records as strings. Returns (table, row numbers of table rows, ragged [(row, ncells, text)])."""
    fname = path.name
    ragged: list[tuple[int | None, int, str]] = []

    def handler(row: Any) -> str:
        ragged.append((row.number, row.actual_columns, row.text))
        return "skip"

    size = path.stat().st_size
    block = 1 << 22
    attempts = 0
    # parsing quoted newlines is ~2x slower: only pay for it when the file has a quote at all
    multiline = info.compressed or _has_quote(path)
    while True:
        ragged.clear()
        try:
            threads = attempts == 0 or block < size
            table = _arrow_read_csv(path, info, threads, block, handler, multiline)
        except (pa.ArrowInvalid, pa.ArrowException, OSError, UnicodeError, EOFError, ValueError) as exc:
            msg = str(exc)
            if "straddl" in msg and block < (1 << 30):
                block = min(max(block * 8, size + 1024), 1 << 30)
                attempts += 1
                continue
            raise _scrubbed(fname, exc) from None
        if ragged and any(r[0] is None for r in ragged):
            # multithreaded reads do not know row numbers: read again on one thread
            ragged.clear()
            try:
                table = _arrow_read_csv(path, info, False, block, handler, multiline)
            except (pa.ArrowException, OSError, UnicodeError, EOFError, ValueError) as exc:
                raise _scrubbed(fname, exc) from None
        break
    total = table.num_rows + len(ragged)
    first = info.header_lines + 1
    all_numbers = np.arange(first, total + first, dtype=np.int64)
    if ragged:
        bad = np.array([r[0] for r in ragged], dtype=np.int64)
        keep = ~np.isin(all_numbers, bad)
        numbers = all_numbers[keep]
    else:
        numbers = all_numbers
    return table, numbers, [(int(r[0]), r[1], r[2]) for r in ragged]  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- JSON / XLSX / Parquet


def _cell_to_str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isfinite(v) and v.is_integer() and abs(v) < 1e16:
            return str(int(v))
        return repr(v)
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, (date, time)):
        return v.isoformat()
    if isinstance(v, timedelta):
        return str(v)
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return str(v)


def _path_keys(record_path: str) -> list[str]:
    return [k for k in record_path.replace("[]", "").split(".") if k]


def records_at(fname: str, data: Any, record_path: str | None = None) -> list[Any]:
    """The list of records in a parsed JSON document.

    An array is the records. An object holds them under ``record_path`` (dotted keys; ``features[].attributes``
    takes each feature's ``attributes``), or, undeclared: Esri JSON's ``features[].attributes``, or the one key
    whose value is a list of objects (``{"closingReports": [...]}``).
    """
    if record_path:
        head, _, each = record_path.partition("[]")
        node = data
        for k in _path_keys(head):
            if not isinstance(node, dict) or k not in node:
                raise ReadError(fname, "format-error", f"no records at {record_path!r}: key {k!r} not found")
            node = node[k]
        if not isinstance(node, list):
            raise ReadError(fname, "format-error", f"no records at {record_path!r}: not a list")
        sub = _path_keys(each)
        if sub:
            out = []
            for item in node:
                for k in sub:
                    item = item.get(k) if isinstance(item, dict) else None
                out.append(item)
            return out
        return node
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ReadError(fname, "format-error", "JSON export must be an array of objects or an object holding one")
    feats = data.get("features")
    if isinstance(feats, list) and feats and all(isinstance(f, dict) and "attributes" in f for f in feats[:100]):
        return records_at(fname, data, "features[].attributes")  # Esri JSON
    if isinstance(feats, list) and feats and all(isinstance(f, dict) and "properties" in f for f in feats[:100]):
        return records_at(fname, data, "features[].properties")  # GeoJSON
    socrata = _socrata_rows(data)
    if socrata is not None:
        return socrata
    lists = [k for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
    if len(lists) == 1:
        return records_at(fname, data, lists[0])
    keys = ", ".join(sorted(str(k) for k, v in data.items() if isinstance(v, list))[:10]) or "none"
    raise ReadError(
        fname, "format-error", f"JSON object: declare record_path (keys holding lists: {keys})"
    )


def _socrata_rows(data: dict[str, Any]) -> list[Any] | None:
    """Socrata's `rows.json`: column names in meta.view.columns, rows as arrays in `data` (a header row first)."""
    try:
        columns = data["meta"]["view"]["columns"]
        rows = data["data"]
    except (KeyError, TypeError):
        return None
    if not isinstance(columns, list) or not isinstance(rows, list) or not all(isinstance(r, list) for r in rows[:100]):
        return None
    names = [str(c.get("name") or c.get("fieldName") or f"column {i + 1}") if isinstance(c, dict) else str(c)
             for i, c in enumerate(columns)]
    return [names, *rows]


def _rows_from_json(
    path: Path, fmt: str, record_path: str | None = None
) -> tuple[list[str], list[tuple[int, list[Any] | None, str]], str]:
    """Parse JSON / JSONL into (headers, [(row_number, cells or None if invalid, kind)], encoding)."""
    fname = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError(fname, "scheme-error", f"cannot open file ({type(exc).__name__})") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError):
            raise ReadError(fname, "compression-error", "corrupt or truncated gzip") from None
    if not raw.strip():
        raise ReadError(fname, "source-error", "empty file")
    if b"\x00" in raw[:4096] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError(fname, "format-error", "binary content (NUL bytes), not a text export")
    enc = "utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else "utf-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError:
        raise ReadError(fname, "encoding-error", "JSON must be UTF-8 or UTF-16") from None
    items: list[tuple[int, Any]] = []
    if fmt == "jsonl":
        rowno = 1
        for line in text.splitlines():
            if not line.strip():
                continue
            rowno += 1
            try:
                items.append((rowno, json.loads(line)))
            except ValueError:
                items.append((rowno, _INVALID))
    else:
        try:
            data = json.loads(text)
        except ValueError as exc:
            lineno = getattr(exc, "lineno", None)
            raise ReadError(fname, "format-error", f"invalid JSON (line {lineno})") from None
        data = records_at(fname, data, record_path)
        items = [(i + 2, item) for i, item in enumerate(data)]
    headers: list[str] = []
    rows: list[tuple[int, list[Any] | None, str]] = []
    if items and isinstance(items[0][1], list):  # array of arrays, first is the header
        first = items[0][1]
        headers = [str(h) for h in first]
        for rowno, item in items[1:]:
            if not isinstance(item, list):
                rows.append((rowno - 1, None, "invalid-row"))
            else:
                rows.append((rowno - 1, [_cell_to_str(v) for v in item], "list"))
        return headers, rows, enc
    seen: dict[str, None] = {}
    for _, item in items:
        if isinstance(item, dict):
            for k in item:
                seen.setdefault(str(k), None)
    headers = list(seen)
    index = {h: i for i, h in enumerate(headers)}
    for rowno, item in items:
        if not isinstance(item, dict):
            rows.append((rowno, None, "invalid-row"))
            continue
        cells: list[Any] = [None] * len(headers)
        for k, v in item.items():
            cells[index[str(k)]] = _cell_to_str(v)
        rows.append((rowno, cells, "dict"))
    return headers, rows, enc


_INVALID = object()


_XML_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="([A-Z]{1,3})?([0-9]{0,7}):?([A-Z]{1,3})?([0-9]{0,7})"')


def xlsx_max_cells() -> int:
    """Largest sheet area (rows x columns) read from an XLSX (`OSD_XLSX_MAX_CELLS`, default 20 million)."""
    return int(os.environ.get("OSD_XLSX_MAX_CELLS", "20000000"))


def xlsx_max_bytes() -> int:
    """Largest uncompressed size of an XLSX's parts (`OSD_XLSX_MAX_BYTES`, default 1 GiB)."""
    return int(os.environ.get("OSD_XLSX_MAX_BYTES", str(1 << 30)))


def _col_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def _xlsx_sheet_part(z: zipfile.ZipFile, sheet: str | None) -> str | None:
    wb = ElementTree.fromstring(z.read("xl/workbook.xml"))
    sheets = wb.findall("m:sheets/m:sheet", _XML_NS)
    if not sheets:
        return None
    chosen = sheets[0]
    if sheet is not None:
        chosen = next((s for s in sheets if s.get("name") == sheet), sheets[0])
    rid = chosen.get(f"{{{_XML_NS['r']}}}id")
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = next((rel.get("Target") for rel in rels if rel.get("Id") == rid), None)
    if not target:
        return None
    target = target.lstrip("/")
    return target if target.startswith("xl/") else "xl/" + target


def _xlsx_check_bounds(path: Path, sheet: str | None) -> bool:
    """Refuse a workbook too large to read *before* any cell is allocated; return whether it has formulas.

    Checks the parts' uncompressed sizes (zip directory), the sheet's declared ``<dimension>`` and the farthest
    cell reference actually present (one pass over the sheet XML bytes: a lone cell at XFD1048576 would make
    the reader allocate the whole grid)."""
    fname = path.name
    with zipfile.ZipFile(path) as z:
        total = sum(i.file_size for i in z.infolist())
        if total > xlsx_max_bytes():
            raise ReadError(fname, "size-limit", f"uncompressed size {total} bytes exceeds OSD_XLSX_MAX_BYTES "
                                                 f"({xlsx_max_bytes()})")
        part = _xlsx_sheet_part(z, sheet)
        if part is None or part not in z.namelist():
            return False
        limit = xlsx_max_cells()
        max_row = max_col = 0
        has_formula = False
        tail = b""
        with z.open(part) as fh:
            first = True
            while True:
                chunk = fh.read(1 << 22)
                if not chunk:
                    break
                buf = tail + chunk
                if first:
                    m = _DIMENSION.search(buf[:8192])
                    if m and m.group(3) and m.group(4):
                        rows, cols = int(m.group(4)), _col_number(m.group(3))
                        if rows * cols > limit:
                            raise ReadError(fname, "size-limit", f"sheet dimension {rows} rows x {cols} columns "
                                                                 f"exceeds OSD_XLSX_MAX_CELLS ({limit})")
                    first = False
                has_formula = has_formula or b"<f>" in buf or b"<f " in buf or b":f>" in buf or b":f " in buf
                for m in _CELL_REF.finditer(buf):
                    c, r = _col_number(m.group(1)), int(m.group(2))
                    if r > max_row:
                        max_row = r
                    if c > max_col:
                        max_col = c
                if max_row * max_col > limit:
                    raise ReadError(fname, "size-limit", f"a cell at row {max_row}, column {max_col} makes the "
                                                         f"sheet exceed OSD_XLSX_MAX_CELLS ({limit})")
                tail = buf[-64:]
    return has_formula


def _xlsx_formula_cells(path: Path, sheet: str | None) -> dict[tuple[int, int], bool]:
    """Map (row, col) 1-based of formula cells -> has a cached value. Reads the sheet XML; never evaluates."""
    ns = _XML_NS
    out: dict[tuple[int, int], bool] = {}
    with zipfile.ZipFile(path) as z:
        target = _xlsx_sheet_part(z, sheet)
        if not target:
            return out
        with z.open(target) as fh:
            for _, el in ElementTree.iterparse(fh):
                if el.tag == f"{{{ns['m']}}}c":
                    f = el.find("m:f", ns)
                    if f is not None:
                        v = el.find("m:v", ns)
                        has_value = v is not None and (v.text or "") != ""
                        ref = el.get("r") or ""
                        m = re.match(r"([A-Z]+)(\d+)", ref)
                        if m:
                            out[(int(m.group(2)), _col_number(m.group(1)))] = has_value
                    el.clear()
    return out


_XLSX_CACHE: dict[tuple[str, int, int, str | None], tuple[list[list[Any]], dict[tuple[int, int], bool]]] = {}


def _xlsx_grid(path: Path, sheet: str | None) -> tuple[list[list[Any]], dict[tuple[int, int], bool]]:
    """The sheet's cells and formula cells, parsed once per file version (recognition and reading share it)."""
    fname = path.name
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns, sheet)
    if key in _XLSX_CACHE:
        return _XLSX_CACHE[key]
    try:
        has_formula = _xlsx_check_bounds(path, sheet)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(fname, "format-error", f"unreadable XLSX ({type(exc).__name__})") from None
    try:
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(str(path))
        names = wb.sheet_names
        if sheet is None:
            ws = wb.get_sheet_by_index(0)
        else:
            if sheet not in names:
                raise ReadError(fname, "sheet-error", f"sheet not found (sheets: {len(names)})", field=sheet)
            ws = wb.get_sheet_by_name(sheet)
        data = ws.to_python(skip_empty_area=False)
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(fname, "format-error", f"unreadable XLSX ({type(exc).__name__})") from None
    try:
        fcells = _xlsx_formula_cells(path, sheet) if has_formula else {}
    except Exception as exc:
        raise ReadError(fname, "format-error", f"unreadable XLSX parts ({type(exc).__name__})") from None
    _XLSX_CACHE.clear()  # one workbook at a time: bounded memory
    _XLSX_CACHE[key] = (data, fcells)
    return data, fcells


def _rows_from_xlsx(
    path: Path, sheet: str | None, formulas: str, header_row: int | None = None
) -> tuple[list[str], list[tuple[int, list[Any] | None, str]], dict[int, list[int]]]:
    fname = path.name
    data, fcells = _xlsx_grid(path, sheet)
    # the header is the declared row, else the first non-empty row after any banner (title rows of one cell)
    if header_row is not None:
        start = header_row - 1
    else:
        start = 0
        while start < len(data) and all(c in ("", None) for c in data[start]):
            start += 1
        start += banner_rows(data[start:])
    if start >= len(data):
        raise ReadError(fname, "source-error", "empty sheet")
    headers = [_cell_to_str(h) or "" for h in data[start]]
    while headers and headers[-1] == "":
        headers.pop()
    bad_formula: dict[int, list[int]] = {}
    for (r, c), has_value in fcells.items():
        if r <= start + 1:
            continue
        if formulas == "refuse":
            label = headers[c - 1] if 0 < c <= len(headers) else None
            raise ReadError(fname, "formula-cell", "formulas are refused for this source", row=r, field=label)
        if not has_value:
            bad_formula.setdefault(r, []).append(c)
    rows: list[tuple[int, list[Any] | None, str]] = []
    for i in range(start + 1, len(data)):
        cells = [_cell_to_str(v) for v in data[i]]
        rows.append((i + 1, cells, "list"))
    return headers, rows, bad_formula


def _parquet_table(path: Path) -> pa.Table:
    import pyarrow.parquet as pq

    fname = path.name
    try:
        t = pq.read_table(str(path))
    except Exception as exc:
        raise ReadError(fname, "format-error", f"unreadable Parquet ({type(exc).__name__})") from None
    cols = []
    for col in t.columns:
        typ = col.type
        if pa.types.is_string(typ):
            cols.append(col)
        elif pa.types.is_large_string(typ) or pa.types.is_dictionary(typ):
            cols.append(pc.cast(col, pa.string()))
        elif pa.types.is_boolean(typ):
            cols.append(pc.if_else(col, "true", "false"))
        elif pa.types.is_timestamp(typ):
            cols.append(pc.strftime(col, "%Y-%m-%dT%H:%M:%S"))
        else:
            try:
                cols.append(pc.cast(col, pa.string()))
            except pa.ArrowException:
                cols.append(pa.chunked_array([[_cell_to_str(v) for v in col.to_pylist()]], pa.string()))
    return pa.table(cols, names=t.column_names)


# ---------------------------------------------------------------------------------------------- public API


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
    issues: list[RowIssue] = []
    quarantine: dict[int, str] = {}
    enc: str | None = None

    if fmt == "csv":
        info = _csv_info(p, encoding, delimiter, header_row)
        enc = info.label
        match = match_headers(info.headers, contract)
        _check_match(fname, match, unknown)
        try:
            table, numbers, ragged = _read_csv_raw(p, info)
        except ReadError as exc:
            # the sample looked like UTF-8 but a later byte is not: legacy exports are cp1252
            if exc.code != "encoding-error" or encoding is not None or info.label != "utf-8":
                raise
            log.info("%s: not UTF-8 past the sample, reading as cp1252", fname)
            info = dataclasses.replace(info, encoding="cp1252", label="cp1252")
            enc = info.label
            table, numbers, ragged = _read_csv_raw(p, info)
        width = len(info.headers)
        for rowno, ncells, text in ragged:
            quarantine[rowno] = text
            if ncells > width:
                issues.extend(RowIssue("extra-cell", rowno, None) for _ in range(ncells - width))
            else:
                issues.extend(
                    RowIssue("missing-cell", rowno, match.columns[i] or match.headers[i])
                    for i in range(ncells, width)
                )
        raw_columns = list(table.columns)
        headers = info.headers
    elif fmt == "parquet":
        t = _parquet_table(p)
        headers = list(t.column_names)
        match = match_headers(headers, contract)
        _check_match(fname, match, unknown)
        raw_columns = list(t.columns)
        numbers = np.arange(2, t.num_rows + 2, dtype=np.int64)
    else:
        if fmt == "xlsx":
            headers, rows, bad_formula = _rows_from_xlsx(p, sheet, formulas, header_row)
        else:
            headers, rows, enc = _rows_from_json(p, fmt, record_path)
            bad_formula = {}
        match = match_headers(headers, contract)
        _check_match(fname, match, unknown)
        width = len(headers)
        good: list[list[Any]] = []
        good_numbers: list[int] = []
        for rowno, cells, kind in rows:
            if cells is None:
                issues.append(RowIssue("invalid-row", rowno, None))
                continue
            if kind == "list" and len(cells) > width:
                extra = cells[width:]
                if fmt == "xlsx":
                    nonempty = [c for c in extra if c not in (None, "")]
                    if not nonempty:
                        cells = cells[:width]
                    else:
                        issues.extend(RowIssue("extra-cell", rowno, None) for _ in nonempty)
                        continue
                else:
                    issues.extend(RowIssue("extra-cell", rowno, None) for _ in extra)
                    continue
            if kind == "list" and len(cells) < width:
                if fmt == "xlsx":
                    cells = cells + [""] * (width - len(cells))
                else:
                    issues.extend(
                        RowIssue("missing-cell", rowno, match.columns[i] or headers[i])
                        for i in range(len(cells), width)
                    )
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
        numbers = np.array(good_numbers, dtype=np.int64)
    if footer_rows:  # the last records of the file are a declared footer (notes, totals, sign-offs): not data
        last = sorted({int(x) for x in numbers} | {i.row for i in issues})[-footer_rows:]
        keep = ~np.isin(numbers, np.array(last, dtype=np.int64))
        raw_columns = [c.filter(pa.array(keep)) for c in raw_columns]
        numbers = numbers[keep]
        issues = [i for i in issues if i.row not in set(last)]
        quarantine = {k: v for k, v in quarantine.items() if k not in set(last)}
    table, numbers, blank_numbers = _assemble(fname, contract, match, raw_columns, numbers)
    issue_rows = {i.row for i in issues}
    result = ExportTable(
        table=table,
        row_numbers=pa.array(numbers, pa.int64()),
        file=fname,
        encoding=enc,
        blank_rows=len(blank_numbers),
        issues=issues,
        rows_read=table.num_rows + len(issue_rows),
        format=fmt,
        headers=list(headers),
        blank_row_numbers=blank_numbers,
        quarantine=quarantine,
    )
    log.info(
        "read %s: format=%s rows=%d blank=%d issues=%d",
        fname,
        fmt,
        table.num_rows,
        len(blank_numbers),
        len(issues),
    )
    return result


# ---------------------------------------------------------------------------------------------- streaming

_STREAM_BLOCK_BYTES = 1 << 24  # CSV bytes parsed at a time when streaming (a cell may not be larger)


def _stream_csv_batches(p: Path, info: _CsvInfo, batch_rows: int) -> Any:
    """Yield (table, row numbers, ragged [(row, ncells, text)]) per ~batch_rows records, one block at a time."""
    ragged: list[tuple[int | None, int, str]] = []

    def handler(row: Any) -> str:
        ragged.append((row.number, row.actual_columns, row.text))
        return "skip"

    names = [f"c{i}" for i in range(len(info.headers))]
    read_opts = pacsv.ReadOptions(
        use_threads=False,
        block_size=_STREAM_BLOCK_BYTES,
        column_names=names,
        skip_rows=info.header_lines,
        encoding=info.encoding if info.encoding != "utf-8" else "utf8",
    )
    parse_opts = pacsv.ParseOptions(
        delimiter=info.delimiter,
        newlines_in_values=info.compressed or _has_quote(p),
        ignore_empty_lines=False,
        invalid_row_handler=handler,
    )
    conv_opts = pacsv.ConvertOptions(
        column_types={n: pa.string() for n in names},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
        null_values=[],
        check_utf8=True,
    )
    source: Any = str(p)
    if info.compressed:
        source = pa.input_stream(str(p), compression="gzip")
    bad: set[int] = set()
    handed = 0  # ragged entries already handed out
    next_number = info.header_lines + 1  # header = row 1 (after any banner rows)
    pending: list[pa.RecordBatch] = []
    pending_rows = 0

    def flush() -> tuple[pa.Table, np.ndarray, list[tuple[int, int, str]]]:
        nonlocal next_number, handed, pending, pending_rows
        table = pa.Table.from_batches(pending, schema=pacsv_schema) if pending else None
        n = pending_rows
        # table rows are the records in order, minus the ragged ones (reported by row number)
        bad_arr = np.array(sorted(b for b in bad if b >= next_number), dtype=np.int64)
        num = next_number + n
        while True:
            wider = next_number + n + int(np.searchsorted(bad_arr, num))
            if wider == num:
                break
            num = wider
        cand = np.arange(next_number, num, dtype=np.int64)
        numbers = cand[~np.isin(cand, bad_arr)] if len(bad_arr) else cand
        mine = [r for r in ragged[handed:] if r[0] is not None and r[0] < num]
        handed += len(mine)
        next_number = num
        pending, pending_rows = [], 0
        assert table is not None
        return table, numbers, [(int(r[0]), r[1], r[2]) for r in mine]  # type: ignore[arg-type]

    try:
        reader = pacsv.open_csv(source, read_options=read_opts, parse_options=parse_opts, convert_options=conv_opts)
        pacsv_schema = reader.schema
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            bad.update(int(r[0]) for r in ragged if r[0] is not None)
            if any(r[0] is None for r in ragged):
                raise ReadError(p.name, "parse-error", "ragged row without a row number")
            pending.append(batch)
            pending_rows += batch.num_rows
            if pending_rows >= batch_rows:
                yield flush()
        bad.update(int(r[0]) for r in ragged if r[0] is not None)
        if pending or len(ragged) > handed:
            if not pending:
                pending = [pa.RecordBatch.from_pylist([], schema=pacsv_schema)]
            table, numbers, mine = flush()
            # ragged rows after the last good record
            mine += [(int(r[0]), r[1], r[2]) for r in ragged[handed:] if r[0] is not None]  # type: ignore[arg-type]
            handed = len(ragged)
            yield table, numbers, mine
    except ReadError:
        raise
    except (pa.ArrowInvalid, pa.ArrowException, OSError, UnicodeError, EOFError, ValueError) as exc:
        raise _scrubbed(p.name, exc) from None


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
    for table, numbers, ragged in _stream_csv_batches(p, info, batch_rows):
        issues: list[RowIssue] = []
        quarantine: dict[int, str] = {}
        for rowno, ncells, text in ragged:
            quarantine[rowno] = text
            if ncells > width:
                issues.extend(RowIssue("extra-cell", rowno, None) for _ in range(ncells - width))
            else:
                issues.extend(
                    RowIssue("missing-cell", rowno, match.columns[i] or match.headers[i]) for i in range(ncells, width)
                )
        out, nums, blank_numbers = _assemble(fname, contract, match, list(table.columns), numbers)
        yield ExportTable(
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
