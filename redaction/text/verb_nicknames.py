"""A record person's short form that is an everyday word or two letters ("bill", "jack", "Mo") or the initials of
their given and middle names ("tj" of THOMAS JAMES), alone in any case right before a narrative verb ("bill said",
"MO STATED", "tj ran"), or joined by "and" to another subject of such a verb ("jack and the victim argued",
"pat and rob were there"): the person, not the word. Never after a determiner ("the jack broke"), never before a
copula or an auxiliary ("bill was paid", "mark has"), which everyday nouns take as well."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.text.lexicon import noun
from redaction.text.names import CUE_WORDS, not_name_phrases
from redaction.text.value_match import DETERMINERS
from redaction.text.vocabulary import NARRATIVE_VERBS, irregular_verb_forms
from redaction.wordtrie import trie_compile

_NOT_AFTER_NOUN = frozenset({"was", "is", "were", "are", "has", "had", "got", "gets", "used", "uses", "shows",
                             "showed", "keeps", "kept", "plays", "played"})  # "mo came to the door": the person
_VERBS = sorted(NARRATIVE_VERBS - _NOT_AFTER_NOUN, key=lambda v: (-len(v), v))
_VERB = r"(?:" + "|".join(_VERBS) + r")\b"
# at a clause's start only: a past form in -ed ("deuce pulled", not "will need", "will proceed") or "was"/"is" and a
# verb in -ing ("rusty was fixing"; not "bill was paid", "kit was being", nor "the rape kit was missing": mid-clause)
_DEED = r"(?:[^\W\d_]{3,}(?<![e\s])ed|(?:was|is)\s+(?!being\b|going\b)[^\W\d_]{2,}ing)\b"
_CLAUSE_START = (r"(?:\A|(?<=[.!?;:,(\n])|(?<=[.!?;:,(\n]\s)|(?<=[.!?;:,(\n]\s\s)|(?<=\band\s)|(?<=\bthat\s)|(?<=\bsaid\s)|(?<=\bthen\s)|(?<=\bwhen\s)"
                 r"|(?<=\bbut\s))")
_PLURAL = r"(?:" + "|".join(_VERBS + ["were", "are"]) + r"|[^\W\d_]+ed)\b"  # "argued", "fought"
# before a narrative verb; or first of two subjects joined by "and" ("jack and the victim argued", "pat and rob
# were"); or the second of them ("pat and rob were")
_AFTER = (r"(?=\s+" + _VERB + r"|\s+and\s+(?:(?:the|his|her|my|their|a)\s+)?[^\W\d_]+\s+" + _PLURAL + ")")
_SECOND = r"(?<=\band )"
_NOT_DETERMINED = "".join(r"(?<!\b" + d + " )" for d in DETERMINERS + (  # "to rob and the clerk called"
    "to", "will", "would", "can", "could", "should", "did", "didnt", "not", "i", "you", "he", "she", "we", "they",
    "it", "who"))
_NAME_TOKEN = trie_compile(r"[^\W\d_]+")


def given_initials(value: str) -> str:
    """The initials of a "SURNAME, GIVEN MIDDLE" record name's given and middle names ("tj"), or ""."""
    if "," not in value:
        return ""
    words = [w for w in _NAME_TOKEN.findall(value.split(",", 1)[1]) if len(w) > 1 and w.lower() not in
             {"jr", "sr", "ii", "iii", "iv"}]
    return (words[0][0] + words[1][0]).lower() if len(words) == 2 else ""


# The parts of one search, compiled once (a regex joining them around each record's words took ~25 ms to compile per
# distinct set of words: most records have their own). ``_find`` tries them where a word occurs, as that regex would.
_HEAD = trie_compile(r"(?<![\w'’\-])" + _NOT_DETERMINED, re.IGNORECASE)
_BRANCHES = ((None, trie_compile(_AFTER, re.IGNORECASE)),  # "bill said"
             (trie_compile(_SECOND, re.IGNORECASE), trie_compile(r"(?=\s+" + _PLURAL + ")", re.IGNORECASE)),  # "and rob were"
             (trie_compile(_CLAUSE_START, re.IGNORECASE), trie_compile(r"(?=\s+" + _DEED + ")", re.IGNORECASE)))  # "rusty was fixing"


@lru_cache(maxsize=4096)
def _word(word: str) -> re.Pattern:
    return re.compile(re.escape(word), re.IGNORECASE)


@lru_cache(maxsize=4096)
def _words(words: tuple[str, ...]) -> tuple[re.Pattern, list[re.Pattern]]:
    """Where any of ``words`` starts, and each word's own regex, longest first (the alternation's order)."""
    starts = re.compile("(?=" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)
    return starts, [_word(w) for w in sorted(words, key=lambda w: (-len(w), w))]


def _find(folded: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """What ``finditer`` of ``HEAD (?:W AFTER | SECOND W PLURAL | CLAUSE W DEED)`` finds, ``W`` the alternation of
    ``words`` longest first: at each position where a word starts, the first branch and then the first word whose
    tail holds; the next search starts after the match."""
    starts, ordered = _words(words)
    found: list[tuple[int, int]] = []
    end = 0
    for start in starts.finditer(folded):
        p = start.start()
        if p < end or _HEAD.match(folded, p) is None:
            continue
        span = next(((p, m.end()) for head, tail in _BRANCHES if head is None or head.match(folded, p) is not None
                     for rx in ordered if (m := rx.match(folded, p)) is not None and tail.match(folded, m.end())), None)
        if span is not None:
            found.append(span)
            end = span[1]
    return found


def verb_nicknames(folded: str, words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Where a word of ``words`` (lower case) stands alone before a narrative verb in ``folded`` (the text folded
    to ASCII, same offsets). A plain ``in`` test on the lower-case text gates the regex."""
    low = folded.lower()
    here = tuple(w for w in words if w in low)
    if not here:
        return []
    found = _find(folded, here)
    if not found:
        return []
    things = not_name_phrases(folded)  # "pat searched him": police procedure, no person
    return [(s, e) for s, e in found if not any(a <= s < b for a, b in things) and not _noun_verb(folded, s, e)]


_WORD_BEFORE = trie_compile(r"(?<![\w'’\-])([^\W\d_]+)[ \t]+\Z")


def _noun_verb(folded: str, s: int, e: int) -> bool:
    """A past verb form ("rose") right after a noun that is no relation or role word: "the sun rose and the crowd
    left" is the noun's verb, not the person ("her son rose and ..." stays the relation's name)."""
    if folded[s:e].lower() not in irregular_verb_forms():
        return False
    m = _WORD_BEFORE.search(folded, max(0, s - 24), s)
    prev = m.group(1).lower() if m is not None else ""
    return noun(prev) and prev not in CUE_WORDS and prev not in STOP_WORDS
