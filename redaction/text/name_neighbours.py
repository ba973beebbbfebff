"""Names next to a name already found, by their place beside it (``redactor._around_names`` asks after each pass).

* ``surnames_before``: ``surname, given`` in any case, found from the given name: the word before ", " and a
  found one-word name is its surname when it is a listed surname or an unknown word ("hughes, omar",
  "okafor, d'andre"), or any word but a function word after a party's role label ("Suspect: FORD, ROBERT").
* ``particles_before``: the particles opening a surname found without them ("le [blanc] did not").
* ``surname_after``: the surname right after a found name, with particles ("[concepción] ní bhriain") or a middle
  initial between ("W - [DARNELL] L NGUYEN").
* ``given_before``: the given name before a found surname ("łukasz [hughes]").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP

from redaction.recognizers.street_word_surnames import street_surname, street_surname_ok
from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, SUFFIX_LOWER, fold
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    PARTICLES,
    given_names,
    irregular_verb,
    mixed_case,
    surnames,
)
from redaction.text.ner_edges import closing_at, noun_at, tail_word
from redaction.text.positions import (  # the sentence-position rules' word sets and tests, shared
    _DETERMINERS,
    _FUNCTION,
    _NOT_AFTER,
    _NOT_GIVEN,
    _ROLE_LABEL,
    _VERBISH_GIVEN,
    _WORD_BEFORE,
    ADVERB_SURNAMES,
    _common,
    _no_possessive,
    _street,
)
from redaction.text.speech_tags import quoted_word
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS, dictionary_words, unknown_word
from redaction.text.word_kinds import listed as _listed
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_BEFORE_COMMA = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")\s*,\s*\Z")
_ON_BEFORE = trie_compile(r"(?<![\w'’\-])(?i:on|off)[ \t]+\Z")  # "on duty, marisol", "off call, ..."


def surnames_before(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The surname before ", " and a found one-word name (``surname, given``), see the module doc."""
    out: list[tuple[int, int]] = []
    family = surnames()
    for s, e in spans:
        if len(text[s:e].split()) != 1:
            continue
        m = _BEFORE_COMMA.search(text, max(0, s - 40), s)
        if m is not None and quoted_word(text, m.start(1), e):
            continue  # "wait, tamika said, i saw him": the quoted order (speech_tags.py)
        if m is not None and _ROLE_LABEL.search(text, max(0, m.start(1) - 24), m.start(1)) \
                and m.group(1).lower() not in _FUNCTION and m.group(1).lower() not in SPACY_STOP:
            out.append(m.span(1))  # "Suspect: FORD, ROBERT", "Witness: Rose, Maria": the label says who follows
            continue
        if m is not None and street_surname(m.group(1)) and not (m.group(1).islower() and mixed_case(text)) \
                and street_surname_ok(text, m.start(1), e):
            out.append(m.span(1))  # "contacted court, tamika": a street word's surname after a cue ("Went to court,
            continue  # Tamika said": a lower-case word in mixed-case text is the word)
        if m is None or _common(m.group(1)) or m.group(1).lower() in PARTICLES:
            continue
        if text[max(0, m.start(1) - 3):m.start(1)].lower() == "in " or noun_at(text, m.start(1)) \
                or closing_at(text, m.start(1)) or (_ON_BEFORE.search(text, max(0, m.start(1) - 5), m.start(1))
                                                    and not unknown_word(m.group(1))):
            continue  # "my sister in law, rukhsana", "across the hall, dolores", "the ra on duty, marisol"
        if _listed(m.group(1), family) or unknown_word(m.group(1)):
            out.append(m.span(1))
    return out


_WORD_AFTER = trie_compile(r"[ \t](" + _NAME + r")(?=[ \t]*(?:([^\W\d_]+)|[^\w]|\Z))")
_NO_SURNAME = frozenset({"white", "black", "brown", "gray", "grey", "green", "tan", "male", "female", "young", "long"})


_NAME_PARTICLES = sorted(PARTICLES - {"st.", "st"} | {"los", "las"}, key=len, reverse=True)
_PARTICLES_THEN_NAME = trie_compile(r"((?:[ \t]+(?i:" + "|".join(_NAME_PARTICLES) + r")){1,3})[ \t]+(" + _NAME
                                  + r")(?![\w'’\-])")
_PARTICLES_BEFORE = trie_compile(r"(?<![\w'’\-])((?:(?i:" + "|".join(_NAME_PARTICLES) + r")[ \t]+){1,3})\Z")


def _particle_surname(text: str, e: int) -> tuple[int, int] | None:
    """Particles and the surname they open right after a found name ("[concepción] ní bhriain", "[pieter] van der
    berg"): the surname no function, report or verb word."""
    m = _PARTICLES_THEN_NAME.match(text, e)
    if m is None:
        return None
    low = fold(m.group(2)).lower()
    if low in SPACY_STOP or low in CAPS_STOP_WORDS or low in NARRATIVE_VERBS or low.endswith(("ing", "ed")):
        return None
    return m.start(1) + len(m.group(1)) - len(m.group(1).lstrip()), m.end(2)


