"""The one asset factory: every dataset spec becomes the same chain of assets.

    <dataset>/raw -> <dataset>/standardized -> <dataset>/deidentified     (one partition per export file)
        -> <dataset>/validated (+ blocking checks) -> <dataset>/release_preview -> <dataset>/release -> site

Assets stay thin: the work is in `pipelines.stages` (plain Python). Metadata carries counts, row numbers, field
names and reason codes, never a value from a record.
"""


from dataclasses import dataclass, field
from typing import Any, cast

import dagster as dg
from pydantic import Field, field_validator

from pipelines import config, inbox, preview, publishing, shard_assets, stages
from pipelines.resources import PrivateStoreResource, PublisherResource, RedactionResource
from pipelines.site import build_site
from pipelines.specs import DatasetSpec
from pipelines.stages import layout

OWNERS = ["team:data-office"]


PUBLISHED_VERSIONS_NAME = "published_versions"
PUBLISHED_VERSIONS = dg.DynamicPartitionsDefinition(name=PUBLISHED_VERSIONS_NAME)
"""Every published version as `<dataset>/v<version>`: what the retract job offers to choose from. The release step
adds a version when it publishes it, the retract job removes it."""


def published_version_key(dataset: str, version: str) -> str:
    return f"{dataset}/v{version}"


def not_blank(what: str, value: str) -> str:
    """A text the officer must really write (a release note, a reason): refused when empty or only spaces."""
    if not value.strip():
        raise ValueError(f"{what} is required: write a sentence, it is published")
    return value.strip()


class ReleaseConfig(dg.Config):
    """What the data officer types when publishing: only the release note. Everything else (what is published, where)
    comes from the preview and the deployment."""

    note: str = Field(
        description="Release note, published with the version (versions.json, CHANGES.md, the site's feed): what "
        "changed and why. Required. The version and content hash that go public are the ones the release_preview "
        "asset shows."
    )

    @field_validator("note")
    @classmethod
    def _note_not_blank(cls, v: str) -> str:
        return not_blank("a release note", v)


@dataclass
class DatasetDefs:
    spec: DatasetSpec
    partitions: dg.DynamicPartitionsDefinition
    assets: list[Any] = field(default_factory=list)
    shards: dg.DynamicPartitionsDefinition | None = None  # a sharded dataset's shards (`<dataset>_shards`)
    checks: list[Any] = field(default_factory=list)
    release_key: dg.AssetKey | None = None


def build_dataset(spec: DatasetSpec) -> DatasetDefs:
    """Assets, checks and partitions for one dataset spec."""
    ds = spec.name
    parts = dg.DynamicPartitionsDefinition(name=f"{ds}_exports")
    tags = {"dataset": ds}
    out = DatasetDefs(spec=spec, partitions=parts)
    if spec.shard_key is not None:
        out.shards = dg.DynamicPartitionsDefinition(name=shard_assets.shards_name(ds))
    k = {
        "raw": dg.AssetKey([ds, "raw"]),
        "std": dg.AssetKey([ds, "standardized"]),
        "deid": dg.AssetKey([ds, "deidentified"]),
        "val": dg.AssetKey([ds, "validated"]),
        "prev": dg.AssetKey([ds, "release_preview"]),
        "rel": dg.AssetKey([ds, "release"]),
    }
    c = _Ctx(spec, ds, parts, tags, k, out.shards)
    out.checks = [_check_asset(c, chk.name, chk.description) for chk in stages.CHECKS]
    out.assets = [_raw_asset(c), _standardized_asset(c), _deidentified_asset(c), _validated_asset(c),
                  _release_preview_asset(c), _release_asset(c)]
    out.release_key = k["rel"]
    return out


@dataclass
class _Ctx:
    """What every asset of one dataset shares: its spec, name, export partitions, tags and asset keys."""

    spec: DatasetSpec
    ds: str
    parts: dg.DynamicPartitionsDefinition
    tags: dict[str, str]
    k: dict[str, dg.AssetKey]
    shards: dg.DynamicPartitionsDefinition | None = None


