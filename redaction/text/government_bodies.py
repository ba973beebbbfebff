"""A government named by its place ("CITY OF BERKELEY", "County of Alameda", "STATE OF CALIFORNIA", "TOWN OF
DANVILLE"), and the body's own staff or things after it ("COUNTY OF MARIN SHERIFF"): the place is no name. A detected name wholly inside such a phrase stays shown (record values still go:
``redactor._drop_places``)."""

from __future__ import annotations

import re

from redaction.wordtrie import trie_compile

_BODY = trie_compile(
    r"(?<![\w'’\-])(?:city|county|state|town|village|township|borough|commonwealth|port|parish)\s+of\s+(?:the\s+)?"
    r"(?:(?:san|santa|los|las|el|la|new|north|south|east|west|fort|mount|mt|st|saint|lake|palm|long|grand|daly|"
    r"union|walnut|redwood|half)\.?\s+)?[^\W\d_]+"
    r"(?:\s+(?:sheriff|sheriff's|sheriffs|police|fire|pd|so|jail|court|parks|vehicle|truck|property|employee|employees|"
    r"worker|workers|building|hall|staff))?(?![\w'’\-])", re.IGNORECASE)

_GATE = trie_compile(r"(?:city|county|state|town|village|township|borough|commonwealth|port|parish)[ \t\n]+of[ \t\n]")


def government_bodies(text: str) -> list[tuple[int, int]]:
    """Spans of "city of <place>", "county of <place>", "state of <place>" ... (any casing)."""
    if (" of " not in text and " OF " not in text and " Of " not in text) or _GATE.search(text.lower()) is None:
        return []  # the cheap tests first
    return [m.span() for m in _BODY.finditer(text)]
