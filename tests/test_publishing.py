"""Tests of pipelines.publishing on local disk (fast): CSV safety, hashing, versions, atomic releases,
crash recovery, retraction."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.publishing import (
    ImmutableVersionError,
    InvalidKeyError,
    KeyExistsError,
    LocalPublisher,
    PreconditionFailedError,
    Publisher,
    PublishError,
    S3Publisher,
    StalePlanError,
    content_hash,
    csv_bytes,
    discard_partial,
    list_versions,
    publisher_from_env,
    read_json,
    retract,
    sha256_hex,
)
from tests.reference.release import plan_release, publish_release

DS = "stops"
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
PACKAGE = {
    "title": "Police stops",
    "description": "Synthetic stops for tests.",
    "keywords": ["police", "stops"],
    "licenses": [{"name": "ODC-PDDL-1.0", "path": "https://opendatacommons.org/licenses/pddl/1-0/"}],
    "sources": [{"title": "Rivertown Police Department"}],
}
PROV = {"inputs": [{"sha256": "0" * 64, "rows": 5}], "policy_sha256": "1" * 64}


def base_schema() -> dict[str, Any]:
    return {
        "fields": [
            {"name": "stop_id", "type": "string", "constraints": {"required": True, "unique": True}},
            {"name": "occurred_date", "type": "date"},
            {"name": "age", "type": "integer", "constraints": {"minimum": 0, "maximum": 120}},
            {"name": "outcome", "type": "string", "constraints": {"enum": ["arrest", "warning", "citation"]}},
            {"name": "narrative", "type": "string", "description": "Redacted narrative"},
        ],
        "primaryKey": ["stop_id"],
    }


def base_table(n: int = 5) -> pa.Table:
    outcomes = ["arrest", "warning", "citation"]
    return pa.table({
        "stop_id": [f"S{i:05d}" for i in range(n)],
        "occurred_date": pa.array([datetime(2024, 1, 1 + i % 28).date() for i in range(n)], pa.date32()),
        "age": pa.array([20 + i % 50 for i in range(n)], pa.int64()),
        "outcome": [outcomes[i % 3] for i in range(n)],
        "narrative": [f"Stopped for [VIOLATION_{i}]" for i in range(n)],
    })


def release(pub: Publisher, table: pa.Table, schema: dict, *, now: datetime = NOW, **kw: Any):
    plan = plan_release(pub, DS, table, schema, **kw)
    return plan, publish_release(pub, plan, table, schema, package=PACKAGE, provenance=PROV, now=now)


def assert_reader_view_consistent(pub: Publisher, dataset: str = DS) -> str | None:
    """A reader following latest.json sees a complete release whose files all match SHA256SUMS."""
    latest = read_json(pub, f"datasets/{dataset}/latest.json")
    if latest is None:
        return None
    prefix = f"datasets/{dataset}/{latest['path']}"
    sums = pub.get(prefix + "SHA256SUMS")
    assert sums is not None, "latest points at a version without SHA256SUMS"
    names = []
    for line in sums.decode().splitlines():
        digest, name = line.split("  ", 1)
        data = pub.get(prefix + name)
        assert data is not None, f"latest points at a version missing {name}"
        assert sha256_hex(data) == digest
        names.append(name)
    dp = pub.get(prefix + "datapackage.json")
    assert dp is not None and sha256_hex(dp) == latest["datapackage_sha256"]
    assert {f"{dataset}.csv", f"{dataset}.parquet", "datapackage.json", "provenance.json", "changes.json",
            "CHANGES.md"} <= set(names)
    return str(latest["version"])


# ------------------------------------------------------------------------------------------------ CSV


def parse_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def test_csv_is_rfc4180_utf8_without_bom() -> None:
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "text", "type": "string"}]}
    tricky = ['comma, inside', 'quote " inside', "line\nbreak", "é ü 漢字", None]
    table = pa.table({"id": list(range(5)), "text": tricky})
    data = csv_bytes(table, schema)
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.startswith(b"id,text\r\n")
    assert data.endswith(b"\r\n")
    assert b'"quote "" inside"' in data
    rows = parse_csv(data)
    assert rows[0] == ["id", "text"]
    assert [r[1] for r in rows[1:]] == [t if t is not None else "" for t in tricky]


@pytest.mark.parametrize("value", ["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", "\rx", "\nx", "|cmd", "\uff1dSUM(A1)",
                                   "\uff0b1", "\uff0d1", "\uff20cmd"])
def test_csv_injection_neutralized_in_text_fields(value: str) -> None:
    schema = {"fields": [{"name": "text", "type": "string"}]}
    rows = parse_csv(csv_bytes(pa.table({"text": [value]}), schema))
    assert rows[1] == ["'" + value]


@pytest.mark.parametrize("value", ["safe", "a=b", " =x", "", "1-2"])
def test_csv_leaves_harmless_text_alone(value: str) -> None:
    schema = {"fields": [{"name": "text", "type": "string"}]}
    rows = parse_csv(csv_bytes(pa.table({"text": [value]}), schema))
    assert rows[1] == [value]


def test_csv_injection_only_in_string_fields_and_parquet_keeps_original(tmp_path: Path) -> None:
    schema = {"fields": [{"name": "n", "type": "integer"}, {"name": "x", "type": "number"},
                         {"name": "s", "type": "string"}], "primaryKey": ["n"]}
    table = pa.table({"n": [-5, 1], "x": [-1.5, 2.0], "s": ["-5", "ok"]})
    rows = parse_csv(csv_bytes(table, schema))
    assert rows[1:] == [["-5", "-1.5", "'-5"], ["1", "2", "ok"]]
    pub = LocalPublisher(tmp_path)
    _, res = release(pub, table, schema)
    back = pq.read_table(tmp_path / "datasets/stops" / f"v{res.version}" / "stops.parquet")
    assert back.column("s").to_pylist() == ["-5", "ok"]


def test_csv_renders_types_iso() -> None:
    schema = {"fields": [{"name": "ts", "type": "datetime"}, {"name": "d", "type": "date"},
                         {"name": "b", "type": "boolean"}]}
    table = pa.table({
        "ts": pa.array([datetime(2024, 3, 4, 5, 6, 7), None], pa.timestamp("us", tz="UTC")),
        "d": pa.array([datetime(2024, 3, 4).date(), None], pa.date32()),
        "b": [True, None],
    })
    rows = parse_csv(csv_bytes(table, schema))
    assert rows[1:] == [["2024-03-04T05:06:07Z", "2024-03-04", "true"], ["", "", ""]]


def test_table_must_match_public_schema_exactly() -> None:
    schema = base_schema()
    with pytest.raises(PublishError, match="not in the public schema"):
        csv_bytes(base_table().append_column("subject_name", pa.array(["x"] * 5)), schema)
    with pytest.raises(PublishError, match="lacks schema fields"):
        csv_bytes(base_table().drop_columns(["age"]), schema)


# ------------------------------------------------------------------------------------------------ hashing


def test_content_hash_is_deterministic_and_row_order_free_with_a_key() -> None:
    schema, table = base_schema(), base_table(50)
    h = content_hash(table, schema)
    assert h == content_hash(table, copy.deepcopy(schema))
    assert h == content_hash(table.take(list(range(49, -1, -1))), schema)
    assert len(h) == 64


@pytest.mark.parametrize("mutate", ["value", "null_vs_empty", "schema_description", "extra_row"])
def test_content_hash_changes_with_content(mutate: str) -> None:
    schema, table = base_schema(), base_table()
    h = content_hash(table, schema)
    if mutate == "value":
        table = table.set_column(2, "age", pa.array([99, 21, 22, 23, 24], pa.int64()))
    elif mutate == "null_vs_empty":
        a = content_hash(table.set_column(4, "narrative", pa.array(["", "b", "c", "d", "e"])), schema)
        b = content_hash(table.set_column(4, "narrative", pa.array([None, "b", "c", "d", "e"])), schema)
        assert a != b
        return
    elif mutate == "schema_description":
        schema["fields"][4]["description"] = "changed"
    else:
        table = base_table(6)
    assert content_hash(table, schema) != h


# ------------------------------------------------------------------------------------------------ versions


def mutate_case(case: str) -> tuple[pa.Table, dict, dict]:
    """Return (table, schema, plan kwargs) for a change against base_table()/base_schema()."""
    t, s, kw = base_table(), base_schema(), {}
    if case == "field_removed":
        t, s["fields"] = t.drop_columns(["narrative"]), s["fields"][:4]
    elif case == "field_renamed":
        t = t.rename_columns(["stop_id", "occurred_date", "age", "outcome", "summary"])
        s["fields"][4] = {**s["fields"][4], "name": "summary", "renamedFrom": "narrative"}
    elif case == "field_retyped":
        t = t.set_column(2, "age", t.column("age").cast(pa.float64()))
        s["fields"][2]["type"] = "number"
    elif case == "fields_reordered":
        order = ["stop_id", "occurred_date", "outcome", "age", "narrative"]
        t, s["fields"] = t.select(order), [s["fields"][i] for i in (0, 1, 3, 2, 4)]
    elif case == "constraint_tighter_max":
        s["fields"][2]["constraints"]["maximum"] = 100
    elif case == "constraint_required_added":
        s["fields"][3]["constraints"]["required"] = True
    elif case == "enum_narrowed":
        s["fields"][3]["constraints"]["enum"] = ["arrest", "warning", "citation"][:3]
        s["fields"][3]["constraints"]["pattern"] = "^[a-z]+$"
    elif case == "records_removed":
        t = t.slice(0, 4)
    elif case == "field_added":
        t = t.append_column("beat", pa.array(["B1"] * 5))
        s["fields"].append({"name": "beat", "type": "string"})
    elif case == "field_inserted_first":
        t = pa.table({"beat": ["B1"] * 5, **{n: t.column(n) for n in t.column_names}})
        s["fields"].insert(0, {"name": "beat", "type": "string"})
    elif case == "records_added":
        t = base_table(8)
    elif case == "enum_widened":
        s["fields"][3]["constraints"]["enum"].append("no-action")
    elif case == "constraint_loosened":
        s["fields"][2]["constraints"]["maximum"] = 130
    elif case == "value_corrected":
        t = t.set_column(2, "age", pa.array([20, 21, 22, 23, 99], pa.int64()))
    elif case == "description_changed":
        s["fields"][4]["description"] = "Narrative, redacted"
    elif case == "records_removed_as_patch":
        t, kw = t.slice(0, 4), {"removed_records": "patch"}
    return t, s, kw


@pytest.mark.parametrize(("case", "bump", "version"), [
    ("field_removed", "major", "2.0.0"),
    ("field_renamed", "major", "2.0.0"),
    ("field_retyped", "major", "2.0.0"),
    ("fields_reordered", "major", "2.0.0"),
    ("constraint_tighter_max", "major", "2.0.0"),
    ("constraint_required_added", "major", "2.0.0"),
    ("enum_narrowed", "major", "2.0.0"),
    ("records_removed", "major", "2.0.0"),
    ("field_inserted_first", "major", "2.0.0"),
    ("field_added", "minor", "1.1.0"),
    ("records_added", "minor", "1.1.0"),
    ("enum_widened", "minor", "1.1.0"),
    ("constraint_loosened", "minor", "1.1.0"),
    ("value_corrected", "patch", "1.0.1"),
    ("description_changed", "patch", "1.0.1"),
    ("records_removed_as_patch", "patch", "1.0.1"),
])
def test_version_bumps(tmp_path: Path, case: str, bump: str, version: str) -> None:
    pub = LocalPublisher(tmp_path)
    first, _ = release(pub, base_table(), base_schema())
    assert (first.version, first.previous_version) == ("1.0.0", None)
    table, schema, kw = mutate_case(case)
    plan = plan_release(pub, DS, table, schema, **kw)
    assert (plan.bump, plan.version, plan.previous_version) == (bump, version, "1.0.0")
    assert ("field_mapping" in plan.changes) == (bump == "major")
    res = publish_release(pub, plan, table, schema, package=PACKAGE, provenance=PROV, now=NOW)
    assert res.created and res.version == version
    assert read_json(pub, "datasets/stops/latest.json")["version"] == version


def test_rename_mapping_table(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    table, schema, _ = mutate_case("field_renamed")
    plan = plan_release(pub, DS, table, schema)
    assert {"old": "narrative", "new": "summary"} in plan.changes["field_mapping"]
    assert {"old": "age", "new": "age"} in plan.changes["field_mapping"]
    assert plan.changes["fields"]["renamed"] == [{"from": "narrative", "to": "summary"}]
    assert plan.changes["records"]["changed"] == 0  # values compared through the rename
    # without the hint it is a removal plus an addition, and the mapping says so
    hintless = copy.deepcopy(schema)
    del hintless["fields"][4]["renamedFrom"]
    plan2 = plan_release(pub, DS, table, hintless)
    assert {"old": "narrative", "new": None} in plan2.changes["field_mapping"]
    assert {"old": None, "new": "summary"} in plan2.changes["field_mapping"]
    publish_release(pub, plan, table, schema, package=PACKAGE, provenance=PROV, now=NOW)
    md = (tmp_path / "datasets/stops/v2.0.0/CHANGES.md").read_text()
    assert "| narrative | summary |" in md


def test_record_diff_lists_public_keys_and_counts_only(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(5), base_schema())
    t = base_table(7).filter(pa.array([i != 1 for i in range(7)]))
    secret = "Stopped for ZEBRA-UNIQUE-TOKEN"
    t = t.set_column(4, "narrative", pa.array([secret if i == 0 else v for i, v in
                                               enumerate(t.column("narrative").to_pylist())]))
    plan = plan_release(pub, DS, t, base_schema())
    rec = plan.changes["records"]
    assert (rec["added"], rec["removed"], rec["changed"], rec["unchanged"]) == (2, 1, 1, 3)
    assert rec["added_keys"] == ["S00005", "S00006"]
    assert rec["removed_keys"] == ["S00001"]
    assert rec["changed_keys"] == ["S00000"]
    assert rec["changed_by_field"] == {"narrative": 1}
    res = publish_release(pub, plan, t, base_schema(), package=PACKAGE, provenance=PROV, now=NOW)
    for name in ("changes.json", "CHANGES.md"):
        assert "ZEBRA" not in (tmp_path / res.path / name).read_text()


def test_composite_key_and_keyless_diff(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    schema = {"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "integer"},
                         {"name": "v", "type": "string"}], "primaryKey": ["a", "b"]}
    t1 = pa.table({"a": ["x", "x", "y"], "b": [1, 2, 1], "v": ["p", "q", "r"]})
    release(pub, t1, schema)
    t2 = pa.table({"a": ["x", "x", "y"], "b": [1, 2, 2], "v": ["p", "Q", "r"]})
    rec = plan_release(pub, DS, t2, schema).changes["records"]
    assert rec["changed_keys"] == [["x", "2"]] and rec["added_keys"] == [["y", "2"]]
    assert rec["removed_keys"] == [["y", "1"]]
    pub2 = LocalPublisher(tmp_path / "nokey")
    keyless = {"fields": schema["fields"]}
    release(pub2, t1, keyless)
    plan = plan_release(pub2, DS, pa.concat_tables([t1, t1.slice(0, 1)]), keyless)
    assert plan.changes["records"]["by"] == "whole-row"
    assert (plan.changes["records"]["added"], plan.bump) == (1, "minor")


def test_duplicate_primary_key_refused(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    dup = pa.concat_tables([base_table(), base_table().slice(0, 1)])
    with pytest.raises(PublishError, match="not unique"):
        plan_release(pub, DS, dup, base_schema())


# ------------------------------------------------------------------------------------------------ release layout


def test_first_release_layout_and_metadata(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    plan, res = release(pub, base_table(), base_schema())
    assert (plan.version, plan.bump, res.created, res.path) == ("1.0.0", "major", True, "datasets/stops/v1.0.0/")
    vdir = tmp_path / "datasets/stops/v1.0.0"
    assert sorted(p.name for p in vdir.iterdir()) == sorted(
        ["stops.csv", "stops.parquet", "datapackage.json", "provenance.json", "changes.json", "CHANGES.md",
         "SHA256SUMS"])
    dp = json.loads((vdir / "datapackage.json").read_text())
    assert dp["$schema"].startswith("https://datapackage.org/profiles/2.0/")
    assert (dp["name"], dp["version"], dp["title"], dp["created"]) == (
        "stops", "1.0.0", "Police stops", "2024-05-01T12:00:00Z")
    assert dp["licenses"] == PACKAGE["licenses"] and dp["keywords"] == ["police", "stops"]
    by_format = {r["format"]: r for r in dp["resources"]}
    for fmt, name in (("csv", "stops.csv"), ("parquet", "stops.parquet")):
        r = by_format[fmt]
        data = (vdir / name).read_bytes()
        assert (r["path"], r["type"], r["bytes"]) == (name, "table", len(data))
        assert r["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert r["schema"]["fields"] == base_schema()["fields"]
    assert by_format["csv"]["mediatype"] == "text/csv" and by_format["csv"]["encoding"] == "utf-8"
    assert by_format["csv"]["dialect"]["lineTerminator"] == "\r\n"
    prov = json.loads((vdir / "provenance.json").read_text())
    assert prov["inputs"] == PROV["inputs"] and prov["code_version"]
    latest = read_json(pub, "datasets/stops/latest.json")
    assert latest == {"dataset": "stops", "version": "1.0.0", "path": "v1.0.0/", "published": "2024-05-01T12:00:00Z",
                      "datapackage_sha256": sha256_hex((vdir / "datapackage.json").read_bytes())}
    versions = read_json(pub, "datasets/stops/versions.json")
    assert versions["dataset"] == "stops"
    entry = versions["versions"][0]
    assert {k: entry[k] for k in ("version", "path", "status", "records", "note")} == {
        "version": "1.0.0", "path": "v1.0.0/", "status": "published", "records": 5, "note": ""}
    assert res.files["stops.csv"]["sha256"] == sha256_hex((vdir / "stops.csv").read_bytes())
    assert pq.read_table(vdir / "stops.parquet").num_rows == 5
    assert_reader_view_consistent(pub)


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum not installed")
def test_sha256sums_is_checkable_and_detects_tampering(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    vdir = tmp_path / "datasets/stops/v1.0.0"
    ok = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=vdir, capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout.count(": OK") == 6
    (vdir / "stops.csv").write_bytes(b"tampered\r\n")
    bad = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=vdir, capture_output=True, text=True)
    assert bad.returncode != 0


def test_datapackage_validates_with_frictionless(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    report = frictionless.validate(str(tmp_path / "datasets/stops/v1.0.0/datapackage.json"),
                                   resource_name="stops")
    assert report.valid, report.flatten(["type", "fieldName", "rowNumber"])


def test_same_content_is_a_no_op(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    shuffled = base_table().take([4, 2, 0, 1, 3])
    plan, res = release(pub, shuffled, base_schema(), now=datetime(2030, 1, 1, tzinfo=UTC))
    assert (plan.bump, plan.version, res.created) == ("none", "1.0.0", False)
    assert res.files["stops.csv"]["sha256"]
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before
    assert len(list_versions(pub, DS)) == 1


def test_publish_refuses_content_other_than_planned(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    plan = plan_release(pub, DS, base_table(), base_schema())
    with pytest.raises(PublishError, match="content hash"):
        publish_release(pub, plan, base_table(6), base_schema(), package=PACKAGE, provenance=PROV)
    assert pub.list("") == []


def test_stale_plan_refused(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    plan_a = plan_release(pub, DS, base_table(6), base_schema())
    release(pub, base_table(7), base_schema())
    with pytest.raises(StalePlanError):
        publish_release(pub, plan_a, base_table(6), base_schema(), package=PACKAGE, provenance=PROV)


def test_published_path_is_never_written_twice(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    key = "datasets/stops/v1.0.0/stops.csv"
    original = pub.get(key)
    with pytest.raises(KeyExistsError):
        pub.put(key, b"other", create_only=True)
    assert pub.get(key) == original
    # a plan forged to reuse 1.0.0 with other content is refused
    forged = plan_release(pub, DS, base_table(6), base_schema())
    forged.version, forged.previous_version = "1.0.0", None
    with pytest.raises((ImmutableVersionError, StalePlanError)):
        publish_release(pub, forged, base_table(6), base_schema(), package=PACKAGE, provenance=PROV)
    assert pub.get(key) == original


def test_local_compare_and_swap(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    pub.put("a/b.json", b"1")
    got = pub.get_with_etag("a/b.json")
    assert got is not None
    pub.put("a/b.json", b"2", if_match=got[1])
    with pytest.raises(PreconditionFailedError):
        pub.put("a/b.json", b"3", if_match=got[1])
    assert pub.get("a/b.json") == b"2"


@pytest.mark.parametrize("key", ["../x", "/abs", "a/../b", "a//b", "", "a\\b"])
def test_invalid_keys_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(InvalidKeyError):
        LocalPublisher(tmp_path).put(key, b"x")


def test_publisher_from_env(tmp_path: Path) -> None:
    local = publisher_from_env({"OSD_PUBLIC": str(tmp_path)})
    assert isinstance(local, LocalPublisher) and local.base_dir == tmp_path
    s3 = publisher_from_env({"OSD_S3_BUCKET": "b", "OSD_S3_PREFIX": "p/", "OSD_S3_ENDPOINT_URL": "http://h:1"})
    assert isinstance(s3, S3Publisher)
    assert s3._client is None  # built lazily: constructing it touches no network
    assert s3.url("datasets/x.json") == "http://h:1/b/p/datasets/x.json"


# ------------------------------------------------------------------------------------------------ crash safety


class InjectedFault(Exception):
    pass


class FaultyPublisher(Publisher):
    """Delegates to ``inner`` and raises on the ``fail_at``-th write (before it, or after it succeeded)."""

    def __init__(self, inner: Publisher, fail_at: int, after: bool = False) -> None:
        self.inner, self.fail_at, self.after, self.writes = inner, fail_at, after, 0

    def put(self, key: str, data: bytes, **kw: Any) -> None:
        self.writes += 1
        if self.writes == self.fail_at and not self.after:
            raise InjectedFault(key)
        self.inner.put(key, data, **kw)
        if self.writes == self.fail_at and self.after:
            raise InjectedFault(key)

    def get(self, key: str) -> bytes | None:
        return self.inner.get(key)

    def get_with_etag(self, key: str) -> tuple[bytes, str] | None:
        return self.inner.get_with_etag(key)

    def exists(self, key: str) -> bool:
        return self.inner.exists(key)

    def list(self, prefix: str) -> list[str]:
        return self.inner.list(prefix)

    def delete(self, key: str) -> None:
        self.inner.delete(key)

    def url(self, key: str) -> str:
        return self.inner.url(key)

    def debris(self, prefix: str) -> list[str]:
        return self.inner.debris(prefix)

    def discard_debris(self, prefix: str) -> int:
        return self.inner.discard_debris(prefix)


def run_fault_injection(make_publisher, tables: list[pa.Table], schema: dict) -> int:
    """For every write position of the last release: crash there, check the reader view, re-run, compare.

    ``make_publisher(tag)`` returns a fresh empty publisher. Returns the number of crash points tested.
    """
    later = datetime(2031, 1, 1, tzinfo=UTC)
    references = {}
    for when in (NOW, later):
        reference = make_publisher(f"reference{when.year}")
        for t in tables[:-1]:
            release(reference, t, schema)
        release(reference, tables[-1], schema, now=when)
        references[when] = {k: reference.get(k) for k in reference.list("datasets/")}
    version = plan_release(reference, DS, tables[-1], schema).version
    dp_key = f"datasets/{DS}/v{version}/datapackage.json"
    counter = FaultyPublisher(make_publisher("count"), fail_at=0)
    for t in tables:
        release(counter, t, schema)
    base_writes = FaultyPublisher(make_publisher("count0"), fail_at=0)
    for t in tables[:-1]:
        release(base_writes, t, schema)
    total_writes = counter.writes - base_writes.writes
    for n in range(1, total_writes + 1):
        for after in (False, True):
            pub = make_publisher(f"crash{n}{'a' if after else 'b'}")
            for t in tables[:-1]:
                release(pub, t, schema)
            before = assert_reader_view_consistent(pub)
            with pytest.raises(InjectedFault):
                release(FaultyPublisher(pub, n, after=after), tables[-1], schema, now=NOW)
            assert assert_reader_view_consistent(pub) in (before, version)
            # a later run completes the release byte for byte; it keeps the crashed run's timestamp once
            # datapackage.json was written (the files written before it carry none)
            expected = references[NOW] if pub.exists(dp_key) else references[later]
            plan, res = release(pub, tables[-1], schema, now=later)
            assert res.version == version
            assert assert_reader_view_consistent(pub) == version
            assert {k: pub.get(k) for k in pub.list("datasets/")} == expected
    return total_writes


def assert_nothing_unlisted(pub: Publisher, dataset: str = DS) -> None:
    """Every version folder's file of the dataset belongs to a listed version (other files are pointers or the
    site's pages and subsets of the latest release); no lease, no debris."""
    listed = {e["path"] for e in list_versions(pub, dataset)}
    prefix = f"datasets/{dataset}/"
    for key in pub.list(prefix):
        rest = key[len(prefix):]
        folder = rest.split("/", 1)[0]
        if "/" in rest and re.fullmatch(r"v\d+\.\d+\.\d+", folder):
            assert folder + "/" in listed, key
    assert not pub.exists(f".publishing/{dataset}.lease.json")
    assert pub.debris(prefix) == [] and pub.debris(f".publishing/{dataset}.") == []


