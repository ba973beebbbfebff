"""A street written before a name at a sentence break ("at Rosa Parks Blvd & Jefferson St. EDUARDO said", "ON GRACE
ST. ROBERT STS") is no part of the name: "St." there ends the street, it is not the particle of "St. John".

A PERSON span that opens with one or two words and "St." right after a place word ("at", "on", "&", "near",
"towards", ...) starts after the "St.". The name keeps its placeholder; the street is shown, and the person gets the
number of the same name elsewhere in the record ("EDUARDO" is the subject "ZÚÑIGA, EDUARDO").
"""

from __future__ import annotations

import re

from redaction.wordtrie import trie_compile

_STREET = trie_compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?i:st)\.\s+(?=[^\W\d_])")
_WORD = trie_compile(r"[^\W\d_]+")
_PLACE_BEFORE = trie_compile(r"(?:&|(?<![\w'’])(?:at|on|near|towards?|across|along|onto|off|by|from|down|up|of))\s+\Z",
                           re.IGNORECASE)


def name_start(text: str, s: int, e: int, own: frozenset[str] = frozenset()) -> int:
    """Where the name of the PERSON span ``(s, e)`` starts: after a street that opens it (module docstring). When
    the words on both sides of "St." are the record's own name words, it is the particle ("on Liam St. John")."""
    m = _STREET.match(text, s, e)
    if m is None or m.end() >= e or not _PLACE_BEFORE.search(text, max(0, s - 12), s):
        return s
    after = _WORD.match(text, m.end())
    if own and after is not None and after.group().lower() in own and all(
            w.lower() in own for w in _WORD.findall(text, s, m.end() - 4)):
        return s
    return m.end()
