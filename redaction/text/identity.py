"""Placeholders identify people, not surnames: which PERSON spans of a record are one person, numbered 1, 2, ...

A reader of the release can only follow a narrative if ``[PERSON 2]`` is one person throughout, and two people
never share a number. ``number_people`` decides it from the spans' words, the record's names and a few cues in
the text, in three steps.

1. **Mentions written as one.** Spans that the text itself ties together are one person before anything else:
   a name and its alias next to each other with only an alias cue, a bracket or quotes between them
   ('Terrell Jones a/k/a "Smoke"', 'Folake (Scrappy) Iyer', 'NAME: X | MONIKER: Y'); '"Smoke" is Ann Lee's
   street name'; a lower-case ``surname, given`` found as two spans ("tsosie, marcus") when the first word is
   a surname (a census surname, or the last word of another name in the text) and the second a given name;
   an alias after "they call him/her", "goes by" or "(real name ...)" with no name of its own before the cue,
   which is the person mentioned last.
2. **Whose words.** A mention belongs to the person (a record person, or one met earlier in the text) whose
   words hold all its words ("Guadalupe Przybylski", "PRZYBYLSKI" and "Ms. Przybylski" are one person); a
   mention holding all the words of a record person is that person even with extra words; a mention with a
   name word the person lacks is someone else ("Svetlana Fox" is not the victim "FOX, TATIANA"), and a longer
   form of a name met only in the text joins it ("Balogun", later "Ngozi Balogun"). A short form that no
   person holds is the person whose given name it shortens ("Hamy", "Łuka", "Liyah", "Will" for "William"),
   the one mentioned last when several do. Two or three capitals ("WU", "KIM") are tried as initials and as
   a word.
3. **A lone word shared by two people** (a surname of relatives, initials) is decided, in order, by:
   * a title's or a kinship noun's gender ("Mr. Knight" is not the person written "Ms. Knight" or introduced as
     "her sister"; it is the one introduced as "her brother" before one whose gender the text never gave);
   * a kinship noun right before a lone surname or initials ("lives with grandmother Ms. Knight", "his son,
     A.S.") or in apposition after it ("Sato, her husband,", "Mr. Brooks (the dad)"): that names a relative, so
     it is the person introduced by the same noun, else a new person;
   * a title or rank before a lone word makes it a surname: "Ms. Kim" is not the person whose given name only is
     Kim ("Kim Lee" beside "Min Kim");
   * a second mention of the same word in one sentence is another person than the first ("Santos does not
     want to press charges against Ms. Santos");
   * ``identity_cues`` (a possessor's relative, twins in a list, another form in the sentence, Jr./Sr.) and
     ``identity_apart`` ("no relation", a rank against a civilian, two words in swapped order) name *another*
     person than the words alone would;
   * otherwise the record person listed first (the record's subject or victim: the narrative is about them),
     else the person mentioned last.
   These are conventions, not knowledge: a text that says nothing more is read the way a reader would most
   often read it, and the same way every time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from redaction.recognizers.words import NOT_NAME_WORDS, OFFICER_TITLES, fold
from redaction.text import identity_apart as apart
from redaction.text import identity_cues as cues
from redaction.text.alias_cues import AKA_SPELLINGS, ALIAS_NOUNS, PRONOUN_CUES, cue_pattern
from redaction.text.names import AMBIGUOUS_GIVEN, PARTICLES, given_names, surnames
from redaction.text.nicknames import forms_of
from redaction.text.people import WORD_PREFIXES, is_initials, record_tokens, tokens
from redaction.text.person_lists import ATTRIBUTION as _ATTRIBUTION
from redaction.text.person_lists import CUE_END as _CUE_END
from redaction.text.person_lists import split_list as split_list  # the redactor imports it from here
from redaction.text.suffix_nicknames import suffix_forms
from redaction.wordtrie import trie_compile

_CUE = cue_pattern(joins=True) + "|" + cue_pattern(alias_before=True)
# What may stand between a name and its alias: a cue (brackets, commas, quotes, a roster's "|" around it), an opening
# bracket or quote, or a closing one before the surname ('First "Nick" Last', 'First (Nick) Last').
_GAP = trie_compile(
    r"(?:\s+[^\W\d_]\.?(?![\w/'’]))?[\"”’'\s,;|/\-–—.]*[(\[{]?\s*(?:(?:is|was|who|whom|that)\s+){0,2}(?:" + _CUE + r")\.?\s*[:\-/]?\s*(?:[\"“‘'(]|``)?\s*"
    r"(?:the\s+)?"
    r"|[\"”’']?\s*[(\[]\s*[\"“‘']?\s*|\s*[,\-–—]?\s+[\"“‘']\s*|\s*[\"”’']?\s*\)\s+|[\"”’']\s+", re.IGNORECASE)
# '"Spider" is Ann Lee's street name': the gap after the alias, and what follows the name.
_IS_GAP = trie_compile(r"[\"”’']?\s+(?:is|was)\s+", re.IGNORECASE)
_OWNS_ALIAS = trie_compile(r"['’]s\s+(?:" + ALIAS_NOUNS + r")\b", re.IGNORECASE)
# An alias with no name of its own before its cue: it names the person mentioned last.
_PRONOUN_ALIAS = trie_compile(r"(?:" + "|".join(PRONOUN_CUES) + r")\s*[\"“‘'(]?\s*\Z", re.IGNORECASE)
# "Smoke is believed to be Ann Lee's brother": a possessive after the name names someone else.
_RELATIVE_AFTER = trie_compile(r"['’]s?\s+[^\W\d_]")
# A joining cue that opens a sentence: the alias after it belongs to the name after the comma that follows it.
_FRONT_CUE = trie_compile(r"(?:\A|[.!?;]\s+|\n\s*)(?:" + cue_pattern(joins=True, finds=True) + r")\s*[:\-]?\s*[\"“‘'(]?\s*\Z",
                        re.IGNORECASE)
_AS_GAP = trie_compile(r"[\"”’']?\s+as\s+[\"“‘']?", re.IGNORECASE)
_KNOW_BEFORE = trie_compile(r"(?<![\w'’])(?:kn(?:ow|ows|ew|own)|refers?\s+to|referred\s+to|refer(?:s|red)?\s+to|"
                          r"(?:has|have|had)\s+(?:\w+\s+)?(?:known|identified))\s+\Z", re.IGNORECASE)
_LF_GAP = trie_compile(r"\s*,\s*")
_BRACKET_OPEN = trie_compile(r"\(\s*\Z")
_COMMA_BEFORE = trie_compile(r",\s*\Z")
_BRACKET_CLOSE = trie_compile(r"\s*\)")
# Aliases listed after one cue are one person ("aka Smoke or Smokey", 'AKA "CUZ", "CUZZO"', "alias: big d / d-boy").
_LIST_GAP = trie_compile(r"[\"”’'`]*\s*(?:,|/|;|\bor\b)\s*[\"“‘'`]*\s*", re.IGNORECASE)
_AFTER_CUE = trie_compile(r"(?:" + _CUE + r")\.?\s*[:\-/]?\s*(?:[\"“‘'(]|``)?\s*\Z", re.IGNORECASE)
_TITLE = trie_compile(r"(?<![\w.])(mr|mrs|ms|miss|mx)\.?\s+\Z", re.IGNORECASE)
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": ""}
_KIN_STEMS = {"father": "m", "dad": "m", "brother": "m", "son": "m", "uncle": "m", "nephew": "m", "husband": "m",
              "boyfriend": "m", "grandfather": "m", "grandson": "m", "mother": "f", "mom": "f", "mum": "f",
              "sister": "f", "daughter": "f", "aunt": "f", "niece": "f", "wife": "f", "girlfriend": "f",
              "grandmother": "f", "granddaughter": "f", "cousin": "", "relative": "", "child": "", "sibling": "",
              "spouse": "", "parent": "", "grandparent": "", "grandchild": ""}
_KIN = trie_compile(r"(?<![\w-])(?:ex-|step-?|great-)*(" + "|".join(sorted(_KIN_STEMS, key=len, reverse=True))
                  + r")(?:-in-law)?\s*,?\s+(?:(?:mr|mrs|ms|miss|mx)\.?\s+)?\Z", re.IGNORECASE)
# A kinship noun in apposition after a lone name: "Sato, her husband, was drunk", "Mr. Brooks (the dad)".
_KIN_AFTER = trie_compile(r"\s*[,(]\s*(?:his|her|their|my|the)\s+(?:ex-|step-?|great-)*("
                        + "|".join(sorted(_KIN_STEMS, key=len, reverse=True)) + r")(?:-in-law)?\s*(?:[,).;:]|\Z)",
                        re.IGNORECASE)
_OFFICER = trie_compile(r"(?<![\w/])(?:" + "|".join(re.escape(t) for t in sorted(OFFICER_TITLES, key=len, reverse=True))
                      + r"|po)\.?\s+\Z", re.IGNORECASE)
_CIVILIAN = trie_compile(r"(?<![\w/])(?:complainant|victim|subject|subj|suspect|susp|witness|driver|passenger|rp|r/p|v/|s/|"
                       r"caller|arrestee|juvenile|person\s+interviewed)\s*[,:]?\s*\Z", re.IGNORECASE)
# A name that ends with its alias cue ("Mary-Kate Long a.k.a"): the alias follows after a dot or quotes.
# A cue the name's span swallowed, wholly or in part ("Mary-Kate Long a.k.a", "ASTRID FOSTER A" + ".K.A."): the
# alias follows after a dot or quotes.
_CUE_ACROSS = trie_compile(r"(?<![\w/])(?:" + AKA_SPELLINGS + "|" + cue_pattern(joins=True, finds=True)
                         + r")\.?[\s:]*[\"“‘'(]?\s*\Z", re.IGNORECASE)  # "terrell jones nick" + ": (boo)" too
_SENTENCE_END = trie_compile(r"[.!?;]\s")
_NOT_AN_END = trie_compile(r"(?<![^\W\d_])(?:mrs?|ms|dr|st|jr|sr|lt|sgt|ofc|det|cpl|capt|dep|insp|cmdr|tpr|[^\W\d_])\Z",
                         re.IGNORECASE)  # "Mr.", "A.", "Sgt." end none
_LETTERS = trie_compile(r"[^\W\d_]+")
_ELIDED_PARTICLE = trie_compile(r"\s*(?i:o|d|l|dell)['’][^\W\d_]{2,}")
_WORD_OF_NAME = trie_compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*")
_QUOTED_LETTER = trie_compile(r"[\"“‘'(]([^\W\d_a-z])[\"”’')]")
_PARTICLES = PARTICLES | {"los", "las"}  # "de los Santos": one surname


class _Context:
    """What the words right before a mention say: a title's or kinship noun's gender, the kinship noun, a rank
    ("officer") or a civilian role ("civilian"). Read only when a decision needs it (it is rarely needed)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[int, tuple[str, str, str]] = {}
        self.met: dict[int, list[tuple[int, frozenset[str]]]] = {}  # sentence -> (person, words) named in it so far
        self.ends: dict[int, int] = {}  # a lone mention's start -> its end (for a kinship noun after it)
        self.every_end: dict[int, int] = {}  # every mention's start -> its end
        self.suffixes: dict[int, set[str]] = {}  # person -> "jr", "sr", ... of their full names so far ("" for none)
        self.suffixed = cues.has_suffix(text)

    def of(self, s: int) -> tuple[str, str, str]:
        got = self._seen.get(s)
        if got is None:
            text = self.text
            title = _TITLE.search(text, max(0, s - 8), s)
            kin = _KIN.search(text, max(0, s - 40), s)
            if kin is None and s in self.ends and text[self.ends[s]:self.ends[s] + 2].strip()[:1] in (",", "("):
                kin = _KIN_AFTER.match(text, self.ends[s])  # "Sato, her husband,": his gender and kinship noun
            gender = _TITLE_GENDER[title.group(1).lower()] if title else ""
            if kin is not None:
                gender = gender or _KIN_STEMS[kin.group(1).lower()]
            role = "officer" if _OFFICER.search(text, max(0, s - 24), s) else (
                "civilian" if _CIVILIAN.search(text, max(0, s - 24), s) else "")
            got = self._seen[s] = (gender, kin.group(1).lower() if kin else "", role)
        return got

    def first(self, starts: list[int], k: int) -> str:
        return next((v for v in (self.of(s)[k] for s in starts) if v), "")


