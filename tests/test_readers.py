"""Readers: formats, encodings, delimiters, header matching, row numbering, real public samples."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.readers import (
    ReadError,
    detect_format,
    match_headers,
    read_export,
    read_headers,
)
from pipelines.tableschema import validate

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "real-samples"

CONTRACT = {
    "fields": [
        {
            "name": "stop_id",
            "type": "integer",
            "constraints": {"required": True},
            "aliases": ["STOP_NO", "Stop #"],
        },
        {"name": "stop_date", "type": "date", "format": "%m/%d/%Y", "aliases": ["DATE"]},
        {"name": "race", "type": "string"},
        {"name": "notes", "type": "string"},  # optional, may be absent
    ]
}
ROWS = [["1", "01/02/2020", "W"], ["2", "12/31/2019", "Bé"], ["3", "06/15/2021", "Ü"]]


def _csv(
    path: Path, header: list[str], rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1252", "cp1252")],
)
def test_csv_encodings(tmp_path: Path, encoding: str, label: str) -> None:
    p = _csv(tmp_path / "stops.csv", ["STOP_NO", "Date", "RACE"], ROWS, encoding=encoding)
    e = read_export(p, CONTRACT)
    assert e.encoding == label
    assert e.table.column_names == ["stop_id", "stop_date", "race", "notes"]
    assert e.table.column("race").to_pylist() == ["W", "Bé", "Ü"]
    assert e.table.column("notes").null_count == 3
    assert e.row_numbers.to_pylist() == [2, 3, 4]
    assert all(pa.types.is_string(c.type) for c in e.table.columns)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiters(tmp_path: Path, delimiter: str) -> None:
    p = _csv(tmp_path / "stops.txt", ["stop_id", "stop_date", "race"], ROWS, delimiter=delimiter)
    e = read_export(p, CONTRACT)
    assert e.table.column("stop_date").to_pylist() == ["01/02/2020", "12/31/2019", "06/15/2021"]


def test_csv_gz(tmp_path: Path) -> None:
    raw = _csv(tmp_path / "x.csv", ["stop_id", "stop_date", "race"], ROWS).read_bytes()
    p = tmp_path / "stops.csv.gz"
    p.write_bytes(gzip.compress(raw))
    assert detect_format(p) == "csv"
    assert read_export(p, CONTRACT).table.num_rows == 3


def test_header_matching_tolerates_case_spaces_bom_aliases() -> None:
    m = match_headers(["\ufeffStop  #", " date ", "RACE", "Extra Col"], CONTRACT)
    assert m.columns == ["stop_id", "stop_date", "race", None]
    assert m.unknown == ["Extra Col"] and not m.ok
    assert m.missing_optional == ["notes"]
    m2 = match_headers(["stop-id", "race"], CONTRACT)  # loose match on alphanumerics
    assert m2.mapping == {"stop-id": "stop_id", "race": "race"} and m2.ok
    m3 = match_headers(["race"], CONTRACT)
    assert m3.missing_required == ["stop_id"] and not m3.ok
    assert 0 < m3.score < m.score


def test_header_errors_name_file_and_column(tmp_path: Path) -> None:
    p = _csv(tmp_path / "a.csv", ["stop_id", "race", "SSN"], [["1", "W", "123"]])
    with pytest.raises(ReadError) as ei:
        read_export(p, CONTRACT)
    assert ei.value.code == "extra-label" and ei.value.field == "SSN" and "a.csv" in str(ei.value)
    assert "123" not in str(ei.value)
    e = read_export(p, CONTRACT, unknown="ignore")
    assert e.table.column_names == ["stop_id", "stop_date", "race", "notes"]
    p2 = _csv(tmp_path / "b.csv", ["race"], [["W"]])
    with pytest.raises(ReadError) as ei:
        read_export(p2, CONTRACT)
    assert (ei.value.code, ei.value.field) == ("missing-label", "stop_id")
    p3 = _csv(tmp_path / "c.csv", ["stop_id", "STOP_NO"], [["1", "2"]])
    with pytest.raises(ReadError) as ei:
        read_export(p3, CONTRACT)
    assert (ei.value.code, ei.value.field) == ("duplicate-label", "stop_id")


def test_blank_and_ragged_rows_are_counted_not_padded(tmp_path: Path) -> None:
    p = tmp_path / "r.csv"
    p.write_text(
        'stop_id,race,notes\n1,W,a\n\n2,B\n3,W,"multi\nline"\n4,W,x,EXTRA\n,,\n5,A,b\n', encoding="utf-8"
    )
    e = read_export(p, CONTRACT)
    assert e.table.column("stop_id").to_pylist() == ["1", "3", "5"]
    assert e.row_numbers.to_pylist() == [2, 5, 8]
    assert e.blank_rows == 2 and e.blank_row_numbers == [3, 7]
    assert [(i.code, i.row, i.field) for i in e.issues] == [
        ("missing-cell", 4, "notes"),
        ("extra-cell", 6, None),
    ]
    assert e.rows_read == 5 == e.table.num_rows + len(e.issue_rows)
    assert "EXTRA" not in repr(e)  # raw quarantined text is kept but never shown
    assert e.quarantine[6].endswith("EXTRA")


def test_json_and_jsonl(tmp_path: Path) -> None:
    objs = [
        {"STOP_NO": 1, "DATE": "01/02/2020", "race": "W"},
        {"STOP_NO": 2.0, "race": None, "notes": True},
        3,
    ]
    pj = tmp_path / "s.json"
    pj.write_text(json.dumps(objs), encoding="utf-8")
    e = read_export(pj, CONTRACT)
    assert e.format == "json"
    assert e.table.column("stop_id").to_pylist() == ["1", "2"]
    assert e.table.column("notes").to_pylist() == [None, "true"]
    assert [(i.code, i.row) for i in e.issues] == [("invalid-row", 4)]
    pl = tmp_path / "s.jsonl"
    pl.write_text("\n".join(json.dumps(o) for o in objs[:2]) + "\n{broken\n", encoding="utf-8")
    e = read_export(pl, CONTRACT)
    assert e.table.num_rows == 2 and [(i.code, i.row) for i in e.issues] == [("invalid-row", 4)]
    arrays = tmp_path / "arrays.json"
    arrays.write_text(json.dumps([["stop_id", "race"], [1, "W"], [2]]), encoding="utf-8")
    e = read_export(arrays, CONTRACT)
    assert e.table.num_rows == 1 and [(i.code, i.field) for i in e.issues] == [("missing-cell", "race")]


def test_xlsx_named_sheet_and_cached_formulas(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.title = "Cover"
    wb.active["A1"] = "not the data"
    ws = wb.create_sheet("Stops")
    ws.append(["STOP_NO", "DATE", "race"])
    ws.append([1, "01/02/2020", "W"])
    ws.append([2.0, "12/31/2019", "B"])
    ws.append([3, "06/15/2021", "=1+1"])  # formula without a cached value (openpyxl never computes)
    p = tmp_path / "stops.xlsx"
    wb.save(p)
    assert detect_format(p) == "xlsx"
    assert read_headers(p, sheet="Stops") == ["STOP_NO", "DATE", "race"]
    e = read_export(p, CONTRACT, sheet="Stops")
    assert e.table.column("stop_id").to_pylist() == ["1", "2"]
    assert [(i.code, i.row, i.field) for i in e.issues] == [("formula-cell", 4, "race")]
    with pytest.raises(ReadError) as ei:
        read_export(p, CONTRACT, sheet="Stops", formulas="refuse")
    assert (ei.value.code, ei.value.row, ei.value.field) == ("formula-cell", 4, "race")
    with pytest.raises(ReadError) as ei:
        read_export(p, CONTRACT, sheet="Nope")
    assert ei.value.code == "sheet-error"


def test_parquet(tmp_path: Path) -> None:
    p = tmp_path / "s.parquet"
    pq.write_table(pa.table({"stop_id": [1, 2], "race": ["W", None], "flag": [True, False]}), p)
    contract = {"fields": [*CONTRACT["fields"], {"name": "flag", "type": "boolean"}]}
    e = read_export(p, contract)
    assert e.table.column("stop_id").to_pylist() == ["1", "2"]
    assert e.table.column("flag").to_pylist() == ["true", "false"]
    assert e.format == "parquet" and e.row_numbers.to_pylist() == [2, 3]


def test_detect_format_by_sniffing(tmp_path: Path) -> None:
    (tmp_path / "a").write_text('[{"a": 1}]')
    (tmp_path / "b").write_text('{"a": 1}\n')
    (tmp_path / "c").write_text("a,b\n1,2\n")
    assert [detect_format(tmp_path / x) for x in "abc"] == ["json", "jsonl", "csv"]


def test_reader_and_validator_together(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text("STOP_NO,DATE,race\n1,01/02/2020,W\n\nx,02/30/2020,B\n3,1/2/2020\n", encoding="utf-8")
    e = read_export(p, CONTRACT)
    r = validate(e.table, CONTRACT, row_numbers=e.row_numbers)
    assert {(x.row, x.field, x.code) for x in r.errors} == {
        (4, "stop_id", "type-error"),
        (4, "stop_date", "type-error"),
    }
    assert [(i.row, i.code) for i in e.issues] == [(5, "missing-cell")]


@pytest.mark.skipif(not SAMPLES.exists(), reason="real samples not available")
def test_real_seattle_sample() -> None:
    p = SAMPLES / "stops_seattle_terry_sample2000.csv"
    headers = read_headers(p)
    assert "GO / SC Num" in headers and len(headers) == 21
    contract = {
        "missingValues": ["NULL", "-", ""],
        "fields": [
            {"name": "go_sc_num", "aliases": ["GO / SC Num"], "type": "string"},
            {
                "name": "terry_stop_id",
                "aliases": ["TERRY_STOP_ID"],
                "type": "integer",
                "constraints": {"required": True},
            },
            {"name": "reported_date", "aliases": ["Reported_Date"], "type": "date"},
            {
                "name": "frisk_flag",
                "aliases": ["FriskFlag"],
                "type": "string",
                "constraints": {"enum": ["Y", "N"]},
            },
        ],
    }
    e = read_export(p, contract, unknown="ignore")
    assert e.encoding == "utf-8" and e.table.num_rows == 2000 and not e.issues
    assert e.table.column("go_sc_num").null_count == 0
    r = validate(e.table, contract, row_numbers=e.row_numbers)
    assert r.rows_checked == 2000
    assert r.summary()["by_code"].get("type-error", 0) == 0


@pytest.mark.skipif(not SAMPLES.exists(), reason="real samples not available")
def test_real_detroit_sample_with_bom() -> None:
    p = SAMPLES / "complaints_detroit_sample2000.csv"
    headers = read_headers(p)
    assert headers[0] == "BPC"  # BOM stripped
    contract = {
        "fields": [
            {"name": "bpc", "aliases": ["BPC"], "type": "string", "constraints": {"required": True}},
            {
                "name": "report_date",
                "aliases": ["Report_Date"],
                "type": "datetime",
                "format": "%Y/%m/%d %H:%M:%S+00",
            },
            {
                "name": "object_id",
                "aliases": ["ObjectId"],
                "type": "integer",
                "constraints": {"unique": True},
            },
        ]
    }
    e = read_export(p, contract, unknown="ignore")
    assert e.encoding == "utf-8-sig" and e.table.num_rows == 1999 and e.rows_read == 1999
    r = validate(e.table, contract, row_numbers=e.row_numbers)
    assert r.valid(), r.summary()


def test_arrow_errors_are_scrubbed(tmp_path: Path) -> None:
    secret = "Sécrétaire Jane Doe"
    p = _csv(tmp_path / "legacy.csv", ["stop_id", "race"], [["1", "W"], ["2", secret]], encoding="cp1252")
    with pytest.raises(ReadError) as ei:
        read_export(p, CONTRACT, encoding="utf-8")  # forced: no fallback
    assert ei.value.code == "encoding-error" and "legacy.csv" in str(ei.value)
    assert "Jane" not in str(ei.value) and ei.value.__cause__ is None


def _quoted_csv(tmp_path: Path, rows: int = 60) -> tuple[Path, list[bytes]]:
    lines = [b"id,name,note,code"] + [f'{i},N{i},"a, b {i}",C{i}'.encode() for i in range(rows)]
    return tmp_path / "q.csv", lines


def _both(path: Path, contract: dict) -> list[tuple[list[int], list[tuple[str, int, str | None]], int]]:
    """read_export and iter_export's figures: (row numbers, issues, rows read)."""
    from pipelines.readers import iter_export

    whole = read_export(path, contract)
    pieces = list(iter_export(path, contract, batch_rows=7))
    out = []
    for parts in ([whole], pieces):
        nums = [n for p in parts for n in p.row_numbers.to_pylist()]
        issues = sorted((i.code, i.row, i.field) for p in parts for i in p.issues)
        out.append((nums, issues, sum(p.rows_read for p in parts)))
    return out


