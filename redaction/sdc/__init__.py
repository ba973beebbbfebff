"""Statistical disclosure control: k-anonymity by generalization ladders, and small-cell suppression.

Removing names is not enough: a stop on one day, at one hour, on one block, of a 17-year-old of a given race and
sex points to one person. This module coarsens the quasi-identifiers (QIs) until every combination of their
values is shared by at least `k` rows, suppresses the few rows that would still stand out, and hides small counts
in summary tables. Nothing here logs, prints or raises with a value from a record: only counts, field names,
level names and error codes.

Modules: `ladders` (value ladders), `config` (the policy parsed, the report), `encoding` (integer codes per
level), `search` (lattice search, plan, application), `suppression` (local suppression), `strata` (levels per
stratum and group when one level for every row cannot hold the floors), `recode` (levels per row, when no grouping
holds them: only the rows that stand out give something up), `recount` (k and l on a released table),
`small_cells` (summary tables), `report` (the utility and risk report of a release).

Who is a quasi-identifier (`redaction.policy`)
----------------------------------------------
Deny by default: every public column that the policy's `roles` does not declare `sensitive` or `not_identifying`
(each with its why) is a quasi-identifier, counted in k and recounted by the blocking check on the released table,
whether or not `quasi_identifiers` gives it a ladder (one it does not name is kept as is: `{ladder: none}`).

Policy (the dataset spec's `policy.k_anonymity`, with `policy.utility`)
----------------------------------------------------------------------
```yaml
k_anonymity:
  k: 5                       # target class size (default 5)
  max_suppression: 0.01      # largest share of rows that may be removed (default 0.01)
  quasi_identifiers:         # in this order; each QI is a column of the de-identified table
    occurred_date:    {ladder: date, levels: [day, week, month, quarter]}
    occurred_hour:    {ladder: time, levels: [hour, 4h, part_of_day]}
    location:         {ladder: columns, levels: [location, beat, district]}  # values from these columns
    subject_age_band: {ladder: age, levels: [5y, 10y, minor_adult]}
    subject_race:     {ladder: none}                      # kept as is: a ladder of one level, "value"
    subject_sex:      {ladder: none, levels: [value, "*"]}  # "*" = may be suppressed entirely
  sensitive: outcome         # optional: column protected by l-diversity
  l_diversity: 2             # optional: distinct values of `sensitive` required in every class
  max_local_suppression: 0.10  # largest share of rows that may have cells published as "*" (default 0)
  unit: complaint_id         # optional: the column naming one person's record; a class's size is its number of
                             # distinct units (a complaint's allegation rows share the complainant's QIs: one person)
utility:                     # the policy's `utility` section, carried into this configuration
  purpose: "..."             # what the data exist for (documentation)
  sacrifice: [occurred_hour, location, subject_age_band, occurred_date, subject_sex, subject_race]
  weights: {}                # optional; default: rank in `sacrifice` (first given up: 1), others one more
  floors:                    # what the release must keep, in shares of the rows that have a value
    subject_race: {kept_in_at_least: 0.99}                    # as recorded (level 0, not "*", not removed)
    occurred_date: {at_least: month, in_at_least: 0.95}       # month or finer
  floors_from_rows: 5000     # smaller tables: floors give way (reported) only when k and they cannot both hold
  strata: {agency: value, occurred_date: year}  # optional: levels may differ per agency and year (see below)
```
`levels` may be omitted for `date`, `time`, `age`, `none` (the defaults are the lists above). Any ladder may end
with `"*"`: every value, null included, becomes `"*"` (the column is withheld). The first level is what the column already holds (level 0); a
ladder may start higher (`levels: [month, quarter]` when the policy already published months).

Ladders and value formats (level 0 as produced by `redaction.structured`)
-------------------------------------------------------------------------
- date: day "YYYY-MM-DD" -> ISO week "YYYY-Www" -> month "YYYY-MM" -> quarter "YYYY-Qn" (also "year": "YYYY").
  A week generalizes to the month/quarter/year of its Thursday (ISO's rule for the week's year); a week that
  straddles two months loses the month, so the shipped policies leave weeks out. In a ladder, a value coarser
  than the level asked stays as it is (a month-only source's "2020-01" at "day"): no invented precision.
- time: hour "HH:00" (also "HH:MM[:SS]" in) -> 4-hour block "HH:00-HH:59" (00-03, 04-07, ...) -> part of day
  "night" 00-05, "morning" 06-11, "afternoon" 12-17, "evening" 18-23. Note that the 04-07 and 16-19 blocks
  straddle two parts of day: this ladder is not a strict hierarchy (the search copes, see below).
- age (`age_band`): one scheme, also used by the structured `age_band` treatment, whose bands never straddle the
  age of majority (18), so each ladder level is a function of the one below it:
    5y:          "0-9", "10-14", "15-17", "18-19", "20-24", "25-29", ..., "80-84", "85+"
    10y:         "0-17", "18-29", "30-39", ..., "70-79", "80+"
    minor_adult: "minor" (0-17), "adult" (18+)
  Ages are floored to whole years; negative ages, ages >= 120 and nulls give null. An agency's own band
  ("26-35", "56+", as normalized by `structured.normalize_age_group`) maps to the coarser band containing it,
  or stays as written when it straddles coarser bands (it is coarse already).
- columns: level i takes its value from the i-th named column (e.g. `location` -> `beat` -> `district`), so the
  auxiliary private columns must be present in the input; they are returned untouched (the caller drops them).
- none: the value itself.
Nulls stay null at every level, and a null is a value of its own for grouping.

Search (k_anonymize)
--------------------
A node of the generalization lattice picks one level per QI. Each QI level is encoded once as int32 codes
(factorize the distinct level-0 values, generalize only those, map back), so evaluating a node is integer work:
mixed-radix combination of the codes, class sizes by `np.bincount` (or a hash factorize when the key space is
large). A node passes when the rows in classes smaller than k (or with fewer than l distinct sensitive values)
are at most `max_suppression` of the table; those classes are then suppressed (their rows removed).

Monotonicity pruning (as in ARX's Flash / OLA) is sound only where a coarser level is a function of a finer one,
and our ladders are not all strict hierarchies (week vs month, 4h vs part of day, a block on two beats). So the
order between levels is measured on the data: level j is "coarser-or-equal" than level i when every level-i value
maps to a single level-j value in this table. If a node fails, every node finer (in that measured order) fails;
if it passes, every coarser node passes. The search is a branch and bound over the lattice, exact for the metric
below. The lower bound of a node's loss is its loss without suppression (known without evaluating the node). A
node is open while it is not known to fail, not yet evaluated, and its bound could still beat the best loss found.
The top node (every QI at its coarsest) is evaluated first: if it fails, the target is unreachable. Then,
repeatedly: an open node known to pass is evaluated for its exact loss (least bound first), else the open node
whose failure would settle the most open nodes (those finer than it). This probes coarse, cheap nodes near the
frontier first, and one failure there prunes a whole sub-lattice of fine, expensive nodes.

Each node is evaluated in three steps. (1) Global recoding: the rows in classes below k (or l). (2) Local
suppression (sdcMicro's `localSuppression`, by class): in the order of sacrifice, the next QI of every row still
unsafe is published as "*"; rows that share their values (with "*" in the same cells) form a class again; a QI is
skipped when its floor's budget (the share it may lose) or `max_local_suppression` would be exceeded. "*" is a
value of its own when the release is recounted (never a wildcard), so a plain groupby on the published table gives
the same k. (3) Removal of the rows still unsafe, within `max_suppression`. A node passes when the removals fit and
every floor holds (blanked and removed rows count against it). The floors also cut the lattice: a QI with
`at_least` never goes coarser than that level, one with `kept_in_at_least` stays at level 0. With local
suppression, pass/fail is no longer exactly monotone; the pruning treats it as such (a heuristic, exact without
local suppression). When even the coarsest node the floors allow fails, the run stops with `sdc-floor-conflict`:
the floor in conflict and what would satisfy it (a coarser `at_least`, a lower share, the largest k reachable).

Levels per stratum (`strata`, issue 14)
--------------------------------------
When no single node holds k and the floors and the policy declares `utility.strata`, the levels are chosen per
stratum (agency, year) and group: each stratum is searched alone; the rows that stand out even at the coarsest
levels the floors allow are pooled in one residual group, searched with what is left of the release's limits and
giving up floors in the order of sacrifice. Every released class is a union of the groups' classes, so k holds on
the released table; the column then mixes levels (the report gives the share of rows per level). A floor still
not met is reported (and logged) with the share kept and an upper bound of what any plan could keep.

When the groups do not hold every floor either, levels per row are tried (`recode`): a floor's column at its floor
level, every other QI at its coarsest; the rows still in classes below k first give up a kept column's cell ("*"
for a set of at least k of them sharing their other values, within the floors' budgets, a blanked null counted too),
then climb the ladder of an `at_least` column (month -> quarter -> year -> "*") until their class holds k; the
plan that keeps more of the floors (the last given up first) wins. When a floor still fails, its description says
what was kept, the bound (at most this share while the other floors' columns stay in every row, at most that share
with their budgets spent on it) and the floor the plan does hold; above `floors_from_rows` the conflict error
carries the same text.

Information loss (the reported figure, minimized by the search)
---------------------------------------------------------------
Normalized certainty penalty (NCP, Xu et al. 2006; ARX's "loss"), in [0, 1]: for a row and a QI generalized to
value g, penalty = (number of distinct level-0 values of that QI, in this table, that fall under g - 1) /
(number of distinct non-null level-0 values of the QI - 1); 0 at level 0 and for nulls, 1 for "*". A suppressed
row costs 1 on every QI, a "*" cell 1 on its QI, a value of level 0 that a "columns" level does not have (a source
with no beat) 1 as well. The figure is the mean over rows and QIs weighted by the utility weights (all 1 without a
`utility` section; QIs kept as is count with penalty 0). `loss_by_column` gives the unweighted mean per QI.

Blocking check (recount_k)
--------------------------
`recount_k(table, qi_columns)` recounts k on the released table itself, independently of the search: rows whose
QI values are all "*" count as suppressed, not as a class; a null is a value (all-null rows are a class).

Small cells (suppress_small_cells)
----------------------------------
Counts 1..threshold-1 print as "<threshold" (primary suppression; zeros print as "0", the usual "<11" rule, unless
`suppress_zero`). Row totals, column totals and the grand total are added (a totals row only when there are at
least two rows, a totals column only with at least two columns) and assumed known to the reader unless withheld.
Complementary suppression, line by line (each row, each column, the totals row and column):
- a line whose total is shown and which holds suppressed cells must hold at least two of them, and no primary
  cell may be pinned to a single value by the line's equation, given that a primary count lies in
  [1, threshold-1] and a complementary count is >= threshold; otherwise
- the smallest shown count >= threshold in that line is also suppressed (printed "*"), preferring a cell whose
  crossing line already has a suppressed cell; when no such cell exists, the line's total is withheld ("*"),
  and a totals line that needs protection gets the grand total withheld.
This repeats until every line is safe. It is a line-by-line audit, not a full linear-programming audit of the
whole table (tau-ARGUS style); it closes the differencing attacks on one row or one column.

Build summary tables from the released (k-anonymized) table, not from the private one: a table counted on all
rows, set against the release, would tell the reader the district and month of the suppressed rows. And a table
whose cells can be recounted from the released microdata gains nothing from suppression; small-cell suppression
protects tables on dimensions the release does not carry at that detail.
"""

