"""Names taken after cues, without the NER, in any casing (``cued_names``; the cues themselves are ``names``').

* up to two name-like words (a middle initial between them allowed) after a relation, an officer title or an alias
  cue ("her roommate ngozi balogun", "P/O reddy", "passenger knight, nizhoni", "Lt. W. Campbell");
* after a role ("victim", "Ms", "including"), only a listed given name or surname, or a capitalized word in
  mixed-case text;
* a listed name right before a speech verb or "'s statement" ("smith stated"), after a verb taking a person
  ("told maria"), listed given-name-and-surname pairs, and the word after a single initial ("by d. rivera").
"""

from __future__ import annotations

import re

from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    SUFFIX_LOWER,
    VEHICLE_WORDS,
    fold,
)
from redaction.text.cue_words import OCCUPATIONS, verb_miss
from redaction.text.names import (  # the name words' own tests and word sets, shared
    _NOUN_OPENER_BEFORE,
    _PERSON_NOUNS,
    _STOP,
    _VERB_ENDINGS,
    _WORD,
    AMBIGUOUS_GIVEN,
    LEADING_PARTICLES,
    PARTICLES,
    RELATION_CUES,
    ROLE_CUES,
    _name_like,
    _skip_space,
    event_noun,
    given_names,
    inflected,
    irregular_verb,
    mixed_case,
    plain,
    surnames,
)
from redaction.text.names import CUE_WORDS as _CUE_WORDS
from redaction.text.spelling_forms import s_verb
from redaction.text.vocabulary import (
    COLOURS,
    NARRATIVE_VERBS,
    REPORT_ABBREVIATIONS,
    dictionary_words,
    uncommon_word,
    unknown_word,
)
from redaction.text.with_objects import thing_after_with
from redaction.text.word_pos import base_verb, lexicon
from redaction.wordtrie import trie_compile, word_trie

_OCCUPATION_SET = frozenset(OCCUPATIONS)


def _english_inflection(low: str) -> bool:
    """A listed surname that is an English -ing form too ("running"), not "manning", which no dictionary lists."""
    return low.endswith("ing") and inflected(low) and low in dictionary_words()

# After these, any name-like word is taken; after the roles ("victim", "driver", "Ms") only a listed name.
_FREE_CUES = [*RELATION_CUES, "named", "identified as", "id'd as", "idd as", "i.d.'d as", "including", "known as", "a/k/a", "aka", "nicknamed", "goes by", "alias",
              "rp", "r/p", "v/", "s/", "w/", "po", *(t.lower() for t in OFFICER_TITLES)]

_VERB_AFTER = trie_compile(r"(?:['’]s\s+statement|\s+(?:stated|states|said|says|told|advised|reported|spoke|explained|"
                         r"admitted|denied|indicated|declined|refused|confirmed|agreed|arrived|left|saw|knows|knew|heard|"
                         r"asked|called|texted|threatened|drives|lives|stays|hangs|works)\b)", re.IGNORECASE)

_INITIAL_NAME = trie_compile(r"(?<![\w./'’])[^\W\d_]\.[ \t]+(?:(?i:da|de|del|la|van|von|der|st\.?|mac\s+an)\s+)*"
                           r"([^\W\d_]+(?:['’\-][^\W\d_]+)*)")

def _cue_re(cues: list[str]) -> re.Pattern[str]:
    alts = word_trie(c.lower() for c in cues)
    # a period only after an abbreviation ("Ms.", "Sgt."): after "neighbour" it ends the sentence; a dash between
    # spaces as a form's separator ("RP - Sorensen", "SUSPECT -- LINDQVIST"), never a hyphen ("ex-wife")
    return trie_compile(r"(?<![\w/])(?:" + alts + r")(?:(?<=/)\s*|(?:(?<![^\W\d_]{5})\.)?[,:]?\s+(?:[-–—]{1,2}[ \t]+)?\(?)",
                        re.IGNORECASE)

_FREE_RE = _cue_re(_FREE_CUES)

_RELATION_WORD = trie_compile(r"(?:" + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in
                                        sorted(RELATION_CUES, key=len, reverse=True)) + r")\b", re.IGNORECASE)

