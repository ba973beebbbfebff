"""The edges of a found name: words the NER (or a name rule) takes into a name that the sentence uses otherwise.

In capitals or Title Case the NER reads a greeting, a closing or a verb before a name as part of it ("TELL KIARA",
"SINCERELY, LATONYA", "Thanks, Marisol") and a noun or a stop word before a comma as a surname ("ACROSS THE HALL,
DOLORES", "NOTHING, ASK MELE"; a "surname, given" pair has no article before it): ``ner_start``. After a name it takes
a dispatch phrase or a prefixed verb ("MICHAEL EN ROUTE", "LITTLE, RE-CONTACTED"): ``name_end``. On the windows we
re-case it reads ordinary phrases as names ("loud music", "kiara texts"): ``adjective_phrase``, ``verb_end``; and in
capitals an adjective after a copula ("WAS RUDE"): ``predicate_adjective``. Trimming where the span is made leaves
the word beside the name shown and the name redacted (the name itself is found by the NER or a cue either way).
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.street_word_surnames import street_surname, street_surname_ok
from redaction.recognizers.words import CAPS_STOP_WORDS
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    RELATION_CUES,
    event_noun,
    given_names,
    irregular_verb,
    surnames,
)
from redaction.text.signatures import group_signature
from redaction.text.vocabulary import dictionary_words
from redaction.text.word_kinds import word_kind
from redaction.text.word_pos import base_verb
from redaction.wordtrie import trie_compile

# Words that open a letter, a message or a voicemail, close one, or ask for someone: never the first word of a name.
_OPENERS = frozenset({
    "sincerely", "regards", "respectfully", "cordially", "thanks", "thank", "thx", "cheers",
    "hi", "hello", "hey", "dear", "attn", "attention", "tell", "ask", "text", "call", "ping", "email", "bye",
    "goodbye", "warmly", "signed", "from", "to", "cc", "fwd", "fw", "re",
})
# Words after which the word before a comma is a noun, not a surname ("the hall, dolores"; "my sister, ..."); not
# "that" ("reports that Hill, Nizhoni") nor "an" ("Mac an Tsaoir, Bao").
_DETERMINERS = frozenset({"the", "a", "my", "his", "her", "their", "our", "your", "its", "this", "every", "each", "both", "all",
                          "two", "three", "several"})
_WORD = trie_compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_LAST_WORD = trie_compile(r"([^\W\d_]+)[ \t]*\Z")


def ner_start(text: str, start: int, end: int) -> int | None:
    """Where the name in the NER's PERSON span ``text[start:end]`` begins (None: no word of it is left)."""
    words = list(_WORD.finditer(text, start, end))
    closed = False
    while len(words) > 1:
        first = words[0].group().lower()
        if street_surname(first) and street_surname_ok(text, words[0].start(), end):
            break  # "Contacted Court, Tamika": a street word as the surname of "surname, given"
        if first in _OPENERS or _verb_first(first):
            closed = closed or first in _CLOSING_WORDS.split("|")
            words.pop(0)  # "TELL KIARA", "SINCERELY, LATONYA", "Dear Tomasz", "PLEASE KICK MARISOL"
        elif text[words[0].end():words[1].start()].strip() == "," and (
                ((first in CAPS_STOP_WORDS or first in STOP_WORDS) and first not in AMBIGUOUS_GIVEN
                 and first not in surnames()) or noun_at(text, words[0].start()) or closing_at(text, words[0].start())):
            closed = closed or closing_at(text, words[0].start())
            words.pop(0)  # "ACROSS THE HALL, DOLORES", "I DONT KNOW NOTHING, ASK MELE": no surname before the comma
        else:
            break
    if closed and group_signature(w.group() for w in words[:2]):
        return None  # "Regards, Patrol Division", "THANKS,\nDAY SHIFT": signed for a group (signatures.py)
    if words and event_noun(words[-1].group().lower()) and all(
            w.group().lower() in CUE_WORDS or not word_kind(w.group()) for w in words[:-1]):
        return None  # "FAMILY DISTURBANCE", "NEIGHBOR DISPUTE": a relation and what it had
    return words[0].start() if words else None


def _verb_first(low: str) -> bool:
    """A verb no name list holds, first in a span ("Remind Kiara", "KICK MARISOL"): the NER's span starts too early."""
    from redaction.text.lexicon import base_verb

    return base_verb(low) and low not in given_names() and low not in surnames() and low not in AMBIGUOUS_GIVEN \
        and low in dictionary_words()


