"""The data officer's day in the cockpit, end to end: `make demo`, then `make ui` (a real `dagster dev`: webserver and
daemon), driven through GraphQL and Chromium like an officer would.

1. `python -m pipelines.cli demo` publishes the generated exports; `python -m pipelines.cli ui` (what `make ui` runs)
   starts on the same deployment with the demo key: the sensors tick and launch nothing (the demo's exports are
   already ingested and prepared), and no tick fails.
2. The agencies resend their six exports at once (same names, new content) plus a partial resend under a new name:
   one ingest run per file, one prepare run per dataset, never two prepares of a dataset in flight.
3. The preview's warnings come first (columns withheld, quarantine near its limit, the resend's duplicates
   explained); the attention asset lists the releases ready to publish.
4. Publish: a missing note is refused by the Launchpad, a blank one by the config's validator, then the note
   publishes; publishing the same content again is refused with the existing version named, the note kept.
5. Retract by choosing the version in the retract job's list of published versions, with a reason.

Screenshots go to `test-artifacts/screenshots/ui-*.png` (the README's come from there).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import demo as samplegen

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "test-artifacts" / "screenshots"
DS = "complaints"
DEMO_ROWS, RESEND_ROWS, RESEND_LINES = 80, 90, 6
RESEND = "lakeview_complaints_resend.jsonl"
UNKNOWN = "mystery_export.csv"
NOTE = "Corrected exports from every agency (UI end-to-end test)"
REASON = "Test retraction: Lakeview re-issued its export again"
LOCATION = "pipelines.definitions"
REPOSITORY = "__repository__"
DATASETS = ("complaints", "incidents", "stops")
CHECKS = ("schema_valid", "row_accounting", "quarantine_share", "no_leaks", "k_anonymity")
SENSORS = ("inbox_sensor", "attention_sensor", *(f"{ds}_prepare_after_ingest_sensor" for ds in DATASETS))

METADATA = """
metadataEntries {
  label
  __typename
  ... on TextMetadataEntry { text }
  ... on MarkdownMetadataEntry { mdStr }
  ... on IntMetadataEntry { intValue }
  ... on FloatMetadataEntry { floatValue }
  ... on BoolMetadataEntry { boolValue }
  ... on JsonMetadataEntry { jsonString }
  ... on UrlMetadataEntry { url }
  ... on PathMetadataEntry { path }
}
"""


# ------------------------------------------------------------------------------------------------ the servers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stop(proc: subprocess.Popen, timeout: float = 20.0) -> None:
    """Dagster ignores SIGTERM when started from a script: SIGINT to the whole group, then SIGKILL."""
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGINT, timeout), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            break
        except subprocess.TimeoutExpired:
            continue
    try:  # children (code server, run workers) may outlive the leader
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@dataclass
class Cockpit:
    port: int
    root: Path
    inbox: Path
    private: Path
    public: Path
    dagster_home: Path
    logs: Path
    procs: list[subprocess.Popen] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)  # every GraphQL answer, searched for planted values
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def gql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        req = urllib.request.Request(
            f"{self.url}/graphql", data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        with urllib.request.urlopen(req, timeout=60) as resp:
            text = resp.read().decode()
        self.responses.append(text)
        out = json.loads(text)
        assert not out.get("errors"), out["errors"]
        return out["data"]

    def client(self) -> Any:
        from dagster_graphql import DagsterGraphQLClient

        return DagsterGraphQLClient("127.0.0.1", port_number=self.port, timeout=60)

    def log_tail(self, n: int = 4000) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-n:]}" for p in sorted(self.logs.glob("*.log")))


def _wait(what: str, fn: Callable[[], Any], timeout: float, cockpit: Cockpit | None = None, every: float = 1.0) -> Any:
    deadline = time.monotonic() + timeout
    last_exc: Exception | None = None
    while time.monotonic() < deadline:
        for p in cockpit.procs if cockpit else []:
            if p.poll() is not None:
                raise AssertionError(f"{what}: a dagster process exited ({p.returncode})\n{cockpit.log_tail()}")
        try:
            v = fn()
            if v:
                return v
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            last_exc = exc
        time.sleep(every)
    tail = cockpit.log_tail() if cockpit else ""
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what} ({last_exc!r})\n{tail}")


@pytest.fixture(scope="module")
def cockpit(tmp_path_factory) -> Iterator[Cockpit]:
    """`make demo` then `make ui` on private folders: the demo key, no key in the environment."""
    root = tmp_path_factory.mktemp("ui")
    c = Cockpit(
        port=_free_port(),
        root=root,
        inbox=root / "inbox",
        private=root / "private",
        public=root / "public",
        dagster_home=root / "dagster_home",
        logs=root / "logs",
    )
    c.logs.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OSD_", "DAGSTER_"))}
    env.update(
        DAGSTER_HOME=str(c.dagster_home),
        OSD_INBOX=str(c.inbox),
        OSD_PRIVATE=str(c.private),
        OSD_PUBLIC=str(c.public),
        TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="",
        PYTHONUNBUFFERED="1",
    )
    demo = subprocess.run([sys.executable, "-m", "pipelines.cli", "demo", "--rows", str(DEMO_ROWS)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    (c.logs / "demo.log").write_text(demo.stdout + demo.stderr)
    assert demo.returncode == 0, demo.stderr[-3000:]
    c.state["planted"] = samplegen.planted_values(c.inbox)
    c.state["demo_files"] = sorted(p.name for p in c.inbox.iterdir() if p.is_file())
    try:
        fh = (c.logs / "ui.log").open("wb")
        c.procs.append(subprocess.Popen(
            [sys.executable, "-m", "pipelines.cli", "ui", "--port", str(c.port)], cwd=REPO, env=env, stdout=fh,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
        ))
        fh.close()
        _wait("the webserver", lambda: urllib.request.urlopen(f"{c.url}/server_info", timeout=5).status == 200,
              180, c)
        q = """{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus
                 locationOrLoadError { __typename ... on PythonError { message } } } } } }"""

        def loaded() -> bool:
            entries = c.gql(q)["workspaceOrError"]["locationEntries"]
            for e in entries:
                assert e["locationOrLoadError"] is None or e["locationOrLoadError"]["__typename"] != "PythonError", e
            return bool(entries) and all(e["loadStatus"] == "LOADED" for e in entries)

        _wait("the code location to load", loaded, 180, c)
        c.state["runs_before_ui"] = {r["runId"] for r in _all_runs(c)}
        yield c
    finally:
        for p in reversed(c.procs):
            _stop(p)
        if os.environ.get("OSD_KEEP_UI_LOGS"):
            shutil.copytree(c.logs, SHOTS.parent / "ui-logs", dirs_exist_ok=True)


# ------------------------------------------------------------------------------------------------ GraphQL helpers

RUNS = """query($filter: RunsFilter) { runsOrError(filter: $filter) { __typename
  ... on Runs { results { runId jobName status tags { key value } } } } }"""


def _runs(c: Cockpit, job: str) -> list[dict[str, Any]]:
    """Runs of a job launched since `make ui` started (the demo's in-process runs are in the instance too)."""
    data = c.gql(RUNS, {"filter": {"pipelineName": job}})["runsOrError"]
    assert data["__typename"] == "Runs", data
    before = c.state.get("runs_before_ui", set())
    return [r for r in data["results"] if r["runId"] not in before]


def _all_runs(c: Cockpit) -> list[dict[str, Any]]:
    data = c.gql(RUNS, {"filter": {}})["runsOrError"]
    assert data["__typename"] == "Runs", data
    return data["results"]


def _tags(run: dict[str, Any]) -> dict[str, str]:
    return {t["key"]: t["value"] for t in run["tags"]}


def _sensor_ticks(c: Cockpit, name: str) -> list[dict[str, Any]]:
    q = """query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) { __typename
      ... on Sensor { sensorState { status ticks(limit: 100) { status runIds runKeys skipReason
        error { message } logEvents { events { message level } } } } } } }"""
    sel = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "sensorName": name}
    sensor = c.gql(q, {"s": sel})["sensorOrError"]
    assert sensor["__typename"] == "Sensor", sensor
    assert sensor["sensorState"]["status"] == "RUNNING", name
    return sensor["sensorState"]["ticks"]


