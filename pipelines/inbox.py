"""The inbox: list the exports waiting in it, reject what matches no contract, and the one record of what was ingested.

The inbox sensor and the command line (`python -m pipelines.cli run`) both decide "is this export new?" here, from
the same record in the private store (`ingested/<dataset>/<file>.json`), so `make ui` after `make demo` does not
ingest the demo's exports a second time. An export counts as ingested for one file content (its sha256) read through
one source contract and mapping (the source's hash): a corrected contract or mapping ingests the file again.
The record is written by the last step of the ingest run, so a failed ingest is not recorded.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipelines.specs import DatasetSpec, SourceSpec, file_sha256
from pipelines.store import PrivateStore

RECORD_PREFIX = "ingested"
NAME_MAX = 255  # bytes in a file name (ext4, APFS, NTFS): a rejected file and its `.reason.txt` must both fit
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_HIDDEN_SEEN: set[tuple[str, int]] = set()  # hidden files already logged by this process (a sensor ticks often)
log = logging.getLogger(__name__)


def safe_text(text: str) -> str:
    """Text for one log line: control characters of a file name (a newline would split the line, a carriage
    return overwrite it) shown as escapes."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def inbox_files(inbox: Path) -> list[Path]:
    """Exports waiting in the inbox: visible regular files. A name starting with `.` is taken as a copy still
    under way (rsync, scp and most tools write one and rename it): it waits, logged once by `log_hidden`."""
    if not inbox.is_dir():
        return []
    log_hidden(inbox)
    return sorted(
        p for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".reason.txt")
    )


def hidden_files(inbox: Path) -> list[Path]:
    """Files in the inbox whose name starts with `.`: not read until renamed."""
    if not inbox.is_dir():
        return []
    return sorted(p for p in inbox.iterdir() if p.is_file() and p.name.startswith("."))


def log_hidden(inbox: Path) -> list[Path]:
    """Log each hidden file once (per name and size), so a file named `.export.csv` by mistake is not ignored
    silently; returns the ones logged now."""
    new = []
    for p in hidden_files(inbox):
        key = (p.name, p.stat().st_size)
        if key not in _HIDDEN_SEEN:
            _HIDDEN_SEEN.add(key)
            new.append(p)
            log.warning("%s: waiting in the inbox, not read: a name starting with '.' is taken as a copy still "
                        "under way; rename it without the '.' to ingest it", safe_text(p.name))
    return new


def _fs_name(name: str, reserve: int) -> str:
    """A file-system-safe name: control characters replaced, and cut (keeping a hash of the whole name and the
    extension) so that `reserve` more bytes still fit in NAME_MAX."""
    clean = _CONTROL.sub("_", name)
    limit = NAME_MAX - reserve
    if len(clean.encode()) <= limit:
        return clean
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    ext = Path(clean).suffix if len(Path(clean).suffix.encode()) <= 16 else ""
    keep = limit - len(digest) - len(ext.encode()) - 1
    head = clean.encode()[:keep].decode("utf-8", "ignore")
    return f"{head}~{digest}{ext}"


def _move_aside(path: Path, folder: str, reason: str) -> Path:
    """Move an inbox file to `<inbox>/<folder>/`, with `<name>.reason.txt` beside it (no record values). A name
    already there is kept: the new copy is `<stem> (2)<ext>`, and so on (every copy stays, each with its reason)."""
    dest_dir = path.parent / folder
    dest_dir.mkdir(exist_ok=True)
    base = _fs_name(path.name, len(".reason.txt") + len(" (999)"))
    stem, ext = (base[: -len(Path(base).suffix)], Path(base).suffix) if Path(base).suffix else (base, "")
    dest, n = dest_dir / base, 1
    while dest.exists() or (dest_dir / (dest.name + ".reason.txt")).exists():
        n += 1
        dest = dest_dir / f"{stem} ({n}){ext}"
    path.replace(dest)
    (dest_dir / (dest.name + ".reason.txt")).write_text(safe_text(reason) + "\n")
    return dest


def reject(path: Path, reason: str) -> Path:
    """Move an export that matches no contract to `<inbox>/rejected/`, with the reason beside it (no values)."""
    return _move_aside(path, "rejected", reason)


def withdraw(path: Path, reason: str) -> Path:
    """Move an export the officer withdrew (a resend supersedes it) to `<inbox>/withdrawn/`, the reason beside it."""
    return _move_aside(path, "withdrawn", reason)


def identify_or_reject(path: Path, specs: Sequence[DatasetSpec], say: Callable[[str], Any] | None = None) -> Any:
    """The export's match (`stages.ExportMatch`), or None once the file is moved to `rejected/` with its reason:
    a file no contract matches, or one that cannot be identified at all, never stops the rest of the inbox."""
    from pipelines import stages

    shown = safe_text(path.name)
    try:
        return stages.identify_export(path, specs)
    except stages.UnknownExport as exc:
        reason = str(exc)
    except Exception as exc:  # noqa: BLE001 - whatever a hostile file raises, the rest of the inbox goes on
        reason = f"{path.name}: cannot be identified ({getattr(exc, 'code', None) or type(exc).__name__})"
    dest = reject(path, reason)
    line = f"rejected {shown}: moved to {safe_text(dest.parent.name)}/ ({safe_text(reason)})"
    (say or log.warning)(line)  # the sensor's tick log, or this module's logger
    return None


