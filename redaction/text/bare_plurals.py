"""A record person's name word with a bare "s": a possessive typed without its apostrophe ("prices girlfriend was in
the car", "NGUYENS BROTHER") or a family ("the faleolos were at the park").

Why: typed fast on a phone or an MDT, "Price's" loses its apostrophe, and a family is named by its plural. The
record's own word plus "s" is that person's (or family's) only in those two places: before a relation word
("girlfriend", "mom", "cousin": ``names.RELATION_CUES``), or after "the" when the name is no dictionary word ("the
faleolos"; not "the prices were high", "the woods behind the school").
"""

from __future__ import annotations

from collections.abc import Iterable

from redaction.text.names import RELATION_CUES
from redaction.text.vocabulary import dictionary_words
from redaction.wordtrie import trie_compile

_RELATIONS = frozenset(c for c in RELATION_CUES if c.isalpha())
_NEXT = trie_compile(r"[ \t]+([a-z\-]+)")
_THE_BEFORE = trie_compile(r"(?<![\w'’])the[ \t]+\Z")


def bare_plurals(lower: str, starts: dict[str, list[int]], words: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``<word>s`` for each of the record's name ``words`` (lower case) in the lower-cased text ``lower``
    (``starts``: each word of it and where it starts), where the module doc allows it."""
    out: list[tuple[int, int]] = []
    for w in words:
        if len(w) < 3 or w.endswith("s") or w.startswith("#"):
            continue
        plural = w + "s"
        for s in starts.get(plural, ()):
            e = s + len(plural)
            nxt = _NEXT.match(lower, e)
            if (nxt is not None and nxt.group(1) in _RELATIONS) or (
                    _THE_BEFORE.search(lower, max(0, s - 5), s) and w not in dictionary_words()):
                out.append((s, e))
    return out
