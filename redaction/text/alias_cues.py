"""The phrases that say "what follows is this person's alias", written once.

Two passes read them: ``aliases.alias_spans`` finds the alias after a cue (and the name before it), and
``identity.number_people`` gives a name and its alias one number when only a cue stands between them. They used
to keep two copies of the phrases, which drifted apart: an alias found after a cue that did not join its name got
a number of its own ("Sasha Petrova, who her friends call Sashka" read as two people). Each cue now says, as a
property, whether the alias it introduces is the name right before it (``joins``) or not: a list of associates
names other people ("Associates: Tiny, Boo"), "a guy they call Smoke" introduces someone new, "she knows him as
Smoke" gives the alias of someone the sentence names as its object. A few cues join without finding (``finds``):
after "later identified as" the NER finds the name. ``alias_before`` cues stand between an alias and the real
name ("Smoke, whose real name is Terrell Jones").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from redaction.wordtrie import trie_compile


@dataclass(frozen=True)
class AliasCue:
    """One cue phrase: its pattern (case-insensitive), an example with the alias as ``{a}`` (the tests write one
    sentence with each), and what it says about the alias it introduces."""

    pattern: str
    example: str
    joins: bool = True  # the alias is the name right before the cue: one person, one number
    finds: bool = True  # the words after the cue are an alias (``aliases.alias_spans``)
    alias_before: bool = False  # the alias stands before the cue, the real name after it


_WHO = r"(?:they|everyone|everybody|people|friends|family|folks|we)"
_SELF = r"(?:himself|herself|themselves)"
_OF = r"(?:\s+(?:is|was|of))?"

CUES: tuple[AliasCue, ...] = (
    AliasCue(r"(?:a/k/a|a\.k\.a\.?|aka|f/k/a|f\.k\.a\.?|fka|o/k/a|o\.k\.a\.?|n/k/a|n\.k\.a\.?|nka)(?:['’]?s\b)?",
             "a.k.a. {a}"),  # "nka": now known as (a new surname after marriage)
    AliasCue(r"[af](?:\.\s|\s|-)k(?:\.\s|\s|-)a(?:\.|(?=[\s:]))", "a k a {a}"),  # "A K A", "a. k. a.", "a-k-a"
    AliasCue(r"(?:also|better|commonly|widely|otherwise|formerly|locally|usually|mostly)\s+known\s+as", "also known as {a}"),
    AliasCue(r"known\s+(?:(?:locally|widely|commonly|mostly|usually|informally)\s+)?(?:(?:on|in|around|to|by|among)\s+"
             r"(?:[^\W\d_]+\s+){0,3})?(?:only\s+)?as",
             "known on the street as {a}"),
    AliasCue(r"nick[\s\-]?named", "nicknamed {a}"),
    AliasCue(r"self[\s\-]identified\s+as", "self-identified as {a}"),
    AliasCue(r"(?:who|whom)\s+(?:[^\W\d_]+\s+){1,2}kn(?:ow|ows|ew)\s+as", "whom officers know as {a}"),
    AliasCue(r"(?:identified|described)\s+only\s+as", "identified only as {a}"),
    AliasCue(r"identified\s+as(?=\s*(?:[\"“'‘]|``))", "identified as \"{a}\""),
    AliasCue(r"nick\s?names?(?:\(s\))?" + _OF, "nickname is {a}"),
    AliasCue(r"(?:also\s+)?(?:go(?:es|ing)?|went)\s+by(?:\s+the\s+(?:street\s+)?(?:(?:nick)?name|moniker|alias|handle)"
             r"(?:\s+of)?)?", "goes by {a}"),
    AliasCue(r"answers\s+to", "answers to {a}"),
    AliasCue(r"call(?:s|ing|ed)\s+" + _SELF, "calls himself {a}"),
    AliasCue(r"refers\s+to\s+" + _SELF + r"\s+as", "refers to himself as {a}"),
    AliasCue(r"alias(?:es|\(es\))?" + _OF, "alias {a}"),
    AliasCue(r"whose\s+(?:street\s+)?(?:nick)?name\s+(?:is|was)", "whose street name is {a}"),
    AliasCue(r"street\s+(?:name|handle|moniker)s?(?:\(s\))?" + _OF, "street name {a}"),
    AliasCue(r"monic?kers?(?:\(s\))?" + _OF, "moniker {a}"),
    AliasCue(r"(?:tag|graffiti|rap|stage)\s+names?(?:\(s\))?" + _OF, "tag name {a}"),  # a writer's or rapper's name
    AliasCue(r"(?:also\s+)?(?:uses?|using|used)\s+the\s+(?:street\s+)?(?:names?|alias|moniker|nickname)(?:\s+of)?",
             "uses the name {a}"),
    AliasCue(r"under\s+the\s+(?:street\s+)?(?:name|alias|moniker|nickname)(?:\s+of)?", "under the alias {a}"),
    AliasCue(r"(?:also|sometimes|often|commonly|usually|widely)\s+called", "also called {a}"),
    AliasCue(r"(?:who|whom|that)\s+(?:(?:his|her|their)\s+)?" + _WHO + r"\s+calls?", "who her friends call {a}"),
    AliasCue(r"(?:(?:his|her|their)\s+)?(?:" + _WHO[3:-1] + r"|i)\s+calls?\s+(?:him|her|them)", "they call him {a}"),
    AliasCue(r"nick(?=\s*:)", "nick: {a}"),
    AliasCue(r"(?<![\w/])[sn]/n(?=\s*[:\-\"“'‘(]|\s+[^\W\d_]|\s*\Z)", "s/n {a}"),  # \Z: a gap read alone
    AliasCue(r"nn(?=\s*[:\-]|\s+[\"“'‘])", "nn: {a}"),
    AliasCue(r"sn(?=\s*:(?!\s*[\w\-]*\d))", "sn: {a}"),  # street name; not a serial number ("SN: XK2345")
    AliasCue(r"handle(?=\s*:)", "handle: {a}"),  # not "the door handle"
    AliasCue(r"identified\s+" + _SELF + r"\s+as", "identified himself as {a}"),
    AliasCue(r"introduced\s+" + _SELF + r"\s+as", "introduced herself as {a}"),
    AliasCue(r"gave\s+(?:the|his|her|their|a)\s+(?:false\s+)?name(?:\s+of|\s+as)?", "gave the name {a}"),
    # The alias of someone else, or of nobody named yet: found, never joined to the name before the cue.
    AliasCue(r"(?:crew|set|members|associates)(?=\s*:)", "associates: {a}", joins=False),
    AliasCue(r"(?:(?:the|a|an|this|that|some)\s+(?:one|guy|dude|man|woman|girl|boy|kid|lady|male|female|person|"
             r"individual|chick|youngster|teen|juvenile)|someone|somebody)\s+(?:(?:who|whom|that)\s+)?(?:" + _WHO[3:-1]
             + r"|he|she|i)\s+calls?", "a guy they call {a}", joins=False),
    AliasCue(r"(?:i\s+)?kn(?:ows?|ew)\s+(?:(?:him|her|them|the\s+[^\W\d_]+)\s+)?(?:only\s+)?(?:as|by)"
             r"(?:\s+the\s+(?:street\s+|nick)?name(?:\s+of)?)?(?!\s+(?:his|her|their|the)\b)", "knows him as {a}", joins=False),
    AliasCue(r"(?<!go\s)(?<!goes\s)(?<!going\s)by\s+the\s+(?:street\s+|nick)?name\s+of", "a male by the name of {a}",
             joins=False),
    AliasCue(r"(?:his|her|their)\s+name\s+(?:is|was)", "his name is {a}", joins=False),
    # Only before a quote or a word in Title case: "on the street she's robbed / crying / alone" is no alias.
    AliasCue(r"on\s+the\s+streets?\s*,?\s+(?:he|she)['’]s(?=\s+(?:[\"“'‘]|(?-i:[A-Z][a-z])))", "on the street he's \"{a}\"",
             joins=False),
    AliasCue(r"(?:identified|described|named)\s+(?:him|her|them|(?:his|her|their|the)\s+[^\W\d_]+)\s+only\s+as",
             "identified his passenger only as {a}", joins=False),
    AliasCue(r"saved\s+(?:in\s+(?:his|her|their|the)\s+phone\s+)?(?:as|under)(?=\s*[\"“'‘])", "a contact saved as \"{a}\"",
             joins=False),  # quoted: not "saved as evidence"
    AliasCue(r"identified\s+(?:him|her|them|the\s+[^\W\d_]+)\s+as(?=\s*(?:[\"“'‘]|``))", "identified the shooter as \"{a}\"",
             joins=False),
    # Joins only: the NER finds the name after these.
    AliasCue(r"(?:later\s+)?identified\s+as", "later identified as {a}", finds=False),
    AliasCue(r"(?:referred|refers)\s+to\s+as|dubbed", "referred to as {a}", finds=False),  # found only quoted
    # "Nena is believed to be Yesenia Ochoa": the words before are the alias, the name after it is the real one.
    AliasCue(r"(?:believed|thought|suspected|confirmed|determined)\s+to\s+be(?:\s+(?:his|her|their)\s+[^\W\d_]+)?",
             "believed to be {a}", finds=False),  # "Nook is believed to be his girlfriend Tasha Greer"
    # The alias before the cue, the real name after it.
    AliasCue(r"(?:whose\s+)?(?:real|true|legal|birth)\s+name(?:\s+(?:is|was))?", "whose real name is {a}",
             alias_before=True),
)


# The nouns for a person's alias ("Ann Lee's street name", "the moniker of", "no nickname known").
ALIAS_NOUNS = r"street\s+name|nick\s?name|moniker|alias|handle"
# The spellings of "also known as" that a detected name can swallow in part ("Mary-Kate Long a.k.a").
AKA_SPELLINGS = r"a/k/a|a\.k\.a|aka"
# After these, only a QUOTED word or two is what someone is called ('a man called "Kilo"', 'described as "Tiny"'):
# unquoted, the words after them are too often no name ("called 911", "named in the warrant").
QUOTED_ONLY_CUES = (r"called", r"named", r"dubbed", r"described\s+as", r"referred\s+to\s+as", r"known\s+only\s+as",
                    r"by\s+the\s+name(?:\s+of)?", r"name\s+of")
# Cues whose subject is a pronoun, with no name of their own before them: the alias after one is the person
# mentioned last ("her son darnell too. they call him cash").
PRONOUN_CUES = (r"\b(?:they|everyone|everybody|people|friends|folks|we|i)\s+calls?\s+(?:him|her|them)",
                r"\b(?:he|she|they)\s+(?:goes|go|went)\s+by",
                r"(?:\(|\b)\s*(?:real|true|legal|full)\s+name(?:\s+is)?\s*:?")


def cue_pattern(*, joins: bool | None = None, finds: bool | None = None, alias_before: bool = False) -> str:
    """The cues with these properties as one alternation (no group, no flags: the caller wraps it)."""
    chosen = [c.pattern for c in CUES if c.alias_before == alias_before and (joins is None or c.joins == joins)
              and (finds is None or c.finds == finds)]
    return "|".join(chosen)


@lru_cache(maxsize=1)
def _inside() -> re.Pattern[str]:
    return trie_compile(r"(?i:(?<![\w/])(?:" + cue_pattern() + "|" + cue_pattern(alias_before=True) + r")(?![\w/]))"
                      r"|\s*[(\"“”]")


def cue_inside(text: str, start: int, end: int) -> int | None:
    """Where a detected name runs into an alias cue or a bracket or quote after its first word ("TATIANA L. STREET
    NAME", 'TATIANA L ("LUCKY'), so that the name ends there: no name holds a cue, a bracket or a quote."""
    first = re.match(r"\s*\S+", text[start:end])
    # A few characters past the span: a cue's lookahead ("nick" before ":") may need them.
    m = _inside().search(text, start + (first.end() if first else 0), min(len(text), end + 4))
    return m.start() if m is not None and m.start() < end else None


@lru_cache(maxsize=1)
def _before() -> re.Pattern[str]:
    return trie_compile(r"(?i:(?<![\w/])(?:" + cue_pattern() + r"))[\s:,\-]*\Z")


def cue_before(text: str, pos: int) -> bool:
    """An alias cue ends right before ``pos`` ("S/N (Boo)", "nickname (peanut)"): what follows is its alias."""
    return _before().search(text, max(0, pos - 40), pos) is not None
