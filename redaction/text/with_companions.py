"""A companion named by a given name that is also a word or gear, after "was with", "left with", "arrived with" ...
in mixed-case text ("Victim was with Dirk at the time", "She left with Chase around 2200", "He arrived with Cash and
two others").

Why: the NER reads a lone word-name after "with" as the word ("cash", "chase", "dirk"), and no cue rule takes a
word after these verbs. A capital inside mixed-case text marks a name there; in lower case or capitals the word
stays what it says ("left with cash", "LEFT WITH CASH"), and so does one after a thing's verb ("armed with a dirk",
"paid with Cash": those verbs are not listed here). A thing's word after the name ("left with Chase card"), or a
capitalized one no name list holds ("was with Ashby Towing"), keeps it.
"""

from __future__ import annotations

from redaction.recognizers.words import fold
from redaction.text.names import AMBIGUOUS_GIVEN, given_names, mixed_case, surnames, title_cased
from redaction.text.vocabulary import NARRATIVE_VERBS, dictionary_words
from redaction.wordtrie import trie_compile

_COMPANION = trie_compile(
    r"(?<![\w'’])(?i:was|were|is|are|am|been|being|be|left|leaving|leave|leaves|arrived|arriving|came|come|coming|"
    r"went|going|stayed|staying|stays|lives|living|lived|live|hung[ \t]+out|hanging[ \t]+out|hangs[ \t]+out|argued|"
    r"arguing|argues|fought|fighting|fights|talking|talked|spoke|speaking|met|meeting|walked|walking|drove|driving|"
    r"ran|running|fled|slept|sleeping|partying|chilling|dating|together)[ \t]+(?i:with)[ \t]+"
    r"([^\W\d_][^\W\d_]+)(?![\w'’\-])(?:[ \t]+([^\W\d_]+))?")


_GATE = trie_compile(r"[ \t](?i:with)[ \t]+[A-Z][a-z]")  # the cheap test first: a capital after "with"
_LETTERS = trie_compile(r"[^\W\d_]+")


def _thing_after(word: str | None) -> bool:
    """A dictionary word after the name that is no function word or verb: "Chase card", "Cash app"; capitalized, one
    that no name list holds ("Ashby Towing", "Chase Bank"): a business's name."""
    if word is None:
        return False
    from spacy.lang.en.stop_words import STOP_WORDS

    low = word.lower()
    if not word.islower():
        return word[1:].islower() and low in dictionary_words() and low not in given_names() \
            and low not in surnames() and low not in STOP_WORDS
    return low in dictionary_words() and low not in STOP_WORDS and low not in NARRATIVE_VERBS \
        and not low.endswith(("ed", "ing", "ly"))


def with_companions(text: str) -> list[tuple[int, int]]:
    """The capitalized given names after a companion's "with" in mixed-case text (see the module doc)."""
    if _GATE.search(text) is None or not mixed_case(text) or title_cased(text, 0.7):
        return []
    words = _LETTERS.findall(text)
    if 2 * sum(w[:1].isupper() for w in words) >= len(words):
        return []  # "Left With Cash": half the words capitalized, a capital marks no name
    given = given_names()
    out: list[tuple[int, int]] = []
    for m in _COMPANION.finditer(text):
        word = m.group(1)
        if not (word[:1].isupper() and word[1:].islower()):
            continue
        low = fold(word).lower()
        if (low in given or low in AMBIGUOUS_GIVEN) and not _thing_after(m.group(2)):
            out.append(m.span(1))
    return out
