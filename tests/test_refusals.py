"""Publishing refuses what it must: a failed check, content that differs from the preview, a leak the verifier
finds right before publishing (even when the recorded checks claim success). And bad cells holding personal
values are quarantined with file, row and field, while their values reach neither the logs nor Dagster's
storage."""

from __future__ import annotations

import json
import shutil

import pyarrow as pa
import pytest

from tests.e2e_helpers import REPO, make_env
from tests.reference.assemble import load_candidate

pytestmark = pytest.mark.slow

HEADER = "Incident No,Date/Time,Force Type,Injured,Badge,Officer,Subject,Address,Description"
BAD_DATE = "Zbigniew QUATERMAIN-OKONKWO"  # a name typed into the date column
BAD_CODE = "078-05-1120"  # an SSN typed into the force type column


def _rows(n: int = 60) -> list[str]:
    names = ["Maria GARCIA", "Tran Thi Lan", "Olena KOVALENKO", "Abdi Hassan Warsame", "Brian O'NEILL"]
    out = [HEADER]
    for i in range(n):
        name = names[i % len(names)]
        addr = f"{1000 + 37 * i} Elm Ave Apt {i % 9 + 1}"
        when = f"{i % 12 + 1:02d}/{i % 27 + 1:02d}/2024 {i % 12 + 1}:{i % 60:02d} PM"
        force = ["TASER", "OC", "HANDS", "K9"][i % 4]
        if i == 7:
            when = BAD_DATE
        if i == 11:
            force = BAD_CODE
        out.append(f'UOF-{i:05d},{when},{force},{"YN"[i % 2]},{4100 + i % 6},Ofc. Ray HOLT,{name},{addr},'
                   f'"Officers responded to {addr}. {name} resisted and was restrained."')
    return out


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    base = tmp_path_factory.mktemp("refusals")
    specs = base / "specs"
    shutil.copytree(REPO / "tests" / "fixtures" / "use_of_force", specs)
    env = make_env(base / "run", extra={"OSD_DATASETS": str(specs)})
    env.inbox.mkdir(parents=True)
    (env.inbox / "lakeside_uof_2024.csv").write_text("\n".join(_rows()) + "\n")
    r = env.run("run", "--no-publish")
    assert r.returncode == 0, r.stderr[-3000:]
    return env, r


def test_bad_cells_are_quarantined_by_file_row_field_without_values(prepared):
    env, r = prepared
    meta = json.loads((env.private / "standardized" / "use_of_force" / "lakeside_uof_2024.csv.json").read_text())
    assert meta["quarantined"] == 2 and meta["quarantined_rows"] == [9, 13]  # header is row 1
    assert meta["reasons"] == {"type-error:occurred_at": 1, "unmapped-code:force_type": 1}
    for blob in [r.stdout + r.stderr] + [p.read_bytes().decode("utf-8", "replace")
                                          for p in env.dagster_home.rglob("*") if p.is_file()]:
        assert BAD_DATE.lower() not in blob.lower() and BAD_CODE not in blob
    cand = json.loads((env.private / "candidate" / "use_of_force" / "candidate.json").read_text())
    c = cand["counts"]
    assert (c["ingested"], c["quarantined"], c["published"] + c["suppressed"]) == (60, 2, 58)


def _publish(env, monkeypatch):
    for k, v in env.env.items():
        if k.startswith(("OSD_", "DAGSTER_")):
            monkeypatch.setenv(k, v)
    from pipelines import stages
    from pipelines.publishing import LocalPublisher
    from pipelines.specs import load_specs
    from pipelines.store import PrivateStore

    spec = next(s for s in load_specs() if s.name == "use_of_force")  # built in; the fixture adds its source
    return stages, PrivateStore.local(env.private), LocalPublisher(env.public), spec


def test_publish_refuses_a_failed_check(prepared, monkeypatch):
    env, _ = prepared
    stages, store, pub, spec = _publish(env, monkeypatch)
    _, meta = load_candidate(store, spec)
    key = f"checks/use_of_force/{meta['content_hash']}/k_anonymity.json"
    saved = store.read_json(key)
    store.write_json(key, {"passed": False, "metadata": {}})
    try:
        with pytest.raises(stages.StageError, match="blocking checks not passed.*k_anonymity"):
            stages.publish(store, pub, spec, note="x")
    finally:
        store.write_json(key, saved)
    assert not (env.public / "datasets" / "use_of_force" / "latest.json").exists()


