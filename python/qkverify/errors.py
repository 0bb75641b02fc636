"""The one exception the package raises for a failed run of the tool."""

from __future__ import annotations

from typing import Sequence

#: Exit statuses of the tool (see the README's exit-status table).
USAGE = 64
DATA_ERROR = 65
IO_ERROR = 74
INTERRUPTED = 130


class QKVerifyError(Exception):
    """The qkverify binary failed: bad options (64), bad data (65), an I/O error (74) or another status.

    Attributes:
        status: The tool's exit status (negative: killed by that signal).
        message: The tool's one-line message from standard error, without the ``qkverify: error:``
            prefix (for a formula, the caret lines that follow are in ``stderr``).
        stderr: Everything the tool wrote on standard error, less its progress lines.
        argv: The command that was run.
    """

    def __init__(self, status: int, message: str, stderr: str = "", argv: Sequence[str] = ()) -> None:
        self.status = status
        self.message = message
        self.stderr = stderr
        self.argv = tuple(argv)
        subcommand = self.argv[1] if len(self.argv) > 1 else "qkverify"
        super().__init__(f"qkverify {subcommand} exited with status {status}: {message}")
