"""A record person's everyday-word short form ("will", "bill", "rose", "art", "jack" of the record's WILLIAM,
ROSEMARY, ARTHUR, JACKSON) in any case, in more of the slots where only a person stands (``slot_nicknames`` holds
the calls, "per", "told ... to"; ``verb_nicknames`` the subject of a narrative verb):

- greeted or thanked, before a stop: "hey will,", "THANKS BILL!" (not "hey, will you", "thanks, will do");
- "according to sandy," or before a subject ("according to will the door was open"; not "according to the bill");
- in company, after a verb of going, staying or quarrelling and "with", before a stop or a preposition: "went with
  will to the store", "LEFT WITH JACK AT 2200", "an argument with frank, who" (not "covered with art and posters",
  "went with jack stands");
- after a kin or role word and before "was", "who" or a comma: "her son will was not home", "the manager penny was"
  (not "her son will be home", "her son rose and left");
- after "said" (and the like) and before "was"/"had": "his mom said will was asleep" (a modal never stands there);
- seen or heard doing something a person does (``data/person_doings.txt``): "heard penny yelling", "saw jack
  running" (not "saw art hanging");
- after "called", "named", "goes by", "aka" and before a stop, "was", "and" or a verb of a person: "a guy called al
  keeps parking" (not "called penny stocks a scam");
- as the speaker of a copied text message, when another line has a speaker too: "will: where r u\\nme: home".

``variants`` takes these forms alone only in Title case inside a sentence. The report words (``NOT_NAME_WORDS``,
``CAPS_STOP_WORDS``: "vic", "court", "rose") never; two letters in capitals ("AL", "MO": a state, a modus operandi)
in every slot but after "according to" ("ACCORDING TO ED,": the emergency department). The words are found first
(a plain ``in`` test, then one regex of the person's words); only where one stands are the slots tried, each a
regex compiled once for every record.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, word_list
from redaction.text.names import RELATION_CUES, ROLE_CUES
from redaction.text.vocabulary import irregular_verb_forms
from redaction.wordtrie import trie_compile, word_trie

_DOINGS = Path(__file__).resolve().parent / "data" / "person_doings.txt"
_W = r"[^\W\d_]+"
_GREET = r"(?:hey|hi|hello|yo|thanks|thank\s+you|thx|bye|goodbye|dear|congrats)"
_ACCOMPANY = (r"(?:went|go|goes|going|gone|left|leave|leaves|leaving|came|come|comes|coming|walked|walking|drove|"
              r"driving|rode|riding|ran|running|stayed|staying|stays|stay|lives|living|lived|live|was|is|were|are|"
              r"arrived|arriving|argued|arguing|argument|fought|fighting|fight|dispute|met|meet|meeting|sat|sitting|"
              r"stood|standing|along|together|dating|involved|relationship|friends|home|out|off)")
_AFTER_WITH = (r"(?=[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:to|at|and|from|in|into|on|for|when|after|before|until|since|"
               r"because|but|who|earlier|yesterday|today|tonight|last|this|that|again|inside|outside|around|about)\b)")
_SAY = (r"(?:said|says|stated|states|believes|believed|thinks|thought|claims|claimed|knows|knew|reported|advised|"
        r"told[ \t]+(?:me|us|him|her|them|officers?|police|rp))(?:[ \t]+that)?")
_BE = r"(?:was|is|had|has|wasnt|isnt|hasnt|hadnt|didnt|doesnt|wasn't|isn't|hasn't|hadn't|didn't|doesn't|never)"
_SEE = r"(?:saw|seen|see|sees|watched|watching|heard|hear|hears|found|caught|observed|noticed|spotted|witnessed)"
_NAMED = r"(?:called|named|goes[ \t]+by|known[ \t]+as|aka|a/k/a|nicknamed|name[ \t]+is|names)"
_AFTER_NAMED = (r"[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:was|is|who|had|has|and|keeps|kept|lives|lived|works|worked|came|comes|"
                r"went|goes|left|said|says|told|tells|stays|stayed|hangs|drives|from|at|in|on|to|with)\b")
_AFTER_PLACE = (r"[ \t]*(?:[,.;:!?)]|$)|[ \t]+(?:at|from|in|into|on|when|after|before|until|since|because|but|who|"
                r"earlier|yesterday|today|tonight|last|again|inside|outside|around|about)\b")
_FROM = (r"(?:text|texts|txt|call|calls|message|messages|msg|letter|note|visit|dm|snap|voicemail|vm|threat|threats|"
         r"heard|hear|got|received|money|email|emails)[ \t]+from")
_FOR = (r"(?:waiting|waited|wait|waits|looking|looked|look|looks|searching|searched|search|came|come|comes|coming|"
        r"here|there|went|go|going|left)[ \t]+for")
_GIVE = (r"(?:gave|give|gives|giving|handed|hand|sent|send|sold|sell|lent|loaned|showed|passed|returned|mailed|owed|"
         r"owes|owe)(?:[ \t]+[^\W\d_]+){0,3}[ \t]+to")
_TEXTED = r"(?:texted|text|texting|txt|txted|messaged|message|phoned|emailed|facetimed|facetime|called|calling|call)"
_AFTER_TEXTED = (r"[ \t]*(?:[,.;!?]|$)|[ \t]+(?:but|back|again|about|at|yesterday|last|twice|several|multiple|earlier|"
                 r"today|tonight|and|on|from|when|because|who|asking|saying)\b")
_CLAUSE = r"(?:^|[.!?;:,(\n\"“]|(?<![\w'’])(?:and|that|but|then|so|because|said|says))[ \t]*"
_SPEAKER = trie_compile(r"^[ \t]*(" + _W + r")[ \t]*:(?=[ \t])", re.MULTILINE)
_OTHER_SPEAKERS = frozenset({"me", "i", "myself", "victim", "v", "rp", "suspect", "s"})
_B = r"(?<![\w'’])"


@lru_cache(maxsize=1)
def person_doings() -> frozenset[str]:
    """The -ing verbs of ``data/person_doings.txt``: what a person is seen or heard doing ("yelling")."""
    return word_list(_DOINGS)


@lru_cache(maxsize=1)
def _kin_words() -> str:
    """The relation and role words (``names``), one word each, as a regex."""
    return word_trie([w for w in (*RELATION_CUES, *ROLE_CUES) if w.replace("-", "").isalpha() and len(w) > 1],
                     r"[ \t]+")


def _kin() -> str:
    return r"(?:my|his|her|their|our|your|the|a)[ \t]+(?:" + _kin_words() + ")"


@lru_cache(maxsize=1)
def _slots() -> tuple[tuple[re.Pattern[str], re.Pattern[str], bool, bool], ...]:
    """(what stands before the word, up to it; what follows it; whether two capitals may stand there; whether a
    past verb may: "hey rose,", but not "her son rose, ...") for each slot, compiled once."""
    doings = word_trie(person_doings())
    sp = r"[ \t]+"
    slots = ((_B + _GREET + sp, r"[ \t]*(?:[,!?]|$)", True, True),  # "hey will,"
             (_B + r"according[ \t]+to" + sp,
              r"[ \t]*,|[ \t]+(?:the|he|she|they|i|we|his|her|there|it|someone|nobody)\b",
              False, True),  # "according to sandy,"; not "ACCORDING TO ED," (the emergency department)
             (_B + _ACCOMPANY + r"[ \t]+with" + sp, _AFTER_WITH, True, True),  # "went with will to"
             (_B + _kin() + sp, r"[ \t]*[,;:)]|[ \t]+(?:was|is|who|had|has)\b", True, False),  # "her son will was"
             (_B + _SAY + sp, r"[ \t]+" + _BE + r"\b", True, True),  # "said will was"
             (_B + _SEE + sp, r"[ \t]+(?:" + doings + r")\b", True, True),  # "heard penny yelling"
             (_B + _NAMED + sp, _AFTER_NAMED, True, True),  # "a guy called al keeps"
             (_B + _FROM + sp, _AFTER_PLACE, True, True),  # "a text from will last night"
             (_B + _FOR + sp, _AFTER_PLACE, True, True),  # "waiting for will outside"
             (_B + _GIVE + sp, _AFTER_PLACE, True, True),  # "gave the keys to will yesterday"
             (_B + _TEXTED + sp, _AFTER_TEXTED, True, True),  # "i texted will but"
             (_CLAUSE, r"[ \t]+and[ \t]+(?:i|me)\b", True, False),  # "will and i got into it"
             (_CLAUSE, r"[ \t]+(?:is|was)[ \t]+(?:my|his|her|their|our|your)[ \t]+(?:" + _kin_words() + r")\b",
              True, True))  # "herb is my ex"
    flags = re.IGNORECASE | re.MULTILINE
    return tuple((trie_compile(before + r"\Z", flags), trie_compile(after, flags), caps, past)
                 for before, after, caps, past in slots)


@lru_cache(maxsize=4096)
def _occurrences(words: tuple[str, ...]) -> re.Pattern[str]:
    return trie_compile(r"(?<![\w'’\-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'’\-])", re.IGNORECASE)


def _speakers(folded: str, here: tuple[str, ...]) -> list[tuple[int, int]]:
    """The short forms that speak a line of a copied text message, when another line has a speaker too."""
    labels = [(m.start(1), m.end(1), m.group(1).lower()) for m in _SPEAKER.finditer(folded)]
    if len(labels) < 2:
        return []
    words = [w for _, _, w in labels]
    return [(s, e) for s, e, w in labels if w in here and (words.count(w) > 1 or _OTHER_SPEAKERS & set(words))]


def everyday_slots(folded: str, words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Where a word of ``words`` (the lower-case everyday or two-letter short forms of one record person) stands in
    a person's slot in ``folded`` (the text folded to ASCII, same offsets)."""
    low = folded.lower()
    here = tuple(sorted(w for w in words if w in low and w not in CAPS_STOP_WORDS and (
        w not in NOT_NAME_WORDS or w in irregular_verb_forms())))  # "vic", "court": report words; "rose" a verb
    if not here:
        return []
    out = _speakers(folded, here) if ":" in low and "\n" in low else []
    for m in _occurrences(here).finditer(folded):
        s, e = m.span()
        caps = e - s == 2 and folded[s:e].isupper()  # "AL", "MO" in capitals: a state, a modus operandi
        verb = folded[s:e].lower() in NOT_NAME_WORDS  # "rose": only where no verb stands
        if any(after.match(folded, e) and before.search(folded, max(0, s - 48), s)
               for before, after, two_caps, past in _slots() if (two_caps or not caps) and (past or not verb)):
            out.append((s, e))
    return sorted(set(out))
