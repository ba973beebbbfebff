"""Names after cues that say a name follows, and name pairs whose given name a dictionary also lists.

* ``naming_cues``: after "identified as", "named her attacker as", "goes by", "introduced himself as", "told by",
  "thank you" a sentence puts what someone is called, so an everyday word that is also a given name is taken there
  ("told by precious that", "identified as rocky lane") when a function word, a verb or the text's end follows it
  (not "hit by rocky debris").
* ``boxed_names``: a word between two commas right after a person noun and before a verb ("the girl from next door,
  destiny, took it"): an apposition naming that person.
* ``named_before_pronoun``: an everyday given name right before "and she", "and he", "and her boyfriend" ("i called
  grace and she did not answer", "precious and her boyfriend came back"): the pronoun takes the name up.
* ``named_before_relation``: a name right before a relation in apposition ("faith rivera, my sister, was there").
* ``relation_is_name``: one name after "<relation> is" ("my sister is ngozi and she lives upstairs").
* ``dictionary_given_pairs``: a given name that the dictionary lists as a noun alone (a goddess, a place: "lakshmi")
  and no name list holds, before a word no vocabulary holds ("lakshmi venkataraman"), where a sentence puts a
  person: after a verb of contact ("spoke with"), a copula after a person word ("the caller's sister is"), or as
  the subject of a narrative verb ("lakshmi venkataraman said"). An adjective or a verb first ("silver nisan") is
  a thing, not a name.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, fold
from redaction.text.cue_words import OCCUPATIONS
from redaction.text.lexicon import noun_only
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS, PARTICLES
from redaction.text.positions import PERSON_VERBS, everyday_given, word_kind
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS, unknown_word
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_W = r"[ \t]+"
# Cues after which what follows is what a person is called (not what they are: "identified as a black male"), also
# with who says so between ("identified by the victim as hunter", "known to neighbors as").
_NAMING = (r"(?:identified|id'd|idd|named|known|introduced|listed|described)(?:" + _W
           + r"(?:(?:by|to)" + _W + r")?(?:(?:him|her|them|himself|herself|themselves|the|his|her|their|my|our|a|an)" + _W + r")?"
           + r"[^\W\d_]+)?" + _W + r"as"
           + r"|(?:goes|go|went|going|calls|called|calling)" + _W + r"(?:by|(?:him|her|them)sel(?:f|ves))"
           + r"|by" + _W + r"the" + _W + r"names?" + _W + r"of"
           + r"|(?:told|informed|advised|notified|warned|texted|called|contacted|raised|threatened|hit|punched|"
           r"pushed|attacked|assaulted|robbed|followed|helped|seen|picked[ \t]up|dropped[ \t]off)" + _W + r"by"
           + r"|thank(?:s|[ \t]+(?:you|u))?(?:[ \t]+so[ \t]+much)?[ \t,]*(?:to)?"
           + r"|shout[ \t]?outs?[ \t]+to"  # "shoutout to marisela for the ride"
           + r"|name(?:'s|s|[ \t]+is|[ \t]+was|[ \t]+are|[ \t]+were)")  # "her names ngozi": "name's" typed fast
_NAMING_RX = trie_compile(r"(?<![\w'’\-])(?i:" + _NAMING + r")[ \t]+(" + _NAME + r")(?:[ \t]+((?i:st\.[ \t]+)?" + _NAME
                        + r"))?(?:[ \t]+(" + _NAME + r"))?")  # "thanks to dolores st. john"
_DESCRIBED = trie_compile(r"(?i)described")


def _everyday(word: str) -> bool:
    """An everyday word that is also a given name ("precious", "rocky", "faith"), not a modal or a function word."""
    low = fold(word).lower()
    return (low in AMBIGUOUS_GIVEN or word_kind(word) in ("given", "strong")) and low not in SPACY_STOP \
        and low not in CUE_WORDS \
        and low not in ("will", "may", "can", "male", "female", "young", "black", "white", "brown", "rich")


def _free(word: str | None) -> bool:
    """After a name: nothing, a function word, a verb ("told by precious that", "as rocky lane and")."""
    if word is None:
        return True
    low = word.lower()
    return low in SPACY_STOP or low in NARRATIVE_VERBS or low in PERSON_VERBS or low in CAPS_STOP_WORDS


def naming_cues(text: str) -> list[tuple[int, int]]:
    """Names right after a naming cue (see the module doc): one word, or a given name and a surname."""
    out: list[tuple[int, int]] = []
    for m in _NAMING_RX.finditer(text):
        w1, w2, w3 = m.group(1), m.group(2), m.group(3)
        low1 = w1.lower()
        if low1 in SPACY_STOP or low1 in REPORT_ABBREVIATIONS or low1 in CUE_WORDS:
            continue
        if _DESCRIBED.match(m.group()) and not word_kind(w1) == "strong":
            continue  # "described as tall": only a word no vocabulary holds is a name there
        if not (word_kind(w1) or _everyday(w1)):
            continue
        core = w2.split()[-1] if w2 else w2  # "st. john": the surname after its particle
        if w2 and core and (word_kind(core) or w2.lower() in PARTICLES) and core.lower() not in SPACY_STOP \
                and core.lower() not in NARRATIVE_VERBS and _free(w3):
            out.append((m.start(1), m.end(2)))
        elif _free(w2) or _free(core):
            out.append(m.span(1))
    return out


# Where one person stands: a verb of contact or a person word and its copula ("sister is", "spoke with").
_PERSON_SLOT = trie_compile(
    r"(?<![\w'’\-])(?i:(?:spoke|speak|talked|talking|lives|lived|living|stays|stayed|staying|met|went|came|left|"
    r"fighting|arguing|argued|fought)[ \t]+with|(?:sister|brother|mother|father|mom|dad|son|daughter|aunt|uncle|"
    r"cousin|niece|nephew|grandmother|grandfather|grandma|grandpa|wife|husband|girlfriend|boyfriend|partner|friend|"
    r"roommate|neighbor|neighbour|coworker|co-worker|landlord|landlady|boss|ex|child|kid|baby's[ \t]+(?:mother|father)"
    r")(?:'s)?[ \t]+(?:is|was|named|called)|spoke[ \t]+to|according[ \t]+to|contacted|told|met|per)[ \t]+("
    + _NAME + r")[ \t]+(" + _NAME + r")(?![\w'’\-])")


def _plain_word(word: str) -> bool:
    """A dictionary word that could be a given name the lists miss: no function, report, cue or verb word."""
    low = fold(word).lower()
    return len(low) >= 3 and low not in SPACY_STOP and low not in CAPS_STOP_WORDS and low not in CUE_WORDS \
        and low not in NARRATIVE_VERBS and low not in REPORT_ABBREVIATIONS and low not in NOT_NAME_WORDS \
        and not low.endswith(("ing", "ed", "ly")) and noun_only(low) and low not in OCCUPATIONS


def dictionary_given_pairs(text: str) -> list[tuple[int, int]]:
    """``dictionary-word unknown-word`` where one person stands (see the module doc)."""
    return [(m.start(1), m.end(2)) for m in _PERSON_SLOT.finditer(text)
            if unknown_word(m.group(2)) and (_plain_word(m.group(1)) or word_kind(m.group(1)))]


_SUBJECT_PAIR = trie_compile(r"(?:\A|(?<=[.!?;:]\s)|(?<=\n)|(?<=,\s)|(?i:(?<=\bthat\s)|(?<=\band\s)|(?<=\bwhen\s)))("
                           + _NAME + r")[ \t]+(" + _NAME + r")[ \t]+([^\W\d_]+)")


def dictionary_given_subjects(text: str) -> list[tuple[int, int]]:
    """``dictionary-noun unknown-word`` opening a clause before a narrative verb ("lakshmi venkataraman said")."""
    return [(m.start(1), m.end(2)) for m in _SUBJECT_PAIR.finditer(text)
            if (m.group(3).lower() in NARRATIVE_VERBS or m.group(3).lower() in PERSON_VERBS)
            and unknown_word(m.group(2)) and _plain_word(m.group(1))]


# A person noun, up to five words, a name between commas, then a verb ("the girl from next door, destiny, took it").
_PERSON_NOUNS = ("girl", "guy", "lady", "man", "woman", "boy", "kid", "dude", "female", "male", "person", "chick",
                 "individual", "someone", "somebody", "gentleman", "teen", "teenager", "youth", "juvenile", "child")
_BOXED = trie_compile(r"(?<![\w'’\-])(?i:" + "|".join(_PERSON_NOUNS) + r")(?:[ \t]+[^\W\d_]+){0,4}?,[ \t]*("
                    + _NAME + r")[ \t]*,[ \t]*([^\W\d_]+)")


def boxed_names(text: str) -> list[tuple[int, int]]:
    """A name between commas after a person noun, before a verb (see the module doc)."""
    out: list[tuple[int, int]] = []
    for m in _BOXED.finditer(text):
        word, verb = m.group(1), m.group(2).lower()
        if not (verb in NARRATIVE_VERBS or verb in PERSON_VERBS or (verb.endswith("ed") and len(verb) > 4)
                or verb in ("who", "whose")):
            continue
        if word.lower() not in SPACY_STOP and (word_kind(word) or _everyday(word)):
            out.append(m.span(1))
    return out


_BACKREF = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")(?:[ \t]*,)?[ \t]+(?i:and|&|n)[ \t]+(?i:(she|he)|(?:her|his)[ \t]+("
                      + _NAME + r"))(?![\w'’\-])")
_NOT_BEFORE = frozenset({"said", "say", "says", "saying", "the", "a", "an", "my", "your", "his", "her", "our", "their", "its", "of", "no", "some", "any",
                         "this", "that", "much", "more", "less", "lot", "full", "in", "had", "have", "has", "lost"})
_WORD_BEFORE = trie_compile(r"([^\W\d_]+)[ \t]+\Z")


def named_before_pronoun(text: str) -> list[tuple[int, int]]:
    """An everyday given name taken up by a pronoun or "her/his" and a person word (see the module doc)."""
    out: list[tuple[int, int]] = []
    for m in _BACKREF.finditer(text):
        word, noun = m.group(1), (m.group(3) or "").lower()
        if m.group(2) is None and noun not in CUE_WORDS:
            continue  # "precious and her car"
        if not (everyday_given(word) or word_kind(word) == "given") or word.lower() in ("will", "may", "can"):
            continue
        prev = _WORD_BEFORE.search(text, max(0, m.start(1) - 20), m.start(1))
        if prev is not None and prev.group(1).lower() in _NOT_BEFORE:
            continue  # "lost hope and she", "the grace and her"
        out.append(m.span(1))
    return out


# A name before a relation in apposition: "faith rivera, my sister, was there", "ngozi, his cousin, said".
_BEFORE_RELATION = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?[ \t]*,[ \t]*(?i:my|his|her|their|our|"
                              r"your|the)(?:[ \t]+[^\W\d_]+['’][sS])?[ \t]+(" + _NAME + r")[ \t]*[,(]")


def named_before_relation(text: str) -> list[tuple[int, int]]:
    """A name, or a given name and a surname, right before ", my sister," (see ``_BEFORE_RELATION``)."""
    out: list[tuple[int, int]] = []
    for m in _BEFORE_RELATION.finditer(text):
        if m.group(3).lower() not in CUE_WORDS or m.group(3).lower() in ("named", "called"):
            continue
        w1, w2 = m.group(1), m.group(2)
        if w2 is None:
            if w1.lower() not in SPACY_STOP and (word_kind(w1) == "strong" or _everyday(w1)):
                out.append(m.span(1))
        elif w1.lower() not in SPACY_STOP and w2.lower() not in SPACY_STOP and (
                word_kind(w1) or _everyday(w1) or (_plain_word(w1) and unknown_word(w2))) \
                and (word_kind(w2) or w2.lower() in AMBIGUOUS_GIVEN):
            out.append((m.start(1), m.end(2)))
    return out


_RELATION_IS = trie_compile(
    r"(?<![\w'’\-])(?i:sister|brother|mother|father|mom|dad|son|daughter|aunt|uncle|cousin|niece|nephew|wife|husband|"
    r"girlfriend|boyfriend|friend|roommate|neighbor|neighbour|coworker|co-worker|ex|landlord|boss|mother|grandma|"
    r"grandmother|grandpa|grandfather|stepdad|stepmom|partner)(?:['’]s[ \t]+name)?[ \t]+(?i:is|was)[ \t]+(" + _NAME
    + r")(?=[ \t]*(?:[,.;!?)]|\Z|(?i:and|but|who|she|he|from|at)\b))")


def relation_is_name(text: str) -> list[tuple[int, int]]:
    """One name after "<relation> is" ("my sister is ngozi and she", "her friend is precious."): a word that reads
    as a name ("strong"), or an everyday given name; never a dictionary word alone ("is asthma", "is trouble")."""
    return [m.span(1) for m in _RELATION_IS.finditer(text)
            if m.group(1).lower() not in SPACY_STOP and (word_kind(m.group(1)) == "strong" or (
                _everyday(m.group(1)) and everyday_given(m.group(1))))]


def naming_spans(text: str) -> list[tuple[int, int]]:
    """Every span this module finds (see the module doc), for ``analysis``; the rules that need a word no vocabulary
    holds, or "and", run only when the text has one."""
    out = naming_cues(text) + boxed_names(text) + relation_is_name(text)
    if _APPOSITION.search(text):
        out += named_before_relation(text)
    if any(unknown_word(w) for w in _WORDS.findall(text)):
        out += dictionary_given_pairs(text) + dictionary_given_subjects(text)
    if _AND.search(text):
        out += named_before_pronoun(text)
    return out


_APPOSITION = trie_compile(r"(?i),[ \t]*(?:my|his|her|their|our|your|the)[ \t]")
_WORDS = trie_compile(r"[^\W\d_]{4,}")
_AND = trie_compile(r"(?i)[ \t](?:and|&|n)[ \t]+(?:she|he|her|his)\b")
