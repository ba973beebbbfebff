"""CSV (and .csv.gz): encoding and delimiter detection, the header under any banner, Arrow reading (whole or
streamed in blocks), pyarrow messages scrubbed of row text."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import logging
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from pipelines.ingest.errors import ReadError
from pipelines.ingest.headers import BANNER_ROWS_MAX, banner_rows

log = logging.getLogger(__name__)


_SAMPLE_BYTES = 1 << 20
_DELIMITERS = (",", ";", "\t", "|")


@dataclass
class _CsvInfo:
    encoding: str  # python codec name used to decode
    label: str  # encoding reported to callers
    delimiter: str
    headers: list[str]
    header_lines: int
    compressed: bool
    binary: bool = False  # read cells undecoded: a UTF-8 file with a few invalid bytes (quarantined per record)
    multibyte: bool = False  # the sample holds UTF-8 multi-byte characters: the file is UTF-8, not cp1252


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
        if not _stray_nuls(sample):
            raise ReadError(fname, "format-error", "binary content (NUL bytes), not a text export")
        sample = sample.replace(b"\x00", b"")  # a few stray NUL bytes: their records are quarantined
    try:
        sample.decode("utf-8")
        return "utf-8", "utf-8"
    except UnicodeDecodeError as exc:
        # a multi-byte character cut by the sample boundary is not an error
        if truncated and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return "utf-8", "utf-8"
    if _mostly_utf8(sample):
        return "utf-8", "utf-8"  # read undecoded (`binary`): the records holding the bad bytes are quarantined
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


_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def _utf8_counts(sample: bytes) -> tuple[int, int]:
    """(valid UTF-8 multi-byte characters, bytes >= 0x80 outside them) in a sample."""
    valid = _UTF8_MULTI.findall(sample)
    high = sum(1 for b in sample if b >= 0x80) if len(sample) < 4096 else len(re.findall(rb"[\x80-\xff]", sample))
    return len(valid), high - sum(len(v) for v in valid)


def _mostly_utf8(sample: bytes) -> bool:
    """A UTF-8 file with a few bytes that are not UTF-8 (one cp1252 byte pasted in), not a legacy cp1252 file:
    it holds UTF-8 multi-byte characters, and more of them than stray bytes."""
    valid, stray = _utf8_counts(sample)
    return valid > 0 and stray <= valid


def _utf8_clean(sample: bytes, truncated: bool) -> bool:
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:  # a character cut by the sample's end is not an error
        return truncated and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data"


def _stray_nuls(sample: bytes) -> bool:
    """A few NUL bytes in a text file (not in its first line), not binary content."""
    first = sample.split(b"\n", 1)[0]
    return b"\x00" not in first and sample.count(b"\x00") <= max(2, sample.count(b"\n") // 50)


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
    binary = enc == "utf-8" and not encoding and not _utf8_clean(sample, truncated)
    try:
        text = sample.decode(enc, errors="strict" if not (truncated or binary) else "replace")
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
    multibyte = enc == "utf-8" and _utf8_counts(sample)[0] > 0
    return _CsvInfo(enc, label, delim, [h.lstrip("\ufeff") for h in headers], header_lines, compressed, binary,
                    multibyte)


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


def _csv_options(
    info: _CsvInfo, threads: bool, block_size: int, handler: Any, multiline: bool
) -> tuple[pacsv.ReadOptions, pacsv.ParseOptions, pacsv.ConvertOptions]:
    """pyarrow's options for reading every cell as a string (bytes when the encoding is unknown), columns
    named c0, c1, ... and ragged rows handed to ``handler``."""
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
        column_types={n: pa.binary() if info.binary else pa.string() for n in names},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
        null_values=[],
        check_utf8=not info.binary,
    )
    return read_opts, parse_opts, conv_opts


def _csv_source(path: Path, info: _CsvInfo) -> Any:
    return pa.input_stream(str(path), compression="gzip") if info.compressed else str(path)


def _arrow_read_csv(
    path: Path, info: _CsvInfo, threads: bool, block_size: int, handler: Any, multiline: bool = True
) -> pa.Table:
    read_opts, parse_opts, conv_opts = _csv_options(info, threads, block_size, handler, multiline)
    return pacsv.read_csv(
        _csv_source(path, info), read_options=read_opts, parse_options=parse_opts, convert_options=conv_opts
    )


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


_STREAM_BLOCK_BYTES = 1 << 24  # CSV bytes parsed at a time when streaming (a cell may not be larger)


class _BatchNumbering:
    """Row numbers of streamed batches. pyarrow leaves ragged records out of the batches and reports them
    (with their row number) to ``handler``: a batch's rows are the next records in order minus those."""

    def __init__(self, first_number: int) -> None:
        self.ragged: list[tuple[int | None, int, str]] = []
        self.bad: set[int] = set()
        self.handed = 0  # ragged entries already handed out
        self.next_number = first_number

    def handler(self, row: Any) -> str:
        self.ragged.append((row.number, row.actual_columns, row.text))
        return "skip"

    def note_ragged(self, fname: str, check: bool = True) -> None:
        """Record the ragged rows seen so far (call after each batch read)."""
        self.bad.update(int(r[0]) for r in self.ragged if r[0] is not None)
        if check and any(r[0] is None for r in self.ragged):
            raise ReadError(fname, "parse-error", "ragged row without a row number")

    def take(self, n: int) -> tuple[np.ndarray, list[tuple[int, int, str]]]:
        """Row numbers of the next ``n`` table rows and the ragged rows among them."""
        bad_arr = np.array(sorted(b for b in self.bad if b >= self.next_number), dtype=np.int64)
        num = self.next_number + n
        while True:
            wider = self.next_number + n + int(np.searchsorted(bad_arr, num))
            if wider == num:
                break
            num = wider
        cand = np.arange(self.next_number, num, dtype=np.int64)
        numbers = cand[~np.isin(cand, bad_arr)] if len(bad_arr) else cand
        mine = [r for r in self.ragged[self.handed:] if r[0] is not None and r[0] < num]
        self.handed += len(mine)
        self.next_number = num
        return numbers, [(int(r[0]), r[1], r[2]) for r in mine]  # type: ignore[arg-type]

    def rest(self) -> list[tuple[int, int, str]]:
        """The ragged rows after the last good record."""
        rest = [(int(r[0]), r[1], r[2]) for r in self.ragged[self.handed:] if r[0] is not None]
        self.handed = len(self.ragged)
        return rest


