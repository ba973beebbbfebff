"""People, not surnames: which name mentions are one person, and every mention of a redacted name word.

* (which mentions are one person, their placeholder numbers: ``identity.number_people``)
* ``mentions`` finds every other whole-word mention of the words inside the PERSON spans (consistency: a
  word redacted at one mention is redacted at every mention of the record).
* ``extend_particles`` grows a name over the particles around it ("Maria [de la Cruz]", "[Van] Houten").
* (the aliases after "a/k/a", "aka", "also known as", ...: ``aliases.alias_spans``; ``alias_phrases`` follows them)
* ``is_initials`` tells "A.B.", "J. M.", "AC" apart from words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, SUFFIX_WORDS, fold
from redaction.text.alias_cues import cue_before
from redaction.text.clipped_mentions import clipped_forms
from redaction.text.identity_cues import has_suffix, suffix_of
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    PARTICLES,
    PERSON_CUES_ANY_CASE,
    given_names,
)
from redaction.text.nicknames import everyday_word, forms_of, short_forms
from redaction.text.party_lines import party_labels
from redaction.text.suffix_nicknames import suffix_forms
from redaction.text.vocabulary import NARRATIVE_VERBS, dictionary_words, irregular_verb_forms
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_KEY_TOKEN = trie_compile(r"[^\W_]+")
_AFTER_NUMBER = trie_compile(r"\d\s?\Z")
_INITIALS = trie_compile(r"(?:[^\W\d_]\.\s?){2,3}|[^\W\d_a-z]{2,3}")
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_FOLLOWED_BY_STREET = trie_compile(r"\s+(?:" + "|".join(SUFFIX_WORDS) + r")\b(?!\s+(?:name|handle|moniker)s?\b)",
                                 re.IGNORECASE)
_PARTICLE_RX = "|".join(sorted((re.escape(p) for p in PARTICLES - {"mac", "an"}), key=len, reverse=True)) + r"|ma?c\s+an"
_PARTICLES_AFTER = trie_compile(r"(?:\s+(?:" + _PARTICLE_RX + r")){1,2}\s+[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.IGNORECASE)
_AN_AFTER = trie_compile(r"\s+an\s+[^\W\d_]+", re.IGNORECASE)
_PARTICLES_BEFORE = trie_compile(r"(?:(?<![\w'])(?:" + _PARTICLE_RX + r")\s+){1,2}$", re.IGNORECASE)


def is_initials(span: str) -> bool:
    """"A.B.", "J. M.", "AC", "FQ": initials standing for a name."""
    return _INITIALS.fullmatch(span.strip()) is not None


@lru_cache(maxsize=65536)  # pure, asked of the same spans and words again and again
def tokens(span: str) -> frozenset[str]:
    """The name words of a span, folded and lower case (initials as one word "#ab")."""
    if is_initials(span):
        return frozenset({"#" + "".join(c for c in span if c.isalpha()).lower()})
    return frozenset(t for t in (fold(x).lower() for x in _KEY_TOKEN.findall(span))
                     if len(t) > 1 and t not in NOT_NAME_WORDS and t not in PARTICLES and t not in NAME_SUFFIXES)


@lru_cache(maxsize=65536)
def record_tokens(value: str) -> frozenset[str]:
    """A record name's words (common words included: "WEST, JOHN" holds "west")."""
    return frozenset(t for t in (fold(x).lower() for x in _KEY_TOKEN.findall(value))
                     if len(t) > 1 and t not in PARTICLES and t not in NAME_SUFFIXES
                     and t not in {"mr", "mrs", "ms", "miss", "dr"})


_BEFORE_NUMBER = trie_compile(r"[ \t.,\-/]*\d")
_ALIAS_PREFIXES = frozenset({"lil", "little", "baby", "big", "yung", "young"})


