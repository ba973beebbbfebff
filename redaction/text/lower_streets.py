"""A street named without its suffix after a direction or a movement ("ran east on ashby", "driving wb on dwight",
"walking on east ashby", "ped stop at alcatraz and adeline"), in text not capitalized as names are.

Why: local streets are often given names or surnames ("Ashby", "Dwight", "Adeline", "Gilman"); in lower case or in
capitals nothing marks them, and ``names.name_candidates`` sends every listed given name to the NER, which takes a
lone one for a person. Right after a direction ("east", "wb", "northbound", optionally with "on"/"onto"/"down"), a
movement with "on"/"onto"/"down"/"along" ("driving on", "fled down"), or a stop or crash "at"/"of"
("stop at", "collision at", "corner of"), and after "and"/"&"/"/" following such a street ("alcatraz and adeline"),
the word is a street. A person's cue ("spit on maria", "stood near maria") is none of these.
"""

from __future__ import annotations

import re

from redaction.wordtrie import trie_compile

_DIRECTION = r"(?:east|west|north|south|eb|wb|nb|sb|[nsew]/b|(?:east|west|north|south)bound)"
_BEFORE = trie_compile(
    r"(?<![\w'’/])(?:" + _DIRECTION + r"(?:[ \t]+(?:on|onto|down|along|up|to))?"
    r"|(?:walking|walked|driving|drove|running|ran|fled|fleeing|traveling|travelling|headed|heading|stopped|parked|"
    r"speeding|going|biking|riding|proceeded|continued)[ \t]+(?:on|onto|down|along|up)"
    r"|(?:stop|collision|accident|intersection|corner|crash|tc)[ \t]+(?:at|of))[ \t]+\Z", re.IGNORECASE)
_JOINED = trie_compile(r"(?<![\w'’])([^\W\d_]+)[ \t]*(?:and|&|/)[ \t]*\Z", re.IGNORECASE)


def travel_street(text: str, start: int) -> bool:
    """The word at ``start`` is a street by the words before it (see the module doc)."""
    window = max(0, start - 40)
    if _BEFORE.search(text, window, start):
        return True
    m = _JOINED.search(text, window, start)
    return m is not None and _BEFORE.search(text, max(0, m.start(1) - 40), m.start(1)) is not None
