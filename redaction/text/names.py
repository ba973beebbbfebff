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
cue-led given name the NER still rejects is kept anyway (recall first). The names taken after cues without the NER
are ``cued_names``'; this module holds the name lists and the word tests both use.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP_WORDS

from redaction.recognizers.person_caps import upper_ratio
from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    NOT_NAME_PHRASES,
    NOT_NAME_WORDS,
    SUFFIX_LOWER,
    US_STATES,
    VEHICLE_WORDS,
    fold,
    word_list,
)
from redaction.text.cue_words import PERSON_CUES_ANY_CASE, TEXTING_WORDS, verb_miss
from redaction.text.lower_streets import travel_street
from redaction.text.owners import OWNED
from redaction.text.vocabulary import (
    COLOURS,
    NARRATIVE_VERBS,
    REPORT_ABBREVIATIONS,
    dictionary_words,
    irregular_verb_forms,
    unknown_word,
)
from redaction.text.with_objects import thing_after_with
from redaction.text.word_pos import base_verb
from redaction.wordtrie import trie_compile, word_trie

PARTICLES = {"de", "del", "della", "la", "le", "van", "von", "der", "den", "da", "di", "du", "dos", "das", "st",
             "st.", "san", "bin", "ibn", "al", "el", "ter", "ten", "mac", "an", "ní", "nic", "ó", "uí"}  # "Mac an" only inside a name
# Particles that may open a surname written after a cue ("her roommate de la cruz").
LEADING_PARTICLES = {"de", "del", "della", "la", "le", "van", "von", "der", "den", "da", "di", "du", "dos", "das", "ní", "nic",
                     "ó", "uí"}
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
    "sergeant", "officer", "son", "hang", "tan", "bay", "kin", "male", "lady", "man", "boy", "baby",
}
_CUE_WORDS = {c for c in PERSON_CUES_ANY_CASE if " " not in c and "/" not in c} | {
    "grandparent", "relative", "spouse", "sibling", "mx", "mr", "mrs", "ms", "himself", "herself", "themselves",
    "someone", "somebody", "anyone", "everyone", "daddy"}
CUE_WORDS = _CUE_WORDS  # relation and role words: never a name themselves
_PERSON_NOUNS = _CUE_WORDS | {"man", "male", "lady", "boy", "girl", "baby", "woman", "guy", "kid", "female", "officer",
                              "sergeant", "judge", "general", "son", "men", "women", "people", "person"}
_CAR_MAKERS = {"mercury", "lincoln", "jeep", "nissan", "toyota", "kia", "tesla", "mazda", "subaru", "volvo", "saturn"}
_STOP = CAPS_STOP_WORDS | NOT_NAME_WORDS | SUFFIX_LOWER | US_STATES | (TEXTING_WORDS - {"cuz"})
_SPACY_STOP = frozenset(SPACY_STOP_WORDS)
_WORD = trie_compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?")
_CUE_RE = trie_compile(
    r"(?<![\w/])(?:" + word_trie(c.lower() for c in PERSON_CUES_ANY_CASE)
    + r")(?:(?<=/)\s*|(?:(?<![^\W\d_]{5})\.)?,?\s+\(?)", re.IGNORECASE)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-case given names (US Census 1990 lists, ``names`` package; SSA baby names) that are not common English words."""
    import names as census

    here = os.path.dirname(census.__file__)
    out: set[str] = set()
    for fn in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(here, fn), encoding="ascii") as fh:
            out.update(line.split()[0].lower() for line in fh if line.strip())
    data = os.path.join(os.path.dirname(os.path.dirname(__file__)), "recognizers", "data")
    # names the 1990 list lacks ("ximena", "amir", "priya"), and rarer ones the model knows as words ("lakshmi")
    for fn in ("ssa_given_names.txt", "known_given_names.txt"):
        out |= word_list(os.path.join(data, fn))
    return frozenset(w for w in out if len(w) >= 3 and w not in AMBIGUOUS_GIVEN and w not in _STOP)


def plain(word: str) -> str:
    """``word`` in lower case, accents folded ("inés" is "ines"): the name lists hold plain letters."""
    low = word.lower()
    return low if low.isascii() else fold(low)


@lru_cache(maxsize=65536)  # a pure test of one word, asked for the same words text after text
def _name_like(word: str) -> bool:
    w = re.sub(r"['’]s\Z", "", word.rstrip(".").lower())  # "her ex husband's new wife": the cue's possessive
    if w in _SPACY_STOP and w not in AMBIGUOUS_GIVEN and w not in given_names():
        return False  # "my neighbor across the hall"
    if w in _CUE_WORDS or w in NARRATIVE_VERBS or w in ("aka's", "aka’s", "akas"):  # "lives with her grandmother ...": a relation word is no name
        return False
    if irregular_verb(w) or (w in REPORT_ABBREVIATIONS and w not in given_names()):
        return False  # "her partner wes began cpr"; "with the kids, poss headed to"
    return len(w) >= 2 and w not in _STOP and not inflected(w) or w in given_names()


_EVENT_ENDINGS = ("ute", "ance", "ence", "ment", "tion", "sion", "ity", "ness", "ship")


def event_noun(low: str) -> bool:
    """A dictionary noun naming an event or a state ("dispute", "disturbance", "argument", "situation"): after a
    relation word ("neighbor dispute") it is what the relation had, not the relation's name."""
    return low.endswith(_EVENT_ENDINGS) and low in dictionary_words() and low not in AMBIGUOUS_GIVEN


