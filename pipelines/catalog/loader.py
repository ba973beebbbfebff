"""Find, validate and cross-check every spec file: datasets, agency folders, mappings and their contracts.

Where specs live:
  pipelines/datasets/<name>.yaml         built-in datasets (standardized shape, public schema, policy)
  sources/<agency>/agency.yaml           one folder per agency, plus per export shape
  sources/<agency>/<shape>.mapping.yaml    the mapping (names its dataset and its contract) and
  sources/<agency>/<shape>.contract.yaml   the raw export's contract, side by side (code tables as CSV beside)
  OSD_DATASETS                           extra folders of dataset files, sources-only files or agency folders
  OSD_SOURCES                            extra agency folders (or folders of them), added to any dataset

Everything is validated before any data is read, and every problem is reported at once with its file and line
(:class:`SpecError`). A source only says how to read and map an export: the privacy treatment is the dataset's.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from pipelines import settings
from pipelines.catalog import crosscheck, models
from pipelines.catalog.spec import DatasetSpec, SourceSpec
from pipelines.catalog.yamlfile import SpecError, YamlDoc, load
from pipelines.config import REPO_ROOT

BUILTIN_DIR = REPO_ROOT / "pipelines" / "datasets"
SOURCES_DIR = REPO_ROOT / "sources"
DATE_WORDS = ("ISO8601", "iso", "any", "default", "epoch_ms", "epoch_s")
_TYPE_TAG = re.compile(r"[\[\]]|^(str|int|float|bool|list|dict|tuple|none|literal)$", re.I)


def spec_dirs() -> list[Path]:
    """Dataset folders: the built-in one, then each folder in `OSD_DATASETS` (path-separated)."""
    dirs = [BUILTIN_DIR]
    extra = settings.get("OSD_DATASETS")
    return dirs + [Path(d) for d in extra.split(os.pathsep) if d.strip()]


def source_dirs() -> list[Path]:
    """Agency roots: the shipped `sources/`, then each folder in `OSD_SOURCES`."""
    roots = [SOURCES_DIR] if SOURCES_DIR.is_dir() else []
    extra = settings.get("OSD_SOURCES")
    return roots + [Path(d) for d in extra.split(os.pathsep) if d.strip()]


def _loc_text(loc: tuple[Any, ...]) -> str:
    return ".".join(str(x) for x in loc if not (isinstance(x, str) and _TYPE_TAG.search(x)))


def validate(doc: YamlDoc, model: type[BaseModel], base: tuple[Any, ...] = (), data: Any = None) -> Any:
    """Validate `data` (default: the whole document) with `model`; SpecError lists every error with its line."""
    try:
        return model.model_validate(doc.data if data is None else data)
    except ValidationError as exc:
        seen: set[str] = set()
        problems = []
        for e in exc.errors():
            loc = (*base, *e["loc"])
            text = _loc_text(loc)
            if e["type"] == "extra_forbidden":
                msg = f"unknown key {str(loc[-1])!r}"
                text = _loc_text(loc[:-1])
            else:
                msg = e["msg"]
            line = f"{doc.where(loc)}: {text + ': ' if text else ''}{msg}"
            if text in seen and e["type"] != "extra_forbidden":
                continue  # one line per place (a union type reports each alternative)
            seen.add(text)
            problems.append(line)
        raise SpecError(problems) from None


class _Collector:
    """Accumulates problems across files so that `check` reports them all at once."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def attempt(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SpecError as exc:
            self.problems += exc.problems
            return None


def _is_table_schema(data: Any) -> bool:
    return isinstance(data, dict) and "fields" in data and "policy" not in data and "sources" not in data


def _resolve(rel: str, *bases: Path) -> Path:
    p = Path(rel)
    if p.is_absolute():
        return p
    for base in (*bases, REPO_ROOT):
        if (base / p).exists():
            return base / p
    return bases[0] / p if bases else REPO_ROOT / p


def _load_contract(path: Path) -> tuple[dict[str, Any], YamlDoc]:
    doc = load(path)
    validate(doc, models.ContractModel)
    return doc.data, doc


def _re2_problem(pattern: str) -> str | None:
    """Compile with the engine the pipeline runs (Arrow's RE2: no look-ahead, look-behind or back-references)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        pc.match_substring_regex(pa.array([""], pa.string()), pattern=pattern)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        detail = str(exc).split(":")[-1].strip()
        return f"regular expression {pattern!r} is not valid RE2 ({detail}); RE2 has no look-ahead/behind"
    return None


def _code_table(path: Path) -> dict[str, str | None]:
    """A code table: a CSV with a `code,value` header (an empty value means no value)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except OSError:
        raise SpecError(f"{path}: code table not found") from None
    if not rows or [c.strip().casefold() for c in rows[0][:2]] != ["code", "value"]:
        raise SpecError(f"{path}:1: a code table's header is `code,value`")
    out: dict[str, str | None] = {}
    for i, r in enumerate(rows[1:], start=2):
        if not r or not any(c.strip() for c in r):
            continue
        if len(r) != 2:
            raise SpecError(f"{path}:{i}: a code table row has two cells (code, value)")
        if r[0] in out:
            raise SpecError(f"{path}:{i}: code {r[0]!r} listed twice")
        out[r[0]] = r[1] if r[1] != "" else None
    return out


