"""``ingest serve``: a local page where a drafter drops a notice and reads the report."""
