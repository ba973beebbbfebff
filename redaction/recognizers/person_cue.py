"""Names right after a role or courtesy cue ("witness Jane Doe", "V/ DOE, JANE", "W/NÚÑEZ, ZOË")."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.words import (
    CAPITAL_START,
    CAPS_STOP_WORDS,
    LOWER,
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    PERSON_CUES,
    SUFFIX_LOWER,
    UPPER,
    VEHICLE_WORDS,
    frequent_words,
)
from redaction.wordtrie import word_trie

_WORD_RE = re.compile(r"(?:(?:St|ST)\.?\s+(?=\w))?[^\s,]+")  # "ST. CLAIR" is one word
_INITIAL_RE = re.compile(r"[^\W\d_]\.?")
_UP, _LO = UPPER[1:-1], LOWER[1:-1]
_NAME_WORD = (rf"(?:(?:St\.\s+|ST\.?\s+)?(?:(?:Mc|Mac|O'|D')?{UPPER}[{_LO}'\-]+(?:{UPPER}{LOWER}+)?"
              rf"|{UPPER}[{_UP}'\-]+))")
_INITIAL = rf"(?:\s+{UPPER}\.?(?![\w'\-/]))?"  # not the "A" of "A/K/A"
SPEECH_VERBS = ["stated", "told", "advised", "said", "reported", "admitted", "denied", "explained", "indicated",
                "refused", "declined", "fled", "resides", "lives", "was arrested", "was cited", "was transported",
                "observed", "called", "arrived"]
# Words that may stand between a cue and the name ("S1 AS DOE, JANE", "V/ IDENTIFIED S1 AS ..."); any other
# common word there means the cue was not followed by a name ("NO SUSPECT INFORMATION AT THIS TIME").
CONNECTORS = {"as", "is", "was", "the", "a", "an", "named", "identified", "called", "known", "aka", "by", "being",
              "later", "then", "also", "one", "only", "with", "his", "her", "their", "of"}
CONNECTORS |= {w.lower() for c in PERSON_CUES + OFFICER_TITLES for w in c.split()}  # "MET WITH THE VICTIM, ..."


def _cue_regex(cues: list[str]) -> str:
    alts = word_trie(sorted({c.lower() for c in cues}))  # a trie: the engine tests a few letters, not 73 cues, per word
    # A space, a colon/comma or a period must follow the cue, except after "/" ("V/DOE"): "DRIVER" is no "DR".
    return (
        r"(?<![A-Za-z])(?i:" + alts + r")(?:(?<=/)\s*|\.?[:,]?\s+|[.:,]\s*)(?:\#\d\s*)?(?P<name>"
        + _NAME_WORD + rf"(?:,?\s+(?:{UPPER}\.?\s+)?" + _NAME_WORD + r"){0,3}" + _INITIAL + r")(?![\w'\-])"
    )


def _verb_after(verbs: list[str]) -> str:
    """The lookahead for a speech or action verb after a name (searched alone first, see ``REQUIRES``)."""
    return r"(?=\s+(?i:" + "|".join(v.replace(" ", r"\s+") for v in verbs) + r")\b)"


def _verb_regex(verbs: list[str]) -> str:
    """Two to four capitalized words (optional initial) right before a speech or action verb."""
    return (
        r"(?<![\w'\-])" + _NAME_WORD + rf"(?:,?\s+(?:{UPPER}\.?\s+)?" + _NAME_WORD + r"){1,3}" + _INITIAL
        + _verb_after(verbs)
    )


_POSSESSIVE_AFTER = (  # a person's things and records ("I ran Haugen's info", "OKAFOR'S DL WAS SUSPENDED")
    r"(?=['’](?i:s)\s+(?i:address|residence|home|house|apartment|phone|cell|vehicle|car|dob|date of birth|info|"
    r"information|dl|driver'?s license|criminal history|rap sheet|warrants?|probation|parole)\b)")
# "BOATENG'S ADDRESS IS ...": one to four name words before a possessive of a personal thing.
POSSESSIVE_REGEX = (
    r"(?<![\w'\-])" + _NAME_WORD + rf"(?:,?\s+(?:{UPPER}\.?\s+)?" + _NAME_WORD + r"){0,3}" + _POSSESSIVE_AFTER
)


def not_name(word: str) -> bool:
    """A word that is never (part of) a name here; ALL-CAPS words are also checked against common words.

    Single letters are initials ("A." in "Ikaika A. Gonzalez"), except a bare "A" or "I" (article, pronoun).
    """
    if _INITIAL_RE.fullmatch(word) and (word.endswith(".") or word not in ("A", "I", "a")):
        return False
    w = word.strip(".,").lower()
    if w.endswith(("'s", "’s")) and w[:-2] in ("aka", "a/k/a", "a.k.a"):
        return True  # "AKA'S Smoke, Red": the cue of a list of aliases
    return w in NOT_NAME_WORDS or w in SUFFIX_LOWER or (word.isupper() and w in CAPS_STOP_WORDS)


class OsdCueNameRecognizer(ContextPatternRecognizer):
    """One to three capitalized words after a person cue (roles, Mr/Ms, officer titles) or before a verb.

    Officer names are detected too; whether they stay is the redactor's decision (``officers_public``).
    Trailing non-name words are trimmed; after a cue, only connectors ("as", "identified") may be skipped
    before the name, any other common word rejects the match.
    """

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern("cue name", _cue_regex(PERSON_CUES + OFFICER_TITLES), 0.8),
        Pattern("name before verb", _verb_regex(SPEECH_VERBS), 0.7),
        Pattern("possessive name", POSSESSIVE_REGEX, 0.7),
    ]
    CONTEXT = []
    FLAGS = CASE_SENSITIVE
    REQUIRES = {"name before verb": (_verb_after(SPEECH_VERBS),), "possessive name": (_POSSESSIVE_AFTER,)}
    ANCHORS = {"name before verb": CAPITAL_START, "possessive name": CAPITAL_START}  # a name word opens with a capital

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Trim each match to the name inside it (see ``trim_name``); drop matches with no name left."""
        out: list[tuple[int, int, str]] = []
        seen: set[tuple[int, int]] = set()
        for start, end, name in found:
            got = trim_name(text, start, end, cue=name == "cue name")
            if got is not None and name == "name before verb" and common_words(text[got[0]:got[1]]):
                continue  # "LOSS PREVENTION OBSERVED", "STERLING SILVER NECKLACE WAS REPORTED STOLEN"
            if got is not None and name != "cue name" and _not_a_name_here(text, *got):
                continue
            if got is not None and got not in seen:
                seen.add(got)
                out.append((got[0], got[1], name))
        return out