def run_fault_injection_then_corrected(make_publisher, tables: list[pa.Table], corrected: pa.Table,
                                       schema: dict) -> int:
    """For every write position of the last release: crash there, then publish a *corrected* table instead: it
    publishes (the partial version is discarded), nothing unlisted stays public. Returns the crash points."""
    n, tested = 0, 0
    while True:
        n += 1
        done = False
        for after in (False, True):
            pub = make_publisher(f"fix{n}{'a' if after else 'b'}")
            for t in tables[:-1]:
                release(pub, t, schema)
            try:
                release(FaultyPublisher(pub, n, after=after), tables[-1], schema, now=NOW)
                done = True  # fewer writes than n: every position was tested
                break
            except InjectedFault:
                pass
            _, res = release(pub, corrected, schema)
            assert assert_reader_view_consistent(pub) == res.version
            assert pub.get(f"datasets/{DS}/{res.path.split('/')[-2]}/stops.csv") == csv_bytes(corrected, schema)
            assert_nothing_unlisted(pub)
            tested += 1
        if done:
            return tested


def test_publish_lease_waits_for_a_live_holder_and_takes_over_a_dead_one(tmp_path: Path) -> None:
    from pipelines import publishing

    pub = LocalPublisher(tmp_path)
    key = ".publishing/stops.lease.json"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = {"owner": "other", "host": publishing.lease._host_id(), "pid": sleeper.pid, "since": time.time()}
        pub.put(key, json.dumps(live).encode())
        with pytest.raises(PublishError, match="another publish of this dataset is running"):
            with publishing.publish_lease(pub, DS, wait=0.5):
                pass
    finally:
        sleeper.kill()
        sleeper.wait()
    with publishing.publish_lease(pub, DS, wait=5):  # the holder died: taken over at once
        assert json.loads(pub.get(key) or b"{}")["pid"] == os.getpid()
    assert not pub.exists(key)
    pub.put(key, json.dumps({**live, "host": "elsewhere", "since": time.time() - 7 * 3600}).encode())
    with publishing.publish_lease(pub, DS, wait=5):  # not renewed for longer than LEASE_TTL_SECONDS
        pass


