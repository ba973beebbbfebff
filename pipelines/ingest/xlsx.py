"""XLSX: bounded (sizes and the farthest cell checked in the zip before any cell is parsed), parsed once per
file version, formula cells without a cached value reported, the header found under a banner."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from pipelines import settings
from pipelines.ingest.cells import _cell_to_str
from pipelines.ingest.errors import ReadError
from pipelines.ingest.headers import banner_rows

_XML_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="([A-Z]{1,3})?([0-9]{0,7}):?([A-Z]{1,3})?([0-9]{0,7})"')


def xlsx_max_cells() -> int:
    """Largest sheet area (rows x columns) read from an XLSX (`OSD_XLSX_MAX_CELLS`, default 20 million)."""
    return settings.as_int("OSD_XLSX_MAX_CELLS")


def xlsx_max_bytes() -> int:
    """Largest uncompressed size of an XLSX's parts (`OSD_XLSX_MAX_BYTES`, default 1 GiB)."""
    return settings.as_int("OSD_XLSX_MAX_BYTES")


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