def _raw_asset(c: _Ctx) -> dg.AssetsDefinition:
    spec, ds, parts, tags, k = c.spec, c.ds, c.parts, c.tags, c.k

    @dg.asset(
        key=k["raw"],
        partitions_def=parts,
        group_name=ds,
        owners=OWNERS,
        kinds={"parquet", "python"},
        tags=tags,
        description=f"{spec.title}: one agency export as read through its source contract. Private: never published.",
    )
    def raw(context: dg.AssetExecutionContext, private_store: PrivateStoreResource) -> dg.MaterializeResult:
        path = config.inbox_dir() / context.partition_key
        if not path.is_file():
            raise dg.Failure(f"{ds}: export file {context.partition_key!r} is not in the inbox")
        m = stages.ingest_raw(private_store.get(), spec, path, context.partition_key)
        return dg.MaterializeResult(
            metadata={
                "file": m.file,
                "sha256": m.sha256,
                "source": m.source,
                "agency": m.agency,
                "encoding": str(m.encoding),
                "rows_read": m.rows_read,
                "blank_rows": m.blank_rows,
                "quarantined_at_read": m.read_quarantined,
                "read_issues": m.read_issues,
                "dagster/row_count": m.rows,
            }
        )

    return raw


def _standardized_asset(c: _Ctx) -> dg.AssetsDefinition:
    spec, ds, parts, tags, k = c.spec, c.ds, c.parts, c.tags, c.k

    @dg.asset(
        key=k["std"],
        deps=[k["raw"]],
        partitions_def=parts,
        group_name=ds,
        owners=OWNERS,
        kinds={"parquet", "pandas"},
        tags=tags,
        description="Rows checked against the source contract and mapped to the standardized columns. "
        "Bad rows are quarantined with reason codes. Private.",
    )
    def standardized(context: dg.AssetExecutionContext, private_store: PrivateStoreResource) -> dg.MaterializeResult:
        m = stages.standardize_partition(private_store.get(), spec, context.partition_key)
        if m.quarantined:
            context.log.warning(
                f"{m.file}: {m.quarantined} row(s) quarantined; first rows {m.quarantined_rows[:10]}; "
                f"reasons {m.reasons}"
            )
        return dg.MaterializeResult(
            metadata={
                "rows_in": m.rows_in,
                "quarantined": m.quarantined,
                "quarantine_reasons": m.reasons,
                "quarantined_rows (first 50)": str(m.quarantined_rows),
                "dagster/row_count": m.rows_out,
            }
        )

    return standardized


def _deidentified_asset(c: _Ctx) -> dg.AssetsDefinition:
    spec, ds, parts, tags, k = c.spec, c.ds, c.parts, c.tags, c.k

    @dg.asset(
        key=k["deid"],
        deps=[k["std"]],
        partitions_def=parts,
        group_name=ds,
        owners=OWNERS,
        kinds={"parquet", "presidio"},
        tags=tags,
        description="The redaction policy applied: only public columns come out (pseudonyms, coarsened dates and "
        "places, age bands, redacted text). Not yet checked: private until released.",
    )
    def deidentified(
        context: dg.AssetExecutionContext, private_store: PrivateStoreResource, redaction: RedactionResource
    ) -> dg.MaterializeResult:
        store = private_store.get()
        m = stages.deidentify_partition(
            store,
            spec,
            context.partition_key,
            key=redaction.key,
            text_redactor_factory=redaction.text_redactor,
        )
        if spec.shard_key is not None:  # a new shard becomes a partition of the validated asset
            shard_assets.register_shards(context.instance, store, spec, context.partition_key)
        ingested = inbox.key_of_ingested_partition(store, spec, context.partition_key)
        if ingested is not None:  # the shared record: the sensor and the command line skip this export from now on
            inbox.record_ingested(store, ingested, run_id=context.run_id, rows=int(m.rows))
        return dg.MaterializeResult(
            metadata={
                "redactions_by_type": m.redactions,
                "texts_redacted": m.texts_redacted,
                "dagster/row_count": m.rows,
            }
        )

    return deidentified


