"""What `describe` learns from the shipped sources: a draft reuses an existing source's mapping of a column whose
header it shares (its format, code map or code table, missing markers), so a look-alike export (the same portal's
schema in another city, a year with one column more) is drafted almost complete. Nothing here is agency knowledge
in code: it is read from the mapping files."""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


def norm(s: str) -> str:
    """A header compared without case, spaces or punctuation (` RIN` = `rin`)."""
    return re.sub(r"[^a-z0-9]+", "", s.casefold())


@dataclass
class Learned:
    """Standardized column -> the mapping reused from an existing source, and the code tables it names."""

    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # standardized column -> the source it came from
    code_tables: list[Path] = field(default_factory=list)
    precision: dict[str, str] = field(default_factory=dict)  # declared by the source reused (month-only dates)

    def line(self, target: str) -> str:
        """The field as one YAML flow line of the draft (with where it came from, to check)."""
        text = yaml.safe_dump(self.fields[target], default_flow_style=True, sort_keys=False, width=10**6,
                              allow_unicode=True).strip()
        return f"  {target}: {text}    # as in {self.origin[target]}: check"


def learn(spec: Any, headers: Sequence[str], closest_sources: Sequence[str]) -> Learned:
    """Reuse, for each standardized column, the first source's mapping (closest contracts first) whose columns
    are all among `headers`. Constants and surrogate keys are not reused: they belong to their agency."""
    by_norm = {norm(h): h.strip() for h in headers}
    rank = {name: i for i, name in enumerate(closest_sources)}
    out = Learned()
    if spec is None:
        return out
    for src in sorted(spec.sources, key=lambda s: rank.get(s.name, len(rank))):
        raw_fields: Mapping[str, Any] = (src.raw or {}).get("fields") or {}
        for target, f in raw_fields.items():
            if target in out.fields or not isinstance(f, dict):
                continue
            key = "from" if "from" in f else "coalesce" if "coalesce" in f else None
            if key is None:
                continue
            cols = [f[key]] if isinstance(f[key], str) else list(f[key])
            here = [by_norm.get(norm(str(c))) for c in cols]
            if any(h is None for h in here):
                continue
            reused = dict(f)
            reused[key] = here[0] if isinstance(f[key], str) else here
            if "map_file" in f and src.mapping_path is not None:
                out.code_tables.append(src.mapping_path.parent / str(f["map_file"]))
            out.fields[target] = reused
            out.origin[target] = src.name
            if target in (src.precision or {}):
                out.precision[target] = src.precision[target]
    return out


def copy_code_tables(learned: Learned, out_dir: Path) -> list[Path]:
    """The code tables the reused mappings name, copied beside the draft (never overwriting)."""
    written = []
    for p in learned.code_tables:
        dest = out_dir / p.name
        if p.is_file() and not dest.exists():
            shutil.copyfile(p, dest)
            written.append(dest)
    return written
