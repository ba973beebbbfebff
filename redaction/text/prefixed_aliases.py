"""Street names after an alias prefix ("lil peanut", "Yung Flaco", "BIG TINY", "baby boo"), in any case.

A prefix ("lil", "li'l", "lil'", "yung", "big", "baby", "young", "little") before a word makes a street name when
no determiner or possessive stands before the prefix ("told lil dre", not "a big spider", "the lil kid", "his
young son") and the word is a listed street name (``data/street_monikers.txt``: everyday words such as "peanut",
"tiny"), a given name, or a word no dictionary holds. After the weak prefixes ("big", "baby", "young", "little",
real adjectives) a listed everyday word needs more in a text of one case: a narrative verb after it ("big tiny was in
the car"); in a mixed-case text both words need a capital ("Big Tiny"), and "Little" is a place's ("Little Rock"). The span is the word; the prefix joins it
where the name's edges are drawn (``people.extend_particles``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, SUFFIX_WORDS, word_list
from redaction.text.cue_words import TEXTING_WORDS
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS, given_names, inflected
from redaction.text.vocabulary import NARRATIVE_VERBS, unknown_word
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_MONIKERS = Path(__file__).resolve().parent / "data" / "street_monikers.txt"
_PREFIXED = trie_compile(r"(?<![\w'’\-])(?P<p>(?i:lil|li['’]l|yung|big|baby|young|little))['’]?[ \t]+"
                       r"(?P<w>[^\W\d_]{2,}(?:-[^\W\d_]+)?)(?![\w'’\-@])(?:[ \t]+(?P<v>[^\W\d_]+))?")
_DETERMINED = trie_compile(r"(?<![\w'’])(?i:a|an|the|his|her|their|my|your|ur|our|its|this|that|these|those|some|one|"
                         r"very|so|too|real|really|how|as|is|was|are|were|be|got|get|and|or)[ \t]+\Z")
_STREET = frozenset(w.lower() for w in SUFFIX_WORDS)
_STRONG = ("lil", "li'l", "li’l", "yung")
# Kin and pals in slang that no dictionary holds: "lil bro", "yung fam" is a relation, no street name.
_SLANG_KIN = frozenset({"bro", "bruh", "brah", "sis", "cuz", "fam", "homie", "homies", "homeboy", "homegirl", "dawg",
                        "dawgs", "bestie", "bff", "twin", "bby", "shawty", "sista", "brotha", "nephew", "niece"})


@lru_cache(maxsize=1)
def street_monikers() -> frozenset[str]:
    return word_list(_MONIKERS)


def _word_ok(word: str) -> tuple[bool, bool]:
    """(may be a street name at all, is one without more evidence): a listed street name or given name, or a word
    no dictionary holds; never a function, report or verb word."""
    low = word.lower()
    if low in CAPS_STOP_WORDS or low in NARRATIVE_VERBS or low in TEXTING_WORDS or low in _SLANG_KIN or (
            low.endswith(("ed", "ing")) and len(low) >= 6):
        return False, False
    listed = low in street_monikers()
    if listed:
        return True, False
    named = (low in given_names() and low not in AMBIGUOUS_GIVEN) or (unknown_word(word) and len(low) >= 3)
    return named and low not in NOT_NAME_WORDS, named and low not in NOT_NAME_WORDS


# Social-media cues that put a person right after them ("rip big tuck", "free lil kev", "long live baby ray",
# "shoutout to yung tavo"), and texting's "its" for "it's" before a strong prefix ("yo its lil kev").
_SOCIAL = trie_compile(r"(?<![\w'’\-])(?:(?i:rip|r\.i\.p\.?|free|long[ \t]+live|rest[ \t]+easy|shout[ \t]?out[ \t]+to|"
                     r"justice[ \t]+for|pray[ \t]+for|prayers[ \t]+for|its|it['’]s)[ \t]+)\Z")


def _social_cue(text: str, start: int, word: str) -> bool:
    """A social-media cue right before the prefix, and a word that may name someone after it (no function, verb,
    relation or person word: "rip big bro", "free big macs" stay)."""
    m = _SOCIAL.search(text, max(0, start - 16), start)
    if m is None:
        return False
    low = word.lower()
    if low in CAPS_STOP_WORDS or low in NARRATIVE_VERBS or low in TEXTING_WORDS or low in _SLANG_KIN \
            or low in CUE_WORDS or low in _NOT_AFTER_SOCIAL or inflected(low) or low in NOT_NAME_WORDS:
        return False
    if m.group().lower().startswith("it"):  # "its lil kev", not "its big tail": a strong prefix and a name word
        return text[start:start + 4].lower() in ("lil ", "yung") and word_kind(word) in ("strong", "weak", "given")
    return True


_NOT_AFTER_SOCIAL = frozenset({"guy", "man", "boy", "girl", "kid", "dog", "cat", "time", "deal", "mac", "macs", "brother",
                               "sister", "homie", "fella", "dude", "one", "ones", "mood", "vibes"})


def prefixed_aliases(text: str) -> list[tuple[int, int]]:
    """The word after an alias prefix, when it is a street name (see the module doc)."""
    low = text.lower()
    if "lil" not in low and "li'l" not in low and "li’l" not in low and "yung" not in low and "big" not in low \
            and "baby" not in low and "young" not in low and "little" not in low:
        return []
    out: list[tuple[int, int]] = []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    for m in _PREFIXED.finditer(text):
        prefix, word = m.group("p"), m.group("w")
        if _social_cue(text, m.start(), word):
            out.append(m.span("w"))  # "rip big tuck", "free lil kev": a post names who it mourns or frees
            continue
        if _DETERMINED.search(text, max(0, m.start() - 8), m.start()):
            continue
        if word.lower() in _STREET or (m.group("v") or "").lower() in _STREET:
            continue  # "Young Ave", "Big Bear Blvd": a street
        ok, sure = _word_ok(word)
        if not ok:
            continue
        if prefix.lower() in _STRONG:
            pass  # "lil", "yung": a street name's prefix in any case ("Informant named lil' peanut")
        elif mixed:
            if not (prefix[:1].isupper() and word[:1].isupper()) or prefix.lower() == "little":
                continue  # "big smoke from the roof", "Little Rock"; "Big Tiny" is taken
        elif not sure:
            verb = (m.group("v") or "").lower()
            if verb not in NARRATIVE_VERBS or verb in ("is", "are"):
                continue  # "big smoke showing": a weak prefix and an everyday word need a deed after them
        out.append(m.span("w"))
    return out
