"""Equivalence: our reader + columnar validator flag the same cells as ``frictionless.validate``.

Tables are generated (seeded) into tmp_path with valid and tricky invalid values for every supported type
and constraint; both validators run on the same file and must agree on every (row, field, code).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

import pytest

frictionless = pytest.importorskip("frictionless")

import pipelines.tableschema as ts  # noqa: E402
from pipelines.readers import read_export  # noqa: E402
from pipelines.tableschema import validate  # noqa: E402

ROW_LEVEL = {"primary-key", "foreign-key", "blank-row"}

CODES = ["A1", "B2", "C3", "D4"]

SCHEMA: dict[str, Any] = {
    "missingValues": ["", "NULL", "-"],
    "primaryKey": ["stop_id"],
    "foreignKeys": [{"fields": ["code"], "reference": {"resource": "codes", "fields": ["code"]}}],
    "fields": [
        {"name": "stop_id", "type": "integer", "constraints": {"required": True}},
        {
            "name": "case_no",
            "type": "string",
            "constraints": {"unique": True, "pattern": r"[0-9]{2}-\d{3,6}"},
        },
        {"name": "stop_date", "type": "date", "format": "%m/%d/%Y", "constraints": {"required": True}},
        {"name": "stop_time", "type": "time", "format": "%H:%M"},
        {"name": "occurred_at", "type": "datetime", "format": "%m/%d/%Y %I:%M %p"},
        {"name": "created", "type": "datetime"},
        {
            "name": "iso_date",
            "type": "date",
            "constraints": {"minimum": "2015-01-01", "maximum": "2030-12-31"},
        },
        {"name": "iso_time", "type": "time"},
        {"name": "age", "type": "integer", "constraints": {"minimum": 0, "maximum": 120}},
        {"name": "amount", "type": "number", "constraints": {"minimum": 0, "maximum": 999.99}},
        {"name": "frisk", "type": "boolean", "trueValues": ["Y"], "falseValues": ["N"]},
        {"name": "arrest", "type": "boolean"},
        {"name": "race", "type": "string", "constraints": {"enum": ["W", "B", "A", "H", "U"]}},
        {"name": "beat", "type": "string", "constraints": {"pattern": "[A-Z][0-9]{1,2}", "minLength": 2}},
        {"name": "note", "type": "string", "constraints": {"maxLength": 8}},
        {"name": "yr", "type": "year"},
        {"name": "ym", "type": "yearmonth", "constraints": {"minimum": "2000-01"}},
        {"name": "count", "type": "integer", "constraints": {"enum": [1, 2, 3]}},
        {"name": "code", "type": "string"},
        {"name": "stamp", "type": "datetime", "format": "%Y-%m-%dT%H:%M:%S%z"},
        {"name": "day_mon", "type": "date", "format": "%d %b %Y"},
    ],
}

# field -> (valid generator, tricky / invalid values)
BAD: dict[str, list[str]] = {
    "stop_id": ["x", "1.0", "1e3", "", "NULL", " 7 ", "+8", "1_0", "--1", "0x1f"],
    "case_no": ["15-1", "AB-123", "15-1234567", "15-123\n", "1-123", " 15-123", "-"],
    "stop_date": [
        "2/30/2020",
        "13/01/2020",
        "1/2/2020",
        " 1/02/2020",
        "02/01/20",
        "2020-02-01",
        "01/02/2020 ",
        "00/10/2020",
        "02/29/2019",
        "02/29/2020",
        "NULL",
        "",
    ],
    "stop_time": ["24:00", "9:5", "09:60", "9:05:00", "12:00 PM", "", "0:00"],
    "occurred_at": [
        "01/02/2020 12:00 AM",
        "01/02/2020 00:30 PM",
        "01/02/2020 13:00 PM",
        "1/2/2020 1:05 pm",
        "01/02/2020  1:05 PM",
        "01/02/2020 1:05PM",
        "01/02/2020 01:5 AM",
        "01/02/2020 1:05 XM",
    ],
    "created": [
        "2020-01-02T10:00:00",
        "2020-01-02 10:00:00",
        "2020-01-02T10:00:00Z",
        "2020-01-02T10:00:00+01:00",
        "2020-01-02T10:00:00.123456",
        "2020-01-02T10:00",
        "2020-01-02",
        "2020-02-30T10:00:00",
        "2020-01-02T25:00:00",
        "2020-01-02T10:00:00-0500",
        "2020-01-02T10:00:61",
        "2020-01-02T10:00:00.5Z",
    ],
    "iso_date": [
        "2014-12-31",
        "2031-01-01",
        "2020-1-5",
        "2020-01-5",
        "20200105",
        "2020/01/05",
        "2020-02-29",
        "2019-02-29",
        "9999-12-31",
        "0001-01-01",
    ],
    "iso_time": ["10:00:00", "10:00", "10:00:00Z", "10:00:00.5", "25:00:00", "10:60:00", "10:00:00+02:00"],
    "age": ["-1", "121", "0", "120", "35.0", "thirty", " 40", "1_2", "4O"],
    "amount": [
        "-0.01",
        "1000",
        "999.99",
        "1e2",
        ".5",
        "5.",
        "nan",
        "inf",
        "-inf",
        "1,000",
        "abc",
        " 3 ",
        "1_5",
        "+2",
    ],
    "frisk": ["y", "Yes", "TRUE", "1", "N ", "NULL"],
    "arrest": ["True", "true", "TRUE", "1", "0", "false", "yes", "T", "no", "FALSE"],
    "race": ["w", "X", "White", " W", "-"],
    "beat": ["K1", "K12", "K123", "k1", "KK", "1K", "K", "K1\n", "-"],
    "note": ["short", "exactly8", "toolong!!", "ünïcödé8", "ünïcödé89"],
    "yr": ["2020", "20", "20201", "+202", "-202", " 202", "abcd", "0000"],
    "ym": ["2020-01", "2020-13", "2020-00", "2020-1", "1999-12", "2020", "2020-01-01", "+2020-05", "2020- 5"],
    "count": ["1", "4", "01", "x", "3"],
    "code": ["A1", "Z9", "", "a1"],
    "stamp": [
        "2020-01-02T10:00:00+0100",
        "2020-01-02T10:00:00Z",
        "2020-01-02T10:00:00+01:00",
        "2020-01-02T10:00:00",
        "2020-01-02T10:00:00+25:00",
        "2020-01-02T10:00:00+01:00:30",
    ],
    "day_mon": ["02 Jan 2020", "2 jan 2020", "31 Feb 2020", "02 January 2020", "02 Jan 20", "02 JAN 2020"],
}


def _good(name: str, i: int, rnd: random.Random) -> str:
    y, m, d = rnd.randint(2015, 2024), rnd.randint(1, 12), rnd.randint(1, 28)
    hh, mi = rnd.randint(0, 23), rnd.randint(0, 59)
    return {
        "stop_id": str(i + 1),
        "case_no": f"{y % 100:02d}-{100000 + i}",
        "stop_date": f"{m:02d}/{d:02d}/{y}",
        "stop_time": f"{hh:02d}:{mi:02d}",
        "occurred_at": f"{m:02d}/{d:02d}/{y} {(hh % 12) or 12:02d}:{mi:02d} {'AM' if hh < 12 else 'PM'}",
        "created": f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mi:02d}:00",
        "iso_date": f"{y}-{m:02d}-{d:02d}",
        "iso_time": f"{hh:02d}:{mi:02d}:00",
        "age": str(rnd.randint(10, 90)),
        "amount": f"{rnd.uniform(0, 999):.2f}",
        "frisk": rnd.choice(["Y", "N"]),
        "arrest": rnd.choice(["true", "false"]),
        "race": rnd.choice(["W", "B", "A", "H", "U"]),
        "beat": f"{rnd.choice('BCDEFGKLMNOQRSUW')}{rnd.randint(1, 99)}",
        "note": rnd.choice(["ok", "fine", "good"]),
        "yr": str(y),
        "ym": f"{y}-{m:02d}",
        "count": str(rnd.randint(1, 3)),
        "code": rnd.choice(CODES),
        "stamp": f"{y}-{m:02d}-{d:02d}T{hh:02d}:{mi:02d}:00+00:00",
        "day_mon": f"{d:02d} {['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} {y}",
    }[name]


def make_table(seed: int, rows: int, p_bad: float) -> tuple[list[str], list[list[str]]]:
    """Rows of cells (some ragged, some blank, some duplicated keys)."""
    rnd = random.Random(seed)
    names = [f["name"] for f in SCHEMA["fields"]]
    out: list[list[str]] = []
    for i in range(rows):
        r = rnd.random()
        if r < 0.02:
            out.append([])  # blank line
            continue
        if r < 0.03:
            out.append([""] * len(names))  # all-missing row
            continue
        row = [_good(n, i, rnd) if rnd.random() > p_bad else rnd.choice(BAD[n]) for n in names]
        if r < 0.05 and out:  # duplicate key of an earlier complete row
            prev = next((p for p in reversed(out) if len(p) == len(names)), None)
            if prev is not None:
                row[0], row[1] = prev[0], prev[1]
        elif r < 0.07:  # ragged, with its own fresh keys
            row[0], row[1] = str(900000 + i), f"99-{900000 + i}"
            row = (
                row[: rnd.randint(2, len(names) - 1)]
                if rnd.random() < 0.5
                else row + ["x"] * rnd.randint(1, 2)
            )
        out.append(row)
    return names, out


def _write(path: Path, names: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(names)
        for r in rows:
            if r:
                w.writerow(r)
            else:
                fh.write("\n")


def _frictionless_errors(tmp_path: Path, schema: dict[str, Any]) -> set[tuple[int, str | None, str]]:
    codes = frictionless.Resource(
        name="codes",
        data=[["code"], *[[c] for c in CODES]],
        schema=frictionless.Schema.from_descriptor({"fields": [{"name": "code", "type": "string"}]}),
    )
    res = frictionless.Resource(
        name="data",
        path="data.csv",
        schema=frictionless.Schema.from_descriptor(schema),
        basepath=str(tmp_path),
    )
    pkg = frictionless.Package(resources=[res, codes], basepath=str(tmp_path))
    report = pkg.validate(limit_errors=10**7)
    task = next(t for t in report.tasks if t.name == "data")
    assert not any(e.type in ("scheme-error", "format-error", "encoding-error") for e in task.errors)
    out = set()
    for e in task.errors:
        field = getattr(e, "field_name", None) or None
        out.add((e.row_number, None if e.type in ROW_LEVEL or e.type == "extra-cell" else field, e.type))
    return out


def _our_errors(path: Path, schema: dict[str, Any]) -> tuple[set[tuple[int, str | None, str]], set[int]]:
    export = read_export(path, schema)
    report = validate(
        export.table,
        schema,
        row_numbers=export.row_numbers,
        foreign_tables={"codes": __import__("pyarrow").table({"code": CODES})},
    )
    out = {(e.row, None if e.code in ROW_LEVEL else e.field, e.code) for e in report.errors}
    out |= {(i.row, i.field, i.code) for i in export.issues}
    out |= {(r, None, "blank-row") for r in export.blank_row_numbers}
    ragged = {i.row for i in export.issues}
    # accounting: every record is in the table, flagged as ragged, or blank
    assert export.rows_read == export.table.num_rows + len(ragged)
    return out, ragged


@pytest.fixture(params=["exact", "fast"])
def paths(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Drive the validator's exact paths, or force its dictionary and canonical fast paths."""
    if request.param == "fast":
        monkeypatch.setattr(ts.fields, "DICT_MIN_ROWS", 1)
        monkeypatch.setattr(ts.fields, "DICT_MAX_RATIO", 1.0)
        monkeypatch.setattr(ts.temporal, "FAST_MIN_ROWS", 1)
    else:
        monkeypatch.setattr(ts.fields, "DICT_MIN_ROWS", 10**12)
        monkeypatch.setattr(ts.temporal, "FAST_MIN_ROWS", 10**12)
    return str(request.param)


