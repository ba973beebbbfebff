"""What became of each export a dataset received: a release is whole or not at all.

Each per-export stage (raw, standardized, deidentified) marks its partition `running` before it starts, `failed`
(with a value-free reason) when it raises, and clears the mark when it succeeds; a process killed mid-stage leaves
`running` behind. A dataset's candidate is assembled only when every export it received went through every stage
for the same file content, or was withdrawn by the data officer (`python -m pipelines.cli withdraw`): an export
that failed is never silently left out of a release and its counts.

Private store keys: `status/<dataset>/<partition>.json` (the mark), `withdrawn/<dataset>/<partition>.json`.
"""

from __future__ import annotations

import datetime as _dt
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipelines.errors import OsdError
from pipelines.specs import DatasetSpec, file_sha256
from pipelines.store import PrivateStore

STAGES = ("raw", "standardized", "deidentified")


class IncompleteRelease(OsdError):
    """Some export of the dataset failed or is not processed yet, and was not withdrawn."""

    code = "incomplete-release"


class WithdrawError(OsdError):
    """The export to withdraw is unknown or ambiguous."""

    code = "withdraw-error"


def _status_key(dataset: str, partition: str) -> str:
    return f"status/{dataset}/{partition}.json"


def _withdrawn_key(dataset: str, partition: str) -> str:
    return f"withdrawn/{dataset}/{partition}.json"


def record_withdrawal(store: PrivateStore, dataset: str, partition: str, record: Mapping[str, Any]) -> None:
    """Mark an export withdrawn (file, sha256, reason; no record value): its dataset publishes without it."""
    store.write_json(_withdrawn_key(dataset, partition), dict(record))


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


# exceptions whose messages carry file, row, field and code only (never a value): kept as the failure reason
_VALUE_FREE = ("StageError", "UnknownExport", "ReadError", "MappingError", "SchemaError", "PolicyError",
               "SdcError", "LeakFound", "RedactionError")


def failure_reason(exc: BaseException) -> str:
    """A reason fit for logs and provenance: our errors' own messages, other exceptions by type only."""
    name = type(exc).__name__
    if name in _VALUE_FREE:
        text = " ".join(str(exc).split())
        return f"{name}: {text[:300]}"
    return name


@contextmanager
def stage_status(store: PrivateStore, dataset: str, partition: str, stage: str, sha256: str | None) -> Iterator[None]:
    """Mark `stage` of one export running, then failed (with the reason) or done (mark removed)."""
    key = _status_key(dataset, partition)
    store.write_json(key, {"stage": stage, "state": "running", "sha256": sha256, "at": _now()})
    try:
        yield
    except BaseException as exc:
        store.write_json(key, {"stage": stage, "state": "failed", "sha256": sha256, "at": _now(),
                               "reason": failure_reason(exc)})
        raise
    store.delete(key)


@dataclass
class ExportFate:
    """One export a dataset received: published (its rows are in the candidate), withdrawn, or failed."""

    partition: str
    fate: str  # "published" | "withdrawn" | "failed"
    file: str
    sha256: str | None = None
    reason: str | None = None  # failed or withdrawn: why (no value from a record)
    stage: str | None = None  # failed: the stage that did not complete


def _chain_gap(store: PrivateStore, ds: str, p: str, raw: Mapping[str, Any] | None) -> str | None:
    """Why the stages of one export do not form one chain for the same content, or None when they do."""
    if raw is None:
        return "raw"
    std = store.read_json(f"standardized/{ds}/{p}.json")
    if std is None or std.get("raw_sha256", raw["sha256"]) != raw["sha256"]:
        return "standardized"
    deid = store.read_json(f"deidentified/{ds}/{p}.json")
    if deid is None or not store.exists(f"deidentified/{ds}/{p}.parquet"):
        return "deidentified"
    if deid.get("standardized_id", std.get("standardized_id")) != std.get("standardized_id"):
        return "deidentified"
    return None


