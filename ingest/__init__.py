"""The pipeline around the parsers: read → extract → check → write."""

__version__ = "0.1.0"
# Bump when extraction changes what it produces: the manifest re-parses files read by another version.
PARSER_VERSION = f"{__version__}+1"