def noun_at(text: str, start: int) -> bool:
    """The word at ``start`` follows an article or a possessive ("the hall", "my sister"), or opens or closes a
    letter ("Sincerely , Oluwaseun"): no surname before a comma."""
    if text[start:start + 12].split(" ")[0].strip(",").lower() in _OPENERS:
        return True
    before = _LAST_WORD.search(text, max(0, start - 20), start)
    return before is not None and before.group(1).lower() in _DETERMINERS


RELATION_WORDS = frozenset(c for c in RELATION_CUES if c.isalpha())


def adjective_phrase(text: str, start: int, end: int) -> bool:
    """A re-cased NER "name" of dictionary words with an adjective no given name is at either end ("loud music",
    "many times", "plays music loud"): the NER read the capitals we gave it, not a name."""
    from redaction.text.lexicon import lexicon

    words = [w.group().lower() for w in _WORD.finditer(text, start, end)]
    known, adjectives = dictionary_words(), lexicon()[0]
    if len(words) < 2 or not all(w in known for w in words):
        return False
    if words[-1] in CUE_WORDS and words[-1] in RELATION_WORDS:
        return True  # "her little cousin", "my older brother": a relation and its adjective
    return any(w in adjectives and w not in AMBIGUOUS_GIVEN and w not in given_names() for w in (words[0], words[-1]))


_CLOSING_WORDS = "sincerely|regards|respectfully|cordially|thanks|thank|thx|cheers|best|love|yours|warmly|peace|bye|xoxo"
# A closing alone on its line (or opening the text), a comma, then the signature ending the text or its line.
_SIGNATURE = trie_compile(r"(?:\A|(?<=\n)|(?<=[.!?][ \t]))[ \t]*(?i:" + _CLOSING_WORDS + r")[ \t]*,[ \t]*\n?[ \t]*"
                        r"[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:[ \t]+[^\W\d_]+)?[ \t.!]*(?:\n|\Z)")


def closing_at(text: str, start: int) -> bool:
    """The word at ``start`` closes a letter before its signature ("best, priya", "LOVE,\\nMARISOL"): no surname
    of a ``surname, given`` pair."""
    return _SIGNATURE.match(text, start) is not None and \
        text[start:].split(",")[0].strip().lower() in _CLOSING_WORDS.split("|")


_TAIL = trie_compile(r"(?:[ \t,]+(?i:en[ \t]+route|enroute|(?:re|pre|un|co|self)-[^\W\d_]+ed))+\Z")


def name_end(text: str, start: int, end: int) -> int:
    """Where a found name ends once a dispatch phrase or a prefixed verb after it is cut ("MICHAEL EN ROUTE",
    "CPL. LITTLE, RE-CONTACTED THE VICTIM")."""
    m = _TAIL.search(text, start, end)
    return m.start() if m is not None and m.start() > start else end


def tail_word(low: str) -> bool:
    """A word ``name_end`` cuts after a name ("enroute", "en", "re-contacted"): no surname after a found name."""
    return low in ("enroute", "en") or _TAIL.fullmatch(" " + low) is not None


def verb_end(text: str, start: int, end: int) -> int:
    """Where a re-cased NER name ends once a dictionary word in -s no name list holds is cut ("kiara texts u" read as "Kiara Texts"): the
    NER saw the capitals we gave every candidate word."""
    words = list(_WORD.finditer(text, start, end))
    last = words[-1].group().lower() if words else ""
    known = dictionary_words()
    if len(words) > 1 and last.endswith("s") and (last in known or last[:-1] in known) and not word_kind(last):
        return words[-2].end()
    if len(words) > 1 and irregular_verb(last):
        return words[-2].end()  # "kofi strode toward": a past tense
    if len(words) > 1 and base_verb(last) and last in known and _PRONOUN_OBJECT.match(text, end):
        return words[-2].end()  # "sees tevita tell him to": a verb and its object, no surname
    return end


_PRONOUN_OBJECT = trie_compile(r"[ \t]+(?i:him|her|them|me|us|you|u)\b")


_COPULA_BEFORE = trie_compile(r"(?<![\w'’\-])(?i:was|were|is|are|be|been|being|so|very|too|really|extremely|became|seemed|"
                            r"looked|got)[ \t]+\Z")


def predicate_adjective(text: str, start: int, end: int) -> bool:
    """A one-word NER "name" that is an adjective no given name is, after a copula ("OFFICER WAS RUDE", "HE GOT
    AGGRESSIVE"): in capitals the NER has no case to go by."""
    from redaction.text.lexicon import lexicon

    word = text[start:end].lower()
    return (word.isalpha() and word in lexicon()[0] and word not in given_names() and word not in AMBIGUOUS_GIVEN
            and _COPULA_BEFORE.search(text, max(0, start - 16), start) is not None)
