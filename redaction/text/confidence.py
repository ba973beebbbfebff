"""How sure the redactor is of each decision, and when a record is withheld for review instead.

Every decision the redactor takes on a span of a narrative gets a confidence, the estimated chance that the
decision is right:

* **redact** decisions (a span replaced by a placeholder) by where the span came from: a record's own value
  0.99, a validated pattern (phone, e-mail, case number, descriptor, ...) 0.95, a name after a person cue 0.9,
  another mention of a redacted name word 0.9, the NER 0.8, a name before or after an alias cue 0.8, the other
  member of a pair of names 0.75. A wrong redaction costs readability, never privacy.
* **keep** decisions on words that a detector proposed as a person and a rule then kept: a name candidate the
  NER rejected after re-casing (a listed given name, or a listed surname after a name-like word, written in
  lower case or in capitals: "tyrone", "ask lakshmi nguyen") 0.6; an NER person the name rules rejected (report
  words, streets, vehicles) 0.7; a name inside a place or business phrase, or followed by a description
  ("Trader Joe's", "a Latino male") 0.9; a word that the sentence uses as a report word, a verb, an ordinary
  word or part of a place ("a strong smell", "CHOI RENT THE UNIT", "at Clemente Park": ``negatives.py``) 0.75.
  A wrong keep publishes a name.

A record holding any decision below ``WITHHOLD_BELOW`` is reported ``uncertain`` on PERSON, and the
de-identify stage withholds its text pending review (``[narrative withheld pending review]``, reason
``low-confidence``; ``pipelines/review``). With the values above only doubtful keeps fall below it: the
unconfirmed name candidates. Measured on the benchmark (``bench/bench_redaction.py``: "withheld (low conf.)").
"""

from __future__ import annotations

from dataclasses import dataclass

WITHHOLD_BELOW = 0.65

REDACT_RECORD = 0.99
REDACT_PATTERN = 0.95
REDACT_CUED = 0.9
REDACT_MENTION = 0.9
REDACT_NER = 0.8
REDACT_ALIAS = 0.8
REDACT_PAIR = 0.75

KEEP_UNCONFIRMED = 0.6
KEEP_REJECTED_NER = 0.7
KEEP_PLACE_OR_DESCRIPTION = 0.9
KEEP_ORDINARY_WORD = 0.75

# Detection kind reported by the analysis for a name candidate the re-cased NER did not confirm.
DOUBT = "PERSON_DOUBT"


@dataclass(frozen=True)
class Decision:
    """One decision on ``text[start:end]``: replaced (``redacted``) as ``entity`` or kept, and how sure."""

    start: int
    end: int
    entity: str
    redacted: bool
    confidence: float


def withhold(decisions: list[Decision], threshold: float = WITHHOLD_BELOW) -> bool:
    """True when a decision of the record is below ``threshold``."""
    return any(d.confidence < threshold for d in decisions)


def lowest(decisions: list[Decision]) -> float:
    """The lowest confidence among ``decisions`` (1.0 for none)."""
    return min((d.confidence for d in decisions), default=1.0)
