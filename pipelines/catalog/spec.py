"""The loaded specs the pipeline runs on: a dataset (shape, public schema, policy) and its sources."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from pipelines.catalog.shards import Shard
from pipelines.catalog.yamlfile import SpecError, load
from pipelines.config import REPO_ROOT
from pipelines.publishing.hashing import file_sha256


def difference_note(missing: Sequence[str], extra: Sequence[str], duplicated: Sequence[str] = (), n: int = 12,
                    ) -> str:
    """How a file's headers differ from a contract, naming only what differs: `missing ['CASE']; extra ['NOTES']`,
    `duplicated ['RACE']` (a note saying `missing []` sent officers looking for a column that was not missing)."""
    def few(names: Sequence[str]) -> str:
        shown = ", ".join(repr(x) for x in list(names)[:n])
        return f"[{shown}" + (f", ... +{len(names) - n} more]" if len(names) > n else "]")

    parts = [f"{what} {few(names)}" for what, names in (("missing", missing), ("extra", extra),
                                                        ("duplicated", duplicated)) if names]
    return "; ".join(parts) or "no column differs"


@dataclass
class SourceSpec:
    """One agency export shape: how to read it, its raw contract and the mapping to the standardized columns."""

    name: str
    agency: str
    dataset: str
    contract_path: Path
    format: str | None
    sheet: str | None
    fields: dict[str, dict[str, Any]]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)
    mapping_path: Path | None = None  # the file that defines this source (a dataset file for inline sources)
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = None
    footer_rows: int = 0
    record_path: str | None = None
    filters: list[dict[str, Any]] = field(default_factory=list)
    explode: dict[str, Any] | None = None  # {columns: [contract field names], separator, keep}
    precision: dict[str, str] = field(default_factory=dict)  # standardized column -> the finest level the source has (day: no time of day; month: month-only dates)
    match: str | None = None  # file-name glob that settles routing between look-alike contracts
    code_tables: list[Path] = field(default_factory=list)

    @cached_property
    def contract(self) -> dict[str, Any]:
        data = load(self.contract_path).data
        if not isinstance(data, dict) or not isinstance(data.get("fields"), list):
            raise SpecError(f"{self.contract_path}: a Table Schema with a 'fields' list is required")
        return data

    @property
    def unknown_columns(self) -> str:
        """`ignore` when the contract lets the agency add columns the mapping does not use."""
        return str(self.contract.get("unknown_columns", "error"))

    @property
    def keys_span_export(self) -> bool:
        """True when a mapped key is a content hash plus its occurrence: the n-th copy of a row is counted over the
        whole export, so such an export is standardized in one batch (its keys do not depend on the batch size)."""
        return any(f.get("surrogate") == "content_hash" for f in self.fields.values())

    def read_options(self) -> dict[str, Any]:
        """Keyword arguments of `readers.read_export` / `iter_export` for this source's layout."""
        return {
            "fmt": self.format,
            "sheet": self.sheet,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "unknown": self.unknown_columns,
            "header_row": self.header_row,
            "footer_rows": self.footer_rows,
            "record_path": self.record_path,
        }

    def files(self) -> list[Path]:
        return [p for p in (self.mapping_path, self.contract_path, *self.code_tables) if p is not None]

    def spec_sha256(self) -> str:
        """Hash of the files that decide how an export of this source is read and mapped (a changed contract,
        mapping or code table means the export is ingested again)."""
        h = hashlib.sha256()
        for p in sorted(set(self.files())):
            h.update(f"{p.name}:{file_sha256(p)}\n".encode())
        return h.hexdigest()


@dataclass
class DatasetSpec:
    """A dataset: metadata, public schema, sources and policy."""

    name: str
    path: Path
    raw: dict[str, Any] = field(repr=False)
    source_list: list[SourceSpec] = field(default_factory=list, repr=False)
    shard: Shard | None = None  # set on the view of one shard (`for_shard`): the stages then read its rows only

    def for_shard(self, value: str | None) -> DatasetSpec:
        """This dataset restricted to the rows whose shard key is ``value``: the stages after ingest run on it."""
        if self.shard_key is None:
            raise SpecError(f"{self.path}: dataset {self.name!r} declares no shard_key")
        return replace(self, shard=Shard(self.shard_key, value))

    @property
    def unit(self) -> str:
        """The private-store name of what one candidate covers: the dataset, or ``<dataset>/<shard slug>``."""
        return self.name if self.shard is None else f"{self.name}/{self.shard.slug}"

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
    def shard_key(self) -> str | None:
        """The published quasi-identifier whose value names a row's shard (None: the dataset is one unit)."""
        return self.raw.get("shard_key")

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
        data = load(self.schema_path).data
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

    @property
    def sources(self) -> list[SourceSpec]:
        return self.source_list

    def source(self, name: str) -> SourceSpec:
        for s in self.sources:
            if s.name == name:
                return s
        raise SpecError(f"{self.path}: no source named {name!r}")

    def declared_values(self) -> set[str]:
        """Values the specs declare, not read from records: every source's code labels (`map`, code tables),
        constants and defaults, and the public schema's allowed values. The leak verifier does not scan a cell
        holding exactly one of them (race labels, an agency's name are no one's personal data)."""
        out: set[str] = set()
        for s in self.sources:
            for f in s.fields.values():
                out.update(str(v) for v in (f.get("map") or {}).values() if v is not None)
                out.update(str(f[k]) for k in ("const", "default") if f.get(k) is not None)
        for f in self.schema.get("fields", []):
            out.update(str(v) for v in (f.get("constraints") or {}).get("enum") or [] if v is not None)
        return out

    def files(self) -> list[Path]:
        """Every file that defines this dataset's behaviour (spec, public schema, source mappings, contracts)."""
        extra = sorted({p for s in self.sources for p in s.files()} - {self.path})
        return [self.path, self.schema_path, *extra]

    def file_hashes(self) -> dict[str, str]:
        out = {}
        for p in self.files():
            try:
                key = str(p.relative_to(REPO_ROOT))
            except ValueError:
                key = p.name
            out[key] = "sha256:" + file_sha256(p)
        return out
