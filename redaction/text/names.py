"""Names in any casing: words that may be a name where capitals give no hint, re-cased for the NER to judge.

spaCy's NER relies on capitals: "her roommate ngozi balogun" (typed in lower case) or "HER ROOMMATE NGOZI
BALOGUN" (terminal capitals) gives it nothing to go on. ``name_candidates`` picks the words that may be a
name whatever their case:

* up to three words right after a person cue ("roommate", "mother", "a/k/a", "Ms", "victim", ...), none of
  them a common or report word;
* a given name of the US Census 1990 first-name lists (public domain, shipped by the ``names`` package),
  when it is not also a common English word, and the word after it.

``recased`` writes a window of the text in ordinary sentence case with those words capitalized (same length,
same offsets), which is what the NER was trained on; its PERSON entities come back as detected names. A
cue-led given name the NER still rejects is kept anyway (recall first).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    SUFFIX_LOWER,
    US_STATES,
)

# Cues after which a name often follows, in any case. Relations first: the people named only in the text.
PERSON_CUES_ANY_CASE = [
    "roommate", "roomate", "mother", "father", "mom", "dad", "son", "daughter", "wife", "husband", "girlfriend",
    "boyfriend", "ex-boyfriend", "ex-girlfriend", "ex-husband", "ex-wife", "ex", "brother", "sister", "cousin",
    "uncle", "aunt", "nephew", "niece", "grandmother", "grandfather", "grandma", "grandpa", "grandson",
    "granddaughter", "stepfather", "stepmother", "stepson", "stepdaughter", "stepbrother", "stepsister",
    "neighbor", "neighbour", "friend", "coworker", "co-worker", "landlord", "landlady", "tenant", "manager",
    "employee", "supervisor", "boss", "partner", "fiance", "fiancee", "fiancé", "fiancée", "babysitter", "nanny",
    "caretaker", "caregiver", "guardian", "child", "baby", "witness", "victim", "suspect", "complainant", "caller",
    "driver", "passenger", "juvenile", "arrestee", "subject", "owner", "resident", "mr", "mrs", "ms", "miss",
    "dr", "named", "identified as", "known as", "a/k/a", "aka", "nicknamed", "goes by", "alias", "v/", "s/",
    "w/", "rp", "r/p", *(t.lower() for t in OFFICER_TITLES),
]
PARTICLES = {"de", "del", "della", "la", "le", "van", "von", "der", "den", "da", "di", "du", "dos", "das", "st",
             "st.", "san", "bin", "ibn", "al", "el", "ter", "ten"}
# Given names that are also everyday English words: never a candidate without a cue.
AMBIGUOUS_GIVEN = {
    "will", "may", "june", "april", "august", "mark", "bill", "art", "guy", "rich", "frank", "grant", "chase",
    "rose", "pat", "sue", "don", "ray", "joy", "hope", "faith", "grace", "summer", "autumn", "dawn", "eve",
    "iris", "ivy", "lily", "ruby", "amber", "crystal", "destiny", "jade", "misty", "sunny", "storm", "sky",
    "sandy", "rusty", "buddy", "major", "king", "prince", "earl", "duke", "carol", "jack", "jean", "lane",
    "dale", "glen", "wade", "miles", "young", "long", "gay", "an", "in", "so", "see", "ma", "pa", "al", "lee",
    "ivory", "page", "price", "christian", "else", "love", "star", "hunter", "penny", "bud", "cash",
    "cliff", "dean", "drew", "ed", "gene", "harry", "herb", "max",
    "nick", "norm", "rob", "rod", "sam",
    "van", "walker", "ward", "dusty", "early", "golden", "honey", "merry",
    "precious", "royal", "sonny", "sterling", "tiny", "velvet", "jewel", "marine", "black", "brown",
    "green", "white", "gray", "grey", "colt", "forest", "river", "rocky", "tex", "trinity", "porter",
    "taylor", "parker", "carter", "cooper", "mason", "baker", "tucker", "bishop", "deacon", "judge", "general",
    "sergeant", "officer",
}
_STOP = CAPS_STOP_WORDS | NOT_NAME_WORDS | SUFFIX_LOWER | US_STATES
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")
_CUE_RE = re.compile(
    r"(?<![\w/])(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in
                                sorted(PERSON_CUES_ANY_CASE, key=len, reverse=True))
    + r")(?:(?<=/)\s*|\.?,?\s+\(?)", re.IGNORECASE)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-case given names (US Census 1990 lists, ``names`` package) that are not common English words."""
    import names as census

    here = os.path.dirname(census.__file__)
    out: set[str] = set()
    for fn in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(here, fn), encoding="ascii") as fh:
            out.update(line.split()[0].lower() for line in fh if line.strip())
    return frozenset(w for w in out if len(w) >= 3 and w not in AMBIGUOUS_GIVEN and w not in _STOP)


