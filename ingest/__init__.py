"""The pipeline around the parsers: read → extract → check → write."""

__version__ = "0.1.0"
