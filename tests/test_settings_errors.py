"""One settings module, one error root, one S3 client factory: what callers rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipelines import config, errors, settings
from pipelines.publishing import (
    ImmutableVersionError,
    KeyExistsError,
    LocalPublisher,
    PreconditionFailedError,
    PublishError,
    S3Publisher,
    StalePlanError,
    publisher_from_env,
)
from pipelines.storage import s3

ROOT = Path(__file__).resolve().parent.parent


def test_every_osd_variable_in_the_code_is_declared_in_settings() -> None:
    """A variable read anywhere in the runtime packages has one declared default and meaning."""
    declared = {s.name for s in settings.SETTINGS}
    found: dict[str, str] = {}
    for pkg in ("pipelines", "redaction"):
        for path in (ROOT / pkg).rglob("*.py"):
            for name in re.findall(r"\bOSD_[A-Z0-9_]*[A-Z0-9]\b", path.read_text(encoding="utf-8")):
                found.setdefault(name, str(path.relative_to(ROOT)))
    undeclared = {n: f for n, f in found.items() if n not in declared}
    assert not undeclared
    assert len({s.name for s in settings.SETTINGS}) == len(settings.SETTINGS)


def test_an_empty_variable_means_the_default_everywhere(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OSD_PUBLIC", "")
    assert settings.get("OSD_PUBLIC") == "public"
    assert config.public_dir() == settings.public_dir() == tmp_path / "public"
    pub = publisher_from_env({"OSD_PUBLIC": ""})
    assert isinstance(pub, LocalPublisher) and pub.base_dir == tmp_path / "public"
    assert publisher_from_env({}).base_dir == tmp_path / "public"  # type: ignore[attr-defined]
    monkeypatch.setenv("OSD_PUBLIC", str(tmp_path / "elsewhere"))
    assert config.public_dir() == tmp_path / "elsewhere"
    assert settings.get("OSD_BATCH_ROWS", {"OSD_BATCH_ROWS": "17"}) == "17"
    with pytest.raises(KeyError):
        settings.get("OSD_NOT_DECLARED")


def test_integer_settings_name_the_variable_when_wrong(monkeypatch) -> None:
    monkeypatch.setenv("OSD_XLSX_MAX_CELLS", "many")
    with pytest.raises(ValueError, match="OSD_XLSX_MAX_CELLS"):
        settings.as_int("OSD_XLSX_MAX_CELLS")


def test_publish_errors_share_the_root_and_say_whether_to_retry() -> None:
    for cls in (PublishError, ImmutableVersionError, KeyExistsError, PreconditionFailedError, StalePlanError):
        assert issubclass(cls, errors.OsdError)
        assert cls.code in errors.CATALOGUE
    assert errors.is_transient(PreconditionFailedError("k changed"))
    assert errors.is_transient(StalePlanError("moved"))
    assert not errors.is_transient(ImmutableVersionError("k"))
    assert not errors.is_transient(KeyExistsError("k"))
    assert not errors.is_transient(ValueError("not ours"))
    assert errors.describe("no-such-code") == errors.CATALOGUE["osd-error"]


def test_the_other_modules_errors_derive_from_the_root() -> None:
    from pipelines.catalog.yamlfile import SpecError
    from pipelines.export_fates import IncompleteRelease, WithdrawError
    from pipelines.ingest.errors import ReadError
    from pipelines.review.decisions import DecisionError
    from pipelines.site import SiteError
    from pipelines.site.deployment import DeploymentError
    from pipelines.standardize import MappingError
    from pipelines.store import StoreError

    for cls in (SpecError, IncompleteRelease, WithdrawError, ReadError, DecisionError, SiteError, DeploymentError,
                MappingError, StoreError):
        assert issubclass(cls, errors.OsdError), cls
    assert issubclass(DecisionError, ValueError)  # callers catching ValueError still do
    assert ReadError("f.csv", "format-error").code in errors.CATALOGUE


def test_every_s3_client_gets_the_factory_timeouts_and_retries() -> None:
    direct = s3.s3_client(endpoint_url="http://127.0.0.1:9", region="us-east-1")
    pub = S3Publisher("bucket", endpoint_url="http://127.0.0.1:9", region="us-east-1").client
    for client in (direct, pub):
        cfg = client.meta.config
        assert cfg.connect_timeout == s3.CONNECT_TIMEOUT and cfg.read_timeout == s3.READ_TIMEOUT
        assert cfg.retries == {"total_max_attempts": s3.MAX_ATTEMPTS + 1, "mode": "standard"}  # botocore counts the first
        assert cfg.s3 == {"addressing_style": "path"}
