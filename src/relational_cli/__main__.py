"""Allow `python -m relational_cli`."""

from __future__ import annotations

from relational_cli.entry import main

main()