def irregular_verb(low: str) -> bool:
    """An irregular verb form ("began", "taught", "strode") that is no word of its own ("bit" of "Lil Bit", "ground")
    and no given name ("rose", "hung", "kent")."""
    return (low in irregular_verb_forms() and low not in dictionary_words() and low not in AMBIGUOUS_GIVEN
            and low not in given_names())


def inflected(low: str) -> bool:
    """An English word with an ending ("standing", "robbed", "quickly"): its stem is a dictionary word; "xiaoling",
    "ahmed", "guled", "naveed" and "king" have none (a letter comes off the stem only when it is doubled: "robb")."""
    for end in ("ing", "ed", "ly"):
        if low.endswith(end) and len(low) > len(end) + 2:
            stem = low[:-len(end)]
            words = dictionary_words()
            if not words:
                return True  # no dictionary: every such ending reads as a verb form, as before
            if any(x in words for x in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else "",
                                        stem[:-1] + "y" if stem.endswith("i") else "")):
                return True
    return False


def name_candidates(text: str) -> list[tuple[int, int]]:
    """Spans of words (not capitalized as names are in mixed-case text) that may be names: see the module doc."""
    out: list[tuple[int, int]] = []
    mixed = mixed_case(text)
    for m in _CUE_RE.finditer(text):
        if verb_miss(text, m.start()):
            continue  # "did not miss work"
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
            if not _name_like(word) or (n == 0 and thing_after_with(m.group(), word, mixed, given_names(),
                                                                    AMBIGUOUS_GIVEN, text[w.end():w.end() + 30])):
                break  # "seen with hammer": a thing (with_objects.py)
            if not (mixed and word[:1].isupper()):
                out.append(w.span())
            n += 1
            nxt = _skip_space(text, w.end())
            if nxt == w.end():
                break
            pos = nxt
    given, family = given_names(), surnames()
    prev: re.Match[str] | None = None
    for w in _WORD.finditer(text):
        word = w.group()
        if mixed and word[:1].isupper():
            prev = w
            continue
        low = plain(word)  # "inés", "lucía": the lists hold plain letters
        if low[-2:] in ("'s", "’s") and low[:-2] in given and OWNED.match(text, w.end()):
            out.append((w.start(), w.end() - 2))  # "kevin's brother": the owner is a person ("rosa's cantina" a shop)
            prev = w
            continue
        if low not in given:
            # "ask lakshmi nguyen": a listed surname after a name-like word (a given name no list holds)
            low = low[:-2] if low[-2:] in ("'s", "’s") else low  # "aditya jones's garage"
            if (low in family and low not in AMBIGUOUS_GIVEN and low not in VEHICLE_WORDS and low not in _CAR_MAKERS
                    and not low.endswith(("ing", "ed"))  # "kenji nguyen standing": a verb form
                    and low not in NARRATIVE_VERBS
                    and prev is not None and prev.group().lower() not in COLOURS
                    and prev.group().islower() == word.islower() and not prev.group().lower().endswith(("n't", "n’t")) and prev.end() < w.start()
                    and not text[prev.end():w.start()].strip() and _name_like(prev.group())
                    and not _verb_then_word(prev.group().lower(), low, given)):
                out.extend([prev.span(), w.span()])
            prev = w
            continue
        if low in dictionary_words() and (_DETERMINER_BEFORE.search(text, max(0, w.start() - 8), w.start())
                                          or _compound_noun(text, w.start())):
            prev = w
            continue  # "his crew", "her will": a noun after a determiner; "the first aid kit", "a big mac"
        if travel_street(text, w.start()):
            prev = w
            continue  # "ran east on ashby": a street (lower_streets.py)
        out.append(w.span())
        after = _WORD.match(text, _skip_space(text, w.end()))
        if after is not None and after.start() > w.end() and _name_like(after.group()):
            out.append(after.span())
        prev = w
    return sorted(set(out))


def _verb_then_word(prev: str, low: str, given: frozenset[str]) -> bool:
    """A base verb no given-name list holds, then a listed surname that is a dictionary word ("come pick him up",
    "go check", "come fix it"): a verb phrase, no "given surname" pair ("lakshmi nguyen")."""
    return base_verb(prev) and prev not in given and prev not in AMBIGUOUS_GIVEN and low in dictionary_words()