@dataclass
class _Person:
    """A person of the record so far: the words that name them and where they are mentioned."""

    words: set[str]
    surnames: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)  # given names, letters only ("minjun")
    starts: list[int] = field(default_factory=list)  # their mentions (for their gender, kinship noun, role)
    record: bool = False
    last: int = -1
    halves: set[str] = field(default_factory=set)  # surname words written only inside a hyphenated surname


@dataclass
class _Mention:
    """One PERSON span as the numbering reads it."""

    keys: frozenset[str]
    alt: frozenset[str]  # "WU" read as a word, beside "#wu" read as initials
    surnames: frozenset[str]
    given: frozenset[str]
    lone: bool  # a single name word or initials
    start: int
    sentence: int
    end: int = -1


def number_people(text: str, spans: Sequence[tuple[int, int]], people: Sequence[frozenset[str]],
                  values: Sequence[str] = ()) -> list[int]:
    """A person number (1, 2, ... in order of first mention) for each PERSON span, in ``spans`` order.

    ``people`` are the record's people's words (``record_tokens`` and initials), ``values`` their names as the
    record writes them (``LAST, FIRST``), in the same order; the module docstring gives the rules.
    """
    if len(spans) < 2:
        return [1] * len(spans)
    persons = [_record_person(words, values[i] if i < len(values) else "") for i, words in enumerate(people)]
    own = frozenset().union(*people) if people else frozenset()
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    ctx = _Context(text)
    if ctx.suffixed:  # a record name's own suffix ("PRICE, MARCUS JR"): "Marcus Price Sr." is the other one
        for i, value in enumerate(values):
            own_suffix = cues.SUFFIXES.intersection(_LETTERS.findall(value.lower())[1:])
            if own_suffix:
                ctx.suffixes[i] = set(own_suffix)
    ends = [m.end() for m in _SENTENCE_END.finditer(text) if not _NOT_AN_END.search(text, max(0, m.start() - 4),
                                                                                         m.start())]
    ments = {i: _mention(text, spans[i], own, bisect_right(ends, spans[i][0])) for i in order}
    ctx.ends = {m.start: m.end for m in ments.values() if m.lone}
    ctx.every_end = {m.start: m.end for m in ments.values()}
    groups = _groups(text, spans, order, ments)
    ids: dict[int, int] = {}
    used: dict[tuple[int, frozenset[str]], int] = {}  # (sentence, words) -> the person a lone word went to
    for pos, group in enumerate(groups):
        pid, same = _place(group, ments, persons, used, ctx)
        p = persons[pid]
        for k in same:  # merged into ``pid``: their words, mentions and numbers
            o = persons[k]
            p.words |= o.words
            p.surnames |= o.surnames
            p.halves |= o.halves
            p.given |= o.given
            p.starts += o.starts
            o.words, o.starts = set(), []
            ids.update({i: pid for i, v in ids.items() if v == k})
        first = ments[group[0]]
        if len(group) > 1 and first.lone and not any(ments[i].given for i in group) and len(first.keys) == 1:
            p.given |= {_letters(w) for w in first.keys}  # 'oluwaseun "tiny" garcía-lópez': the first is the given name
        for i in group:
            m = ments[i]
            p.words |= m.keys
            if "-" in text[m.start:m.end] or p.halves:  # "Garcia-Lopez": "lopez" only as a half, until "Lopez"
                p.halves = apart.halves_of(text[m.start:m.end], p.halves, m.surnames if not m.lone else frozenset())
            p.surnames |= m.surnames
            p.given |= m.given
            p.starts.append(m.start)
            ids[i] = pid
            if m.lone:
                used[(m.sentence, m.keys)] = pid
            ctx.met.setdefault(m.sentence, []).append((pid, m.keys))
            suffix = cues.suffix_of(text, m.start, m.end) if ctx.suffixed else ""
            if ctx.suffixed and (not m.lone or suffix):
                ctx.suffixes.setdefault(pid, set()).add(suffix)
                if suffix and not m.lone:  # "Marcus Price Jr." ... "Junior said": him (``suffix_nicknames``)
                    p.words |= suffix_forms(suffix)
        p.last = pos
    numbers: dict[int, int] = {}
    for i in order:
        numbers.setdefault(ids[i], len(numbers) + 1)
    return [numbers[ids[i]] for i in range(len(spans))]


