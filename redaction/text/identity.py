"""One person, one number, across an alias: 'Terrell Jones a/k/a "Smoke"' and 'Folake (Scrappy) Iyer' are one person.

``cluster_people`` (people.py) groups mentions by their words, so an alias ("Smoke") shares no word with the name it
belongs to and would get a number of its own, and a later "Smoke" would point at a second person. ``join_aliases``
merges the numbers of two PERSON spans that stand next to each other with only an alias cue, a bracket or quotes
between them; every later mention of either follows, since it already shares their number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CUE = (r"a/k/a|a\.k\.a\.?|aka(?:['’]?s)?|(?:also\s+|better\s+|commonly\s+)?known\s+(?:[^\W\d_]+\s+){0,4}?as|nicknamed|"
        r"nick\s?names?(?:\s+(?:is|was|of))?|(?:who\s+)?(?:also\s+)?go(?:es|ing)?\s+by(?:\s+the\s+(?:street\s+)?name"
        r"(?:\s+of)?)?|answers\s+to|alias(?:es)?|street\s+(?:name|handle)s?(?:\s+(?:is|was|of))?|monikers?|"
        r"(?:who|whom|that)\s+(?:they|everyone|everybody|people|friends)\s+calls?|uses\s+the\s+(?:street\s+)?name"
        r"(?:\s+of)?|also\s+called")
# What may stand between a name and its alias: a cue (brackets, commas, quotes around it), an opening bracket or
# quote, or a closing one before the surname ('First "Nick" Last', 'First (Nick) Last').
_GAP = re.compile(
    r"[\s,]*\(?\s*(?:" + _CUE + r")\s*[:\-/]?\s*[\"“‘'(]?\s*"
    r"|\s*\(\s*[\"“‘']?\s*|\s+[\"“‘']\s*|\s*[\"”’']?\s*\)\s+|[\"”’']\s+", re.IGNORECASE)


def join_aliases(text: str, spans: Sequence[tuple[int, int]], numbers: Sequence[int]) -> list[int]:
    """``numbers`` (one per span, in order) with the numbers of alias-linked neighbours merged, renumbered 1, 2, ...
    in order of first mention."""
    parent = {n: n for n in numbers}

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:], strict=False):
        if spans[a][1] <= spans[b][0] and _GAP.fullmatch(text, spans[a][1], spans[b][0]):
            ra, rb = root(numbers[a]), root(numbers[b])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    renumber: dict[int, int] = {}
    return [renumber.setdefault(root(n), len(renumber) + 1) for n in numbers]
