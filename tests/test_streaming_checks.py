"""Checks, preview and publish on the candidate read batch by batch (`stages.candidate_source`) give exactly
the results of the whole-table functions."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import demo as samplegen
from pipelines import publishing, stages
from pipelines.specs import load_specs
from pipelines.store import PrivateStore
from tests.reference import checks as reference
from tests.reference.assemble import load_candidate
from tests.reference.checks import TableSource
from tests.reference.release import plan_release
from tests.stubs import StubRedactor

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("streamchecks")
    old = os.environ.get("OSD_BATCH_ROWS")
    os.environ["OSD_BATCH_ROWS"] = "317"
    try:
        specs = {s.name: s for s in load_specs()}
        files = samplegen.generate(tmp / "in", rows=1500, seed=7, bad_rows=5,
                                   sources=["rivertown_stops", "lakeview_stops", "harbor_city_complaints"])
        store = PrivateStore.local(tmp / "private")
        by: dict[str, list[str]] = {}
        for f in files:
            spec = stages.identify_export(f, list(specs.values())).spec
            stages.ingest_raw(store, spec, f, f.name)
            stages.standardize_partition(store, spec, f.name)
            stages.deidentify_partition(store, spec, f.name, key=b"k", text_redactor_factory=StubRedactor)
            by.setdefault(spec.name, []).append(f.name)
        for ds, parts in by.items():
            stages.assemble_candidate(store, specs[ds], parts)
        yield tmp, store, specs, by
    finally:
        if old is None:
            os.environ.pop("OSD_BATCH_ROWS", None)
        else:
            os.environ["OSD_BATCH_ROWS"] = old


def _both(store, spec):
    table, meta = load_candidate(store, spec)
    src, meta2 = stages.load_candidate_source(store, spec)
    assert meta == meta2 and src.num_rows == table.num_rows > 100
    src.batch_rows = 317
    return table, src, meta


@pytest.mark.parametrize("ds", ["stops", "complaints"])
def test_checks_identical(built, ds):
    _tmp, store, specs, _by = built
    spec = specs[ds]
    table, src, meta = _both(store, spec)
    assert stages.check_schema(spec, src) == reference.check_schema(spec, table)
    assert stages.check_row_accounting(meta, src) == stages.check_row_accounting(meta, TableSource(table))
    assert stages.check_leaks(store, spec, src, meta) == reference.check_leaks_table(store, spec, table, meta)
    assert stages.check_k(spec, src) == reference.check_k(spec, table)
    for name in stages.CHECK_NAMES:  # the registry's checks, streaming and whole-table
        assert stages.run_check(name, store, spec, src, meta) == reference.run_check(name, store, spec, table, meta)
    assert publishing.content_hash_source(src, spec.schema) == meta["content_hash"]


def test_planted_problems_found_the_same(built, tmp_path):
    """Duplicate keys, a type error and leaked names: same findings, same counts, both ways."""
    _tmp, store, specs, _by = built
    spec = specs["stops"]
    table, _src, meta = _both(store, spec)
    std = store.read_parquet(f"standardized/stops/{meta['partitions'][0]}.parquet", columns=["subject_name"])
    name = next(v for v in std.column(0).to_pylist() if v)
    text_col = next(f["name"] for f in spec.schema["fields"] if f.get("type", "string") == "string"
                    and f["name"] not in (spec.primary_key or []))
    vals = table.column(text_col).to_pylist()
    for i in (3, 400, 900):
        vals[i] = f"seen {name} there"
    bad = table.set_column(table.schema.get_field_index(text_col), text_col, pa.array(vals, table.schema.field(text_col).type))
    bad = pa.concat_tables([bad, bad.slice(10, 5)])  # duplicate primary keys
    path = tmp_path / "bad.parquet"
    pq.write_table(bad, path)
    src = publishing.ParquetSource(str(path), batch_rows=317)
    a, b = reference.check_leaks_table(store, spec, bad, meta), stages.check_leaks(store, spec, src, meta)
    assert a == b and a[0] is False and a[1]["findings"] >= 3
    a, b = reference.check_schema(spec, bad), stages.check_schema(spec, src)
    assert a == b and a[0] is False


def test_recount_source_matches_sdc(tmp_path):
    from redaction import sdc

    rng = np.random.default_rng(3)
    n = 5000
    df = pd.DataFrame({
        "a": rng.choice(np.array(["x", "y", "z", "*", None], dtype=object), n),
        "b": rng.choice(np.array(["p", "q", None], dtype=object), n),
        "s": rng.choice(np.array(["u", "v", "w", None], dtype=object), n),
    })
    df.loc[df["a"] == "*", "b"] = None  # fully suppressed rows
    path = tmp_path / "k.parquet"
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), path)
    src = publishing.ParquetSource(str(path), batch_rows=333)
    k, l_val = stages._recount_source(src, ["a", "b"], "s")
    assert (k, l_val) == (sdc.recount_k(df, ["a", "b"]), sdc.recount_l(df, ["a", "b"], "s"))
    assert k > 0 and l_val > 0


def test_preview_and_publish(built, tmp_path):
    _tmp, store, specs, _by = built
    spec = specs["complaints"]
    table, src, meta = _both(store, spec)
    pub = publishing.LocalPublisher(tmp_path / "public")
    plan = publishing.plan_release_source(pub, spec.name, src, spec.schema)
    assert plan == plan_release(pub, spec.name, table, spec.schema)
    for n in stages.CHECK_NAMES:
        stages.record_check(store, spec, meta["content_hash"], n, True, {})
    store.write_json(f"preview/{spec.name}.json", {"content_hash": plan.content_hash})
    out = stages.publish(store, pub, spec, note="first")
    assert out.rows == table.num_rows and out.version == "1.0.0"
    prefix = publishing.release_prefix(spec.name, "1.0.0")
    assert pub.get(prefix + f"{spec.name}.csv") == publishing.csv_bytes(table, spec.schema)
    assert pub.get(prefix + f"{spec.name}.parquet") == publishing.parquet_bytes(table, spec.schema)


def test_identifier_forms_cached_per_partition(built, monkeypatch):
    """Each partition's identifier forms are computed once and kept privately (by standardize with the rows, or by
    the checks when missing or stale); the next gather (the publish step's) reads them back and finds exactly the
    same; a re-standardized partition brings its own; a stale one or another signature (policy identifiers,
    verifier code) is recomputed."""
    from redaction import verify

    _tmp, store, specs, _by = built
    spec = specs["stops"]
    table, _src, meta = _both(store, spec)
    parts = meta["partitions"]
    for p in parts:  # start cold
        for ext in (".json", ".parquet"):
            if store.exists(f"identifiers/stops/{p}{ext}"):
                store.delete(f"identifiers/stops/{p}{ext}")
    frames = [store.read_parquet(f"standardized/stops/{p}.parquet").to_pandas() for p in parts]
    std = pd.concat(frames, ignore_index=True)
    cols = stages.policy_of(spec).identifiers
    for c in cols:
        if pd.api.types.is_datetime64_any_dtype(std[c]):
            std[c] = std[c].dt.strftime("%Y-%m-%d")
    direct = verify.collect_identifiers(std, cols)

    name = next(v for v in std["subject_name"] if isinstance(v, str) and v)
    leaky = table.set_column(table.schema.get_field_index("location"), "location",
                             pa.array([f"near {name}"] + table.column("location").to_pylist()[1:]))

    def scan(ids):
        return verify.scan_table("stops", leaky, ids).findings

    calls: list[str] = []
    real = verify.array_forms
    monkeypatch.setattr(verify, "array_forms", lambda et, vs: calls.append(et) or real(et, vs))
    cold = stages.gather_identifiers(store, spec, parts)
    assert calls and all(store.exists(f"identifiers/stops/{p}.json") for p in parts)
    n_cold = len(calls)  # one call per identifier column and batch
    calls.clear()
    warm = stages.gather_identifiers(store, spec, parts)
    assert calls == []  # read back, nothing recomputed
    assert len(cold) == len(warm) == len(direct) > 0
    assert cold.source_values == warm.source_values > 0
    assert scan(cold) == scan(warm) == scan(direct) and scan(warm)
    stages.standardize_partition(store, spec, parts[0])  # new rows: standardize computes their forms with them
    assert 0 < len(calls) < n_cold and len(calls) % len(cols) == 0  # only that partition's batches
    calls.clear()
    again = stages.gather_identifiers(store, spec, parts)
    assert calls == [] and len(again) == len(direct)  # read back
    store.write_json(f"standardized/stops/{parts[0]}.json",  # a run of standardize whose forms were not written
                     {**store.read_json(f"standardized/stops/{parts[0]}.json"), "standardized_id": "another run"})
    stages.gather_identifiers(store, spec, parts)
    assert 0 < len(calls) < n_cold and len(calls) % len(cols) == 0  # that partition's forms are stale: recomputed
    calls.clear()
    monkeypatch.setattr(stages.identifiers, "identifier_signature", lambda s: "another policy")
    assert len(stages.gather_identifiers(store, spec, parts)) == len(direct)
    assert len(calls) == n_cold


def test_codebook_equals_union_of_categoricals():
    """Quasi-identifier columns collected as codes give the Series `union_categoricals` of the batches gave."""
    from pandas.api.types import union_categoricals

    batches = [pa.array(["b", "a", None, "b"]), pa.array([None, None], pa.string()), pa.array(["c", "a", "d"]),
               pa.array([], pa.string()), pa.array(["2024-W01", None, "d"])]
    book = stages._CodeBook()
    for b in batches:
        book.add_arrow(b)
    want = pd.Series(union_categoricals([pd.Categorical(b.to_pandas()) for b in batches], ignore_order=True))
    got = book.series()
    pd.testing.assert_series_equal(got, want)
    assert list(got.cat.categories) == list(want.cat.categories)
    mixed = stages._CodeBook()
    for b in (pa.array(["x", None]), pa.array([3, 4])):
        mixed.add_arrow(b)
    assert mixed.series().tolist() == ["x", None, 3, 4] and mixed.series().dtype == object
    flags = stages._CodeBook()
    for b in (pa.array([True, None, False]), pa.array([False, False])):
        flags.add_arrow(b)
    assert [None if pd.isna(v) else bool(v) for v in flags.series().tolist()] == [True, None, False, False, False]


def _key_table(rng, n):
    ids = rng.integers(0, n // 2, n).astype(str).astype(object)  # many duplicates
    ids[rng.random(n) < 0.02] = None
    code = np.array([f"{v:03d}" if rng.random() < 0.5 else str(v) for v in rng.integers(0, 3 * n, n)], dtype=object)
    code[rng.random(n) < 0.05] = ""  # a missing value
    code[rng.random(n) < 0.01] = "x1"  # a type error: integer field
    part = rng.choice(np.array(["a", "b", None], dtype=object), n)
    return pa.table({"id": pa.array(ids, pa.string()), "part": pa.array(part, pa.string()),
                     "code": pa.array(code, pa.string()), "note": pa.array(["t"] * n)})


_KEY_SCHEMA = {
    "fields": [{"name": "id", "type": "string"}, {"name": "part", "type": "string"},
               {"name": "code", "type": "integer", "constraints": {"unique": True}}, {"name": "note", "type": "string"}],
    "primaryKey": ["id", "part"],
    "missingValues": [""],
}


@pytest.mark.parametrize("collide", [False, True])
def test_key_hashes_give_the_whole_table_key_errors(monkeypatch, collide):
    """Keys checked batch by batch through 64-bit hashes, re-reading only the candidate rows: exactly the
    primary-key and unique errors of validating the whole table (compound key with nulls, an integer unique
    field where "007" equals "7", missing and mistyped cells). With every hash forced equal (a collision on
    every row), the answer is still exact: hashes only choose the rows to re-check."""
    from pipelines import tableschema

    if collide:
        monkeypatch.setattr(tableschema.stream, "_value_hashes", lambda typed: np.zeros(len(typed), np.uint64))
    rng = np.random.default_rng(11)
    table = _key_table(rng, 3000)
    want = [e for e in tableschema.validate(table, _KEY_SCHEMA).errors if e.code in ("primary-key", "unique-error")]
    assert {e.code for e in want} == {"primary-key", "unique-error"}
    keys = tableschema.KeyHashes(_KEY_SCHEMA)
    assert keys.names == ["id", "part", "code"]
    batches = table.to_batches(max_chunksize=317)
    for b in batches:
        keys.add(pa.Table.from_batches([b]))
    got = stages._with_key_errors([], keys, lambda pos: stages._rows_at(iter(batches), pos, lambda b: pa.Table.from_batches([b]).select(keys.names)))
    assert [(e.row, e.code, e.field, e.note) for e in got] == [(e.row, e.code, e.field, e.note) for e in want]


def test_key_hashes_recheck_only_rows_that_can_break_a_key():
    from pipelines import tableschema

    n = 10_000
    ids = [f"k{i}" for i in range(n)]
    ids[500], ids[7000] = ids[20], None  # one duplicate, one all-missing primary key
    keys = tableschema.KeyHashes({"fields": [{"name": "id", "type": "string"}], "primaryKey": ["id"]})
    for lo in range(0, n, 1000):
        keys.add(pa.table({"id": pa.array(ids[lo:lo + 1000], pa.string())}))
    assert keys.candidates().tolist() == [20, 500, 7000]