def _record_person(words: frozenset[str], value: str) -> _Person:
    last, _, first = value.partition(",") if "," in value else (value.rsplit(" ", 1)[-1], "", value.split(" ")[0])
    sur = {fold(w).lower() for w in _LETTERS.findall(last) if len(w) > 1}
    sur = {w for w in sur if w not in _PARTICLES} or sur  # "Al-Masri": "masri"; "Le": "le"
    given = {_letters(first.split()[0])} if first.split() else set()
    halves = apart.halves_of(last, set(), frozenset()) if "-" in last else set()
    return _Person(set(words) | sur, surnames=sur, given=given - {""}, record=True, halves=halves)


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    return given_names() | surnames() | AMBIGUOUS_GIVEN


def _letters(word: str) -> str:
    return "".join(_LETTERS.findall(fold(word).lower()))


def _mention(text: str, span_at: tuple[int, int], own: frozenset[str], sentence: int) -> _Mention:
    s, e = span_at
    keys, alt, sur, given, lone = _read_span(text[s:e], own)
    return _Mention(keys, alt, sur, given, lone, s, sentence, e)


@lru_cache(maxsize=8192)
def _read_span(span: str, own: frozenset[str]
               ) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], bool]:
    """A span's name words, their reading as a short word, its surname and given name words, whether it is lone."""
    initials = is_initials(span)
    written = record_tokens(span)
    if initials:
        keys = tokens(span) | (written & own)
    else:  # tokens(span), without reading the span twice; common-word surnames of the record ("West") too
        keys = frozenset(w for w in written if w not in NOT_NAME_WORDS or w in own)
    words = _WORD_OF_NAME.findall(span)  # "min-jun", "Mary-Jane": one given name, not a given name and a surname
    name_words = [w for w in words if fold(w).lower() not in _PARTICLES and w.lower() not in _PARTICLES]  # "Ó"
    if len(name_words) > 1:  # "Rose Davis": a name-like common word is a name inside a full name
        keys |= {w for w in written if w in _name_words()}
    keys = keys or written or frozenset(fold(w).lower() for w in words)  # "Le", "Rose" alone
    if not initials and _QUOTED_LETTER.search(span):  # 'Dwayne "D" Carter': "D" alone is him later
        keys |= {m.lower() for m in _QUOTED_LETTER.findall(span)}
    alt: frozenset[str] = frozenset()
    if initials and "." not in span and len(span.strip()) <= 3:
        alt = frozenset({fold(span.strip()).lower()})  # "WU", "ZOË": initials or a short name
    sur: frozenset[str] = frozenset()
    given: frozenset[str] = frozenset()
    if "," in span and len(name_words) > 1:
        head, tail = span.split(",", 1)
        sur = frozenset(fold(w).lower() for w in _LETTERS.findall(head) if len(w) > 1)
        given = frozenset({_letters(tail.split()[0])}) if tail.split() else frozenset()
    elif len(name_words) > 1:
        sur = tokens(name_words[-1]) or frozenset({fold(name_words[-1]).lower()})
        given = frozenset({_letters(name_words[0])})
    lone = len(name_words) <= 1 or initials
    if lone and (len(words) > len(name_words) or _ELIDED_PARTICLE.match(span)) and not initials:
        sur = keys  # "st. john", "de la cruz", "o'brien", "d'angelo": a particle makes it a surname
    if initials:
        sur = given = frozenset()
    return frozenset(keys), alt, sur, given - {""}, lone


