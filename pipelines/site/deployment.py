"""Who runs a deployment of the site: publisher, contact, corrections channel, update schedule, licence.

The demo defaults are ``site_templates/deployment.yaml``; a deployment sets ``OSD_SITE_CONFIG`` to its own
YAML file with the same keys (a key it leaves out keeps the default; an unknown key is an error, so a typo is
not silently ignored). Also the "How to cite" text of a release and the site's favicon.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from pipelines import settings
from pipelines.errors import OsdError

DEFAULTS_FILE = Path(__file__).resolve().parent.parent.parent / "site_templates" / "deployment.yaml"
KEYS = {"publisher", "site_title", "contact", "corrections", "update_schedule", "licence", "about"}


class DeploymentError(OsdError):
    """The deployment file is unreadable or has unknown keys (names the file and the key, never a value)."""

    code = "deployment-error"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DeploymentError(f"{path}: unreadable site configuration ({type(exc).__name__})") from exc
    if not isinstance(data, dict):
        raise DeploymentError(f"{path}: the site configuration must be a mapping")
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise DeploymentError(f"{path}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(KEYS))}")
    return data


def load_deployment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The demo defaults, overridden key by key (one level deep) by the file ``OSD_SITE_CONFIG`` names."""
    conf = _read(DEFAULTS_FILE)
    path = settings.get("OSD_SITE_CONFIG", environ).strip()
    if path:
        for k, v in _read(Path(path)).items():
            conf[k] = {**conf[k], **v} if isinstance(conf.get(k), dict) and isinstance(v, dict) else v
    return conf


def citation(publisher: str, title: str, version: str, url: str, sha256: str | None, published: str) -> str:
    """One plain-text citation of a release (APA-like: who, year, title, version, where, checksum, date)."""
    year = published[:4] if published else ""
    text = f"{publisher} ({year}). {title} (version {version}) [Data set]. {url}"
    if sha256:
        text += f" ({'datapackage.json' if url.endswith('datapackage.json') else 'CSV'} sha256 {sha256})"
    if published:
        text += f". Published {published[:10]}."
    return text


def favicon_ico() -> bytes:
    """A 32x32 ICO (one PNG inside): a dark blue square with a light bar chart, built without an image library."""
    size = 32
    dark, light = (0x12, 0x26, 0x3F, 255), (0xE8, 0xA1, 0x00, 255)
    bars = [(6, 18), (13, 10), (20, 14)]  # (x, top)
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            on = any(bx <= x < bx + 5 and top <= y < 26 for bx, top in bars)
            row += bytes(light if on else dark)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    header = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png