def test_publish_refuses_content_that_was_not_previewed(prepared, monkeypatch):
    env, _ = prepared
    stages, store, pub, spec = _publish(env, monkeypatch)
    preview = store.read_json("preview/use_of_force.json")
    store.write_json("preview/use_of_force.json", {**preview, "content_hash": "0" * 64})
    try:
        with pytest.raises(stages.StageError, match="not previewed"):
            stages.publish(store, pub, spec, note="x")
    finally:
        store.write_json("preview/use_of_force.json", preview)
    assert not (env.public / "datasets" / "use_of_force").exists()


@pytest.mark.parametrize("where", ["here", "worker"])
def test_publish_reverifies_leaks_even_when_checks_claim_success(prepared, monkeypatch, where):
    """A doctored candidate whose check records all say 'passed' is still refused: the verifier runs again, before
    the files are built (small candidates) or in a worker process while they are (big ones: forced here), and
    nothing is published either way."""
    env, _ = prepared
    stages, store, pub, spec = _publish(env, monkeypatch)
    from pipelines import parallel, publishing
    from pipelines.publishing import release as publish_step
    from redaction.errors import LeakFound

    shutil.rmtree(env.public / "datasets" / "use_of_force", ignore_errors=True)  # the other case published it
    built: list[str] = []
    real_csv = publish_step.write_csv_file
    monkeypatch.setattr(publish_step, "write_csv_file", lambda *a: built.append("csv") or real_csv(*a))
    if where == "worker":
        monkeypatch.setattr(parallel, "MIN_ROWS", 0)
        monkeypatch.setenv("OSD_STAGE_PROCESSES", "2")

    table, meta = load_candidate(store, spec)
    original = (table, dict(meta), store.read_json("preview/use_of_force.json"))
    desc = table.column("description").to_pylist()
    desc[0] = "Officers met Maria GARCIA at the scene."  # a subject name from the raw records
    doctored = table.set_column(table.column_names.index("description"), "description", pa.array(desc))
    chash = publishing.content_hash(doctored, spec.schema)
    store.write_parquet("candidate/use_of_force/candidate.parquet", doctored)
    store.write_json("candidate/use_of_force/candidate.json", {**meta, "content_hash": chash})
    store.write_json("preview/use_of_force.json", {**original[2], "content_hash": chash})
    for name in stages.CHECK_NAMES:
        stages.record_check(store, spec, chash, name, True, {})
    try:
        with pytest.raises(LeakFound, match="leak verifier found"):
            stages.publish(store, pub, spec, note="x")
        assert built == ([] if where == "here" else ["csv"])  # the worker's verdict came after the files were built
    finally:
        store.write_parquet("candidate/use_of_force/candidate.parquet", original[0])
        store.write_json("candidate/use_of_force/candidate.json", original[1])
        store.write_json("preview/use_of_force.json", original[2])
    assert not (env.public / "datasets" / "use_of_force").exists()
    # the untouched candidate publishes
    res = stages.publish(store, pub, spec, note="first")
    assert res.version == "1.0.0" and (env.public / "datasets" / "use_of_force" / "latest.json").exists()


def test_publish_verifier_worker_must_have_read_the_published_content(prepared, monkeypatch):
    """The worker that verifies a big candidate proves it read what is published: the same file (size and
    modification time as hashed by the publishing process) or, failing that, the same content hash; otherwise the
    upload is refused."""
    env, _ = prepared
    stages, store, _pub, spec = _publish(env, monkeypatch)
    from pipelines import parallel, publishing

    monkeypatch.setattr(parallel, "MIN_ROWS", 0)
    monkeypatch.setenv("OSD_STAGE_PROCESSES", "2")
    src, meta = stages.load_candidate_source(store, spec)
    chash = publishing.content_hash_source(src, spec.schema)
    with stages._LeakVerification(store, spec, meta, chash, src.num_rows, src.file_state()) as same_file:
        same_file.require_pass()
        assert same_file._result[2] is None  # the same file: nothing to re-hash
    with stages._LeakVerification(store, spec, meta, chash, src.num_rows, (0, 0)) as same_content:
        same_content.require_pass()  # another file state, same content hash: fine
        assert same_content._result[2] == chash
    with stages._LeakVerification(store, spec, meta, "0" * 64, src.num_rows, (0, 0)) as other:
        with pytest.raises(stages.StageError, match="changed on disk while it was verified"):
            other.require_pass()
