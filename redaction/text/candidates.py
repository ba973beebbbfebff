"""Candidate spans of one text: the record's own values, how overlapping candidates resolve into one span."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from redaction.recognizers.words import NOT_NAME_WORDS, SUFFIX_WORDS, fold, fold_same_length
from redaction.text import confidence as C
from redaction.text.bare_plurals import bare_plurals
from redaction.text.everyday_slots import everyday_slots
from redaction.text.given_clips import given_clips
from redaction.text.hyphen_initials import record_hyphen_initials
from redaction.text.initial_pairs import initial_words, record_initials
from redaction.text.initials import initials_of, initials_spans
from redaction.text.names import AMBIGUOUS_GIVEN, PARTICLES, not_name_phrases
from redaction.text.people import record_tokens
from redaction.text.short_forms import signed_short_form
from redaction.text.slot_nicknames import slot_nicknames
from redaction.text.surname_clips import surname_clips
from redaction.text.variants import (
    TextView,
    clipped_given,
    may_occur,
    name_nicknames,
    ordinary_nickname,
    value_spans,
)
from redaction.text.verb_nicknames import given_initials, verb_nicknames
from redaction.wordtrie import trie_compile

FOLLOWED_BY_SUFFIX = trie_compile(r"\s+(?:" + "|".join(SUFFIX_WORDS) + r")\b(?!\s+(?:name|handle|moniker)s?\b)\.?",
                                 re.IGNORECASE)  # not the cue "street name"
KEY_TOKEN = trie_compile(r"[^\W_]+")
_MODAL_BEFORE = trie_compile(r"(?<![\w'])(?i:would|will|could|can|should|might|must|did|didnt)\s+\Z")


def name_tokens(s: str) -> set[str]:
    """The words of a name as they are compared: folded, lower case, no one-letter or report words."""
    return {t for t in (fold(x).lower() for x in KEY_TOKEN.findall(s)) if len(t) > 1 and t not in NOT_NAME_WORDS}


@dataclass
class Cand:
    start: int
    end: int
    entity: str
    key: Any
    priority: int  # 3 = record or pattern value (not a name), 2 = record name, 1 = detected name
    conf: float = C.REDACT_NER  # how sure the redaction is (confidence.py)


@dataclass
class RecordMatches:
    cands: list[Cand]
    person_tokens: list[tuple[frozenset[str], Any]]
    person_values: list[str] = field(default_factory=list)  # the names as written, in person_tokens order
    not_followed: frozenset[str] = frozenset()  # nicknames that are everyday words: they number, never spread


_NON_DIGIT = trie_compile(r"\D")
_NON_ALNUM_LOWER = trie_compile(r"[^0-9a-z]")


def norm_key(entity: str, s: str) -> Any:
    if entity in ("PHONE", "SSN"):
        d = _NON_DIGIT.sub("", s)
        return d[-10:] if entity == "PHONE" else d
    if entity == "PERSON":
        return frozenset(name_tokens(s))
    return _NON_ALNUM_LOWER.sub("", s.lower())


def _clipped_spans(text: str, value: str, view: TextView, surname_words: list[str]) -> list[tuple[str, int, int]]:
    """Where the text clips the record name's given name (``variants.clipped_given``) or its surname
    (``surname_words``: "Fitz", "Smitty"), outside place and business names ("CARL'S JR" is no clip of CARLOS) and
    street names ("Alex St")."""
    if view.ascii is None:
        return []
    words = clipped_given(value, view) + surname_words
    if not words:
        return []
    places = not_name_phrases(text)
    return [(w, s, s + len(w)) for w in words for s in view.ascii.word_starts()[w]
            if not any(a <= s < b for a, b in places) and not FOLLOWED_BY_SUFFIX.match(text, s + len(w))]


_NEXT_WORD = trie_compile(r"[\s:]*([^\W\d_]+)")


def _street_word(folded: str, e: int, own: set[str]) -> bool:
    """The record word ending at ``e`` names a street ("Jefferson Blvd"), unless the word after the suffix is a word
    of the record's names too: "fn dwayne ln price" (a last-name label), "Liam St. John" (a particle)."""
    m = FOLLOWED_BY_SUFFIX.match(folded, e)
    if m is None:
        return False
    nxt = _NEXT_WORD.match(folded, m.end())
    return nxt is None or nxt.group(1).lower() not in own


