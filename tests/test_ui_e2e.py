"""The data officer's cockpit, end to end through a real `dagster-webserver` and `dagster-daemon`.

A generated export and a file that matches no contract are dropped into the inbox; the daemon's inbox sensor
starts the ingest run, the run-status sensor the prepare run (validation, blocking checks, preview). The test reads
what the UI reads (sensor ticks, runs, materialization metadata, check evaluations) through GraphQL, launches the
publish job with a release note and the retract job like the Launchpad does, and finally opens the UI in Chromium
(asset graph, preview, check results) and saves screenshots to `test-artifacts/screenshots/ui-*.png`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pipelines import samplegen
from pipelines.specs import file_sha256

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

REPO = Path(__file__).resolve().parent.parent
BIN = REPO / ".venv" / "bin"
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "test-artifacts" / "screenshots"
DS = "complaints"
EXPORT = "lakeview_complaints.jsonl"
UNKNOWN = "mystery_export.csv"
NOTE = "First public release of civilian complaints (UI end-to-end test)"
LOCATION = "pipelines.definitions"
REPOSITORY = "__repository__"
DATASETS = ("complaints", "incidents", "stops")
CHECKS = ("schema_valid", "row_accounting", "quarantine_share", "no_leaks", "k_anonymity")

DAGSTER_YAML = """\
telemetry:
  enabled: false
run_coordinator:
  module: dagster.core.run_coordinator
  class: QueuedRunCoordinator
  config:
    max_concurrent_runs: 2
    dequeue_interval_seconds: 1
sensors:
  use_threads: true
  num_workers: 2
