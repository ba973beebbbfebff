"""Everyday-word given names named only in the text, in lower case above all (issue 15, lower-case round).

A lone everyday word that is also a given name ("precious", "hunter") with no cue is a person when a verb only a person
does follows it in subject place ("after precious left", "mason said"), when a clause after a comma or "told me" opens
with it before a verb, as one of two alternatives ("either mason or ..."), after "see"; the precision pass
(``negatives.refine``) spares such a word when a person's verb follows it or a verb taking a person comes before it
("spoke with grace yesterday"). Ordinary uses stay ("the dog left", "when summer came", "a rich man said hi").
Fixed and property-style tests (random casings, contexts, names). Names are made up here; no record values.
"""

from __future__ import annotations

import random
import re

import pytest

from redaction.text.negatives import refine
from redaction.text.positions import subjects
from tests.text_helpers import cased as _cased
from tests.text_helpers import needs_vocabulary
from tests.text_helpers import shown as _shown

EVERYDAY_GIVEN = ["precious", "hunter", "destiny", "mason", "faith", "grace", "christian", "sunny"]
UNLISTED = ["tendaiwe", "oyelarin", "xochimilca", "kwabenah"]  # words no vocabulary holds
CONTEXTS = [
    "after {n} left the party got loud.", "we waited until {n} came home.", "{n} said she saw the car.",
    "then {n} called 911 and said the car was gone.", "the music stopped, {n} yelled at us.",
    "neighbor called police when {n} left.", "i think {n} knows who did it.",
]
STRONG_CONTEXTS = ["his sister told me {n} put it there."]  # "put" is no verb only a person does: unlisted names
# After a verb taking a person or "either" an adjective-like name stays ambiguous ("saw tiny pieces", "saw precious ..."): these
# contexts take the other names.
OBJECT_CONTEXTS = ["i spoke with {n} yesterday about it.", "we did not see {n} that night.",
                   "either {n} or his cousin took the tv."]  # "either rich or poor"
ADJECTIVE_LIKE = {"precious", "sunny"}



@needs_vocabulary
@pytest.mark.parametrize(("text", "gone"), [
    ("after precious left the party got loud.", ["precious"]),
    ("precious told me to leave. i think precious was drunk.", ["precious"]),
    ("we waited until hunter came home. hunter yelled at us.", ["hunter"]),
    ("either mason or his cousin took the tv.", ["mason"]),
    ("i saw destiny yesterday. destiny says she will pay.", ["destiny"]),
    ("i spoke with grace yesterday about it.", ["grace"]),
    ("the bottle broke, tendaiwe threw it at the car.", ["tendaiwe"]),
    ("oyelarin told me kwabenah put them up to it.", ["oyelarin", "kwabenah"]),
    ("we did not see xochimilca that night.", ["xochimilca"]),
    ("AFTER HUNTER LEFT THE PARTY GOT LOUD.", ["HUNTER"]),
    ("the tv was gone. oyelarin will call back.", ["oyelarin"]),
    ("tendaiwe and kwabenah both know him.", ["tendaiwe", "kwabenah"]),
    ("sid says it was xochimilca oyelarin.", ["xochimilca", "oyelarin"]),
    ("cameras show kwabenah from the corner house.", ["kwabenah"]),
])
def test_everyday_given_names_go(redactor, text, gone):
    out = redactor.redact([text])[0].text or ""
    assert not [w for w in gone if _shown(out, w)], out


@needs_vocabulary
@pytest.mark.parametrize(("text", "kept"), [
    ("the dog left a mess. the mail came late.", ["dog", "mail"]),
    ("when summer came the pool opened.", ["summer"]),
    ("a rich man said hi. a sterling silver ring was taken.", ["rich", "sterling"]),
    ("either way or another, no one said anything.", ["way"]),
    ("we will see what happens.", ["will", "what"]),
    ("the major road was closed, traffic came to a stop.", ["major", "traffic"]),
    ("vehicle and driver were gone. the car will be towed.", ["vehicle", "driver", "car"]),
    ("it was black tape on the window.", ["black", "tape"]),
    ("the video shows nothing. i know what happened.", ["video", "nothing", "what"]),
])
def test_ordinary_words_stay(redactor, text, kept):
    out = redactor.redact([text])[0].text or ""
    assert all(_shown(out, w) for w in kept), out


@needs_vocabulary
def test_subjects_need_a_persons_verb_for_everyday_words():
    """An everyday given name is a subject before a person's verb; before "was" alone it is not, unless the same word
    stands before a person's verb elsewhere in the text."""
    def found(text: str) -> list[str]:
        return [text[s:e] for s, e in subjects(text)]

    assert found("after precious left.") == ["precious"]
    assert found("i think precious was late.") == []
    assert sorted(found("precious said no. i think precious was late.")) == ["precious", "precious"]
    assert found("when summer came.") == [] and found("then will said no.") == []


@needs_vocabulary
def test_refine_spares_a_given_name_with_evidence():
    """One-word spans of everyday given names: kept before a person's verb or after a verb taking a person; an
    ordinary word after a determiner or before a common noun still goes."""
    def kept(text: str, word: str) -> bool:
        s = text.index(word)
        return refine(text, [(s, s + len(word))]) == [[(s, s + len(word))]]

    assert kept("i spoke with grace yesterday about it.", "grace")
    assert kept("i told faith today that she had to go.", "faith")
    assert kept("then sunny said stop.", "sunny")
    assert not kept("then a sunny day came.", "sunny")
    assert not kept("a rich man said hi.", "rich")
    assert not kept("there was no hope left.", "hope")


@needs_vocabulary
def test_everyday_given_names_property(redactor):
    """Any context above, any casing, an everyday or unlisted given name: the name goes, the context's words stay."""
    rng = random.Random(1515)
    for _ in range(120):
        name = rng.choice(EVERYDAY_GIVEN + UNLISTED)
        context = rng.choice(CONTEXTS + ([] if name in ADJECTIVE_LIKE else OBJECT_CONTEXTS)
                             + (STRONG_CONTEXTS if name in UNLISTED else []))
        mode = rng.choice(["lower", "lower", "upper", "mixed"])
        shown = name.capitalize() if mode == "mixed" else name
        text = _cased(context.format(n=shown), mode) if mode != "mixed" else context.format(n=shown)
        out = redactor.redact([text])[0].text or ""
        assert not _shown(out, name), (text, out)
        rest = [w for w in re.findall(r"[^\W\d_]+", context) if w != "n"]
        assert all(_shown(out, w) for w in rest), (text, out)
