"""A noun before a plural noun ("Rose Bushes Were Trampled", "holly hedges damaged by car", "Pearl Earrings Stolen
From Dresser"), not a given name and a surname.

Why: a given name that is a dictionary noun (Rose, Holly, Amber, Pearl) before a capitalized word reads as a full
name to the NER and to the listed-name rules, most of all in a title-cased line where every word is capitalized.
The pair is a noun phrase when its second word is the plural of a dictionary noun that no given-name list holds and
that is no common surname (the 1,000 most frequent of the 1990 census: "Banks", "Woods", "Rivers" stay names),
or when a plural verb follows ("Rose Hedges were ..." cannot be one person). A cue or title before the pair
("Victim Holly Hedges") or a verb of speech after it ("Amber Lights said") keeps it a name, and an object after
it makes the -s word a verb ("auntie faith locks her in"); when the -s word may be a verb ("Maria likes pizza") or the
NER took the given name alone, a plural verb or a participle must follow ("Daisy Chains Hung On Fence").
"""

from __future__ import annotations

from redaction.text.lexicon import lexicon, noun
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS, given_names
from redaction.text.positions import PERSON_VERBS
from redaction.text.speech_tags import common_surnames
from redaction.text.vocabulary import NARRATIVE_VERBS
from redaction.wordtrie import trie_compile

_WORDS = trie_compile(r"[^\W\d_]+")
_PLURAL_VERB = trie_compile(r"[ \t]+(?i:were|are|have|had)\b")
_ONE_MORE = trie_compile(r"[ \t]+[^\W\d_]{4,}[sS](?![\w'’\-])")
_NEXT = trie_compile(r"[ \t]+([^\W\d_]+)")
_PREV = trie_compile(r"([^\W\d_]+)\.?[ \t]+\Z")
_OBJECTS = frozenset({"her", "him", "them", "me", "us", "it", "the", "a", "an", "his", "their", "my", "our", "your",
                      "up", "down", "out", "off", "to"})


def _given(low: str) -> bool:
    return low in given_names() or low in AMBIGUOUS_GIVEN


def _participle(low: str) -> bool:
    return low.endswith(("ed", "en")) and low not in NARRATIVE_VERBS


def plural_head(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a noun before a plural noun (see the module doc), not a person's name."""
    seg = text[start:end]
    one = None
    if " " not in seg:  # "[Daisy] Chains Hung On Fence": the NER's one given name before a plural noun
        one = _ONE_MORE.match(text, end) if text[end:end + 1] == " " else None
        if one is None:
            return False
        end = one.end()
    elif "s " not in seg + " " and "S " not in seg + " ":
        return False  # the cheap test first: no word of the span ends in "s"
    found = list(_WORDS.finditer(text, start, end))
    words = [m.group().lower() for m in found]
    if len(words) not in (2, 3) or (len(words) == 3 and not _participle(words[2])):
        return False  # "Pearl Earrings Stolen": the NER's span may take the verb
    if text[found[0].end():found[1].start()].strip():
        return False  # "zion, picks her up"
    first, second = words[0], words[1]
    if not (len(second) > 3 and second.endswith("s") and noun(first) and noun(second)) or _given(second) \
            or second[:-1] in given_names():
        return False
    prev = _PREV.search(text, max(0, start - 20), start)
    if prev is not None and prev.group(1).lower() in CUE_WORDS:
        return False  # "Victim Holly Hedges"
    nxt = _NEXT.match(text, end)
    if nxt is not None and (nxt.group(1).lower() in PERSON_VERBS or nxt.group(1).lower() in _OBJECTS):
        return False  # "Amber Lights said"; "faith locks her in": the -s word is a verb before its object
    verbs, past = lexicon()[2], lexicon()[3]
    if one is not None or second[:-1] in verbs or second[:-2] in verbs:  # "Maria likes pizza": a verb in -s
        after = words[2] if len(words) == 3 else (nxt.group(1).lower() if nxt is not None else "")
        then = _NEXT.match(text, nxt.end()) if len(words) == 2 and nxt is not None else None
        ing = after.endswith("ing") and (then is None or then.group(1).lower() not in _OBJECTS)
        if not (after in ("were", "are", "have", "had") or after in past or after.endswith(("ed", "en")) or ing):
            return False  # "Rose Bushes Were Trampled", "Daisy Chains Hung"; not "angel keeps texting my girlfriend"
    return second not in common_surnames() or _PLURAL_VERB.match(text, end) is not None
