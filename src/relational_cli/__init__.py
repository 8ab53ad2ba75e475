"""relational: a local-first reflection companion for the terminal."""

__version__ = "0.1.0"