@pytest.mark.parametrize(("seed", "p_bad"), [(1, 0.08), (2, 0.2), (3, 0.05)])
def test_same_cells_flagged_as_frictionless(tmp_path: Path, seed: int, p_bad: float, paths: str) -> None:
    names, rows_ = make_table(seed, rows=400, p_bad=p_bad)
    _write(tmp_path / "data.csv", names, rows_)
    theirs = _frictionless_errors(tmp_path, SCHEMA)
    ours, ragged = _our_errors(tmp_path / "data.csv", SCHEMA)
    # ragged rows are quarantined by our reader: compare only their missing/extra-cell errors;
    # blank rows are dropped and counted (frictionless adds a primary-key error to them as well)
    blank = {e[0] for e in theirs if e[2] == "blank-row"}
    theirs = {e for e in theirs if e[0] not in ragged or e[2] in ("missing-cell", "extra-cell")}
    theirs = {e for e in theirs if e[0] not in blank or e[2] == "blank-row"}
    assert sorted(ours - theirs, key=str) == []
    assert sorted(theirs - ours, key=str) == []
    assert len(ours) > 50  # the corpus really exercises errors


def test_valid_table_is_valid_for_both(tmp_path: Path) -> None:
    names, rows = make_table(11, rows=300, p_bad=0.0)
    rows = [r for r in rows if len(r) == len(names) and any(r)]
    seen: set[str] = set()
    uniq = []
    for r in rows:
        if r[0] not in seen:
            seen.add(r[0])
            uniq.append(r)
    _write(tmp_path / "data.csv", names, uniq)
    assert _frictionless_errors(tmp_path, SCHEMA) == set()
    ours, _ = _our_errors(tmp_path / "data.csv", SCHEMA)
    assert ours == set()


def test_every_bad_value_agrees_cell_by_cell(tmp_path: Path, paths: str) -> None:
    """One row per tricky value: the verdict for each single cell must match frictionless."""
    names = [f["name"] for f in SCHEMA["fields"]]
    rnd = random.Random(0)
    rows = []
    i = 0
    for n in names:
        for bad in BAD[n]:
            row = [_good(x, i, rnd) for x in names]
            row[names.index(n)] = bad
            rows.append(row)
            i += 1
    _write(tmp_path / "data.csv", names, rows)
    theirs = _frictionless_errors(tmp_path, SCHEMA)
    ours, _ = _our_errors(tmp_path / "data.csv", SCHEMA)
    assert sorted(ours ^ theirs, key=str) == []
