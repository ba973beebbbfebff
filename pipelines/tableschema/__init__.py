"""Columnar Table Schema validator on Arrow tables, with PII-safe reports.

Implements the Frictionless Table Schema semantics that matter for agency exports, vectorized with
``pyarrow.compute`` and numpy (no per-row Python loop on the hot path):

- types ``string`` (formats default/email/uri/uuid), ``integer``, ``number``, ``boolean``, ``date``,
  ``datetime``, ``time``, ``year``, ``yearmonth``, ``any``; formats ``default`` / ``any`` / strftime
  patterns (parsed with the same grammar as Python's ``datetime.strptime``, which frictionless uses);
- ``missingValues`` (schema level, field level override; default ``[""]``);
- constraints ``required``, ``unique``, ``enum``, ``pattern``, ``minimum``, ``maximum``,
  ``exclusiveMinimum``, ``exclusiveMaximum``, ``minLength``, ``maxLength``;
- ``primaryKey`` and ``foreignKeys`` (to reference tables passed in, or to the table itself).

Error codes are frictionless': ``type-error``, ``constraint-error``, ``unique-error``, ``primary-key``,
``foreign-key``. A report never contains a cell value: only codes, row numbers, field names and notes that
name the violated rule.

Known differences from frictionless (documented, tested where they matter): digits and spaces are ASCII
only (Python's regexes also accept other Unicode digits); integers beyond int64 are type errors; numbers
are compared as float64 (frictionless uses Decimal); ``format: any`` for dates and the string formats
email/uri are checked per distinct value in Python rather than vectorized.

Modules: `report` (errors and the report), `temporal` (date and time parsing), `fields` (one field's cells),
`keys` (rows compared with each other), `stream` (keys across batches), `validator` (`validate`, `cast`).
"""

from __future__ import annotations

from pipelines.tableschema.fields import DEFAULT_FALSE, DEFAULT_TRUE, TYPES
from pipelines.tableschema.report import CellError, SchemaError, ValidationReport
from pipelines.tableschema.stream import KeyHashes
from pipelines.tableschema.validator import cast, validate

__all__ = ["DEFAULT_FALSE", "DEFAULT_TRUE", "TYPES", "CellError", "KeyHashes", "SchemaError", "ValidationReport",
           "cast", "validate"]