from __future__ import annotations

from redaction.errors import SdcError
from redaction.sdc.config import Floor, QuasiIdentifier, SdcConfig, SdcReport, parse_config
from redaction.sdc.encoding import _encode
from redaction.sdc.ladders import (
    _AGE_SCHEMES,
    DEFAULT_LEVELS,
    LADDERS,
    SUPPRESSED,
    age_band,
    generalize_age_band,
    generalize_date,
    generalize_time,
)
from redaction.sdc.recount import _suppressed_rows, recount_k, recount_l
from redaction.sdc.search import (
    MAX_LATTICE,
    Plan,
    apply_plan,
    generalize,
    k_anonymize,
    k_anonymize_plan,
    k_anonymize_rows,
)
from redaction.sdc.small_cells import small_cell_tables, suppress_small_cells

__all__ = [
    "DEFAULT_LEVELS",
    "LADDERS",
    "MAX_LATTICE",
    "SUPPRESSED",
    "Floor",
    "Plan",
    "QuasiIdentifier",
    "SdcConfig",
    "SdcError",
    "SdcReport",
    "_AGE_SCHEMES",
    "_encode",
    "_suppressed_rows",
    "age_band",
    "apply_plan",
    "generalize",
    "generalize_age_band",
    "generalize_date",
    "generalize_time",
    "k_anonymize",
    "k_anonymize_plan",
    "k_anonymize_rows",
    "parse_config",
    "recount_k",
    "recount_l",
    "small_cell_tables",
    "suppress_small_cells",
]
