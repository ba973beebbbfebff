// One ES module served from the site itself (bundled by `make site-vendor`, never fetched from a CDN):
// hyparquet reads the release's Parquet file in the page (ZSTD/Snappy through hyparquet-compressors), Apache
// Arrow carries its columns, and DuckDB-WASM runs the reader's query over them (SQL: filter, group, export).
// DuckDB-WASM's own Parquet reader is an extension it would download from extensions.duckdb.org: not used.
export { AsyncDuckDB, VoidLogger } from "@duckdb/duckdb-wasm";
export { parquetReadObjects, parquetSchema, parquetMetadata } from "hyparquet";
export { compressors } from "hyparquet-compressors";
export { Table, Bool, Float64, Utf8, vectorFromArray } from "apache-arrow";
