"""A sentence's first word that is a thing the sentence does something to ("Bill was paid in cash", "Glass was
broken", "Keys released to owner"), not the name it could be.

Why: terse officer text opens a sentence with a bare noun, and the NER takes a noun that is also a given name
("Bill", "Keys", "Glass", "Penny") for a person. When the NER's one-word guess opens its sentence, the word is a noun
of the dictionary (WordNet), and what follows is a past participle that happens to things (``data/thing_verbs.txt``:
"paid", "broken", "stolen", "towed"; optionally after "was"/"were"/"got") or "released/returned to (the) owner", the
word is that thing. A person's passive ("Bill was arrested", "Penny was found") is no thing verb; names a cue or a
rule found are not asked, and a record's name or its other form ("Bill" with WILLIAM on the record) stays a name.
"""

from __future__ import annotations

import os
from functools import lru_cache

from redaction.recognizers.words import word_list
from redaction.text.lexicon import noun
from redaction.text.nicknames import forms_of
from redaction.wordtrie import trie_compile

_START = trie_compile(r"(?:\A|[.!?:;\n]|\n)[ \t\"“(]*\Z")
_AFTER = trie_compile(r"[ \t]+(?:(?i:was|were|is|are|got|been|has[ \t]+been|had[ \t]+been|have[ \t]+been)[ \t]+)?"
                    r"([^\W\d_]+)(?:[ \t]+(?i:to)[ \t]+(?i:the[ \t]+)?((?i:owner|rp|victim|bank|store)))?")


@lru_cache(maxsize=1)
def _thing_verbs() -> frozenset[str]:
    return word_list(os.path.join(os.path.dirname(__file__), "data", "thing_verbs.txt"))


def thing_subject(text: str, start: int, end: int, own: frozenset[str] = frozenset()) -> bool:
    """``text[start:end]``, one word opening its sentence, is a thing done to (see the module doc); never a word of
    ``own`` (the record's name words) nor one of their other forms ("Bill" with WILLIAM on the record)."""
    word = text[start:end]
    if not word.isalpha() or not _START.search(text, max(0, start - 4), start) or not noun(word.lower()):
        return False
    if own and (word.lower() in own or forms_of(word.lower()) & own):
        return False
    m = _AFTER.match(text, end)
    if m is None:
        return False
    verb = m.group(1).lower()
    return verb in _thing_verbs() or (verb in ("released", "returned", "given") and m.group(2) is not None)
