"""People named together right after a word for the group they form ("both parties (Yesenia & Luis) agreed", "involved
parties: marcus + his gf tiana", "the couple, Ingrid and Soren, were", "siblings - jaylen/amari"), in any casing.

Why: a domestic call's write-up names its parties once, in a bracket or after a colon, with no cue before each name;
the NER reads "(Yesenia & Luis)" as no entity, and in lower case it reads nothing. The shape says people: a group
word, an opening bracket, colon, comma or dash, then two or more short items joined by "&", "and", "+", "/" or
commas. Each item is one or two words (a possessive and a kin or partner word before it are passed: "his gf tiana").
Every item must read as a name (``word_kind``: a listed given name, a surname, a name no dictionary holds), so
"both parties (driver and passenger)", "children (ages 4 and 6)", "people: two males and a female" name nobody.
"""

from __future__ import annotations

from redaction.text.names import CUE_WORDS
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile, word_trie

_GROUPS = ("parties", "persons", "people", "subjects", "individuals", "involved", "couple", "siblings", "brothers",
           "sisters", "roommates", "neighbors", "neighbours", "occupants", "passengers", "juveniles", "kids", "children",
           "twins", "parents", "spouses", "combatants", "participants", "associates", "friends", "cousins")
_OPEN = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie(_GROUPS) + r")(?:[ \t]+(?i:involved|present|contacted))?"
                     r"[ \t]*(?:\(|:|,|[ \t]-)[ \t]*")
_ITEM = trie_compile(r"(?:(?i:his|her|their|my|the)[ \t]+(?i:gf|bf|girlfriend|boyfriend|wife|husband|son|daughter|"
                     r"mom|mother|dad|father|brother|sister|cousin|friend|partner|ex)[ \t]+)?"
                     r"([^\W\d_]{2,}(?:['’\-][^\W\d_]+)*)(?:[ \t]+([^\W\d_]{2,}(?:['’\-][^\W\d_]+)*))?")
_JOIN = trie_compile(r"[ \t]*(?:&|\+|/|,|(?i:and|n)(?![\w'’\-]))[ \t]*")
_NAMELIKE = ("strong", "given", "surname", "weak")


def _name(word: str | None) -> bool:
    return word is None or (word.lower() not in CUE_WORDS and word_kind(word) in _NAMELIKE)


def _items(text: str, pos: int) -> list[tuple[int, int]] | None:
    """The name spans of the list opening at ``pos``, or None when it is no list of two or more names."""
    spans: list[tuple[int, int]] = []
    while True:
        m = _ITEM.match(text, pos)
        if m is None or not _name(m.group(1)):
            return None
        end = m.end(2) if m.group(2) and _name(m.group(2)) else m.end(1)  # "Luis agreed": one word
        spans.append((m.start(1), end))
        j = _JOIN.match(text, end)
        if j is None or j.end() == end or len(spans) == 4:
            return spans if len(spans) >= 2 else None
        pos = j.end()


def group_members(text: str) -> list[tuple[int, int]]:
    """The names listed after a group word (see the module doc)."""
    low = text.lower()
    if not any(w in low for w in _GROUPS):  # the cheap test first: no group word, no list
        return []
    out: list[tuple[int, int]] = []
    for m in _OPEN.finditer(text):
        out += _items(text, m.end()) or []
    return out
