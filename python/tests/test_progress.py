"""Progress: a tqdm bar fed by the tool's --progress lines, which never changes the result."""

from __future__ import annotations

import signal
import threading
from typing import List

import pandas as pd
import pytest

import qkverify
import qkverify._progress as progress_module
from conftest import SMALL


def test_a_bar_does_not_change_the_frame(capsys: pytest.CaptureFixture[str]) -> None:
    quiet = qkverify.moments(**SMALL, progress=False)
    assert capsys.readouterr().err == ""
    shown = qkverify.moments(**SMALL, progress=True)
    pd.testing.assert_frame_equal(quiet, shown)
    bar = capsys.readouterr().err
    assert "moments: 100.0%|" in bar and "done" in bar


def test_a_long_run_shows_the_tools_progress(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                             ctrl_c_raises: None) -> None:
    """The tool writes a progress line after about 10 s; the bar opens on it. Interrupted then."""
    seen: List[str] = []
    feed = progress_module.ProgressBar.feed

    def watch(self: progress_module.ProgressBar, line: str) -> bool:
        shown = feed(self, line)
        if shown:
            seen.append(line)
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
        return shown

    monkeypatch.setattr(progress_module.ProgressBar, "feed", watch)
    # Without a progress line in 60 s, interrupt anyway: the run would go on for hours.
    deadline = threading.Timer(60, signal.pthread_kill, (threading.main_thread().ident or 0, signal.SIGINT))
    deadline.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            qkverify.moments(dims=[512], means=[0], sigmas=[1], samples=1e12, threads=1)
    finally:
        deadline.cancel()
    assert seen, "no progress line from the tool"
    match = progress_module.PROGRESS_LINE.match(seen[0].strip())
    assert match is not None and match.group("stage") == "moments" and "draws/s" in match.group("rest")
    bar = capsys.readouterr().err
    assert f"moments: {float(match.group('percent')):5.1f}%|" in bar and "draws/s" in bar
