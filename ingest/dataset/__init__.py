"""The output folder as a dataset: part files per run, document identity, the DuckDB views, export
and compaction (see README, "The dataset")."""