def fates(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> list[ExportFate]:
    """The fate of every export the dataset received (sorted by partition)."""
    ds = spec.name
    out: list[ExportFate] = []
    for p in sorted(set(partitions)):
        raw = store.read_json(f"raw/{ds}/{p}.json")
        status = store.read_json(_status_key(ds, p))
        sha = (status or {}).get("sha256") or (raw or {}).get("sha256")
        file = (raw or {}).get("file") or p
        wd = store.read_json(_withdrawn_key(ds, p))
        if wd is not None and (wd.get("sha256") == sha or sha is None):
            out.append(ExportFate(p, "withdrawn", file, wd.get("sha256"), wd.get("reason")))
            continue
        if status is not None:
            stage = status.get("stage")
            reason = status.get("reason") if status.get("state") == "failed" else "interrupted or still running"
            out.append(ExportFate(p, "failed", file, sha, f"{stage}: {reason}", stage))
            continue
        gap = _chain_gap(store, ds, p, raw)
        if gap is not None:
            why = "not processed yet" if raw is None else "not processed for the current content"
            out.append(ExportFate(p, "failed", file, sha, f"{gap}: {why}", gap))
            continue
        out.append(ExportFate(p, "published", file, sha))
    return out


def publishable_partitions(store: PrivateStore, spec: DatasetSpec, partitions: Iterable[str]) -> tuple[
        list[str], list[ExportFate]]:
    """The partitions to assemble and every fate; raises `IncompleteRelease` naming each failed export."""
    all_fates = fates(store, spec, partitions)
    failed = [f for f in all_fates if f.fate == "failed"]
    if failed:
        names = "; ".join(f"{f.file}: {f.reason}" for f in failed)
        raise IncompleteRelease(
            f"{spec.name}: {len(failed)} export(s) did not go through every stage, so no release is assembled "
            f"({names}). Drop a corrected file, or withdraw it: python -m pipelines.cli withdraw FILE --reason ...")
    return [f.partition for f in all_fates if f.fate == "published"], all_fates


def fates_metadata(all_fates: Sequence[ExportFate], per_file: Mapping[str, Mapping[str, int]]) -> list[dict[str, Any]]:
    """Provenance's `exports`: each export received with its fate and, when published, its row counts."""
    rows = []
    for f in all_fates:
        d = {k: v for k, v in asdict(f).items() if v is not None and k != "partition"}
        if f.fate == "published":
            d.update(per_file.get(f.file, {}))
        rows.append(d)
    return rows


def withdraw(store: PrivateStore, specs: Sequence[DatasetSpec], ident: str, reason: str,
             inbox: Path | None = None) -> list[tuple[str, str]]:
    """Withdraw the export named by a file name, a path or a sha256 (or a prefix of 12+ hex digits) from the
    next releases of its dataset; a file in the inbox with that content moves to `<inbox>/withdrawn/`. A name
    (or a path, by its name and content) picks that export only; a sha256 shared by several exports is refused.

    Returns the (dataset, partition) pairs withdrawn. The withdrawal holds for that content only: a corrected
    file dropped under the same name is ingested and published again.
    """
    if not reason.strip():
        raise WithdrawError("a reason is required")
    path = Path(ident)
    sha_of_path = file_sha256(path) if path.is_file() else None
    name = path.name
    found: list[tuple[str, str, str, str | None]] = []  # dataset, partition, file, sha: by content
    named: list[tuple[str, str, str, str | None]] = []  # by file name
    for spec in specs:
        ds = spec.name
        parts = {k.rsplit("/", 1)[-1][: -len(".json")] for pre in ("raw", "status")
                 for k in store.list(f"{pre}/{ds}/") if k.endswith(".json")}
        for p in sorted(parts):
            status = store.read_json(_status_key(ds, p)) or {}
            raw = store.read_json(f"raw/{ds}/{p}.json") or {}
            sha = status.get("sha256") or raw.get("sha256")
            file = raw.get("file") or p
            if name in (file, p) and (sha_of_path is None or sha_of_path == sha):
                named.append((ds, p, file, sha))
            elif sha and (ident == sha or sha_of_path == sha or (len(ident) >= 12 and sha.startswith(ident))):
                found.append((ds, p, file, sha))
    if named:  # the name decides: a copy of the same content under another name is another export
        found = named
    elif len(found) > 1:
        raise WithdrawError(f"{len(found)} exports have this content ({', '.join(f[1] for f in found)}): "
                            "name the file to withdraw")
    if not found:
        raise WithdrawError(f"no export named {name!r} is known to the private store")
    for ds, p, file, sha in found:
        record_withdrawal(store, ds, p, {"file": file, "sha256": sha, "reason": reason.strip(), "withdrawn_at": _now()})
        if inbox is not None and (inbox / p).is_file() and file_sha256(inbox / p) == sha:
            dest = inbox / "withdrawn"
            dest.mkdir(exist_ok=True)
            shutil.move(str(inbox / p), dest / p)
    return [(ds, p) for ds, p, _, _ in found]