def common_words(span: str) -> bool:
    """Every word of ``span`` is a frequent English word that no name list holds ("ANIMAL CONTROL"): no name."""
    words = frequent_words()
    return all(w.strip(".,").lower() in words for w in span.split())


_OWNER_BEFORE = re.compile(r"(?<![\w'\-])(?i:his|her|my|their|our|your)\s+\Z")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'\-])(?i:the|a|an)\s+\Z")
_PAIR_ABBREVIATIONS = frozenset({"da", "ia", "me", "co", "pd", "fd", "er", "dv", "ok", "tv", "id", "us"})


def _not_a_name_here(text: str, start: int, end: int) -> bool:
    """A possessive after "his", "my" ("HIS GIRL'S HOUSE": a noun), two capitals that are an agency abbreviation
    ("PER DA THE CASE WAS DECLINED") or two or three letters after an article ("THE MO SAID NOTHING")."""
    return (_OWNER_BEFORE.search(text, max(0, start - 8), start) is not None
            or text[start:end].lower() in _PAIR_ABBREVIATIONS
            or (end - start <= 3 and _ARTICLE_BEFORE.search(text, max(0, start - 5), start) is not None))


def trim_name(text: str, start: int, end: int, *, cue: bool) -> tuple[int, int] | None:
    """The name inside a candidate span, or None (see ``OsdCueNameRecognizer``).

    After a cue: connectors are skipped, then the name runs up to the first non-name word. Before a verb:
    the name is the run of name words that ends at the verb.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, start, end)]
    if len(words) > 1 and words[-1][2] in ("A", "I"):  # a trailing bare letter is a middle initial
        words[-1] = (words[-1][0], words[-1][1], words[-1][2] + ".")
    if cue:
        while words and not_name(words[0][2]):
            if words[0][2].strip(".,").lower() not in CONNECTORS:
                return None
            words.pop(0)
        cut = next((i for i, w in enumerate(words) if not_name(w[2])), len(words))
        words = words[:cut]
    else:
        while words and not_name(words[-1][2]):
            words.pop()
        cut = next((i for i in range(len(words) - 1, -1, -1) if not_name(words[i][2])), -1)
        words = words[cut + 1:]
    if not words or any(w[2].strip(".,").lower() in VEHICLE_WORDS for w in words):
        return None
    return words[0][0], words[-1][1]
