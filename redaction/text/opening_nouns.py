"""A mixed-case sentence that opens with a plural common noun ("Bystanders told me ...", "Callers reported ...",
"Customers reported ..."): terse officer text writes the subject without an article, and the capital is the
sentence's, not a name's. A capitalized plural whose singular WordNet has as a noun, that no name list holds, first in
its sentence and followed by a verb, is no name there. Listed names ("Kiara told me"), words no dictionary holds
("Oluwaseun stated") and singular words stay names: WordNet lists given names as nouns too ("Lakshmi suffered ...").
"""

from __future__ import annotations

from redaction.text.names import AMBIGUOUS_GIVEN
from redaction.text.negatives_context import Context, listed
from redaction.text.positions import PERSON_VERBS
from redaction.text.vocabulary import NARRATIVE_VERBS
from redaction.text.word_pos import base_verb, lexicon

_COPULAS = frozenset({"was", "were", "is", "are", "had", "has", "did", "would", "will", "could", "then"})


def _verb(low: str) -> bool:
    """A finite verb after a subject: a copula or auxiliary, a report verb, a past form in -ed, a verb in -s."""
    if low in _COPULAS or low in NARRATIVE_VERBS or low in PERSON_VERBS or low in lexicon()[3]:
        return True
    if len(low) > 4 and low.endswith("ed"):
        return any(base_verb(s) for s in (low[:-2], low[:-1], low[:-3]))
    return len(low) > 3 and low.endswith("s") and base_verb(low[:-1])


def opening_noun(ctx: Context, i: int) -> bool:
    """Word i, capitalized in a mixed-case text, opens its sentence, is the plural of a common noun no name list holds,
    and a verb follows it: the sentence's subject, no name."""
    low, word = ctx.low(i), ctx.word(i)
    if not (ctx.mixed and word[:1].isupper() and low.endswith("s") and ctx.sentence_start(i)) or listed(low) \
            or low in AMBIGUOUS_GIVEN or ctx.in_fixed(i) or i + 1 >= len(ctx.words):
        return False
    nouns = lexicon()[1]
    if not (low[:-1] in nouns or (low.endswith("ies") and low[:-3] + "y" in nouns)) or listed(low[:-1]):
        return False
    return not ctx.gap(i, i + 1).strip() and _verb(ctx.low(i + 1))