def _groups(text: str, spans: Sequence[tuple[int, int]], order: list[int], ments: dict[int, _Mention]
            ) -> list[list[int]]:
    """Spans the text ties together (step 1 of the module docstring), in order of first mention."""
    parent = {i: i for i in order}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb, key=lambda r: spans[r])] = min(ra, rb, key=lambda r: spans[r])

    listed: set[int] = set()  # spans that continue a list of aliases
    evidence = {w for i in order if not ments[i].lone for w in ments[i].surnames}
    firsts = {g for i in order for g in ments[i].given}
    for a, b in zip(order, order[1:], strict=False):
        (_, ae), (bs, be) = spans[a], spans[b]
        if ae > bs:
            continue
        before = text[max(ae, bs - 40):bs].lower()
        if ("call" in before or "by" in before or "name" in before) and _PRONOUN_ALIAS.search(before):
            union(a, b)  # "her son darnell too. they call him cash": the person mentioned last
        if bs - ae > 60:
            continue  # no cue is that long
        if (_GAP.fullmatch(text, ae, bs) and not (" to be" in before and _RELATIVE_AFTER.match(text, be))) or _cue_across(text, ae, bs):
            union(a, b)
        elif _LIST_GAP.fullmatch(text, ae, bs) and _alias_like(text, spans[b]) and (
                a in listed or _AFTER_CUE.search(text, max(0, spans[a][0] - 60), spans[a][0])):
            union(a, b)
            listed.add(b)
        elif _IS_GAP.fullmatch(text, ae, bs) and _OWNS_ALIAS.match(text, be):
            union(a, b)
        elif _LF_GAP.fullmatch(text, ae, bs) and _FRONT_CUE.search(text, max(0, spans[a][0] - 60), spans[a][0]):
            union(a, b)  # "Known to officers as Mac, Trevor McAllister was arrested": the alias, then its name
        elif _AS_GAP.fullmatch(text, ae, bs) and _KNOW_BEFORE.search(text, max(0, spans[a][0] - 24), spans[a][0]):
            union(a, b)  # "officers know Patrick Donnelly as Donny", "she refers to Ana Ruiz as Nena"
        elif _LF_GAP.fullmatch(text, ae, bs) and not _ATTRIBUTION.search(text, max(0, spans[a][0] - 40), spans[a][0]) \
                and not (not ments[b].lone and _CUE_END.search(text, max(0, spans[a][0] - 60), spans[a][0])) \
                and (_surname_then_given(
                ments[a], ments[b], evidence, firsts, listed=bool(_COMMA_BEFORE.search(text, max(0, spans[a][0] - 3),
                                                                                       spans[a][0]))) or (
                ments[a].lone and ments[b].lone and _BRACKET_OPEN.search(text, max(0, spans[a][0] - 3), spans[a][0])
                and _BRACKET_CLOSE.match(text, be)) or _lf_before_alias(text, ments[a], ments[b], be)):
            # "(wilson, terrell)": one name in brackets; 'jones, terrell ("smokey")': a name and its alias
            union(a, b)
            ments[b].given = frozenset({_letters(text[bs:be])})  # for its short forms ("darnell": "darny")
    for j, k in cues.paired_lf(text, [spans[i] for i in order], [ments[i].lone for i in order]):
        union(order[j], order[k])  # "balogun, nguyet and fifita, chance": two people, ``surname, given`` each
        ments[order[k]].given = frozenset({_letters(text[spans[order[k]][0]:spans[order[k]][1]])})
    out: dict[int, list[int]] = {}
    for i in order:
        out.setdefault(root(i), []).append(i)
    return list(out.values())


