"""The pipeline around the parsers: read → extract → check → sinks."""

__version__ = "0.1.0"
# Bump when extraction changes what it produces: the manifest re-parses files read by another version.
# (Checks need no bump: they run on every document, reused or not.)
PARSER_VERSION = f"{__version__}+3"  # +3: titles of rules and tables, 发文字号 glued to titles, page labels
