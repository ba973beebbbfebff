"""Words a detector took for (part of) a name that the sentence uses otherwise: the last check before numbering.

Why: names that are also English words ("Rich", "Will", "Story", "Major"), cue words swallowed by a name guess
("COUSIN FIONNUALA", "Respondent goes by ..."), a possessive "'s", a verb after a name ("CHOI RENT THE UNIT"), and
names inside places ("Cesar Chavez Rec Center", "St. Jude Clinic") or vehicles ("Chrysler Pacifica") cost
precision wherever a name rule or a consistency mention reaches them. Each rule here looks at the words around one
span, in any casing, and only with a grammatical signal that a person's name cannot have there:

* a **report or role word** at the edge of a span, or inside it (split there): labels of cards and court papers
  ("NN:", "Rel:", "Respondent", "Atty"), dispatch abbreviations ("REQ", "MGR", "ONSCENE"), relation cues
  ("COUSIN"), a word before "name" ("TRUE NAME"), a label before a number ("BADGE 4386", "STAR 48564"), a single
  letter before a slash ("W/"), "aka";
* a **verb** at the edge: after a modal or "to" ("will come", "cant sleep"), a verb form ending in -ed/-ing or a
  speech verb inside a span ("MACDONALD FORCED ENTRY"), a verb in -s or a verb no name list holds before its object
  ("Bhattacharya requests visitation", "CHOI RENT THE UNIT"), a verb after a pronoun subject ("anyone know ...");
* a one-word span that the grammar makes an **ordinary word**: after a determiner ("a blessing", "no chance",
  "the king size bed", "her rose bushes"), the modal "will" before a verb ("we will note"), an adjective after a
  copula ("the dog is sweet."), an adjective or noun before a common noun ("rich people", "major damage", "love
  letters");
* a **place or vehicle**: name words before a place head ("... Rec Center", "... Clinic"; "Park" and "Church",
  which are also surnames, only after a locative word: "at Clemente Park"), a word after "St." before a place
  head, a word after a car maker ("Ford Ranger").

Record values stay: no rule cuts into the characters of a record's own name match, and only the grammatical
one-word rules (not the word lists) may drop a whole record match ("rich" of "RICH, ROYAL" in "rich people").
A mixed-case text's capitalized word in mid-sentence is a name for the one-word rules ("Faith said Major Church").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    OFFICER_TITLES,
    POLICE_WORDS,
    SUFFIX_LOWER,
    VEHICLE_WORDS,
)
from redaction.text.cue_words import TEXTING_WORDS, travel_by, verb_miss
from redaction.text.everyday_slots import person_doings
from redaction.text.letters import in_letter_slot
from redaction.text.lexicon import adverb_only as _adverb_only
from redaction.text.lexicon import base_verb as _base_verb
from redaction.text.lexicon import common as _common
from redaction.text.lexicon import lexicon as _lexicon
from redaction.text.lexicon import noun as _noun
from redaction.text.lexicon import s_verb as _s_verb
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    PARTICLES,
    given_names,
)
from redaction.text.negatives_context import POSSESSIVE as _POSSESSIVE
from redaction.text.negatives_context import Context as _Context
from redaction.text.negatives_context import listed as _listed
from redaction.text.opening_nouns import opening_noun
from redaction.text.positions import ADVERB_SURNAMES, PERSON_VERBS
from redaction.text.prepositions import owner_at
from redaction.text.record_words import record_word_as_word
from redaction.text.street_surnames import person_place
from redaction.text.vocabulary import NARRATIVE_VERBS, dictionary_words
from redaction.wordtrie import trie_compile

# Labels and abbreviations of police reports, field cards and court papers: never a name.
REPORT_WORDS = frozenset({
    "req", "reqs", "reqd", "mgr", "nn", "rel", "rels", "atty", "attys", "assoc", "assocs", "onscene", "obs", "yob",
    "roster", "wit", "wits", "drvr", "petitioner", "respondent", "respondents", "plaintiff", "defendant", "advocate",
    "attorney", "counsel", "minor", "minors", "moniker", "monikers", "aka", "fka", "nka", "akas", "sts", "stated",
    "adv", "advd", "cb", "enrt", "susp", "subj", "vict", "compl", "ofc", "ofcr", "dob", "yoa", "intake", "born",
    "aged", "age",
    # contractions typed without the apostrophe: never a name
    "cant", "dont", "wont", "didnt", "doesnt", "isnt", "wasnt", "aint", "can't", "don't", "won't", "didn't",
    "pt", "pts", "comp", "comps", "rp", "rps", "ro", *TEXTING_WORDS,
    # platform labels before a handle ("IG: tasha.b"): the handle is the name, the label never
    "ig", "insta", "instagram", "snapchat", "tiktok", "twitter", "fb", "facebook", "kik", "venmo", "cashapp",
})
# Function words (spaCy's stop words) that are no name either: "MY NEIGHBOR [ACROSS] THE HALL".
_FUNCTION_WORDS = frozenset(STOP_WORDS) - {"an", "else", "ever", "in", "many", "may", "see", "so", "will"}
_NUMBER_LABELS = frozenset({"badge", "star", "serial", "unit", "car", "id", "no", "number", "dsn", "emp"})
_AKA = trie_compile(r"(?<![\w.])[aA]\.?\s?[kK]\.?\s?[aA]\b\.?")
_KNOWN_ADVERBS = frozenset({"better", "also", "commonly", "widely", "otherwise"})
_BY_PERSON = frozenset({"goes", "went", "go", "told", "informed", "advised", "notified", "warned", "texted",
                        "contacted", "threatened", "attacked", "assaulted", "robbed", "raised", "helped", "punched"})
_PLACE_ADVERBS = frozenset({"there", "here", "upstairs", "downstairs", "together", "in", "at", "on", "with", "near",
                            "next", "across", "around", "nearby", "outside", "inside", "alone", "by", "behind"})
_RELATION_AFTER = trie_compile(r"[ \t]*,[ \t]*(?i:my|his|her|their|our|your|the)(?:[ \t]+[^\W\d_]+['’][sS])?[ \t]+"
                             r"([^\W\d_]+(?:-[^\W\d_]+)*)[ \t]*[,(]")  # "rocky lane, my sister, said"
_NAMED_AS = frozenset({"identified", "named", "known", "introduced", "listed", "id'd", "idd"})
_KNOWN = trie_compile(r"\s+(?i:known)\b")
_NAME_LABEL_AFTER = trie_compile(r"\s*(?i:name|names|name:)(?![\w])")
_DETERMINERS = frozenset({"a", "an", "the", "no", "every", "each", "another", "any", "some", "such", "my", "your",
                          "our", "their", "its"})
_HIS_HER = frozenset({"his", "her"})  # also object pronouns ("told her Rose ..."): only before a common noun
_FAMILY_AFTER = frozenset({"family", "residence", "home", "house", "household", "brothers", "sisters", "kids",
                           "children", "boys", "girls", "twins", "couple", "apartment", "property", "case"})
_MODALS = frozenset({"will", "would", "can", "cant", "can't", "could", "should", "must", "may", "might",
                     "dont", "don't", "didnt", "didn't", "did", "does", "do", "wont", "won't", "shall"})
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "anyone", "someone", "nobody", "everyone",
                               "somebody", "anybody", "everybody", "who"})
_OBJECT_START = frozenset({"the", "a", "an", "her", "his", "their", "my", "our", "your", "its", "every", "each",
                           "this", "that", "these", "those", "it", "him", "them", "me", "us", "some", "any", "no",
                           "out", "off", "away", "back", "up", "down", "towards", "toward", "visitation"})
# Words after which a sentence puts a person ("spoke with grace yesterday", "told faith today"): a listed given name
# there is the person, whatever noun follows it.
_PERSON_SLOTS = frozenset({"with", "per", "told", "tell", "tells", "asked", "ask", "saw", "see", "met", "contacted",
                           "called", "texted", "thanks", "thank", "warned", "visited", "notified", "interviewed"})
# Nouns that stand alone as adverbs of time: a word before one is not its modifier ("grace yesterday").
_DAYS = ("yesterday", "today", "tonight", "tomorrow")
_TIME_NOUNS = frozenset({*_DAYS, "earlier", "later", "again", "twice", "once"})
_ARTICLES = frozenset({"the", "a", "an"})
_AFTER_ING = frozenset({"from", "to", "toward", "towards", "into", "out", "away", "down", "up", "across", "around",
                        "through", "after", "at", "with", "in", "on", "off", "the", "a", "an", "his", "her", ""})
_SLANG_RELATIONS = frozenset({"homie", "homeboy", "homegirl", "bestie", "bff", "daddy", "mama", "momma", "bae", "boo"})
_COPULAS = frozenset({"is", "are", "was", "were", "looked", "looks", "seemed", "seems", "felt", "feels", "became"})
_FUNCTION = CAPS_STOP_WORDS - POLICE_WORDS
_INDEFINITE = frozenset({"something", "everything", "nothing", "anything", "one", "thing", "things", "way", "time",
                         "times", "day", "night", "name", "names"})
_STRONG_PLACES = frozenset({
    "center", "centre", "clinic", "hospital", "school", "academy", "library", "station", "market", "kitchen", "cafe",
    "café", "diner", "restaurant", "grill", "plaza", "mall", "college", "university", "stadium", "pharmacy", "motel",
    "hotel", "transit", "rec", "books", "parts", "club", "chapel", "cemetery", "gym", "deli", "bakery", "salon",
    "laundromat", "liquor", "foods", "shop", "travel", "tech", "hs", "jhs", "elementary", "elem",
})
_WEAK_PLACES = frozenset({"park", "church", "hall", "field", "garden", "gardens", "square", "towers", "apartments"})
_LOCATIVE = frozenset({"at", "near", "by", "behind", "outside", "inside", "across", "from", "into", "past",
                       "towards", "toward", "the", "around"})
_MOTION = frozenset({"headed", "heading", "went", "going", "go", "ran", "walked", "drove", "fled", "back", "came",
                     "returned", "taken", "took", "driven", "transported"})
_MOVING = frozenset({"walking", "running", "driving", "heading", "fleeing", "fled", "traveling", "travelling",
                     "turned", "turning", "looking", "facing", "ride", "rode", "riding", "walk", "run", "drive"})
_COMPASS = frozenset({"north", "south", "east", "west"})
_PERSON_NOUNS = frozenset({"man", "woman", "guy", "boy", "girl", "lady", "dude", "person", "male", "female", "kid",
                           "teen", "teenager", "gentleman", "individual", "subject", "suspect", "officer", "named"})
_CAR_MAKERS = frozenset(VEHICLE_WORDS) | {"lincoln", "mercury", "chrysler", "gmc", "ram"}
_TITLES = frozenset(t.lower() for t in OFFICER_TITLES) | {"mr", "mrs", "ms", "miss", "mx", "dr", "p/o", "po"}
def _report_word(ctx: _Context, i: int, edge: bool) -> bool:
    """A word that is never a name where it stands (see the module doc): trimmed at an edge, split at inside.

    Function words in capitals only at an edge ("MAC AN TSAOIR" keeps its "AN"); two capitals only before a colon
    (the label "NN:", not the initials "AS"); an alias's own words ("nephew", "BABY FACE") only by the labels.
    """
    w, low = ctx.word(i), ctx.low(i)
    after = ctx.text[ctx.words[i][1]:ctx.words[i][1] + 12]
    if len(low) == 1:
        if _AKA.match(ctx.text, max(0, ctx.words[i][0] - 4)) or _AKA.match(ctx.text, ctx.words[i][0]):
            return True  # the letters of "a.k.a."
        if low == "i" and w == "I" and edge and re.match(r"\s+[a-z]+(?:ed|s)\b|\s+(?:SHOWED|SAW|ASKED|TOLD|WAS)\b", after):
            return True  # "Fox, D'Andre R. I showed ...": the pronoun
        return after.startswith("/")  # "W/ WARRANT", "S/N"
    if len(low) == 2 and w.isupper() and not after.startswith(":"):
        return False
    if low in REPORT_WORDS or _NAME_LABEL_AFTER.match(after) or (low in _KNOWN_ADVERBS and _KNOWN.match(after)):
        return True
    if edge and low in _DAYS:
        return True  # "OYELARIN YESTERDAY": the day, not a name word
    if edge and low == "law" and ctx.low(i - 1) == "in" and ctx.gap(i - 1, i).strip() in ("", "-"):
        return True  # "MY SISTER IN LAW, RUKHSANA": the relation, not a surname before the given name
    if low in _NUMBER_LABELS and re.match(r"\s*(?:#|no\.?|:)?\s*\d", after):
        return True
    if low in ctx.alias_words or low in PARTICLES or ctx.text[max(0, ctx.words[i][0] - 1):ctx.words[i][0]] in "'\"“‘(":
        return False  # an alias's word, quoted or not ("('BABY FACE')", "William (Nephew) Ross")
    if edge and i > 0 and ctx.in_person(i - 1) and low in ADVERB_SURNAMES and not ctx.name_cased(i):
        return True  # "kiara right now": the adverb after a given name, unless written as a name
    if edge and low in _SLANG_RELATIONS and ctx.low(i - 1) in _DETERMINERS:
        return True  # "my [homie] tay": a relation in slang, unless it is an alias's word ("BIG HOMIE")
    if i + 1 < len(ctx.words) and ctx.in_person(i + 1) and not ctx.gap(i, i + 1).strip() \
            and _common(ctx.low(i + 1)) and ctx.low(i + 1) not in given_names():
        return False  # a street name of common words found in two pieces ("[BABY] [FACE]")
    if low in CUE_WORDS:
        return True
    if edge and low in _MODALS and low not in ("will", "may"):
        return True  # "SMITH, JOHN SHALL NOT CONTACT"
    return edge and ((w.isupper() and low in CAPS_STOP_WORDS) or low in _FUNCTION_WORDS) and low not in ("will", "may")


_NOT_BARE = frozenset({"was", "is", "were", "are", "had", "has", "did", "does"})  # never after a modal


def _modal(ctx: _Context, i: int) -> bool:
    """Word i is the modal "will"/"may" before a verb ("XIAOLING WILL COME"), not the name after a cue ("her son
    will gray", "with will zhang") nor a name written as one in mixed case."""
    if ctx.low(i) not in ("will", "may") or ctx.name_cased(i) or i + 1 >= len(ctx.words) or ctx.gap(i, i + 1).strip():
        return False
    prev, nxt = ctx.low(i - 1), ctx.low(i + 1)
    if prev in _TITLES or prev in ("with", "and", "per", "to", "by", "for", "from", "of"):
        return False
    if nxt in PERSON_VERBS or nxt in _NOT_BARE or nxt in person_doings() or (nxt.endswith("ed") and len(nxt) > 3):
        return False  # "coach will said", "said will was", "saw will running": a modal takes a bare verb
    if prev in CUE_WORDS and _listed(nxt):
        return False  # "her son will gray (16)"; but "her mother will call back"
    return i > 0 and _base_verb(nxt) and not ctx.gap(i - 1, i).strip(" \t")


def _verb_edge(ctx: _Context, i: int, first: bool, n_words: int) -> bool:
    """A verb at the first or last word of a span of ``n_words`` words (see the module doc)."""
    low = ctx.low(i)
    if _modal(ctx, i):
        return not first or ctx.low(i - 1) in _SUBJECT_PRONOUNS
    if not first and n_words > 1 and low.endswith("ing") and low in dictionary_words() and _base_verb_of(low) \
            and low not in given_names() and ctx.low(i + 1) in _AFTER_ING:
        return True  # "RICKY RUNNING FROM THE SCENE": an -ing verb after the name
    if not (_base_verb(low) or _s_verb(low) or low in NARRATIVE_VERBS):
        return False
    prev, nxt = ctx.low(i - 1), ctx.low(i + 1)
    if prev in _SUBJECT_PRONOUNS and not ctx.gap(i - 1, i).strip() and low not in given_names():
        return True  # "does anyone know ..."
    if first:
        return prev in _MODALS and prev not in ("will", "may")
    if prev in _MODALS and (prev not in ("will", "may") or _modal(ctx, i - 1)):
        return True
    if low in NARRATIVE_VERBS:
        return True  # "(ignacio siddiqui) hangs out"
    if n_words < 2 or low in given_names():
        return False
    if "," in ctx.gap(i - 1, i) and nxt in ("him", "her", "them", "me", "us", "it") and low not in AMBIGUOUS_GIVEN \
            and ctx.gap(i, i + 1).strip() == "":
        return True  # "his stepdad, [leon, beat] him": the verb after an apposition, even one that is a surname
    if _s_verb(low):
        return True
    if nxt in _ARTICLES and low not in AMBIGUOUS_GIVEN and ctx.gap(i, i + 1).strip() == "":
        return True  # "his friend cole jump the fence": a base verb before its object, even one that is a surname
    return not _listed(low) and (nxt in _OBJECT_START or nxt.endswith("ing") or not nxt)


def _tight_before(ctx: _Context, i: int) -> bool:
    """Word i follows the word before it with only spaces between."""
    return i > 0 and not ctx.gap(i - 1, i).strip()


def _ordinary_word(ctx: _Context, i: int) -> bool:
    """A one-word span that this sentence's grammar makes an ordinary word (see the module doc)."""
    low = ctx.low(i)
    if record_word_as_word(ctx, i):
        return True  # "the door bell" with BELL on the record, "same MO (mo)" (record_words.py)
    if not low.isalpha() or len(low) < 3 or ctx.name_cased(i) or not (_common(low) or _s_verb(low)):
        return False
    if ctx.word(i).endswith(_POSSESSIVE):  # a possessive is somebody's ("STORY'S SISTER") but not after "the"
        return _the_before(ctx, i) and low not in given_names() and low not in AMBIGUOUS_GIVEN  # "THE PATIENT'S"
    prev, nxt = ctx.low(i - 1), ctx.low(i + 1)
    if nxt in CUE_WORDS and low.endswith("s") and ctx.in_fixed(i) and not ctx.gap(i, i + 1).strip():
        return False  # "prices girlfriend": the record person's, its apostrophe lost (``bare_plurals``)
    if in_letter_slot(ctx.text, *ctx.words[i]) or owner_at(ctx.text, *ctx.words[i]):
        return False  # "hi this is mercy calling", "thanks, hope", "brandys kids"
    if _adverb_only(low) and low not in ctx.alias_words:
        return True  # "her cousin deshawn or [maybe] his friend rico"
    if opening_noun(ctx, i) and low not in ctx.alias_words:
        return True  # "Citizen reported ...", "Bystanders told me ...": the sentence's subject
    if prev in CUE_WORDS and _tight_before(ctx, i) and _s_verb(low) and not ctx.name_cased(i) and (
            not _noun(low) or (nxt in _PLACE_ADVERBS and not _listed(low))):
        return True  # "CALLER IDENTIFIES HIMSELF", "my son travels by bus": the relation's verb
    if low in ctx.alias_words or (prev in ("and", "or", "&") and i > 1 and ctx.in_person(i - 2)) or (
            i > 0 and ctx.gap(i - 1, i).strip() == "," and ctx.in_person(i - 1)):
        return False  # an alias's word ("TINY"), one of a list of names ("CHAUDHRY AND SUNNY RUN")
    if prev in CUE_WORDS and _tight_before(ctx, i) and low in _lexicon()[3] and low not in given_names() \
            and low not in AMBIGUOUS_GIVEN and not ctx.name_cased(i):
        return True  # "the child fell", "her son hung up": an irregular past verb after a relation, not its name
    if prev in CUE_WORDS and _noun(prev) and prev not in ("alias", "name", "names", "moniker", "nickname") \
            and _tight_before(ctx, i) and _base_verb(low) and not _listed(low) \
            and low not in AMBIGUOUS_GIVEN and not ctx.name_cased(i) and (
                nxt in _OBJECT_START or nxt in _PLACE_ADVERBS or (_noun(nxt) and not _listed(nxt))):
        return True  # "my neighbors live upstairs", "her husband play music": the relation's verb, not its name
    if prev == "miss" and verb_miss(ctx.text, ctx.words[i - 1][0]) and low not in given_names():
        return True  # "DID NOT WANT TO MISS WORK": the verb's object
    if prev in _TITLES or prev in CUE_WORDS or re.search(r"[\"“'‘(]\s*$", ctx.text[:ctx.words[i][0]]):
        return False
    gap_after = ctx.gap(i, i + 1) if i + 1 < len(ctx.words) else "."
    adj, _nouns, _verbs, _ = _lexicon()
    if low in ("will", "may"):
        return _modal(ctx, i)
    two_back = ctx.low(i - 2)
    tight = i > 0 and not ctx.gap(i - 1, i).strip()  # no punctuation between the word and the one before
    tight2 = tight and i > 1 and not ctx.gap(i - 2, i - 1).strip()
    if tight and (prev in _DETERMINERS or (tight2 and prev in adj and two_back in _DETERMINERS)) \
            and nxt not in _FAMILY_AFTER and two_back not in ("aka", "known", "by"):
        return True
    if tight and low in _COMPASS and prev in _MOTION | _MOVING:
        return True  # "walked west on main": a direction
    if tight2 and two_back in _ARTICLES and _noun(prev) and _noun(low) and low not in given_names() \
            and prev not in given_names() \
            and prev not in AMBIGUOUS_GIVEN and prev not in CUE_WORDS and prev not in _PERSON_NOUNS \
            and nxt not in _FAMILY_AFTER:
        return True  # "the gas price": a compound noun's head, not "the guy price" ("bell" is a given name too)
    if tight and prev in _SUBJECT_PRONOUNS and _base_verb(low) and low not in given_names():
        return True  # "Someone rose from the couch"
    if _named_person(ctx, i, gap_after):
        return False
    if tight and prev in _HIS_HER and not gap_after.strip() and _noun(nxt) and not _listed(nxt):
        return True
    if tight and prev in _COPULAS and low in adj and (gap_after.strip()[:1] in (",", ".", "!", "?", "") and
                                            (gap_after.strip() or nxt == "and")):
        subject = ctx.low(i - 2)
        return subject not in CUE_WORDS and subject not in _TITLES and subject not in (
            "name", "names", "nickname", "moniker", "alias")  # "THE OTHER OFFICER WAS YOUNG" names him
    if ctx.in_fixed(i) and (nxt in person_doings() or nxt in _FAMILY_AFTER):
        return False  # "heard penny yelling" of the record's PENELOPE: the person doing it, no compound noun;
        # "THE BELL FAMILY" of the record's BELL: the family, no "bell family"
    if i + 1 < len(ctx.words) and not gap_after.strip() and not ctx.in_person(i + 1) and (low in adj or _noun(low)):
        n = ctx.word(i + 1)
        later = ctx.text[ctx.words[i + 1][1]:ctx.words[i + 1][1] + 4]
        return (_noun(nxt) and not _listed(nxt) and nxt not in NARRATIVE_VERBS and nxt not in _INDEFINITE
                and nxt not in _TIME_NOUNS
                and not nxt.endswith("ed") and not re.match(r"\s*#?\d", later)
                and not (ctx.mixed and n[:1].isupper()) and nxt not in _MODALS and len(nxt) > 3
                and nxt not in _FUNCTION)
    return False


def _named_person(ctx: _Context, i: int, gap_after: str) -> bool:
    """Positive evidence that word i, a listed given name, is a person's ("precious left", "mason said", "spoke with
    grace yesterday"): a verb only a person does right after it, or a verb taking a person right before it."""
    low = ctx.low(i)
    if not (low in AMBIGUOUS_GIVEN or low in given_names()) or low in ("will", "may", "can"):
        return False
    if not gap_after.strip() and ctx.low(i + 1) in PERSON_VERBS:
        return True
    return i > 0 and not ctx.gap(i - 1, i).strip() and ctx.low(i - 1) in _PERSON_SLOTS


def _ordinary_phrase(ctx: _Context, run: list[int]) -> bool:
    """Words after a determiner that are all common words no name list holds, none written as a name ("a second
    story windows"): a noun phrase."""
    i = run[0]
    if i == 0 or ctx.gap(i - 1, i).strip() or ctx.low(i - 1) not in _DETERMINERS | {"second", "third", "front"}:
        return False
    return all(_common(ctx.low(k)) and not ctx.name_cased(k) and ctx.low(k) not in ctx.alias_words
               and (k == i or not _listed(ctx.low(k))) for k in run) and ctx.low(run[-1] + 1) not in _FAMILY_AFTER


def _naming_slot(ctx: _Context, i: int) -> bool:
    """Word i follows a cue that names a person ("identified as", "named her attacker as", "thank you", "goes by",
    "my sister is")."""
    prev = ctx.low(i - 1)
    if prev == "as":
        return any(ctx.low(i - k) in _NAMED_AS for k in (2, 3, 4))
    if prev in ("you", "u"):
        return ctx.low(i - 2) == "thank"
    if prev in ("is", "was"):
        return ctx.low(i - 2) in CUE_WORDS and _noun(ctx.low(i - 2))  # "my sister is aaliyah lane"
    return prev in ("thanks", "thx") or (prev == "by" and ctx.low(i - 2) in _BY_PERSON)


def _place(ctx: _Context, i: int, j: int) -> bool:
    """Words i..j (a span) are part of a place or vehicle name (see the module doc)."""
    prev = ctx.low(i - 1)
    if prev in _CAR_MAKERS and not ctx.gap(i - 1, i).strip():
        return True
    if j == i + 1 and person_place(ctx.text, ctx.words[i][0], ctx.words[j][1]):
        return False  # "Robert Lane is 23", "statement from Mina Park": a person (street_surnames.py)
    if (prev in _TITLES or prev in CUE_WORDS) and ctx.gap(i - 1, i).strip(" \t") in ("", ".", ",", "(") and (
            not _street_after(ctx, j) or ctx.low(j + 1) not in _SUFFIX_ABBREVIATIONS):
        return False  # "Ms. Summer Lane", "VICTIM LAUREN PIKE": a title or a role puts a person there, not a street
    after = _RELATION_AFTER.match(ctx.text, ctx.words[j][1])
    if _naming_slot(ctx, i) or (after is not None and after.group(1).lower() in CUE_WORDS):
        return False  # "identified as rocky lane", "thank you summer hill": what a person is called
    if _street_after(ctx, j) or (j > i and ctx.low(j) in SUFFIX_LOWER and ctx.low(j) != "st"):
        return True  # "on Grace St", "Malcolm X Blvd"
    if i == j and ctx.low(i) in _STRONG_PLACES:
        return True  # "Story Books & Cafe", "Lane Tech"
    if prev in ("st", "saint") and ctx.low(j + 1) in _STRONG_PLACES | _WEAK_PLACES:
        return True  # "St. Jude Clinic"
    k = j
    while k + 1 < len(ctx.words) and k - j < 3 and ctx.gap(k, k + 1).strip() in ("", "&"):
        k += 1
        head = ctx.low(k)
        if ctx.word(k - 1).endswith(_POSSESSIVE) and head in _STRONG_PLACES | _WEAK_PLACES:
            return True  # "Mama Fola's Kitchen", "Sam's Club"
        if head in _STRONG_PLACES:
            return True
        if head in _WEAK_PLACES:
            return _locative(ctx, i)
        if not (ctx.in_person(k) or ctx.word(k)[:1].isupper()) or head in CAPS_STOP_WORDS:
            break
    last = ctx.low(j)
    if j > i and (last in _STRONG_PLACES or (last in _WEAK_PLACES and _locative(ctx, i))):
        return True  # the span holds its own head: "clemente park" after "near"
    return False


# Street suffixes no surname is ("St", "Ave"); "Lane", "Pike", "Hill" after a role are a surname ("VICTIM LAUREN PIKE").
_SUFFIX_ABBREVIATIONS = frozenset({"st", "ave", "av", "blvd", "rd", "dr", "ln", "ct", "pl", "pkwy", "hwy", "cir", "ter",
                                   "trl", "sq", "street", "avenue", "boulevard", "road"})


def _street_after(ctx: _Context, j: int) -> bool:
    """Word j is followed by a street suffix (after at most one letter: "Malcolm X Blvd"); "St." before a name
    is Saint ("Adams St. darnell" is another matter: a street, then a name, which ``_person_span`` splits)."""
    k = j + 1
    if ctx.word(j).endswith(_POSSESSIVE):
        return False  # "Fox's street name"
    if len(ctx.low(k)) == 1 and not ctx.gap(j, k).strip():
        k += 1
    if k >= len(ctx.words) or ctx.gap(k - 1, k).strip() or ctx.low(k) not in SUFFIX_LOWER \
            or ctx.low(k + 1) in ("name", "names"):
        return False
    if ctx.low(k) != "st":
        return True
    if not ctx.text.startswith(".", ctx.words[k][1]):
        return True  # "GRACE ST", "wood st"
    return k + 1 >= len(ctx.words) or ctx.low(k + 1) in CAPS_STOP_WORDS  # "St. John" is a name; "St. and" a street


def _locative(ctx: _Context, i: int) -> bool:
    """The words before word i place something: "at", "near", "by the", "headed to"."""
    prev = ctx.low(i - 1)
    return prev in _LOCATIVE or (prev == "to" and ctx.low(i - 2) in _MOTION)


def _trim(ctx: _Context, idx: list[int]) -> list[list[int]]:
    """The runs of word indices that stay of one span's words (report words split it; edges lose verbs)."""
    runs: list[list[int]] = [[]]
    rest_named = [any(_listed(ctx.low(j)) or not _common(ctx.low(j)) or len(ctx.low(j)) == 1 or ctx.in_fixed(j)
                      for j in idx if j != i) for i in idx]
    for k, i in enumerate(idx):
        if ctx.low(i) in CUE_WORDS and ctx.low(i) not in REPORT_WORDS and len(idx) > 1 and not rest_named[k]:
            runs[-1].append(i)  # "BABY FACE": a street name of common words, not the cue "baby" before a name
        elif not ctx.in_fixed(i) and _report_word(ctx, i, edge=k in (0, len(idx) - 1)):
            runs.append([])
        elif not ctx.in_fixed(i) and k > 0 and (_inner_verb(ctx, i) or ctx.word(idx[k - 1]).endswith(_POSSESSIVE)):
            runs.append([])  # "MACDONALD FORCED ENTRY", "Dvořák's dog": the name ends; what follows is judged alone
            if not _inner_verb(ctx, i):
                runs[-1].append(i)
        else:
            runs[-1].append(i)
    out = []
    for n, run in enumerate(runs):
        if n > 0 and runs[n - 1] and not any(_listed(ctx.low(i)) or not _common(ctx.low(i)) or ctx.in_fixed(i)
                                             or (len(ctx.low(i)) < 3 and ctx.low(i) not in CAPS_STOP_WORDS)
                                             or ctx.low(i) in ctx.alias_words for i in run):
            continue  # the object of the verb ("ENTRY"), not a name
        while run and not ctx.in_fixed(run[-1]) and _verb_edge(ctx, run[-1], False, len(run)):
            run.pop()
        while run and not ctx.in_fixed(run[0]) and len(run) > 1 and (_verb_edge(ctx, run[0], True, len(run)) or (
                _the_before(ctx, run[0]) and _common(ctx.low(run[0])) and ctx.low(run[0]) not in given_names())):
            run.pop(0)  # "THE PATIENT JOHN SMITH": a noun after "the" opens no name
        if run:
            out.append(run)
    return out


def _the_before(ctx: _Context, i: int) -> bool:
    """Word i follows "the" with nothing but space between: a noun phrase's head or modifier, not a person's name."""
    return i > 0 and ctx.low(i - 1) == "the" and not ctx.gap(i - 1, i).strip() and not ctx.name_cased(i)


def _inner_verb(ctx: _Context, i: int) -> bool:
    """A verb form inside a span ("MACDONALD FORCED ENTRY"): the name ends before it."""
    low = ctx.low(i)
    if _listed(low):
        return False
    return low in NARRATIVE_VERBS or (len(low) > 4 and low.endswith(("ed", "ing")) and _base_verb_of(low))


def _base_verb_of(low: str) -> bool:
    stem = low[:-2] if low.endswith("ed") else low[:-3]
    return any(_base_verb(s) for s in (stem, stem + "e", stem[:-1]))


def refine(text: str, spans: Sequence[tuple[int, int]], fixed: Sequence[tuple[int, int]] = (),
           aliases: Sequence[tuple[int, int]] = ()) -> list[list[tuple[int, int]]]:
    """For each PERSON span, what stays of it: trimmed, split or nothing (an empty list).

    ``fixed`` are the record's own name matches: their characters are never cut; a span of one word that the
    grammar makes an ordinary word may still go. ``aliases`` are the alias spans found (street names are often
    ordinary words: "Tiny", "nephew"): their words are no ordinary words nor cue words anywhere in the text.
    """
    ctx = _Context(text, spans, fixed, aliases)
    out: list[list[tuple[int, int]]] = []
    for s, e in spans:
        idx = [i for i, (a, b) in enumerate(ctx.words) if a < e and s < b]
        if travel_by(text, s, e) and not any(x < e and s < y for x, y in fixed):
            out.append([])  # "goes by uber to work": a way to travel, even where an alias cue took it
            continue
        if not idx:
            out.append([(s, e)])
            continue
        pieces = []
        for run in _trim(ctx, idx):
            whole = run == idx
            a, b = (s, e) if whole else (max(s, ctx.words[run[0]][0]), min(e, ctx.words[run[-1]][1]))
            if text[b - 2:b] in _POSSESSIVE and b - 2 > a and not any(x < b and b - 2 < y for x, y in fixed):
                b -= 2
            if not any(x < b and a < y for x, y in fixed) and _place(ctx, run[0], run[-1]) \
                    and not owner_at(text, *ctx.words[run[-1]]):  # "at dres place": somebody's place
                continue
            if (_ordinary_word(ctx, run[0]) if len(run) == 1 else _ordinary_phrase(ctx, run)) \
                    and not (len(run) > 1 and any(ctx.in_fixed(k) for k in run)):
                continue
            pieces.append((a, b))
        out.append(pieces)
    return out
