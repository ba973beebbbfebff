"""The local Dagster instance `make demo` and `make ui` share, and the demo deployment's pseudonym key.

One `dagster.yaml` for both (written into `DAGSTER_HOME` when missing, or when it is an older one this module
wrote): runs wait in a queue, and at most one prepare run and one publish run per dataset are in flight at a time
(tag concurrency limits on the tags the jobs carry, `osd/prepare` and `osd/publish`). `deploy/dagster.yaml` carries
the same limits for production.

The demo key: `make demo` marks the deployment it creates as a demo (a file in `DAGSTER_HOME`), so `make ui` on the
same folders uses the same demo key instead of failing; on any other deployment the key must be set.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipelines import settings

MARK = "# written by pipelines/instance.py"
PREPARE_TAG = "osd/prepare"
PUBLISH_TAG = "osd/publish"
KEY_VAR = "OSD_PSEUDONYM_KEY"
DEMO_KEY = "demo-pseudonym-key-NOT-SECRET-set-OSD_PSEUDONYM_KEY"
DEMO_MARKER = "osd-demo-deployment"

DAGSTER_YAML = f"""\
{MARK}: the local instance of `make demo` and `make ui` (SQLite under this folder).
telemetry:
  enabled: false
run_queue:
  max_concurrent_runs: 4
  tag_concurrency_limits:
    # one prepare (assemble, checks, preview) per dataset at a time; different datasets run side by side
    - key: {PREPARE_TAG}
      value: {{applyLimitPerUniqueValue: true}}
      limit: 1
    # one publish per dataset at a time: versions are switched last, with compare-and-swap
    - key: {PUBLISH_TAG}
      value: {{applyLimitPerUniqueValue: true}}
      limit: 1
"""


def dagster_home() -> Path:
    return Path(os.environ.get("DAGSTER_HOME") or "var/dagster_home").resolve()


def ensure_dagster_home() -> Path:
    """Create `DAGSTER_HOME` with the local `dagster.yaml` (kept if someone else wrote it) and export it."""
    home = dagster_home()
    home.mkdir(parents=True, exist_ok=True)
    os.environ["DAGSTER_HOME"] = str(home)
    yaml_path = home / "dagster.yaml"
    if not yaml_path.exists() or _ours_or_old_default(yaml_path.read_text()):
        yaml_path.write_text(DAGSTER_YAML)
    nux = home / ".nux" / "nux.yaml"  # the UI's one-time "join the community" dialog: already seen
    if not nux.exists():
        nux.parent.mkdir(parents=True, exist_ok=True)
        nux.write_text("seen: 1\n")
    return home


def _ours_or_old_default(text: str) -> bool:
    stripped = "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#"))
    return text.startswith(MARK) or stripped == "telemetry:\n  enabled: false"


def mark_demo(home: Path) -> None:
    """Record that this deployment holds demo data under the demo key."""
    (home / DEMO_MARKER).write_text("This Dagster instance was created by `make demo`; it uses the demo key.\n")


def is_demo(home: Path) -> bool:
    return (home / DEMO_MARKER).is_file()


def use_demo_key_if_demo(home: Path) -> str:
    """Set the demo key when the key is unset and this is the demo deployment. Returns a message for the officer
    ("" when the key was already set)."""
    if settings.get(KEY_VAR):
        return ""
    if is_demo(home):
        os.environ[KEY_VAR] = DEMO_KEY
        return f"{KEY_VAR} is not set: using the demo key of this demo deployment (never for real data)"
    return (
        f"{KEY_VAR} is not set: new exports will wait in the inbox until it is. Set it to your deployment's secret "
        "key (or run `make demo` first for a demo deployment)."
    )


def key_missing_message() -> str | None:
    """The one message the inbox sensor shows while no pseudonym key is configured."""
    if settings.get(KEY_VAR):
        return None
    return (
        f"Exports are waiting: the pseudonym key ({KEY_VAR}) is not set for this deployment, so nothing can be "
        "de-identified. Restart the UI with the key set (`make ui` sets the demo key for a `make demo` deployment)."
    )
