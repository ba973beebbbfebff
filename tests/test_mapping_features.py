"""Mapping features real exports need (coalesce, extract, fallback formats, epoch times, surrogate keys, row filter,
explode) and recognition outcomes (rejection note, ambiguity, `match:` patterns, contracts ignoring new columns)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from pipelines import stages
from pipelines.catalog import load_specs
from pipelines.catalog.loader import BUILTIN_DIR
from pipelines.standardize import explode_rows, row_filter_mask, standardize

TYPES = {"age": "integer", "race": "string", "sex": "string", "when": "datetime", "key": "string", "badge": "string"}


def _raw(**cols: list[str | None]) -> pa.Table:
    return pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()})


def test_extract_packed_age_race_sex() -> None:
    raw = _raw(ARS=["32/W/F", "19/B/M", "", "x/y"])
    res = standardize(raw, {
        "age": {"from": "ARS", "extract": r"^(\d+)/"},
        "race": {"from": "ARS", "extract": {"pattern": r"^\d+/(?P<race>[A-Z])/", "group": "race"},
                 "map": {"W": "White", "B": "Black"}},
        "sex": {"from": "ARS", "extract": r"/([MF])$"},
    }, TYPES)
    f = res.frame
    assert f["age"].tolist()[:2] == [32, 19] and f["age"].isna().tolist()[2:] == [True, True]
    assert f["race"].tolist()[:2] == ["White", "Black"] and f["sex"].tolist()[:2] == ["F", "M"]
    assert not res.row_reasons  # no match means no value, not an error


def test_coalesce_fallback_formats_and_epoch() -> None:
    raw = _raw(A=["", "77", None], B=["12", "13", ""], D=["03/04/2021", "2021-05-06", "bad"],
               E=["1619000000000", None, "1619000000000"])
    res = standardize(raw, {
        "badge": {"coalesce": ["A", "B"]},
        "when": {"from": "D", "format": ["%m/%d/%Y", "%Y-%m-%d"]},
        "key": {"from": "E"},
    }, TYPES)
    assert res.frame["badge"].tolist()[:2] == ["12", "77"] and pd.isna(res.frame["badge"][2])
    assert [str(x)[:10] for x in res.frame["when"][:2]] == ["2021-03-04", "2021-05-06"]
    assert res.row_reasons == {2: ["type-error:when"]}
    ep = standardize(_raw(E=["1619000000000"]), {"when": {"from": "E", "format": "epoch_ms"}}, TYPES)
    assert str(ep.frame["when"][0]) == "2021-04-21 10:13:20"


def test_surrogate_keys_distinguish_exact_duplicates() -> None:
    raw = _raw(X=["a", "a", "b", "a"], Y=["1", "1", "1", "1"])
    res = standardize(raw, {"key": {"surrogate": "content_hash"}}, TYPES)
    keys = res.frame["key"].tolist()
    assert len(set(keys)) == 4 and keys[0].split("-")[0] == keys[1].split("-")[0] == keys[3].split("-")[0]
    assert [k.split("-")[1] for k in keys] == ["0", "1", "0", "2"]
    rows = standardize(raw, {"key": {"surrogate": "row_number"}}, TYPES, row_numbers=np.array([2, 3, 5, 9]))
    assert rows.frame["key"].tolist() == ["2", "3", "5", "9"]


def test_row_filter_and_explode() -> None:
    raw = _raw(Count=["1", "-1", " 1 ", None], D=["BM4ICN, WF2TCN", "M", "P, HM3RAS", ""])
    assert row_filter_mask(raw, [{"column": "Count", "not_in": ["-1"]}]).tolist() == [True, False, True, True]
    assert row_filter_mask(raw, [{"column": "D", "matches": "^[A-Z]{2}[0-9]"}]).tolist() == [True, False, False, False]
    parents, values = explode_rows(raw, {"columns": ["D"], "separator": ",", "keep": "^[ABHOW][FM][1-4]"})
    assert parents.tolist() == [0, 0, 1, 2, 3] and values == ["BM4ICN", "WF2TCN", None, "HM3RAS", None]
    wide = _raw(F1=["TASER", "OC"], F2=["HANDS", None], F3=[None, None])
    parents, values = explode_rows(wide, {"columns": ["F1", "F2", "F3"]})
    assert parents.tolist() == [0, 0, 1] and values == ["TASER", "HANDS", "OC"]


CONTRACT = "fields:\n  - {name: CASE, constraints: {required: true}}\n  - {name: WHEN}\n  - {name: RACE}\n"


def _source(root: Path, name: str, extra: str = "", contract: str = CONTRACT) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "agency.yaml").write_text(f"name: {name}\n")
    (folder / "m.contract.yaml").write_text(contract)
    (folder / "m.mapping.yaml").write_text(textwrap.dedent(f"""\
        name: {name}
        dataset: stops
        contract: m.contract.yaml
        format: csv
        {extra}
        fields:
          stop_id: {{from: CASE}}
        """))


def test_rejection_names_headers_and_two_closest_contracts(tmp_path: Path) -> None:
    _source(tmp_path / "src", "newtown")
    f = tmp_path / "inbox" / "export.csv"
    f.parent.mkdir()
    f.write_text("CASE_NO,WHEN,RACE,EXTRA\n1,2,3,4\n")
    with pytest.raises(stages.UnknownExport) as ei:
        stages.identify_export(f, load_specs([BUILTIN_DIR], sources=[tmp_path / "src"]))
    msg = str(ei.value)
    assert "its headers (4): ['CASE_NO', 'WHEN', 'RACE', 'EXTRA']" in msg
    assert "Closest: newtown (stops): 40% of columns match; missing ['CASE']; extra columns ['CASE_NO', 'EXTRA']" in msg
    assert msg.count("% of columns match") == 2 and "describe" in msg


def test_ambiguous_routing_refused_unless_a_match_pattern_settles_it(tmp_path: Path) -> None:
    _source(tmp_path / "src", "newtown")
    _source(tmp_path / "src", "oldtown")
    f = tmp_path / "export.csv"
    f.write_text("CASE,WHEN,RACE\n1,2,3\n")
    with pytest.raises(stages.UnknownExport, match="ambiguous, matches 2 source contracts equally: newtown"):
        stages.identify_export(f, load_specs([BUILTIN_DIR], sources=[tmp_path / "src"]))
    (tmp_path / "src" / "oldtown").rename(tmp_path / "old")
    _source(tmp_path / "src", "oldtown", extra='match: "*oldtown*"')
    specs = load_specs([BUILTIN_DIR], sources=[tmp_path / "src"])
    assert stages.identify_export(f, specs).source.name == "newtown"  # the pattern excludes oldtown
    g = tmp_path / "oldtown_2024.csv"
    g.write_text(f.read_text())
    assert stages.identify_export(g, specs).source.name == "oldtown"


def test_unknown_columns_ignore_keeps_recognizing_a_grown_export(tmp_path: Path) -> None:
    _source(tmp_path / "src", "newtown", contract="unknown_columns: ignore\n" + CONTRACT)
    f = tmp_path / "export.csv"
    f.write_text("CASE,WHEN,RACE,NEW_COLUMN\n1,2,3,4\n")
    assert stages.identify_export(f, load_specs([BUILTIN_DIR], sources=[tmp_path / "src"])).source.name == "newtown"