_ALIAS_OPENS = trie_compile(r"(?!['’][sS]\b)\s*(?:\(\s*[\"“‘']?|[\"“‘'])\s*[^\W\d_]")  # not "keisha's"


def _lf_before_alias(text: str, a: _Mention, b: _Mention, be: int) -> bool:
    """'jones, terrell ("smokey")': a listed surname, a comma and a listed given name with a bracketed or quoted
    alias after it read as ``last, first`` even when the surname is a given name too."""
    return (a.lone and b.lone and len(a.keys) == 1 and len(b.keys) == 1 and a.keys <= surnames()
            and b.keys <= given_names() and _ALIAS_OPENS.match(text, be) is not None)


def _alias_like(text: str, span_at: tuple[int, int]) -> bool:
    """A list item that may be one more alias: no given name followed by a surname ("Ann Lee" is someone else)."""
    words = [fold(w).lower() for w in _LETTERS.findall(text, *span_at)]
    return len(words) < 2 or not (words[0] in given_names() and words[-1] in surnames())


def _cue_across(text: str, ae: int, bs: int) -> bool:
    if text[ae:bs].strip(" .:\"“‘'(").strip():
        return False  # words between the names: no cue swallowed by the first one (the search costs more)
    m = _CUE_ACROSS.search(text, max(0, ae - 24), bs)
    return m is not None and m.start() < ae


