"""Header labels: normalizing, matching them to a contract (names and aliases), finding the header under a banner."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pipelines.ingest.errors import ReadError


@dataclass
class HeaderMatch:
    """Result of matching an export's header labels against a source contract."""

    headers: list[str]
    columns: list[str | None]  # per header position: contract field name, or None (unknown / blank)
    mapping: dict[str, str]  # raw label -> contract field name
    missing_required: list[str]
    missing_optional: list[str]
    unknown: list[str]
    duplicated: list[str]
    blank: list[int]  # 0-based positions of blank labels
    score: float

    @property
    def ok(self) -> bool:
        """True when every required field is present, no label is unknown and none is duplicated."""
        return not (self.missing_required or self.unknown or self.duplicated)


_ZW = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


def normalize_label(label: str) -> str:
    """Normalize a header label for matching: NFKC, no BOM / zero-width chars, casefold, single spaces."""
    s = unicodedata.normalize("NFKC", str(label)).translate(_ZW)
    return " ".join(s.casefold().split())


def _loose_label(label: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", normalize_label(label))


def _contract_fields(contract: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    fields = contract.get("fields")
    if not isinstance(fields, list) or not fields:
        raise ValueError("contract has no fields")
    return fields


def match_headers(headers: Sequence[str], contract: Mapping[str, Any]) -> HeaderMatch:
    """Match raw header labels to contract fields, tolerating case, spaces, BOM and declared aliases.

    A label matches a field when its normalized form equals the field's name or one of its ``aliases``;
    failing that, when its alphanumeric-only form matches exactly one field. Labels never carry personal
    data, so they may appear in errors.
    """
    fields = _contract_fields(contract)
    exact: dict[str, str] = {}
    loose: dict[str, set[str]] = {}
    for f in fields:
        name = f["name"]
        for label in [name, *(f.get("aliases") or [])]:
            exact.setdefault(normalize_label(label), name)
            loose.setdefault(_loose_label(label), set()).add(name)
    columns: list[str | None] = []
    unknown: list[str] = []
    blank: list[int] = []
    for i, raw in enumerate(headers):
        raw = "" if raw is None else str(raw)
        norm = normalize_label(raw)
        if not norm:
            columns.append(None)
            blank.append(i)
            continue
        target = exact.get(norm)
        if target is None:
            cands = loose.get(_loose_label(raw), set())
            target = next(iter(cands)) if len(cands) == 1 else None
        if target is None:
            unknown.append(raw)
        columns.append(target)
    seen: dict[str, int] = {}
    duplicated: list[str] = []
    for c in columns:
        if c is not None:
            seen[c] = seen.get(c, 0) + 1
    duplicated = [c for c, n in seen.items() if n > 1]
    present = set(seen)
    missing_required = [
        f["name"] for f in fields if f["name"] not in present and (f.get("constraints") or {}).get("required")
    ]
    missing_optional = [
        f["name"]
        for f in fields
        if f["name"] not in present and not (f.get("constraints") or {}).get("required")
    ]
    mapping = {str(h): c for h, c in zip(headers, columns, strict=True) if c is not None}
    denom = max(len(fields), len([h for h in headers if normalize_label(str(h or ""))]), 1)
    return HeaderMatch(
        headers=[str(h) if h is not None else "" for h in headers],
        columns=columns,
        mapping=mapping,
        missing_required=missing_required,
        missing_optional=missing_optional,
        unknown=unknown,
        duplicated=duplicated,
        blank=blank,
        score=len(present) / denom,
    )


def mismatch_note(match: HeaderMatch, missing: Sequence[str]) -> str:
    """Why a file's header does not fit a contract, naming the columns at fault: the missing ones, the extra
    ones and the headers that fall on the same field (never `missing []`: only what is wrong is said)."""
    if not any(match.columns):  # the row read as header matches nothing: it may be a record, its cells not shown
        return f"no column matches (the {len(match.headers)} cells read as its header are not shown)"
    parts = []
    if missing:
        parts.append(f"missing {_names(missing)}")
    if match.unknown:
        parts.append(f"extra column{'s' if len(match.unknown) > 1 else ''} {_names(match.unknown)}")
    for name in match.duplicated:
        labels = [h for h, c in zip(match.headers, match.columns, strict=True) if c == name]
        parts.append(f"duplicate header: {_names(labels)} all map to {name!r}")
    return "; ".join(parts) or "every column matches"


def headers_note(headers: Sequence[str], best_score: float) -> str:
    """The labels of a file no contract matches, for its rejection reason: shown when some contract knows one of
    them; when none does, the row read as header may be a record (an export without a header row), so only
    their number is said."""
    if best_score <= 0:
        return (f"its first row ({len(headers)} cells) matches no contract's column: not shown, it may be a record "
                "(is the header row missing?)")
    return f"its headers ({len(headers)}): {_names(headers, 40)}"


def _names(names: Sequence[str], n: int = 12) -> str:
    shown = ", ".join(repr(x) for x in list(names)[:n])
    return f"[{shown}" + (f", ... +{len(names) - n} more]" if len(names) > n else "]")


def _check_match(fname: str, match: HeaderMatch, unknown: str) -> None:
    if match.duplicated:
        raise ReadError(
            fname, "duplicate-label", "two columns match the same field", field=match.duplicated[0]
        )
    if match.missing_required:
        raise ReadError(fname, "missing-label", "required column not found", field=match.missing_required[0])
    if match.unknown and unknown == "error":
        raise ReadError(fname, "extra-label", "column not in the source contract", field=match.unknown[0])


def _filled(cells: Sequence[Any]) -> int:
    return sum(1 for c in cells if c is not None and str(c).strip() != "")


BANNER_ROWS_MAX = 30  # rows above the header that may be a title banner (one filled cell each)


def banner_rows(rows: Sequence[Sequence[Any]]) -> int:
    """How many leading rows are a banner above the header: rows with at most one filled cell (titles, merged
    cells, blank lines) followed by a row of at least three filled cells. 0 when the first row is the header."""
    for i, row in enumerate(rows[: BANNER_ROWS_MAX + 1]):
        n = _filled(row)
        if n >= 3:
            return i
        if n > 1:
            return 0
    return 0