QCONTRACT = {"fields": [{"name": n} for n in ("id", "name", "note", "code")]}


def test_an_unclosed_quote_costs_its_own_record_only(tmp_path: Path) -> None:
    """The quote opened in record 20 (row 22) swallows the next records up to the next quote: row 22 is a
    `parse-error` at the column the quote opens, the swallowed records are read, the rows after keep their numbers."""
    path, lines = _quoted_csv(tmp_path)
    lines[21] = lines[21].replace(b",C20", b',"C20')
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    whole, stream = _both(path, QCONTRACT)
    assert whole == stream
    nums, issues, read = whole
    assert issues == [("parse-error", 22, "code")]
    assert read == 60 and nums == [n for n in range(2, 62) if n != 22]


def test_a_bad_byte_or_nul_costs_its_own_record_only(tmp_path: Path) -> None:
    path, lines = _quoted_csv(tmp_path)
    lines[3] = lines[3].replace(b"N2", "N2 \u00e9".encode())  # the file is UTF-8 ...
    lines[10] = lines[10].replace(b"N9", b"N9\xe9")  # ... with one cp1252 byte
    lines[30] = lines[30].replace(b"C29", b"C\x0029")  # and one NUL byte
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    whole, stream = _both(path, QCONTRACT)
    assert whole == stream
    nums, issues, read = whole
    assert issues == [("encoding-error", 11, "name"), ("encoding-error", 31, "code")]
    assert read == 60 and len(nums) == 58


def test_a_file_cut_inside_its_last_quoted_cell(tmp_path: Path) -> None:
    path, lines = _quoted_csv(tmp_path)
    lines[-1] = lines[-1].split(b'"')[0] + b'"a, b'  # cut in transfer
    path.write_bytes(b"\r\n".join(lines))
    whole, stream = _both(path, QCONTRACT)
    assert whole == stream
    assert whole[1] == [("missing-cell", 61, "code")]  # the cut record lost its last cell: quarantined
    lines[-1] = b'59,N59,"a, b 59","C5'  # cut inside the last cell itself
    path.write_bytes(b"\r\n".join(lines))
    whole, stream = _both(path, QCONTRACT)
    assert whole == stream and whole[1] == [("parse-error", 61, "code")] and whole[2] == 60
