"""Names found by where a sentence puts them, when no list holds the word.

* ``subjects``: a word at the start of a sentence (or after "that") right before a verb of a narrative is its
  subject: "svety ran off", "JUA ADVISED US", "Oma advised" — a person when the word is a listed given name or a
  word English does not know (``vocabulary.unknown_word``), never a report word ("DRVR", "Vehicle").
* ``bracketed_nicknames``: ``First (Nick) Last`` in any case — a bracketed word or two between two name-like
  words, one of them a listed or unknown name ("Tatiana (Frosty) DuBois", "FOLAKE (SCRAPPY) IYER").
* the names next to a found one (``given_before``, ``surnames_before``, ``surname_after``, ``particles_before``)
  are ``name_neighbours``'.
* ``slot_names``: names where a sentence puts a person, in any casing, judged by ``word_kind`` (listed given
  names and surnames, dictionary words, words no vocabulary holds): after "spoke with", "per", "according to",
  "located", report roles ("VICT", "RO") ... ("i spoke with mehmet petrakis", "OFFICERS LOCATED MASON BROWN"), in
  lists and reported clauses, as a two-word subject ("bogdan price was arrested"), before a possessive, and
  ``surname, given`` after a label ("involved: woods, grant").
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, SUFFIX_LOWER
from redaction.text.cue_words import OCCUPATIONS, TEXTING_WORDS
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    PARTICLES,
    given_names,
    inflected,
    surnames,
)
from redaction.text.ner_edges import closing_at
from redaction.text.nicknames import short_forms
from redaction.text.vocabulary import (
    NARRATIVE_VERBS,
    REPORT_ABBREVIATIONS,
    uncommon_word,
    unknown_word,
)
from redaction.text.word_kinds import ADJECTIVES as _ADJECTIVES
from redaction.text.word_kinds import PLACES as _PLACES
from redaction.text.word_kinds import listed as _listed
from redaction.text.word_kinds import word_kind
from redaction.text.word_pos import base_verb
from redaction.wordtrie import trie_compile, word_trie

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_SUBJECT_CUES = ("that", "think", "thinks", "believe", "believes", "guess", "because", "when", "and", "but", "where",
                 "whether", "while", "until", "if", "since", "once", "after", "before", "then", "later", "yesterday",
                 "today", "tonight", "earlier", "suddenly", "finally", "so", "says", "said", "states", "stated", "sts", "adv",
                 "advd", "advsd", "rptd",
                 # what a check or an inquiry found ("a records check revealed Szabo had a warrant")
                 "revealed", "reveals", "showed", "shows", "indicated", "indicates", "confirmed", "learned", "determined",
                 "discovered", "realized", "noticed", "heard", "found")


def _sentence_start(cues: tuple[str, ...], comma: bool = False) -> str:
    """Where a subject may begin: the text's start, after a sentence's end (or a comma: a clause's), or right after one
    of ``cues`` (fixed-width lookbehinds, so the cue itself may be tried as a subject too: "when ngozi got home"); with
    ``comma``, after a comma or a date or time too ("on monday, zoran wrote", "on 3/4 bogdan sent")."""
    return (r"(?<![\w'’\-\"“])(?:\A|(?<=[.!?:;|]\s)|(?<=[.!?:;|]\s\s)|(?<=\n)|" + (r"(?<=,\s)|(?<=\d\s)|" if comma else "")
            + _after_words(cues) + r")")


def _after_words(words: tuple[str, ...]) -> str:
    """Look-behinds for "one of ``words`` (any case) and a space", one per length of word (a look-behind has one
    width): the same positions as one look-behind per word, with far fewer tried at each position of a text."""
    by_length: dict[int, list[str]] = {}
    for w in words:
        by_length.setdefault(len(w), []).append(w)
    return "|".join(rf"(?i:(?<=\b(?:{'|'.join(same)})\s))" for _, same in sorted(by_length.items()))


# Verbs only a person does (speech, coming and going, knowing): before one an everyday given name is a person.
PERSON_VERBS = frozenset({
    "said", "says", "stated", "states", "told", "tells", "yelled", "yells", "screamed", "shouted", "asked", "asks",
    "admitted", "admits", "denied", "denies", "explained", "explains", "claimed", "claims", "texted", "called", "left",
    "came", "arrived", "ran", "walked", "fled", "refused", "agreed", "answered", "replied", "knows", "knew", "wants",
    "wanted", "cried", "lied", "apologized", "promised", "swore", "threatened", "thinks", "thought"})
# Past forms the narrative verbs lack, after which a subject is a person just as well ("padraig put them up to it").
_MORE_VERBS = frozenset({"put", "paid", "pays", "bought", "lied", "shouted", "screamed", "cried", "replied", "swore",
                         "promised", "apologized", "thinks", "thought", "owns", "owned", "will", "wont", "won't",
                         "can", "cant", "can't", "didnt", "didn't", "doesnt", "doesn't", "and", "n", "wrote", "writes",
                         "sent", "sends", "emailed", "messaged", "posted", "texts", "dms", "snaps", "posts",
                         "messages", "facetimes", "facetimed", "snapped", "dmed", "dmd", "gone"})
_CONJUNCTIONS = frozenset({"and", "n"})
_CALENDAR = frozenset({"january", "february", "march", "april", "june", "july", "august", "september", "october",
                       "november", "december", "spring", "summer", "autumn", "fall", "winter", "dawn", "eve", "noon",
                       "christmas", "easter"})
_SUBJECT = trie_compile(
    _sentence_start(_SUBJECT_CUES + ("me", "us"), comma=True) + r"([\"“]?)(" + _NAME + r")[\"”]?(?=\s+(?:(?:also|then|later|never|just|both|all)\s+)?([^\W\d_]+)\b)")
_BRACKETED = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")\s+\(\s*[\"“'‘]?([^\W\d_]+(?:['’\-][^\W\d_]+)*"
                        r"(?:\s[^\W\d_]+)?)[\"”'’]?\s*\)\s+((?:(?:" + "|".join(sorted(PARTICLES - {"st."}, key=len))
                        + r")\s+)*" + _NAME + r")(?![\w'’\-])", re.IGNORECASE)


_FUNCTION = {"the", "a", "an", "his", "her", "their", "him", "them", "and", "or", "is", "was", "of", "see", "i", "he",
             "she", "they", "it", "if", "not", "no", "yes", "again", "unk", "unknown", "approx"}
_WORD_BEFORE = trie_compile(r"(?<![\w'’\-])(" + _NAME + r") \Z")
# Words before which an everyday word that is also a given name is the verb or modal it looks like ("to chase").
_NOT_AFTER = {"to", "would", "could", "will", "did", "can", "and", "i", "we", "they", "he", "she", "you", "not", "may",
              "might", "must", "should", "who", "that", "it"}


# Everyday given names that are also verbs or modals: after "to", "and", a pronoun they are the verb ("to chase").
_VERBISH_GIVEN = {"will", "may", "chase", "grant", "mark", "bill", "rob", "sue", "pat", "drew", "hope", "frank", "jack",
                  "art", "don", "ray", "guy", "max", "dean", "cliff", "lane", "wade", "miles", "herb", "norm", "nick",
                  "cash", "page", "price", "hunter", "sterling", "rich", "young", "long", "love", "star", "dawn", "eve"}
_NOT_GIVEN = (CAPS_STOP_WORDS | (NOT_NAME_WORDS - AMBIGUOUS_GIVEN) | CUE_WORDS | {
    "male", "lady", "man", "boy", "baby", "officer", "sergeant", "judge", "general", "black", "white", "brown",
    "green", "gray", "grey", "young", "long", "an", "in", "so", "see", "ma", "pa", "al", "kin", "bay", "tan", "hang",
    "major", "king", "prince", "duke", "else", "love", "early", "golden", "marine", "royal"})


_DETERMINERS = {"the", "a", "an", "this", "these", "those", "your", "our", "its", "some", "any", "no", "each", "every"}


def _common(word: str) -> bool:
    low = word.lower()
    return low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS


def subjects(text: str) -> list[tuple[int, int]]:
    """Sentence subjects that are names: a listed given name or an unknown word right before a narrative verb; an
    everyday word that is also a given name before a verb only a person does ("after precious left", "mason said"),
    then that word as written before any narrative verb ("i think precious was drunk")."""
    out: list[tuple[int, int]] = []
    given = given_names()
    everyday: dict[str, list[tuple[int, int]]] = {}  # everyday given names in subject place, by how they are written
    personal: set[str] = set()  # ... of which one stands before a person's verb
    for m in _SUBJECT.finditer(text):
        word, verb = m.group(2), m.group(3).lower()
        if (verb not in NARRATIVE_VERBS and verb not in _MORE_VERBS and not _strong_past(text, word, verb)) \
                or word.lower() in CAPS_STOP_WORDS \
                or word.lower() in REPORT_ABBREVIATIONS or word.lower() in TEXTING_WORDS \
                or word.lower() in CUE_WORDS:  # "comp states", "declarant explains"
            continue
        if verb in _CONJUNCTIONS and (word_kind(word) != "strong" or _common(word)):
            continue  # "venkatesh and ..." opens a list of people; "vehicle and ..." does not
        if m.group(1) or (not _common(word) and (_listed(word, given) or unknown_word(word) or uncommon_word(word)
                                                 or word_kind(word) == "strong")):
            out.append(m.span(2))  # a quoted subject is what someone is called ('"Smoke" was seen')
        elif _everyday_given(word):
            everyday.setdefault(word, []).append(m.span(2))
            if verb in PERSON_VERBS:
                personal.add(word)
    return out + [sp for word in personal for sp in everyday[word]]


def _strong_past(text: str, word: str, verb: str) -> bool:
    """A word only a name list or no vocabulary holds before any regular past form ("wanjiru locked the door"), in
    lower case or in an all-capitals text: not an agency's acronym or a company in mixed case ("CDCR requested",
    "Falck transported"), which the NER judges; no word without a vowel ("cdcr")."""
    if not (verb.endswith("ed") and len(verb) > 4) or not any(v in word.lower() for v in "aeiouy"):
        return False
    if not word.islower() and not (word.isupper() and text.upper() == text):
        return False
    return inflected(verb) and word_kind(word) == "strong"


def _everyday_given(word: str) -> bool:
    """An everyday word that is also a given name ("precious", "HUNTER"), not a modal, a colour, a rank or a word of
    the calendar ("when summer came")."""
    low = word.lower()
    return (low in AMBIGUOUS_GIVEN or _listed(word, given_names()) or low in short_forms()) \
        and low not in _NOT_GIVEN and low not in _CALENDAR and low not in ("will", "may", "can")  # "mo told"


everyday_given = _everyday_given


def bracketed_nicknames(text: str) -> list[tuple[int, int]]:
    """``First (Nick) Last``: the three parts, when the words around the bracket are a name (see module doc)."""
    out: list[tuple[int, int]] = []
    given, family = given_names(), surnames()
    for m in _BRACKETED.finditer(text):
        first, nick, last = m.group(1), m.group(2), m.group(3).split()[-1]
        if first.lower() in CAPS_STOP_WORDS or last.lower() in CAPS_STOP_WORDS or nick.split()[0].lower() in _FUNCTION:
            continue  # an aside in brackets ("told him (again) that"), not a nickname
        low = last.lower()
        if (low in NARRATIVE_VERBS or (len(low) >= 6 and low.endswith(("ed", "ing")))) and not _listed(last, family):
            continue  # "Darnell Whitaker (Smoke) stopped at": a verb after the bracket, no surname
        if _listed(first, given) or _listed(last, family) or unknown_word(first) or unknown_word(last):
            out.extend([m.span(1), m.span(2), m.span(3)])
    return out


# Adverbs that are also surnames: after a given name they are the adverb ("kiara right now", "jo still lives").
ADVERB_SURNAMES = frozenset({"right", "now", "still", "soon", "away", "here", "there", "again", "too", "also", "just",
                             "only", "even", "ever", "never", "always", "already", "yet", "today", "tonight",
                             "outside", "inside", "upstairs", "downstairs", "instead", "anyway", "together", "alone",
                             "really", "very", "almost"})


# Words after which a sentence puts a person ("spoke with ___", "per ___", "located ___", "according to ___"), and the
# words of places and things that follow such a slot as often as a name does ("with [school] police").
_SLOT_MULTI = (  # cues of two or three words, tried before the one-word cues ("followed up with" before "followed")
    (("spoke", "speak", "talked", "talk", "belong", "belongs", "belonged", "registered", "released", "according",
      "married", "engaged", "related", "given", "handed", "sold", "lent", "loaned", "introduced", "next", "belonging",
      "text", "texts", "letter", "message", "messages", "calls", "call", "talking", "talks", "speaking", "speaks",
      "lied", "lying", "complained", "apologized", "listened", "listening"), "to"),
    (("text", "texts", "call", "calls", "message", "messages", "threats", "money", "permission", "help", "complaint",
      "statement", "report"), "from"),
    (("picked up", "dropped off", "bitten", "assaulted", "attacked", "struck", "hit", "punched", "pushed", "shot",
      "stabbed", "robbed", "raised", "owned", "rented", "driven", "called", "contacted", "followed", "threatened",
      "identified", "accompanied", "joined", "employed", "told", "informed", "advised", "notified", "warned", "texted",
      "messaged", "visited", "helped", "seen", "met", "approached", "confronted", "chased"), "by"),
    (("warrant", "warrants", "looking", "looked", "searching", "search", "waiting", "waited", "asking", "asked",
      "working", "worked"), "for"),
    (("followed up", "met up", "hang out", "hangs out", "hung out", "lives", "lived", "living", "stay", "stays",
      "stayed", "staying", "left", "reside", "resides", "spoke", "spoken", "speak", "talked", "talk"), "with"),
)
_SLOT_SINGLE = (
    "with", "per", "told", "tells", "asked", "contacted", "interviewed", "located", "arrested", "detained", "notified",
    "cited", "met", "saw", "seen", "texted", "hit", "punched", "kicked", "slapped", "choked", "followed", "visited",
    "transported", "searched", "approached", "questioned", "stopped", "informed", "helped", "assisted", "threatened",
    "accompanied", "phoned", "called", "emailed", "messaged", "awoke", "woke", "warned", "observed", "watched", "heard",
    "noticed", "recognized", "recognised", "wants", "wanted", "gave", "give", "paid", "owes", "owed", "sent", "blamed",
    "accused", "hugged", "kissed", "bit", "shoved", "tackled", "chased", "described", "photographed", "fingerprinted",
    "booked", "escorted", "drove", "carried", "found", "trespassed", "admonished", "handcuffed", "frisked", "released",
    "served", "summoned", "subpoenaed", "both", "neither", "either", "including", "let", "adv", "advd", "advised", "w/",
    "against", "about", "thanks", "thank you", "thank u", "thx", "ty", "shoutout to", "shout out to", "ask for",
    "asking for", "text", "texting", "messaging", "cc", "dm", "tell", "ask", "see", "call", "warn", "visit", "notify", "follow", "forgive",
    "trust", "believe", "invite", "meet", "help", "find", "blame", "remind", "hug", "kick", "contact", "know", "knows", "knew", "show", "shows", "showed",
    "blocked", "unblocked", "victim:", "victims:", "witness:", "witnesses:", "suspect:",
    "complainant:", "subject:", "caller:", "rp:", "r/p:", "v/", "s/", "c/", "c/o")
# After these (verbs taking a person as object) an everyday given name alone is taken too ("told faith to stop").
_OBJECT_VERBS = {"told", "tells", "asked", "contacted", "interviewed", "located", "arrested", "detained", "notified",
                 "cited", "met", "saw", "texted", "hit", "punched", "kicked", "slapped", "bit", "visited", "warned",
                 "thanks", "thank", "thx", "ty", "tell", "ask", "text", "cc", "u", "you", "to", "see"}
_SLOT_CUES = "|".join([word_trie(first) + r"\s+" + last for first, last in _SLOT_MULTI] + [word_trie(_SLOT_SINGLE)])
_SLOT = trie_compile(r"(?<![\w'’\-])(?i:" + _SLOT_CUES + r")(?=[ \t]+(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?)")
# Where a given name and a surname (not one word alone) may follow: a list ("a b, c d and e f"), a reported clause.
_PAIR_SLOT = trie_compile(r"(?:,|&|(?<![\w'’\-])(?i:and|or|were|are|was|is|include|includes|including|said|says|stated|states|"
                        r"reported|advised|claimed|believes|thinks|saw|heard|that|as|where|when|if|whether|while|until|"
                        r"after|before|because|but|from|for|against|about|at|of|to|by|than|like|vict|victim|wit|witness|comp|complainant|susp|suspect|subj|subject|"
                        r"ro|rp|r/p|pty|party|driver|drvr|passenger|caller|owner|arrestee|juvenile|[svwpc]-?#?\d|" + word_trie(OCCUPATIONS)
                        + r")|/)(?=[ \t]+("
                        + _NAME + r")[ \t]+(" + _NAME + r")(?![\w’\-]|'(?![sS]\b)))")  # a lookahead: cues overlap
# A given name and a surname before a possessive ("rose yamamoto's sister"), anywhere.
_PAIR_POSSESSIVE = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")[ \t]+([^\W\d_]+(?:-[^\W\d_]+)*)['’][sS]\b")
_SUBJECT_PAIR = trie_compile(
    _sentence_start(("that", "and", "but", "because", "when", "while", "after", "before", "if", "until")) + r"("
    + _NAME + r")[ \t]+(" + _NAME
    + r")(?=[ \t]*/|(?:[ \t]*\([^()]{1,40}\)|,[^,.]{1,30},)?[ \t]+(?:(?:also|then|later|never|just|both|all|had|has|was|is|did|then|again)[ \t]+)?([^\W\d_]+)\b)")
_SURNAME_GIVEN = trie_compile(r"(?<![\w'’\-])(?:\A|(?<=[:;|(\"”])|(?<=[:;|(\"”]\s)|" + _after_words((
    "and", "with", "per", "witnesses", "witness", "s1", "s2", "v1", "v2", "w1", "w2", "subj", "susp", "vict")) + r")[ \t]*("
                            + _NAME + r"),[ \t]*(" + _NAME + r")(?![\w'’\-])")
_AND_ME = trie_compile(r"(?<![\w'’\-])(?:(" + _NAME + r")[ \t]+(?i:and|n|&)[ \t]+(?i:i|me)\b|(?i:me|i)[ \t]+(?i:and|n|&)[ \t]+("
                     + _NAME + r")(?![\w'’\-]))")
# Words after a closing dash that sign no name ("- thanks", "- ANONYMOUS", "- asap pls").
_NOT_SIGNED = frozenset({"thanks", "thank", "thx", "ty", "anonymous", "anon", "asap", "help", "please", "urgent",
                         "signed", "sent", "neighbor", "neighbour", "resident", "tenant", "owner", "concerned", "etc",
                         "update", "edit", "fyi", "nvm", "lol", "smh", "bye", "later", "peace", "out", "end", "done",
                         "yikes", "jk", "sos", "again", "everyone", "all"})


def _signed(name: str) -> bool:
    """The word(s) after a dash that ends the text sign it: a name word, a capitalized word in mixed case, or a listed
    short form ("- mo"); never a closing, a plea or texting ("- thanks", "- asap pls")."""
    low = name.split()[0].lower().rstrip(",")
    if low in _NOT_SIGNED or low in TEXTING_WORDS or (low.endswith(("ed", "ing")) and not word_kind(name)):
        return False  # "* Ochoa, Rigoberto - Warned": a disposition, no signature
    if name.isupper():  # in capitals a capital marks nothing: each word must read as a name ("VICTIM - NOT COOPERATIVE")
        return all(word_kind(w) for w in name.replace(",", " ").split()) or low in short_forms()
    return bool(word_kind(name)) or name[:1].isupper() or low in short_forms()


_SIGNATURE = trie_compile(r"(?:^|\s)[\-–—~]+[ \t]*(" + _NAME + r"(?:,?[ \t]+" + _NAME + r")?)[ \t.!]*\Z")
_EMAIL_SUBJECT = trie_compile(r"(?i:from|sent|to|date|cc):[^\n]*?(?i:subject|re):\Z")
_LABEL_BEFORE = trie_compile(r"[:;|]\s*\Z")
# A party's role and a colon or slash right before ``surname, given`` ("Suspect: FORD, ROBERT", "W/ Rose, Maria").
_ROLE_LABEL = trie_compile(r"(?<![\w'’\-])(?i:suspect|susp|victim|vict|vic|witness|wit|subject|subj|driver|drvr|passenger"
                         r"|complainant|arrestee|arrested|juvenile|juv|parent|guardian|owner|r/o|rp|reporting party|caller"
                         r"|involved|name|companion|assoc|associate|occupant|contact|persons?|[svwc])(?:[ \t]*#?\d{1,2})?[ \t]*[:/][ \t]*\Z")
def _pair_ok(first: str, last: str) -> bool:
    """Two words that read as a given name and a surname in a place a person stands: at least one "strong", or an
    everyday given name before a listed surname ("hope woods", "MASON BROWN")."""
    k1, k2 = word_kind(first), word_kind(last)
    if first[-2:].lower() in ("'s", "’s"):
        return False  # "tony's pizza": an owner and a thing, not a given name and a surname
    if not k1 or not k2 or k1 == "surname" or first.lower() in _ADJECTIVES:
        return False  # "struck Milvia": a common word first is no given name
    if k2 != "strong" and last.lower() in ADVERB_SURNAMES:
        return False  # "kiara right now": an adverb after a given name
    if last.lower() in _PLACES:
        return k1 == "strong"  # "tendai church", not "chase bank"
    if k2 == "given" and _listed(last, surnames()):
        k2 = "surname"  # "rose johnson": a surname that is also a given name
    return "strong" in (k1, k2) or (k1 == "given" and k2 in ("surname", "weak"))


_STREET_AHEAD = trie_compile(r"(?:[ \t]+[^\W\d_]+){0,2}[ \t]+(?i:" + "|".join(sorted(SUFFIX_LOWER, key=len, reverse=True))
                           + r")\b")


def _street(text: str, m: re.Match[str], group: int) -> bool:
    """A slot word that opens a street ("with [ashby] ave", "and san pablo ave"): no name."""
    return _STREET_AHEAD.match(text, m.start(group)) is not None or _STREET_AHEAD.match(text, m.end(group)) is not None


_AFTER_PARTICLES = trie_compile(r"(?:[^\W\d_]+\.?[ \t]+){1,2}(" + _NAME + r")")


def _verb_after_to(text: str, m: re.Match[str]) -> bool:
    """An everyday given name that is a verb after "to", a modal or a pronoun ("had to chase Smith down")."""
    prev = _WORD_BEFORE.search(text, max(0, m.start(1) - 30), m.start(1))
    return m.group(1).lower() in _VERBISH_GIVEN and prev is not None and prev.group(1).lower() in _NOT_AFTER


def _no_possessive(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    return (s, e - 2) if text[e - 2:e].lower() in ("'s", "’s") and e - 2 > s else (s, e)


# First words of two-word cues after which only a person stands ("spoke with", "lives with"; not "with" alone: "with
# grace", "with hope").
_WITH_PERSON = frozenset({"spoke", "speak", "talked", "talk", "followed", "met", "lives", "lived", "living", "stay",
                          "stays", "stayed", "staying", "hang", "hangs", "hung"})


def _alternative(m: re.Match[str]) -> bool:
    """"either mason or ...", "neither hope nor ...": the first of two alternatives the sentence names."""
    cue, nxt = m.group().lower(), (m.group(2) or "").lower()
    return (cue, nxt) in (("either", "or"), ("neither", "nor"))


# Words after which an everyday given name that is an object is a person ("tell precious i said hi", "told faith to").
_OBJECT_AFTER = frozenset({"i", "he", "she", "they", "we", "you", "to", "that", "on", "about", "again", "back",
                           "where", "what", "why", "how", "who", "whether",  # "asked precious where the gun was"
                           "yesterday", "today", "last", "when", "because", "if", "not", "but", "even", "all", "every",
                           "constantly", "nonstop", "until", "after", "before", "while"})


_TALK_VERBS = frozenset({"tell", "told", "tells", "ask", "asked", "text", "texted", "blocked", "unblocked", "called",
                         "texting", "calling", "telling", "asking", "messaging", "messaged"})


def _everyday_object(text: str, m: re.Match[str]) -> bool:
    """An everyday given name (even an adjective: "precious", "rocky") right after a verb taking a person, before a
    pronoun, "to", "that" or the clause's end ("tell precious i said hi", "blocked precious on facebook")."""
    w1, w2 = m.group(1), m.group(2)
    cue = text[m.start():m.end()].split()[-1].lower()
    if not _everyday_given(w1) or cue not in _OBJECT_VERBS | _TALK_VERBS:
        return False
    if w1.lower() in _VERBISH_GIVEN and cue not in _TALK_VERBS:
        return False  # "saw mark on his arm"; but "told hope to stop", "blocked hope"
    return (w2 is not None and w2.lower() in _OBJECT_AFTER) or (
        w2 is None and text[m.end(1):m.end(1) + 2].lstrip(" \t")[:1] in (",", ".", ";", "!", "?", ""))


