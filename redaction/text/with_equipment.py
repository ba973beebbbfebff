"""A weapon, tool or piece of gear after "with" ("seen with mace in hand", "sprayed with mace", "armed with a
lance and a shield", "seen with rod and reel"), not the person its word could name (Mace, Rod, Lance, Dirk).

Why: "seen with" takes a listed given name after it as a companion (``cued_names._after_cues``), and the NER reads a
lone given name after "with" as a person. A word of ``data/equipment_words.txt`` right after "with" (or "with a",
"with his", ...), or after a verb whose object is a thing ("used", "deployed", "brandishing"), is that thing when nothing marks it a name: it is not capitalized inside mixed-case text ("seen
with Mace" stays a name), no name follows it ("seen with rod tillman"), it is no word of the record's names; and,
when the word is a listed given name too, the sentence says it is a thing: a weapon verb before ("armed",
"sprayed", "struck", "came at him") or a thing after ("in hand", "in his hand", "and reel", "and a knife").
"""

from __future__ import annotations

import os
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import word_list
from redaction.text.names import AMBIGUOUS_GIVEN, given_names, mixed_case, title_cased
from redaction.text.vocabulary import dictionary_words
from redaction.wordtrie import trie_compile

_WITH = trie_compile(r"(?<![\w'’])(?i:with|(used|deployed|sprayed|wielding|wielded|brandishing|brandished|swinging|"
                   r"carrying))[ \t]+(?:(?i:a|an|the|his|her|their|my|its|some|one)[ \t]+)?\Z")
_ARMED = trie_compile(r"(?<![\w'’])(?i:armed|sprayed|spraying|struck|striking|hit|hitting|beat|beaten|beating|"
                    r"threatened|threatening|attacked|attacking|swung|swinging|stabbed|stabbing|assaulted|assaulting|"
                    r"menaced|menacing|waving|waved|brandished|brandishing|pointed|pointing|poked|jabbed|came[ \t]+at|"
                    r"charged[ \t]+at|lunged[ \t]+at|went[ \t]+at)\b[^.!?;\n]*\Z")
_THING_AFTER = trie_compile(r"[ \t]+(?i:in[ \t]+(?:(?:his|her|their|the|one|left|right|both|each)[ \t]+)*hands?"
                          r"|(?:and|or|&)[ \t]+(?:(?:a|an|the|some|his|her)[ \t]+)?([^\W\d_]+))\b")
_CUE_WORDS = frozenset({"with", "used", "deployed", "sprayed", "wielding", "wielded", "brandishing", "brandished",
                        "swinging", "carrying"})
_ANY_CUE = trie_compile(r"(?i:with|used|deployed|sprayed|wield|brandish|swinging|carrying)")
_NEXT = trie_compile(r",?[ \t]+([^\W\d_]+)")
_WORDS = trie_compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def equipment_words() -> frozenset[str]:
    return word_list(os.path.join(os.path.dirname(__file__), "data", "equipment_words.txt"))


def _thing_word(low: str) -> bool:
    """A word of gear, or a dictionary word that no given-name list holds ("reel", "knife", "revolver")."""
    return low in equipment_words() or (low in dictionary_words() and low not in given_names()
                                        and low not in AMBIGUOUS_GIVEN)


def _thing_after(text: str, end: int) -> bool:
    m = _THING_AFTER.match(text, end)
    return m is not None and (not m.group(1) or _thing_word(m.group(1).lower()))


def equipment_after_with(text: str, start: int, end: int, own: frozenset[str] = frozenset()) -> bool:
    """``text[start:end]``, one word after "with", is a weapon, tool or gear (see the module doc)."""
    low_span = text[start:end].lower()
    first = low_span.split(None, 1)[0].strip(",.") if low_span.strip() else ""
    if first not in equipment_words() and not any(c in low_span for c in ("with", "used", "carrying")):
        return False  # the cheap test first: no gear word opens the span, no cue inside it ("Armed With Mace")
    if _ANY_CUE.search(text, max(0, start - 24), end) is None:
        return False
    found = list(_WORDS.finditer(text, start, end))
    withs = [i for i, m in enumerate(found) if m.group().lower() in _CUE_WORDS]
    found = found[withs[-1] + 1:] if withs else found  # "[Armed With Mace]" in title case
    if not found or len(found) > 2:
        return False
    start, word = found[0].start(), found[0].group()
    low = word.lower()
    cue = _WITH.search(text, max(0, start - 24), start)
    if low not in equipment_words() or low in own or cue is None:
        return False
    if len(found) == 2:  # "colt revolver" is a thing; "Mace Okafor" is a name
        return _thing_word(found[1].group().lower())
    if word[:1].isupper() and not word.isupper() and mixed_case(text) and not title_cased(text, 0.7):
        return False  # "was with Dirk": a capital inside mixed-case text says a name
    nxt = _NEXT.match(text, end)
    if nxt is not None:
        n = nxt.group(1).lower()
        if n in given_names() or (n not in dictionary_words() and n not in STOP_WORDS and n not in equipment_words()):
            return False  # "seen with rod tillman": a name before a name
    if low not in given_names() and low not in AMBIGUOUS_GIVEN:
        return True
    return cue.group(1) is not None or _thing_after(text, end) or _ARMED.search(text, max(0, start - 60),
                                                                              start) is not None
