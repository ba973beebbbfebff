"""Reading errors and row issues: they carry a file name, a code, a row number and a field name, never a value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipelines.errors import OsdError


class ReadError(OsdError):
    """An export cannot be read. ``str()`` names the file, the code and, when relevant, row and field.

    Never carries a cell value: only the file name, a row number, a field (header) name, an error code and
    a fixed note written by this module.
    """

    def __init__(
        self,
        file: str,
        code: str,
        note: str = "",
        *,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        self.file = file
        self.code = code
        self.note = note
        self.row = row
        self.field = field
        super().__init__(self._message())

    def _message(self) -> str:
        where = [f"row {self.row}"] if self.row is not None else []
        if self.field is not None:
            where.append(f"field {self.field!r}")
        loc = f" ({', '.join(where)})" if where else ""
        note = f": {self.note}" if self.note else ""
        return f"{self.file}: {self.code}{loc}{note}"

    def to_dict(self) -> dict[str, Any]:
        """The error as a JSON-ready dict (no values)."""
        return {"file": self.file, "code": self.code, "row": self.row, "field": self.field, "note": self.note}


@dataclass
class RowIssue:
    """A row-level problem found while reading (row = physical row number, header = row 1)."""

    code: str
    row: int
    field: str | None = None