def source_hash(source: SourceSpec) -> str:
    """What reading an export depends on besides its bytes: the source's contract and its mapping entry."""
    doc = {"name": source.name, "mapping": source.raw, "contract": source.contract}
    return hashlib.sha256(json.dumps(doc, sort_keys=True, default=str).encode()).hexdigest()


def catalog_hash(specs: Iterable[DatasetSpec]) -> str:
    """One hash over every source of every dataset: when it changes, every export is looked at again."""
    h = hashlib.sha256()
    for spec in sorted(specs, key=lambda s: s.name):
        for src in spec.sources:
            h.update(f"{spec.name}/{src.name}:{source_hash(src)}\n".encode())
    return h.hexdigest()


@dataclass(frozen=True)
class IngestKey:
    """One export content read through one source version: what the record and the run key are made of."""

    dataset: str
    partition: str
    source: str
    sha256: str
    source_hash: str

    @property
    def run_key(self) -> str:
        """The sensor's `run_key`: Dagster launches each key once."""
        return f"{self.partition}:{self.sha256}:{self.source_hash[:12]}"


def record_key(dataset: str, partition: str) -> str:
    return f"{RECORD_PREFIX}/{dataset}/{partition}.json"


def key_for(spec: DatasetSpec, source: SourceSpec, path: Path, partition: str, sha256: str | None = None) -> IngestKey:
    return IngestKey(spec.name, partition, source.name, sha256 or file_sha256(path), source_hash(source))


def is_ingested(store: PrivateStore, key: IngestKey) -> bool:
    """True when this exact file content was ingested through this exact source version."""
    rec = store.read_json(record_key(key.dataset, key.partition))
    return bool(rec) and rec.get("sha256") == key.sha256 and rec.get("source_hash") == key.source_hash


def record_ingested(store: PrivateStore, key: IngestKey, *, run_id: str = "", rows: int | None = None) -> None:
    """Written by the ingest run's last step, once the export is de-identified."""
    store.write_json(
        record_key(key.dataset, key.partition),
        {
            "dataset": key.dataset,
            "file": key.partition,
            "source": key.source,
            "sha256": key.sha256,
            "source_hash": key.source_hash,
            "run_id": run_id,
            "rows": rows,
            "ingested_at": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )


def forget(store: PrivateStore, dataset: str, partition: str) -> None:
    """Drop the record of one export (it was superseded or withdrawn)."""
    if store.exists(record_key(dataset, partition)):
        store.delete(record_key(dataset, partition))


def ingested(store: PrivateStore, dataset: str) -> dict[str, dict[str, Any]]:
    """Every recorded export of a dataset, by file name."""
    out: dict[str, dict[str, Any]] = {}
    for k in store.list(f"{RECORD_PREFIX}/{dataset}/"):
        rec = store.read_json(k)
        if rec:
            out[str(rec.get("file") or Path(k).stem)] = rec
    return out


@dataclass(frozen=True)
class IngestSet:
    """The exports of a dataset ingested so far, as (file, sha256, source hash), and one digest of them."""

    exports: tuple[tuple[str, str, str], ...]

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.exports).encode()).hexdigest()


def ingest_set(store: PrivateStore, dataset: str) -> IngestSet:
    recs = ingested(store, dataset)
    return IngestSet(tuple(sorted((f, str(r.get("sha256")), str(r.get("source_hash"))) for f, r in recs.items())))


def prepared_key(dataset: str) -> str:
    return f"prepared/{dataset}.json"


def mark_prepared(store: PrivateStore, dataset: str, ingest: IngestSet) -> None:
    """Written by the prepare run once the candidate is assembled from this set of exports."""
    store.write_json(prepared_key(dataset), {"dataset": dataset, "ingest_set": ingest.digest,
                                             "exports": [e[0] for e in ingest.exports]})


def prepared_set(store: PrivateStore, dataset: str) -> str | None:
    rec = store.read_json(prepared_key(dataset))
    return str(rec["ingest_set"]) if rec and rec.get("ingest_set") else None


def key_of_ingested_partition(store: PrivateStore, spec: DatasetSpec, partition: str) -> IngestKey | None:
    """The record key of a partition the ingest run just read, from what its raw step wrote (file sha256, source)."""
    meta = store.read_json(f"raw/{spec.name}/{partition}.json")
    if not meta:
        return None
    src = next((s for s in spec.sources if s.name == meta.get("source")), None)
    if src is None:
        return None
    return IngestKey(spec.name, partition, src.name, str(meta["sha256"]), source_hash(src))
