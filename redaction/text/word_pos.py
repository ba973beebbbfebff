"""Parts of speech of English words from the spaCy model's WordNet lemma index and its irregular forms: a leaf
module (it imports no name list), so that the name finders (``names``) and the precision pass (``lexicon``,
``negatives``) can both ask whether a word is a verb.
"""

from __future__ import annotations

from functools import lru_cache

ADVERBS: set[str] = set()  # WordNet's adverbs, filled with the lexicon


@lru_cache(maxsize=1)
def lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(adjectives, nouns, verbs, irregular verb forms: "fell", "took") of the spaCy model's
    lemmatizer index (WordNet) and its exceptions table: empty when unreadable."""
    from pathlib import Path

    try:
        import spacy.util
        import srsly
        from spacy.strings import StringStore

        from redaction.text.base import DEFAULT_MODEL

        root = Path(spacy.util.get_package_path(DEFAULT_MODEL))
        path = next(root.glob("*/lemmatizer/lookups/lookups.bin"), None) or root / "lemmatizer/lookups/lookups.bin"
        tables = srsly.msgpack_loads(path.read_bytes())
    except (ImportError, OSError, ValueError):
        return frozenset(), frozenset(), frozenset(), frozenset()
    index, irregular = tables.get("lemma_index") or {}, tables.get("lemma_exc") or {}
    ids = StringStore()

    def words(pos: str) -> frozenset[str]:
        return frozenset(w.lower() for w in index.get(ids.add(pos), ()) if isinstance(w, str) and w.isalpha())

    past = frozenset(w.lower() for w in irregular.get(ids.add("verb"), {}) if isinstance(w, str) and w.isalpha())
    base = words("verb")
    ADVERBS.update(words("adv"))
    return words("adj"), words("noun"), base | past, past  # "rose", "took": irregular forms too


def base_verb(low: str) -> bool:
    """A verb in its base form or an irregular form ("rose", "took")."""
    return low in lexicon()[2]
