"""Dataset specs: everything the pipeline knows about a dataset, loaded from data files.

A spec is a YAML file (`pipelines/datasets/<name>.yaml`, plus any folder listed in `OSD_DATASETS`) naming its
public Table Schema, its sources (agency export contracts and mappings) and its redaction policy. Adding a
dataset means adding files, not code. See docs/architecture.md.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from pipelines.config import REPO_ROOT

BUILTIN_DIR = REPO_ROOT / "pipelines" / "datasets"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class SpecError(Exception):
    """A dataset spec, schema or source contract is missing or malformed (names the file and key)."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """Refuses duplicate keys: YAML would silently keep the last one, hiding a second treatment."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except FileNotFoundError as exc:
        raise SpecError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise SpecError(f"{path}: not valid YAML ({exc})") from exc


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class SourceSpec:
    """One agency export shape: its raw contract and the mapping to the standardized columns."""

    name: str
    agency: str
    dataset: str
    contract_path: Path
    format: str | None
    sheet: str | None
    fields: dict[str, dict[str, Any]]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    @cached_property
    def contract(self) -> dict[str, Any]:
        data = _load_yaml(self.contract_path)
        if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
            raise SpecError(f"{self.contract_path}: a Table Schema with a 'fields' list is required")
        return data


@dataclass
class DatasetSpec:
    """A dataset: metadata, public schema, sources and policy."""

    name: str
    path: Path
    raw: dict[str, Any] = field(repr=False)

    def _resolve(self, rel: str) -> Path:
        p = Path(rel)
        if p.is_absolute():
            return p
        for base in (self.path.parent, REPO_ROOT):
            if (base / p).exists():
                return base / p
        return REPO_ROOT / p

    @property
    def title(self) -> str:
        return str(self.raw.get("title") or self.name)

    @property
    def description(self) -> str:
        return str(self.raw.get("description") or "").strip()

    @property
    def keywords(self) -> list[str]:
        return [str(k) for k in self.raw.get("keywords") or [self.name]]

    @property
    def temporal_field(self) -> str | None:
        return self.raw.get("temporal_field")

    @property
    def license(self) -> dict[str, Any]:
        return dict(self.raw.get("license") or {"name": "ODC-PDDL-1.0"})

    @property
    def publisher(self) -> dict[str, Any]:
        return dict(self.raw.get("publisher") or {"name": "Open Safety Data"})

    @property
    def schema_path(self) -> Path:
        return self._resolve(self.raw["schema"])

    @cached_property
    def schema(self) -> dict[str, Any]:
        data = _load_yaml(self.schema_path)
        if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
            raise SpecError(f"{self.schema_path}: a Table Schema with a 'fields' list is required")
        return data

    @property
    def public_fields(self) -> list[str]:
        return [f["name"] for f in self.schema["fields"]]

    @property
    def primary_key(self) -> list[str]:
        pk = self.schema.get("primaryKey") or []
        return [pk] if isinstance(pk, str) else list(pk)

    @property
    def standardized(self) -> list[dict[str, Any]]:
        return list(self.raw.get("standardized") or [])

    @property
    def standardized_types(self) -> dict[str, str]:
        return {f["name"]: f.get("type", "string") for f in self.standardized}

    @property
    def policy(self) -> dict[str, Any]:
        return dict(self.raw.get("policy") or {})

    @cached_property
    def sources(self) -> list[SourceSpec]:
        out = []
        for i, src in enumerate(self.raw.get("sources") or []):
            try:
                out.append(
                    SourceSpec(
                        name=src["name"],
                        agency=src.get("agency", src["name"]),
                        dataset=self.name,
                        contract_path=self._resolve(src["schema"]),
                        format=src.get("format"),
                        sheet=src.get("sheet"),
                        fields=dict(src.get("fields") or {}),
                        raw=src,
                    )
                )
            except KeyError as exc:
                raise SpecError(f"{self.path}: sources[{i}] lacks {exc.args[0]!r}") from exc
        return out

    def source(self, name: str) -> SourceSpec:
        for s in self.sources:
            if s.name == name:
                return s
        raise SpecError(f"{self.path}: no source named {name!r}")

    def files(self) -> list[Path]:
        """Every file that defines this dataset's behaviour (spec, public schema, source contracts)."""
        return [self.path, self.schema_path, *sorted({s.contract_path for s in self.sources})]

    def file_hashes(self) -> dict[str, str]:
        out = {}
        for p in self.files():
            try:
                key = str(p.relative_to(REPO_ROOT))
            except ValueError:
                key = p.name
            out[key] = "sha256:" + file_sha256(p)
        return out


def spec_dirs() -> list[Path]:
    dirs = [BUILTIN_DIR]
    extra = os.environ.get("OSD_DATASETS", "")
    dirs += [Path(d) for d in extra.split(os.pathsep) if d.strip()]
    return dirs


def load_spec(path: Path) -> DatasetSpec:
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise SpecError(f"{path}: a mapping is required")
    for key in ("name", "schema", "policy"):
        if key not in data:
            raise SpecError(f"{path}: missing key {key!r}")
    name = str(data["name"])
    if not _NAME.match(name):
        raise SpecError(f"{path}: dataset name {name!r} must match {_NAME.pattern}")
    return DatasetSpec(name=name, path=path, raw=data)


def load_specs(dirs: Iterable[Path] | None = None) -> list[DatasetSpec]:
    """All dataset specs, sorted by name; duplicate names or source names are an error."""
    specs: dict[str, DatasetSpec] = {}
    sources: dict[str, str] = {}
    for d in dirs if dirs is not None else spec_dirs():
        if not d.is_dir():
            raise SpecError(f"{d}: dataset folder not found")
        for path in sorted(d.glob("*.yaml")):
            head = _load_yaml(path)
            if isinstance(head, dict) and "fields" in head and "policy" not in head:
                continue  # a Table Schema kept beside the spec, not a spec
            spec = load_spec(path)
            if spec.name in specs:
                raise SpecError(f"{path}: dataset {spec.name!r} already defined in {specs[spec.name].path}")
            for s in spec.sources:
                if s.name in sources:
                    raise SpecError(f"{path}: source {s.name!r} already used by dataset {sources[s.name]!r}")
                sources[s.name] = spec.name
            specs[spec.name] = spec
    return [specs[k] for k in sorted(specs)]


def spec_by_name(specs: Iterable[DatasetSpec]) -> Mapping[str, DatasetSpec]:
    return {s.name: s for s in specs}