def _wait_run(c: Cockpit, run_id: str, timeout: float = 240, expect: str = "SUCCESS") -> str:
    client = c.client()

    def done() -> str | None:
        st = client.get_run_status(run_id).value
        return st if st in ("SUCCESS", "FAILURE", "CANCELED") else None

    status = _wait(f"run {run_id}", done, timeout, c, every=2)
    if status != expect:
        raise AssertionError(f"run {run_id} ended {status}\n{_run_errors(c, run_id)}\n{c.log_tail()}")
    return status


def _run_errors(c: Cockpit, run_id: str) -> str:
    q = """query($id: ID!) { logsForRun(runId: $id) { __typename ... on EventConnection { events { __typename
      ... on MessageEvent { message level } ... on ExecutionStepFailureEvent { error { message cause { message } }
      failureMetadata { """ + METADATA + """ } } } } } }"""
    events = c.gql(q, {"id": run_id})["logsForRun"].get("events", [])
    out = []
    for e in events:
        if e["__typename"] == "ExecutionStepFailureEvent":
            err = e.get("error") or {}
            out += [err.get("message") or "", (err.get("cause") or {}).get("message") or ""]
            md = _metadata((e.get("failureMetadata") or {}).get("metadataEntries") or [])
            out += [f"{k}: {v}" for k, v in md.items()]
        elif e.get("level") in ("ERROR", "WARNING"):
            out.append(e.get("message", ""))
    return "\n".join(out)[-6000:]


