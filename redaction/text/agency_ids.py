"""Agency case-number formats, read from the agency's data file, as extra ID patterns for the text redactor.

An agency's own case, complaint or report numbers ("PIB 2016-0002-P", "CCN 19-123456", "DR1912345") may not
match the common formats that ``OsdCaseNumberRecognizer`` knows; another record's number in a narrative links
two records and can name a person through the other one. The formats are agency knowledge, so they live in
``sources/<agency>/agency.yaml``::

    case_number_patterns:            # Python regular expressions; each whole match is replaced by [ID n]
      - '(?<![\\w-])(?:19|20)\\d{2}-\\d{4}-[PRN](?![\\w-])'

The redactor applies the formats of every agency in the catalog to every narrative: another agency's number
in a text is an identifier too, and a format that never occurs costs one regex scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from redaction.errors import RedactionError

KEY = "case_number_patterns"


def read_case_number_patterns(roots: Iterable[Path]) -> tuple[str, ...]:
    """The ``case_number_patterns`` of every ``agency.yaml`` under ``roots`` (an agency folder, or a folder of
    them), in folder order, without repeats. A pattern that does not compile is an error naming its file."""
    out: list[str] = []
    for root in roots:
        root = Path(root)
        files = [root / "agency.yaml"] if (root / "agency.yaml").is_file() else sorted(root.glob("*/agency.yaml"))
        for path in files:
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for i, pattern in enumerate(doc.get(KEY) or []):
                compile_pattern(pattern, f"{path}: {KEY}[{i}]")
                if pattern not in out:
                    out.append(pattern)
    return tuple(out)


def compile_pattern(pattern: object, where: str) -> re.Pattern[str]:
    """``pattern`` compiled, or a ``RedactionError`` saying where it came from (the pattern is agency data, not a
    record value: it may be shown)."""
    if not isinstance(pattern, str) or not pattern.strip():
        raise RedactionError(f"{where}: a case-number pattern must be a non-empty string")
    try:
        rx = re.compile(pattern)
    except re.error as exc:
        raise RedactionError(f"{where}: not a regular expression ({exc})") from exc
    if rx.search("") is not None:
        raise RedactionError(f"{where}: the pattern matches the empty string")
    return rx


def find_case_numbers(text: str, patterns: Iterable[re.Pattern[str]]) -> list[tuple[int, int, str]]:
    """Every non-empty match of the agency patterns in ``text``, as ID spans."""
    return [(m.start(), m.end(), "ID") for rx in patterns for m in rx.finditer(text) if m.end() > m.start()]