def _surname_then_given(a: _Mention, b: _Mention, evidence: set[str], firsts: set[str], listed: bool = False) -> bool:
    """"tsosie, marcus": two lone words, a surname then a given name (not a list "Ann, Bob"), maybe with a middle
    initial ("foster, tatiana l"; not inside a list, ``listed``: "Crew: Smoke, Red, Baby G")."""
    given = given_names()
    two_given = (not b.lone and not listed and len(b.keys) == 2 and not (b.keys - b.surnames) & evidence
                 and all(w in given or len(w) <= 4 for w in b.keys))  # "nguyen, thi hoa", "cruz, ana maria"
    if not (a.lone and (b.lone or (len(b.keys) == 1 and not listed) or two_given)) or a.alt or b.alt or not a.keys \
            or not b.keys:
        return False
    initial = any(len(w) == 1 for w in b.surnames)  # "foster, tatiana l": the shape of ``last, first m``
    syllables = (b.lone and len(b.keys) == 2 and all(len(w) <= 4 for w in b.keys)  # "ji-woo", "hye-jin": one name
                 and not b.keys & WORD_PREFIXES)  # not "step-dad", "ex-con"
    surname = bool(a.surnames) or a.keys <= evidence or (a.keys <= surnames() and (
        initial or syllables or two_given or len(a.keys) > 1 or not a.keys & given))  # "smith-jones": a surname
    named = syllables or any(w in given or w in firsts or w in AMBIGUOUS_GIVEN for w in b.keys)
    return surname and named and not (b.keys - b.surnames if two_given else b.keys) & evidence