RELATION_CUES = PERSON_CUES_ANY_CASE[:PERSON_CUES_ANY_CASE.index("witness")]
ROLE_CUES = PERSON_CUES_ANY_CASE[PERSON_CUES_ANY_CASE.index("witness"):PERSON_CUES_ANY_CASE.index("named")]


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Lower-case surnames (US Census 1990 list, ``names`` package, and the 2010 surnames the model knows as words,
    ``data/census2010_surnames.txt``), common-word ones ("west", "ward") included, function and report words left
    out."""
    import names as census
    from spacy.lang.en.stop_words import STOP_WORDS

    with open(os.path.join(os.path.dirname(census.__file__), "dist.all.last"), encoding="ascii") as fh:
        out = {line.split()[0].lower() for line in fh if line.strip()}
    out |= word_list(os.path.join(os.path.dirname(__file__), "data", "census2010_surnames.txt"))
    return frozenset(w for w in out if len(w) >= 3 and w not in CAPS_STOP_WORDS and w not in STOP_WORDS
                     and w not in SUFFIX_LOWER)


_VERB_ENDINGS = ("ed", "ing", "ly", "es")

_DETERMINER_BEFORE = trie_compile(r"(?<![\w'’])(?i:his|her|their|my|your|our|its)[ \t]+\Z")

# a determiner or an article right before: a noun follows ("his crew", "the sun")
_NOUN_OPENER_BEFORE = trie_compile(r"(?<![\w'’])(?i:his|her|their|my|your|our|its|the|a|an)[ \t]+\Z")

# an article and one or two words before: a noun's modifiers ("the first aid kit", "a big mac", "the food trey")
_MODIFIED_BEFORE = trie_compile(r"(?<![\w'’])(?i:the|a|an)((?:[ \t]+[^\W\d_]+){1,2})[ \t]+\Z")

def _compound_noun(text: str, start: int) -> bool:
    """The word at ``start`` ends a noun phrase: an article, then one or two lower-case dictionary words that are no
    person noun ("the first aid kit"; not "the victim kit", "a friend kit")."""
    m = _MODIFIED_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    words = m.group(1).split()
    return all(w.islower() == text[start:start + 1].islower() and w.lower() in dictionary_words()
               and w.lower() not in _PERSON_NOUNS for w in words)


_NOT_NAME_PHRASE = trie_compile(
    r"(?<![\w'’])(?:" + "|".join(re.escape(p).replace("'", "['’]").replace(r"\ ", r"\s+")
                                 for p in sorted(NOT_NAME_PHRASES, key=len, reverse=True)) + r")(?![\w'’])", re.IGNORECASE)


def not_name_phrases(text: str) -> list[tuple[int, int]]:
    """Spans of places and things named after a person ("Trader Joe's", "Jack in the Box"): no name inside."""
    return [m.span() for m in _NOT_NAME_PHRASE.finditer(text)]


_PREFIXED_VERB = trie_compile(r"(?:re|pre|un|co|self)-[^\W\d_]+ed")


def neighbour_is_name(text: str) -> Callable[[str], bool]:
    """For ``people.neighbour_names``: a listed name, or a name-like word (no common or report word) that is
    capitalized when the text is in mixed case ("cocaine and marijuana" holds no name)."""
    mixed = mixed_case(text)
    given, family = given_names(), surnames()

    def is_name(word: str) -> bool:
        low = word.lower()
        if low in CAPS_STOP_WORDS or _PREFIXED_VERB.fullmatch(low):
            return False  # "LITTLE, RE-CONTACTED THE VICTIM": a verb after the name
        if low in given or low in family or unknown_word(word):
            return True
        return _name_like(word) and (not mixed or word[:1].isupper())

    return is_name


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


@lru_cache(maxsize=4096)
def mixed_case(text: str) -> bool:
    """Text written in mixed case, where a capital marks a name; in all-lower or all-capital text it marks nothing."""
    return 0.0 < upper_ratio(text) <= 0.5


_LETTER_RUN = trie_compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def title_cased(text: str, share: float) -> bool:
    """More than three runs of letters, at least ``share`` of them opening with a capital ("The Door Bell Was
    Broken", "Seen With Mace In Hand"): a capital marks no name there."""
    words = _LETTER_RUN.findall(text)
    return len(words) > 3 and sum(w[:1].isupper() for w in words) >= share * len(words)


def under_half_capitals(text: str) -> bool:
    """Some capitals, fewer than half of the letters (``mixed_case`` without a tie at half; cached per text)."""
    return 0.0 < upper_ratio(text) < 0.5


def recased(text: str, lo: int, hi: int, words: list[tuple[int, int]]) -> str:
    """``text[lo:hi]`` in sentence case (lower case when the text is mostly capitals) with ``words`` capitalized."""
    chunk = list(text[lo:hi].lower() if not mixed_case(text) else text[lo:hi])
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