def _validated_asset(c: _Ctx) -> dg.AssetsDefinition:
    spec, ds, parts, tags, k = c.spec, c.ds, c.parts, c.tags, c.k

    @dg.asset(
        key=k["val"],
        deps=[k["deid"]],
        partitions_def=c.shards,
        group_name=ds,
        owners=OWNERS,
        kinds={"parquet", "frictionless"},
        tags=tags,
        description="Every export assembled, validated against the public Table Schema, and made k-anonymous. "
        "The blocking checks below decide whether it may be published.",
    )
    def validated(context: dg.AssetExecutionContext, private_store: PrivateStoreResource) -> dg.MaterializeResult:
        store = private_store.get()
        ingest_set = inbox.ingest_set(store, ds)  # read before assembling: a later export prepares again
        partitions = context.instance.get_dynamic_partitions(parts.name)
        if spec.shard_key is not None:  # one partition per shard, assembled when its inputs changed
            return dg.MaterializeResult(metadata=shard_assets.validated_shard(store, spec, partitions,
                                                                              context.partition_key))
        m = stages.assemble_candidate(store, spec, partitions)
        inbox.mark_prepared(store, ds, ingest_set)
        c = m.counts
        sdc = m.sdc or {}
        return dg.MaterializeResult(
            metadata={
                "content_hash": m.content_hash,
                "exports": len(m.partitions),
                "ingested": c.ingested,
                "quarantined": c.quarantined,
                "suppressed": c.suppressed,
                "published_rows": c.published,
                "quarantine_reasons": m.quarantine_reasons,
                "redactions_by_type": m.redactions,
                "k_achieved": cast("int | None", sdc.get("k_achieved")),  # JSON report: dagster takes it raw
                "generalization": cast("dict[str, object] | None", sdc.get("levels")),
                "dagster/row_count": c.published,
                "dagster/column_schema": dg.TableSchema(
                    columns=[
                        dg.TableColumn(f["name"], f.get("type", "string"), description=f.get("description"))
                        for f in spec.schema["fields"]
                    ]
                ),
            }
        )

    return validated


def _check_asset(c: _Ctx, name: str, description: str) -> dg.AssetChecksDefinition:
    """One blocking check on the candidate, from the registry (`stages.CHECKS`)."""
    spec, k = c.spec, c.k

    @dg.asset_check(asset=k["val"], name=name, blocking=True, description=description, partitions_def=c.shards)
    def _fn(context: dg.AssetCheckExecutionContext, private_store: PrivateStoreResource) -> dg.AssetCheckResult:
        store = private_store.get()
        if spec.shard_key is not None:
            return shard_assets.check_result(name, store, spec, context.partition_key)
        table, meta = stages.load_candidate_source(store, spec)  # read batch by batch, never whole
        content_hash = stages.CandidateResult.from_dict(meta).content_hash
        passed, md = stages.run_check(name, store, spec, table, meta)
        stages.record_check(store, spec, content_hash, name, passed, md)
        return dg.AssetCheckResult(
            passed=bool(passed),
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={"content_hash": content_hash, **{k_: _md_value(v) for k_, v in md.items()}},
        )

    return _fn


def _release_preview_asset(c: _Ctx) -> dg.AssetsDefinition:
    spec, ds, tags, k, exports = c.spec, c.ds, c.tags, c.k, c.parts.name

    @dg.asset(
        key=k["prev"],
        deps=[k["val"]],
        group_name=ds,
        owners=OWNERS,
        kinds={"markdown"},
        tags=tags,
        description="What publishing would change against the latest release: proposed version, records "
        "added/removed/changed, schema changes, redactions by type, a sample of redacted text.",
    )
    def release_preview(
        context: dg.AssetExecutionContext, private_store: PrivateStoreResource, publisher: PublisherResource
    ) -> dg.MaterializeResult:
        store, pub = private_store.get(), publisher.get()
        if spec.shard_key is not None:  # the shards not prepared by their own runs are prepared here
            ingest_set = inbox.ingest_set(store, ds)
            done = shard_assets.preview_metadata(store, pub, spec, context.instance.get_dynamic_partitions(exports))
            inbox.mark_prepared(store, ds, ingest_set)
            return dg.MaterializeResult(metadata=done)
        table, meta = stages.load_candidate_source(store, spec)
        cand = stages.CandidateResult.from_dict(meta)
        plan = publishing.plan_release_source(pub, ds, table, spec.schema)
        checks = stages.recorded_checks(store, spec, cand.content_hash)
        text_cols = [t.column for t in stages.policy_of(spec).columns.values() if t.name == "redact_text"]
        pv = preview.build_preview(
            spec, plan, meta, checks, table, store=store, versions=publishing.list_versions(pub, ds),
            threshold=config.quarantine_threshold(), text_column=text_cols[0] if text_cols else None,
        )
        md = pv.markdown()
        html_key = layout.preview_page(ds)
        store.write_bytes(html_key, pv.html().encode())
        store.write_json(
            layout.preview_meta(ds),
            {"content_hash": plan.content_hash, "version": plan.version, "bump": plan.bump, "markdown": md,
             "headline": pv.headline, "warnings": [w.title for w in pv.warnings], "publishable": pv.publishable},
        )
        c = cand.counts
        page = store.path(html_key)
        return dg.MaterializeResult(
            metadata={
                "headline": pv.headline,
                "warnings": dg.MetadataValue.md("\n".join(f"- {w.title}" for w in pv.warnings) or "None."),
                "preview_page (private)": dg.MetadataValue.path(page) if store.is_local else f"{page}",
                "proposed_version": plan.version,
                "previous_version": str(plan.previous_version or "none (first release)"),
                "bump": plan.bump,
                "content_hash": plan.content_hash,
                "checks_passed": all(v is True for v in checks.values()),
                "preview": dg.MetadataValue.md(md),
                "changes": dg.MetadataValue.md("\n".join(f"- {x}" for x in pv.changes) or "None."),
                "checks": _table(
                    [("check", "string"), ("result", "string")],
                    [
                        {"check": n, "result": "passed" if ok else ("FAILED" if ok is False else "not run")}
                        for n, ok in checks.items()
                    ],
                ),
                "rows": _table(
                    [("ingested", "int"), ("published", "int"), ("quarantined", "int"), ("suppressed", "int")],
                    [{"ingested": c.ingested, "published": c.published, "quarantined": c.quarantined,
                      "suppressed": c.suppressed}],
                ),
                "redactions_by_type": _table(
                    [("entity_type", "string"), ("count", "int")],
                    [{"entity_type": t, "count": int(n)} for t, n in sorted(cand.redactions.items())],
                ),
                "dagster/row_count": int(c.published),
            }
        )

    return release_preview