def slot_names(text: str) -> list[tuple[int, int]]:
    """Names where a sentence puts a person, in any casing: after "spoke with", "per", "located", "according to"
    ... (a given name and a surname by ``_pair_ok``, or one "strong" word), two such words opening a sentence
    before a verb ("bogdan price was arrested"), and ``surname, given`` after a colon, a semicolon or a bracket."""
    out: list[tuple[int, int]] = []
    for m in _SLOT.finditer(text):
        w1, w2 = m.group(1), m.group(2)
        if _street(text, m, 1) or _EMAIL_SUBJECT.search(text, max(0, m.start() - 100), m.end()):
            continue  # "with [ashby] ave"; "sent: monday subject: noise" is an e-mail's subject line
        if w2 and w2.lower() in PARTICLES:
            after = _AFTER_PARTICLES.match(text, m.start(2))
            if word_kind(w1) and after is not None and word_kind(after.group(1)):
                out.append(m.span(1))  # "with chase de la cruz": the particles and the surname join it later
            continue
        if w2 and _pair_ok(w1, w2):
            out.append((m.start(1), m.end(2)))
        elif (word_kind(w1) == "strong" or _everyday_object(text, m) or (word_kind(w1) == "given" and w1.lower() not in _VERBISH_GIVEN and (
                text[m.start():m.end()].split()[-1].lower() in _OBJECT_VERBS or _alternative(m)
                or text[m.start():m.end()].split()[0].lower() in _WITH_PERSON))) and (
                not w2 or not word_kind(w2) or w2.lower() in NARRATIVE_VERBS) and (
                not w2 or w2.lower() not in PARTICLES):  # "saw Shawna Le exit": the particle is the NER's to judge
            out.append(m.span(1))
    possessive = "'" in text or "’" in text  # the possessive pair needs its apostrophe: most texts have none
    out += [(m.start(1), m.end(2)) for rx in (_PAIR_SLOT, _PAIR_POSSESSIVE) if rx is _PAIR_SLOT or possessive
            for m in rx.finditer(text)
            if _pair_ok(m.group(1), m.group(2)) and not _street(text, m, 1) and not _verb_after_to(text, m)]

    for m in _SUBJECT_PAIR.finditer(text):
        verb = (m.group(3) or "").lower()
        if (m.group(3) is None or verb in NARRATIVE_VERBS or verb.endswith("ed") or verb in ("and", "or")) and _pair_ok(m.group(1), m.group(2)) and not _street(text, m, 1):
            out.append((m.start(1), m.end(2)))
    for m in _AND_ME.finditer(text):
        g = 1 if m.group(1) else 2
        if word_kind(m.group(g)) and m.group(g).lower() not in _VERBISH_GIVEN:
            out.append(m.span(g))  # "jesús and i talked", "me and kwame were"
    sig = _SIGNATURE.search(text)
    if sig is not None and _signed(sig.group(1)):
        out.append(sig.span(1))  # "... come this time - Dima", "- mo"
    for m in _SURNAME_GIVEN.finditer(text) if "," in text else ():
        if closing_at(text, m.start(1)):
            continue  # "best, priya": a letter's closing and its signature
        if text[m.start(1) - 1:m.start(1)] in ("\"", "“") and base_verb(m.group(2).lower()) \
                and word_kind(m.group(2)) not in ("given", "strong"):
            continue  # '"Fred, drop it"': a call and what it asks, no "surname, given"
        k1, k2 = word_kind(m.group(1)), word_kind(m.group(2))
        labelled = _LABEL_BEFORE.search(text, max(0, m.start(1) - 3), m.start(1)) is not None  # "involved: woods, grant"
        if k1 and k2 and m.group(2).lower() not in _ADJECTIVES and (
                "strong" in (k1, k2) or (labelled and k1 != "given" and k2 != "surname")):
            out.extend([m.span(1), m.span(2)])
        elif k2 in ("given", "strong") and m.group(1).lower() not in _FUNCTION and m.group(1).lower() not in SPACY_STOP \
                and _ROLE_LABEL.search(text, max(0, m.start(1) - 24), m.start(1)):
            out.extend([m.span(1), m.span(2)])  # "Driver: Ford, Maria", "Owner: Lane, Maria"
    return [_no_possessive(text, sp) for sp in out]
