"""Cues that tell apart people who share a name word, beside those of ``identity`` (its step 3, continued).

``identity.number_people`` reads a lone word shared by two people (a surname of relatives, initials) by a title's
or kinship noun's gender, a kinship noun right before it and a second mention in one sentence. These cues
read a little more of the sentence, and each names *another* person than the obvious one:

* **A relative of a possessor**: "talked to Jeon's mother, Ms. Jeon", "Sandhu's father Mr. Sandhu", "R.S.'s
  sister R.S.": the word after the kinship noun names a relative of the one before it, never that one.
* **Twins in a list**: "the minors R.S. and R.S.", "Ms. Santos and Ms. Santos", "RG OR RG", "Ms. Ng (the mother)
  and Ms. Ng (the aunt)": the same name twice, joined by "and", "or", "&", "/" or a comma (a short bracketed note
  between), is two people (nobody is listed beside themselves).
* **Another form in the same sentence**: "Devendra said Mr. Love was home", "Tran said Minh was driving": when a
  sentence already named one of the people sharing the word by other words (a given name, another surname),
  the word is another of them; a writer who meant the same person would have written "he" or "himself".
* **Jr., Sr., II, III**: "Terrell Hughes" and "Terrell Hughes Jr." are two people (a father and his son), so are
  "Tomas Greer" and "Tomas Greer Sr.", and "Hughes Sr." is the one never called junior.

What a careful editor does with a surname alone that two people share and that no cue decides ("Hector Ruiz and
Ana Ruiz were interviewed. Ruiz said the door was unlocked"): the text itself does not say who spoke, so no
placeholder can be right for sure. A third number would invent a third person; the numbering gives it the
number of the record's subject, else of the one mentioned last (``identity``'s last rule), which is how most
readers take it and never adds a person who is not there. These cues only narrow the choice; when none applies
that convention stands.
"""

from __future__ import annotations

import re

from redaction.wordtrie import trie_compile

_TITLE = r"(?:(?:mr|mrs|ms|miss|mx|dr)\.?\s+)?"
_KIN_NOUN = r"(?:ex-|step-?|great-)*[^\W\d_]+(?:-in-law)?"
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SUFFIX_AFTER = trie_compile(r",?\s*(jr|sr|ii|iii|iv)\b\.?", re.IGNORECASE)
_ANY_SUFFIX = trie_compile(r"(?<![\w'’])(?:jr|sr|ii|iii|iv)\b", re.IGNORECASE)
_SUFFIX_END = trie_compile(r"(?<![\w'’])(jr|sr|ii|iii|iv)\.?\Z", re.IGNORECASE)


# What stands between the possessor and the mention ("'s mother, Ms. "), and between two mentions (" and Ms. ").
_POSSESSIVE_KIN = trie_compile(r"['’]s?\s+" + _KIN_NOUN + r"\s*,?\s+" + _TITLE + r"\Z", re.IGNORECASE)
_JOIN = trie_compile(r"(?:\s*\([^()]{1,30}\))?\s*(?:,|\band\b|\bor\b|&|/)\s*" + _TITLE + r"\Z",
                   re.IGNORECASE)  # "Ms. Ng (the mother) and Ms. Ng"


def _written_before(text: str, at: int, surface: str) -> int | None:
    """Where ``surface`` starts when it ends at ``at`` as a whole word (any case), else None."""
    start = at - len(surface)
    if start < 0 or text[start:at].lower() != surface.lower():
        return None
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’_"):
        return None
    return start


def possessor_start(text: str, s: int, e: int) -> int | None:
    """Where the possessor of the kinship noun before the mention ``text[s:e]`` starts, when it is written with the
    mention's own words ("Jeon's mother, Ms. Jeon"): that one is a relative, not the mention. None otherwise."""
    before = text[max(0, s - 40):s]
    if "'" not in before and "’" not in before:
        return None
    m = _POSSESSIVE_KIN.search(text, max(0, s - 40), s)
    return _written_before(text, m.start(), text[s:e]) if m else None


def twin_before(text: str, s: int, e: int) -> bool:
    """The mention ``text[s:e]`` follows the same words, only a conjunction between ("R.S. and R.S.")."""
    m = _JOIN.search(text, max(0, s - (44 if ")" in text[max(0, s - 14):s] else 12)), s)
    return m is not None and _written_before(text, m.start(), text[s:e]) is not None


