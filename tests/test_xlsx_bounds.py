"""XLSX reading is bounded and parsed once: a far-away cell is refused before any allocation, with a reason naming
the limit, and a 10,000-row workbook is read well within a few seconds."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipelines import readers
from pipelines.readers import ReadError, read_export, read_headers

openpyxl = pytest.importorskip("openpyxl")
CONTRACT = {"fields": [{"name": f"c{i}"} for i in range(10)]}


def test_cell_at_xfd1048576_is_refused_before_reading(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([f"c{i}" for i in range(10)])
    ws.append(list(range(10)))
    ws["XFD1048576"] = "x"
    p = tmp_path / "far.xlsx"
    wb.save(p)
    t0 = time.perf_counter()
    with pytest.raises(ReadError) as ei:
        read_export(p, CONTRACT)
    assert ei.value.code == "size-limit" and "OSD_XLSX_MAX_CELLS" in str(ei.value)
    assert time.perf_counter() - t0 < 5


def test_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([f"c{i}" for i in range(10)])
    for _ in range(50):
        ws.append(list(range(10)))
    p = tmp_path / "small.xlsx"
    wb.save(p)
    monkeypatch.setenv("OSD_XLSX_MAX_CELLS", "100")
    with pytest.raises(ReadError, match="size-limit"):
        read_headers(p)
    monkeypatch.setenv("OSD_XLSX_MAX_CELLS", "1000")
    assert read_export(p, CONTRACT).table.num_rows == 50


def test_10k_rows_read_once_in_under_3_seconds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append([f"c{i}" for i in range(10)])
    for r in range(10_000):
        ws.append([f"value {r} {i}" if i % 2 else r * i for i in range(10)])
    p = tmp_path / "big.xlsx"
    wb.save(p)
    calls = []
    readers._XLSX_CACHE.clear()
    from python_calamine import CalamineWorkbook

    real = CalamineWorkbook.from_path

    def counted(path: str) -> object:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(CalamineWorkbook, "from_path", staticmethod(counted))
    t0 = time.perf_counter()
    assert read_headers(p) == [f"c{i}" for i in range(10)]
    e = read_export(p, CONTRACT)
    elapsed = time.perf_counter() - t0
    assert e.table.num_rows == 10_000 and len(calls) == 1, calls
    assert elapsed < 3.0, elapsed
