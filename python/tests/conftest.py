"""Helpers for the tests of the qkverify package, which run the packaged binary (or $QKVERIFY_BINARY)."""

from __future__ import annotations

import os
import signal
import tempfile
import time
from pathlib import Path
from typing import Iterator, List, Optional

import pytest

#: A small grid that runs in well under a second.
SMALL = dict(dims=[1, 4], means=[0, 1], sigmas=[1], samples=2e4)


def children(pid: int, name: str = "qkverify") -> List[int]:
    """The live processes named ``name`` whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        state, parent = stat[stat.rindex(")") + 2:].split()[:2]
        if int(parent) == pid and comm == name and state != "Z":
            found.append(int(entry.name))
    return found


def wait_for_child(pid: int, timeout: float = 30.0) -> int:
    """Waits until ``pid`` has started a qkverify process and returns that process's pid."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = children(pid)
        if found:
            return found[0]
        time.sleep(0.02)
    raise AssertionError(f"process {pid} started no qkverify in {timeout} s")


def alive(pid: int) -> bool:
    """Whether ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder that tempfile uses for the duration of the test, to see what a run leaves behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


@pytest.fixture
def ctrl_c_raises() -> Iterator[None]:
    """SIGINT raises KeyboardInterrupt during the test, as in an interactive Python.

    A shell starts a background job with SIGINT ignored, and Python then leaves it ignored: these
    tests would otherwise wait for an interrupt that never comes.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def repository_file(relative: str) -> Optional[Path]:
    """A file of the qkverify repository these tests live in, if they run from one."""
    path = Path(__file__).resolve().parents[2] / relative
    return path if path.exists() else None
