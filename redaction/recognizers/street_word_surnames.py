"""``LAST, FIRST`` whose surname is a street word ("Lane, Robert is 23", "RP LANE, MARIA") is a name, not a street.

Why: ``person_last_first`` refuses every street suffix as a word of a name, so "Lane, Robert" kept "Lane" shown
beside a hidden "Robert". A full street word ("Lane", "Court", "Way", "Drive", "Terrace"; not an abbreviation
such as "St" or "Ave") may be the surname when the word after the comma is a listed given name and the pair opens
its phrase: at the start of the text or after punctuation, a role or report cue ("RP", "victim", "owner",
"contacted"), or a lower-case word of mixed-case text. "Maple Lane, Oakland", "on Robert Lane, Maria saw" and
"1400 Lane, Maria" (a capitalized word or a number before) stay as they were.
"""

from __future__ import annotations

import re

STREET_SURNAMES = frozenset({"lane", "court", "drive", "way", "terrace", "street", "avenue", "place", "road", "row",
                             "circle", "square", "trail", "loop", "pike", "alley"})
_PREV = re.compile(r"(\S+)[ \t]*\Z")
_CUES = frozenset({"rp", "r/p", "victim", "vict", "suspect", "susp", "subject", "subj", "witness", "wit", "driver",
                   "owner", "passenger", "v/", "s/", "w/", "c/", "contacted", "arrested", "cited", "interviewed",
                   "detained", "and", "with", "per", "by", "name", "named"})
_GIVEN = re.compile(r",\s*([^\W\d_]+)")
def street_surname_ok(text: str, start: int, end: int) -> bool:
    """The ``LAST, FIRST`` match ``text[start:end]``, its surname a street word, is a name (see the module doc)."""
    from redaction.text.names import given_names  # the name lists live with the text rules
    from redaction.text.speech_tags import speech_tag

    g = _GIVEN.search(text, start, end)
    if g is None or g.group(1).lower() not in given_names() or speech_tag(text, start, g.end()):
        return False
    prev = _PREV.search(text, max(0, start - 24), start)
    if prev is None or text[max(0, start - 24):start].strip() == "":
        return True
    word = prev.group(1)
    if word[-1] in ".;:!?(,":
        return True
    low = word.lower()
    return low in _CUES or (word.isalpha() and word.islower() and any(c.isupper() for c in text))


def street_surname(last: str) -> bool:
    """``last`` (the part before the comma, one word) is a full street word that may be a surname."""
    return last.strip().lower() in STREET_SURNAMES
