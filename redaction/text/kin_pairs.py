"""The first of a pair whose second member a relation introduces ("apparently lagi and her brother pita were
involved", "rangi & his cousin mere left"), in any casing: the relation cue takes the second name; the word before
"and" is taken when no dictionary holds it (``word_kind`` "strong" or "weak"), so "the car and her brother pita" or
"dinner and my cousin" leave the first word shown. Found from the literal " and "/"&" first.
"""

from __future__ import annotations

from redaction.text.names import CUE_WORDS, RELATION_CUES
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile, word_trie

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_RELATIONS = sorted({c for c in RELATION_CUES if c.replace("-", "").isalpha()})
_PAIR = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")[ \t]+(?i:and|&)[ \t]+(?i:his|her|my|their|our|your)[ \t]+"
                   r"(?:(?i:little|lil|big|older|younger|oldest|youngest|baby|twin|half|step|new|old)[ \t]+)?(?i:"
                   + word_trie(_RELATIONS) + r")[ \t]+" + _NAME)  # "and her (little) cousin jojo"


def kin_pair_names(text: str) -> list[tuple[int, int]]:
    """The word before "and his/her/my <relation> <name>" when it reads as a name (see the module doc)."""
    if " and " not in text.lower() and "&" not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in _PAIR.finditer(text):
        word = m.group(1)
        if word.lower() not in CUE_WORDS and word_kind(word) in ("strong", "weak"):
            out.append(m.span(1))
    return out
