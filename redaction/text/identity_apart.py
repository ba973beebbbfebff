"""Cues that keep two people apart whom their words alone would make one (``identity``'s step 3, continued).

``identity.number_people`` gives a mention the person whose words hold its words. These cues say the text means
*someone else*, and each is one a careful human editor would act on:

* **"No relation"**: "Officer Diaz spoke with Rosa Diaz, no relation", "Grace Oduya (not related)": the writer
  says outright that the mention is not the person met before with the same surname, so it is a new person.
* **A rank against a civilian**: "Officer Diaz", "Sgt. Kim", "P/O Nowak" name an officer; a full name with no rank
  before it ("a bystander, Teresa Nowak") is not a person the text has named only by rank and surname, and a rank
  and surname is not a person the text named in full without a rank ("Hugo Lindqvist was stopped. Officer
  Lindqvist ran his plate"). Among several people sharing the surname, a rank goes to the one met with a rank.
  A badge after a full name ("Rosa Diaz #4411") or a rank with a colon before it ("Reporting officer: Rosa
  Diaz") is an officer's too.
* **The same two words in swapped order in one sentence**: "Jordan Taylor and Taylor Jordan were in the car",
  "Abdi Hassan says Hassan Abdi owes him": nobody names one person in two orders within a sentence (``LAST,
  FIRST`` with its comma is another matter: that is the same person, and is left alone).

* **A relation of the sentence's first person**: "Caller Earl Banks says his neighbor Earl is stealing mail",
  "Pablo Ortiz stated that Pablo (his cousin) has a gun", "Ines Vidal says Vidal (her ex) keeps calling": a
  name word alone right after "his/her/their <relation>" or right before "(his/her <relation>)" is not the person
  who opened the sentence, even when it is their own given name or surname: nobody is their own neighbour.

* **A party's marker**: "C/ Latisha Grimes states officers searched her son Andre Grimes. C/ Grimes wants an
  apology": a complaint summary's "C/", "W/", "V/", "S/" or "R/P" before a lone surname that two people share
  is the one first written with the same marker.

* **A half of a hyphenated surname**: "Lucia Garcia-Lopez said Marco Lopez keyed her car. Lopez lives next
  door": a surname alone is, among the people it could be, one who was written with it whole, not one whose
  surname holds it only as a half.

* **Another initial**: "Ofc. J. Smith and Ofc. K. Smith" are two people, and "Karen Smith" is not "J. Smith".
* **Another kinship noun**: "Lopez (the mother) said Lopez (the son) ran off": a lone name with a kinship noun
  is not the one introduced with another (``identity``'s kinship rule, which needs the same noun for a surname).

When in doubt the numbering gives two numbers rather than one: a reader misled that two people are one is worse
off than a reader who cannot tell that two mentions are one person. None of this changes what is redacted, only
the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import Protocol

from redaction.recognizers.words import fold
from redaction.text import identity_marks as marks
from redaction.wordtrie import trie_compile

_NO_RELATION = trie_compile(r"[\s,(\[\-–—]*(?:no\s+relation|not\s+related|unrelated)\b", re.IGNORECASE)


_RELATIONS = (r"(?:ex-|step-?|half-|great-|grand)*(?:neighbou?r|cousin|friend|roommate|room\s+mate|co-?worker|"
              r"landlord|landlady|tenant|boss|ex|brother|sister|son|daughter|father|mother|dad|mom|uncle|aunt|nephew|"
              r"niece|husband|wife|boyfriend|girlfriend|bf|gf|partner|fianc[eé]e?|child|kid|parent|sibling)"
              r"(?:-in-law|\s+in\s+law)?")
_RELATION_BEFORE = trie_compile(r"(?<![\w'’])(?:his|her|their|my)\s+" + _RELATIONS + r"\s*,?\s+\Z", re.IGNORECASE)
_RELATION_AFTER = trie_compile(r"\s*[(,]\s*(?:his|her|their|my)\s+" + _RELATIONS + r"\s*(?:[,).;:]|\Z)",
                             re.IGNORECASE)  # "Pablo (his cousin)", "Priya Shah, her cousin,"; not ", her son Ali"


def relation_around(text: str, s: int, e: int) -> bool:
    """The mention ``text[s:e]`` follows "his neighbor" or is followed by "(her ex)", ", his cousin"."""
    return _RELATION_BEFORE.search(text, max(0, s - 32), s) is not None \
        or (("(" in text[e:e + 3] or "," in text[e:e + 3]) and _RELATION_AFTER.match(text, e) is not None)


_MARKER = trie_compile(r"(?<![\w/])(r/p|[cvsw]\d?/)\s*\Z", re.IGNORECASE)


def marker_before(text: str, s: int) -> str:
    """The party marker right before ``s`` ("c/", "W1/", "R/P"), lower case, or ""."""
    if "/" not in text[max(0, s - 5):s]:
        return ""
    m = _MARKER.search(text, max(0, s - 6), s)
    return m.group(1).lower() if m else ""


_HYPHENATED = trie_compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)+")


def halves_of(span: str, halves: set[str], whole: Collection[str]) -> set[str]:
    """A person's surname words written only inside a hyphenated surname so far: ``halves`` and the parts of the
    hyphenated words of ``span`` ("Garcia-Lopez": garcia, lopez), less ``whole``, the surname words a full name
    wrote alone ("Marco Lopez": lopez)."""
    parts = {fold(w).lower() for h in _HYPHENATED.findall(span) for w in re.split(r"[-‐]", h) if len(w) > 1}
    return (halves | parts) - (set(whole) - parts)


_BADGE_AFTER = trie_compile(r"\s*,?\s*(?:\(\s*)?(?:#\s*\d|badge\b|(?:ser|unit)\s*#?\s*\d)", re.IGNORECASE)
_RANK_BEFORE = trie_compile(r"(?<![\w/])(?:officer|ofc|r/o|reporting|deputy|detective)\s*[:#\-]\s*\Z", re.IGNORECASE)


def badge_around(text: str, s: int, e: int) -> bool:
    """A mention written as an officer's without a rank before it: a badge number after it ("Rosa Diaz #4411",
    "Rosa Diaz, badge 4411") or a rank with a colon before it ("Reporting officer: Rosa Diaz", "R/O: Diaz")."""
    return _BADGE_AFTER.match(text, e) is not None or (
        ":" in text[max(0, s - 3):s] or "-" in text[max(0, s - 3):s]) and _RANK_BEFORE.search(
        text, max(0, s - 24), s) is not None


def same_initial(given: Collection[str], other_given: Collection[str]) -> bool:
    """Whether two given names (or initials) may be one person's: "J. Smith" is not "K. Smith" nor "Karen Smith";
    true when either is unknown."""
    return not given or not other_given or bool({g[:1] for g in given} & {g[:1] for g in other_given})


def no_relation_after(text: str, e: int) -> bool:
    """The mention ending at ``e`` is followed by "no relation", "(not related)" or ", unrelated"."""
    return "relat" in text[e:e + 24].lower() and _NO_RELATION.match(text, e) is not None


def swapped(given: Collection[str], surnames: Collection[str], other_given: Collection[str],
            other_surnames: Collection[str]) -> bool:
    """A full name whose given name is the other's surname and whose surname is the other's given name ("Taylor
    Jordan" beside "Jordan Taylor")."""
    return bool(given) and bool(surnames) and not set(given) & set(other_given) \
        and set(given) <= set(other_surnames) and set(surnames) <= set(other_given)


def rank_only(starts: list[int], role_at: Callable[[int], str]) -> bool:
    """A person mentioned, and every time under a rank ("Officer Diaz", "Sgt. Kim")."""
    return bool(starts) and all(role_at(s) == "officer" for s in starts)


def ever_ranked(starts: list[int], role_at: Callable[[int], str]) -> bool:
    """A person mentioned at least once under a rank."""
    return any(role_at(s) == "officer" for s in starts)


class Mention(Protocol):
    """What the cues read of a mention (``identity._Mention``)."""

    keys: frozenset[str]
    surnames: frozenset[str]
    given: frozenset[str]
    lone: bool
    start: int
    end: int
    sentence: int


class Person(Protocol):
    """What the cues read of a person met so far (``identity._Person``)."""

    surnames: set[str]
    given: set[str]
    starts: list[int]
    record: bool
    halves: set[str]


class Context(Protocol):
    """What the cues read of the text (``identity._Context``)."""

    text: str
    met: dict[int, list[tuple[int, frozenset[str]]]]
    every_end: dict[int, int]

    def of(self, s: int) -> tuple[str, str, str]: ...


def narrow(m: Mention, cands: list[int], persons: Sequence[Person], ctx: Context, role: str, titled: bool
           ) -> list[int]:
    """``cands`` (indexes into ``persons``) without the people these cues say the mention ``m`` is not; empty: a
    new person. ``role``: "officer" when a rank stands before the mention; ``titled``: a courtesy title does."""
    text = ctx.text
    if no_relation_after(text, m.end):
        return [k for k in cands if not persons[k].starts]
    if not (cands := marks.other_marks(m, cands, persons, ctx)):
        return cands  # "Dr. Lee examined Mr. Lee", "Lamar Cole, 38, and Lamar Cole, 17" (identity_marks.py)

    def role_at(s: int) -> str:  # "Rosa Diaz #4411", "Reporting officer: Rosa Diaz", "Rosa Diaz responded"
        end = ctx.every_end.get(s, s)
        return "officer" if ctx.of(s)[2] == "officer" or badge_around(text, s, end) or marks.duty_after(text, end) \
            else ""

    if (met := ctx.met.get(m.sentence)) and met[0][0] in cands and (m.lone or met[0][1] < m.keys) \
            and relation_around(text, m.start, m.end):  # "Earl Banks says his neighbor Earl": another Earl
        cands = [k for k in cands if k != met[0][0]]
    if m.lone:
        return _lone(m, cands, persons, text, role, titled, role_at)
    if m.given and (len(next(iter(m.given))) == 1 or any(
            all(len(g) == 1 for g in persons[k].given) for k in cands if persons[k].given)):
        cands = [k for k in cands if same_initial(m.given, persons[k].given)]  # "J. Smith", "K. Smith"
        if not cands:
            return cands
    if any(not persons[k].record and not persons[k].given for k in cands) and ctx.of(m.start)[2] != "officer":
        cands = [k for k in cands if persons[k].record or persons[k].given
                 or not rank_only(persons[k].starts, role_at)]  # "Officer Diaz", then "Rosa Diaz"
    named = {pid for pid, words in ctx.met.get(m.sentence, ()) if words == m.keys}
    if named & set(cands) and "," not in text[m.start:m.end]:  # "Jordan Taylor and Taylor Jordan"
        cands = [k for k in cands if k not in named or not swapped(
            m.given, m.surnames, persons[k].given, persons[k].surnames)]
    if len(cands) > 1:  # "Jordan Taylor" again: not the one written "Taylor Jordan"
        cands = [k for k in cands if not swapped(m.given, m.surnames, persons[k].given,
                                                 persons[k].surnames)] or cands
    return cands


def _lone(m: Mention, cands: list[int], persons: Sequence[Person], text: str, role: str, titled: bool,
          role_at: Callable[[int], str]) -> list[int]:
    """``narrow`` for a lone word: a party marker, a hyphenated surname's half, a title, a rank."""
    if len(cands) > 1 and (mark := marker_before(text, m.start)):  # "C/ Grimes": the C/ one
        cands = [k for k in cands if any(marker_before(text, s) == mark for s in persons[k].starts)] or cands
    if len(cands) > 1 and any(m.keys <= persons[k].halves for k in cands):  # "Lopez": not Garcia-Lopez
        cands = [k for k in cands if not m.keys <= persons[k].halves] or cands
    if len(cands) > 1 and (role == "officer" or titled):
        words = {w.lstrip("#") for w in m.keys}  # "Ms. Kim": Min Kim, not Kim Lee
        cands = [k for k in cands if not (words <= persons[k].given and not words & persons[k].surnames)] or cands
    if role == "officer":  # "Sgt. Kim": the Kim met with a rank, never one named in full without
        ranked = [k for k in cands if ever_ranked(persons[k].starts, role_at)]
        return ranked or [k for k in cands if not (persons[k].given and persons[k].starts)]
    return cands
