"""Names a title or a role puts in front of a person, when the name words are everyday words.

* ``titled_names``: the one or two words after a courtesy title ("Ms.", "mrs", "MR", "Dr.", "Mx.", "Miss"), in any
  casing: "caseworker ms. summer lane", "MRS. HOPE", "Dr. Rich Baker". A title says a name follows, so its words
  are taken even when they are everyday words ("summer", "lane"), unless they are clearly not a name: a function
  word, a verb, a cue or report word ("Mr. and Mrs. Ward", "the dr said"). "Miss" and "Dr" are also a verb and a
  street suffix: after them only a word that reads as a name is taken ("did not miss work", "1200 Oak Dr").
* ``role_given``: an everyday given name alone after an occupation or role ("nurse carol at the er", "coach will
  said", "cashier amber stated", "the guard, dawn, let us in"): a name when what follows it is a verb a person does,
  punctuation or a preposition, never a noun ("nurse practitioner", "guard rail" name nobody). A given name that is
  also a verb or modal ("will", "rose", "drew") is taken only before a past-tense verb or between commas ("the
  driver will be cited", "the nurse rose from her chair").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import CAPS_STOP_WORDS
from redaction.text.cue_words import OCCUPATIONS, TEXTING_WORDS, verb_miss
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    LEADING_PARTICLES,
    PARTICLES,
    surnames,
    under_half_capitals,
)
from redaction.text.positions import PERSON_VERBS, word_kind
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS, dictionary_words, unknown_word
from redaction.wordtrie import trie_compile, word_trie

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_TITLE = trie_compile(r"(?<![\w/.'’\-])(?i:(mrs|mr|ms|mx|miss|dr))(?:\.[ \t]*|[ \t]+)(?=[^\W\d_])")
_WORD_AT = trie_compile(r"(" + _NAME + r")")
_STRICT_TITLES = ("miss", "dr")
_COURTESY = frozenset({"mr", "mrs", "ms", "mx"})  # also a verb and a street suffix
_ADDRESS_BEFORE = trie_compile(r"\d+[a-zA-Z]?(?:[ \t]+[^\W\d_]+\.?){1,3}[ \t]*\Z")  # "1200 Lake Dr": a street, not a doctor
_POSSESSIVE = trie_compile(r"['’][sS]\Z")


def _low(word: str) -> str:
    return _POSSESSIVE.sub("", word).lower()


def _never_name(low: str) -> bool:
    """A word no title puts a name in: a function word, a verb of a narrative, a cue or report word."""
    return (low in STOP_WORDS or low in CAPS_STOP_WORDS or low in NARRATIVE_VERBS or low in CUE_WORDS
            or low in REPORT_ABBREVIATIONS or len(low) < 2 or _verb_form(low))


def _verb_form(low: str) -> bool:
    """"contacted", "standing": a verb form, not "king", "reed" nor a surname no dictionary holds ("fleming")."""
    if not ((low.endswith("ing") and len(low) > 5) or (low.endswith("ed") and len(low) > 4)) or word_kind(low):
        return False
    return not (low in surnames() and low not in dictionary_words())


def _reads_as_name(word: str, mixed: bool) -> bool:
    return bool(word_kind(word)) or unknown_word(word) or (mixed and word[:1].isupper() and not word.isupper())


def _mixed(text: str) -> bool:
    return under_half_capitals(text)


def titled_names(text: str) -> list[tuple[int, int]]:
    """The one or two name words after a courtesy title (see the module doc), without a possessive "'s"."""
    out: list[tuple[int, int]] = []
    mixed = _mixed(text)
    for m in _TITLE.finditer(text):
        title = m.group(1).lower()
        pos = m.end()
        w = _WORD_AT.match(text, pos)
        while w is not None and w.group().lower() in LEADING_PARTICLES:  # "ms. de la cruz"
            nxt = _WORD_AT.match(text, _skip_space(text, w.end()))
            if nxt is None or nxt.start() == w.end():
                break
            w = nxt
        if w is None or _never_name(_low(w.group())):
            continue
        strict = title in _STRICT_TITLES
        before = text[max(0, m.start() - 40):m.start()]
        if strict and (not _reads_as_name(w.group(), mixed) or (title == "dr" and _ADDRESS_BEFORE.search(before))
                       or verb_miss(text, m.start())):
            continue
        end = w.end()
        if not _POSSESSIVE.search(w.group()):
            second = _second_word(text, w.end(), mixed)
            end = second if second is not None else end
        if _POSSESSIVE.search(text[pos:end]):
            end -= 2
        out.append((pos, end))
    return out


def _second_word(text: str, pos: int, mixed: bool) -> int | None:
    """The end of a surname after a title's first name word ("ms. summer [lane]"), particles allowed between."""
    gap = _skip_space(text, pos)
    if gap == pos:
        return None
    w = _WORD_AT.match(text, gap)
    while w is not None and w.group().lower() in PARTICLES:
        nxt = _WORD_AT.match(text, _skip_space(text, w.end()))
        if nxt is None or nxt.start() == w.end():
            return None
        w = nxt
    if w is None or _never_name(_low(w.group())):
        return None
    if not _reads_as_name(w.group(), mixed) and not (_low(w.group()) in surnames() and (
            _ends_name(text, w.end()) or _POSSESSIVE.search(w.group()))):
        return None  # "mr. dale [king] was", "ms. min-ji [park] assisted": a listed surname before a verb or a stop
    return w.end()


