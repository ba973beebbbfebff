"""A record person's given name clipped to three or four letters that are a word or a month ("Dec" of DECLAN,
"Val" of VALENTINA, "Art" of ARTHUR), for ``verb_nicknames`` only: alone right before a narrative verb ("Dec saw
the fight", "dec said"), never after a determiner or before a number ("On Dec 3").

Why: ``variants.clipped_given`` takes clips of four letters or more that are no English word, anywhere; a shorter
or word-like clip is as often the word ("dec 3", "the val"), so it is the person only where a verb makes it one.
The given name must have five letters or more, the clip must be its first three or four letters, and the text must
hold the clip as a word (``TextView.word_starts``); a function word ("and" of ANDREA) is never one.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import CAPS_STOP_WORDS, fold
from redaction.wordtrie import trie_compile

_TOKEN = trie_compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def given_clips(value: str, words: Mapping[str, list[int]]) -> list[str]:
    """The clips (lower case) of the given name of the record name ``value`` that ``words`` (the text's lower-case
    words) holds."""
    given_part = value.split(",", 1)[1] if "," in value else value
    tokens = [t for t in _TOKEN.findall(given_part) if len(t) > 1]
    if not tokens:
        return []
    given = fold(tokens[0]).lower()
    if len(given) < 5 or not given.isalpha():
        return []  # "D'ANDRE" clips to no "and"
    return [given[:k] for k in (3, 4) if k <= len(given) - 2 and given[:k] in words
            and given[:k] not in STOP_WORDS and given[:k] not in CAPS_STOP_WORDS]
