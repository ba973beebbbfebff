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


PUBLISHED = ["agency", "occurred_at", "outcome", "stop_id", "stop_reason", "subject_race", "subject_sex"]


def _source(root: Path, name: str, extra: str = "", contract: str = CONTRACT, key: str = "CASE",
            fields: str = "") -> None:
    """An agency folder with a `stops` source mapping `stop_id` (and `fields`); the other columns the dataset
    publishes are declared `absent`."""
    fields = f"stop_id: {{from: {key}}}\n" + fields if "stop_id:" not in fields else fields
    absent = [c for c in PUBLISHED if f"{c}:" not in fields]
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "agency.yaml").write_text(f"name: {name}\n")
    (folder / "m.contract.yaml").write_text(contract)
    (folder / "m.mapping.yaml").write_text(
        f"name: {name}\ndataset: stops\ncontract: m.contract.yaml\nformat: csv\n{extra}\nabsent: {absent}\n"
        "fields:\n" + textwrap.indent(fields, "  "))


def test_rejection_names_headers_and_two_closest_contracts(tmp_path: Path) -> None:
    _source(tmp_path / "src", "newtown")
    _source(tmp_path / "src", "oldtown", contract="fields:\n  - {name: CASE_NO}\n  - {name: DATE}\n", key="CASE_NO")
    _source(tmp_path / "src", "faraway", contract="fields:\n  - {name: ID}\n  - {name: DATE}\n", key="ID")
    f = tmp_path / "inbox" / "export.csv"
    f.parent.mkdir()
    f.write_text("CASE_NO,WHEN,RACE,EXTRA\n1,2,3,4\n")
    with pytest.raises(stages.UnknownExport) as ei:
        stages.identify_export(f, load_specs([BUILTIN_DIR], sources=[tmp_path / "src"]))
    msg = str(ei.value)
    assert "its headers (4): ['CASE_NO', 'WHEN', 'RACE', 'EXTRA']" in msg
    assert "Closest: newtown (stops): 40% of columns match; missing ['CASE']; extra columns ['CASE_NO', 'EXTRA']" in msg
    assert "oldtown (stops): 20% of columns match; missing ['DATE']; extra columns ['WHEN', 'RACE', 'EXTRA']" in msg
    assert msg.count("% of columns match") == 2 and "faraway" not in msg and "describe" in msg


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


def _stage(tmp_path: Path, export: Path, batch: str, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, pd.DataFrame,
                                                                                                pd.DataFrame]:
    from pipelines.store import PrivateStore

    monkeypatch.setenv("OSD_BATCH_ROWS", batch)
    spec = next(s for s in load_specs([BUILTIN_DIR], sources=[tmp_path / "src"]) if s.name == "stops")
    store = PrivateStore.local(tmp_path / f"private{batch}")
    stages.ingest_raw(store, spec, export, export.name)
    std = stages.standardize_partition(store, spec, export.name)
    return (std, store.read_parquet(f"standardized/stops/{export.name}.parquet").to_pandas(),
            store.read_parquet(f"quarantine/stops/{export.name}.parquet").to_pandas())


def test_content_hash_occurrence_counts_over_the_whole_export_whatever_the_batch(tmp_path, monkeypatch) -> None:
    """Exact duplicates on both sides of a batch boundary (people searched together) keep distinct keys, and the
    same keys as when the export is read in one batch."""
    _source(tmp_path / "src", "newtown", contract="fields:\n  - {name: WHEN}\n  - {name: RACE}\n",
            fields="stop_id: {surrogate: content_hash}\nsubject_race: {from: RACE}\n")
    export = tmp_path / "export.csv"
    export.write_text("WHEN,RACE\n" + "".join(f"{r}\n" for r in ["1,W", "1,W", "2,B", "1,W", "1,W", "2,B", "3,B"]))
    small_meta, small, _ = _stage(tmp_path, export, "2", monkeypatch)
    _, whole, _ = _stage(tmp_path, export, "1000", monkeypatch)
    assert small_meta.quarantined == 0 and small["stop_id"].is_unique
    assert small["stop_id"].tolist() == whole["stop_id"].tolist()
    assert [k.split("-")[1] for k in small["stop_id"]] == ["0", "1", "0", "2", "3", "1", "0"]


def test_a_bad_value_in_an_unpivoted_group_names_its_export_row_and_source_field(tmp_path, monkeypatch) -> None:
    contract = ("fields:\n  - {name: CASE, constraints: {required: true}}\n  - {name: FORCE1}\n  - {name: FORCE2}\n"
                "  - {name: FORCE3, constraints: {enum: [TASER, OC]}}\n")
    _source(tmp_path / "src", "newtown", contract=contract, extra="explode: {column: [FORCE1, FORCE2, FORCE3]}",
            fields="stop_reason: {from: FORCE1, map: {TASER: Terry stop, OC: Other}}\n")
    export = tmp_path / "export.csv"
    export.write_text("CASE,FORCE1,FORCE2,FORCE3\nA,TASER,,\nB,OC,KICK,\nC,,TASER,BATON\n")
    std, table, quarantine = _stage(tmp_path, export, "1000", monkeypatch)
    assert table["stop_reason"].tolist() == ["Terry stop", "Other"]
    # export rows as in the file (header = line 1): KICK is on line 3 in FORCE2, BATON on line 4 in FORCE3 (the
    # contract's error is the export row's: both of its values wait with it)
    got = sorted(zip(quarantine["_row"].tolist(), quarantine["_reasons"].tolist(), strict=True))
    assert got == [(3, "unmapped-code:stop_reason[FORCE2]"), (4, "source-constraint-error:FORCE3"),
                   (4, "source-constraint-error:FORCE3;unmapped-code:stop_reason[FORCE3]")], got
    assert std.reasons == {"source-constraint-error:FORCE3": 2, "unmapped-code:stop_reason[FORCE2]": 1,
                              "unmapped-code:stop_reason[FORCE3]": 1}


