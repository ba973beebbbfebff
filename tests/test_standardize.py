"""Source mappings: renames, joins, value maps, parsing; bad cells quarantine the row with a reason, no value."""

import pandas as pd
import pytest

from pipelines.standardize import MappingError, standardize

TYPES = {"occurred_at": "datetime", "race": "string", "frisked": "boolean", "age": "integer", "agency": "string"}
MAPPING = {
    "occurred_at": {"from": ["D", "T"], "format": "%m/%d/%Y %I:%M %p"},
    "race": {"from": "R", "map": {"W": "White", "B": "Black"}},
    "frisked": {"from": "F", "missing": ["-"]},
    "age": {"from": "A", "missing": ["0"]},
    "agency": {"const": "Rivertown PD"},
}


def frame(**cols):
    return pd.DataFrame({k: pd.Series(v, dtype="string") for k, v in cols.items()})


def test_good_rows_map_and_parse():
    raw = frame(D=["03/14/2024"], T=["02:15 PM"], R=[" w "], F=["Y"], A=["34"])
    r = standardize(raw, MAPPING, TYPES)
    row = r.frame.iloc[0]
    assert row["occurred_at"] == pd.Timestamp("2024-03-14 14:15")
    assert row["race"] == "White" and bool(row["frisked"]) is True and row["age"] == 34
    assert row["agency"] == "Rivertown PD"
    assert r.row_reasons == {}


def test_missing_values_are_null_not_errors():
    raw = frame(D=["03/14/2024"], T=["02:15 PM"], R=["B"], F=["-"], A=["0"])
    r = standardize(raw, MAPPING, TYPES)
    assert r.row_reasons == {}
    assert pd.isna(r.frame["frisked"][0]) and pd.isna(r.frame["age"][0])


@pytest.mark.parametrize(
    "cells, reason",
    [
        ({"D": "13/45/2024"}, "type-error:occurred_at"),
        ({"R": "Q"}, "unmapped-code:race"),
        ({"F": "maybe"}, "type-error:frisked"),
        ({"A": "3.5"}, "type-error:age"),
    ],
)
def test_bad_cells_give_reason_codes_without_values(cells, reason):
    good = {"D": "03/14/2024", "T": "02:15 PM", "R": "W", "F": "N", "A": "20"}
    bad = {**good, **cells}
    raw = frame(**{k: [good[k], bad[k]] for k in good})
    r = standardize(raw, MAPPING, TYPES)
    assert r.row_reasons == {1: [reason]}
    assert all(v not in reason for v in cells.values())


def test_seattle_style_fraction_and_missing():
    raw = frame(Reported_Date=["2015-03-30"], Reported_Time=["21:08:00.0000000"])
    m = {"occurred_at": {"from": ["Reported_Date", "Reported_Time"], "replace": [[r"\.\d+$", ""]]}}
    r = standardize(raw, m, {"occurred_at": "datetime"})
    assert r.frame["occurred_at"][0] == pd.Timestamp("2015-03-30 21:08")


def test_mapping_errors_name_the_column():
    with pytest.raises(MappingError, match="no source field"):
        standardize(frame(X=["1"]), {"age": {"from": "A"}}, {"age": "integer"})
    with pytest.raises(MappingError, match="undeclared"):
        standardize(frame(X=["1"]), {"nope": {"from": "X"}}, {"age": "integer"})


def test_default_fills_missing_values_only():
    raw = frame(C=["ONVIEW", "NULL", "911"])
    m = {"reason": {"from": "C", "missing": ["NULL"], "map": {"ONVIEW": "Terry stop", "911": "Call"}, "default": "Terry stop"}}
    r = standardize(raw, m, {"reason": "string"})
    assert list(r.frame["reason"]) == ["Terry stop", "Terry stop", "Call"]


@pytest.mark.parametrize("fmt", ["%m/%d/%Y", "%m/%d/%Y %I:%M %p", "ISO8601", "%H:%M:%S"])
def test_datetimes_parsed_once_per_distinct_value_equal_pandas(fmt):
    """Parsing each distinct value once gives pandas' own result cell for cell: repeats, invalid values, empty
    and missing cells, leap days, both sides of the repetition threshold."""
    import random

    from pipelines.standardize import _to_datetime

    rnd = random.Random(5)
    pool = ["03/14/1987", "3/4/2001", "02/29/2024", "02/29/2023", "13/01/2020", "", "n/a", "12/31/1999 11:59 PM",
            "1/2/2003 7:05 AM", "2024-03-14", "2024-03-14T10:00:00", "2024-03-14 10:00", "10:30:00", "25:00:00",
            "07:05:09", "2019-02-29"]
    for n_distinct in (len(pool), None):  # few distinct values (parsed once each), then mostly distinct ones
        values = [rnd.choice(pool) for _ in range(400)] if n_distinct else \
            [f"{rnd.randint(1, 12)}/{rnd.randint(1, 28)}/{rnd.randint(1900, 2024)}" for _ in range(400)]
        values[::7] = [None] * len(values[::7])
        s = pd.Series(values, dtype="string")
        want = pd.to_datetime(s, format=fmt, errors="coerce")
        pd.testing.assert_series_equal(_to_datetime(s, fmt), want)


DECOMPOSED = "Pen\u0303a"  # "Peña" as "n" and a combining tilde (files made on a Mac, some records systems)


@pytest.mark.parametrize("as_table", [False, True])
def test_text_is_composed_so_one_value_is_one_value(as_table):
    """The same value in two Unicode forms maps through one ``map`` entry and is published in one spelling: it
    was an unmapped code (the row quarantined) and, as a plain column, a second category for k-anonymity."""
    import pyarrow as pa

    mapping = {"race": {"from": "R", "map": {"Hispánico": "Hispanic", "W": "White"}}, "agency": {"from": "A"}}
    types = {"race": "string", "agency": "string"}
    raw = frame(R=["Hispa\u0301nico", "Hispánico", "W"], A=[DECOMPOSED, "Peña", "Pe\u00f1a"])
    r = standardize(pa.Table.from_pandas(raw, preserve_index=False) if as_table else raw, mapping, types)
    assert r.row_reasons == {}
    assert list(r.frame["race"]) == ["Hispanic", "Hispanic", "White"]
    assert list(r.frame["agency"]) == ["Peña"] * 3 and r.frame["agency"].nunique() == 1


def test_ascii_columns_are_left_as_they_are():
    import pyarrow as pa

    from pipelines.standardize import composed

    table = pa.table({"a": ["x", None, "y"], "b": [DECOMPOSED, None, "z"]})
    out = composed(table)
    def data(t: pa.Table, name: str) -> int:
        return t.column(name).chunks[0].buffers()[-1].address

    assert data(out, "a") == data(table, "a")  # not rewritten
    assert data(out, "b") != data(table, "b")
    assert out.column("b").to_pylist() == ["Peña", None, "z"]
