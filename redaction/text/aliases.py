"""Aliases: the words after an alias cue (``alias_cues.CUES``) and the other shapes police write a street name or
a nickname in, with the name it belongs to.

* ``alias_spans`` finds the one or two words after a cue ("a/k/a", "aka", "also known as", "nicknamed", "goes by",
  "street name:", "S/N"), the rest of a list of aliases after it, the name before a cue that joins ("Terrell Jones
  a/k/a"), a quoted nickname inside a name ('Dwayne "D" Carter'), a name with a quoted or bracketed alias before
  or after it, the alias before "real name", and a quoted word after a role or kinship noun ('suspect "Money"').
* Which of these are one person is ``identity.number_people``'s work, from the same table of cues.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, SUFFIX_LOWER, fold
from redaction.text.alias_cues import ALIAS_NOUNS, QUOTED_ONLY_CUES, cue_pattern
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS, PARTICLES, given_names, surnames
from redaction.text.nicknames import everyday_word, short_forms
from redaction.text.people import _CUE_WORDS, _NAME_WORD, _SAYING, _TELLING, _said_before, _verb_form
from redaction.text.prefixed_aliases import prefixed_aliases
from redaction.text.vocabulary import NARRATIVE_VERBS, dictionary_words, unknown_word
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_AMBIGUOUS_NAMES = AMBIGUOUS_GIVEN - CUE_WORDS
# The alias after a cue (``alias_cues.CUES``): ``j`` when the cue joins the alias to the name before it, ``q`` an
# opening quote, ``a`` the alias's first word or two.
# An alias word: letters, maybe with digits ("2Pac", "K9"), apostrophes and hyphens inside; a clipped word keeps its
# apostrophe when another word follows ("Lil' Ray") unless the alias opened with a single quote; a second word may
# be a number after a quote or an alias prefix ("Lil 9", '"Baby 2"').
_PREFIXES = r"(?i:lil|li['’]l|little|baby|big|yung|young)"
_ALIAS_WORD = r"(?:\d+(?!st\b|nd\b|rd\b|th\b)[^\W\d_]+\d*|[^\W\d_]+\d*)(?:['’\-][^\W\d_]+)*"
_ALIAS_WORDS = (_PREFIXES + r"['’]?\s+\d{1,3}\b|" + _ALIAS_WORD + r"(?(qs)(?:['’](?=\s+[^\W\d_]+['’]))?|(?:['’](?=\s+[^\W\d_]))?)"
                r"(?:\s+(?![Aa]nd\b|[Oo]r\b|(?i:aka|a/k/a|a\.k\.a|fka|f/k/a)(?!\w))" + _ALIAS_WORD + r"|(?(q)\s+\d{1,3}\b))?")
_ALIAS = trie_compile(
    r"(?i:\b(?:(?P<j>" + cue_pattern(joins=True, finds=True) + r")|" + cue_pattern(joins=False, finds=True) + r")"
    r"(?!\w|/\w/)\.?\s*[:\-/,]?\s*(?P<q>(?P<qs>['‘])|[\"“(]|``)?)(?P<a>" + _ALIAS_WORDS + r")")
# Words that never open an alias ("known as the ...", "goes by car" is rare, "goes by a different name" is not).
_ALIAS_FUNCTION = {"the", "a", "an", "his", "her", "their", "him", "them", "to", "and", "or", "is", "was", "of",
                   "by", "me", "my", "you", "it", "that", "this", "on", "in", "at", "for", "with", "from", "as",
                   "same", "different", "another", "other", "several", "many", "various", "unknown", "every", "each",
                   "all", "any", "some", "no", "none", "bus", "car", "train", "foot", "bike", "cab", "taxi", "phone",
                   "not", "unk", "illegible", "visible", "listed", "given", "provided", "withheld",
                   "field", "box", "line", "column", "section", "space", "entry", "blank"}  # "the nickname field"
_ELIDED = r"(?(qs)|(?:['’](?=[ \t]+[^\W\d_]))?)"  # "Lil' Pete", unless the word opened with a single quote
_ALIAS_MORE = trie_compile(r"\s*(?:,|&|/|\band\b|\bor\b)\s*(?:(?P<qs>['‘])|[\"“])?(?P<w>" + _ALIAS_WORD + _ELIDED
                         + r"(?:[ \t]+[^\W\d_]+)?" + r")[\"”'’]?"
                         r"(?=\s*[.;:()|,/&]|\s*$|\s+(?:and|or)\s|\s+(?:was|were|is|are|has|had)\b)", re.IGNORECASE)
# After a slash, an ampersand or a quote the next word is one more alias wherever the list ends ("aka tank / kilo was").
_ALIAS_MORE_MARKED = trie_compile(r"\s*(?:&|/|;|[\"”'’]?\s*,\s*[\"“'‘]|[\"”]?\s*(?i:or|and)\s*[\"“])\s*(?:(?P<qs>['‘])|[\"“])?(?P<w>"
                                + _ALIAS_WORD + _ELIDED + r")(?:[ \t]+(?P<w2>[^\W\d_]+))?")

_QUOTED_NICK = trie_compile(
    r"(?<![\w'’\-/])(" + _NAME_WORD + r")\s+[\"“‘']([^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]?\s[^\W\d_]+)?)[\"”’']\s+("
    + _NAME_WORD + r")(?![\w'’\-])")


_CLOSES = {"\"": "\"”", "“": "”\"", "‘": "’'", "'": "'’"}


def _quoted_nicknames(text: str) -> list[tuple[int, int]]:
    """``First "Nick" Last`` in any case: a quoted word between two name-like words is a nickname, and the words
    around it are the given name and the surname ("sione \"kilo\" stewart", "Fatima \"Peanut\" Díaz")."""
    out = []
    for m in _QUOTED_NICK.finditer(text):
        if text[m.end(2)] not in _CLOSES[text[m.start(2) - 1]]:
            continue  # "NAME “LIL' RAY”": the apostrophe of "Lil'" closes no quote
        first, last = m.group(1).lower(), m.group(3).lower()
        if first in CAPS_STOP_WORDS or last in CAPS_STOP_WORDS or (first in NOT_NAME_WORDS and last in NOT_NAME_WORDS):
            continue
        if first in _SPEECH or first in NARRATIVE_VERBS or _verb_form(first):
            continue  # 'He yelled "Help" twice': speech after a verb, no name around it
        if (last in NARRATIVE_VERBS or _verb_form(last)) and last not in surnames():
            continue  # 'Darnell Whitaker "Smoke" stopped at ...': a verb after the alias, no surname
        out.extend([m.span(1), m.span(2), m.span(3)])
    return out


_NAME_BEFORE_ALIAS = trie_compile(r"(?:(?<![\w'’\-])(?:[^\W\d_]\.|" + _NAME_WORD + r")(?:\s*,\s*|\s+)){0,4}" + _NAME_WORD
                                + r"(?:(?<![^\W\d_]{2})\.)?\s*[,(\-–—]?\s*(?:who\s+)?\Z")  # "foster, tatiana l. street name:"


_NOT_BEFORE_ALIAS = NARRATIVE_VERBS | {"guy", "man", "woman", "dude", "kid", "one", "person", "someone", "somebody",
                                       "who", "better", "commonly", "widely", "also", "uses", "use", "everyone",
                                       "they", "people", "friends", "folks", "everybody",
                                       "dog", "cat", "puppy", "kitten", "pet", "pup", "horse", "bird", "parrot"}


def _named_before(text: str, cue_start: int) -> list[tuple[int, int]]:
    """The name an alias belongs to: up to three name-like words right before the cue ("priya yilmaz aka: ...",
    "hiroshi baker (street name hiro)"), the words from the first that is no common or report word."""
    m = _NAME_BEFORE_ALIAS.search(text, max(0, cue_start - 60), cue_start)
    if m is None:
        return []
    words = list(re.finditer(_NAME_WORD, text[m.start():cue_start]))
    out: list[tuple[int, int]] = []
    past_who = False
    for w in reversed(words):
        low = w.group().lower()
        if past_who and not out and not word_kind(w.group()):
            break  # "cited fare evader, who gave the name lorcan": a common noun before "who"
        if low.endswith(("'s", "’s")):
            low = low[:-2]  # "the suspect's nickname is": a role, not a name
        if len([o for o in out if text[o[0]:o[1]].lower() not in PARTICLES]) >= 3:
            break  # a given name, a middle name and a surname at most, particles apart ("Ana de la Peña")
        common = low in NOT_NAME_WORDS and low not in surnames() and low not in AMBIGUOUS_GIVEN  # "rose march aka"
        if low in CAPS_STOP_WORDS or common or low in _CUE_WORDS or low in _NOT_BEFORE_ALIAS or low in _ROLE_WORDS \
                or _verb_form(low):  # "the shooter goes by Dre": a role, not a name
            if out or low != "who":
                break
            past_who = True
            continue
        end = m.start() + w.end()
        out.append((m.start() + w.start(), end - 2 if text[end - 2:end].lower() in ("'s", "’s") else end))
    return [(out[-1][0], out[0][1])] if out else []  # one span: "thistlewood, yuki" is one ``last, first``


_CUE_FIRST = trie_compile(r"(?i:(?:" + cue_pattern(finds=True) + r")(?!\w))")  # "(moniker red)": a cue, then its alias
# A cue of either kind opening the next item of a list ("NN: Funmi / True name: ..."): the list ends there.
_CUE_NEXT = trie_compile(r"(?i:(?:" + cue_pattern(finds=True) + "|" + cue_pattern(alias_before=True) + r")(?!\w))")

# After these a quoted word or two is what someone is called ('a man called "Kilo"', 'described as "Tiny"').
_QUOTED_CUED = trie_compile(
    r"(?i:\b(?:" + "|".join(QUOTED_ONLY_CUES) + r")\s+[\"“‘'])(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”’']")
_ALIAS_BEFORE = trie_compile(
    r"[\"“‘']?(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”’']?\s+(?:is|was)\s+((?:" + _NAME_WORD + r"\s+){0,2}"
    + _NAME_WORD + r")['’]s\s+(?:" + ALIAS_NOUNS + r")\b", re.IGNORECASE)


_PAIR_THEN_ALIAS = trie_compile(r"(?<![\w'’\-])(" + _NAME_WORD + r")\s+(" + _NAME_WORD + r")\s*(?:\(\s*[\"“'‘]?|[\"“])("
                              + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)(?:[\"”'’]?\s*\)|[\"”])")
# Bracketed words after a name that describe, not alias, the person ("(DOB ...)", "(age 34)", "(juvenile)").
_NOT_ALIAS = {"age", "aged", "yob", "dob", "birth", "born", "juvenile", "adult", "deceased", "minor", "male", "female",
              "unk", "unknown", "victim", "witness", "suspect", "driver", "passenger", "mother", "father", "owner"}
_ALIAS_THEN_PAIR = trie_compile(r"(?:^|(?<=[\s(,:;]))[\"“](" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”](?:\s+\(?|\s*\()\s*(" + _NAME_WORD
                              + r")\s+(" + _NAME_WORD + r")(?![\w'’\-])")


def _given_surname(first: str, last: str) -> bool:
    """Two words that read as a given name and a surname: a listed (or everyday) given name or a word no dictionary
    holds, then a listed surname or such a word; no common, report or cue word."""
    f, la = first.lower(), last.lower()
    if f in CAPS_STOP_WORDS or la in CAPS_STOP_WORDS or f in _CUE_WORDS or la in _CUE_WORDS or la in NARRATIVE_VERBS:
        return False
    return ((f in given_names() or f in _AMBIGUOUS_NAMES or unknown_word(first) or word_kind(first) == "weak")
            and (la in surnames() or unknown_word(last)))  # "weak": a short name the model saw ("tui baker")


def _pairs_around_aliases(text: str) -> list[tuple[int, int]]:
    """``First Last "Nick"``, ``First Last (Nick)`` and ``"Nick" First Last`` in any case: the name and its alias,
    when the two words read as a given name and a surname (``_given_surname``)."""
    out: list[tuple[int, int]] = []
    quote = "\"" in text or "“" in text  # both patterns need a double quote or a bracket: skip their scans without
    for m in _PAIR_THEN_ALIAS.finditer(text) if quote or "(" in text else ():
        opener = m.group(3).split()[0].lower()
        if _given_surname(m.group(1), m.group(2)) and opener not in _ALIAS_FUNCTION and not any(
                w.lower() in _NOT_ALIAS or w.lower() in CAPS_STOP_WORDS or w.lower() in CUE_WORDS for w in m.group(3).split()):
            # "(moniker red)": the alias after a cue is the cue's (``_ALIAS``)
            letter = len(m.group(3)) == 1 and text[m.start(3) - 1] == "("  # "Ann Lee (W)": a role's letter
            out.extend([m.span(1), m.span(2)] + ([] if _CUE_FIRST.match(m.group(3)) or letter else [m.span(3)]))
    for m in _ALIAS_THEN_PAIR.finditer(text) if quote else ():
        if _given_surname(m.group(2), m.group(3)) and m.group(1).split()[0].lower() not in _ALIAS_FUNCTION and not (
                _said_before(text, m.start())):
            out.extend([m.span(1), m.span(2), m.span(3)])
    return out


_ALIAS_OF_NAME = trie_compile(
    r"(?<![\w'’\-])[\"“‘']?(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”’']?\s+(?:is|was)\s+(?:the|his|her|their)\s+"
    r"(?:" + ALIAS_NOUNS + r")\s+(?:of|for|used\s+by)\b", re.IGNORECASE)


# "Smoke, whose real name is Terrell Jones", '"Pooh" (real name unknown)': the word or two before the cue are an alias.
_BEFORE_REAL_NAME = trie_compile(
    r"(?<![\w'’\-])(?:[\"“‘']|``)?(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)(?:[\"”’']|'')?\s*,?\s*\(?\s*(?i:"
    + cue_pattern(alias_before=True) + r")\b")
_NUMBER_BEFORE = trie_compile(r"\d\w*[ \t]+\Z")  # "the 5th [st area]", "apt 4 [...]"
_REAL_NAME_CUE = trie_compile(r"(?i:" + cue_pattern(alias_before=True) + r")\b")  # its cue alone: searched first


def _aliases_before_real_names(text: str) -> list[tuple[int, int]]:
    """The alias standing before "real name" (``alias_cues``), its report, common and possessive words apart."""
    out: list[tuple[int, int]] = []
    if _REAL_NAME_CUE.search(text) is None:
        return out  # the name-first pattern is tried at every word: look for its cue first
    lower_text = not any(c.isupper() for c in text)
    for m in _BEFORE_REAL_NAME.finditer(text):
        words = list(re.finditer(_NAME_WORD, m.group(1)))
        while words and (_no_alias_word(words[0].group()) or words[0].group().lower().endswith(("'s", "’s"))):
            if words.pop(0).group().lower() in _ALIAS_FUNCTION:
                words = []  # "Ami from upstairs (real name ...)": a place, not an alias
        quoted = m.group().startswith(("\"", "“", "‘", "'", "``"))
        if any(w.group().lower() in SUFFIX_LOWER for w in words) or (
                not quoted and _NUMBER_BEFORE.search(text, max(0, m.start(1) - 8), m.start(1))):
            continue  # "from the 5th st area, true name ...", '"Main St", true name ...': a place, not an alias
        if words and not words[-1].group().lower().endswith(("'s", "’s")) and (
                quoted or lower_text or words[0].group()[:1].isupper()):
            out.append((m.start(1) + words[0].start(), m.start(1) + words[-1].end()))
    return out


# "TOPE (THAT'S WHAT EVERYONE CALLS HER) TOLD ...", "Dre, which is what they call him, ran": the word or two before.
_WHAT_CALLED = trie_compile(
    r"(?<![\w'’\-])[\"“‘']?(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”’']?\s*[(,\-–—]\s*(?i:(?:that['’]?s|that\s+is|"
    r"which\s+is)\s+what\s+(?:they|everyone|everybody|people|friends|folks|we|he|she|i)\s+calls?\s+(?:him|her|them)\b)")


_COPULA_BEFORE = trie_compile(r"(?<![\w'’])(?i:is|was|were|are|be|been|being|so|very|too|real|really|get|got|feel|felt|"
                            r"seemed|looked|became)\s+\Z")


# "Bam is believed to be Bryant Ambrose": the word or two before the cue name the person the full name after it is.
_BELIEVED = trie_compile(
    r"(?<![\w'’\-])[\"“‘']?(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[\"”’']?\s+(?i:is|was)\s+(?i:"
    + cue_pattern(finds=False) + r")\s+(" + _NAME_WORD + r")\s+(" + _NAME_WORD + r")(?![\w'’\-])")


def _believed_to_be(text: str) -> list[tuple[int, int]]:
    """The alias before "is believed to be <given> <surname>": no pronoun, role, common or report word ("the driver
    is believed to be ..."), and in a mixed-case text a capital; the full name must read as one."""
    out = []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    for m in _BELIEVED.finditer(text):
        words = list(re.finditer(_NAME_WORD, m.group(1)))
        while words and (_no_alias_word(words[0].group()) or words[0].group().lower() in NOT_NAME_WORDS):
            words.pop(0)
        if not words or not _given_surname(m.group(2), m.group(3)):
            continue
        if any(w.group().lower() in _ROLE_WORDS or w.group().lower() in NOT_NAME_WORDS or _verb_form(w.group())
               or (mixed and not w.group()[:1].isupper()) for w in words):
            continue
        out.append((m.start(1) + words[0].start(), m.start(1) + words[-1].end()))
    return out


# "the Okonkwo brothers", "THE NGUYEN FAMILY", "the garcia residence": a surname naming a family or its home.
_FAMILY = trie_compile(r"(?<![\w'’\-])(?i:the)\s+(" + _NAME_WORD + r")\s+(?P<noun>(?i:brothers|sisters|family|families|twins|"
                     r"siblings|kids|children|household|residence|home|house|boys|girls|cousins|couple))\b")


def _family_surnames(text: str) -> list[tuple[int, int]]:
    """The surname in "the X brothers / family / residence": a capital in a mixed-case text, or in a text of one
    case a listed surname or a word no vocabulary holds, never a common, report or place word ("the Smith family",
    not "the old house", "the foster family", "the brown house")."""
    out = []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    for m in _FAMILY.finditer(text):
        w = m.group(1)
        low = w.lower()
        if _no_alias_word(w) or _verb_form(w) or low in _ROLE_WORDS or low in _CUE_WORDS:
            continue
        if mixed:  # "The White House": a place's name, every word a capital
            ok = w[:1].isupper() and not w.isupper() and low not in NOT_NAME_WORDS and m.group("noun").islower()
        else:
            ok = (low in surnames() or unknown_word(w)) and low not in dictionary_words() and low not in NOT_NAME_WORDS
        if ok:
            out.append(m.span(1))
    return out


# "Big 50", "LIL 9", "Baby G", "yung d": an alias prefix before a number or a single letter is a street name by its
# shape, unless a determiner makes it a size ("a big 50 inch TV") or a unit follows.
_PREFIXED_TAG = trie_compile(
    r"(?<![\w'’\-])(?P<p>(?i:lil|li['’]l|little|baby|big|yung|young))['’]?[ \t]+(?:\d{1,3}|(?i:[b-hj-z]))"
    r"(?![\w'’\-/%]|\.\w|\s*(?i:inch|in\b|lbs?\b|pounds?|dollars?|bucks|cents?|years?|yrs?|mph|feet|ft\b|cal\b|"
    r"caliber|rounds?|pack|oz\b|grams?|mg\b|k\b|percent|%|\"|x\b|months?|mos?\b|weeks?|wks?\b|days?|hours?|hrs?\b|"
    r"minutes?|mins?\b|times?))")
_DETERMINED = trie_compile(r"(?<![\w'’])(?i:a|an|the|his|her|their|my|your|our|its|this|that|some|one|two|very|so)\s+\Z")


def _prefixed_tags(text: str) -> list[tuple[int, int]]:
    """``_PREFIXED_TAG`` matches; in a mixed-case text the prefix has a capital ("Big 50", not "big 5 minutes")."""
    out = []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    for m in _PREFIXED_TAG.finditer(text):
        if (mixed and m.group("p").islower()) or _DETERMINED.search(text, max(0, m.start() - 8), m.start()):
            continue
        out.append(m.span())
    return out


def _what_they_call(text: str) -> list[tuple[int, int]]:
    """The alias before "(that's what everyone calls her)", its common and report words apart."""
    out = []
    for m in _WHAT_CALLED.finditer(text):
        words = [w for w in re.finditer(_NAME_WORD, m.group(1))]
        while words and _no_alias_word(words[0].group()):
            words.pop(0)
        if words and not _COPULA_BEFORE.search(text, max(0, m.start(1) - 12), m.start(1) + words[0].start()) and all(
                not _verb_form(w.group()) for w in words):  # "was upset (that's what ...)": no alias
            out.append((m.start(1) + words[0].start(), m.start(1) + words[-1].end()))
    return out


_SHORT_WORD = trie_compile(r"(?<![\w'’\-@#/])[^\W\d_]{3,}(?![\w\-@/]|['’](?![sS]\b)[^\W\d_])")


@lru_cache(maxsize=1)
def _name_only_short_forms() -> frozenset[str]:
    """The short forms of ``data/hypocoristics.tsv`` that no dictionary, report-word or everyday-word list holds:
    "pancho", "lalo", "venky", "zhenya" are nicknames wherever they stand ("memo", "nacho", "mo" are not)."""
    common = dictionary_words()
    return frozenset(w for w in short_forms() if w not in common and not everyday_word(w, AMBIGUOUS_GIVEN)
                     and w not in NARRATIVE_VERBS and len(w) >= 3)


def listed_short_forms(text: str) -> list[tuple[int, int]]:
    """Every listed short form that is no word (``_name_only_short_forms``), in any case ("lalo from the bus stop
    says", "Venky"); one of three letters ("Avi", "Fer") only with a capital."""
    forms = _name_only_short_forms()
    out = []
    for m in _SHORT_WORD.finditer(text):
        w = m.group()
        low = fold(w).lower()
        if low in forms and (len(low) > 3 or w[:1].isupper()):
            out.append(m.span())
    return out


def _adverb(low: str) -> bool:
    """"slowly", "quickly": a dictionary word in "-ly" that no given name list holds ("Kelly", "Holly" are names)."""
    return len(low) >= 6 and low.endswith("ly") and low in dictionary_words() and low not in given_names()


def _no_alias_word(word: str) -> bool:
    low = word.lower()
    return low in _ALIAS_FUNCTION or low in CAPS_STOP_WORDS or low in _CUE_WORDS or low in NARRATIVE_VERBS


# 'suspect "Money" ran', 'her nephew "Bam" (DOB ...)', 'boyfriend, "Sugar," hit her': a quoted word or two right after a
# role or a kinship noun is what that person is called (``_role_quoted``).
_QUOTED_WORDS = trie_compile(r"(?:[\"“]|(?<=\s)['‘])(" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r")?)[,.]?[\"”’'](?![\w])")
_ROLE_BEFORE = trie_compile(r"(?<![\w'’\-])((?:ex-|step-?)?[^\W\d_]+)\s*,?\s*\Z")
_ROLE_WORDS = frozenset({"suspect", "suspects", "subject", "subj", "susp", "victim", "vic", "witness", "male", "female", "man",
                         "woman", "guy", "dude", "kid", "juvenile", "caller", "rp", "driver", "passenger", "shooter",
                         "gunman", "robber", "attacker", "assailant", "offender", "perp", "perpetrator", "accomplice",
                         "lookout", "associate", "roommate", "neighbor", "neighbour", "dealer", "member", "members",
                         "affiliate", "leader", "runner"})
# 'was with "Flaco" and "Gordo"', 'said "Chato" had it': after a linking word or a verb of speech, a quoted word that
# no dictionary holds (not 'said "Stop"', 'yelled "Help"') is a name too.
_LINK_WORDS = frozenset({"with", "and", "or", "from", "by", "to", "told", "met", "saw", "named", "called", "visited",
                         "joined", "plus", "including"})
_SPEECH = _TELLING | _SAYING


def _role_quoted(text: str) -> list[tuple[int, int]]:
    """A quoted word or two right after a role or a kinship noun, unless speech (a verb of speech or an order just
    before the role) or a common word (or, in mixed-case text, a word in lower case); after a linking word or a verb
    of speech, one no dictionary holds. The rest of a quoted list goes with it ('"Flaco", "Gordo" and "Chino"')."""
    out: list[tuple[int, int]] = []
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    for m in _QUOTED_WORDS.finditer(text):
        r = _ROLE_BEFORE.search(text, max(0, m.start() - 25), m.start())
        role = r.group(1).lower() if r is not None else ""
        words = m.group(1).split()
        if r is None or any(_no_alias_word(w) for w in words) or (
                mixed and not words[0][:1].isupper() and not all(unknown_word(w) for w in words)):
            continue  # in mixed case, a quoted word in lower case is a name only if no dictionary holds it
        if role in _LINK_WORDS or role in _SPEECH:
            if not all(unknown_word(w) for w in words):
                continue
        elif role not in _ROLE_WORDS and role.split("-")[-1] not in _CUE_WORDS:
            continue
        elif {w.lower() for w in re.findall(r"[^\W\d_]+", text[max(0, r.start() - 30):r.start()])[-3:]} & _TELLING \
                and not all(unknown_word(w) for w in words):
            continue  # 'told the suspect "Stop"': speech; not 'said her cousin "Chato"'
        out.append(m.span(1))
        out.extend(_more_aliases(text, m.end(1) + (1 if text[m.end(1):m.end(1) + 1] in "\"”'’" else 0)))
    return out


_NAMED_HINT = trie_compile(r"(?i:" + ALIAS_NOUNS + ")")
_NAMED_WORDS = ("name", "moniker", "alias", "handle")  # one is in every match of ``_NAMED_HINT``


def alias_spans(text: str) -> list[tuple[int, int]]:
    """The one or two words after an alias cue, unless they are common words; the name before the cue; quoted
    nicknames inside a name; ``"Spider" is Ann Lee's street name``: the alias and the name; a name with a quoted
    or bracketed alias before or after it (``_pairs_around_aliases``)."""
    out = _quoted_nicknames(text) + _pairs_around_aliases(text)
    low = text.lower()
    if "name" in low:
        out += _aliases_before_real_names(text)
    if "\"" in text or "“" in text or "'" in text or "‘" in text:
        out += _role_quoted(text)
    if "what" in text or "WHAT" in text:
        out += _what_they_call(text)
    if " to be " in text or " TO BE " in text:
        out += _believed_to_be(text)
    out += _family_surnames(text)
    out += _prefixed_tags(text)
    out += prefixed_aliases(text)
    out += listed_short_forms(text)
    out += [m.span(1) for m in _QUOTED_CUED.finditer(text) if m.group(1).split()[0].lower() not in _ALIAS_FUNCTION]
    named = (not text.isascii() or any(w in low for w in _NAMED_WORDS)) and _NAMED_HINT.search(text) is not None
    # the two patterns below need one of these words: skip the search (a string test first, in ASCII text)
    out += [m.span(1) for m in (_ALIAS_OF_NAME.finditer(text) if named else ())
            if m.group(1).split()[0].lower() not in _ALIAS_FUNCTION]
    for m in _ALIAS_BEFORE.finditer(text) if named else ():
        if m.group(1).split()[0].lower() not in _ALIAS_FUNCTION:
            out.extend([m.span(1), m.span(2)])
    for m in _ALIAS.finditer(text):
        if m.group("j"):  # "X a/k/a Y": X is a name too (not before "a guy they call Y", "she knows him as Y")
            out.extend(_named_before(text, m.start()))
        words = m.group("a").split()
        quoted = bool(m.group("q"))
        if len(words) > 1 and not words[0].endswith(("'", "’")) and (words[1].lower() in CAPS_STOP_WORDS or words[1].lower() in NARRATIVE_VERBS
                               or (words[1].lower() in NOT_NAME_WORDS and not quoted)):
            words = words[:1]
        first = words[0].lower()
        if first in _ALIAS_FUNCTION or (first in CAPS_STOP_WORDS and len(words) < 2 and not quoted):
            continue  # "known as the ...", "goes by car"; a quoted word or a two-word alias is one ("too tall")
        if not quoted and _adverb(first):
            continue  # "time goes by slowly", "known locally as well"
        s = m.start("a")
        out.append((s, m.end("a") if len(words) > 1 else s + len(words[0])))
        out.extend(_surname_after_bracket(text, m.start(), out[-1][1]))
        out.extend(_more_aliases(text, out[-1][1] + (1 if quoted else 0)))
    return out


_CLOSE_THEN_NAME = trie_compile(r"[\"”'’]?\s*\)\s+(" + _NAME_WORD + r"(?:\.?\s+" + _NAME_WORD + r")?)(?![\w'’\-])")


def _surname_after_bracket(text: str, cue_start: int, alias_end: int) -> list[tuple[int, int]]:
    """``First (aka Smoke) Last``: the bracketed alias sits inside the name, so the word after it is the surname
    (with a particle: "Avi (aka Dre) St. John")."""
    if not text[max(0, cue_start - 2):cue_start].strip().endswith("("):
        return []
    m = _CLOSE_THEN_NAME.match(text, alias_end)
    if m is None:
        return []
    words = m.group(1).replace(".", " ").split()
    if words[0].lower() in PARTICLES and len(words) > 1:
        return [m.span(1)]
    w = words[0].lower()
    mixed = any(c.isupper() for c in text) and any(c.islower() for c in text)
    if w in CAPS_STOP_WORDS or w in NOT_NAME_WORDS or w in NARRATIVE_VERBS or _verb_form(w) or (
            mixed and not words[0][:1].isupper()):
        return []  # "Jones (a/k/a Smoke) hiding": a verb, not a surname
    return [(m.start(1), m.start(1) + len(words[0]))]


_RACE_SEX = trie_compile(r"[^\W\d_]/[^\W\d_](?![\w/])")  # "aka Big Will, B/M, 6-02": a description, no alias


def _more_aliases(text: str, pos: int) -> list[tuple[int, int]]:
    """The rest of a list of aliases ("AKA'S frosty, anja", "aka tank / kilo / red"): up to four more words."""
    out: list[tuple[int, int]] = []
    while len(out) < 4:
        more = _ALIAS_MORE_MARKED.match(text, pos) or _ALIAS_MORE.match(text, pos)
        if more is None or any(w.lower() in CAPS_STOP_WORDS or w.lower() in NARRATIVE_VERBS or w.lower() in _ALIAS_FUNCTION
                               or _verb_form(w) for w in more.group("w").split()) or _CUE_NEXT.match(text, more.start("w")) \
                or _RACE_SEX.match(text, more.start("w")):
            break  # ", alias T. Coleman": the next cue finds its own alias (not "alias T" as one more alias)
        end = more.end("w")
        second = more.group("w2") if more.re is _ALIAS_MORE_MARKED else None
        if second and second.lower() not in CAPS_STOP_WORDS and second.lower() not in NARRATIVE_VERBS and not (
                second.lower().endswith(("ed", "ing"))):
            end = more.end("w2")  # "aka trouble; lil bit": a two-word alias
        out.append((more.start("w"), end))
        pos = end + (1 if text[end:end + 1] in "\"”'’" else 0)
    return out