_NEXT = trie_compile(r"[ \t]*(?:([,.;:!?)]|\Z)|(" + _NAME + r"))")


def _ends_name(text: str, pos: int) -> bool:
    """What follows a name's last word: punctuation, the end, a function word or a verb of a narrative."""
    m = _NEXT.match(text, pos)
    if m is None:
        return False
    nxt = (m.group(2) or "").lower()
    return bool(m.group(1) is not None or nxt in STOP_WORDS or nxt in NARRATIVE_VERBS or nxt.endswith("ed"))


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


_ROLES = (*OCCUPATIONS, "manager", "landlord", "landlady", "supervisor", "boss", "owner", "driver", "employee",
          "coworker", "co-worker", "babysitter", "nanny", "caretaker", "caregiver", "tenant", "neighbor", "neighbour",
          "roommate", "friend")
_ROLE = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie(sorted(_ROLES)) + r")(,?)[ \t]+(" + _NAME + r")(?=(,?)[ \t]*("
                   + _NAME + r")?)")
_VERBISH = frozenset({"will", "may", "rose", "drew", "chase", "grant", "mark", "rob", "sue", "pat", "frank", "art",
                      "ray", "cliff", "wade", "miles", "page", "price", "rich", "bill", "jack", "hope", "norm", "herb"})
_AFTER_NAME = frozenset({"at", "from", "of", "who", "whom", "whose", "and", "on", "in", "with", "was", "is", "had",
                         "has", "did", "would", "could", "also", "then", "later", "again", "never", "works", "worked"})
_ENDS = ",.;:!?)("


def role_given(text: str) -> list[tuple[int, int]]:
    """An everyday given name alone after an occupation or role (see the module doc)."""
    out: list[tuple[int, int]] = []
    for m in _ROLE.finditer(text):
        word, nxt = m.group(2), (m.group(4) or "").lower()
        low = word.lower()
        modal = low in ("will", "may")
        if (word_kind(word) != "given" and not modal) or low in CUE_WORDS or (low in STOP_WORDS and not modal):
            continue  # a listed or unknown name is the cue rules' to take; a common word is no name
        after = text[m.end(2):m.end(2) + 2].lstrip(" \t")[:1]
        boxed = m.group(1) == "," and m.group(3) == ","  # "the manager, dawn, said"
        past = nxt in PERSON_VERBS or (nxt.endswith("ed") and len(nxt) > 3)
        if low in _VERBISH:
            ok = boxed or past
        else:
            ok = boxed or past or after in _ENDS or nxt in _AFTER_NAME or nxt in NARRATIVE_VERBS
        if ok:
            out.append(m.span(2))
    return out


_SUFFIX_SURNAMES = ("lane", "pike", "way", "row", "court", "place", "drive", "loop", "trail", "square",
                    "circle", "alley", "terrace")
_CUED_SUFFIX = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie(sorted(CUE_WORDS | _COURTESY)) + r")\.?,?[ \t]+(" + _NAME
                          + r")[ \t]+((?i:" + word_trie(_SUFFIX_SURNAMES) + r"))(?![\w'’\-])")