def _field(fm: models.FieldMap, doc: YamlDoc, floc: tuple[Any, ...], dataset: DatasetSpec, labels: dict[str, str],
           contract_path: Path, problems: list[str]) -> dict[str, Any]:
    """One field's mapping, checked (target, columns, RE2 patterns, formats, code table) and resolved (contract
    field names for aliases, the code table read into `map`); problems are appended to `problems`."""
    from pipelines.readers import normalize_label

    target = str(floc[-1])
    std = dataset.standardized_types
    if target not in std:
        problems.append(f"{doc.where(floc)}: {target!r} is not a standardized column of dataset "
                        f"{dataset.name!r} ({', '.join(sorted(std))})")
    for col in fm.columns():
        if normalize_label(col) not in labels:
            problems.append(f"{doc.where((*floc, 'from' if fm.from_ is not None else 'coalesce'))}: "
                            f"column {col!r} is not in the contract {contract_path.name}")
    pats = [p for p, _ in fm.replace]
    if fm.extract is not None:
        pats.append(fm.extract if isinstance(fm.extract, str) else fm.extract.pattern)
    problems += [f"{doc.where(floc)}: {bad}" for p in pats if (bad := _re2_problem(p))]
    for f in [fm.format] if isinstance(fm.format, str) else list(fm.format or []):
        if "%" not in f and f not in DATE_WORDS:
            problems.append(f"{doc.where((*floc, 'format'))}: format {f!r} is neither strftime (%Y-%m-%d) "
                            f"nor one of {', '.join(DATE_WORDS)}")
    spec = fm.model_dump(by_alias=True, exclude_unset=True)
    named = [labels.get(normalize_label(c), c) for c in fm.columns()]  # aliases -> contract field names
    if fm.from_ is not None:
        spec["from"] = named[0] if isinstance(fm.from_, str) else named
    elif fm.coalesce is not None:
        spec["coalesce"] = named
    if fm.map_file:
        try:
            spec["map"] = _code_table(_resolve(fm.map_file, doc.path.parent))
        except SpecError as exc:
            problems += [f"{doc.where((*floc, 'map_file'))}: {p}" for p in exc.problems]
        spec.pop("map_file", None)
    if isinstance(fm.extract, models.Extract):
        spec["extract"] = fm.extract.model_dump()
    return spec


def build_source(
    m: models.SourceModel,
    doc: YamlDoc,
    loc: tuple[Any, ...],
    dataset: DatasetSpec,
    *,
    agency: str | None,
    contract_bases: tuple[Path, ...],
) -> SourceSpec:
    """Cross-check one validated source against its dataset and contract; return the SourceSpec."""
    from pipelines.readers import normalize_label

    problems: list[str] = []
    rel = m.contract or m.schema_ or ""
    contract_path = _resolve(rel, *contract_bases)
    try:
        contract, _ = _load_contract(contract_path)
    except SpecError as exc:
        raise SpecError([f"{doc.where((*loc, 'contract'))}: source {m.name!r}: contract {rel!r} is not usable",
                         *exc.problems]) from None
    labels = {normalize_label(lbl): f["name"] for f in contract["fields"]
              for lbl in [f["name"], *(f.get("aliases") or [])]}
    std = dataset.standardized_types
    fields: dict[str, dict[str, Any]] = {}
    for target, fm in m.fields.items():
        fields[target] = _field(fm, doc, (*loc, "fields", target), dataset, labels, contract_path, problems)
    problems += crosscheck.unmapped_published(m, doc, loc, dataset)
    problems += crosscheck.values_outside_public_lists(fields, doc, loc, dataset)
    for i, flt in enumerate(m.filter):
        if normalize_label(flt.column) not in labels:
            problems.append(f"{doc.where((*loc, 'filter', i))}: column {flt.column!r} is not in the contract")
        if flt.matches is not None and (bad := _re2_problem(flt.matches)):
            problems.append(f"{doc.where((*loc, 'filter', i))}: {bad}")
    explode = None
    if m.explode is not None:
        for c in m.explode.columns():
            if normalize_label(c) not in labels:
                problems.append(f"{doc.where((*loc, 'explode'))}: column {c!r} is not in the contract")
        if m.explode.keep is not None and (bad := _re2_problem(m.explode.keep)):
            problems.append(f"{doc.where((*loc, 'explode', 'keep'))}: {bad}")
        group = [labels.get(normalize_label(c), c) for c in m.explode.columns()]
        explode = {"columns": group, "separator": m.explode.separator, "keep": m.explode.keep}
        crosscheck.read_group_through_coalesce(fields, group)
    for col in m.precision:
        if std.get(col) not in ("date", "datetime"):
            problems.append(f"{doc.where((*loc, 'precision', col))}: precision applies to a date or datetime "
                            f"standardized column; {col!r} is not one")
    if problems:
        raise SpecError(problems)
    src = SourceSpec(
        name=m.name,
        agency=m.agency or agency or m.name,
        dataset=dataset.name,
        contract_path=contract_path,
        format=m.format,
        sheet=m.sheet,
        fields=fields,
        raw=crosscheck.at(doc.data, loc),
        mapping_path=doc.path,
        encoding=m.encoding,
        delimiter=m.delimiter,
        header_row=m.header_row,
        footer_rows=m.footer_rows,
        record_path=m.record_path,
        filters=[{**f.model_dump(by_alias=True, exclude_none=True),
                  "column": labels.get(normalize_label(f.column), f.column)} for f in m.filter],
        precision=dict(m.precision),
        explode=explode,
        match=m.match,
        code_tables=sorted({_resolve(fm.map_file, doc.path.parent) for fm in m.fields.values() if fm.map_file}),
    )
    src.__dict__["contract"] = contract
    return src