def suffix_of(text: str, s: int, e: int) -> str:
    """The generational suffix ending the name ``text[s:e]`` or right after it ("Jr", "Sr", "III"), lower case, or
    ""."""
    m = _SUFFIX_AFTER.match(text, e) or _SUFFIX_END.search(text, s, e)
    return m.group(1).lower() if m else ""


def has_suffix(text: str) -> bool:
    """Whether ``text`` holds a generational suffix at all (the numbering reads them only then)."""
    return _ANY_SUFFIX.search(text) is not None


def by_suffix(suffix: str, cands: list[int], seen: dict[int, set[str]], full: bool = False) -> list[int]:
    """``cands`` that a mention with generational ``suffix`` may be: "Terrell Hughes Jr." is not the person written
    "Terrell Hughes" (or "... Sr."), "Hughes Sr." not the one written "... Jr." or "... II" (a son named for his
    father), and a ``full`` name with "Sr." not the one written in full without it (``seen``: each person's suffixes
    in full names so far, "" for none). Empty: someone new."""
    if suffix == "sr" and full:  # "Tomas Greer and Tomas Greer Sr.": the one written in full without it is his son
        return [k for k in cands if "sr" in seen.get(k, ()) or not seen.get(k)]
    if suffix == "sr":
        return [k for k in cands if "sr" in seen.get(k, ()) or not seen.get(k, set()) & {"jr", "ii", "iii", "iv"}]
    return [k for k in cands if suffix in seen.get(k, ()) or not seen.get(k)]


def other_form_met(met: list[tuple[int, frozenset[str]]], keys: frozenset[str], cands: list[int]) -> list[int]:
    """``cands`` without the people this sentence already named by other words than ``keys`` (``met``: the
    sentence's (person, words) so far); all of them when that would leave none."""
    named = {pid for pid, words in met if not words & keys}
    rest = [k for k in cands if k not in named]
    return rest if rest and len(rest) < len(cands) else cands


_COMMA = trie_compile(r"\s*,\s*")
_AND = trie_compile(r"\s*,?\s+(?:and|&)\s+", re.IGNORECASE)
_LIST_BEFORE = trie_compile(r",\s*\Z")
_LIST_AFTER = trie_compile(r"\s*(?:,|(?:and|&|or)\s)", re.IGNORECASE)
_AND_ANY = trie_compile(r"\sand\s|&", re.IGNORECASE)
_WORD = trie_compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_LF_SPAN = trie_compile(_WORD.pattern + r"\s*,\s*" + _WORD.pattern)


def paired_lf(text: str, spans: list[tuple[int, int]], lone: list[bool]) -> list[tuple[int, int]]:
    """Indexes (into ``spans``, in text order) of ``surname, given`` pairs that a list of two makes plain: "balogun,
    nguyet and fifita, chance", single words with a comma in each pair and "and" between the pairs (four people
    would be listed "a, b, c and d"), each pair found as one span or as two. Not inside a longer list."""
    def item(j: int) -> tuple[int, tuple[int, int] | None] | None:  # an item written ``last, first`` from span j
        if _LF_SPAN.fullmatch(text, *spans[j]):
            return j + 1, None
        if j + 1 < len(spans) and all(lone[j:j + 2]) and all(_WORD.fullmatch(text, *spans[k]) for k in (j, j + 1)) \
                and _COMMA.fullmatch(text, spans[j][1], spans[j + 1][0]):
            return j + 2, (j, j + 1)
        return None

    out: list[tuple[int, int]] = []
    if "," not in text or not _AND_ANY.search(text):
        return out
    for k in range(1, len(spans)):  # k: the first span after "and"
        gap = text[spans[k - 1][1]:spans[k][0]]
        if len(gap) > 8 or not _AND.fullmatch(gap):
            continue
        first = next((f for j in (k - 1, k - 2) if j >= 0 and (f := item(j)) is not None and f[0] == k), None)
        second = item(k)
        if first is None or second is None:
            continue
        j = k - 1 if first[1] is None else k - 2
        if _LIST_BEFORE.search(text, max(0, spans[j][0] - 3), spans[j][0]) \
                or _LIST_AFTER.match(text, spans[second[0] - 1][1]):
            continue
        out += [p for p in (first[1], second[1]) if p is not None]
    return out
