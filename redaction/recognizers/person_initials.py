"""Initials that stand for a person: "A.B.", "J. M.", "complainant AC", "Officer FQ", "P/O JT", "AC stated".

Agencies that already shorten names to initials (Philadelphia's complaint summaries) still publish who is
meant when the initials appear next to the record's other facts. Dotted initials are taken anywhere (a
short list of dotted abbreviations such as "A.M." or "U.S." excepted); two or three capitals need a
person cue before them or a speech verb after them, and are never a common or report word ("ON", "PD").
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.person_caps import upper_ratio
from redaction.recognizers.person_cue import SPEECH_VERBS
from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    LETTER,
    LOWER_CHARS,
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    UPPER,
    UPPER_CHARS,
    US_STATES,
)
from redaction.wordtrie import word_trie

# Dotted forms that are abbreviations, not initials ("a.m." and "p.m." only after a time: "P.M." may be someone;
# "P.O." is a police officer's title).
DOTTED_ABBREVIATIONS = {"us", "usa", "dob", "ie", "eg", "aka", "dc", "uk", "phd", "pd", "po", "yo"}
_TIME_BEFORE = re.compile(r"\d\s*$")
# "RP CB 4106089940", "suspended DL B3018246": letters right before a number label it (a badge keeps its "#")
_LABEL_OF_NUMBER = re.compile(r"\)?\s*:?\s*[A-Za-z]?\d")
KIN_WORDS = [
    "mother", "father", "parent", "son", "daughter", "child", "wife", "husband", "spouse", "girlfriend",
    "boyfriend", "partner", "ex-girlfriend", "ex-boyfriend", "brother", "sister", "sibling", "cousin", "aunt",
    "uncle", "niece", "nephew", "grandmother", "grandfather", "grandparent", "grandson", "granddaughter",
    "relative", "sister-in-law", "brother-in-law", "stepfather", "stepmother", "stepson", "stepdaughter",
]
INITIALS_CUES = [
    "complainant", "complainants", "victim", "witness", "suspect", "subject", "accused", "arrestee", "caller",
    "reporting party", "driver", "passenger", "neighbor", "neighbour", "roommate", "friend", "juvenile",
    "associate", "assisting", "identified as", "identified only as", "known as", "named", "according to",
    "Mr", "Mrs", "Ms", "Miss", "P/O", "PO", "P.O.", "C/", "V/", "W/", "S/", "RP", *KIN_WORDS, *OFFICER_TITLES,
]
_CUES = word_trie(sorted({c.lower() for c in INITIALS_CUES}))  # a trie: a few letters tested per word, not every cue
# Verbs a sentence's subject takes in a narrative: "AC stated", "FQ WAS RUDE", "MY was accompanied".
INITIALS_VERBS = [*SPEECH_VERBS, "was", "is", "had", "has", "did", "does", "came", "went", "took", "states",
                  "alleges", "alleged", "claims", "claimed", "reports", "says", "confirmed", "confirms", "denies",
                  "named", "identified", "complained", "searched", "pushed", "grabbed", "struck", "appeared",
                  "wrote", "recorded", "witnessed", "saw", "heard", "left", "returned", "entered", "approached",
                  "walked", "ran", "asked", "wanted", "became", "received", "used", "then", "and", "were", "are"]
_VERBS = "|".join(v.replace(" ", r"\s+") for v in sorted(set(INITIALS_VERBS), key=len, reverse=True))
_CAPS_START = r"(?<![\w'\-/.#])"  # no letter, digit, "'", "-", "/", ".", "#" right before the initials
_TWO_THREE = _CAPS_START + UPPER + r"{2,3}"
# What follows initials of a person: a badge ("FQ #4471", "MF (badge 7351)", "AB SERIAL 1234"), a descriptor
# or an age ("AN (Age: 64)", "HL, 43 H/F", "SF (b. 1966)"), a possessive ("ZB's car").
_BADGE = r"(?:#\s?\d{2,}|(?i:badge|serial|star|ser\.|payroll)\b)"
_BADGE_AFTER = r"(?=\s*\(?\s*" + _BADGE + ")"
_DESCRIPTOR_AFTER = (r"(?=\s*[(,]\s*\(?\s*(?:\d{1,3}\s*(?:/|,|\s+[WBHAO]/?[MF]\b|\s*(?i:y/o|yo|yoa|yrs?|years?|-year))"
                     r"|[WBHAO]/?[MF]\b|(?i:age|aged|born|b\.|yob|dob)\b))")

_VERB_AFTER = r"(?=\)?,?\s+(?i:" + _VERBS + r")\b)"
_POSSESSIVE_AFTER = r"(?=['’]s\b)"
# A verb whose object is a person, then initials ("The officer told CW to leave", "handcuffed RG").
_OBJECT_VERBS = ["told", "asked", "ordered", "instructed", "pushed", "grabbed", "struck", "punched", "arrested",
                 "handcuffed", "searched", "detained", "cited", "threatened", "followed", "stopped", "tased", "choked"]

INITIALS_PATTERNS = [
    Pattern("dotted", rf"(?<![\w.])(?i:{LETTER}\.\s?{LETTER}\.(?:\s?{LETTER}\.)?)(?!\w|\s?{LETTER}\.)", 0.8),
    Pattern("after cue", r"(?<![A-Za-z])(?i:" + _CUES + r")\.?(?:\s+|(?<=[/.])\s*)\(?(?P<name>" + UPPER
            + "{2,3})(?![\\w'\\-])", 0.8),
    Pattern("before verb", _TWO_THREE + _VERB_AFTER, 0.7),
    Pattern("before badge", _TWO_THREE + r"(?![\w'\-])" + _BADGE_AFTER, 0.8),
    Pattern("before descriptor", _TWO_THREE + r"(?![\w'\-])" + _DESCRIPTOR_AFTER, 0.7),
    Pattern("possessive", _TWO_THREE + _POSSESSIVE_AFTER, 0.7),
    Pattern("object", r"(?<![A-Za-z])(?i:" + word_trie(_OBJECT_VERBS) + r")\s+(?P<name>" + UPPER + r"{2,3})(?![\w'\-])",
            0.7),
]
# Where a match of the two-or-three-capitals patterns can start: two capitals opening a word (see ``ANCHORS``;
# measured faster than searching for their look-aheads first, ``REQUIRES``); ``_CAPS_START`` with letters, digits
# and "_" spelled out (``\w`` differs between the engines; a start after some other word character is tried too).
_TWO_CAPS_START = r"(?<![0-9_'\-/.#" + UPPER_CHARS + LOWER_CHARS + "])(?=" + UPPER + "{2})"
INITIALS_ANCHORS = {name: _TWO_CAPS_START for name in ("before verb", "before badge", "before descriptor", "possessive")}
# Initials after a cue or a verb follow a space, a bracket, a slash or a dot: texts without such two capitals are
# not searched for the cues.
_CAPS_AFTER_SPACE = r"[\s(/.]" + UPPER + "{2}"
# A badge or a possessive follows the initials of those patterns: texts without one are not tried at every two capitals.
INITIALS_REQUIRES: dict[str, tuple[str, ...]] = {"after cue": (_CAPS_AFTER_SPACE,), "object": (_CAPS_AFTER_SPACE,),
                                                 "before badge": (_BADGE,), "possessive": (r"['’]s\b",)}
CUE_EXCLUDED = {"pd", "po", "en", "dl", "id", "mr", "ms", "mrs", "mx", "dr", "rp", "jr", "sr"}  # "P.O.", "KEYHOLDER EN ROUTE"
STREET_ABBREVIATIONS = {"dr", "st", "av", "rd", "ln", "ct", "pl", "wy", "hwy", "fwy", "blvd"}
# Two- and three-letter words and abbreviations that are not initials even in capitals ("PD WAS", "DL SUSP").
ABBREVIATIONS = {
    "pd", "dl", "id", "tv", "rp", "cb", "ok", "us", "no", "hq", "en", "uc",
    "ems", "fd", "afd", "sfd", "er", "icu", "dui", "dwi", "dob", "ssn", "vin", "cad", "iad", "ia", "ncic", "dmv",
    "atm", "gps", "cpr", "ptsd", "tro", "epo", "cps", "aps", "da", "ada", "pdf", "vs", "mph", "hrs", "hr",
    "apt", "ste", "blk", "ave", "dvr", "enrt", "sgt", "lt", "det", "ofc", "cpl", "dep", "po", "s1", "s2", "v1",
    "v2", "w1", "w2", "nfa", "utl", "goa", "unk", "veh", "lic", "fi", "fir", "ccn", "rms", "ucr", "nibrs", "oic",
    "bwc", "mvr", "ecd", "cew", "ced", "oc", "asp", "bol", "apb", "atl", "le", "leo", "yoa", "yom", "yof", "aka",
    "the", "and", "for", "but", "not", "his", "her", "was", "are", "has", "had", "him", "she", "who", "its", "you",
    "all", "any", "one", "two", "six", "ten", "out", "off", "per", "via", "see", "saw", "got", "new", "old",
    "mh", "dvd", "cd", "ofa", "cit", "sro", "fto", "csi", "k9", "swat", "ied", "dna", "lsd", "thc", "mdma", "ssi",
}
_ARTICLE_BEFORE = re.compile(r"(?<![\w'\-])(?i:the|a|an)\s+\Z")
_PARTNERS = frozenset({"gf", "bf"})  # "SUBJ W/ GF": his girlfriend, no initials ("victim GF stated" may be)
_WITH_BEFORE = re.compile(r"(?i:w/)\s*\Z")


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha()).lower()


class OsdInitialsRecognizer(ContextPatternRecognizer):
    """Initials as described in the module docstring."""

    ENTITY = "PERSON"
    PATTERNS = INITIALS_PATTERNS
    ANCHORS = INITIALS_ANCHORS
    REQUIRES = INITIALS_REQUIRES
    CONTEXT = []
    FLAGS = CASE_SENSITIVE
    MAX_UPPER_RATIO = 0.5  # "before verb": only in mixed-case texts, where capitals stand out

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Drop abbreviations. Dotted: a short list, and "a.m."/"p.m." after a time. Two or three capitals: in
        mixed-case text (capitals stand out there) any that is no abbreviation (a common word written in capitals
        next to a person cue is initials: "MY was accompanied"); in text typed in capitals no word at all ("OFFICER
        ON", "HE WAS"). Letters right before a number label it ("RP CB 4106089940")."""
        caps = upper_ratio(text) > self.MAX_UPPER_RATIO
        out = []
        for start, end, name in found:
            w = _letters(text[start:end])
            if name == "dotted":
                bad = w in DOTTED_ABBREVIATIONS or (w in ("am", "pm") and _TIME_BEFORE.search(text, 0, start))
            elif name == "after cue":  # a street or time abbreviation there is initials ("identified only as RD")
                bad = w in CUE_EXCLUDED or (caps and w in CAPS_STOP_WORDS) or (len(w) == 3 and w in NOT_NAME_WORDS)
                bad = bad or (w in _PARTNERS and _WITH_BEFORE.search(text, max(0, start - 4), start) is not None)
            else:  # three letters with a vowel inside and no cue before them are a word ("PAT SEARCHED", "RUN")
                bad = (w in ABBREVIATIONS or w in STREET_ABBREVIATIONS or (len(w) == 3 and w[1] in "aeiouy")
                       or _TIME_BEFORE.search(text, max(0, start - 3), start) is not None)
                if name != "before badge" and (caps or name in ("before verb", "possessive")):
                    bad = bad or _is_word(w, caps)  # a badge number after them is evidence enough ("OFFICER AM #12")
                if name == "before verb" and _ARTICLE_BEFORE.search(text, max(0, start - 5), start):
                    bad = True  # "THE MO SAID NOTHING": an abbreviation after an article, no initials
            if not bad and (name == "before badge" or _LABEL_OF_NUMBER.match(text, end) is None):
                out.append((start, end, name))
        if out:  # in capitals too: "MJ, TK AND SD WERE INTERVIEWED"
            out += _listed_with(text, out)
        return list({(s, e): (s, e, n) for s, e, n in reversed(out)}.values())[::-1]  # one per span