_ROLE_RE = _cue_re(ROLE_CUES)

_INITIAL = trie_compile(r"[^\W\d_]\.[ \t]*")  # on the cue's line: "aaliyah b.\npass/" ends at the line

_SHORT = trie_compile(r"[^\W\d_]{2,3}(?![\w'’\-])")

_OBJECT = trie_compile(r"\b(?:let|said|told|saw|asked|met|called|texted|followed|visited|accompanied|hit|pushed|punched|"
                     r"kicked|grabbed|slapped)\s+([^\W\d_]{2,}(?:['’\-](?![sS]\b)[^\W\d_]+)*)"
                     r"(?:[ \t]+([^\W\d_]{2,}(?:['’\-](?![sS]\b)[^\W\d_]+)*))?",
                     re.IGNORECASE)

_PAIR_WORD = trie_compile(r"(?<![\w'’\-])[^\W\d_]{3,}(?:['’\-](?![sS]\b)[^\W\d_]+)*(?=['’][sS]\b|(?![\w'’\-]))")

_NEXT_NAME = trie_compile(r"\s*(,)|\s+([^\W\d_]+)")

_SPEECH = trie_compile(r"(?i:['’]s\s+statement|stated|states|said|says|told|advised|reported|spoke|explained)\b")

_LAST_WORD = trie_compile(r"(?<![\w'’\-])[^\W\d_]+(?:['’\-][^\W\d_]+)*\Z")

_INSTITUTIONS = {"black", "white", "brown", "gray", "grey", "green", "native", "middle", "bureau", "division", "unit", "units", "squad", "team", "section", "department", "dept", "office",
                 "station", "precinct", "district", "court", "county", "city", "state", "police", "jail", "hospital"}

_STREET_NEAR = trie_compile(r"(?:\s+[^\W\d_]+\.?){0,3}\s+(?:" + "|".join(sorted(SUFFIX_LOWER, key=len, reverse=True))
                          + r")\b", re.IGNORECASE)