def _stream_csv_batches(p: Path, info: _CsvInfo, batch_rows: int) -> Any:
    """Yield (table, row numbers, ragged [(row, ncells, text)]) per ~batch_rows records, one block at a time."""
    rows = _BatchNumbering(info.header_lines + 1)  # header = row 1 (after any banner rows)
    read_opts, parse_opts, conv_opts = _csv_options(
        info, False, _STREAM_BLOCK_BYTES, rows.handler, info.compressed or _has_quote(p)
    )
    pending: list[pa.RecordBatch] = []
    pending_rows = 0
    try:
        reader = pacsv.open_csv(
            _csv_source(p, info), read_options=read_opts, parse_options=parse_opts, convert_options=conv_opts
        )
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            rows.note_ragged(p.name)
            pending.append(batch)
            pending_rows += batch.num_rows
            if pending_rows >= batch_rows:
                yield (pa.Table.from_batches(pending, schema=reader.schema), *rows.take(pending_rows))
                pending, pending_rows = [], 0
        rows.note_ragged(p.name, check=False)
        if pending or len(rows.ragged) > rows.handed:
            if not pending:
                pending = [pa.RecordBatch.from_pylist([], schema=reader.schema)]
            numbers, mine = rows.take(pending_rows)
            yield pa.Table.from_batches(pending, schema=reader.schema), numbers, mine + rows.rest()
    except ReadError:
        raise
    except (pa.ArrowInvalid, pa.ArrowException, OSError, UnicodeError, EOFError, ValueError) as exc:
        raise _scrubbed(p.name, exc) from None
