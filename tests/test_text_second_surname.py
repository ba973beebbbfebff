"""A second surname after a two-word Title-case name (issue 15): "Marisol Quintanilla Reyes", as Spanish and Portuguese
names carry one, even when a dictionary lists the word ("Reyes", "Soto", "Cruz"). Names made up here."""

from __future__ import annotations

import random

import pytest

from tests.text_helpers import shown, shown_words

_NAMES = [("Marisol", "Quintanilla", "Reyes"), ("Juan", "Herrera", "Soto"), ("Ana", "Ferreira", "Gomes"),
          ("Lucia", "Montoya", "Cruz"), ("Esteban", "Villalobos", "Rios")]
_FRAMES = ["{n} was the driver of vehicle 2.", "Collision: driver of vehicle 2, {n}, stated vehicle 1 ran the light.",
           "The passenger, {n}, was transported.", "Officers spoke with {n} at the scene."]


@pytest.mark.parametrize("frame", _FRAMES)
def test_second_surname_goes_with_the_name(redactor, frame):
    out = redactor.redact([frame.format(n="Marisol Quintanilla Reyes")])[0].text or ""
    assert shown_words(out, ["Marisol", "Quintanilla", "Reyes"]) == []


def test_second_surname_any_name_any_frame(redactor):
    rng = random.Random(15)
    for _ in range(20):
        words = rng.choice(_NAMES)
        text = rng.choice(_FRAMES).format(n=" ".join(words))
        out = redactor.redact([text])[0].text or ""
        assert shown_words(out, list(words)) == [], text


@pytest.mark.parametrize("text,word", [("I spoke with Maria Lopez Monday about it.", "Monday"),
                                       ("Maria Lopez Will call back.", "call")])
def test_a_day_or_a_verb_after_the_name_stays(redactor, text, word):
    assert shown(redactor.redact([text])[0].text or "", word)
