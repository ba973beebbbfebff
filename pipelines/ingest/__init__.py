"""Reading agency exports: CSV (+.csv.gz), JSON, JSON Lines, XLSX and Parquet, one module per format.

Every reader returns an all-string Arrow table whose columns are named by the *source contract* (a
Frictionless Table Schema dict whose fields may carry ``aliases: [...]``), in contract order. Nothing is
typed here: types and missing values are applied later by :mod:`pipelines.tableschema`.

Row numbers follow the frictionless convention: the header is row 1 (or the physical row of a header under a
banner), the first record the next row, and every record counts (blank rows and ragged rows included), so a
number in a report points at the row an officer sees in a spreadsheet.

Nothing personal ever leaves this package: errors and issues carry the file name, row number, field name
and an error code. pyarrow's own error messages quote the offending row, so they are never re-raised.
"""

from pipelines.ingest.cells import _cell_to_str
from pipelines.ingest.csv import _csv_info, _detect_encoding, _read_csv_raw, _scrubbed, _sniff_delimiter
from pipelines.ingest.detect import FORMATS, detect_format
from pipelines.ingest.errors import ReadError, RowIssue
from pipelines.ingest.headers import (
    BANNER_ROWS_MAX,
    HeaderMatch,
    banner_rows,
    headers_note,
    match_headers,
    mismatch_note,
    normalize_label,
)
from pipelines.ingest.json import records_at
from pipelines.ingest.reader import ExportTable, iter_export, read_export, read_headers
from pipelines.ingest.xlsx import _XLSX_CACHE, _xlsx_grid, xlsx_max_bytes, xlsx_max_cells

__all__ = [
    "BANNER_ROWS_MAX",
    "FORMATS",
    "_XLSX_CACHE",
    "ExportTable",
    "HeaderMatch",
    "ReadError",
    "RowIssue",
    "_cell_to_str",
    "_csv_info",
    "_detect_encoding",
    "_read_csv_raw",
    "_scrubbed",
    "_sniff_delimiter",
    "_xlsx_grid",
    "banner_rows",
    "detect_format",
    "iter_export",
    "headers_note",
    "match_headers",
    "mismatch_note",
    "normalize_label",
    "read_export",
    "read_headers",
    "records_at",
    "xlsx_max_bytes",
    "xlsx_max_cells",
]
