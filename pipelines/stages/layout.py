"""Every private-store key the stages read or write, in one place: the store's layout is this module.

The private store is never published. Keys are ``/``-separated paths under its root:

  exports/<dataset>/<partition>/<sha256>/<file>   the original export, kept so nothing is ever lost
  raw/<dataset>/<partition>.parquet|json           all-string rows as read + `_row` (physical row number)
  standardized/<dataset>/<partition>.parquet|json  typed standardized rows + `_file`, `_row`
  identifiers/<dataset>/<partition>.parquet|json   the leak verifier's identifier forms of those rows
  quarantine/<dataset>/<partition>.parquet         rows kept aside, with `_stage` and `_reasons`
  quarantine/<dataset>/_validate.parquet           rows failing the public contract at assembly
  deidentified/<dataset>/<partition>.parquet|json  public columns + auxiliary ladder columns + `_file`, `_row`
  deidentified/...: `_review` holds the redactor's low-confidence flags of free text (pipelines/review/)
  candidate/<dataset>/candidate.parquet|json       the release candidate and its accounting
  candidate/<dataset>/<shard>/...                   a sharded dataset: each shard's candidate (`DatasetSpec.unit`)
  candidate/<dataset>/shards.json                  a sharded dataset's shard index (`stages.shards`)
  candidate/<dataset>/<shard>/shard.json            one shard's entry: slug, value, content hash, inputs fingerprint
  shards/<dataset>/<partition>.json                the shard key's values in one de-identified export
  checks/<dataset>/<content_hash>/<check>.json     check results for exactly that content
  preview/<dataset>.json|html                      the last preview (content hash, proposed version), its page

Keys owned by other modules: the row map and review files (`pipelines.review`), per-export status and withdrawal
marks (`pipelines.export_fates`), the inbox's records (`pipelines.inbox`).
"""

from __future__ import annotations


def export_copy(dataset: str, partition: str, sha256: str, file: str) -> str:
    """The original export, under its content hash (a resent file with other bytes is kept beside it)."""
    return f"exports/{dataset}/{partition}/{sha256}/{file}"


def raw(dataset: str, partition: str) -> str:
    return f"raw/{dataset}/{partition}.parquet"


def raw_meta(dataset: str, partition: str) -> str:
    return f"raw/{dataset}/{partition}.json"


def standardized(dataset: str, partition: str) -> str:
    return f"standardized/{dataset}/{partition}.parquet"


def standardized_meta(dataset: str, partition: str) -> str:
    return f"standardized/{dataset}/{partition}.json"


def identifier_forms(dataset: str, partition: str) -> str:
    """A partition's identifier forms (no extension): ``.parquet`` holds the forms, ``.json`` marks them complete
    for one run of standardize and one identifier signature."""
    return f"identifiers/{dataset}/{partition}"


def quarantine(dataset: str, partition: str) -> str:
    return f"quarantine/{dataset}/{partition}.parquet"


def validate_quarantine(dataset: str) -> str:
    return f"quarantine/{dataset}/_validate.parquet"


def deidentified(dataset: str, partition: str) -> str:
    return f"deidentified/{dataset}/{partition}.parquet"


def deidentified_meta(dataset: str, partition: str) -> str:
    return f"deidentified/{dataset}/{partition}.json"


def candidate(dataset: str) -> str:
    return f"candidate/{dataset}/candidate.parquet"


def candidate_meta(dataset: str) -> str:
    return f"candidate/{dataset}/candidate.json"


def shard_index(dataset: str) -> str:
    """A sharded dataset's shards as last assembled: slug, value, content hash and inputs of each."""
    return f"candidate/{dataset}/shards.json"


def shard_entry(unit: str) -> str:
    """One shard's entry (slug, value, content hash, inputs fingerprint), written when it is assembled."""
    return f"candidate/{unit}/shard.json"


def partition_shards(dataset: str, partition: str) -> str:
    """The shard key's values in one de-identified export, for the de-identified file it was read from."""
    return f"shards/{dataset}/{partition}.json"


def check_result(dataset: str, content_hash: str, check: str) -> str:
    """A check's result for exactly that content: the publish step requires every one of them."""
    return f"checks/{dataset}/{content_hash}/{check}.json"


def preview_meta(dataset: str) -> str:
    """The last preview: the publish step publishes only the content hash it names."""
    return f"preview/{dataset}.json"


def preview_page(dataset: str) -> str:
    return f"preview/{dataset}.html"