def test_publish_lease_is_renewed_and_a_lost_lease_stops_the_publish(tmp_path: Path, monkeypatch) -> None:
    from pipelines import publishing

    monkeypatch.setattr(publishing.lease, "LEASE_BEAT_SECONDS", 0.05)
    pub = LocalPublisher(tmp_path)
    key = ".publishing/stops.lease.json"
    with publishing.publish_lease(pub, DS) as lease:
        first = json.loads(pub.get(key) or b"{}")
        deadline = time.monotonic() + 10
        while json.loads(pub.get(key) or b"{}").get("beat") is None and time.monotonic() < deadline:
            time.sleep(0.05)
        beat = json.loads(pub.get(key) or b"{}")["beat"]
        assert beat >= first["since"]  # renewed while held: another machine sees it alive
        lease.check()
        pub.put(key, json.dumps({**first, "owner": "someone else"}).encode())  # taken over meanwhile
        with pytest.raises(PublishError, match="taken over"):
            lease.check()
    assert json.loads(pub.get(key) or b"{}")["owner"] == "someone else"  # not deleted: it is not ours


def test_fault_injection_then_corrected_local(tmp_path: Path) -> None:
    tested = run_fault_injection_then_corrected(lambda tag: LocalPublisher(tmp_path / tag),
                                                [base_table(5), base_table(8)], base_table(9), base_schema())
    assert tested >= 18  # lease + 7 release files + versions.json + latest.json, before and after each


