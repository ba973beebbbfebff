"""Names after a preposition where a sentence puts a person, in any casing: the agent of a passive ("was taken by
ayodele"), the receiver after a giving or telling verb ("gave it back to ayodele", "owe money to sanjay", "i gave rocky
the keys"), the owner
in "the house of chidi" (statements written in a second language or translated), and the owner of a thing named
with a possessive typed without its apostrophe ("at destinys house", "rosas phone", "at marcus house").

A word taken here is a "strong" name word (``positions.word_kind``: a listed given name no dictionary holds, or a
word no vocabulary holds); for the possessive, the word less its "s" (or the word, at "at marcus house") must be a
listed given name, as everyday words take an "s" too ("at the friends house" has a relation, "at lots house" none).
"""

from __future__ import annotations

import re

from redaction.recognizers.words import CAPS_STOP_WORDS
from redaction.text.lexicon import lexicon
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS, given_names
from redaction.text.ner_edges import noun_at
from redaction.text.positions import word_kind
from redaction.wordtrie import trie_compile, word_trie

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_END = r"(?=[ \t]*(?:[,.;:!?)\n]|\Z)|[ \t]+(?i:and|but|because|so|then|for|on|at|in|yesterday|today|last|after|when|that|about|what|how|not)\b)"
# A past participle, then "by" and a name ending the clause: the passive's agent ("was taken by ayodele").
_PASSIVE = trie_compile(r"(?<![\w'’\-])(?i:was|were|been|being|got|get|gets)[ \t]+(?:[^\W\d_]+[ \t]+)?([^\W\d_]+)[ \t]+"
                      r"(?i:by)[ \t]+(" + _NAME + r")" + _END)
_GIVING = ("gave", "give", "gives", "given", "sent", "send", "sends", "sold", "sell", "sells", "lent", "lend", "loaned",
           "owe", "owes", "owed", "showed", "show", "shows", "handed", "passed", "returned", "mailed", "wrote",
           "written", "lied", "talked", "spoke", "said", "explained", "complained", "paid", "pay", "pays", "texted",
           "brought", "took", "taken", "delivered", "introduced", "reported", "sent over")
# A giving or telling verb, at most three words of object ("it back", "the money"), "to" and a name ending the clause.
_TO = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie(_GIVING) + r")(?:[ \t]+[^\W\d_]+){0,3}?[ \t]+(?i:to)[ \t]+("
                 + _NAME + r")" + _END)
_OWNED = ("house", "home", "apartment", "apt", "place", "room", "car", "truck", "phone", "yard", "door", "porch",
          "garage", "crib", "party", "job", "work", "school", "family", "mom", "mother", "dad", "father", "brother",
          "sister", "cousin", "aunt", "uncle", "grandma", "grandmother", "boyfriend", "girlfriend", "bf", "gf",
          "husband", "wife", "baby", "kids", "son", "daughter", "friend", "friends", "dog", "bike", "bag", "purse",
          "wallet", "keys")
# "the house of chidi": a thing, "of" and a name (not "of the", "of my": their relations are cues of their own).
_OF = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie(_OWNED) + r")[ \t]+(?i:of)[ \t]+(" + _NAME + r")(?![\w'’\-])")
# "destinys house", "rosas phone": a word ending in "s" right before a thing a person owns.
_OWNER = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")[ \t]+(?i:" + word_trie(_OWNED) + r")(?![\w'’\-])")
# "i gave rocky the keys", "handed sunny the phone": a giving verb's first object, before a determiner, is who got it.
_RECEIVERS = ("gave", "give", "gives", "handed", "hand", "hands", "sent", "send", "sends", "showed", "show", "shows", "owe",
              "owes", "owed", "paid", "pay", "pays", "lent", "lend", "loaned", "offered", "promised", "bought", "passed",
              "told", "tell", "tells", "asked", "ask", "asks", "issued", "issue", "issues", "served", "serve", "serves",
              "wrote", "write", "writes")  # "issued Wanjiru a citation", "served Okafor a restraining order"
_RECEIVER = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie(_RECEIVERS) + r")[ \t]+(" + _NAME
                       + r")[ \t]+(?=(?i:the|a|an|my|his|her|their|our|your|some|all)[ \t]|\$|\d)")
_RECEIVER_WORDS = frozenset(_RECEIVERS)
_AT = trie_compile(r"(?i:at|to|from|in|near|outside|by|left|went|go|over)[ \t]+\Z")
_PASSIVE_SKIP = frozenset({"followed", "surrounded", "accompanied", "covered", "caused", "done", "made", "owned"})


def _participle(word: str) -> bool:
    low = word.lower()
    return (low.endswith(("ed", "en")) or low in lexicon()[3]) and low not in _PASSIVE_SKIP


def _owner(text: str, m: re.Match[str]) -> bool:
    word = m.group(1)
    low = word.lower()
    if low in CUE_WORDS or not low.endswith("s") or len(low) < 4 or noun_at(text, m.start(1)):
        return False  # "the roses car": a noun after an article
    given = given_names()
    nouns = lexicon()[1]
    if (low.endswith("ss") or low in nouns or (low.endswith("ies") and low[:-3] + "y" in nouns)) \
            and low[:-1] not in given:
        return False  # "reporting parties porch", "kicking business door": a noun, not a name without its "'s"
    kind = word_kind(low[:-1])
    if kind in ("strong", "given", "weak") and low[:-1] not in CUE_WORDS:
        return low not in lexicon()[1] or kind == "strong"  # "destinys", "kwames"; not "roses"
    return low in given and word_kind(word) != "" and _AT.search(text, max(0, m.start(1) - 12), m.start(1)) is not None


def preposition_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names after a passive's "by", a giving verb's "to", "the house of", and possessives typed without
    their apostrophe (see the module doc)."""
    out: list[tuple[int, int]] = []
    for m in _PASSIVE.finditer(text):
        if _participle(m.group(1)) and word_kind(m.group(2)) == "strong":
            out.append(m.span(2))
    for rx in (_TO, _OF):
        out += [m.span(1) for m in rx.finditer(text) if word_kind(m.group(1)) == "strong"]
    out += [m.span(1) for m in _OWNER.finditer(text) if _owner(text, m)]
    if not _RECEIVER_WORDS.isdisjoint(text.lower().split()):  # a literal gate: most texts have no giving verb
        out += [m.span(1) for m in _RECEIVER.finditer(text) if _receiver(m.group(1))]
    return out


def _receiver(word: str) -> bool:
    """A given name as a giving verb's first object: a listed given name that is no noun ("rocky", "sunny"; not "gave
    chase", "told hope the truth"), or a word no dictionary holds."""
    low = word.lower()
    if low in CUE_WORDS:
        return False
    kind = word_kind(word)
    return kind == "strong" or ((low in given_names() or low in AMBIGUOUS_GIVEN) and low not in lexicon()[1]
                                and low not in CAPS_STOP_WORDS)


def owner_at(text: str, start: int, end: int) -> bool:
    """The word at ``start``-``end`` owns the thing after it, typed without its apostrophe ("brandys kids"): a name
    there, not an ordinary plural (``negatives``)."""
    m = _OWNER.match(text, start)
    return m is not None and m.end(1) == end and _owner(text, m)
