"""A town and its state's abbreviation after a place's preposition ("moved from erie, pa", "mail goes to Chester,
PA 19013", "SHE LIVES IN MOBILE, AL"): a place, no "surname, given".

Why: a town named like a person ("erie", "chester", "mobile") before a comma and a two-letter word reads as
"surname, given" to the name rules, and the NER takes a re-cased "Chester" for a person; its state's abbreviation
("pa", "al") then goes with it as the given name. After "from", "in", "to", "near" ... a word (or two), a comma and
a state's two-letter code are a place (``redactor._drop_places`` keeps a found name inside it; record values still
go). In mixed-case text the code must be in capitals ("Erie, PA"); a Hmong "surname, given" ("to vang, pa":
``short_pairs``) is no place.
"""

from __future__ import annotations

from redaction.recognizers.words import US_STATES
from redaction.text.names import mixed_case
from redaction.text.short_pairs import clan_surnames
from redaction.wordtrie import trie_compile

_STATE_CODES = frozenset(s for s in US_STATES if len(s) == 2)
_CODE_AFTER = trie_compile(r"[ \t]*([^\W\d_]{2})(?![\w'’\-])")
_TOWN_BEFORE = trie_compile(r"(?<![\w'’\-])(?i:from|in|to|into|of|near|at|outside|visiting|around)[ \t]+"
                          r"((?:[^\W\d_]+[ \t]+)?([^\W\d_]{3,}))[ \t]*\Z")


def city_states(text: str) -> list[tuple[int, int]]:
    """Spans of "town, ST" after a place's preposition (see the module doc)."""
    out: list[tuple[int, int]] = []
    comma = text.find(",")
    mixed: bool | None = None
    while comma > 0:
        at, comma = comma, text.find(",", comma + 1)
        code = _CODE_AFTER.match(text, at + 1)
        if code is None or code.group(1).lower() not in _STATE_CODES:
            continue
        town = _TOWN_BEFORE.search(text, max(0, at - 40), at)
        if town is None or town.group(2).lower() in clan_surnames():
            continue
        if mixed is None:
            mixed = mixed_case(text)
        if mixed and not code.group(1).isupper():
            continue
        out.append((town.start(1), code.end(1)))
    return out