def test_fault_injection_local(tmp_path: Path) -> None:
    tested = run_fault_injection(lambda tag: LocalPublisher(tmp_path / tag),
                                 [base_table(5), base_table(8)], base_schema())
    assert tested >= 9  # 7 release files + versions.json + latest.json


def test_partial_version_with_other_content_is_discarded_then_published(tmp_path: Path) -> None:
    """A publish interrupted after some files, then a corrected export: the partial files are deleted and the
    corrected content publishes under the same version (it was never listed); a listed version is never
    discarded."""
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    with pytest.raises(InjectedFault):
        release(FaultyPublisher(pub, 4), base_table(8), base_schema())  # lease, csv, parquet, then the fault
    assert pub.list("datasets/stops/v1.1.0/") == ["datasets/stops/v1.1.0/stops.csv", "datasets/stops/v1.1.0/stops.parquet"]
    other = base_table(9)
    _, res = release(pub, other, base_schema())
    assert res.version == "1.1.0" and not res.resumed
    assert pub.get("datasets/stops/v1.1.0/stops.csv") == csv_bytes(other, base_schema())
    assert assert_reader_view_consistent(pub) == "1.1.0"
    assert not pub.exists(".publishing/stops.lease.json")
    with pytest.raises(ImmutableVersionError):
        discard_partial(pub, DS, "1.1.0")