def _metadata(entries: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for e in entries:
        for k in ("text", "mdStr", "intValue", "floatValue", "boolValue", "url", "path"):
            if k in e:
                out[e["label"]] = e[k]
        if "jsonString" in e:
            out[e["label"]] = json.loads(e["jsonString"])
    return out


def _latest_materialization(c: Cockpit, path: list[str]) -> dict[str, Any]:
    q = (
        "query($key: AssetKeyInput!) { assetOrError(assetKey: $key) { __typename "
        "... on Asset { assetMaterializations(limit: 1) { runId partition " + METADATA + " } } } }"
    )
    a = c.gql(q, {"key": {"path": path}})["assetOrError"]
    assert a["__typename"] == "Asset", a
    mats = a["assetMaterializations"]
    assert mats, f"{'/'.join(path)} was never materialized"
    return {"runId": mats[0]["runId"], "metadata": _metadata(mats[0]["metadataEntries"])}


# ------------------------------------------------------------------------------------------------ the day, in stages


@pytest.fixture(scope="module")
def first_run(cockpit: Cockpit) -> Cockpit:
    """`make ui` after `make demo`: every sensor ticks a few times and launches nothing."""
    c = cockpit

    def ticked() -> bool:
        return all(len(_sensor_ticks(c, name)) >= 2 for name in SENSORS)

    _wait("two ticks of every sensor", ticked, 180, c, every=3)
    return c


@pytest.fixture(scope="module")
def burst(first_run: Cockpit) -> Cockpit:
    """The six exports resent at once (same names, new content), a partial resend under a new name, a file that
    matches no contract: one ingest per file, one prepare per dataset, never two prepares of a dataset at once."""
    c = first_run
    gen = c.root / "resent"
    samplegen.generate(gen, rows=RESEND_ROWS, seed=7)
    lines = (gen / "lakeview_complaints.jsonl").read_bytes().splitlines(keepends=True)
    (gen / RESEND).write_bytes(b"".join(lines[:RESEND_LINES]))
    (gen / UNKNOWN).write_text("Case,Colour,Mood\n1,blue,calm\n")
    c.state["planted"] |= samplegen.planted_values(gen)
    names = sorted(p.name for p in gen.iterdir())
    for n in names:  # copied under hidden names, then renamed: the sensor never reads a half-copied file
        shutil.copyfile(gen / n, c.inbox / f".{n}.part")
    for n in names:
        (c.inbox / f".{n}.part").rename(c.inbox / n)

    in_flight: dict[str, int] = dict.fromkeys(DATASETS, 0)
    prepares: dict[str, set[str]] = {ds: set() for ds in DATASETS}

    def all_prepared() -> bool:
        for ds in DATASETS:
            runs = _runs(c, f"{ds}_prepare")
            prepares[ds] |= {r["runId"] for r in runs}
            active = [r for r in runs if r["status"] in ("STARTING", "STARTED")]
            in_flight[ds] = max(in_flight[ds], len(active))
            assert len(active) <= 1, (ds, active)
        done = [r for ds in DATASETS for r in _runs(c, f"{ds}_prepare") if r["status"] in ("SUCCESS", "FAILURE")]
        ingests = [r for ds in DATASETS for r in _runs(c, f"{ds}_ingest")]
        return len(done) >= len(DATASETS) and all(r["status"] in ("SUCCESS", "FAILURE") for r in ingests)

    _wait("one prepare run per dataset", all_prepared, 900, c, every=1)
    time.sleep(25)  # two more ticks of the prepare sensors: no second prepare for the same exports
    for ds in DATASETS:
        prepares[ds] |= {r["runId"] for r in _runs(c, f"{ds}_prepare")}
    c.state.update(in_flight=in_flight, prepares=prepares, resent=names)
    for ds in DATASETS:
        for r in _runs(c, f"{ds}_prepare"):
            _wait_run(c, r["runId"], 300)
    return c


def _publish(c: Cockpit, note: str | None) -> str:
    config = {} if note is None else {"ops": {f"{DS}__release": {"config": {"note": note}}}}
    return c.client().submit_job_execution(
        f"{DS}_publish", repository_location_name=LOCATION, repository_name=REPOSITORY, run_config=config)


@pytest.fixture(scope="module")
def published(burst: Cockpit) -> Cockpit:
    """A blank note fails before anything is published; the note publishes; the same content again is refused."""
    c = burst
    c.state["proposed"] = _latest_materialization(c, [DS, "release_preview"])["metadata"]["proposed_version"]
    c.state["blank_run"] = _publish(c, "   ")
    _wait_run(c, c.state["blank_run"], expect="FAILURE")
    c.state["publish_run"] = _publish(c, NOTE)
    _wait_run(c, c.state["publish_run"])
    c.state["noop_run"] = _publish(c, "Published twice by mistake")
    _wait_run(c, c.state["noop_run"], expect="FAILURE")
    return c


def _partition_keys(c: Cockpit, job: str) -> list[str]:
    q = """query($p: PipelineSelector!) { pipelineOrError(params: $p) { __typename
      ... on Pipeline { partitionKeysOrError { partitionKeys } } } }"""
    sel = {"pipelineName": job, "repositoryName": REPOSITORY, "repositoryLocationName": LOCATION}
    data = c.gql(q, {"p": sel})["pipelineOrError"]
    assert data["__typename"] == "Pipeline", data
    return list(data["partitionKeysOrError"]["partitionKeys"])


@pytest.fixture(scope="module")
def retracted(published: Cockpit) -> Cockpit:
    """The officer picks the version in the retract job's list (its partitions) and writes a reason."""
    c = published
    c.state["retract_choices"] = _partition_keys(c, "retract_job")
    choice = f"{DS}/v{c.state['proposed']}"
    run_id = c.client().submit_job_execution(
        "retract_job", repository_location_name=LOCATION, repository_name=REPOSITORY,
        run_config={"ops": {"retract_version": {"config": {"reason": REASON}}}},
        tags={"dagster/partition": choice},
    )
    _wait_run(c, run_id, 180)
    c.state["retract_choices_after"] = _partition_keys(c, "retract_job")
    return c


# ------------------------------------------------------------------------------------------------ tests


def test_make_ui_after_make_demo_launches_nothing_and_no_tick_fails(first_run: Cockpit):
    c = first_run
    assert (c.dagster_home / "osd-demo-deployment").is_file()
    yaml_text = (c.dagster_home / "dagster.yaml").read_text()
    assert "osd/prepare" in yaml_text and "applyLimitPerUniqueValue" in yaml_text
    for name in SENSORS:
        ticks = _sensor_ticks(c, name)
        assert not [t for t in ticks if t["status"] == "FAILURE"], (name, [t["error"] for t in ticks])
        if name != "attention_sensor":
            assert not [t for t in ticks if t["runIds"]], (name, "launched a run after make demo")
    for ds in DATASETS:
        skips = [t["skipReason"] or "" for t in _sensor_ticks(c, f"{ds}_prepare_after_ingest_sensor")]
        assert any("already prepared" in s for s in skips), (ds, skips[:3])
    assert [r for r in _all_runs(c) if r["runId"] not in c.state["runs_before_ui"]] == []


def test_a_burst_starts_one_ingest_per_file_and_one_prepare_per_dataset(burst: Cockpit):
    c = burst
    for ds in DATASETS:
        assert c.state["in_flight"][ds] <= 1
        assert len(c.state["prepares"][ds]) == 1, (ds, c.state["prepares"][ds])
        (run,) = _runs(c, f"{ds}_prepare")
        tags = _tags(run)
        assert tags["dagster/sensor_name"] == f"{ds}_prepare_after_ingest_sensor"
        assert tags["dagster/run_key"].startswith("prepare:") and tags["osd/prepare"] == ds
        assert run["status"] == "SUCCESS"
    ingests = [r for ds in DATASETS for r in _runs(c, f"{ds}_ingest")]
    assert sorted(_tags(r)["export"] for r in ingests) == sorted(n for n in c.state["resent"] if n != UNKNOWN)
    assert all(r["status"] == "SUCCESS" for r in ingests)
    assert all(_tags(r)["dagster/sensor_name"] == "inbox_sensor" for r in ingests)

    messages = [e["message"] for t in _sensor_ticks(c, "inbox_sensor") for e in t["logEvents"]["events"]]
    rejected = [m for m in messages if UNKNOWN in m]
    assert rejected and "rejected" in rejected[0] and "matches no source contract" in rejected[0]
    assert "blue" not in " ".join(messages) and "calm" not in " ".join(messages)  # by name only, no values
    assert (c.inbox / "rejected" / UNKNOWN).exists() and not (c.inbox / UNKNOWN).exists()


def test_blocking_checks_passed_with_evidence(burst: Cockpit):
    c = burst
    q = (
        "query($key: AssetKeyInput!, $name: String!) { assetCheckExecutions(assetKey: $key, checkName: $name, "
        "limit: 5) { runId status evaluation { success severity " + METADATA + " } } }"
    )
    validated = _latest_materialization(c, [DS, "validated"])["metadata"]
    (prepare,) = _runs(c, f"{DS}_prepare")
    for name in CHECKS:
        ex = c.gql(q, {"key": {"path": [DS, "validated"]}, "name": name})["assetCheckExecutions"]
        assert ex[0]["runId"] == prepare["runId"]
        assert ex[0]["status"] == "SUCCEEDED", (name, ex[0])
        md = _metadata(ex[0]["evaluation"]["metadataEntries"])
        assert md["content_hash"] == validated["content_hash"], name
    assert validated["ingested"] == validated["published_rows"] + validated["quarantined"] + validated["suppressed"]
    assert validated["quarantined"] == RESEND_LINES


def test_the_preview_puts_warnings_first_in_plain_words(burst: Cockpit):
    c = burst
    md = _latest_materialization(c, [DS, "release_preview"])["metadata"]
    text = md["preview"]
    version, chash = md["proposed_version"], md["content_hash"]
    assert md["headline"].startswith(f"Publishing now makes version {version} public")
    assert chash[:12] in md["headline"]
    order = ["### Warnings", "complainant_race is withheld for 100% of the records",
             f"{RESEND_LINES} rows (", "near the limit of 5%", "### Changes", "### Rows", "### Rows set aside",
             "### Blocking checks", "Spot check"]
    assert [text.index(h) for h in order] == sorted(text.index(h) for h in order)
    assert f"{RESEND_LINES} row(s) of {RESEND} repeat a record key already present in lakeview_complaints.jsonl" in text
    assert f"{2 * RESEND_LINES} row(s)" not in text  # a duplicate is one row, not two codes
    for internal in ("keys_truncated", "OSD_", "schema-property-changed", "primary-key:", "unique-error"):
        assert internal not in text, internal
    page = Path(md["preview_page (private)"])
    assert page.is_file() and str(page).startswith(str(c.private))
    assert "complainant_race is withheld" in page.read_text()


def test_attention_lists_what_is_ready_to_publish(burst: Cockpit):
    c = burst

    def ready() -> dict[str, Any] | None:
        md = _latest_materialization(c, ["attention"])["metadata"]
        return md if "3 ready to publish" in md["summary"] else None

    md = _wait("the attention asset to list three releases", ready, 60, c, every=3)
    for ds in DATASETS:
        assert f"Jobs > {ds}_publish" in md["needs_attention"]
    assert "not ingested yet" not in md["needs_attention"]


def test_publish_refusals_and_the_release(published: Cockpit):
    from dagster_graphql import DagsterGraphQLClientError

    c = published
    with pytest.raises(DagsterGraphQLClientError) as exc:  # no note at all: the Launchpad refuses to launch
        _publish(c, None)
    assert "RunConfigValidationInvalid" in str(exc.value)
    assert "a release note is required" in _run_errors(c, c.state["blank_run"])

    version = c.state["proposed"]
    base = c.public / "datasets" / DS
    versions = json.loads((base / "versions.json").read_text())["versions"]
    assert [v["version"] for v in versions] == [version, "1.0.0"]  # the blank note published nothing
    assert versions[0]["note"] == NOTE
    assert json.loads((base / "latest.json").read_text())["version"] == version
    rel = _latest_materialization(c, [DS, "release"])
    assert rel["runId"] == c.state["publish_run"] and rel["metadata"]["version"] == version
    assert rel["metadata"]["release_note"] == NOTE

    errors = _run_errors(c, c.state["noop_run"])
    assert f"this content is already published as version {version}" in errors
    assert "release_note (not published): Published twice by mistake" in errors


def test_retract_by_choosing_a_published_version(retracted: Cockpit):
    c = retracted
    version = c.state["proposed"]
    assert f"{DS}/v{version}" in c.state["retract_choices"] and f"{DS}/v1.0.0" in c.state["retract_choices"]
    assert f"{DS}/v{version}" not in c.state["retract_choices_after"]
    base = c.public / "datasets" / DS
    tomb = json.loads((base / f"v{version}" / "TOMBSTONE.json").read_text())
    assert tomb["reason"] == REASON and tomb["replacement"] == "1.0.0"
    assert json.loads((base / "latest.json").read_text())["version"] == "1.0.0"
    assert "retract" in (base / "index.html").read_text().lower()


def test_nothing_personal_in_what_the_ui_served(retracted: Cockpit):
    c = retracted
    planted = c.state["planted"]
    assert len(planted) > 100
    blob = "\n".join(c.responses).lower()
    assert len(c.responses) > 10
    hits = sorted(v for v in planted if v.lower() in blob)
    assert hits == [], f"{len(hits)} planted value(s) reached the UI's GraphQL answers"


# ------------------------------------------------------------------------------------------------ the browser

ERROR_TEXTS = ("Unexpected GraphQL error", "PythonError", "Something went wrong", "Error loading", "not found")


def _assert_no_error_banner(page: Any) -> None:
    body = page.inner_text("body")
    for t in ERROR_TEXTS:
        assert t not in body, f"error banner on {page.url}: {t!r}"
    assert page.locator("[class*='intent-danger']").count() == 0, page.url


@pytest.fixture(scope="module")
def browser_page(retracted: Cockpit) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=args, headless=True)
        ctx = b.new_context(viewport={"width": 1400, "height": 860})
        page = ctx.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{retracted.url}/overview", wait_until="domcontentloaded")
        skip = page.get_by_role("button", name="Skip")  # the community dialog, if the .nux marker was ignored
        try:
            skip.wait_for(state="visible", timeout=3000)
            skip.click()
        except PlaywrightTimeout:
            pass
        yield page
        ctx.close()
        b.close()