def suffix_surnames(text: str) -> list[tuple[int, int]]:
    """A given name and a surname that is also a street word after a person cue or a title ("her cousin dana lane
    was there", "VICTIM LAUREN PIKE REPORTS"): no street, since a cue puts a person there; a number or a street
    word after it makes it one ("her mother, [on] rose lane 12" is not taken: no cue right before)."""
    out: list[tuple[int, int]] = []
    for m in _CUED_SUFFIX.finditer(text):
        given = m.group(1)
        if word_kind(given) not in ("strong", "given") or given.lower() in CUE_WORDS or not _ends_name(text, m.end(2)):
            continue
        out.append((m.start(1), m.end(2)))
    return out


_SLANG = trie_compile(r"(?<![\w'’\-])(?i:my|ur|your|his|her|their|our|yo)[ \t]+(?i:boy|boyy|girl|gurl|homie|homeboy|homegirl|"
                    r"dude|bestie|bff|bestfriend|best friend|guy|man|shorty|boo|bae|baby daddy|baby mama|babymama|"
                    r"babydaddy|baby momma|bm|bd)[ \t]+(" + _NAME + r")(?![\w'’\-])")


# Relations that are only ever people: after one, an everyday word before a verb is a street name ("his homeboy
# spider drove"), where "my boy" or "his guy" may still be a noun phrase ("my boy scout troop").
_PERSON_ONLY_RELATIONS = frozenset({"homie", "homeboy", "homegirl", "bestie", "bff", "bestfriend"})
_VERB_NEXT = trie_compile(r"[ \t]+([^\W\d_]+)")


def slang_relations(text: str) -> list[tuple[int, int]]:
    """A name after a relation in slang with its possessive ("tell ur boy dre", "his girl kiara", "her baby daddy
    tre"): a word that reads as a name or that no dictionary holds, never a function, cue or texting word; after a
    relation that is only a person ("homeboy"), any such word right before a narrative verb ("homeboy spider drove")."""
    out: list[tuple[int, int]] = []
    for m in _SLANG.finditer(text):
        word = m.group(1)
        low = word.lower()
        if _never_name(_low(word)) or low in TEXTING_WORDS:
            continue
        if word_kind(word) in ("strong", "weak", "surname") or (word_kind(word) == "given" and _ends_name(text, m.end(1))) \
                or (len(low) >= 3 and low not in dictionary_words() and low not in STOP_WORDS) or _relation_then_verb(text, m):
            out.append(m.span(1))
    return out


def _relation_then_verb(text: str, m: re.Match[str]) -> bool:
    """``_SLANG`` matched a relation of ``_PERSON_ONLY_RELATIONS`` and a narrative verb follows the word after it."""
    relation = text[m.start():m.start(1)].split()[-1].lower()
    v = _VERB_NEXT.match(text, m.end(1))
    return relation in _PERSON_ONLY_RELATIONS and v is not None and v.group(1).lower() in NARRATIVE_VERBS


_LABEL = trie_compile(r"(?<![\w/#\-])(?i:[vwscp]|vic|vict|wit|sus|susp|rp)[ \t]?-?#?\d{1,2}(?![\w/])[ \t]*[:\-]?[ \t]*\(?[ \t]*("
                    + _NAME + r")")


# Everyday words that are given names, taken after a party label ("W1 sunny"); not a description ("W1 male").
_LABEL_GIVEN = AMBIGUOUS_GIVEN - CUE_WORDS - {
    "male", "lady", "man", "boy", "baby", "son", "black", "white", "brown", "green", "gray", "grey", "tan", "in", "an",
    "so", "see", "ma", "pa", "al", "kin", "bay", "hang", "else", "young", "long", "early", "will", "may"}


def label_names(text: str) -> list[tuple[int, int]]:
    """The name after a numbered party label ("W1 sunny", "V2 (autumn)", "S-1: stone cold", "WIT #2 river"): the
    label says a person follows, so an everyday word is taken too, never a function word, a verb or a cue."""
    out: list[tuple[int, int]] = []
    mixed = _mixed(text)
    for m in _LABEL.finditer(text):
        word = m.group(1)
        if _never_name(_low(word)) or _low(word) in TEXTING_WORDS:
            continue
        if not (_reads_as_name(word, mixed) or _low(word) not in dictionary_words() or _low(word) in _LABEL_GIVEN):
            continue
        end = m.end(1)
        if not _POSSESSIVE.search(word):
            second = _second_word(text, m.end(1), mixed)
            end = second if second is not None else end
        out.append((m.start(1), end - 2 if _POSSESSIVE.search(text[m.start(1):end]) else end))
    return out