# ------------------------------------------------------------------------------------------------ retraction


def test_retraction(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(5), base_schema())
    release(pub, base_table(6), base_schema())
    sums = pub.get("datasets/stops/v1.1.0/SHA256SUMS")
    tomb = retract(pub, DS, "1.1.0", "contained an unredacted field", now=NOW)
    assert read_json(pub, "datasets/stops/v1.1.0/TOMBSTONE.json") == tomb
    # the withdrawn files' checksums stay in the tombstone
    files = tomb.pop("files")
    assert files == {**{n: h for h, n in (ln.split("  ") for ln in sums.decode().splitlines())},
                                 "SHA256SUMS": hashlib.sha256(sums).hexdigest()}
    assert tomb == {"dataset": "stops", "version": "1.1.0", "retracted_at": "2024-05-01T12:00:00Z",
                    "reason": "contained an unredacted field", "replacement": "1.0.0"}
    assert pub.list("datasets/stops/v1.1.0/") == ["datasets/stops/v1.1.0/TOMBSTONE.json"]
    tomb["files"] = files
    entries = list_versions(pub, DS)
    assert [(e["version"], e["status"]) for e in entries] == [("1.1.0", "retracted"), ("1.0.0", "published")]
    assert entries[0]["reason"] == "contained an unredacted field" and entries[0]["retracted_at"]
    assert read_json(pub, "datasets/stops/latest.json")["version"] == "1.0.0"
    assert_reader_view_consistent(pub)
    # idempotent
    assert retract(pub, DS, "1.1.0", "again", now=datetime(2030, 1, 1, tzinfo=UTC)) == tomb
    # the retracted path is never reused: the same change now becomes 1.2.0
    plan, res = release(pub, base_table(6), base_schema())
    assert (plan.version, plan.previous_version, plan.bump) == ("1.2.0", "1.0.0", "minor")
    assert read_json(pub, "datasets/stops/v1.1.0/TOMBSTONE.json") == tomb


