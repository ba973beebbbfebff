"""Parts of speech of English words (the spaCy model's WordNet lemma index and its irregular forms), for the
precision pass (``negatives``): which words a name guess took are verbs, nouns, adjectives or adverbs.
"""

from __future__ import annotations

from redaction.text.names import AMBIGUOUS_GIVEN, given_names, surnames
from redaction.text.vocabulary import dictionary_words
from redaction.text.word_pos import ADVERBS as _ADVERBS
from redaction.text.word_pos import base_verb, lexicon

__all__ = ["adverb_only", "base_verb", "common", "lexicon", "listed", "noun", "noun_only", "s_verb"]


def listed(low: str) -> bool:
    """A listed given name or surname."""
    return low in given_names() or low in surnames()


def adverb_only(low: str) -> bool:
    """An adverb that is no noun, adjective or verb ("maybe", "probably"): never a name."""
    adj, _nouns, verbs, _ = lexicon()
    return low in _ADVERBS and low not in adj and low not in verbs and not noun(low) and not listed(low) \
        and low not in AMBIGUOUS_GIVEN


def s_verb(low: str) -> bool:
    """A verb in -s ("requests", "hangs", "identifies", "pushes") that no name list holds ("Banks", "Brooks" are
    surnames)."""
    if len(low) <= 3 or not low.endswith("s") or listed(low):
        return False
    return base_verb(low[:-1]) or (low.endswith("ies") and base_verb(low[:-3] + "y")) or (
        low.endswith("es") and base_verb(low[:-2]))


def noun(low: str) -> bool:
    """A noun, or the plural of one."""
    nouns = lexicon()[1]
    return low in nouns or (low.endswith("s") and low[:-1] in nouns) or (low.endswith("es") and low[:-2] in nouns)


def common(low: str) -> bool:
    """A common English word: an adjective, a verb, a noun or any word of the lemma index."""
    adj, nouns, verbs, _ = lexicon()
    return low in adj or low in verbs or low in dictionary_words() or noun(low)


def noun_only(low: str) -> bool:
    """A noun that is no adjective, verb or adverb ("lakshmi", "table"; not "silver", "rich", "grant")."""
    adj, nouns, verbs, _ = lexicon()
    return low in nouns and low not in adj and low not in verbs and low not in _ADVERBS
