"""A record's name word used in the sentence as the ordinary word it also is ("the door bell was broken" with BELL
on the record, "the val saw nothing" with VALENTINA, "same MO (mo)" with MOHAMMED, "body cam" with CAMERON).

Why: a record's name words, and the short forms of its given names, are searched in any case, and a surname or a
clip that is an English word or an abbreviation ("bell", "white", "val", "mo", "cam", "kit") is then hidden where
the sentence uses the word. ``negatives`` may drop a one-word span of the record's own words on grammar alone; these
are the shapes it asks here, each with a signal that no person's name has there:

* right after "the", "a", "an" or "same" ("the val", "same mo"), not written as a name in mixed-case text and not
  before a family word ("the Bell residence");
* the head of a compound noun: after a common noun that no given-name list holds and that itself follows an article or
  an adjective ("the door bell", "the dash cam", "first aid kit"), or opens its sentence before a copula ("Body
  cam was on"; not "Contact val at ...", nor after a function word or a found name: "then ochoa was there",
  "BOO OCHOA WAS");
  a verb before the word ("saw bell"), a person word ("the guy bell") or a naming word ("gave the name will")
  makes it a name;
* a colour after a copula, before "with", "and" or a stop ("the car was white with a dent");
* a past verb right after such a word ("the church bell rang"), which a name rule took for a surname after it;
* in parentheses right after the same word that is ordinary ("Same MO (mo)"): a gloss shares its word's fate.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP

from redaction.text.lexicon import common, lexicon, noun
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS, given_names, surnames, title_cased
from redaction.text.negatives_context import Context
from redaction.text.vocabulary import COLOURS, NARRATIVE_VERBS

_ARTICLES = frozenset({"the", "a", "an", "same"})
_OWNERS = _ARTICLES | {"his", "her", "their", "my", "our", "your", "its", "this", "that"}
_COPULAS = frozenset({"is", "are", "was", "were", "looked", "looks", "seemed", "seems"})
_FAMILY_AFTER = frozenset({"family", "residence", "home", "house", "household", "brothers", "sisters", "kids",
                           "children", "boys", "girls", "twins", "couple", "apartment", "property", "case"})
_PERSON_NOUNS = frozenset({"man", "woman", "guy", "boy", "girl", "lady", "dude", "person", "male", "female", "kid",
                           "teen", "teenager", "gentleman", "individual", "subject", "suspect", "officer", "named",
                           "name", "names", "nickname", "nicknames", "alias", "aliases", "moniker", "handle", "aka"})


def _tight(ctx: Context, i: int) -> bool:
    """Word i follows word i - 1 on the same line with only spaces between ("my way\nSandy:" are two lines)."""
    gap = ctx.gap(i - 1, i) if i > 0 else ""
    return i > 0 and not gap.strip() and "\n" not in gap


def _record_word(ctx: Context, i: int) -> bool:
    """Word i is a record match, or the same word as one ("MO" beside the record's "(mo)")."""
    if ctx.in_fixed(i):
        return True
    low = ctx.low(i)
    return any(ctx.low(k) == low for k in range(max(0, i - 3), min(len(ctx.words), i + 4)) if k != i
               and ctx.in_fixed(k))


def _plain_noun(low: str) -> bool:
    return noun(low) and common(low) and low not in given_names() and low not in AMBIGUOUS_GIVEN \
        and low not in CUE_WORDS and low not in _PERSON_NOUNS


def _determined(ctx: Context, i: int) -> bool:
    prev = ctx.low(i - 1)
    if not _tight(ctx, i) or ctx.low(i + 1) in _FAMILY_AFTER:
        return False
    if prev in _ARTICLES:  # "the val", "same mo"; not "the faleolos" (a family: ``bare_plurals``)
        low = ctx.low(i)
        return common(low) or (len(low) <= 3 and not low.endswith("s"))
    if prev in _COPULAS:  # "the car was white with a dent"
        return ctx.low(i) in COLOURS and (ctx.low(i + 1) in ("with", "and", "or", "in", "on", "")
                                           or ctx.gap(i, i + 1).strip()[:1] in (",", ".", ";"))
    if ctx.name_cased(i) and not title_cased(ctx.text, 0.8):
        return False
    adjectives, _, _, past = lexicon()
    if len(prev) < 3 or not _plain_noun(prev) or prev in past:
        return False  # "i saw jack running": a verb before the word ("saw" is a noun too)
    before = ctx.low(i - 2)
    if ctx.sentence_start(i - 1):  # "Body cam was on"; not "Saw bell at the store", "Contact val at ..."
        return prev not in past and prev not in SPACY_STOP and not prev.endswith("ed") and not ctx.in_person(i - 1) \
            and ctx.low(i + 1) in _COPULAS and not ctx.gap(i, i + 1).strip()  # "then ochoa was": no compound
    if prev.endswith("s") and prev[:-1] in lexicon()[2]:
        return False  # "states rich took": a verb
    return _tight(ctx, i - 1) and (before in _OWNERS or (before in adjectives and before
                                                          not in CUE_WORDS and before not in surnames()))


def record_word_as_word(ctx: Context, i: int) -> bool:
    """Word i, a record's name word or its short form, is the ordinary word (see the module doc)."""
    word = ctx.word(i)
    if not ctx.fixed or not word.isalpha() or (ctx.name_cased(i) and not (word.isupper() and len(word) <= 3)
                                               and not title_cased(ctx.text, 0.8)):
        return False  # "Same MO": an abbreviation in capitals may follow an article; "The Door Bell": a title line
    gloss = i > 0 and ctx.gap(i - 1, i).strip() == "(" and ctx.low(i - 1) == ctx.low(i)
    if _determined(ctx, i) or (gloss and not ctx.name_cased(i - 1) and _determined(ctx, i - 1)):
        return _record_word(ctx, i)  # the grammar first (cheap), then whether the word is the record's
    low = ctx.low(i)  # "the church bell rang": the verb a name rule took for a surname after it
    return _tight(ctx, i) and (low in lexicon()[3] or low in NARRATIVE_VERBS) and low not in given_names() \
        and low not in AMBIGUOUS_GIVEN and not ctx.in_fixed(i) and _record_word(ctx, i - 1) \
        and record_word_as_word(ctx, i - 1)
