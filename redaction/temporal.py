"""Dates and clock times in free text.

The structured date and time columns are coarsened (to a day, month, quarter or year; to an hour, a four-hour
block or a part of day) and disclosure control may coarsen them further. An exact date or time left in the
narrative of the same record would undo that, so a `redact_text` treatment may also replace them
(`also: [DATE, TIME]`) with typed, numbered placeholders (`[DATE 1]`, `[TIME 1]`; the same value gets the same
number within a record). Dates of birth are the redactor's job (`[DATE_OF_BIRTH n]`) and are already gone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
PATTERNS: dict[str, re.Pattern[str]] = {
    "DATE": re.compile(
        r"(?<![\w/.-])(?:"
        r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"  # 03/14/2024, 3-14-24
        r"|\d{4}-\d{2}-\d{2}"  # 2024-03-14
        rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"  # March 14, 2024 / Mar 14
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+\d{{4}})?"  # 14 March 2024
        r")(?![\w/-])",
        re.I,
    ),
    "TIME": re.compile(
        r"(?<![\w:])(?:"
        r"(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs|hours|hr)\b"  # 1430 hrs
        r"|(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?"  # 14:30, 2:30 pm
        r"|(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?(?![a-z])"  # 2 pm
        r")",
        re.I,
    ),
}
KINDS = tuple(PATTERNS)


def redact_temporal(text: str | None, kinds: Iterable[str]) -> tuple[str | None, dict[str, int]]:
    """Replace dates and/or times in `text`; return the new text and the number of spans replaced by kind."""
    if not text:
        return text, {}
    counts: dict[str, int] = {}
    for kind in kinds:
        numbers: dict[str, int] = {}

        def repl(m: re.Match[str], kind: str = kind, numbers: dict[str, int] = numbers) -> str:
            key = re.sub(r"\W+", "", m.group().lower())
            n = numbers.setdefault(key, len(numbers) + 1)
            counts[kind] = counts.get(kind, 0) + 1
            return f"[{kind} {n}]"

        text = PATTERNS[kind].sub(repl, text)
    return text, counts
