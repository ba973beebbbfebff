"""How a word reads as a name, by the lists and vocabularies that hold it (``word_kind``): the judgement every
position rule (``positions``, ``naming``, ``roles``, ``lists`` ...) makes on the words a sentence puts in a slot.

Moved out of ``positions`` so that module stays one size; ``positions`` imports these back.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, fold
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    PARTICLES,
    given_names,
    inflected,
    surnames,
)
from redaction.text.spelling_forms import ed_form
from redaction.text.vocabulary import (
    NARRATIVE_VERBS,
    REPORT_ABBREVIATIONS,
    dictionary_words,
    new_words,
    uncommon_word,
    unknown_word,
)
from redaction.text.word_pos import base_verb


def listed(word: str, names: frozenset[str]) -> bool:
    low = fold(word).lower().replace("’", "'")
    return low in names or low.replace("'", "") in names or (
        "-" in low and all(p in names for p in low.split("-") if p))


# Words that are no name in a slot ("with [police]", "to [school]"), adjectives that are everyday given names.
THINGS = {"police", "school", "city", "station", "market", "center", "county", "hospital", "store", "street", "office", "department", "house", "home", "club", "jail", "car",
           "truck", "van", "bus", "phone", "family", "friends", "dog", "cat", "kids", "children", "baby", "money",
           "drugs", "gun", "knife", "pd", "dept", "medics", "fire", "ems", "security", "staff", "management"}
PLACES = {"church", "bank", "park", "court", "hall", "field", "fields", "square", "garden", "gardens", "plaza", "mall",
           "bridge", "lake", "hill", "hills", "creek", "ford", "port"}
ADJECTIVES = {"young", "long", "black", "white", "brown", "green", "gray", "grey", "tan", "golden", "royal", "early",
               "merry", "precious", "tiny", "sunny", "rich", "major", "general", "rusty", "dusty", "sandy", "misty",
               "honey", "sterling", "marine", "forest", "river", "rocky", "storm", "may", "will", "male", "lady", "man", "boy", "baby", "son", "in", "an", "so", "see", "ma",
               "pa", "al", "kin", "bay", "hang", "else", "love", "star", "page", "price", "guy", "king", "prince", "duke",
               "judge", "officer", "sergeant", "deacon", "bishop", "jewel", "velvet", "ivory"}


_PREFIXES = {"post", "pre", "non", "anti", "ex", "self", "x", "co", "re", "semi", "multi", "over", "under", "mid", "half",
             "step", "well", "all", "high", "low", "one", "two", "three", "four", "five", "in", "out", "by", "on", "off",
             "up", "down", "after", "cross", "counter", "inter", "sub", "super", "ultra", "t", "u", "e"}


@lru_cache(maxsize=65536)
def word_kind(word: str) -> str:
    """How a word reads as a name: "strong" (a listed given name that is no dictionary word, a listed surname that is
    none, a word no vocabulary holds), "given" (an everyday word that is also a given name: "hope", "mason"),
    "surname" (a listed surname that is also a common word: "woods", "brown"), or "" (no name, or a common word)."""
    low = fold(word).lower().replace("’", "'")
    if low.endswith("'s") and len(low) > 4:
        word, low = word[:-2], low[:-2]  # "kenji's uncle"
    if "-" in low and low.split("-")[0] in _PREFIXES:
        return ""  # "post-miranda", "x-ray": a compound, not a double-barrelled name
    if "-" in low and all(low.split("-")):
        kinds = [word_kind(p) for p in word.split("-")]
        if all(kinds) and "strong" in kinds:
            return "strong"  # "adebayo-smith"
    if low in CAPS_STOP_WORDS or low in CUE_WORDS or low in NARRATIVE_VERBS or low in THINGS or len(low) < 2 \
            or low in new_words():
        return ""
    words = dictionary_words()
    if low.endswith(("ed", "ing")) and inflected(low) and not listed(word, given_names()) and not (
            low.endswith("ed") and listed(word, surnames()) and not ed_form(low)):
        return ""  # "robbed", "masturbating": a verb form; not "naveed", "hamed" (no "-ed" spelling of "nave", "ham")
    if low in REPORT_ABBREVIATIONS or low in PARTICLES or _glued(word, words):
        return ""  # "POSS", "forCracked"
    common = low in words or (low.endswith("s") and (low[:-1] in words or low[:-2] in words))  # "lights"
    named = listed(word, given_names()) or listed(word, surnames())
    if not common and _agent_noun(low) and not named:
        return ""  # "evader", "texter": who does a verb, a word the dictionary lacks, not a name
    if unknown_word(word) or (not common and named):
        return "strong"
    if uncommon_word(word) and (named or not common):
        return "weak"  # a word the model saw that no dictionary lists ("ivanova", not "bushes"): a name beside a strong one
    if low in NOT_NAME_WORDS and low not in AMBIGUOUS_GIVEN:
        return ""
    if (low in AMBIGUOUS_GIVEN or listed(word, given_names())) and low not in ADJECTIVES:
        return "given"
    if listed(word, surnames()) and not inflected(low):
        return "surname"
    return ""


def _agent_noun(low: str) -> bool:
    """A verb with "-er" ("evader", "texter", "scammer"): an agent noun."""
    return len(low) >= 6 and low.endswith("er") and (
        base_verb(low[:-2]) or base_verb(low[:-1]) or (low[-3] == low[-4] and base_verb(low[:-3])))


def _glued(word: str, words: frozenset[str]) -> bool:
    """Two dictionary words typed together with the second capitalized ("forCracked"): a typo, not "McDonald"."""
    i = next((k for k in range(1, len(word)) if word[k].isupper() and word[k - 1].islower()), 0)
    return i > 0 and (word[:i].lower() in words or word[:i].lower() in SPACY_STOP) and (
        word[i:].lower() in words or inflected(word[i:].lower()))