def _release_asset(c: _Ctx) -> dg.AssetsDefinition:
    spec, ds, tags, k = c.spec, c.ds, c.tags, c.k

    @dg.asset(
        key=k["rel"],
        deps=[k["prev"]],
        group_name=ds,
        owners=OWNERS,
        kinds={"csv", "parquet", "s3"},
        tags={**tags, "publishes": "true"},
        description="Publishes exactly the previewed content as a new immutable version, only if every blocking "
        "check passed for that exact content. Launched explicitly with a release note.",
    )
    def release(
        context: dg.AssetExecutionContext,
        config: ReleaseConfig,
        private_store: PrivateStoreResource,
        publisher: PublisherResource,
    ) -> dg.MaterializeResult:
        note = not_blank("a release note", config.note)
        publish = stages.publish if spec.shard_key is None else shard_assets.publish
        r = publish(private_store.get(), publisher.get(), spec, note=note)
        if not r.created:
            context.log.warning(f"{ds}: nothing published; the release note is kept in this run's metadata: {note}")
            raise dg.Failure(
                description=f"{ds}: nothing published: this content is already published as version {r.version}. "
                "Publish again when the preview proposes a new version.",
                metadata={"existing_version": r.version, "release_note (not published)": note,
                          "dagster/uri": r.url},
                allow_retries=False,
            )
        context.instance.add_dynamic_partitions(PUBLISHED_VERSIONS_NAME, [published_version_key(ds, r.version)])
        return dg.MaterializeResult(
            metadata={
                "version": r.version,
                "release_note": note,
                "path": r.path,
                "files": _md_value(r.files),
                "dagster/uri": r.url,
                "dagster/row_count": r.rows,
            }
        )

    return release


def _table(columns: list[tuple[str, str]], records: list[dict[str, Any]]) -> dg.MetadataValue:
    """A small table shown as a table in the UI (counts and names only)."""
    return dg.MetadataValue.table(
        records=[dg.TableRecord(r) for r in records],
        schema=dg.TableSchema(columns=[dg.TableColumn(n, t) for n, t in columns]),
    )


def _md_value(v: Any) -> Any:
    """Dagster metadata accepts str/int/float/bool/dict/list; nested values go in as JSON."""
    if isinstance(v, dict | list):
        return dg.MetadataValue.json(v)
    if v is None:
        return "none"
    return v


def build_site_asset(release_keys: list[dg.AssetKey]) -> Any:
    @dg.asset(
        key=dg.AssetKey(["site"]),
        deps=release_keys,
        group_name="site",
        owners=OWNERS,
        kinds={"html", "jinja"},
        description="The public static site: home, dataset pages with dictionary, downloads and changelog, "
        "methodology generated from the policies, data.json (DCAT-US), Atom feed, sitemap.",
    )
    def site(context: dg.AssetExecutionContext, publisher: PublisherResource) -> dg.MaterializeResult:
        pub = publisher.get()
        res = build_site(pub)
        return dg.MaterializeResult(
            metadata={"pages": len(res.pages), "datasets": res.datasets, "dagster/uri": pub.url("index.html")}
        )

    return site