def _place(group: list[int], ments: dict[int, _Mention], persons: list[_Person],
           used: dict[tuple[int, frozenset[str]], int], ctx: _Context) -> tuple[int, set[int]]:
    """The person a group of mentions is (an index into ``persons``, appended when new), and the people met only
    in the text that other mentions of the group pointed at: the text says they are that person ("lefty",
    later "lefty (henry ashworth)")."""
    best: tuple[int, int] | None = None  # (specificity, person)
    found: set[int] = set()
    for i in group:
        m = ments[i]
        cands = _candidates(m, persons)
        if cands:
            pid = _choose(m, cands, persons, used, ctx)
            if pid is not None:
                found.add(pid)
                found |= _parts_met(m, cands, persons, ctx)
            if pid is not None and (best is None or len(m.keys) > best[0]):
                best = (len(m.keys), pid)
    if best is not None and not _another_given_name(group, ments, persons[best[1]], persons):
        return best[1], {k for k in found if k != best[1] and not persons[k].record}
    if len(group) == 1 and ments[group[0]].lone:
        nick = _shortened(ments[group[0]], persons)
        if nick is not None and not _apart(ments[group[0]], [nick], persons, ctx, ""):
            nick = None  # "Tom Baker and his son Tommy": not Tom
        if nick is not None:
            return nick, set()
    persons.append(_Person(set()))
    return len(persons) - 1, set()


def _another_given_name(group: list[int], ments: dict[int, _Mention], person: _Person, persons: list[_Person]) -> bool:
    """A group ('isaac "ike" ferrer') that reaches ``person`` only by a lone surname ("ferrer" of 'ismael "izzy"
    ferrer') but holds a given name that person lacks and nobody holds: a relative sharing the surname."""
    if not person.given or len(group) < 2:
        return False
    via_surname = [i for i in group if _candidates(ments[i], persons) and ments[i].lone and ments[i].keys <= person.words
                   and not ments[i].keys & person.given]
    if not via_surname or any(_candidates(ments[i], persons) for i in group if i not in via_surname):
        return False
    given = given_names()
    return any(ments[i].lone and not ments[i].alt and len(ments[i].keys) == 1 and not ments[i].keys & person.words
               and all(w in given for w in ments[i].keys) and not (person.record and (  # 'Jeremiah "Pop" Wise'
                   _shortened(ments[i], [person]) == 0 or ments[i].start > ments[via_surname[0]].start))
               for i in group if i not in via_surname)  # not "Bill" of the record's William, nor an alias after


def _parts_met(m: _Mention, cands: list[int], persons: list[_Person], ctx: _Context) -> set[int]:
    """People met only in the text by one part of this full name each ("CATHAL", later "Ó BRIAIN", then "Ó BRIAIN,
    CATHAL"): the full name says they are one person, unless a title or kinship noun marked any of them (a
    relative sharing the surname: "Mr. Ó Briain")."""
    parts = [k for k in cands if not persons[k].record and persons[k].words and persons[k].words <= m.keys]
    if len(parts) < 2 or m.lone or any(m.keys <= persons[k].words for k in cands):
        return set()
    words = [persons[k].words for k in parts]
    if sum(len(w) for w in words) != len(set().union(*words)):
        return set()  # parts that overlap are not one name cut in pieces
    if any(ctx.first(persons[k].starts, 0) or ctx.first(persons[k].starts, 1) for k in parts):
        return set()
    return set(parts)


def _candidates(m: _Mention, persons: list[_Person]) -> list[int]:
    cands = [k for k, p in enumerate(persons) if m.keys <= p.words]
    if m.alt:  # "ROE" read as initials and as a word: the people written either way ("C/ ROE AND W/ ROE")
        cands += [k for k, p in enumerate(persons) if m.alt <= p.words and k not in cands]
    if not cands:  # all the words of a record person, and more ("MOHAMMED THOMAS, YOB")
        cands = [k for k, p in enumerate(persons) if p.record and len(p.words) > 1
                 and {w for w in p.words if not w.startswith("#")} <= m.keys
                 and not m.given - p.words]  # not "Yekaterina Sterling" of the record's "STERLING, STERLING"
    if not cands:  # a longer form of a name met in the text ("Balogun", later "Ngozi Balogun")
        cands = [k for k, p in enumerate(persons) if not p.record and p.words and p.words <= m.keys]
    return cands