def test_an_optional_column_is_published_through_the_policy_when_present_and_null_otherwise(tmp_path, monkeypatch,
                                                                                            ) -> None:
    """`searched` is `optional: true` in stops: the agency that has it publishes it (as the policy keeps it), the
    one that does not publishes an empty column; both through the same policy."""
    from pipelines.store import PrivateStore

    contract = "fields:\n  - {name: CASE}\n  - {name: SRCH}\n"
    _source(tmp_path / "src", "withit", contract=contract, extra='match: "withit*"', fields="searched: {from: SRCH}\n")
    _source(tmp_path / "src", "without", contract=contract, extra='match: "without*"')
    spec = next(s for s in load_specs([BUILTIN_DIR], sources=[tmp_path / "src"]) if s.name == "stops")
    store = PrivateStore.local(tmp_path / "private")
    published = {}
    for name in ("withit.csv", "without.csv"):
        export = tmp_path / name
        export.write_text("CASE,SRCH\nA1,Y\nA2,N\nA3,\n")
        stages.ingest_raw(store, spec, export, name)
        assert stages.standardize_partition(store, spec, name).quarantined == 0
        stages.deidentify_partition(store, spec, name, key=b"k")
        published[name] = store.read_parquet(f"deidentified/stops/{name}.parquet").to_pandas()["searched"].tolist()
    assert published["withit.csv"][:2] == [True, False] and pd.isna(published["withit.csv"][2])
    assert all(pd.isna(v) for v in published["without.csv"]) and len(published["without.csv"]) == 3


def test_json_records_under_a_key_are_read_and_a_read_error_keeps_the_readers_explanation(tmp_path, monkeypatch,
                                                                                          ) -> None:
    """NYC CCRB's `{"closingReports": [...]}` could not be ingested and its rejection said only `format-error`:
    records under the one key of an object are read; a declared `record_path` that is not there is rejected with
    the reader's own explanation (no value of the file in it)."""
    contract = "fields:\n  - {name: CASE}\n  - {name: WHEN}\n  - {name: RACE}\n"
    _source(tmp_path / "src", "ccrb", contract=contract, extra="format: json", fields="")
    mapping = tmp_path / "src" / "ccrb" / "m.mapping.yaml"
    mapping.write_text(mapping.read_text().replace("format: csv\n", ""))
    export = tmp_path / "ccrb.json"
    export.write_text('{"closingReports": [{"CASE": "C-1", "WHEN": "x", "RACE": "W"},'
                      ' {"CASE": "C-2", "WHEN": "y", "RACE": "B"}]}')
    std, table, _ = _stage(tmp_path, export, "1000", monkeypatch)
    assert std.rows_out == 2 and sorted(table["stop_id"]) == ["C-1", "C-2"]
    mapping.write_text(mapping.read_text().replace("format: json", 'format: json\nrecord_path: "reports[]"'))
    with pytest.raises(stages.UnknownExport) as ei:
        stages.identify_export(export, load_specs([BUILTIN_DIR], sources=[tmp_path / "src"]))
    msg = str(ei.value)
    assert "ccrb: ccrb.json: format-error: no records at 'reports[]': key 'reports' not found" in msg, msg
    assert "C-1" not in msg and "closingReports" not in msg


def test_age_band_from_an_age_alone_without_a_date_of_birth(tmp_path, monkeypatch) -> None:
    """A dataset's `age_band` treatment reads the date of birth first, but an agency that has only an age maps
    the age (`subject_dob` is optional) and gets age bands."""
    from pipelines.store import PrivateStore

    _source(tmp_path / "src", "agesonly", contract="fields:\n  - {name: CASE}\n  - {name: AGE}\n",
            fields="subject_age: {from: AGE}\n")
    spec = next(s for s in load_specs([BUILTIN_DIR], sources=[tmp_path / "src"]) if s.name == "stops")
    assert "subject_dob" not in spec.source("agesonly").fields
    store = PrivateStore.local(tmp_path / "private")
    export = tmp_path / "ages.csv"
    export.write_text("CASE,AGE\nA1,34\nA2,17\nA3,\n")
    stages.ingest_raw(store, spec, export, export.name)
    assert stages.standardize_partition(store, spec, export.name).quarantined == 0
    stages.deidentify_partition(store, spec, export.name, key=b"k")
    bands = store.read_parquet(f"deidentified/stops/{export.name}.parquet").to_pandas()["subject_age_band"].tolist()
    assert bands[0] and bands[1] and bands[0] != bands[1] and pd.isna(bands[2]), bands
