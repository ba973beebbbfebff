"""Typed models of the spec files: datasets, source mappings, agencies and source contracts.

Unknown keys are errors (``formt:`` is not silently ignored), as are wrong types and values outside a choice
(``unmapped: kepp``). Validation happens at load, before any data is read; :mod:`pipelines.catalog.loader` turns
the errors into ``file:line: message`` lines and cross-checks the files against each other.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
TYPES = Literal["string", "integer", "number", "boolean", "date", "datetime", "time"]
FORMATS = Literal["csv", "json", "jsonl", "xlsx", "parquet"]
Scalar = str | int | float | bool


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Extract(Strict):
    """Take part of the value with a regular expression (RE2 dialect): the whole match, or `group`."""

    pattern: str
    group: int | str = 1


class FieldMap(Strict):
    """How one standardized column is made from the source's columns (docs/architecture.md)."""

    from_: str | list[str] | None = Field(None, alias="from")
    coalesce: list[str] | None = None
    const: Scalar | None = None
    surrogate: Literal["row_number", "content_hash"] | None = None
    join: str = " "
    missing: list[Scalar] = []
    replace: list[tuple[str, str]] = []
    extract: str | Extract | None = None
    map: dict[str | int | float, Scalar | None] | None = None
    map_file: str | None = None
    unmapped: Literal["error", "null", "keep"] = "error"
    default: Scalar | None = None
    parse: TYPES | None = None
    format: str | list[str] | None = None
    true_values: list[Scalar] | None = None
    false_values: list[Scalar] | None = None

    @model_validator(mode="after")
    def _one_origin(self) -> FieldMap:
        given = [k for k in ("from", "coalesce", "const", "surrogate")
                 if (k == "from" and self.from_ is not None) or (k != "from" and k in self.model_fields_set)]
        if len(given) != 1:
            raise ValueError(f"needs exactly one of from, coalesce, const, surrogate (has {given or 'none'})")
        if self.map is not None and self.map_file is not None:
            raise ValueError("map and map_file are exclusive")
        return self

    def columns(self) -> list[str]:
        """The source columns this mapping reads."""
        if self.from_ is not None:
            return [self.from_] if isinstance(self.from_, str) else list(self.from_)
        return list(self.coalesce or [])


class RowFilter(Strict):
    """Keep a row only when its column's value is `in` the list, not in `not_in`, or `matches` (RE2)."""

    column: str
    in_: list[Scalar] | None = Field(None, alias="in")
    not_in: list[Scalar] | None = None
    matches: str | None = None

    @model_validator(mode="after")
    def _one_test(self) -> RowFilter:
        if sum(x is not None for x in (self.in_, self.not_in, self.matches)) != 1:
            raise ValueError("needs exactly one of in, not_in, matches")
        return self


class Explode(Strict):
    """One row per value: of a column whose cells pack several values (`separator`), or of a repeated group of
    columns (`TYPE_OF_FORCE_USED1..10`: each value stays in its own column, so errors name it; a mapping of the
    first column reads the group). `keep` (RE2) keeps only matching values; a row without any value stays one row,
    with the columns empty."""

    column: str | list[str]
    separator: str | None = None
    keep: str | None = None

    def columns(self) -> list[str]:
        return [self.column] if isinstance(self.column, str) else list(self.column)


class SourceModel(Strict):
    """One agency export shape: how to read it, its contract, and its mapping. Never a privacy treatment."""

    name: str = Field(pattern=NAME_PATTERN)
    dataset: str | None = None
    agency: str | None = None
    description: str | None = None
    contract: str | None = None
    schema_: str | None = Field(None, alias="schema")
    format: FORMATS | None = None
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int | None = Field(None, ge=1)
    footer_rows: int = Field(0, ge=0)
    record_path: str | None = None
    match: str | None = None  # a file-name pattern (glob) settling routing between look-alike contracts
    explode: Explode | None = None  # applied first, then filter
    filter: list[RowFilter] = []
    precision: dict[str, Literal["second", "minute", "hour", "day", "month", "quarter", "year"]] = {}
    absent: list[str] = []  # standardized columns this export does not have (published empty, said on purpose)
    fields: dict[str, FieldMap]

    @model_validator(mode="after")
    def _has_contract(self) -> SourceModel:
        if (self.contract is None) == (self.schema_ is None):
            raise ValueError("needs its contract file: `contract:` (or `schema:`), exactly once")
        return self


class RangeConstraints(Strict):
    """Plausible range of a standardized value (Table Schema `minimum` / `maximum`; `today` for dates)."""

    minimum: Scalar | None = None
    maximum: Scalar | None = None


class StandardizedField(Strict):
    name: str = Field(pattern=NAME_PATTERN)
    type: TYPES = "string"
    description: str | None = None
    optional: bool = False
    constraints: RangeConstraints | None = None

    @model_validator(mode="after")
    def _range_applies(self) -> StandardizedField:
        if self.constraints is not None:
            from pipelines import value_ranges

            value_ranges.check_fields([self.model_dump(exclude_none=True)])
        return self


class DatasetModel(Strict):
    """A dataset: metadata, standardized shape, public schema, policy (and, built in, inline sources)."""

    name: str = Field(pattern=NAME_PATTERN)
    title: str | None = None
    description: str | None = None
    keywords: list[str] | None = None
    schema_: str = Field(alias="schema")
    temporal_field: str | None = None
    license: dict[str, Any] | None = None
    publisher: dict[str, Any] | None = None
    spatial: Any = None
    standardized: list[StandardizedField] = []
    sources: list[SourceModel] = []
    policy: dict[str, Any]
    shard_key: str | None = Field(None, pattern=NAME_PATTERN)  # a published quasi-identifier (docs/sharding.md)


class SourcesOnly(Strict):
    """A file that adds sources to a dataset defined elsewhere (it may not touch the dataset's policy)."""

    name: str = Field(pattern=NAME_PATTERN)
    sources: list[SourceModel]


class AgencyModel(Strict):
    name: str
    id: str | None = None
    homepage: str | None = None
    description: str | None = None
    contact: str | None = None
    case_number_patterns: list[str] = []  # the agency's case-number formats (regexes) for narrative redaction


class ContractField(Strict):
    name: str
    type: str = "string"
    format: str | None = None
    title: str | None = None
    description: str | None = None
    example: Any = None
    aliases: list[str] = []
    constraints: dict[str, Any] = {}
    trueValues: list[str] | None = None  # noqa: N815 - Table Schema spelling
    falseValues: list[str] | None = None  # noqa: N815
    bareNumber: bool | None = None  # noqa: N815
    groupChar: str | None = None  # noqa: N815
    decimalChar: str | None = None  # noqa: N815


class ContractModel(Strict):
    """A source contract: a Frictionless Table Schema of the raw export (every field read as text)."""

    fields: list[ContractField] = Field(min_length=1)
    missingValues: list[str] = [""]  # noqa: N815
    primaryKey: str | list[str] | None = None  # noqa: N815
    foreignKeys: list[Any] | None = None  # noqa: N815
    unknown_columns: Literal["error", "ignore"] = "error"
    title: str | None = None
    description: str | None = None
    name: str | None = None
