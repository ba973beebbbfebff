"""Rebuild ``frequent_words.txt``: frequent English words that no name list holds and that are no street name.

Why: before a speech or action verb the cue recognizer takes capitalized words for a name ("LOSS PREVENTION
OBSERVED", "ANIMAL CONTROL ARRIVED", "STERLING SILVER NECKLACE WAS REPORTED STOLEN"); in a text typed in capitals
every word is capitalized. A run made only of frequent words that are no name is no name. The model's own word list
(WordNet's lemma index) cannot tell: it holds "lakshmi" and "shevchenko" beside "necklace".

Kept: the ``wordfreq`` top English words (Apache-2.0) of three letters or more with a Zipf frequency of at least
``MIN_ZIPF`` ("necklace" 3.9, "prevention" 4.3; "lakshmi" 2.8 is not), that the model's lemma index holds, and that
no given-name or surname list, street-name list (``text/data/street_monikers.txt``) or nickname-word list holds.
Run once by hand: ``uv run --with wordfreq==3.1.1 python redaction/recognizers/data/build_frequent_words.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

MIN_ZIPF = 3.3
HERE = Path(__file__).resolve().parent


def _listed(path: Path) -> set[str]:
    return {w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}


def main() -> int:
    from wordfreq import top_n_list, zipf_frequency

    from redaction.text.names import AMBIGUOUS_GIVEN, given_names, surnames
    from redaction.text.vocabulary import dictionary_words

    names = given_names() | surnames() | AMBIGUOUS_GIVEN | _listed(HERE / "nickname_words.txt") \
        | _listed(HERE.parents[1] / "text" / "data" / "street_monikers.txt")
    words = dictionary_words()
    kept = sorted(w for w in top_n_list("en", 60000) if w.isalpha() and len(w) >= 3 and w in words
                  and w not in names and zipf_frequency(w, "en") >= MIN_ZIPF)
    out = HERE / "frequent_words.txt"
    out.write_text("# Frequent English words that are no name (wordfreq, Apache-2.0); see build_frequent_words.py\n"
                   + "\n".join(kept) + "\n", encoding="utf-8")
    sys.stderr.write(f"{len(kept)} words -> {out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