def load_spec(path: Path) -> DatasetSpec:
    """One dataset file, validated, with its inline sources cross-checked."""
    doc = load(path)
    if not isinstance(doc.data, dict):
        raise SpecError(f"{path}:1: a mapping is required")
    model = validate(doc, models.DatasetModel)
    spec = DatasetSpec(name=model.name, path=path, raw=doc.data)
    if model.shard_key is not None:
        _check_shard_key(spec, doc, model.shard_key)
    spec.source_list = _inline_sources(spec, doc, model.sources, agency=None)
    return spec


def _check_shard_key(spec: DatasetSpec, doc: YamlDoc, key: str) -> None:
    """A shard key must be a published column and a quasi-identifier of the k-anonymity policy: then every
    equivalence class lies inside one shard, so k within each shard is k in the union of the shards."""
    where = doc.where(("shard_key",))
    problems = []
    if key not in spec.public_fields:
        problems.append(f"{where}: shard_key {key!r} is not a published column of dataset {spec.name!r} "
                        f"(columns of {spec.schema_path.name}: {', '.join(spec.public_fields)})")
    qis = ((spec.policy.get("k_anonymity") or {}).get("quasi_identifiers") or {})
    if key not in qis:
        problems.append(f"{where}: shard_key {key!r} is not a quasi-identifier of the k-anonymity policy "
                        f"(policy.k_anonymity.quasi_identifiers: {', '.join(qis) or 'none'}); a shard key must "
                        "be one, so that k within each shard is k in the union of the shards")
    got = qis.get(key)
    q: dict[str, Any] = got if isinstance(got, dict) else {}
    sacrifice = ((spec.policy.get("utility") or {}).get("sacrifice") or [])
    if key in qis and (str(q.get("ladder", "none")) != "none" or [str(x) for x in q.get("levels") or ["value"]]
                       != ["value"] or key in sacrifice):
        problems.append(f"{where}: shard_key {key!r} must be published as it is: its k-anonymity ladder is `none` "
                        "with the single level `value`, and it is not in utility.sacrifice (the shard's value names "
                        "the shard in public files: were disclosure control to coarsen or blank it, the shard index "
                        "would show what the release hides)")
    if problems:
        raise SpecError(problems)


def _inline_sources(spec: DatasetSpec, doc: YamlDoc, sources: list[models.SourceModel], agency: str | None,
                    ) -> list[SourceSpec]:
    col = _Collector()
    out = []
    for i, m in enumerate(sources):
        if m.dataset not in (None, spec.name):
            col.problems.append(f"{doc.where(('sources', i, 'dataset'))}: source {m.name!r} names dataset "
                                f"{m.dataset!r} inside dataset {spec.name!r}")
            continue
        s = col.attempt(build_source, m, doc, ("sources", i), spec, agency=agency,
                        contract_bases=(doc.path.parent,))
        if s is not None:
            out.append(s)
    if col.problems:
        raise SpecError(col.problems)
    return out


def _agency_folders(root: Path) -> list[Path]:
    if (root / "agency.yaml").is_file():
        return [root]
    return [p for p in sorted(root.iterdir()) if p.is_dir() and (p / "agency.yaml").is_file()]


#: A source found outside its dataset's file (a sources-only file or an agency folder's mapping), attached after
#: every dataset is read: (its document, where in it, the model, its agency's name, folders its contract may be in).
_Addition = tuple[YamlDoc, tuple[Any, ...], models.SourceModel, str | None, tuple[Path, ...]]


