"""JSON and JSON Lines: records in an array, under a key (`{"closingReports": [...]}`), in Esri JSON
(`features[].attributes`), GeoJSON (`features[].properties`) or Socrata's rows.json."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path
from typing import Any

from pipelines.ingest.cells import _cell_to_str
from pipelines.ingest.errors import ReadError


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
    utf16 = raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if fmt == "jsonl" and utf16:
        try:
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise ReadError(fname, "encoding-error", "JSON must be UTF-8 or UTF-16") from None
    if fmt == "jsonl":
        items, enc = _jsonl_items(raw)
        enc = "utf-16" if utf16 else enc
    else:
        items, enc = _json_items(fname, raw, utf16, record_path)
    headers: list[str] = []
    rows: list[tuple[int, list[Any] | None, str]] = []
    if items and isinstance(items[0][1], list):  # array of arrays, first is the header
        first = items[0][1]
        headers = [str(h) for h in first]
        for rowno, item in items[1:]:
            if not isinstance(item, list):
                rows.append((rowno - 1, None, "encoding-error" if item is _BAD_TEXT else "invalid-row"))
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
            rows.append((rowno, None, "encoding-error" if item is _BAD_TEXT else "invalid-row"))
            continue
        cells: list[Any] = [None] * len(headers)
        for k, v in item.items():
            cells[index[str(k)]] = _cell_to_str(v)
        rows.append((rowno, cells, "dict"))
    return headers, rows, enc


_INVALID = object()
_BAD_TEXT = object()


def _parse(text: str) -> Any:
    """One JSON value, or _INVALID (not JSON, or nested too deep for the parser: a 200,000-deep line)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _INVALID


def _jsonl_items(raw: bytes) -> tuple[list[tuple[int, Any]], str]:
    """JSON Lines decoded line by line: a line that is not UTF-8 is that record's `encoding-error`, not the
    export's. Records are numbered like CSV rows under a header: line n is row n + 1, whatever blank lines come
    before it, so a row number always points at one line."""
    enc = "utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else "utf-8"
    raw = raw.removeprefix(codecs.BOM_UTF8)
    items: list[tuple[int, Any]] = []
    for rowno, line in enumerate(raw.splitlines(), start=2):  # line n is row n + 1, blank lines included
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            items.append((rowno, _BAD_TEXT))
            continue
        items.append((rowno, _parse(text)))
    return items, enc


def _json_items(fname: str, raw: bytes, utf16: bool, record_path: str | None) -> tuple[list[tuple[int, Any]], str]:
    if b"\x00" in raw[:4096] and not utf16:
        raise ReadError(fname, "format-error", "binary content (NUL bytes), not a text export")
    enc = "utf-16" if utf16 else "utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        text = raw.decode(enc)
    except UnicodeDecodeError:
        raise ReadError(fname, "encoding-error", "JSON must be UTF-8 or UTF-16") from None
    try:
        data = json.loads(text)
    except RecursionError:
        raise ReadError(fname, "format-error", "JSON nested too deep") from None
    except ValueError as exc:
        lineno = getattr(exc, "lineno", None)
        raise ReadError(fname, "format-error", f"invalid JSON (line {lineno})") from None
    data = records_at(fname, data, record_path)
    return [(i + 2, item) for i, item in enumerate(data)], enc