_STREET_AFTER = trie_compile(r"\s+(?:" + "|".join(sorted(SUFFIX_LOWER, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def cued_names(text: str) -> list[tuple[int, int]]:
    """Names taken without the NER (see the module docstring).

    * up to two name-like words (a middle initial between them allowed) after a relation, an officer title or
      an alias cue, in any casing ("her roommate ngozi balogun", "P/O reddy", "passenger knight, nizhoni",
      "Lt. W. Campbell"); a listed surname that is also a common word counts there ("Cpl. North");
    * after a role ("victim", "Ms", "including"), only a listed given name or surname, or a capitalized word in
      mixed-case text;
    * two or three letters that are no common word after a cue ("officer fq");
    * a listed name right before a speech verb or "'s statement" ("smith stated", "ward's statement"), and the
      word after a single initial when it is a listed name ("by d. rivera").
    """
    out: list[tuple[int, int]] = []
    mixed = mixed_case(text)
    given, family = given_names(), surnames()
    out += _after_cues(text, mixed, given, family)
    out += _before_verbs(text, mixed, given, family)
    out += _objects(text, mixed, given, family)
    out += _listed_pairs(text, given, family, mixed)
    out += _initial_names(text, given, family)
    return out


# Adverbs that are listed surnames too, after a name a cue took ("a 14 y/o named tiana overnight").
_ADVERBS_AFTER = frozenset({"overnight", "daily", "nightly", "weekly", "monthly", "outside", "inside", "upstairs",
                            "downstairs", "home", "alone", "together", "instead", "anyway", "early", "late", "lately"})


def _after_cues(text: str, mixed: bool, given: frozenset[str], family: frozenset[str]) -> list[tuple[int, int]]:
    """Up to two name-like words after a relation, title or alias cue; after a role, listed names only."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out: list[tuple[int, int]] = []
    for free, rx in ((True, _FREE_RE), (False, _ROLE_RE)):
        for m in rx.finditer(text):
            pos = m.end()
            relation = _RELATION_WORD.match(m.group()) is not None
            ini = _INITIAL.match(text, pos)
            if ini is not None and free:
                pos = ini.end()
            taken = 0
            first = -1
            last = -1
            while taken < 2:
                w = _WORD.match(text, pos)
                if w is None:
                    break
                word = w.group().rstrip(".")
                low = word.lower()
                if low in _NAME_UNKNOWN and _skip_space(text, w.end()) > w.end():
                    pos = _skip_space(text, w.end())  # "witness FNU Okonkwo": first name unknown, the surname follows
                    continue
                if (taken and (low in PARTICLES or (len(low) == 1 and w.group().endswith(".")))) or (
                        low in LEADING_PARTICLES and _skip_space(text, w.end()) > w.end()):
                    if first < 0 and not taken:
                        first = w.start()  # "her roommate de la cruz": the surname starts with its particles
                    pos = _skip_space(text, w.end())  # "de la", "V." inside a name
                    continue
                folded = fold(low)  # the lists hold plain letters: "díaz" is "diaz"
                listed = low in given or low in family or folded in given or folded in family
                if free and mixed and word.islower():  # "Officer safety": in mixed case a lower-case name after a
                    # title is listed or follows an initial ("Det. l. wu"); after "roommate" any name
                    ok = _name_like(word) and (listed or relation or (ini is not None and taken == 0))
                elif free:
                    ok = _name_like(word) or (listed and low not in STOP_WORDS and low not in _INSTITUTIONS
                                              and low not in REPORT_ABBREVIATIONS
                                              and not (taken and (_english_inflection(low)
                                                                  or irregular_verb(low))))
                    ok = ok and not (taken and low in _ADVERBS_AFTER)  # "named tiana overnight"
                    if ok and relation and not taken and not listed and not mixed and (event_noun(low) or s_verb(low)):
                        ok = False  # "neighbor dispute", "family disturbance": what the relation had, no name; "dumps"
                else:  # after a role: a given name, a surname before a comma or a given name, a Capitalized word
                    after = _NEXT_NAME.match(text, w.start() + len(word))
                    surname = low in family and (taken > 0 or (after is not None and (
                        after.group(1) == "," or after.group(2).lower() in given))) or _plain_surname(low, family)
                    ok = _name_like(word) and low not in _MODALS and (low in given or surname or (taken > 0 and not _adjective(low, family))
                                               or (mixed and word[:1].isupper() and not word.isupper())
                                               or (not mixed and unknown_word(word)))  # "witness okonkwo stayed"
                    if not ok and not taken and "," not in m.group() and _HONORIFIC.fullmatch(m.group().strip(" \t.(")) \
                            and not verb_miss(text, m.start()):
                        ok = low in family and low not in CAPS_STOP_WORDS  # "mr. march": a surname that is a word
                if ok and not taken and _dash_value(m.group(), low, given, family):
                    ok = False  # "Driver - Unlicensed": after a form's dash, a word no name list holds is its value
                if ok and free and (relation or (m.group().rstrip().endswith("/") and text[w.end():w.end() + 1] != ",")) \
                        and not taken and thing_after_with(m.group(), word, mixed, given,
                                                                               AMBIGUOUS_GIVEN, text[w.end():w.end() + 30]):
                    ok = False  # "seen with hammer": a thing (with_objects.py)
                if (low in NARRATIVE_VERBS and (taken or not mixed)) or (not taken and _colon_verb(m.group(), low)):
                    ok = False  # "aka: shorty sells": a verb after the name; "victim stated"; "mom: come home"
                if not ok:
                    if not taken:
                        short = _SHORT.match(text, pos)
                        if short is not None and short.group().lower() not in _STOP | STOP_WORDS | REPORT_ABBREVIATIONS and not (
                                m.group().strip(" \t,.:(").lower() in _OCCUPATION_SET
                                and short.group().lower() in dictionary_words()):  # "the coach bus"
                            out.append(short.span())
                    break
                if first < 0:
                    first = m.end() if (ini is not None and free) else w.start()
                last = w.start() + len(word)
                taken += 1
                nxt = re.match(r",?[ \t]+", text[w.start() + len(word):])
                if nxt is None or low.endswith(("'s", "’s")):  # "known as oksana's cousin": the owner only
                    break
                pos = w.start() + len(word) + nxt.end()
            if first >= 0 and taken:
                out.append((first, last))
    return out


def _dash_value(cue: str, low: str, given: frozenset[str], family: frozenset[str]) -> bool:
    """The cue ends in a form's dash ("Driver - ") and the word after it is a dictionary word no name list holds."""
    return cue.rstrip(" \t(")[-1:] in "-–—" and low in dictionary_words() and low not in given and low not in family


_MODALS = frozenset({"shall", "dare", "ought"})  # modals the surname lists hold and no dictionary: "respondent shall stay"


def _plain_surname(low: str, family: frozenset[str]) -> bool:
    """A listed surname no dictionary holds as a word or a word's plural ("suspect haskins fled"), or a double surname of listed or
    unknown parts ("co-def ruiz-medina", "witness okonkwo-ruiz"): after a role, a name in any casing."""
    if "-" not in low:
        return low in family and uncommon_word(low) and not inflected(low) and low not in _MODALS
    parts = low.split("-")
    return len(parts) == 2 and all(len(p) > 2 and (p in family or unknown_word(p)) for p in parts) \
        and any(p not in dictionary_words() for p in parts)


def _adjective(low: str, family: frozenset[str]) -> bool:
    """A dictionary adjective no surname list holds: after a role's name it says how the person was ("subj okonkwo
    cooperative"), it is no second name word."""
    return low in lexicon()[0] and low in dictionary_words() and low not in family


def _colon_verb(cue: str, low: str) -> bool:
    """"text from mom: come home", "sis: bring the kids": after a cue and a colon a verb opens the message."""
    return cue.rstrip(" \t(").endswith(":") and base_verb(low) and low not in given_names() and low not in AMBIGUOUS_GIVEN


_NAME_UNKNOWN = frozenset({"fnu", "lnu"})  # first / last name unknown, written where that name would stand
_HONORIFIC = trie_compile(r"(?i:mr|mrs|ms|miss|mx|dr)")


_SHORT_SLASH = trie_compile(r"(?<![^\W\d_])[^\W\d_]{1,2}/\Z")


_FROM_BEFORE = trie_compile(r"(?<![\w'’])(?i:from)[ \t]+\Z")


def _before_verbs(text: str, mixed: bool, given: frozenset[str], family: frozenset[str]) -> list[tuple[int, int]]:
    """A listed name (or, in mixed case, a capitalized word) right before a speech or action verb."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out: list[tuple[int, int]] = []
    for m in _VERB_AFTER.finditer(text):
        w = _LAST_WORD.search(text, max(0, m.start() - 40), m.start())
        if w is None:
            continue
        low = plain(w.group())
        if len(low) < 2 or _SHORT_SLASH.search(text, max(0, w.start() - 4), w.start()) or low in REPORT_ABBREVIATIONS:
            continue  # "R/P advised", "C/W stated": a report label, not a name ("oksana/tavita said" is two)
        if low in dictionary_words() and _FROM_BEFORE.search(text, max(0, w.start() - 6), w.start()):
            continue  # "mo from work said": where the speaker is from
        # a capitalized unlisted word only before a verb of speech ("Marijuana ... left" is no person)
        titled = mixed and w.group()[:1].isupper() and low not in _STOP and _SPEECH.match(m.group().lstrip()) is not None
        if (low in given or low in family or titled) and low not in _STOP and low not in STOP_WORDS and (
                low not in _PERSON_NOUNS or titled) and low not in _CUE_WORDS:  # "Mom says": a relation, no name  # "a man called": a listed surname that is a noun here
            out.append(w.span())
    return out


def _objects(text: str, mixed: bool, given: frozenset[str], family: frozenset[str]) -> list[tuple[int, int]]:
    """A name as the object of a verb ("Miriam said Tyrone had", "let chidi fields into")."""
    out: list[tuple[int, int]] = []
    for m in _OBJECT.finditer(text):  # "Miriam said Tyrone had", "let chidi fields into"
        w1, w2 = m.group(1), m.group(2)
        l1, l2 = plain(w1), plain(w2 or "")
        second = bool(w2) and _name_like(w2) and (l2 in family or (mixed and w2[:1].isupper()))
        first = _name_like(w1) and (l1 in given or second or (mixed and w1[:1].isupper() and not w1.isupper())
                                    or unknown_word(w1))  # "told svety", "saw OKSO"
        if first:
            out.append((m.start(1), m.end(2) if second else m.end(1)))
    return out


def _listed_pairs(text: str, given: frozenset[str], family: frozenset[str], mixed: bool = False
                  ) -> list[tuple[int, int]]:
    """A given name followed by a surname ("tatiana little", "GUADALUPE WOODS", "Matteo Adeyemi"): see ``_pair``."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out: list[tuple[int, int]] = []
    words = list(_PAIR_WORD.finditer(text))
    for m, n in zip(words, words[1:], strict=False):
        l2 = n.group().lower()
        gap = text[m.end():n.start()]
        if gap in (", ", ",") and unknown_word(m.group()) and unknown_word(n.group()):
            out.append((m.start(), n.end()))  # "wiśniewski, bartosz": surname, given name, neither in a dictionary
        elif (gap in (" ", "\t") and l2 not in STOP_WORDS and l2 not in NARRATIVE_VERBS
                and (m.group().lower() not in STOP_WORDS or m.group().lower() in AMBIGUOUS_GIVEN)  # "many times"
                and _pair(m.group(), n.group(), mixed, given, family) and not _STREET_NEAR.match(text, n.end())
                and not (_NOUN_OPENER_BEFORE.search(text, max(0, m.start() - 8), m.start())
                         and m.group().lower() in dictionary_words())):  # "his crew hang out", "the sun rose": nouns

            out.append((m.start(), n.end()))
    return out


def _pair(w1: str, w2: str, mixed: bool, given: frozenset[str], family: frozenset[str]) -> bool:
    """Two words that are a given name and a surname: both listed (a hyphenated given name of listed parts too:
    "mary-kate"); or one listed or everyday given name and a surname English does not know ("chase balogun",
    "Nasrin Mohamud")."""
    l1, l2 = plain(w1), plain(w2)
    g1 = l1 in given or ("-" in l1 and all(p in given for p in l1.split("-") if p))
    s2 = l2 in family
    if l2 in REPORT_ABBREVIATIONS:
        return False  # "saeed abt it", "kiara poss headed": shorthand after a given name, no surname
    if g1 and s2:
        return not _english_inflection(l2) and not irregular_verb(l2)  # "ricky running", "wes began"
    if l2 in PARTICLES:
        return False  # "hendrik van der merwe": the particles open the surname (``particle_names``)
    if l1 in _PERSON_NOUNS or l1 in _STOP or l2 in _STOP or l2 in VEHICLE_WORDS or l1 in COLOURS or l2.endswith(_VERB_ENDINGS):
        return False  # "Allen disclaimed": a rare verb is no surname
    if (g1 or l1 in AMBIGUOUS_GIVEN) and (unknown_word(w2) or (s2 and l2 not in dictionary_words())):
        return True  # "Chase Balogun", "tui baker", "GRANT NGUYEN": a surname no dictionary holds after a given name
    # two words no dictionary holds ("ikaika kahananui"); an unknown word before a listed surname is as often a
    # street or a typo ("Milvia Addison")
    return w1.islower() == w2.islower() and unknown_word(w1) and unknown_word(w2)


def _initial_names(text: str, given: frozenset[str], family: frozenset[str]) -> list[tuple[int, int]]:
    """A listed name after a single initial ("by d. rivera", "L. PÉREZ")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out: list[tuple[int, int]] = []
    for m in _INITIAL_NAME.finditer(text):
        low = fold(m.group(1)).lower()  # "L. PÉREZ": the lists are unaccented
        if (low in family or low in given) and low not in STOP_WORDS and not _STREET_AFTER.match(text, m.end()) \
                and not (text[m.end():m.end() + 1] == ":" and low in NOT_NAME_WORDS):  # "kiara m. Companion: ..."
            out.append((m.start(), m.end()))
    return out