def _name_like(word: str) -> bool:
    w = word.rstrip(".").lower()
    return len(w) >= 2 and w not in _STOP and not w.endswith(("ing", "ed", "ly")) or w in given_names()


def name_candidates(text: str) -> list[tuple[int, int]]:
    """Spans of words (not capitalized as names are in mixed-case text) that may be names: see the module doc."""
    out: list[tuple[int, int]] = []
    mixed = _mixed_case(text)
    for m in _CUE_RE.finditer(text):
        pos = m.end()
        n = 0
        while n < 3:
            w = _WORD.match(text, pos)
            if w is None:
                break
            word = w.group()
            if word.lower() in PARTICLES and n > 0:
                pos = _skip_space(text, w.end())
                continue
            if not _name_like(word):
                break
            if not (mixed and word[:1].isupper()):
                out.append(w.span())
            n += 1
            nxt = _skip_space(text, w.end())
            if nxt == w.end():
                break
            pos = nxt
    given = given_names()
    for w in _WORD.finditer(text):
        word = w.group()
        if (mixed and word[:1].isupper()) or word.lower() not in given:
            continue
        out.append(w.span())
        after = _WORD.match(text, _skip_space(text, w.end()))
        if after is not None and after.start() > w.end() and _name_like(after.group()):
            out.append(after.span())
    return sorted(set(out))


RELATION_CUES = PERSON_CUES_ANY_CASE[:PERSON_CUES_ANY_CASE.index("witness")]
_RELATION_RE = re.compile(
    r"(?<![\w/])(?:" + "|".join(re.escape(c) for c in sorted(RELATION_CUES, key=len, reverse=True))
    + r")(?:,?\s+\(?)", re.IGNORECASE)
_ROLE_RE = re.compile(r"(?<![\w/])(?:officer|ofc|p/o|po|complainant|victim|witness|suspect|sgt|det|cpl|lt)\.?\s+",
                      re.IGNORECASE)
_SHORT = re.compile(r"[^\W\d_]{2,3}(?![\w'’\-])")


def cued_names(text: str) -> list[tuple[int, int]]:
    """Names taken without the NER: a given name, or a word capitalized mid-sentence in mixed-case text, right
    after a relation ("her aunt Juniper", "his mother ngozi"); two or three letters after a role ("officer fq")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out: list[tuple[int, int]] = []
    mixed = _mixed_case(text)
    given = given_names()
    for m in _RELATION_RE.finditer(text):
        w = _WORD.match(text, m.end())
        if w is None or not _name_like(w.group()):
            continue
        word = w.group().rstrip(".")
        if word.lower() in given or (mixed and word[:1].isupper() and not word.isupper()):
            out.append((w.start(), w.start() + len(word)))
    for m in _ROLE_RE.finditer(text):
        w = _SHORT.match(text, m.end())
        if w is not None and w.group().lower() not in _STOP and w.group().lower() not in STOP_WORDS:
            out.append(w.span())
    return out


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _mixed_case(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return 0.0 < upper <= 0.5


def recased(text: str, lo: int, hi: int, words: list[tuple[int, int]]) -> str:
    """``text[lo:hi]`` in sentence case (lower case when the text is mostly capitals) with ``words`` capitalized."""
    chunk = list(text[lo:hi].lower() if not _mixed_case(text) else text[lo:hi])
    for s, e in words:
        if lo <= s < hi:
            k = s - lo
            up = chunk[k].upper()
            if len(up) == 1:
                chunk[k] = up
            for j in range(k + 1, min(e, hi) - lo):  # "O'DONNELL" -> "O'donnell" -> keep the inner capital
                if chunk[j - 1] in "'’-" and len(chunk[j].upper()) == 1:
                    chunk[j] = chunk[j].upper()
    out = "".join(chunk)
    return out if len(out) == hi - lo else text[lo:hi]