def load_specs(dirs: Iterable[Path] | None = None, sources: Iterable[Path] | None = None) -> list[DatasetSpec]:
    """All dataset specs with their sources, sorted by name. Raises SpecError listing every problem found.

    `dirs` defaults to :func:`spec_dirs`; `sources` (agency roots) to :func:`source_dirs` when `dirs` is not given,
    else to none.
    """
    explicit = dirs is not None
    dataset_dirs = list(dirs) if dirs is not None else spec_dirs()
    roots = list(sources) if sources is not None else ([] if explicit else source_dirs())
    col = _Collector()
    specs: dict[str, DatasetSpec] = {}
    additions: list[_Addition] = []
    for d in dataset_dirs:
        if not d.is_dir():
            col.problems.append(f"{d}: dataset folder not found")
            continue
        _read_dataset_dir(d, col, specs, additions)
        roots += [] if d == BUILTIN_DIR else [d]
    for root in roots:
        if not root.is_dir():
            col.problems.append(f"{root}: sources folder not found")
            continue
        _read_agency_root(root, col, additions)
    _attach_sources(specs, additions, col)
    if col.problems:
        raise SpecError(col.problems)
    return [specs[k] for k in sorted(specs)]


def _read_dataset_dir(d: Path, col: _Collector, specs: dict[str, DatasetSpec], additions: list[_Addition]) -> None:
    """The dataset files of one folder into `specs`; its sources-only files into `additions` (agency folders' files
    are read with their agency)."""
    for path in sorted(d.glob("*.yaml")):
        if path.name == "agency.yaml" or path.name.endswith((".mapping.yaml", ".contract.yaml")):
            continue  # an agency folder's files: read below, with the agency
        doc = col.attempt(load, path)
        if doc is None or _is_table_schema(doc.data):
            continue
        if not isinstance(doc.data, dict):
            col.problems.append(f"{path}:1: a mapping is required")
            continue
        if "policy" not in doc.data and "schema" not in doc.data and "sources" in doc.data:
            only = col.attempt(validate, doc, models.SourcesOnly)
            if only is not None:
                for i, m in enumerate(only.sources):
                    if m.dataset is None:
                        m.dataset = only.name
                    additions.append((doc, ("sources", i), m, None, (path.parent,)))
            continue
        spec = col.attempt(load_spec, path)
        if spec is None:
            continue
        if spec.name in specs:
            col.problems.append(
                f"{path}:{doc.line(('name',))}: dataset {spec.name!r} already defined in {specs[spec.name].path}; "
                "to add a source to it, put an agency folder in OSD_SOURCES (or a file with only `name:` and "
                "`sources:`): a source never redefines a dataset or its policy"
            )
            continue
        specs[spec.name] = spec


def _read_agency_root(root: Path, col: _Collector, additions: list[_Addition]) -> None:
    """Every agency folder under `root`: its agency.yaml and each export shape's mapping, into `additions`."""
    for folder in _agency_folders(root):
        adoc = col.attempt(load, folder / "agency.yaml")
        agency = col.attempt(validate, adoc, models.AgencyModel) if adoc is not None else None
        for path in sorted(folder.glob("*.mapping.yaml")):
            mdoc = col.attempt(load, path)
            if mdoc is None:
                continue
            m = col.attempt(validate, mdoc, models.SourceModel)
            if m is None:
                continue
            if m.dataset is None:
                col.problems.append(f"{path}:1: a mapping names its dataset (`dataset:`)")
                continue
            additions.append((mdoc, (), m, agency.name if agency else None, (path.parent,)))


def _attach_sources(specs: dict[str, DatasetSpec], additions: list[_Addition], col: _Collector) -> None:
    """Build each added source against its dataset and append it; a source name is used by one dataset only."""
    owner: dict[str, str] = {}
    for spec in specs.values():
        for s in spec.sources:
            if s.name in owner:
                col.problems.append(f"{spec.path}: source {s.name!r} already used by dataset {owner[s.name]!r}")
            owner[s.name] = spec.name
    for doc, loc, m, agency_name, bases in additions:
        target = specs.get(m.dataset or "")
        if target is None:
            col.problems.append(f"{doc.where((*loc, 'dataset'))}: source {m.name!r}: no dataset {m.dataset!r} "
                                f"(datasets: {', '.join(sorted(specs)) or 'none'})")
            continue
        built = col.attempt(build_source, m, doc, loc, target, agency=agency_name, contract_bases=bases)
        if built is None:
            continue
        if built.name in owner:
            col.problems.append(f"{doc.where((*loc, 'name'))}: source {built.name!r} already used by dataset "
                                f"{owner[built.name]!r}")
            continue
        owner[built.name] = target.name
        target.source_list.append(built)

