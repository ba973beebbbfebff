"""The speaker of a one-line chat or text message, named before its colon ("tasha: where r u", "Marcus: omw",
"kev: stop texting me", "Screenshot shows dre: im outside"), in any casing.

Why: a message's speaker stands alone at a line's start (or after an opening quote or "shows", "read", "said"),
with no cue word before it, so only the NER could take it, and it passes a short or capitalized one by ("Marcus:
omw" in mixed case). The word is the speaker when it is a listed given name or short form, or a name no dictionary
holds (``word_kind`` "strong"), and what follows the colon reads as a message: a texting word ("omw", "u", "lol",
"im") or a first- or second-person pronoun. A given name that is also a word ("Will", "Grant") needs a texting word.
Labels ("note: where r u", "update: omw", "suspect: omw", "fyi: omw") are no listed name and stay.
"""

from __future__ import annotations

import re

from redaction.text.cue_words import TEXTING_WORDS
from redaction.text.names import AMBIGUOUS_GIVEN, given_names
from redaction.text.nicknames import short_forms
from redaction.text.vocabulary import REPORT_ABBREVIATIONS
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

# Before a colon: the speaker, at a line's start, after an opening quote or after "shows", "read", "said" ...
_SPEAKER = trie_compile(r"(?:^|(?<=[\"“‘])|(?<![\w'’])(?i:shows|showed|read|reads|says|said|texted|sent|saying)[ \t]+)"
                      r"[ \t]*([^\W\d_]{2,}(?:['’\-][^\W\d_]+)*)[ \t]*\Z", re.MULTILINE)
_VOWEL = trie_compile(r"[aeiouy]")
_MSG_WORD = trie_compile(r"[^\W\d_]+")
_CHAT = TEXTING_WORDS | {"u", "r", "ya", "omw", "rn", "wya", "wyd", "wru", "hbu", "lmk", "ily", "bruh", "fr", "ngl",
                         "lmao", "tf", "smh", "ok", "k", "yo", "sup", "otw", "asap", "bet"}
_PERSONS = frozenset({"i", "me", "my", "you", "your", "we", "us", "our"})


def _speaker(word: str) -> bool:
    low = word.lower()
    return low in given_names() or low in short_forms() or (word_kind(word) == "strong" and low not in
                                                              REPORT_ABBREVIATIONS and len(low) > 3
                                                              and _VOWEL.search(low, 1) is not None)  # not "attn"


def chat_speakers(text: str) -> list[tuple[int, int]]:
    """The speaker's name before a chat message's colon (see the module doc)."""
    if ":" not in text:
        return []
    out: list[tuple[int, int]] = []
    colon = text.find(":")
    while colon > 0:
        at, colon = colon, text.find(":", colon + 1)
        if text[at + 1:at + 2] not in (" ", "\t"):
            continue  # "10:42", "http:"
        m = _SPEAKER.search(text, max(0, at - 48), at)
        if m is None or not _speaker(m.group(1)):
            continue
        end = text.find("\n", at)
        said = {w.lower() for w in _MSG_WORD.findall(text, at + 1, min(at + 121, len(text) if end < 0 else end))}
        if said & _CHAT or (said & _PERSONS and m.group(1).lower() not in AMBIGUOUS_GIVEN):
            out.append(m.span(1))
    return out