def particles_before(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The particles opening a surname found without them ("le [blanc] did not", "de los [santos] says"), not an
    article after a determiner ("the van [smith]")."""
    out: list[tuple[int, int]] = []
    for s, _e in spans:
        m = _PARTICLES_BEFORE.search(text, max(0, s - 16), s)
        if m is None:
            continue
        prev = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if prev is not None and prev.group(1).lower() in _DETERMINERS | _FUNCTION:
            continue
        given = prev is not None and word_kind(prev.group(1)) in ("strong", "given", "weak") \
            and prev.group(1).lower() not in _NOT_GIVEN  # "jae-hyun ní [bhriain]": the given name before them too
        out.append((prev.start(1) if given and prev is not None else m.start(1), m.start(1) + len(m.group(1).rstrip())))
    return out


def surname_after(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The word right after a found name that is a surname no rule took ("[Alejandro García] López", "[nguyen thi]
    lan"): a word no vocabulary holds or a listed surname (accents folded), not a colour, a verb or a street; or
    particles and the surname they open ("[concepción] ní bhriain"); or a middle initial and such a surname after it
    ("W - [DARNELL] L NGUYEN", "[tamika] d. balogun"), as export forms write a name."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        particled = _particle_surname(text, e)
        if particled is not None:
            out.append(particled)
            continue
        m = _WORD_AFTER.match(text, e)
        if m is None or text[e - 2:e].lower() in ("'s", "’s"):
            continue
        if len(m.group(1)) == 1:  # a middle initial: the surname is the word after it
            dot = m.end(1) + (text[m.end(1):m.end(1) + 1] == ".")
            last = _WORD_AFTER.match(text, dot)
            if last is not None and len(last.group(1)) > 1 and _surname_there(text, s, e, last):
                out.append((m.start(1), last.end(1)))
        elif _surname_there(text, s, e, m):
            out.append(m.span(1))
    return [_no_possessive(text, sp) for sp in out]


def _surname_there(text: str, s: int, e: int, m: re.Match[str]) -> bool:
    """``m`` (``_WORD_AFTER``, after the name at ``s:e``) is a surname: see ``surname_after``."""
    word, nxt = m.group(1), (m.group(2) or "").lower()
    low = fold(word).lower()
    if low in _NO_SURNAME or tail_word(low) or low in ADVERB_SURNAMES or low in NARRATIVE_VERBS or low in CAPS_STOP_WORDS or low in CUE_WORDS or (_street(
            text, m, 1) and not _cued_suffix(text, s, m)) or low.endswith(("ing", "ed")) or nxt in SUFFIX_LOWER \
            or (low in SUFFIX_LOWER and not _cued_suffix(text, s, m)) or low in REPORT_ABBREVIATIONS \
            or irregular_verb(low):  # "her partner [wes] began cpr"
        return False
    return bool(word_kind(word) in ("strong", "weak") or (low in surnames() and low not in dictionary_words())
                or _cued_suffix(text, s, m) or _third_titled(text, s, e, word, low))


def _third_titled(text: str, start: int, end: int, word: str, low: str) -> bool:
    """A listed surname in Title case right after a two-word Title-case name, in mixed-case text: a second surname
    ("[Marisol Quintanilla] Reyes"), as Spanish and Portuguese names carry one, even when a dictionary lists it."""
    name = text[start:end].split()
    return (len(name) == 2 and all(w.istitle() for w in name) and word.istitle() and low in surnames()
            and low not in NOT_NAME_WORDS and low not in AMBIGUOUS_GIVEN
            and mixed_case(text))


def _cued_suffix(text: str, start: int, m: re.Match[str]) -> bool:
    """A street word ("lane", "hill") right after a name that a relation word opens ("my friend [rocky] lane at"):
    a surname, as "Ms. Summer Lane" is, unless a street suffix or a house number follows."""
    prev = _CUE_BEFORE.search(text, max(0, start - 30), start)
    nxt = (m.group(2) or "").lower()
    return prev is not None and prev.group(1).lower() in CUE_WORDS and nxt not in SUFFIX_LOWER \
        and fold(m.group(1)).lower() in _SUFFIX_NAMES


_CUE_BEFORE = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")[ \t]*[(,]?[ \t]*\Z")
_SUFFIX_NAMES = frozenset({"lane", "hill", "park", "ford", "brook", "wood", "woods", "rivers", "banks", "way", "field",
                           "fields", "lake", "pike", "ridge", "glen", "dale", "cross", "grove", "court", "place"})


def given_before(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The given name right before a found name ("łukasz [hughes]", "OLUWASEUN [SANTOS]", "will [anderson]"): a
    listed or unknown word, or an everyday word that is also a given name when written like the name after it and
    not after "to" or a modal ("to chase [smith]" is a verb)."""
    out: list[tuple[int, int]] = []
    given = given_names()
    for s, _e in spans:
        m = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if m is None or m.group(1).lower() in _NOT_GIVEN:
            continue
        word, after = m.group(1), text[s:s + 1]
        prev = _WORD_BEFORE.search(text, max(0, m.start(1) - 30), m.start(1))
        if prev is not None and prev.group(1).lower() in _DETERMINERS:
            continue  # "over the lane [X]", "a Berkeley [X]": a thing before a name, not a given name
        if _listed(word, given) or unknown_word(word):
            out.append(m.span(1))
        elif word.lower() in AMBIGUOUS_GIVEN and word[:1].isupper() == after.isupper() and (
                prev is None or prev.group(1).lower() not in _NOT_AFTER or word.lower() not in _VERBISH_GIVEN):
            out.append(m.span(1))
    return out