def test_asset_graph_renders_every_dataset_group(retracted: Cockpit, browser_page: Any):
    page = browser_page
    page.goto(f"{retracted.url}/asset-groups", wait_until="domcontentloaded")
    for group in (*DATASETS, "site", "cockpit"):
        page.get_by_text(group, exact=True).first.wait_for(state="visible")
    page.get_by_text("fetching statuses").first.wait_for(state="hidden", timeout=30_000)  # the groups' statuses
    page.wait_for_timeout(1000)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-asset-graph.png"))

    page.goto(f"{retracted.url}/locations/{LOCATION}/asset-groups/{DS}", wait_until="domcontentloaded")
    for stage in ("raw", "standardized", "deidentified", "validated", "release_preview", "release"):
        page.get_by_text(stage, exact=True).first.wait_for(state="visible")
    page.wait_for_timeout(1500)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / f"ui-group-{DS}.png"))


def test_attention_page_renders(retracted: Cockpit, browser_page: Any):
    page = browser_page
    page.goto(f"{retracted.url}/assets/attention", wait_until="domcontentloaded")
    page.get_by_text("needs_attention").first.wait_for(state="visible")
    page.get_by_text("ready to publish").first.wait_for(state="visible")
    page.wait_for_timeout(1000)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-attention.png"))


