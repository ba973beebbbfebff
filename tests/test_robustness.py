"""Nothing lost, nothing stuck: rows are counted as rows, empty and single-row exports go through every stage,
timestamps with mixed offsets standardize, impossible values are quarantined (issue 20)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import demo as samplegen
from pipelines import stages
from pipelines.specs import load_specs
from pipelines.store import PrivateStore
from tests.reference.assemble import assemble_candidate_in_memory
from tests.reference.checks import TableSource
from tests.stubs import StubRedactor

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")


def _specs():
    return {s.name: s for s in load_specs()}


def run_stages(store: PrivateStore, files: list[Path]) -> dict[str, dict]:
    """Every stage of every export, then the candidate of each dataset: the accounting (`candidate.json`)."""
    specs = _specs()
    by: dict[str, list[str]] = {}
    for f in files:
        spec = stages.identify_export(f, list(specs.values())).spec
        stages.ingest_raw(store, spec, f, f.name)
        stages.standardize_partition(store, spec, f.name)
        stages.deidentify_partition(store, spec, f.name, key=b"k", text_redactor_factory=StubRedactor)
        by.setdefault(spec.name, []).append(f.name)
    return {ds: stages.assemble_candidate(store, specs[ds], parts).to_dict() for ds, parts in by.items()}


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\r\n")


def test_a_row_missing_ten_cells_is_one_quarantined_row(tmp_path: Path) -> None:
    f = samplegen.generate(tmp_path / "in", rows=50, seed=3, sources=["rivertown_stops"])[0]
    lines = _lines(f)
    lines[4] = b",".join(lines[4].split(b",")[:3])  # export row 5: 25 cells missing
    lines[9] += b",x,y,z"  # export row 10: three extra cells
    f.write_bytes(b"\r\n".join(lines))
    meta = run_stages(PrivateStore.local(tmp_path / "private"), [f])["stops"]
    c = meta["counts"]
    assert c["ingested"] == 50
    assert c["quarantined"] == 2
    assert c["ingested"] == c["published"] + c["quarantined"] + c["suppressed"]
    assert meta["quarantine_reasons"] == {"read:extra-cell": 1, "read:missing-cell": 1}
    ok, _ = stages.check_row_accounting(meta, TableSource(PrivateStore.local(tmp_path / "private")
                                                          .read_parquet("candidate/stops/candidate.parquet")))
    assert ok


@pytest.mark.parametrize("rows", [0, 1])
def test_empty_and_single_row_exports_go_through_every_stage(tmp_path: Path, rows: int) -> None:
    """A header-only export and a one-row export of every source, beside a normal export of each dataset (a
    dataset of one row cannot be k-anonymous: that is a refusal, tested elsewhere). JSON Lines without a row has
    no keys to recognize the export by, so it is not among the empty ones."""
    files = samplegen.generate(tmp_path / "in", rows=300, seed=4, sources=["rivertown_stops", "rivertown_incidents",
                                                                           "harbor_city_complaints"])
    for f in samplegen.generate(tmp_path / "small", rows=rows, seed=5):
        if rows or f.suffix != ".jsonl":
            files.append(f.rename(tmp_path / "in" / f"small_{f.name}"))
    metas = run_stages(PrivateStore.local(tmp_path / "private"), files)
    assert set(metas) == {"stops", "incidents", "complaints"}
    store = PrivateStore.local(tmp_path / "private")
    for meta in metas.values():
        c = meta["counts"]
        assert c["ingested"] == 300 + rows * (len(meta["partitions"]) - 1)
        assert c["ingested"] == c["published"] + c["quarantined"] + c["suppressed"]
        for p in meta["partitions"]:
            if p.startswith("small_"):
                assert store.read_json(f"raw/{meta['dataset']}/{p}.json")["rows_read"] == rows


def test_every_row_quarantined_goes_through_every_stage(tmp_path: Path) -> None:
    """The agency switched its date format: every row fails to parse, de-identify gets zero rows."""
    f = samplegen.generate(tmp_path / "in", rows=20, seed=3, sources=["rivertown_stops"])[0]
    lines = _lines(f)
    lines[1:-1] = [ln.replace(b"/20", b"-20", 1) for ln in lines[1:-1]]
    f.write_bytes(b"\r\n".join(lines))
    meta = run_stages(PrivateStore.local(tmp_path / "private"), [f])["stops"]
    assert meta["counts"] == {**meta["counts"], "ingested": 20, "quarantined": 20, "published": 0}


def test_mixed_utc_offsets_standardize() -> None:
    """Timestamps across a daylight-saving change carry two offsets: each becomes UTC, none crashes."""
    import pandas as pd

    from pipelines.standardize import _parse

    s = pd.Series(["2024-03-09T10:00:00-08:00", "2024-03-11T10:00:00-07:00", None, "not a date"], dtype="string")
    for spec in ({}, {"format": "%Y-%m-%dT%H:%M:%S%z"}):
        dt, failed = _parse(s, "datetime", spec)
        assert [str(v) for v in dt] == ["2024-03-09 18:00:00", "2024-03-11 17:00:00", "NaT", "NaT"]
        assert failed.tolist() == [False, False, False, True]


def _two_stops_exports(tmp_path: Path) -> list[Path]:
    a = samplegen.generate(tmp_path / "inbox", rows=300, seed=1, sources=["rivertown_stops"])[0]
    b = samplegen.generate(tmp_path / "gen", rows=300, seed=2, sources=["rivertown_stops"])[0]
    return [a, b.rename(tmp_path / "inbox" / "rivertown_stops_2.csv")]


def test_a_release_is_whole_or_withdrawn(tmp_path: Path, monkeypatch) -> None:
    """An export whose de-identification failed blocks the dataset (named, with the stage and reason) until it is
    withdrawn; provenance then lists both exports with their fates and the counts add up per export."""
    from pipelines import cli, export_fates

    files = _two_stops_exports(tmp_path)
    store = PrivateStore.local(tmp_path / "private")
    spec = _specs()["stops"]
    names = [f.name for f in files]
    for f in files:
        stages.ingest_raw(store, spec, f, f.name)
        stages.standardize_partition(store, spec, f.name)
    stages.deidentify_partition(store, spec, names[0], key=b"k", text_redactor_factory=StubRedactor)
    monkeypatch.setenv("OSD_BATCH_ROWS", "100")
    monkeypatch.setenv("OSD_FAULT_AFTER_ROWS", "100")
    with pytest.raises(stages.StageError, match="injected fault"):
        stages.deidentify_partition(store, spec, names[1], key=b"k", text_redactor_factory=StubRedactor)
    monkeypatch.delenv("OSD_FAULT_AFTER_ROWS")
    with pytest.raises(export_fates.IncompleteRelease) as err:
        stages.assemble_candidate(store, spec, names)
    assert "rivertown_stops_2.csv: deidentified: StageError" in str(err.value) and "withdraw" in str(err.value)
    with pytest.raises(export_fates.IncompleteRelease):
        assemble_candidate_in_memory(store, spec, names)

    monkeypatch.setenv("OSD_PRIVATE", str(store.root))
    monkeypatch.setenv("OSD_INBOX", str(tmp_path / "inbox"))
    assert cli.main(["withdraw", "no_such_export.csv", "--reason", "x"]) == 1
    assert cli.main(["withdraw", names[1], "--reason", "duplicate of the March export"]) == 0
    assert (tmp_path / "inbox" / "withdrawn" / names[1]).is_file() and not files[1].exists()
    meta = stages.assemble_candidate(store, spec, names).to_dict()
    assert meta == assemble_candidate_in_memory(store, spec, names).to_dict()
    assert meta["partitions"] == [names[0]] and meta["counts"]["ingested"] == 300
    published, withdrawn = sorted(meta["exports"], key=lambda e: e["fate"])
    assert withdrawn == {"fate": "withdrawn", "file": names[1], "sha256": samplegen_sha(tmp_path / "inbox" /
                         "withdrawn" / names[1]), "reason": "duplicate of the March export"}
    c = meta["counts"]
    assert published["rows_read"] == c["ingested"] == 300
    assert (published["published"], published["quarantined"], published["suppressed"]) == \
        (c["published"], c["quarantined"], c["suppressed"])
    prov = stages.provenance(spec, meta, {})
    assert prov["exports"] == meta["exports"]

    # a corrected file under the same name is a new content: the withdrawal no longer holds, it must go through
    corrected = samplegen.generate(tmp_path / "gen3", rows=200, seed=3, sources=["rivertown_stops"])[0]
    corrected = corrected.rename(tmp_path / "inbox" / names[1])
    stages.ingest_raw(store, spec, corrected, names[1])
    with pytest.raises(export_fates.IncompleteRelease, match="standardized: not processed for the current content"):
        stages.assemble_candidate(store, spec, names)
    stages.standardize_partition(store, spec, names[1])
    stages.deidentify_partition(store, spec, names[1], key=b"k", text_redactor_factory=StubRedactor)
    meta = stages.assemble_candidate(store, spec, names).to_dict()
    assert meta["counts"]["ingested"] == 500 and [e["fate"] for e in meta["exports"]] == ["published"] * 2
    assert sum(e["published"] for e in meta["exports"]) == meta["counts"]["published"]


def test_an_export_killed_mid_stage_blocks_the_release(tmp_path: Path) -> None:
    """A stage that dies without raising (SIGKILL) leaves its `running` mark: the export is not complete."""
    files = _two_stops_exports(tmp_path)
    store = PrivateStore.local(tmp_path / "private")
    spec = _specs()["stops"]
    run_stages(store, files)
    store.write_json(f"status/stops/{files[1].name}.json", {"stage": "deidentified", "state": "running",
                                                              "sha256": "x"})
    from pipelines import export_fates

    with pytest.raises(export_fates.IncompleteRelease, match="deidentified: interrupted or still running"):
        stages.assemble_candidate(store, spec, [f.name for f in files])


def samplegen_sha(path: Path) -> str:
    from pipelines.specs import file_sha256

    return file_sha256(path)


AGES = {"1e23": "type-error", "9223372036854775808": "type-error", "-1e30": "type-error",
        "-5": "constraint-error", "200": "constraint-error", "121": "constraint-error", "120": None, "0": None}
DOBS = {"01/01/2030": "constraint-error", "01/01/1800": "constraint-error", "02/30/1990": "type-error",
        "01/01/1950": None}


def test_impossible_values_are_quarantined_with_row_and_field(tmp_path: Path) -> None:
    """No integer wrap-around, ages within 0..120, dates of birth between 1900 and today: anything else is
    quarantined with the export row and a code naming the field (never the value)."""
    import csv

    f = samplegen.generate(tmp_path / "in", rows=60, seed=6, sources=["harbor_city_complaints"])[0]
    with f.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    age, dob = head.index("Comp Age"), head.index("Comp DOB")
    planted: dict[str, tuple[str, str | None]] = {}  # allegation id -> (field, expected code)
    for i, (v, code) in enumerate(AGES.items(), start=1):
        rows[i][age], rows[i][dob] = v, ""
        planted[rows[i][1]] = ("complainant_age", code)
    for i, (v, code) in enumerate(DOBS.items(), start=len(AGES) + 1):
        rows[i][dob], rows[i][age] = v, ""
        planted[rows[i][1]] = ("complainant_dob", code)
    with f.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\r\n").writerows(rows)
    store = PrivateStore.local(tmp_path / "private")
    meta = run_stages(store, [f])["complaints"]
    q = store.read_parquet(f"quarantine/complaints/{f.name}.parquet").to_pylist()
    got = {r["Allegation ID"]: r["_reasons"] for r in q}
    for alg, (field, code) in planted.items():
        if code is None:
            assert alg not in got
        else:
            assert got[alg] == f"{code}:{field}", (alg, got.get(alg))
    raw = {r["Allegation ID"]: r["_row"] for r in store.read_parquet(f"raw/complaints/{f.name}.parquet").to_pylist()}
    assert {r["_row"] for r in q} == {raw[a] for a, (_, c) in planted.items() if c}
    c = meta["counts"]
    assert c["quarantined"] == sum(1 for _, code in planted.values() if code)
    assert c["ingested"] == c["published"] + c["quarantined"] + c["suppressed"]
    std = store.read_parquet(f"standardized/complaints/{f.name}.parquet").column("complainant_age").to_pylist()
    assert all(a is None or 0 <= a <= 120 for a in std)


def test_dataset_range_constraints_are_valid() -> None:
    from pipelines import value_ranges

    for spec in _specs().values():
        value_ranges.check_fields(spec.standardized)
        assert any("constraints" in f for f in spec.standardized)
    with pytest.raises(ValueError):
        value_ranges.check_fields([{"name": "x", "type": "string", "constraints": {"maximum": 3}}])


@pytest.mark.slow
def test_cli_a_failed_export_blocks_until_withdrawn(tmp_path: Path) -> None:
    """End to end: one export of two fails to de-identify; the run publishes nothing for that dataset and says
    which export failed and how to proceed; once withdrawn, the next run publishes the other one, and provenance
    lists both with their fates."""
    from pipelines.publishing import LocalPublisher, list_versions, read_json
    from tests.e2e_helpers import make_env

    env = make_env(tmp_path / "e2e")
    good = samplegen.generate(env.inbox, rows=300, seed=31, sources=["harbor_city_complaints"])[0]
    bad = samplegen.generate(tmp_path / "gen", rows=300, seed=32, sources=["lakeview_complaints"])[0]
    bad = bad.rename(env.inbox / bad.name)
    env.env.update(OSD_FAULT_AFTER_ROWS="1", OSD_FAULT_PARTITION=bad.name, OSD_BATCH_ROWS="100")
    first = env.run("run", "--note", "first")
    assert first.returncode == 1
    assert f"{bad.name}: deidentified: StageError" in first.stderr and "withdraw" in first.stderr
    pub = LocalPublisher(env.public)
    assert list_versions(pub, "complaints") == []
    for k in ("OSD_FAULT_AFTER_ROWS", "OSD_FAULT_PARTITION"):
        del env.env[k]
    w = env.run("withdraw", bad.name, "--reason", "sent twice by mistake")
    assert w.returncode == 0, w.stderr[-2000:]
    assert (env.inbox / "withdrawn" / bad.name).is_file()
    second = env.run("run", "--note", "second")
    assert second.returncode == 0, second.stderr[-3000:]
    prov = read_json(pub, "datasets/complaints/v1.0.0/provenance.json")
    fates = {e["file"]: e for e in prov["exports"]}
    assert fates[bad.name]["fate"] == "withdrawn" and fates[bad.name]["reason"] == "sent twice by mistake"
    assert fates[good.name]["fate"] == "published"
    assert fates[good.name]["rows_read"] == prov["counts"]["ingested"] == 300


def test_a_duplicate_export_withdrawn_unblocks_the_release(tmp_path: Path) -> None:
    """The same export sent twice under two names: every key twice, so quarantine_share refuses the release;
    withdrawing the copy (by its path: both have the same sha256, so the name decides) lets it through."""
    from pipelines import export_fates

    store = PrivateStore.local(tmp_path / "private")
    a = samplegen.generate(tmp_path / "inbox", rows=200, seed=41, sources=["rivertown_stops"])[0]
    b = tmp_path / "inbox" / "rivertown_stops_resent.csv"
    b.write_bytes(a.read_bytes())
    meta = run_stages(store, [a, b])["stops"]
    spec = _specs()["stops"]
    table = store.read_parquet("candidate/stops/candidate.parquet")
    assert not stages.run_check("quarantine_share", store, spec, TableSource(table), meta)[0]
    sha = stages.file_sha256(b)
    with pytest.raises(export_fates.WithdrawError, match="2 exports have this content"):
        export_fates.withdraw(store, [spec], sha, "the same file sent twice")
    done = export_fates.withdraw(store, [spec], str(b), "the same file sent twice", tmp_path / "inbox")
    assert done == [("stops", b.name)]  # a path names its partition, even when another has the same content
    meta = stages.assemble_candidate(store, spec, [a.name, b.name]).to_dict()
    table = store.read_parquet("candidate/stops/candidate.parquet")
    assert stages.run_check("quarantine_share", store, spec, TableSource(table), meta)[0]
    assert meta["counts"]["ingested"] == 200


# ---------------------------------------------------------------------------------------------- the inbox


def test_inbox_names_are_safe_and_every_rejected_copy_kept(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A 250-byte name (with `.reason.txt` it no longer fits a file name), a name with a newline, and the same
    name rejected twice: each is moved aside with its reason, nothing is overwritten, log lines are not split."""
    import logging

    from pipelines import inbox

    box = tmp_path / "inbox"
    box.mkdir()
    specs = load_specs()
    long = box / ("x" * 246 + ".csv")
    newline = box / "mystery\nexport.csv"
    for p in (long, newline):
        p.write_text("Foo,Bar\n1,2\n")
    with caplog.at_level(logging.INFO):
        assert inbox.identify_or_reject(long, specs) is None
        assert inbox.identify_or_reject(newline, specs) is None
        newline.write_text("Foo,Bar\n3,4\n")  # dropped again (another content)
        assert inbox.identify_or_reject(newline, specs) is None
    rejected = sorted(p.name for p in (box / "rejected").iterdir())
    assert all(len(n.encode()) <= inbox.NAME_MAX for n in rejected)
    longs = [n for n in rejected if n.startswith("x" * 100)]
    assert len(longs) == 2 and any(n.endswith(".csv.reason.txt") for n in longs)  # the file and its reason
    assert [n for n in rejected if n.startswith("mystery")] == [
        "mystery_export (2).csv", "mystery_export (2).csv.reason.txt", "mystery_export.csv",
        "mystery_export.csv.reason.txt"]
    assert {(box / "rejected" / n).read_text() for n in ("mystery_export.csv", "mystery_export (2).csv")} == {
        "Foo,Bar\n1,2\n", "Foo,Bar\n3,4\n"}  # every copy kept
    reason = (box / "rejected" / "mystery_export.csv.reason.txt").read_text()
    assert "matches no source contract" in reason and "mystery\\nexport.csv" in reason  # one line per reason
    assert all("\n" not in r.getMessage() for r in caplog.records)
    assert sum("mystery\\nexport.csv" in r.getMessage() for r in caplog.records) == 2


