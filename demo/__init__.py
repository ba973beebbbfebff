"""Deterministic synthetic agency exports for demos, tests and benchmarks.

Three fictional agencies export the three datasets in the shapes real agencies use:

| file | agency | format | timestamps | names |
|---|---|---|---|---|
| ``rivertown_stops.csv`` | Rivertown Police Department | CSV, cp1252, CRLF | ``MM/DD/YYYY`` + ``hh:mm AM`` | ALL CAPS, split last/first |
| ``lakeview_stops.jsonl`` | Lakeview County Sheriff's Office | JSON Lines | ISO 8601 | mixed case, split |
| ``rivertown_incidents.csv`` | Rivertown Police Department | CSV, UTF-8 with BOM | ``MM/DD/YYYY hh:mm AM`` | ``LAST, FIRST`` caps |
| ``harbor_city_incidents.xlsx`` | Harbor City Police Department | XLSX, sheet ``Incidents`` | Excel datetimes | ``Last, First`` |
| ``lakeview_complaints.jsonl`` | Lakeview County Sheriff's Office | JSON Lines | ISO 8601 | mixed case, split |
| ``harbor_city_complaints.csv`` | Harbor City Police Department | CSV, UTF-8 | ``M/D/YYYY h:mm:ss AM`` | ``LAST, First`` |

Every personal value is fictional but realistic: names of many origins, dates of birth, home addresses with
unit numbers, phones in several formats, e-mails on reserved ``example.*`` domains, structurally valid SSNs
(random), driver's licence numbers, plates, VINs with a valid check digit, officer names and badges. Incident
narratives and complaint summaries mention the record's own people, places and numbers the way officers
write them (a share of Rivertown narratives in ALL CAPS, as typed on old terminals; Rivertown incidents also
name a witness who has no standardized column, so only the text redactor can find them).
:func:`planted_values` returns every planted value as written, for no-leak tests.

``rows`` is per file; ~100k rows of one source take ~5-15 s (XLSX is streamed: ~370 MB peak at 100k rows).

Same ``rows``, ``seed`` and ``bad_rows`` -> byte-identical files. Run ``python -m demo --out DIR``.

Not part of the runtime packages (`pipelines`, `redaction`): the pipeline never imports it; the command line's
`generate` and `demo` commands, the tests and the benchmarks do. One module per fictional agency (`rivertown`,
`lakeview`, `harbor_city`), the shared fictional values (`values`, `people`, `texts`), the export specs
(`exports`), the file writers (`files`), the planted-value lists (`planted`) and the entry points (`generate`).
The labeled narratives for evaluating free-text redaction are in `evalset` (the redaction tests and benchmark
import `demo.evalset`; `import demo` does not load it).
"""

from __future__ import annotations

from demo.exports import EXPORTS, ExportSpec, SampleFile, SampleSet
from demo.files import write_file
from demo.generate import generate, generate_samples, main
from demo.planted import planted_values
from demo.values import address_forms, dob_forms, name_forms, phone_forms, vin_check_digit

__all__ = [
    "EXPORTS",
    "ExportSpec",
    "SampleFile",
    "SampleSet",
    "address_forms",
    "dob_forms",
    "generate",
    "generate_samples",
    "main",
    "name_forms",
    "phone_forms",
    "planted_values",
    "vin_check_digit",
    "write_file",
]