def record_matches(text: str, rv: Mapping[str, Sequence[str]]) -> RecordMatches:
    """Every occurrence of the record's own values in ``text`` (highest-priority candidates)."""
    found = RecordMatches([], [])
    folded = fold_same_length(text)  # same offsets; record values are folded the same way
    view = TextView(folded)
    everyday: set[str] = set()
    own_words: set[str] = set()
    for entity, values in rv.items():
        if isinstance(values, str):
            values = [values]
        for j, v in enumerate(values):
            if v is None or not str(v).strip():
                continue
            rkey: Any = norm_key(entity, str(v)) if entity != "PERSON" else ("rec", j)
            if entity == "PERSON":
                initials = frozenset("#" + i.lower() for i in initials_of(str(v)))  # "HF" is this person
                plain, worded = surname_clips(str(v), view.ascii.word_starts()) if view.ascii is not None else ([], [])
                worded = worded + given_clips(str(v), view.ascii.word_starts()) if view.ascii is not None else worded
                clipped = _clipped_spans(text, str(v), view, plain)  # worded: "sully" of SULLIVAN, only before a verb
                nicks = name_nicknames(str(v)) | frozenset(w for w, _, _ in clipped)  # "Billy", "Sveta": this person
                gm = given_initials(str(v))  # "tj" of THOMAS JAMES
                nicks |= {gm} if gm else set()
                nicks |= frozenset(worded)
                ordinary = {n for n in nicks if ordinary_nickname(n)}
                found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD) for s, e in verb_nicknames(
                    folded, ordinary | set(worded)))  # "bill said", "MO STATED"
                found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD)
                                   for s, e in slot_nicknames(folded, ordinary))  # "per al, the door", '"will, stop!"'
                found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD)
                                   for s, e in everyday_slots(folded, ordinary))  # "hey will,", "went with will to"
                found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD) for _, s, e in clipped)
                found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD)
                                   for s, e in signed_short_form(folded, nicks))  # "... this time - mo"
                nicks |= initial_words(str(v))  # "jt" of TURNER, JAMES (``record_initials``): numbers, never spreads
                found.person_tokens.append((record_tokens(str(v)) | initials | nicks, rkey))
                found.person_values.append(str(v))
                everyday |= {n for n in nicks if ordinary_nickname(n)} | set(worded)
                own_words |= record_tokens(str(v))
                found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD)
                                   for s, e in initials_spans(text, [str(v)]))
                found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD)
                                   for s, e in record_initials(
                                       folded, view.ascii.word_starts() if view.ascii is not None else None, str(v)))  # "jt said", "j.r. told me"
                found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD)
                                   for s, e in record_hyphen_initials(folded, str(v)))  # "am dubois" of ANNE-MARIE
                if view.ascii is not None:  # "prices girlfriend", "the faleolos"
                    found.cands.extend(Cand(s, e, entity, rkey, 2, C.REDACT_RECORD) for s, e in bare_plurals(
                        view.ascii.lower, view.ascii.word_starts(), record_tokens(str(v))))
            if not may_occur(entity, str(v), view):
                continue
            for s, e in value_spans(entity, str(v), view):
                if entity == "PERSON" and " " not in folded[s:e].strip() and _street_word(folded, e, own_words):
                    continue  # "Jefferson" of "Jefferson Blvd": a street, not the person
                if entity == "PERSON" and folded[s:e].lower() in AMBIGUOUS_GIVEN and _MODAL_BEFORE.search(
                        folded, max(0, s - 8), s):
                    continue  # "he would mark the car": a verb, not MARK
                found.cands.append(Cand(s, e, entity, rkey, 2 if entity == "PERSON" else 3, C.REDACT_RECORD))
    found.not_followed = frozenset(everyday - own_words)
    return found


def resolve(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping spans covering every candidate.

    Higher priority first (typed values, then record names, then detected names), longer first among
    equals; a candidate overlapping a chosen span is merged into it (union, the chosen span's type), so
    no part of any detected value survives.
    """
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        clash = [o for o in chosen if c.start < o.end and o.start < c.end]
        if not clash:
            chosen.append(Cand(c.start, c.end, c.entity, c.key, c.priority, c.conf))
            continue
        keep = clash[0]
        keep.conf = max([keep.conf, c.conf] + [o.conf for o in clash])
        keep.start = min([keep.start, c.start] + [o.start for o in clash])
        keep.end = max([keep.end, c.end] + [o.end for o in clash])
        for o in clash[1:]:
            chosen.remove(o)
    return sorted(chosen, key=lambda c: c.start)


_SENTENCE_END = trie_compile(r"[^\W\d_]{3,}\.\Z")  # a name's last word and a full stop, no initial ("J.") or "Mr."


def join_adjacent(text: str, chosen: list[Cand]) -> list[Cand]:
    """PERSON spans with only spaces, or name particles, between them are one name ("[hunter] [kowalski]",
    "[BEATRICE] Ó [BRIAIN]")."""
    out: list[Cand] = []
    for c in chosen:
        if c.entity == "PERSON" and text[c.end - 1:c.end] == "." and _SENTENCE_END.search(text, max(c.start, c.end - 8),
                                                                                          c.end):
            c.end -= 1  # "bao nguyen. nguyen was frisked": the full stop ends the sentence, not the name
        prev = out[-1] if out else None
        gap = text[prev.end:c.start] if prev is not None else ""
        if (prev is not None and prev.entity == c.entity == "PERSON" and c.start > prev.end
                and (not gap.strip(" \t") or (gap[:1] in " \t" and gap[-1:] in " \t" and len(gap) < 12
                                                and all(w in PARTICLES for w in gap.lower().split())))):
            prev.end = c.end
            continue
        out.append(c)
    return out

