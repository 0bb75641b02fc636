"""The tool's progress lines (``moments:  46.0%  1.18e+08 draws/s  12 s left``) shown as a tqdm bar."""

from __future__ import annotations

import re
import sys
from typing import NoReturn, Optional

from tqdm import tqdm

#: A line ``--progress`` writes on standard error: the stage, the share done, then the rate and time left.
PROGRESS_LINE = re.compile(r"^(?P<stage>[A-Za-z][\w-]*):\s+(?P<percent>\d+(?:\.\d+)?)%\s*(?P<rest>.*)$")


class ProgressBar:
    """A tqdm bar fed with the tool's progress lines.

    ``show=True`` opens the bar at once; ``None`` opens it at the first progress line, which the
    tool writes after about 10 s, so only long runs show one; ``False`` never opens it.
    """

    def __init__(self, stage: str, show: Optional[bool]) -> None:
        self._stage = stage
        self._show = show
        self._bar: Optional["tqdm[NoReturn]"] = None
        if show:
            self._open()

    def _open(self) -> None:
        self._bar = tqdm(total=100.0, desc=self._stage, unit="%", file=sys.stderr,
                         bar_format="{desc}: {percentage:5.1f}%|{bar}| {elapsed}{postfix}")

    def feed(self, line: str) -> bool:
        """Shows ``line`` if it is a progress line; returns whether it was one."""
        match = PROGRESS_LINE.match(line.strip())
        if match is None:
            return False
        if self._show is False:
            return True
        if self._bar is None:
            self._open()
        assert self._bar is not None
        stage = match.group("stage")
        if stage != self._stage:
            self._stage = stage
            self._bar.set_description_str(stage, refresh=False)
        self._bar.n = min(float(match.group("percent")), 100.0)
        self._bar.set_postfix_str(match.group("rest"), refresh=False)
        self._bar.refresh()
        return True

    def close(self, completed: bool) -> None:
        """Closes the bar, at 100% when the run completed."""
        if self._bar is None:
            return
        if completed:
            self._bar.n = 100.0
            self._bar.set_postfix_str("done", refresh=False)
            self._bar.refresh()
        self._bar.close()
        self._bar = None
