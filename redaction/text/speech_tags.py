"""A word quoted before its speaker at a sentence's start ("Walk, Robert told her, just walk", "Wait, Tamika said, I
saw him"), not the surname of ``surname, given``.

Why: "W, Given" at a sentence's start reads as ``surname, given`` wherever W is a listed surname ("Walk", "Wait" are
rare ones). When a speech verb follows the given name, set off by a comma ("said,", "told her,") or ending the
sentence (``speech_tag``, which ``recognizers/street_word_surnames`` asks too), and W is a verb in its base form (an order: "walk",
"wait", "stop", "run") that is no common surname (the 1,000 most frequent: "Lane, Robert said, ..." stays a name),
W is the quoted word.
"""

from __future__ import annotations

import itertools
import os
from functools import lru_cache

from redaction.text.lexicon import lexicon
from redaction.text.names import AMBIGUOUS_GIVEN, given_names, surnames
from redaction.wordtrie import trie_compile

_COMMON_SURNAMES = 1000
_OPENS = trie_compile(r"(?:\A|[.!?:;\n\"“])[ \t\"“]*\Z")
_WORD_COMMA = trie_compile(r"([^\W\d_]+),[ \t]*[^\W\d_]+")


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """The 1,000 most frequent surnames of the 1990 census, lower case."""
    import names as census

    with open(os.path.join(os.path.dirname(census.__file__), "dist.all.last"), encoding="ascii") as fh:
        return frozenset(line.split()[0].lower() for line in itertools.islice(fh, _COMMON_SURNAMES))


# "Drive, Maria said, it is late": a word quoted before a speech tag, set off by commas (or a text's last words)
_SPEECH_TAG = trie_compile(r"[ \t]+(?i:said|says|yelled|yells|shouted|shouts|screamed|told[ \t]+\w+|replied|asked|"
                         r"whispered|called[ \t]+out)[ \t]*(?:(,)|[.!?]|\Z)")


def speech_tag(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ("Drive, Maria") is a quoted word and its speaker: a speech verb follows, set off by a
    comma ("Drive, Maria said, it is late"), or ending the sentence when the word is no listed name ("Drive, Maria
    said." but not "Lane, Robert said."); never a common surname ("Lane, Robert said, he was home")."""
    m = _SPEECH_TAG.match(text, end)
    if m is None:
        return False
    word = text[start:end].split(",")[0].strip().lower()
    if word in common_surnames():
        return False  # "Lane, Robert said, he was home": a common surname stays one
    return m.group(1) is not None or not (word in given_names() or word in AMBIGUOUS_GIVEN or word in surnames())


def quoted_word(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ("Wait, Tamika", or "Wait" alone) opens its sentence with a quoted order before its
    speaker."""
    m = _WORD_COMMA.match(text, start)
    if m is None or not _OPENS.search(text, max(0, start - 4), start):
        return False
    low = m.group(1).lower()
    return low in lexicon()[2] and low not in common_surnames() and speech_tag(text, start, m.end())