def test_retracting_the_only_release_removes_latest(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(), base_schema())
    tomb = retract(pub, DS, "1.0.0", "published by mistake", now=NOW)
    assert tomb["replacement"] is None
    assert not pub.exists("datasets/stops/latest.json")
    assert list_versions(pub, DS)[0]["status"] == "retracted"
    plan, _ = release(pub, base_table(), base_schema())
    assert (plan.version, plan.previous_version) == ("2.0.0", None)


def test_partial_retraction_completes_on_rerun(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    release(pub, base_table(5), base_schema())
    release(pub, base_table(6), base_schema())

    class DeleteFails(FaultyPublisher):
        def delete(self, key: str) -> None:
            raise InjectedFault(key)

    with pytest.raises(InjectedFault):
        retract(DeleteFails(pub, fail_at=10**6), DS, "1.1.0", "bad", now=NOW)
    assert read_json(pub, "datasets/stops/latest.json")["version"] == "1.0.0"  # readers moved away first
    retract(pub, DS, "1.1.0", "bad", now=NOW)
    assert pub.list("datasets/stops/v1.1.0/") == ["datasets/stops/v1.1.0/TOMBSTONE.json"]


def test_retract_unknown_version(tmp_path: Path) -> None:
    with pytest.raises(PublishError):
        retract(LocalPublisher(tmp_path), DS, "9.9.9", "x")


def test_changes_md_escapes_the_release_note_html(tmp_path: Path) -> None:
    pub = LocalPublisher(tmp_path)
    table = base_table()
    plan = plan_release(pub, DS, table, base_schema())
    note = 'Fixed <script>alert(1)</script> & <img src=x onerror=alert(2)>'
    publish_release(pub, plan, table, base_schema(), package=PACKAGE, provenance=PROV, note=note)
    md = (pub.get(f"datasets/{DS}/v1.0.0/CHANGES.md") or b"").decode()
    assert "Fixed &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;" in md
    assert "<script>" not in md and "<img" not in md
    assert read_json(pub, f"datasets/{DS}/v1.0.0/changes.json")["note"] == note  # the data keeps the text
