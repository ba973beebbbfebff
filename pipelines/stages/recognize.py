"""Recognizing an export: which dataset and source contract its headers match (the inbox sensor, the CLI and the raw stage ask)."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines import readers
from pipelines.specs import DatasetSpec, SourceSpec
from pipelines.stages.common import UnknownExport


@dataclass
class ExportMatch:
    """The dataset and source contract an export's headers match, and how well (share of columns)."""

    spec: DatasetSpec
    source: SourceSpec
    score: float


def _unknown_ok(src: SourceSpec) -> bool:
    return src.unknown_columns == "ignore"


def identify_export(path: Path, specs: Sequence[DatasetSpec]) -> ExportMatch:
    """The dataset and source whose contract matches this file's headers (all required columns present).

    A file matching two contracts equally well is refused (``ambiguous``) unless a source's ``match:`` file-name
    pattern settles it. A file matching none is refused with its own headers and the two closest contracts, with
    their missing and extra columns.
    """
    matches: list[tuple[ExportMatch, bool]] = []
    near: list[tuple[float, str]] = []
    errors: list[str] = []
    cache: dict[tuple[Any, ...], list[str]] = {}
    for spec in specs:
        for src in spec.sources:
            key = (src.format, src.sheet, src.header_row, src.record_path, src.encoding, src.delimiter)
            try:
                if key not in cache:
                    if src.format and readers.detect_format(path) != src.format:
                        continue
                    cache[key] = readers.read_headers(path, fmt=src.format, sheet=src.sheet,
                                                      header_row=src.header_row, record_path=src.record_path)
                headers = cache[key]
            except Exception as exc:  # unreadable for this source's layout: try the next
                errors.append(f"{src.name}: {exc}" if isinstance(exc, readers.ReadError)
                              else f"{src.name}: {exc.__class__.__name__}")
                continue
            m = readers.match_headers(headers, src.contract)
            ok = not (m.missing_required or m.duplicated or (m.unknown and not _unknown_ok(src)))
            named = src.match is not None and fnmatch.fnmatch(path.name.casefold(), src.match.casefold())
            if src.match and not named:
                ok = False
            if ok:
                matches.append((ExportMatch(spec, src, float(m.score)), named))
            present = {c for c in m.columns if c}
            missing = [f["name"] for f in src.contract["fields"] if f["name"] not in present]
            score = len(present) / max(len(present) + len(missing) + len(m.unknown), 1)
            near.append((score, f"{src.name} ({spec.name}): {round(score * 100)}% of columns match; "
                                f"{readers.mismatch_note(m, missing)}"))
    if any(named for _, named in matches):
        matches = [(m, named) for m, named in matches if named]
    if not matches:
        try:
            headers = readers.read_headers(path)
            seen = readers.headers_note(headers, max((s for s, _ in near), default=0.0))
        except Exception as exc:
            seen = f"its headers cannot be read ({getattr(exc, 'code', exc.__class__.__name__)}: " \
                   f"{getattr(exc, 'note', '')})"
        near.sort(key=lambda x: -x[0])
        closest = "; ".join(t for _, t in near[:2]) or "no source contract for this format"
        why = f" Read errors: {'; '.join(errors[:3])}." if errors and not any(s for s, _ in near) else ""
        raise UnknownExport(
            f"{path.name}: matches no source contract. {seen}. Closest: {closest}.{why} "
            "Run `python -m pipelines.cli describe` on the file to draft a contract and mapping."
        )
    best = max(m.score for m, _ in matches)
    top = [m for m, _ in matches if abs(m.score - best) < 1e-9]
    if len(top) > 1:
        names = ", ".join(f"{m.source.name} ({m.spec.name})" for m in top)
        raise UnknownExport(
            f"{path.name}: ambiguous, matches {len(top)} source contracts equally: {names}. Give one of them a "
            "`match:` file-name pattern (e.g. match: \"*terry*\") or make the contracts differ."
        )
    return top[0]


def _few(names: Sequence[str], n: int = 12) -> str:
    shown = ", ".join(repr(x) for x in list(names)[:n])
    return f"[{shown}" + (f", ... +{len(names) - n} more]" if len(names) > n else "]")


def partition_key_for(path: Path) -> str:
    """An export's partition key: its file name (a resent file with the same name replaces it)."""
    return path.name


