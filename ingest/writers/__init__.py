"""Records → files."""
