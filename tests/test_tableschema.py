"""Unit tests for the columnar Table Schema validator and its PII-safe reports."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, time

import pyarrow as pa
import pytest

import pipelines.tableschema as ts
from pipelines.tableschema import CellError, SchemaError, ValidationReport, cast, validate


def _errs(report: ValidationReport) -> set[tuple[int, str | None, str]]:
    return {(e.row, e.field, e.code) for e in report.errors}


def _one(ftype: str, values: list[str | None], **extra: object) -> set[int]:
    """Rows (2-based) flagged for a single field."""
    schema = {"fields": [{"name": "x", "type": ftype, **extra}]}
    return {e.row for e in validate(pa.table({"x": pa.array(values, pa.string())}), schema).errors}


@pytest.mark.parametrize(
    ("ftype", "extra", "good", "bad"),
    [
        ("integer", {}, ["1", "-2", "+3", " 4 ", "1_000", "0"], ["1.0", "1e3", "x", "1__0", "--1", "0x10"]),
        ("integer", {"bareNumber": False}, ["$12", "12%", "-5 USD"], ["USD"]),
        ("number", {}, ["1.5", ".5", "5.", "-1e-3", "nan", "inf", " 2 ", "1_0.5"], ["1,5", "x", ".", "e5"]),
        ("number", {"decimalChar": ",", "groupChar": "."}, ["1.234,5", "3,5"], ["x"]),
        ("boolean", {}, ["true", "False", "TRUE", "1", "0"], ["yes", "T", " true"]),
        ("boolean", {"trueValues": ["Y"], "falseValues": ["N"]}, ["Y", "N"], ["y", "true"]),
        (
            "date",
            {},
            ["2020-01-05", "2020-1-5", "2020-02-29"],
            ["2019-02-29", "20200105", "2020/01/05", "0000-01-01"],
        ),
        (
            "date",
            {"format": "%m/%d/%Y"},
            ["01/05/2020", "1/5/2020", "12/31/1999"],
            ["13/01/2020", "02/30/2020"],
        ),
        (
            "datetime",
            {"format": "%m/%d/%Y %I:%M %p"},
            ["01/05/2020 12:00 AM", "1/5/2020 1:05 pm", "01/05/2020  10:00 PM"],
            ["01/05/2020 13:00 PM", "01/05/2020 00:10 AM", "01/05/2020 10:00"],
        ),
        (
            "datetime",
            {},
            [
                "2020-01-05T10:00:00",
                "2020-01-05 10:00:00Z",
                "2020-01-05T10:00:00.25+01:00",
                "2020-01-05T24:00:00",
            ],
            ["2020-01-05", "2020-01-05T10:00", "2020-01-05T10:00:60", "2020-13-05T10:00:00"],
        ),
        ("time", {}, ["10:00:00", "23:59:59.5", "10:00:00Z"], ["10:00", "24:30:00", "10:60:00"]),
        ("time", {"format": "%H:%M"}, ["10:00", "9:05", "23:59"], ["24:00", "10:00:00"]),
        ("year", {}, ["2020", "0001", "+202"], ["20", "20201", "-202", "abcd"]),
        ("yearmonth", {}, ["2020-01", "2020-1", "1999-12"], ["2020-13", "2020-00", "2020", "2020-01-01"]),
        ("string", {"format": "uuid"}, ["123e4567-e89b-12d3-a456-426614174000"], ["123e4567"]),
        ("string", {"format": "email"}, ["a.b@example.org"], ["not an email", "a@b"]),
    ],
)
def test_types_and_formats(ftype: str, extra: dict, good: list[str], bad: list[str]) -> None:
    values = good + bad
    flagged = _one(ftype, values, **extra)
    assert flagged == set(range(2 + len(good), 2 + len(values)))


def test_missing_values_schema_and_field_level() -> None:
    schema = {
        "missingValues": ["", "NULL"],
        "fields": [
            {"name": "a", "type": "integer", "constraints": {"required": True}},
            {"name": "b", "type": "integer", "missingValues": ["-"]},
        ],
    }
    t = pa.table({"a": ["1", "NULL", "", None], "b": ["-", "NULL", "2", "-"]})
    assert _errs(validate(t, schema)) == {
        (3, "a", "constraint-error"),
        (4, "a", "constraint-error"),
        (5, "a", "constraint-error"),
        (3, "b", "type-error"),  # "NULL" is not missing for b (field-level list replaces the schema's)
    }


def test_constraints() -> None:
    schema = {
        "fields": [
            {"name": "age", "type": "integer", "constraints": {"minimum": 0, "maximum": 120}},
            {"name": "race", "type": "string", "constraints": {"enum": ["W", "B"]}},
            {"name": "beat", "type": "string", "constraints": {"pattern": "[A-Z][0-9]{1,2}", "maxLength": 3}},
            {"name": "d", "type": "date", "constraints": {"minimum": "2020-01-01"}},
            {"name": "n", "type": "integer", "constraints": {"enum": [1, 2]}},
        ]
    }
    t = pa.table(
        {
            "age": ["5", "-1", "121", "x"],
            "race": ["W", "w", "B", "X"],
            "beat": ["K1", "K123", "k1", "K12"],
            "d": ["2020-01-01", "2019-12-31", "2021-01-01", ""],
            "n": ["1", "01", "3", ""],
        }
    )
    assert _errs(validate(t, schema)) == {
        (3, "age", "constraint-error"),
        (4, "age", "constraint-error"),
        (5, "age", "type-error"),  # no constraint error on top of a type error
        (3, "race", "constraint-error"),
        (5, "race", "constraint-error"),
        (3, "beat", "constraint-error"),  # pattern and maxLength: two errors, one cell
        (4, "beat", "constraint-error"),
        (3, "d", "constraint-error"),
        (4, "n", "constraint-error"),
    }
    assert sum(1 for e in validate(t, schema).errors if (e.row, e.field) == (3, "beat")) == 2


def test_unique_uses_typed_values_and_ignores_missing() -> None:
    schema = {"fields": [{"name": "id", "type": "integer", "constraints": {"unique": True}}]}
    t = pa.table({"id": ["1", "01", "2", "", "", "x", "x", "2"]})
    assert _errs(validate(t, schema)) == {
        (3, "id", "unique-error"),
        (7, "id", "type-error"),
        (8, "id", "type-error"),
        (9, "id", "unique-error"),
    }


def test_primary_key_composite_and_all_missing() -> None:
    schema = {
        "primaryKey": ["a", "b"],
        "fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "integer"}],
    }
    t = pa.table({"a": ["x", "x", "x", "", "", "y"], "b": ["1", "2", "1", "", "", ""]})
    errs = _errs(validate(t, schema))
    assert errs == {(4, "a,b", "primary-key"), (5, "a,b", "primary-key"), (6, "a,b", "primary-key")}


def test_foreign_keys_to_code_list_and_self() -> None:
    codes = pa.table({"code": ["A", "B"], "label": ["Alpha", "Beta"]})
    schema = {
        "fields": [
            {"name": "id", "type": "integer"},
            {"name": "code", "type": "string"},
            {"name": "parent", "type": "integer"},
        ],
        "foreignKeys": [
            {"fields": "code", "reference": {"resource": "codes", "fields": "code"}},
            {"fields": ["parent"], "reference": {"resource": "", "fields": ["id"]}},
        ],
    }
    t = pa.table({"id": ["1", "2", "3"], "code": ["A", "C", ""], "parent": ["", "1", "9"]})
    r = validate(t, schema, foreign_tables={"codes": codes})
    assert _errs(r) == {(3, "code", "foreign-key"), (4, "parent", "foreign-key")}
    with pytest.raises(SchemaError):
        validate(t, schema)  # reference table not provided


def test_row_numbers_are_physical() -> None:
    schema = {"fields": [{"name": "x", "type": "integer"}]}
    t = pa.table({"x": ["1", "bad", "3"]})
    r = validate(t, schema, row_numbers=pa.array([2, 7, 9], pa.int64()))
    assert [e.row for e in r.errors] == [7]
    with pytest.raises(ValueError):
        validate(t, schema, row_numbers=[1, 2])


def test_cast_types() -> None:
    schema = {
        "missingValues": ["", "NULL"],
        "fields": [
            {"name": "i", "type": "integer"},
            {"name": "n", "type": "number"},
            {"name": "b", "type": "boolean"},
            {"name": "d", "type": "date", "format": "%m/%d/%Y"},
            {"name": "dt", "type": "datetime", "format": "%m/%d/%Y %I:%M %p"},
            {"name": "t", "type": "time"},
            {"name": "z", "type": "datetime"},
            {"name": "ym", "type": "yearmonth"},
        ],
    }
    t = pa.table(
        {
            "i": ["7", "NULL"],
            "n": ["1.5", "x"],
            "b": ["true", "0"],
            "d": ["1/2/2020", "02/30/2020"],
            "dt": ["01/02/2020 12:30 PM", ""],
            "t": ["10:11:12", "bad"],
            "z": ["2020-01-02T10:00:00+02:00", "2020-01-02T10:00:00Z"],
            "ym": ["2020-03", "2020-13"],
        }
    )
    out = cast(t, schema).to_pydict()
    assert out["i"] == [7, None]
    assert out["n"] == [1.5, None]
    assert out["b"] == [True, False]
    assert out["d"] == [date(2020, 1, 2), None]
    assert out["dt"] == [datetime(2020, 1, 2, 12, 30), None]
    assert out["t"] == [time(10, 11, 12), None]
    assert [v.replace(tzinfo=None) for v in out["z"]] == [datetime(2020, 1, 2, 8), datetime(2020, 1, 2, 10)]
    assert out["ym"] == [date(2020, 3, 1), None]


def test_schema_errors() -> None:
    t = pa.table({"x": ["1"]})
    with pytest.raises(SchemaError):
        validate(t, {"fields": [{"name": "x", "type": "geopoint"}]})
    with pytest.raises(SchemaError):
        validate(t, {})
    with pytest.raises(SchemaError):
        validate(t, {"fields": [{"name": "x", "type": "date", "format": "%Q"}]})


def test_absent_column_is_all_missing() -> None:
    schema = {"fields": [{"name": "x", "type": "string", "constraints": {"required": True}}]}
    assert _errs(validate(pa.table({"y": ["a"]}), schema)) == {(2, "x", "constraint-error")}


def test_python_regex_pattern_fallback() -> None:
    # look-ahead is not RE2: checked per distinct value with Python's re, same verdicts
    schema = {"fields": [{"name": "x", "type": "string", "constraints": {"pattern": "(?!00)[0-9]{2}"}}]}
    assert _one("string", ["12", "00", "1"], constraints=schema["fields"][0]["constraints"]) == {3, 4}


@pytest.mark.parametrize("force_fast", [False, True])
def test_fast_and_exact_paths_agree(monkeypatch: pytest.MonkeyPatch, force_fast: bool) -> None:
    if force_fast:
        monkeypatch.setattr(ts.fields, "DICT_MIN_ROWS", 1)
        monkeypatch.setattr(ts.fields, "DICT_MAX_RATIO", 1.0)
        monkeypatch.setattr(ts.temporal, "FAST_MIN_ROWS", 1)
    values = ["02/28/2019", "02/29/2019", "02/29/2020", "04/31/2020", "4/30/2020", "12/31/2020", "00/01/2020"]
    assert _one("date", values * 3, format="%m/%d/%Y") == {r + 2 + k * 7 for k in range(3) for r in (1, 3, 6)}


# ---------------------------------------------------------------------------------------------- PII safety

SECRETS = ["Jane Q. Doe", "555-12-3456", "jane.doe@example.com", "1 Main St Apt 4", "19840229"]


def test_report_never_contains_cell_values(caplog: pytest.LogCaptureFixture) -> None:
    schema = {
        "primaryKey": ["id"],
        "fields": [
            {"name": "id", "type": "integer", "constraints": {"unique": True}},
            {"name": "name", "type": "string", "constraints": {"maxLength": 3, "enum": ["A"]}},
            {"name": "dob", "type": "date"},
            {"name": "email", "type": "string", "format": "email", "constraints": {"pattern": "x"}},
            {"name": "ssn", "type": "integer"},
        ],
    }
    t = pa.table(
        {
            "id": [SECRETS[1], SECRETS[4], SECRETS[4]],
            "name": [SECRETS[0], SECRETS[3], SECRETS[0]],
            "dob": [SECRETS[4], SECRETS[0], SECRETS[2]],
            "email": [SECRETS[2], SECRETS[3], SECRETS[0]],
            "ssn": [SECRETS[1], SECRETS[1], SECRETS[3]],
        }
    )
    with caplog.at_level(logging.DEBUG):
        report = validate(t, schema)
        cast(t, schema)
    assert len(report.errors) >= 12
    texts = [
        str(report),
        repr(report),
        json.dumps(report.to_dict()),
        json.dumps(report.summary()),
        json.dumps(report.row_reasons()),
        repr(report.errors),
        caplog.text,
    ]
    for text in texts:
        for secret in SECRETS:
            assert secret not in text


def test_summary_counts_and_reasons() -> None:
    errors = [
        CellError("type-error", 5, "a", "type"),
        CellError("constraint-error", 5, "b", "c"),
        CellError("primary-key", 9, "a", "dup"),
    ]
    r = ValidationReport(errors, rows_checked=10)
    s = r.summary(max_rows=1)
    assert s["by_code"] == {"constraint-error": 1, "primary-key": 1, "type-error": 1}
    assert s["by_field"] == {"a": 2, "b": 1}
    assert s["error_rows"] == 2 and s["first_rows"] == [5]
    assert r.row_reasons() == {5: ["type-error:a", "constraint-error:b"], 9: ["primary-key:a"]}
    assert not r.valid() and r.error_rows() == {5, 9}
    assert ValidationReport([], 3).valid()
