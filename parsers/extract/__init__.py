"""Blocks → records."""