def _choose(m: _Mention, cands: list[int], persons: list[_Person],
            used: dict[tuple[int, frozenset[str]], int], ctx: _Context) -> int | None:
    """Step 3 of the module docstring; None: a relative named by a kinship noun, not met yet."""
    gender, kin, role = ctx.of(m.start) if len(cands) > 1 or m.lone else ("", "", "")
    if not (cands := _apart(m, cands, persons, ctx, role)):
        return None  # "Rosa Diaz, no relation", "Officer Diaz" beside "Rosa Diaz": someone else
    suffix = cues.suffix_of(ctx.text, m.start, m.end) if ctx.suffixed and ctx.suffixes else ""
    if suffix and not (cands := cues.by_suffix(suffix, cands, ctx.suffixes, full=not m.lone)):
        return None  # "Terrell Hughes", then "Terrell Hughes Jr.": his son
    if m.lone and len(cands) > 1 and m.sentence in ctx.met:  # "Devendra said Mr. Love was home": another Love
        cands = cues.other_form_met(ctx.met[m.sentence], m.keys, cands)
    if gender:
        known = {k: ctx.first(persons[k].starts, 0) for k in cands}
        same = [k for k in cands if known[k] == gender] or [k for k in cands if known[k] in ("", gender)]
        if not same and m.lone and not kin and _TITLE.search(ctx.text, max(0, m.start - 8), m.start):
            return None  # "Mr. Zhou" after "Ms. ZHOU": her husband, not met yet
        cands = same or cands  # a known same gender first
    if len(cands) > 1 and role:  # "Officer OW" is not the person written "Complainant O.W."
        same = [k for k in cands if ctx.first(persons[k].starts, 2) in ("", role)]
        cands = same or cands
    owner = cues.possessor_start(ctx.text, m.start, m.end) if kin and m.lone else None  # "Jeon's mother, Ms. Jeon"
    if kin and m.lone and not (cands := [k for k in cands if ctx.first(persons[k].starts, 1) in ("", kin)]):
        return None  # "Lopez (the mother) said Lopez (the son) ran": not the one introduced as another relative
    if kin and m.lone and (all(w.startswith("#") for w in m.keys) or owner is not None
                           or m.keys <= set().union(*(persons[k].surnames for k in cands))):
        cands = [k for k in cands if ctx.first(persons[k].starts, 1) == kin  # a relative's surname or initials
                 and owner not in persons[k].starts]
        if not cands:
            return None
    if len(cands) > 1:
        earlier = used.get((m.sentence, m.keys))
        if earlier in cands:
            cands = [k for k in cands if k != earlier]
    elif m.lone and used.get((m.sentence, m.keys)) in cands and cues.twin_before(ctx.text, m.start, m.end):
        return None  # "the minors R.S. and R.S.": two people
    record = [k for k in cands if persons[k].record]
    return record[0] if record else max(cands, key=lambda k: persons[k].last)


def _apart(m: _Mention, cands: list[int], persons: list[_Person], ctx: _Context, role: str) -> list[int]:
    """``cands`` without the people that ``identity_apart``'s cues say the mention is not."""
    titled = m.lone and _TITLE.search(ctx.text, max(0, m.start - 8), m.start) is not None
    return apart.narrow(m, cands, persons, ctx, role, titled)


_ALIAS_PREFIXES = frozenset({"lil", "li'l", "little", "baby", "big", "yung", "young"})


def _givens(p: _Person) -> set[str]:
    """A person's given names; when an alias's prefix stood in for one ('tatiana "lil ray" nowak' -> "lil"), the
    listed given names among the person's words."""
    given = p.given - _ALIAS_PREFIXES
    return given if given or not p.given else {w for w in p.words if w in given_names()} - _ALIAS_PREFIXES


def _shortened(m: _Mention, persons: list[_Person]) -> int | None:
    """The person whose given name ``m`` shortens ("Hamy" of Hamza, "Liyah" of Aaliyah) or is a nickname of
    (``nicknames.forms_of``: "Bill" of William; of a one-word name met in the text too), the last mentioned."""
    (word,) = m.alt or (m.keys if len(m.keys) == 1 else ("",))  # "HUO": a short form in capitals
    w = _letters(word)
    if len(w) < 2 or word.startswith("#"):
        return None
    hits = [k for k, p in enumerate(persons)
            if any(g != w and ((len(w) >= 3 and len(g) > len(w) - 1 and (g.startswith(w) or (len(w) >= 4 and g.endswith(w))
                                                        or (len(w) >= 4 and w[-1] in "yi" and g.startswith(w[:-1]))))
                               or w in forms_of(g))  # "Bill", "Peggy", "katie": the public table of nicknames
                   for g in _givens(p))
            or (not p.given and not p.record and any(w in forms_of(g) or (len(w) >= 3 and len(g) > len(w) + 1
                                                                           and g.startswith(w)) for g in p.words))]
    # "Yevgeny" alone, then "Zhenya"; "siddharth" alone, then "per sid"
    return max(hits, key=lambda k: persons[k].last) if hits else None
