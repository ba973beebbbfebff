"""The Kubernetes deployment files (`deploy/k8s/`), checked offline against what is installed here.

`helm` and a cluster are not available to the tests: the values are not rendered nor applied. What is checked:
the YAML parses; the chart's required keys are there; the K8sRunLauncher settings are settings the installed
`dagster-k8s` knows; the executor file validates against `k8s_job_executor`'s own config schema and names only
steps that exist; the code location, queue, monitoring and retries agree with `pyproject.toml` and
`deploy/dagster.yaml`; every environment variable is one `deploy/production.env.example` documents.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
K8S = REPO / "deploy" / "k8s"
LAUNCHER_REQUIRED = ("imagePullPolicy", "loadInclusterConfig", "envConfigMaps", "envSecrets", "envVars",
                     "volumeMounts", "volumes")


@pytest.fixture(scope="module")
def values() -> dict:
    return yaml.safe_load((K8S / "values.yaml").read_text())


@pytest.fixture(scope="module")
def location(values) -> dict:
    deployments = values["dagster-user-deployments"]["deployments"]
    assert values["dagster-user-deployments"]["enabled"] and len(deployments) == 1
    return deployments[0]


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_code_location_is_this_project(location) -> None:
    tool = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["dagster"]
    assert location["name"].replace("-", "_") == tool["code_location_name"]
    args = location["dagsterApiGrpcArgs"]
    assert args[args.index("--module-name") + 1] == tool["module_name"]
    image = location["image"]
    assert image["repository"] and str(image["tag"]) not in ("", "latest")  # one build, every run and step
    assert image["pullPolicy"] in ("Always", "IfNotPresent", "Never")
    assert location["includeConfigInLaunchedRuns"]["enabled"] is True
    env = {e["name"]: e["value"] for e in location["env"]}
    assert env["OSD_EXECUTOR"] == "k8s"
    assert (REPO / env["OSD_K8S_EXECUTOR_CONFIG"].removeprefix("/app/")).is_file()  # the image's WORKDIR is /app
    dockerfile = (K8S / "Dockerfile").read_text()
    assert "WORKDIR /app" in dockerfile and "COPY deploy deploy" in dockerfile and "--frozen" in dockerfile


def test_run_launcher_settings_known_to_dagster_k8s(values, location) -> None:
    from dagster_k8s import K8sRunLauncher

    launcher = values["runLauncher"]
    assert launcher["type"] == "K8sRunLauncher"
    cfg = launcher["config"]["k8sRunLauncher"]
    assert all(k in cfg for k in LAUNCHER_REQUIRED), [k for k in LAUNCHER_REQUIRED if k not in cfg]
    known = set(K8sRunLauncher.config_type())
    assert {_snake(k) for k in cfg} <= known, sorted({_snake(k) for k in cfg} - known)
    # runs see the same configuration and secrets as the code location
    assert cfg["envConfigMaps"] == location["envConfigMaps"] and cfg["envSecrets"] == location["envSecrets"]
    limits = cfg["runK8sConfig"]["containerConfig"]["resources"]
    assert limits["requests"]["memory"] and limits["limits"]["memory"]


def test_instance_settings_match_deploy_dagster_yaml(values) -> None:
    inst = yaml.safe_load((REPO / "deploy" / "dagster.yaml").read_text())
    daemon = values["dagsterDaemon"]
    queued = daemon["runCoordinator"]["config"]["queuedRunCoordinator"]
    assert daemon["runCoordinator"]["type"] == "QueuedRunCoordinator"
    assert queued["maxConcurrentRuns"] == inst["run_coordinator"]["config"]["max_concurrent_runs"]
    assert queued["tagConcurrencyLimits"] == inst["run_coordinator"]["config"]["tag_concurrency_limits"]
    for k in ("enabled", "start_timeout_seconds", "poll_interval_seconds", "max_resume_run_attempts"):
        camel = re.sub(r"_(\w)", lambda m: m.group(1).upper(), k)
        assert daemon["runMonitoring"][camel] == inst["run_monitoring"][k], k
    assert daemon["runRetries"]["maxRetries"] == inst["run_retries"]["max_retries"]
    assert values["postgresql"]["enabled"] is False and values["postgresql"]["postgresqlHost"]
    assert not values["rabbitmq"]["enabled"] and not values["telemetry"]["enabled"]


def test_every_variable_is_documented(location) -> None:
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (REPO / "deploy" / "production.env.example").read_text(),
                                re.MULTILINE))
    assert {e["name"] for e in location["env"]} <= documented


def test_executor_config_valid_for_k8s_job_executor() -> None:
    from dagster._config import validate_config
    from dagster_k8s import k8s_job_executor

    from pipelines.distributed.executor import K8S_CONFIG, k8s_executor_config

    cfg = k8s_executor_config(K8S_CONFIG)
    assert "job_image" not in cfg  # the run's image: the code location's (values.yaml), never a second one
    res = validate_config(k8s_job_executor.config_schema.config_type, cfg)
    assert res.success, [e.message for e in res.errors]
    bad = validate_config(k8s_job_executor.config_schema.config_type, {**cfg, "per_step_k8s_config": {"x": 1}})
    assert not bad.success  # the validation above can fail


def test_executor_names_only_real_steps_with_sane_resources(monkeypatch) -> None:
    from pipelines.definitions import build_definitions
    from pipelines.distributed.executor import K8S_CONFIG, k8s_executor_config

    monkeypatch.delenv("OSD_EXECUTOR", raising=False)
    defs = build_definitions()
    steps = {n.name for job in defs.resolve_all_job_defs() for n in job.graph.node_defs}
    cfg = k8s_executor_config(K8S_CONFIG)
    per_step = cfg["per_step_k8s_config"]
    assert set(per_step) <= steps, sorted(set(per_step) - steps)

    def gib(q: str) -> float:
        return float(q.removesuffix("Gi")) if q.endswith("Gi") else float(q.removesuffix("Mi")) / 1024

    for name, c in {"default": cfg["step_k8s_config"], **per_step}.items():
        res = c["container_config"]["resources"]
        assert 0 < gib(res["requests"]["memory"]) <= gib(res["limits"]["memory"]), name
    # the heaviest step measured (1.9 GB on 10M rows, README) fits every named dataset-wide step's limit
    assert gib(per_step["stops__validated"]["container_config"]["resources"]["limits"]["memory"]) >= 2


def test_k8s_executor_selected_by_configuration(monkeypatch) -> None:
    from pipelines.definitions import build_definitions

    monkeypatch.setenv("OSD_EXECUTOR", "k8s")
    monkeypatch.setenv("OSD_K8S_EXECUTOR_CONFIG", str(K8S / "executor.yaml"))
    assert build_definitions().resolve_job_def("stops_prepare").executor_def.name == "k8s"