"""

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
    for d in (c.inbox, c.private, c.public, c.dagster_home, c.logs):
        d.mkdir(parents=True)
    (c.dagster_home / "dagster.yaml").write_text(DAGSTER_YAML)
    (c.dagster_home / ".nux").mkdir()  # the UI's one-time "join the community" dialog: already seen
    (c.dagster_home / ".nux" / "nux.yaml").write_text("seen: 1\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OSD_", "DAGSTER_"))}
    env.update(
        DAGSTER_HOME=str(c.dagster_home),
        OSD_INBOX=str(c.inbox),
        OSD_PRIVATE=str(c.private),
        OSD_PUBLIC=str(c.public),
        OSD_PSEUDONYM_KEY="ui-e2e-test-key-not-a-secret",
        TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS="",
        PYTHONUNBUFFERED="1",
    )
    commands = {
        "webserver": [str(BIN / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(c.port)],
        "daemon": [str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"],
    }
    # create the instance's SQLite storage once, before two processes race to create the same tables
    # ("table instigators already exists" when the machine is busy)
    subprocess.run([str(BIN / "dagster"), "instance", "migrate"], cwd=REPO, env=env, check=True, timeout=180,
                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for name, cmd in commands.items():
            fh = (c.logs / f"{name}.log").open("wb")
            c.procs.append(
                subprocess.Popen(
                    cmd, cwd=REPO, env=env, stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )
            fh.close()
        _wait("the webserver", lambda: urllib.request.urlopen(f"{c.url}/server_info", timeout=5).status == 200,
              120, c)
        q = """{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus
                 locationOrLoadError { __typename ... on PythonError { message } } } } } }"""

        def loaded() -> bool:
            entries = c.gql(q)["workspaceOrError"]["locationEntries"]
            for e in entries:
                assert e["locationOrLoadError"] is None or e["locationOrLoadError"]["__typename"] != "PythonError", e
            return bool(entries) and all(e["loadStatus"] == "LOADED" for e in entries)

        _wait("the code location to load", loaded, 120, c)
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
    data = c.gql(RUNS, {"filter": {"pipelineName": job}})["runsOrError"]
    assert data["__typename"] == "Runs", data
    return data["results"]


def _wait_run(c: Cockpit, run_id: str, timeout: float = 180) -> str:
    client = c.client()

    def done() -> str | None:
        st = client.get_run_status(run_id).value
        return st if st in ("SUCCESS", "FAILURE", "CANCELED") else None

    status = _wait(f"run {run_id}", done, timeout, c, every=2)
    if status != "SUCCESS":
        raise AssertionError(f"run {run_id} ended {status}\n{_run_errors(c, run_id)}\n{c.log_tail()}")
    return status


def _run_errors(c: Cockpit, run_id: str) -> str:
    q = """query($id: ID!) { logsForRun(runId: $id) { __typename ... on EventConnection { events { __typename
      ... on MessageEvent { message level } ... on ExecutionStepFailureEvent { error { message } } } } } }"""
    events = c.gql(q, {"id": run_id})["logsForRun"].get("events", [])
    return "\n".join(
        (e.get("error") or {}).get("message") or e.get("message", "")
        for e in events
        if e.get("level") in ("ERROR", "WARNING") or e["__typename"] == "ExecutionStepFailureEvent"
    )[-4000:]


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
def prepared(cockpit: Cockpit) -> Cockpit:
    """Drop an export and an unknown file; the sensors ingest and prepare without anyone launching anything."""
    c = cockpit
    gen = c.root / "generated"
    samplegen.generate(gen, rows=150, seed=5, sources=["lakeview_complaints"])
    c.state["planted"] = samplegen.planted_values(gen)
    c.state["sha"] = file_sha256(gen / EXPORT)
    (c.inbox / UNKNOWN).write_text("Case,Colour,Mood\n1,blue,calm\n")
    shutil.copyfile(gen / EXPORT, c.inbox / f".{EXPORT}.part")  # hidden while copying, then renamed
    (c.inbox / f".{EXPORT}.part").rename(c.inbox / EXPORT)

    ingest = _wait("the inbox sensor's ingest run", lambda: _runs(c, f"{DS}_ingest"), 150, c, every=2)
    assert len(ingest) == 1, ingest
    c.state["ingest"] = ingest[0]
    _wait_run(c, ingest[0]["runId"], 240)
    prepare = _wait("the prepare run", lambda: _runs(c, f"{DS}_prepare"), 120, c, every=2)
    assert len(prepare) == 1, prepare
    c.state["prepare"] = prepare[0]
    _wait_run(c, prepare[0]["runId"], 240)
    return c


@pytest.fixture(scope="module")
def published(prepared: Cockpit) -> Cockpit:
    c = prepared
    run_id = c.client().submit_job_execution(
        f"{DS}_publish",
        repository_location_name=LOCATION,
        repository_name=REPOSITORY,
        run_config={"ops": {f"{DS}__release": {"config": {"note": NOTE}}}},
    )
    c.state["publish_run"] = run_id
    _wait_run(c, run_id, 180)
    return c


@pytest.fixture(scope="module")
def retracted(published: Cockpit) -> Cockpit:
    c = published
    run_id = c.client().submit_job_execution(
        "retract_job",
        repository_location_name=LOCATION,
        repository_name=REPOSITORY,
        run_config={"ops": {"retract_version": {"config": {
            "dataset": DS, "version": "1.0.0", "reason": "Test retraction: a source agency re-issued its export",
        }}}},
    )
    _wait_run(c, run_id, 180)
    return c


# ------------------------------------------------------------------------------------------------ tests


def test_inbox_sensor_ticks_show_the_run_and_the_rejection(prepared: Cockpit):
    c = prepared
    ingest = c.state["ingest"]
    tags = {t["key"]: t["value"] for t in ingest["tags"]}
    assert tags["dagster/sensor_name"] == "inbox_sensor"
    assert tags["dagster/partition"] == EXPORT
    assert tags["dagster/run_key"] == f"{EXPORT}:{c.state['sha']}"
    assert tags["source"] == "lakeview_complaints" and tags["dataset"] == DS

    q = """query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) { __typename
      ... on Sensor { sensorState { status ticks(limit: 50) { status runIds runKeys cursor
        error { message } logEvents { events { message level } } } } } } }"""
    sel = {"repositoryLocationName": LOCATION, "repositoryName": REPOSITORY, "sensorName": "inbox_sensor"}
    sensor = c.gql(q, {"s": sel})["sensorOrError"]
    assert sensor["__typename"] == "Sensor", sensor
    assert sensor["sensorState"]["status"] == "RUNNING"
    ticks = sensor["sensorState"]["ticks"]
    assert not [t for t in ticks if t["status"] == "FAILURE"], [t["error"] for t in ticks if t["error"]]
    launched = [t for t in ticks if t["runIds"]]
    assert len(launched) == 1, "the export must be launched exactly once"
    assert launched[0]["runKeys"] == [f"{EXPORT}:{c.state['sha']}"]
    assert launched[0]["runIds"] == [ingest["runId"]]
    assert json.loads(launched[0]["cursor"]) == {EXPORT: c.state["sha"]}
    messages = [e["message"] for t in ticks for e in t["logEvents"]["events"]]
    rejected = [m for m in messages if UNKNOWN in m]
    assert rejected and "rejected" in rejected[0] and "matches no source contract" in rejected[0]
    assert "blue" not in " ".join(messages) and "calm" not in " ".join(messages)  # by name only, no values

    assert not (c.inbox / UNKNOWN).exists()
    assert (c.inbox / "rejected" / UNKNOWN).exists()
    assert "matches no source contract" in (c.inbox / "rejected" / f"{UNKNOWN}.reason.txt").read_text()
    assert (c.inbox / EXPORT).exists()  # accepted exports stay where the officer dropped them


def test_prepare_was_started_by_the_run_status_sensor(prepared: Cockpit):
    tags = {t["key"]: t["value"] for t in prepared.state["prepare"]["tags"]}
    assert tags["dagster/sensor_name"] == f"{DS}_prepare_after_ingest_sensor"
    assert tags["dagster/run_key"] == f"prepare:{prepared.state['ingest']['runId']}"


def test_ingest_metadata_is_counts_only(prepared: Cockpit):
    raw = _latest_materialization(prepared, [DS, "raw"])["metadata"]
    assert raw["file"] == EXPORT and raw["sha256"] == prepared.state["sha"]
    assert raw["source"] == "lakeview_complaints"
    assert raw["rows_read"] == 150 and raw["dagster/row_count"] == 150
    deid = _latest_materialization(prepared, [DS, "deidentified"])["metadata"]
    assert deid["dagster/row_count"] == 150
    assert sum(deid["redactions_by_type"].values()) > 0


def test_blocking_checks_passed_with_evidence(prepared: Cockpit):
    c = prepared
    q = (
        "query($key: AssetKeyInput!, $name: String!) { assetCheckExecutions(assetKey: $key, checkName: $name, "
        "limit: 5) { runId status evaluation { success severity " + METADATA + " } } }"
    )
    validated = _latest_materialization(c, [DS, "validated"])["metadata"]
    evidence = {}
    for name in CHECKS:
        ex = c.gql(q, {"key": {"path": [DS, "validated"]}, "name": name})["assetCheckExecutions"]
        assert len(ex) == 1, (name, ex)
        assert ex[0]["runId"] == c.state["prepare"]["runId"]
        assert ex[0]["status"] == "SUCCEEDED", (name, ex[0])
        assert ex[0]["evaluation"]["success"] is True and ex[0]["evaluation"]["severity"] == "ERROR"
        md = _metadata(ex[0]["evaluation"]["metadataEntries"])
        assert md["content_hash"] == validated["content_hash"], name
        evidence[name] = md
    assert len(evidence["k_anonymity"]) > 1 and evidence["k_anonymity"]["k_achieved"] >= 1
    assert len(evidence["row_accounting"]) > 1
    assert validated["ingested"] == validated["published_rows"] + validated["quarantined"] + validated["suppressed"]


def test_preview_proposes_the_first_release(prepared: Cockpit):
    c = prepared
    mat = _latest_materialization(c, [DS, "release_preview"])
    md = mat["metadata"]
    assert mat["runId"] == c.state["prepare"]["runId"]
    assert md["proposed_version"] == "1.0.0"
    assert md["previous_version"] == "none (first release)"
    assert md["checks_passed"] is True
    q = (
        "query($key: AssetKeyInput!) { assetOrError(assetKey: $key) { ... on Asset { assetMaterializations(limit: 1)"
        " { metadataEntries { label ... on TableMetadataEntry { table { records } } } } } } }"
    )
    entries = c.gql(q, {"key": {"path": [DS, "release_preview"]}})["assetOrError"]["assetMaterializations"][0]
    tables = {e["label"]: [json.loads(r) for r in e["table"]["records"]] for e in entries["metadataEntries"] if "table" in e}
    assert {r["check"]: r["result"] for r in tables["checks"]} == dict.fromkeys(CHECKS, "passed")
    (rows,) = tables["rows"]
    assert rows["ingested"] == 150 and rows["published"] == md["dagster/row_count"] > 0
    assert rows["ingested"] == rows["published"] + rows["quarantined"] + rows["suppressed"]
    by_type = {r["entity_type"]: r["count"] for r in tables["redactions_by_type"]}
    assert by_type.get("PERSON", 0) > 0
    validated = _latest_materialization(c, [DS, "validated"])["metadata"]
    assert md["content_hash"] == validated["content_hash"]
    text = md["preview"]
    assert "proposed version 1.0.0" in text
    assert "Blocking checks" in text and "FAILED" not in text
    assert "Redactions in free text, by type" in text
    assert "Spot check" in text and "[PERSON" in text


def test_publish_without_a_release_note_is_refused(prepared: Cockpit):
    from dagster_graphql import DagsterGraphQLClientError

    c = prepared
    for run_config in ({}, {"ops": {f"{DS}__release": {"config": {}}}}):
        with pytest.raises(DagsterGraphQLClientError) as exc:
            c.client().submit_job_execution(
                f"{DS}_publish", repository_location_name=LOCATION, repository_name=REPOSITORY, run_config=run_config
            )
        assert "RunConfigValidationInvalid" in str(exc.value)
    assert _runs(c, f"{DS}_publish") == []
    assert not (c.public / "datasets" / DS / "v1.0.0").exists()


def test_publish_from_the_launchpad_writes_the_previewed_release(published: Cockpit):
    c = published
    rel_dir = c.public / "datasets" / DS / "v1.0.0"
    for name in (f"{DS}.csv", f"{DS}.parquet", "datapackage.json", "provenance.json", "SHA256SUMS", "CHANGES.md"):
        assert (rel_dir / name).is_file(), name
    versions = json.loads((c.public / "datasets" / DS / "versions.json").read_text())["versions"]
    assert [v["version"] for v in versions] == ["1.0.0"] and versions[0]["note"] == NOTE
    latest = json.loads((c.public / "datasets" / DS / "latest.json").read_text())
    assert latest["version"] == "1.0.0"
    assert (c.public / "index.html").is_file() and (c.public / "datasets" / DS / "index.html").is_file()
    rel = _latest_materialization(c, [DS, "release"])
    assert rel["runId"] == c.state["publish_run"]
    assert rel["metadata"]["version"] == "1.0.0"
    preview = _latest_materialization(c, [DS, "release_preview"])["metadata"]
    pkg = json.loads((rel_dir / "datapackage.json").read_text())
    assert pkg["version"] == preview["proposed_version"]
    assert rel["metadata"]["dagster/row_count"] == _latest_materialization(c, [DS, "validated"])["metadata"][
        "published_rows"
    ]
    site = _latest_materialization(c, ["site"])
    assert site["runId"] == c.state["publish_run"]


def test_retract_leaves_a_tombstone(retracted: Cockpit):
    c = retracted
    base = c.public / "datasets" / DS
    tomb = json.loads((base / "v1.0.0" / "TOMBSTONE.json").read_text())
    assert tomb["version"] == "1.0.0" and tomb["reason"].startswith("Test retraction")
    assert not (base / "v1.0.0" / f"{DS}.csv").exists()
    versions = json.loads((base / "versions.json").read_text())["versions"]
    assert versions[0]["status"] == "retracted"
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
    for ds in DATASETS:
        page.get_by_text(ds, exact=True).first.wait_for(state="visible")
    page.get_by_text("site", exact=True).first.wait_for(state="visible")
    page.wait_for_timeout(1500)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-asset-graph.png"))

    page.goto(f"{retracted.url}/locations/{LOCATION}/asset-groups/{DS}", wait_until="domcontentloaded")
    for stage in ("raw", "standardized", "deidentified", "validated", "release_preview", "release"):
        page.get_by_text(stage, exact=True).first.wait_for(state="visible")
    page.wait_for_timeout(1500)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / f"ui-group-{DS}.png"))


def test_preview_and_checks_pages_render(retracted: Cockpit, browser_page: Any):
    page = browser_page
    page.goto(f"{retracted.url}/assets/{DS}/release_preview", wait_until="domcontentloaded")
    page.get_by_text("proposed_version").first.wait_for(state="visible")
    page.get_by_text("1.0.0", exact=True).first.wait_for(state="visible")
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-preview-asset.png"))
    show = page.get_by_text("Show Markdown").first
    if show.count():
        page.set_viewport_size({"width": 1400, "height": 1240})  # the whole preview dialog
        show.click()
        page.get_by_text("proposed version 1.0.0").first.wait_for(state="visible")
        page.get_by_text("Spot check").first.wait_for(state="visible")
        page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / "ui-preview.png"))
        page.keyboard.press("Escape")
        page.set_viewport_size({"width": 1400, "height": 860})

    page.goto(f"{retracted.url}/assets/{DS}/validated?view=checks", wait_until="domcontentloaded")
    for name in CHECKS:
        page.get_by_text(name, exact=True).first.wait_for(state="visible")
    page.wait_for_timeout(1000)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-checks.png"))

    page.goto(f"{retracted.url}/locations/{LOCATION}/jobs/{DS}_publish/playground", wait_until="domcontentloaded")
    page.get_by_text(f"{DS}__release").first.wait_for(state="visible")
    # the Launchpad says a note is required, and scaffolds the field for it
    page.get_by_text("Missing required config entry").first.wait_for(state="visible")
    page.get_by_role("button", name="Scaffold missing config").click()
    page.get_by_role("button", name="Confirm").click()
    line = page.locator(".CodeMirror-line").filter(has_text="note:").first
    line.click()
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.type(f"'{NOTE}'")
    page.get_by_text("No errors").first.wait_for(state="visible")
    page.get_by_text("Release note, published in").first.wait_for(state="visible")  # the field's description
    page.wait_for_timeout(500)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-launchpad-publish.png"))

    page.goto(f"{retracted.url}/overview/automation", wait_until="domcontentloaded")
    page.get_by_text("inbox_sensor").first.wait_for(state="visible")
    page.wait_for_timeout(1000)
    _assert_no_error_banner(page)
    page.screenshot(path=str(SHOTS / "ui-sensors.png"))
