"""Shared test configuration.

With `CI=true`, a test that skips because a real component is missing (S3 on SeaweedFS, PostgreSQL, the Dagster
webserver or daemon, Chromium, a broker) fails instead: CI installs them (`scripts/test-prereqs.sh`), so such a
skip means the run did not test what it claims to. Skips for other reasons (real agency samples absent) stay skips.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest

# words in a skip reason that name a real component the suite must exercise in CI
COMPONENT_SKIP = re.compile(r"seaweed|weed binary|\bS3\b|postgres|chromium|browser|playwright|webserver|"
                            r"dagster-daemon|broker", re.IGNORECASE)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def skip_reason(report: pytest.TestReport) -> str:
    longrepr: Any = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr or "")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        reason = skip_reason(report)
        if COMPONENT_SKIP.search(reason):
            report.outcome = "failed"
            report.longrepr = f"CI=true and a real-component test skipped: {reason}"


@pytest.fixture(scope="module")
def redactor() -> Any:
    """A loaded free-text redactor (redaction.text.TextRedactor), one per test module (the spaCy model loads once)."""
    from redaction.text import TextRedactor

    red = TextRedactor()
    red.load()
    return red