def test_preview_pages_render(retracted: Cockpit, browser_page: Any):
    page = browser_page
    md = _latest_materialization(retracted, [DS, "release_preview"])["metadata"]
    page.goto(f"{retracted.url}/assets/{DS}/release_preview", wait_until="domcontentloaded")
    page.get_by_text("headline").first.wait_for(state="visible")
    page.get_by_text(md["headline"]).first.wait_for(state="visible")
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-preview-asset.png"))
    # the private page the metadata links to, with room for the whole preview
    page.set_viewport_size({"width": 1100, "height": 1400})
    page.goto(Path(md["preview_page (private)"]).as_uri(), wait_until="domcontentloaded")
    page.get_by_text("Warnings", exact=True).first.wait_for(state="visible")
    page.get_by_text("complainant_race is withheld").first.wait_for(state="visible")
    page.screenshot(path=str(SHOTS / "ui-preview.png"))
    page.set_viewport_size({"width": 1400, "height": 860})


def test_checks_and_launchpads_render(retracted: Cockpit, browser_page: Any):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page = browser_page
    page.goto(f"{retracted.url}/assets/{DS}/validated?view=checks", wait_until="domcontentloaded")
    for name in CHECKS:
        page.get_by_text(name, exact=True).first.wait_for(state="visible")
    page.wait_for_timeout(1000)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-checks.png"))

    page.goto(f"{retracted.url}/locations/{LOCATION}/jobs/{DS}_publish/playground", wait_until="domcontentloaded")
    page.get_by_text(f"{DS}__release").first.wait_for(state="visible")
    # the Launchpad says a note is required, and scaffolds that one field (nothing about stores or buckets)
    page.get_by_text("Missing required config entry").first.wait_for(state="visible")
    page.get_by_role("button", name="Scaffold missing config").click()
    page.get_by_role("button", name="Confirm").click()
    editor = page.locator(".CodeMirror").first
    assert "base_dir" not in editor.inner_text() and "s3_bucket" not in editor.inner_text()
    line = page.locator(".CodeMirror-line").filter(has_text="note:").first
    line.click()
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.type(f"'{NOTE}'")
    page.get_by_text("No errors").first.wait_for(state="visible")
    page.get_by_text("Release note, published with").first.wait_for(state="visible")  # the field's description
    page.wait_for_timeout(500)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-launchpad-publish.png"))

    # the refused no-op publish: its run says which version already holds this content
    page.goto(f"{retracted.url}/runs/{retracted.state['noop_run']}", wait_until="domcontentloaded")
    page.get_by_text("already published as version").first.wait_for(state="visible")
    page.wait_for_timeout(1000)
    page.screenshot(path=str(SHOTS / "ui-publish-refused.png"))

    # retract in the browser: the version is chosen from a list (the job's partitions), only the reason is typed
    choice = "stops/v1.0.0"
    for attempt in range(3):  # a list opened before the partitions loaded stays empty: open the page again
        page.goto(f"{retracted.url}/locations/{LOCATION}/jobs/retract_job/playground", wait_until="domcontentloaded")
        page.get_by_text("retract_version").first.wait_for(state="visible")
        page.get_by_placeholder("Partition").click()
        try:
            page.get_by_text(choice, exact=True).first.wait_for(state="visible", timeout=20000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    assert page.get_by_text(f"{DS}/v{retracted.state['proposed']}", exact=True).count() == 0  # retracted: gone
    page.wait_for_timeout(500)
    page.screenshot(path=str(SHOTS / "ui-launchpad-retract.png"))
    page.get_by_text(choice, exact=True).first.click()
    page.get_by_role("button", name="Scaffold missing config").click()
    confirm = page.get_by_role("button", name="Confirm")  # asked when the editor already holds config
    try:
        confirm.wait_for(state="visible", timeout=3000)
        confirm.click()
    except PlaywrightTimeout:
        pass
    line = page.locator(".CodeMirror-line").filter(has_text="reason:").first
    line.click()
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.type("'Retracted from the browser: the agency withdrew the export'")
    page.get_by_text("No errors").first.wait_for(state="visible")
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-launchpad-retract-reason.png"))
    page.get_by_role("button", name="Launch Run").click()
    run = _wait("the retract run launched from the browser",
                lambda: [r for r in _runs(retracted, "retract_job") if _tags(r).get("dagster/partition") == choice],
                60, retracted, every=2)[0]
    _wait_run(retracted, run["runId"], 180)
    tomb = json.loads((retracted.public / "datasets" / "stops" / "v1.0.0" / "TOMBSTONE.json").read_text())
    assert tomb["reason"] == "Retracted from the browser: the agency withdrew the export"

    page.goto(f"{retracted.url}/overview/automation", wait_until="domcontentloaded")
    page.get_by_text("inbox_sensor").first.wait_for(state="visible")
    page.get_by_text("attention_sensor").first.wait_for(state="visible")
    page.wait_for_timeout(1000)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-sensors.png"))
