"""Allow `python -m relational_cli`."""

from __future__ import annotations

from relational_cli.cli import main

main()
