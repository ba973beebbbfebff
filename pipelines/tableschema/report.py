"""Validation results: cell errors (code, row, field, rule; never a value) collected in a report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipelines.errors import OsdError


class SchemaError(OsdError, ValueError):
    """The schema descriptor itself is invalid or uses something this validator does not support."""


@dataclass(frozen=True)
class CellError:
    """One validation error. ``note`` names the rule (type/format or constraint), never a value."""

    code: str
    row: int
    field: str | None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready dict."""
        return {"code": self.code, "row": self.row, "field": self.field, "note": self.note}


@dataclass
class ValidationReport:
    """All errors found in a table, plus PII-safe views of them."""

    errors: list[CellError]
    rows_checked: int
    fields: list[str] = field(default_factory=list)

    def valid(self) -> bool:
        """True when no error was found."""
        return not self.errors

    def error_rows(self) -> set[int]:
        """Row numbers with at least one error."""
        return {e.row for e in self.errors}

    def row_reasons(self) -> dict[int, list[str]]:
        """Row number -> ``["type-error:field", ...]`` (for quarantine files)."""
        out: dict[int, list[str]] = {}
        for e in self.errors:
            out.setdefault(e.row, []).append(f"{e.code}:{e.field}" if e.field else e.code)
        return out

    def summary(self, max_rows: int = 20) -> dict[str, Any]:
        """Counts by code, by field and by code+field, and the first row numbers. PII-safe by construction."""
        by_code = Counter(e.code for e in self.errors)
        by_field = Counter(e.field for e in self.errors if e.field)
        by_pair = Counter(f"{e.code}:{e.field}" if e.field else e.code for e in self.errors)
        rows = sorted(self.error_rows())
        return {
            "valid": self.valid(),
            "rows_checked": self.rows_checked,
            "error_count": len(self.errors),
            "error_rows": len(rows),
            "by_code": dict(sorted(by_code.items())),
            "by_field": dict(sorted(by_field.items())),
            "by_code_field": dict(sorted(by_pair.items())),
            "first_rows": rows[:max_rows],
        }

    def to_dict(self, max_errors: int | None = None) -> dict[str, Any]:
        """Summary plus the (optionally capped) error list, JSON-ready."""
        errs = self.errors if max_errors is None else self.errors[:max_errors]
        return {"summary": self.summary(), "errors": [e.to_dict() for e in errs]}

    def __repr__(self) -> str:
        return f"ValidationReport(rows_checked={self.rows_checked}, errors={len(self.errors)})"


