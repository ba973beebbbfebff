"""Which format an export is: by extension, then by its first bytes."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from pipelines.ingest.errors import ReadError

FORMATS = ("csv", "json", "jsonl", "xlsx", "parquet")


def detect_format(path: str | os.PathLike[str]) -> str:
    """Return ``csv``, ``json``, ``jsonl``, ``xlsx`` or ``parquet``: by extension, then by sniffing bytes."""
    p = Path(path)
    name = p.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    ext = name.rsplit(".", 1)[-1] if "." in name else ""
    by_ext = {
        "csv": "csv",
        "tsv": "csv",
        "txt": "csv",
        "json": "json",
        "geojson": "json",
        "jsonl": "jsonl",
        "ndjson": "jsonl",
        "xlsx": "xlsx",
        "xlsm": "xlsx",
        "parquet": "parquet",
        "pq": "parquet",
    }
    if ext in by_ext:
        return by_ext[ext]
    try:
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise ReadError(p.name, "scheme-error", f"cannot open file ({type(exc).__name__})") from None
    if head[:2] == b"\x1f\x8b":
        try:
            with gzip.open(p, "rb") as gz:
                head = gz.read(4096)
        except (OSError, EOFError):
            raise ReadError(p.name, "compression-error", "corrupt or truncated gzip") from None
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"PAR1"):
        return "parquet"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        lines = [ln.strip() for ln in stripped.split(b"\n") if ln.strip()]
        try:
            first = json.loads(lines[0])
        except ValueError:
            return "json"  # one object over several lines (records under a key, Esri JSON)
        holds_records = isinstance(first, dict) and any(isinstance(v, list) and v for v in first.values())
        return "json" if holds_records and len(lines) == 1 else "jsonl"
    return "csv"

