"""What needs the data officer's attention, in one list: exports waiting, ingests that failed, blocking checks that
failed (with what to do), previews ready to publish.

Read from the inbox folder, the shared ingest record, the candidates' recorded checks and the previews in the private
store; the attention sensor shows it as the `attention` asset and as a private page (`cockpit/attention.html`).
File names, dataset names, versions and counts only.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipelines import inbox
from pipelines.preview import CHECK_WORDS
from pipelines.specs import DatasetSpec, file_sha256
from pipelines.stages import CHECK_NAMES, layout
from pipelines.store import PrivateStore

PAGE_KEY = "cockpit/attention.html"
ORDER = ("check failed", "ingest failed", "export waiting", "ready to publish")


@dataclass(frozen=True)
class Item:
    kind: str  # one of ORDER
    dataset: str
    what: str
    action: str


def exports_waiting(store: PrivateStore, specs: Sequence[DatasetSpec], inbox_dir: Path,
                    hashes: dict[str, list[Any]]) -> list[Item]:
    """Files in the inbox that no dataset has ingested with their current content. ``hashes`` caches
    name -> [size, mtime_ns, sha256] between calls (the sensor's cursor), so big files are hashed once."""
    recorded = {(f, r.get("sha256")) for s in specs for f, r in inbox.ingested(store, s.name).items()}
    out = []
    for path in inbox.inbox_files(inbox_dir):
        st = path.stat()
        cached = hashes.get(path.name)
        if not cached or cached[:2] != [st.st_size, st.st_mtime_ns]:
            cached = hashes[path.name] = [st.st_size, st.st_mtime_ns, file_sha256(path)]
        if (path.name, cached[2]) not in recorded:
            out.append(Item("export waiting", "", f"{path.name} is in the inbox and not ingested yet.",
                            "Nothing to do if an ingest run for it is running (Runs); otherwise check the inbox "
                            "sensor's latest tick (Automation > inbox_sensor) for the reason."))
    return out


def ingests_failed(store: PrivateStore, failed: Mapping[str, Iterable[tuple[str, str]]]) -> list[Item]:
    """Failed ingest runs (dataset -> (export, run id)) whose export has not been ingested since."""
    out = []
    for ds, runs in sorted(failed.items()):
        done = inbox.ingested(store, ds)
        for export, run_id in runs:
            if export not in done:
                out.append(Item("ingest failed", ds, f"{export} could not be ingested (run {run_id[:8]}).",
                                "Open the run, read the error (file, row, field, code); ask the agency for a "
                                "corrected export, or re-execute the run once the cause is fixed."))
    return out


def dataset_items(store: PrivateStore, spec: DatasetSpec) -> list[Item]:
    """Failed blocking checks of the current candidate, or its preview ready to publish."""
    ds = spec.name
    cand = store.read_json(layout.candidate_meta(ds))
    if not cand:
        return []
    chash = cand.get("content_hash")
    out = []
    for name in CHECK_NAMES:
        rec = store.read_json(layout.check_result(ds, chash, name))
        if rec is not None and not rec.get("passed"):
            meaning, todo = CHECK_WORDS.get(name, (name, ""))
            out.append(Item("check failed", ds, f"{spec.title}: the check that {meaning} failed ({name}).", todo))
    pv = store.read_json(f"preview/{ds}.json") or {}
    if not out and pv.get("content_hash") == chash and pv.get("publishable"):
        n = len(pv.get("warnings") or [])
        out.append(Item("ready to publish", ds,
                        f"{spec.title}: version {pv.get('version')} is ready to publish"
                        + (f", with {n} warning(s) to read first." if n else "."),
                        f"Read the preview (Assets > {ds} > release_preview), then Jobs > {ds}_publish > Launchpad: "
                        "write the release note and launch."))
    return out


def collect(store: PrivateStore, specs: Sequence[DatasetSpec], inbox_dir: Path, hashes: dict[str, list[Any]],
            failed: Mapping[str, Iterable[tuple[str, str]]]) -> list[Item]:
    items = exports_waiting(store, specs, inbox_dir, hashes) + ingests_failed(store, failed)
    for spec in specs:
        items += dataset_items(store, spec)
    return sorted(items, key=lambda i: (ORDER.index(i.kind), i.dataset, i.what))


def digest(items: Sequence[Item]) -> str:
    return hashlib.sha256(json.dumps([asdict(i) for i in items]).encode()).hexdigest()


def summary(items: Sequence[Item]) -> str:
    if not items:
        return "Nothing needs your attention."
    counts = {k: sum(1 for i in items if i.kind == k) for k in ORDER}
    return "; ".join(f"{n} {k}" for k, n in counts.items() if n) + "."


def markdown(items: Sequence[Item]) -> str:
    if not items:
        return "Nothing needs your attention: no export waiting, no check failed, no release waiting to be published."
    lines = []
    for kind in ORDER:
        mine = [i for i in items if i.kind == kind]
        if mine:
            lines += [f"### {kind.capitalize()} ({len(mine)})", ""]
            lines += [f"- **{i.what}** {i.action}" for i in mine] + [""]
    return "\n".join(lines)


def page(items: Sequence[Item]) -> str:
    e = html.escape
    body = "".join(
        f"<h2>{e(kind.capitalize())}</h2><ul>"
        + "".join(f"<li><strong>{e(i.what)}</strong><br>{e(i.action)}</li>" for i in items if i.kind == kind)
        + "</ul>" for kind in ORDER if any(i.kind == kind for i in items)
    ) or "<p>Nothing needs your attention.</p>"
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>What needs attention</title>"
            "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}</style>"
            f"</head><body><p><em>Private: not published.</em></p><h1>What needs attention</h1>{body}</body></html>")
