"""A thing after a company cue ("seen with hammer", "SPOTTED WITH BACKPACK"), not the person it could name.

Why: "seen with", "spotted with", "hangs with", "lives with" take any name-like word after them in
``cued_names._after_cues`` (as a relation does: "her roommate ngozi"), but what someone is seen with is as often a thing
("seen with hammer", "last seen with backpack and bike"). After such a cue, a dictionary word that no given-name list
holds and that is no street name (``data/street_monikers.txt``: "smoke", "peanut") is that thing, unless it is
capitalized inside mixed-case text ("seen with Hammer"); listed given names ("seen with marco") stay names.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import word_list
from redaction.text.vocabulary import REPORT_ABBREVIATIONS, dictionary_words
from redaction.wordtrie import trie_compile

_NEXT = trie_compile(r",?[ \t]+([^\W\d_]+)")


@lru_cache(maxsize=1)
def _monikers() -> frozenset[str]:
    return word_list(os.path.join(os.path.dirname(__file__), "data", "street_monikers.txt"))


def thing_after_with(cue: str, word: str, mixed: bool, given: Collection[str], ambiguous: Collection[str],
                     after: str = "") -> bool:
    """``word`` right after the cue ``cue`` (ending in "with") is a thing (see the module doc); ``given`` and
    ``ambiguous``: the given-name lists (``names``); ``after``: the text after the word ("shevchenko, ousmane" is
    "surname, given": a name)."""
    if not cue.rstrip(" \t:").lower().endswith(("with", "w/")):  # "w/ management"
        return False
    low = word.lower()
    if mixed and word[:1].isupper() and not word.isupper():
        return False
    words = dictionary_words()
    nxt = _NEXT.match(after)
    if nxt is not None and (nxt.group(1).lower() in given or (
            nxt.group(1).lower() not in words and nxt.group(1).lower() not in STOP_WORDS
            and nxt.group(1).lower() not in REPORT_ABBREVIATIONS)):
        return False  # "seen with shevchenko, ousmane": a name before a name
    known = low in words or (low.endswith("s") and low[:-1] in words)
    return known and low not in given and low not in ambiguous and low not in _monikers()
