"""Storage under the pipeline: the private store, the Parquet source and the one S3 client factory."""
