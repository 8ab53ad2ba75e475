"""The exception for mistakes a person can fix: shown as one line, never a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem with what the person gave us (a name, a file, a folder), worded for them."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
