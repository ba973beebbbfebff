"""Full names run together with no punctuation between them ("cc lakshmi takahashi margaret holloway katarzyna
al-masri", "tagged Richard Boateng nnamdi dasgupta") are cut into one PERSON span per name, so that each person
gets a placeholder number of their own (issue 15: placeholders identify people). The words redacted stay the same.

Where a run is cut, by one cue at a time (a piece always keeps two name words at least; a particle joins the word
after it: "Haruto van der Merwe" is two):

* **six words or more, an even number**: given names and surnames in pairs ("xiomara okafor Graciela Eze rosario
  siddiqui"); a single name of six words without a particle is rarer than a list of three;
* **the casing changes** between two pairs written each in one casing ("Katherine Kowalczyk JESÚS ABU-KHALIL");
* **a listed given name after a word that is none**, two words or more from either end ("Mary Smith John Doe").

"Maria Elena Garcia Lopez" is left whole: four words, one casing, and "Garcia" is no given name.
"""

from __future__ import annotations

import re

from redaction.recognizers.words import fold
from redaction.text.alias_cues import cue_inside
from redaction.text.names import CUE_WORDS, PARTICLES, given_names
from redaction.wordtrie import trie_compile

_UNIT = trie_compile(r"(?:(?:" + "|".join(sorted((re.escape(p) for p in PARTICLES | {"los", "las"}), key=len, reverse=True))
                   + r")\s+)*[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.IGNORECASE)
_PLAIN = trie_compile(r"[^\W\d_]+(?:['’\-\s]+[^\W\d_]+)*")


def _style(word: str) -> str:
    last = word.split()[-1]
    return "upper" if last.isupper() else "lower" if last.islower() else "title"


def _given(word: str) -> bool:
    return " " not in word and fold(word).lower() in given_names()


def cut_runs(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``(s, e)`` cut into one span per full name when it runs several together (module docstring)."""
    if text.count(" ", s, e) < 3 or not _PLAIN.fullmatch(text, s, e) or cue_inside(text, s, e) is not None:
        return [(s, e)]  # "Orlando Baptiste alias Nisha alias Dee": one person
    units = [(m.start(), m.end(), m.group()) for m in _UNIT.finditer(text, s, e)]
    n = len(units)
    if n < 4 or any(fold(u[2]).lower() in CUE_WORDS for u in units):
        return [(s, e)]
    cuts: list[int] = []
    if n >= 6 and n % 2 == 0:
        cuts = list(range(2, n, 2))
    else:
        words = [u[2] for u in units]
        for i in range(2, n - 1):
            if cuts and i - cuts[-1] < 2:
                continue
            styles = {_style(w) for w in words[i - 2:i]}, {_style(w) for w in words[i:i + 2]}
            cased = len(styles[0]) == 1 and len(styles[1]) == 1 and styles[0] != styles[1]
            if cased or (_given(words[i]) and not _given(words[i - 1])):
                cuts.append(i)
    if not cuts:
        return [(s, e)]
    bounds = [0, *cuts, n]
    return [(units[a][0], units[b - 1][1]) for a, b in zip(bounds, bounds[1:], strict=False)]
