"""Errors a reader raises for input it cannot read; the pipeline turns them into failed rows."""


class ParseError(Exception):
    """The file cannot be read; the message says why, in terms a user can act on."""
