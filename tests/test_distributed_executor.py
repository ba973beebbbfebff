"""The executor is chosen by configuration (`OSD_EXECUTOR`): Dagster's default unless the deployment says celery."""

from __future__ import annotations

import pytest

from pipelines.distributed import executor as executors


def test_default_executor_unchanged(monkeypatch) -> None:
    monkeypatch.delenv("OSD_EXECUTOR", raising=False)
    monkeypatch.delenv("OSD_IO_DIR", raising=False)
    chosen = executors.choose()
    assert (chosen.name, chosen.executor, chosen.resources) == ("multiprocess", None, {})


def test_celery_selected_by_configuration(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("OSD_EXECUTOR", " Celery ")
    monkeypatch.setenv("OSD_IO_DIR", str(tmp_path))
    chosen = executors.choose()
    assert chosen.name == "celery" and chosen.executor is not None and chosen.executor.name == "celery"
    assert chosen.resources["io_manager"].base_dir == str(tmp_path)


def test_unknown_executor_refused(monkeypatch) -> None:
    monkeypatch.setenv("OSD_EXECUTOR", "dask")
    with pytest.raises(executors.ExecutorConfigError, match="OSD_EXECUTOR='dask'"):
        executors.choose()


def test_definitions_jobs_use_the_chosen_executor(monkeypatch) -> None:
    """Both choices build the whole code location; the celery one runs every job on the celery executor."""
    import dagster as dg

    from pipelines.definitions import build_definitions

    monkeypatch.delenv("OSD_EXECUTOR", raising=False)
    default = build_definitions().resolve_job_def("stops_prepare").executor_def
    assert default.name == dg.multi_or_in_process_executor.name
    monkeypatch.setenv("OSD_EXECUTOR", "celery")
    defs = build_definitions()
    for job in ("stops_ingest", "stops_prepare", "stops_publish", "retract_job"):
        assert defs.resolve_job_def(job).executor_def.name == "celery"