def test_hidden_files_are_logged_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from pipelines import inbox

    box = tmp_path / "inbox"
    box.mkdir()
    (box / ".rivertown_stops.csv").write_text("still being copied")
    with caplog.at_level(logging.INFO):
        assert inbox.inbox_files(box) == [] and inbox.inbox_files(box) == []
    said = [r.getMessage() for r in caplog.records if ".rivertown_stops.csv" in r.getMessage()]
    assert len(said) == 1 and "rename it" in said[0]
    (box / ".rivertown_stops.csv").write_text("still being copied, and more")  # it grew: said again
    with caplog.at_level(logging.INFO):
        inbox.inbox_files(box)
    assert len([r for r in caplog.records if ".rivertown_stops.csv" in r.getMessage()]) == 2


def test_cli_hostile_names_do_not_stop_the_inbox(tmp_path: Path) -> None:
    """End to end: a 250-byte name and a name with a newline that match no contract, a dot-file, and one good
    export: the CLI rejects the two with their reasons (no crash, no split log line), says once that the dot-file
    waits, and publishes the good export."""
    from pipelines.publishing import LocalPublisher, list_versions
    from tests.e2e_helpers import make_env

    env = make_env(tmp_path / "e2e")
    env.inbox.mkdir(parents=True, exist_ok=True)
    samplegen.generate(env.inbox, rows=300, seed=51, sources=["harbor_city_complaints"])
    (env.inbox / ("a" * 246 + ".csv")).write_text("Foo,Bar\n1,2\n")
    (env.inbox / "b\nc.csv").write_text("Foo,Bar\n1,2\n")
    (env.inbox / ".hidden_stops.csv").write_text("Foo,Bar\n1,2\n")
    p = env.run("run", "--note", "first")
    assert p.returncode == 1, p.stderr[-3000:]  # two rejections are reported as failures
    assert "Traceback" not in p.stderr
    assert [v["version"] for v in list_versions(LocalPublisher(env.public), "complaints")] == ["1.0.0"]
    rejected = sorted(x.name for x in (env.inbox / "rejected").iterdir())
    assert len(rejected) == 4 and "b_c.csv.reason.txt" in rejected
    assert not any(line.startswith("c.csv") for line in p.stderr.splitlines())  # the newline did not split a line
    assert p.stderr.count(".hidden_stops.csv: waiting in the inbox") == 1
    assert (env.inbox / ".hidden_stops.csv").exists()