# Two or three capitals listed right after or before found initials: "MJ, TK and SD were present" (SD found).
_NEXT_INITIALS = re.compile(r",?[ \t]+(?:(?:(?i:and)|&)[ \t]+)?(" + UPPER + r"{2,3})(?![\w'\-])")
_VERB_AFTER_RX = re.compile(_VERB_AFTER)
_PREV_INITIALS = re.compile(r"(?<![\w'\-/.#])(" + UPPER + r"{2,3}),?[ \t]+(?:(?:(?i:and)|&)[ \t]+)?\Z")


def _listed_with(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """In mixed-case text, initials joined to found ones by a comma, "and" or "&", in both directions, when they
    are no abbreviation or word ("MJ, TK and SD were present"; "PD and EMS" stay)."""
    out: list[tuple[int, int, str]] = []
    todo = [(s, e) for s, e, n in found if n != "dotted"]
    seen = set(todo)
    while todo:
        s, e = todo.pop()
        for m in (_NEXT_INITIALS.match(text, e), _PREV_INITIALS.search(text, max(0, s - 12), s)):
            if m is None:
                continue
            w = m.group(1).lower()
            span = m.span(1)
            subject = w not in CAPS_STOP_WORDS and _VERB_AFTER_RX.match(text, span[1]) is not None  # "AND SD WERE"
            if span in seen or w in ABBREVIATIONS or w in STREET_ABBREVIATIONS or (
                    _is_word(w, True) and not subject) or (len(w) == 3 and w[1] in "aeiouy"):
                continue
            seen.add(span)
            todo.append(span)
            out.append((*span, "listed"))
    return out


def _is_word(w: str, caps: bool) -> bool:
    """A common, report or state word (in mixed-case text, only the report words and states: a capitalized
    common word there stands out as initials, "MY was accompanied")."""
    if w in US_STATES:
        return True
    if caps:
        return w in NOT_NAME_WORDS or w in CAPS_STOP_WORDS
    return w in NOT_NAME_WORDS and w not in CAPS_STOP_WORDS
