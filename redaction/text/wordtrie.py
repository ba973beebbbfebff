"""Long alternations of cue words as a trie, which Python's regular-expression engine tries far faster.

``re`` tries every alternative of ``(?:with|warned|watched|...)`` at every position; written as a trie
(``w(?:a(?:rned|tched)|ith)``) it tries a few letters. The names, people and positions modules search many texts
for a hundred or more cue words each, so their cue patterns are built here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_trie(words: Iterable[str], space: str = r"\s+") -> str:
    """A regular expression matching exactly ``words`` (escaped; a space in a word matches ``space``), as a trie.

    Where one word is a prefix of another the longer one is tried first, as in an alternation sorted by length.
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return ("(?:" + body + ")?") if "" in node else body

    return emit(tree)
