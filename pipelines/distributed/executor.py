"""Which Dagster executor runs the steps: chosen by configuration, never by the pipeline code.

`OSD_EXECUTOR` unset (or ``multiprocess``) keeps Dagster's default executor. ``celery`` sends every step to
`dagster-celery` workers through a broker (`OSD_CELERY_BROKER`, e.g. ``redis://broker:6379/0``; results through
`OSD_CELERY_BACKEND`, default the broker). The broker URLs are resolved when a run starts (``{"env": ...}``
config), so importing the code location reads nothing but the executor's name. ``k8s`` runs every step as its
own Kubernetes Job (`dagster-k8s`'s `k8s_job_executor`), configured by the YAML file `OSD_K8S_EXECUTOR_CONFIG`
(default `deploy/k8s/executor.yaml`: per-step requests and limits).

Steps pass no data through the IO manager (each asset writes its files to the private store, whose location every
worker must share: a common disk or S3); the filesystem IO manager under `OSD_IO_DIR` is set explicitly so that a
worker on another host finds whatever Dagster itself stores there when that folder is on shared storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dagster as dg

from pipelines import settings

EXECUTORS = ("multiprocess", "celery", "k8s")
K8S_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "k8s" / "executor.yaml"


class ExecutorConfigError(ValueError):
    """`OSD_EXECUTOR` names no executor this deployment knows."""


@dataclass(frozen=True)
class ExecutorChoice:
    """The executor Definitions should use (None: Dagster's default) and the resources it needs."""

    name: str
    executor: dg.ExecutorDefinition | None
    resources: dict[str, Any]


def executor_name() -> str:
    """`OSD_EXECUTOR`, lower-cased; ``multiprocess`` when unset."""
    name = settings.get("OSD_EXECUTOR").strip().lower() or "multiprocess"
    if name not in EXECUTORS:
        raise ExecutorConfigError(f"OSD_EXECUTOR={name!r}: expected one of {', '.join(EXECUTORS)}")
    return name


def celery_executor() -> dg.ExecutorDefinition:
    """`dagster-celery`'s executor with the broker and result backend read from the environment at run start.

    The backend defaults to the broker: Redis keeps the step results, where the default ``rpc://`` would need an
    AMQP broker.
    """
    from dagster_celery import celery_executor as base

    backend_var = "OSD_CELERY_BACKEND" if settings.get("OSD_CELERY_BACKEND") else "OSD_CELERY_BROKER"
    return base.configured(
        {"broker": {"env": "OSD_CELERY_BROKER"}, "backend": {"env": backend_var},
         # a step whose worker died is handed to another worker rather than lost
         "config_source": {"task_acks_late": True, "worker_prefetch_multiplier": 1}},
        name="celery",
    )


def k8s_executor_config(path: Path | None = None) -> dict[str, Any]:
    """The `k8s_job_executor` config in ``path`` (default `OSD_K8S_EXECUTOR_CONFIG`, else `K8S_CONFIG`)."""
    import yaml

    path = path or Path(settings.get("OSD_K8S_EXECUTOR_CONFIG") or K8S_CONFIG)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ExecutorConfigError(f"{path}: cannot read the k8s_job_executor config: {exc}") from exc
    if not isinstance(data, dict):
        raise ExecutorConfigError(f"{path}: expected a mapping of k8s_job_executor settings")
    return data


def k8s_executor(path: Path | None = None) -> dg.ExecutorDefinition:
    """`dagster-k8s`'s step-per-Job executor with this deployment's per-step resources."""
    from dagster_k8s import k8s_job_executor

    return k8s_job_executor.configured(k8s_executor_config(path), name="k8s")


def choose() -> ExecutorChoice:
    """The executor and resources for this deployment (`OSD_EXECUTOR`, `OSD_IO_DIR`)."""
    name = executor_name()
    resources: dict[str, Any] = {}
    io_dir = settings.get("OSD_IO_DIR").strip()
    if io_dir:
        resources["io_manager"] = dg.FilesystemIOManager(base_dir=io_dir)
    if name == "celery":
        return ExecutorChoice(name, celery_executor(), resources)
    if name == "k8s":
        return ExecutorChoice(name, k8s_executor(), resources)
    return ExecutorChoice(name, None, resources)