def mentions(text: str, spans: Sequence[tuple[int, int]], keep: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Whole-word mentions, outside ``spans``, of the name words inside ``spans``.

    Words of three letters or fewer match as written (initials "AC"); longer ones in any case and accents.
    A common or report word is followed in any case only when ``keep`` (the record's own name words) holds it,
    and as written when it was part of a full name in a text not all in capitals ("Rose" of "Rose Davis"); a word
    right before a street suffix ("Jefferson St") is a street.
    """
    long_words: set[str] = set()
    short_words: set[str] = set()
    prefixed: dict[str, set[str]] = {}  # an alias's prefix -> the words it stood before
    upper_text = not any(c.islower() for c in text)
    for s, e in spans:
        initials = is_initials(text[s:e])
        full_name = len(_KEY_TOKEN.findall(text, s, e)) >= 2
        for m in _KEY_TOKEN.finditer(text, s, e):
            w = m.group()
            low = fold(w).lower()
            if (low in PARTICLES and low not in keep) or low in NAME_SUFFIXES or len(low) < 2:
                continue  # a particle is followed only when ``keep`` holds it (an alias's "Mac" of "Little Mac")
            after = _KEY_TOKEN.search(text, m.end(), e) if low in _ALIAS_PREFIXES else None
            if after is not None:  # "BIG" of "BIG MIKE": followed only before "MIKE" again, never in "a big car"
                prefixed.setdefault(low, set()).add(fold(after.group()).lower())
                continue
            if (low in NOT_NAME_WORDS or low in CAPS_STOP_WORDS) and low not in keep and not (initials and w.isupper()):
                if full_name and not upper_text and not w.isupper() and low not in CAPS_STOP_WORDS:
                    short_words.add(w)  # "Rose" of "Rose Davis": followed as written, never "rose" nor "ROSE"
                    if w.islower():
                        short_words.add(w.capitalize())  # "rose lewis" typed in lower case, later "Rose said"
                continue  # initials that spell a word ("AM", "MY") are followed as written
            if len(low) <= 3:
                short_words.add(w)
                if len(w) == 3 and w.istitle() and not upper_text and not initials:
                    short_words.add(w.upper())  # "Tay-Tay", later "TAY-TAY"; "Dee", later "DEE" in a capitals line
            else:
                long_words.add(low)
    if not long_words and not short_words and not prefixed:
        return []
    out = []
    k = 0
    ordered = sorted(spans)
    for m in _KEY_TOKEN.finditer(text):
        w = m.group()
        if not (w in short_words or (len(w) > 3 and fold(w).lower() in long_words)
                or (prefixed and _prefix_again(text, m, prefixed))):
            continue
        while k < len(ordered) and ordered[k][1] <= m.start():
            k += 1
        if k < len(ordered) and ordered[k][0] <= m.start() < ordered[k][1]:
            continue
        if _FOLLOWED_BY_STREET.match(text, m.end()) or (len(w) <= 3 and _AFTER_NUMBER.search(text, 0, m.start())):
            continue  # "Jefferson St"; "9 AM"
        if w.isupper() and len(w) == 3 and _BEFORE_NUMBER.match(text, m.end()):
            continue  # "JAN 5": a month, not "Jan"
        out.append(_with_particle(text, *_whole_compound(text, *m.span(), spans), spans))
    return out


def _prefix_again(text: str, m: re.Match[str], prefixed: dict[str, set[str]]) -> bool:
    """An alias's prefix before the same word again ("big" of "big hurt" in "big hurt's car")."""
    nxt = prefixed.get(fold(m.group()).lower())
    after = _KEY_TOKEN.match(text, m.end() + 1) if nxt else None
    return after is not None and text[m.end()].isspace() and fold(after.group()).lower() in (nxt or set())


def nickname_mentions(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Mentions, outside ``spans``, of a found name by one of its other forms (``nicknames.forms_of``, both ways:
    "Yevgeny" then "per Zhenya", "William" then "per Will", "Anastasia" then "NASTYA"). A form that is an everyday
    word or has two letters ("Will", "Mo") only in Title case inside a mixed-case sentence; others in any case."""
    found = {fold(w).lower() for s, e in spans for w in _KEY_TOKEN.findall(text, s, e) if len(w) > 2}
    forms: set[str] = set()
    for w in found:
        forms |= forms_of(w)
    if has_suffix(text):  # "Lamar Banks II ... DEUCE SAID": the nickname of his suffix
        for s, e in spans:
            forms |= suffix_forms(suffix_of(text, s, e))
    forms -= found
    clips = clipped_forms(found) - found - forms  # "Dustin" then "Dusty drives": before a verb only
    if clips:
        low_text = fold(text).lower()
        clips = {c for c in clips if c + " " in low_text or c + "\t" in low_text}  # a verb follows: most texts hold none
    forms |= clips
    if not forms:
        return []
    mixed = any(c.islower() for c in text) and any(c.isupper() for c in text)
    out = []
    for m in _KEY_TOKEN.finditer(text):
        low = fold(m.group()).lower()
        if low not in forms or any(s <= m.start() < e for s, e in spans):
            continue
        if low in clips:
            if not _form_doing(text, m, low):
                continue
        elif len(low) <= 2 or everyday_word(low, AMBIGUOUS_GIVEN) or low in dictionary_words():
            w = m.group()
            if not (mixed and w[:1].isupper() and w[1:].islower() and _INSIDE_SENTENCE.search(text, 0, m.start())) \
                    and not _short_form_as_name(text, m, low, mixed) and not _form_doing(text, m, low):
                continue
        out.append(m.span())
    return out


_INSIDE_SENTENCE = trie_compile(r"[^\W\d_][ \t]+\Z")
# After a found name's other form, a verb of speech or deed makes it the person ("mo said", "TY TOLD"); not a
# copula or an auxiliary ("art was stolen", "rob is").
_VERB_AFTER = trie_compile(r"[ \t]+([^\W\d_]+)\b")
_SLOT_BEFORE = trie_compile(r"(?<![\w'’])(?i:per|told|asked|tell|thank|thanks|w/|with)[ \t]+\Z")
_NOT_DEEDS = frozenset({"was", "is", "were", "are", "be", "been", "had", "has", "have", "did", "does", "do", "can",
                        "could", "will", "would", "may", "might", "must", "should", "shall", "got", "gets"})


def _form_doing(text: str, m: re.Match[str], low: str) -> bool:
    """A found name's short form or everyday-word form, in any case, right before a narrative verb and after no
    determiner ("mohammed ... mo said"; not "the bill said", "art was taken"), or after a person's slot a form of
    two letters or one that is no word ("per mo he lives"; not "per bill")."""
    if low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS:
        return False
    if _SLOT_BEFORE.search(text, max(0, m.start() - 8), m.start()) and (len(low) <= 2 or (
            low not in dictionary_words() and not everyday_word(low, AMBIGUOUS_GIVEN))):
        return True  # "per mo he lives near", "told ty": a person's slot, the form two letters or no word
    v = _VERB_AFTER.match(text, m.end())
    if v is None:
        return False
    verb = v.group(1).lower()
    return (verb in NARRATIVE_VERBS and verb not in _NOT_DEEDS
            and _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start()) is None)
_DETERMINER_BEFORE = trie_compile(r"(?<![\w'’])(?:a|an|the|his|her|their|my|your|our|its|this|that|these|those|some|"
                                r"no|any|each|every|one|per)[ \t]+\Z", re.IGNORECASE)


def _short_form_as_name(text: str, m: re.Match[str], low: str, mixed: bool) -> bool:
    """In a text of one case, a non-English short form that a dictionary also holds ("nacho" of Ignacio, "memo" of
    Guillermo, "chico") is the person's name when the full name is in the text and no determiner stands before it
    ("said nacho texted her", not "a nacho", "the memo"); an everyday nickname ("will", "bart") or two letters
    ("mo") stay Title-case only."""
    return (not mixed and len(low) >= 4 and low in short_forms() and not everyday_word(low, AMBIGUOUS_GIVEN)
            and _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start()) is None)


def _with_particle(text: str, s: int, e: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """A mention with the particle or alias prefix before it when a redacted span writes them together ("Ó BRIAIN",
    "Baby Dre")."""
    b = _PARTICLES_BEFORE.search(text, max(0, s - 12), s) or _ANY_PREFIX_BEFORE.search(text, max(0, s - 10), s)
    if b is None:
        return s, e
    phrase = " ".join(text[b.start():e].split()).lower()
    return (b.start(), e) if any(phrase in " ".join(text[a:z].split()).lower() for a, z in spans) else (s, e)


_QUOTES = " \t\"'“”‘’()`"


@lru_cache(maxsize=4096)
def _phrase_rx(phrase: str, single: bool) -> re.Pattern[str]:
    if single:  # a capital as written, not "Building D", "D-3", "D."
        return re.compile(r"(?<![\w'’\-/.#])" + re.escape(phrase) + r"(?![\w'’\-/.])")
    return re.compile(r"(?<![\w'’\-])" + r"\s+".join(map(re.escape, phrase.split())) + r"(?![\w\-])", re.IGNORECASE)


def alias_phrases(text: str, aliases: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every mention of an alias that ``mentions`` cannot follow word by word, as one span: an alias of several
    words ("Lil' Ray", "Baby Dre": the apostrophe and both words go), with digits ("Lil 9", "2Pac") in any case,
    and a single capital ('Dwayne "D" Carter ... D had a gun') as written."""
    out: list[tuple[int, int]] = []
    seen: set[str] = set()
    for s, e in aliases:
        if (p := _ANY_PREFIX_BEFORE.search(text, max(0, s - 10), s)) is not None:
            s = p.start()  # "Baby Dre": the prefix goes with it
        phrase = text[s:e].strip(_QUOTES)
        words = phrase.split()
        key = phrase.lower()
        single = len(phrase) == 1 and phrase.isupper() and phrase not in "AI"
        if key in seen or not (single or len(words) > 1 or any(c.isdigit() for c in phrase)):
            continue
        seen.add(key)
        if text[s:e] == phrase and (text.count(phrase) if single else text.lower().count(words[0].lower())) < 2:
            continue  # written once, here: no other mention to find, no regex to compile
        out.extend(m.span() for m in _phrase_rx(phrase, single).finditer(text) if not (m.start() <= s and e <= m.end()))
    return out


_COMPOUND = trie_compile(r"[^\W\d_]+(?:[\-'’][^\W\d_]+)+")


def _whole_compound(text: str, s: int, e: int, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The whole hyphenated word around ``s:e`` when it was redacted whole elsewhere ("t-bone", "al-masri")."""
    lo = s
    while lo > 0 and (text[lo - 1].isalpha() or text[lo - 1] in "-'’"):
        lo -= 1
    hi = e
    while hi < len(text) and (text[hi].isalpha() or text[hi] in "-'’"):
        hi += 1
    if text[hi - 2:hi].lower() in ("'s", "’s") and hi - 2 >= e:
        hi -= 2  # "d'andre's": the name without its possessive
    c = _COMPOUND.fullmatch(text, lo, hi)
    if c is None or (lo, hi) == (s, e):
        return s, e
    whole = fold(c.group()).lower()
    if any(whole in fold(text[a:b]).lower() for a, b in spans):
        return lo, hi
    return s, e


_PREFIX_BEFORE = trie_compile(r"(?<![\w'’\-])(?:(?-i:Lil|LIL|Li['’]l|LI['’]L|Little|LITTLE|Baby|BABY|Big|BIG|Yung|YUNG)"
                            r"|lil|li['’]l|yung)['’]?[ \t]+\Z")
_LOWER_PREFIX_BEFORE = trie_compile(r"(?<![\w'’\-])(?:little|baby|big)[ \t]+\Z")
_ANY_PREFIX_BEFORE = trie_compile(r"(?<![\w'’\-])(?:lil|li['’]l|little|baby|big|yung)['’]?[ \t]+\Z", re.IGNORECASE)
# How the ASCII text before a name ends, lower case and without its spaces, when a prefix or a particle is there.
_PREFIX_ENDS = ("lil", "li'l", "little", "baby", "big", "yung", "lil'", "li'l'", "little'", "baby'", "big'", "yung'")
_PARTICLE_ENDS = tuple(p for p in PARTICLES | {"an"} if p.isascii())
_MIDDLE_AFTER = trie_compile(r"[ \t]([^\W\d_])(?:\.(?![\w/])|(?![\w/'’.\-]))")  # same line: "\nW:" is a label


def extend_particles(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` grown over particles and the word after them ("Maria" + " de la Cruz") or before it, or
    over the middle initial after ``last, first``."""
    m = _PARTICLES_AFTER.match(text, end)
    if m is not None:
        end = m.end()
    elif text[max(0, end - 3):end].lower() in ("mac", " mc") and (a := _AN_AFTER.match(text, end)) is not None:
        end = a.end()  # "aaliyah mac" + " an tsaoir"
    elif "," in text[start:end] and (i := _MIDDLE_AFTER.match(text, end)) is not None and i.group(1) not in "aAiI":
        end = i.end()  # "foster, tatiana l.": ``last, first`` and a middle initial
    before = text[max(0, start - 12):start]
    last = before.rstrip().lower() if before.isascii() else None  # ASCII: what the searches below need, in short
    if (last is None or last.endswith(_PREFIX_ENDS)) and (
            (p := _PREFIX_BEFORE.search(text, max(0, start - 10), start)) is not None or (
            (p := _LOWER_PREFIX_BEFORE.search(text, max(0, start - 10), start)) is not None
            and not any(c.isupper() for c in text))):
        return p.start(), end  # "Baby Boy", "Lil Ray", "lil' ray", "baby boy" in a lower-case text: an alias's prefix
    b = _PARTICLES_BEFORE.search(text, max(0, start - 12), start) if last is None or last.endswith(
        _PARTICLE_ENDS) else None
    if b is not None and not (b.group().strip().startswith(("St", "ST")) and text[start:start + 1].islower()):
        start = b.start()  # not "Adams St. darnell": a street, then a name opening the next sentence
    return start, end


_NAME_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_PAREN_AFTER = trie_compile(r"(?:\s+[^\W\d_]\.?(?=\s*\())?\s*\(\s*[\"“']?(" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD
                          + r"){0,2})[\"”']?\s*\)")
# "and", "&", "or", "+" ("me + anneliese + tavita") or a slash ("oksana/bartholomew") between the two names
_AND_AFTER = trie_compile(r"(?:\s*(?:,\s*)?(?:and|&|or|\+)\s+|[ \t]*/[ \t]*)((?:[^\W\d_]\.\s*)?" + _NAME_WORD + r")",
                        re.IGNORECASE)
_LIST_BEFORE = trie_compile(r"(?<![\w'’\-])(" + _NAME_WORD + r")[ \t]*,[ \t]*\Z")
_LIST_AFTER = trie_compile(r"[ \t]*,[ \t]*(" + _NAME_WORD + r")(?=(?:[ \t]+[^\W\d_]+){0,2}?[ \t]*(?:,|(?i:and|&)[ \t]))")
_LIST_GOES_ON = trie_compile(r"[ \t]*(?:,|(?i:and|&)[ \t])")
_AND_BEFORE = trie_compile(r"(?<![\w'’\-/])(" + _NAME_WORD + r")(?:\s*,?\s+(?:and|&|or|\+)\s+|[ \t]*/[ \t]*)\Z",
                         re.IGNORECASE)


_AMBIGUOUS_NAMES = AMBIGUOUS_GIVEN - CUE_WORDS
_COMMA_GIVEN = trie_compile(r",\s*(" + _NAME_WORD + r")(?=\s*[.,;:)|/]|\s*$|\s+([^\W\d_]+))")


WORD_PREFIXES = frozenset({"ex", "co", "step", "half", "self", "non", "pre", "re", "anti", "vice", "great", "grand",
                            "well", "part", "full", "all", "semi", "mid", "off", "on", "in", "out", "up", "down"})


def _hyphenated_name(word: str, is_name: Callable[[str], bool]) -> bool:
    """A hyphenated given name after ``surname, `` ("mary-jane", "JI-WOO"): a part is a name, or every part is a
    syllable of two to four letters ("seo-yeon"); no part a report or common word ("co-owner", "well-known")."""
    parts = word.lower().split("-")
    if len(parts) != 2 or not all(len(p) >= 2 and p.isalpha() for p in parts) or parts[0] in WORD_PREFIXES or any(
            p in NOT_NAME_WORDS or p in CAPS_STOP_WORDS for p in parts):
        return False
    return any(is_name(p) for p in parts) or all(len(p) <= 4 for p in parts)


def _given_after_surname(text: str, s: int, e: int, is_name: Callable[[str], bool]) -> tuple[int, int] | None:
    """``LAST, FIRST`` written in lower case ("his mother de la cruz, ngozi took"): after a one-word surname (its
    particles apart), a comma and a name-like word followed by a common word or a verb form is the given name."""
    words = [w for w in _KEY_TOKEN.findall(text[s:e]) if w.lower() not in PARTICLES] or _KEY_TOKEN.findall(text[s:e])
    m = _COMMA_GIVEN.match(text, e)  # "le, khoa": a surname that is a particle elsewhere is the surname here
    if len(words) != 1 or m is None or not (_hyphenated_name(m.group(1), is_name) or is_name(m.group(1))
                                            or m.group(1).lower() in _AMBIGUOUS_NAMES):
        return None
    nxt = (m.group(2) or "").lower()
    if nxt and nxt not in CAPS_STOP_WORDS and not nxt.endswith(("ed", "s")) and word_kind(m.group(1)) != "strong":
        return None  # "st. john, bogdan fight": a word no dictionary holds is the given name before any verb
    if text[:s].rstrip(" \t").endswith(",") and _past_form(m.group(1).lower()):
        return None  # "my neighbor, vasyl, fell through": an apposition, then its verb
    if (c := _CALLED_BEFORE.search(text, max(0, s - 12), s)) and (c.group().strip() not in ("\"", "“") or
                                                                   word_kind(m.group(1)) != "strong"):
        return None  # "hey will, come over here", '"jack, drop it"' (not '"garcia, maria"'): a call, then its ask
    return m.span(1)


_CALLED_BEFORE = trie_compile(r"(?:(?<![\w'’])(?i:hey|hi|hello|yo|thanks|dear|okay|ok|sorry|please|bye)[ \t]+|[\"“])\Z")


def _past_form(low: str) -> bool:
    return low in NARRATIVE_VERBS or low in irregular_verb_forms()


def neighbour_names(text: str, spans: Sequence[tuple[int, int]], is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Names next to a found name: a nickname in parentheses after it ("Mohammed Adeyemi (Mo)"), the other
    member of a pair ("Oksana and Łukasz", "my kids juana and aisha") and the given name after a surname written
    ``last, first``, when ``is_name`` accepts the word."""
    out = []
    for s, e in spans:
        given = _given_after_surname(text, s, e, is_name)
        if given is not None:
            out.append(given)
        for rx in (_PAREN_AFTER, _AND_AFTER):
            m = rx.match(text, e)
            words = m.group(1).split() if m is not None else []
            if m is not None and (is_name(words[-1].split(".")[-1]) or (rx is _PAREN_AFTER and len(words) == 1 and any(
                    fold(words[0]).lower() in forms_of(w) for w in _KEY_TOKEN.findall(text, s, e)))) and not any(  # "(MO)"
                    w.lower() in CAPS_STOP_WORDS or w.lower() in _CUE_WORDS for w in words):
                out.append(m.span(1))
                if rx is _AND_AFTER:  # "LEE, MIN-JUN and PARK, JI-WOO": the pair's own given name
                    out.extend(g for g in [_given_after_surname(text, *m.span(1), is_name)] if g is not None)
        b = _AND_BEFORE.search(text, max(0, s - 40), s) if _joined_before(text, s) else None
        if b is not None and is_name(b.group(1)) and not _thing_before(text, b.start(1), b.group(1)) and not (
                b.group(1).lower() in party_labels() and "/" in text[b.end(1):s]):  # "PASS/ Nguyen": a card's label
            out.append(b.span(1))
        elif _LIST_GOES_ON.match(text, e) and (c := _LIST_BEFORE.search(text, max(0, s - 40), s)) is not None \
                and word_kind(c.group(1)) in ("strong", "weak") and is_name(c.group(1)):
            out.append(c.span(1))  # "saw xiaoling, [tariq siddiqui] and [temitope]": a list's first member
        if (d := _LIST_AFTER.match(text, e)) is not None and word_kind(d.group(1)) in ("strong", "weak") \
                and is_name(d.group(1)):
            out.append(d.span(1))  # "saw [dariusz], xiaoling le blanc and tavita": a middle member
        out.extend(_nickname_before_bracket(text, s, e))
    return out


# "the passenger [seat] and garcia", "a [bell] and ...": a noun phrase's head before "and <name>", not a name
_THING_BEFORE = trie_compile(r"(?<![\w'’\-])(?i:the|a|an|his|her|their|my|your|our|its)[ \t]+(?:([^\W\d_]+)[ \t]+)?\Z")


def _thing_before(text: str, s: int, word: str) -> bool:
    """A word after a determiner (and maybe one more word) that reads as no name ("the passenger seat"), or a common
    word that is a name too with no cue before it ("the mason and ..."; not "my cousin hope and ..."): no member of a
    pair."""
    m = _THING_BEFORE.search(text, max(0, s - 24), s)
    if m is None or word.lower() not in dictionary_words():
        return False
    kind = word_kind(word)
    return not kind or (kind != "strong" and (m.group(1) is None or m.group(1).lower() not in _CUE_WORDS))


def _joined_before(text: str, s: int) -> bool:
    """What ``_AND_BEFORE`` needs right before ``s``: "and", "&", "or", "+" or "/" and spaces (a cheap test first)."""
    return text[max(0, s - 40):s].rstrip().lower().endswith(("and", "&", "or", "+", "/"))


_PAREN_BEFORE = trie_compile(r"(?<![\w'’\-])[\"“‘']?(" + _NAME_WORD + r")[\"”’']?\s*\(\s*\Z")
_PAREN_CLOSE = trie_compile(r"(?:\s*,\s*" + _NAME_WORD + r")?\s*\)")  # "(wilson, terrell)" found as two spans


def _nickname_before_bracket(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``Nick (First Last)``: a word right before a bracketed name is that person's nickname ("Conchita (Concepción
    Vega) called", "LYUDA (ASANTE, LUDMILA)", '"Red" (Marcus Young)'); no role, report or (unquoted) common word
    ("victim (Ann Lee)"), and in mixed case a capitalized or quoted one."""
    if not _PAREN_CLOSE.match(text, e):
        return []
    b = _PAREN_BEFORE.search(text, max(0, s - 40), s)
    if b is None or cue_before(text, b.end(1)):
        return []  # "S/N (Boo)", "nickname (peanut)": a cue, not a nickname
    word = b.group(1)
    low = word.lower()
    quoted = b.group().startswith(("\"", "“", "‘", "'"))  # '"Red" (Marcus Young)': an everyday word too
    if low in CAPS_STOP_WORDS or (low in NOT_NAME_WORDS and not quoted) or low in _CUE_WORDS or low in NARRATIVE_VERBS \
            or _verb_form(low):
        return []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    if mixed and not (word[:1].isupper() or quoted):
        return []
    start = b.start(1)
    if (p := _PREFIX_BEFORE.search(text, max(0, start - 10), start)) is not None:
        start = p.start()  # "Big Hurt (BROOKS, DARNELL)"
    return [(start, b.end(1))]


_CUE_WORDS = {c for c in PERSON_CUES_ANY_CASE if " " not in c} | {"report", "reports", "reported", "says", "said"}
_QUOTED_AFTER = trie_compile(r"(?:\s+[^\W\d_]\.?(?=\s*[(\"“\-–—]))?\s*(?:[\-–—]+\s*)?\(?\s*[\"“]([^\W\d_][\w'’\-]*"
                           r"(?:\s[^\W\d_][\w'’\-]*)?)[,.]?[\"”]"
                           r"|\s+\(?['‘]([^\W\d_][\w\-]*(?:\s[^\W\d_][\w\-]*)?)['’](?![\w])")


def quoted_after(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quoted word or two (no common word) right after a name, or right before it, is that person's alias
    ("Marcus Young \"Little Mac\"", "DOE, JOHN (\"SMOKE\")", "\"kilo\" tendai moyo"); in mixed-case text a quoted
    word after a name must be capitalized (or bracketed) to be no speech."""
    out = []
    lower_text = not any(c.isupper() for c in text)
    for s, e in spans:
        b = _QUOTED_BEFORE.search(text, max(0, s - 40), s)
        if b is not None and all(w.lower() not in CAPS_STOP_WORDS for w in b.group(1).split()) and not (
                _said_before(text, b.start())):
            out.append(b.span(1))
        m = _QUOTED_AFTER.match(text, e)
        if m is None:
            continue
        g = 1 if m.group(1) else 2  # double quotes, or single quotes after a space ("JONES, TERRELL 'SMOKE'")
        words = m.group(g).split()
        bracketed = "(" in text[e:m.start(g)]  # ("lil ray") right after a name: an alias in any case

        if all((w[:1].isupper() or bracketed or lower_text) and w.lower() not in CAPS_STOP_WORDS for w in words):
            out.append(m.span(g))
    return out


_TELLING = {"told", "tell", "tells", "telling", "ordered", "commanded", "asked", "instructed", "advised", "warned",
            "directed", "yelled", "shouted", "screamed", "said", "says", "saying", "stated", "replied", "heard"}
_SAYING = {"yelled", "yells", "screamed", "screams", "shouted", "shouts", "wrote", "writes", "read", "reads", "replied",
           "replies", "responded", "answered", "whispered", "saying", "yelling", "screaming", "shouting", "reading"}
_WORD_BEFORE_QUOTE = trie_compile(r"([^\W\d_]+)[\s,:]*\Z")


def _said_before(text: str, quote: int) -> bool:
    """A verb of speech right before a quote: what follows is speech ('said "stop"'), not an alias."""
    said = _WORD_BEFORE_QUOTE.search(text, max(0, quote - 30), quote)
    return said is not None and (said.group(1).lower() in NARRATIVE_VERBS or said.group(1).lower() in _SAYING)
_QUOTED_BEFORE = trie_compile(r"(?:^|(?<=[\s(,:;]))[\"“]([^\W\d_][\w'’\-]*(?:\s[^\W\d_][\w'’\-]*)?)[\"”]\s+\Z")


def _verb_form(word: str) -> bool:
    """"approached", "walking": a list of aliases ends at a verb ("aka Candy, approached the car")."""
    low = word.lower()
    return len(low) >= 6 and low.endswith(("ed", "ing")) and low not in given_names()
