"""Ctrl-C: the tool gets SIGINT, is waited for, leaves nothing behind, and KeyboardInterrupt goes on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Dict

import pytest

import qkverify
from conftest import alive, wait_for_child

#: A run that would take hours: only an interrupt ends it.
ENDLESS = "dims=[512], means=[0], sigmas=[1], samples=1e12"


def test_keyboard_interrupt_in_this_process(private_tmp: Path, ctrl_c_raises: None) -> None:
    seen: Dict[str, float] = {}

    def interrupt() -> None:
        try:
            seen["child"] = wait_for_child(os.getpid())
            time.sleep(0.5)
        finally:  # interrupt in any case: the run would go on for hours
            seen["signalled"] = time.monotonic()
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)

    interrupter = threading.Thread(target=interrupt)
    interrupter.start()
    with pytest.raises(KeyboardInterrupt):
        qkverify.moments(dims=[512], means=[0], sigmas=[1], samples=1e12, progress=False)
    stopped = time.monotonic()
    interrupter.join()
    assert "child" in seen, "no qkverify process was seen"
    child = int(seen["child"])
    running = alive(child)
    if running:  # fail below, but do not leave it running for hours
        os.kill(child, signal.SIGKILL)
    assert not running and not Path(f"/proc/{child}").exists(), "the tool is still there (or unreaped)"
    # It stopped on the SIGINT (within about 1.5 s), not on the kill that comes after 10 s.
    assert stopped - seen["signalled"] < 8, stopped - seen["signalled"]
    assert list(private_tmp.iterdir()) == [], "the run left files behind"


def test_ctrl_c_to_a_python_program_leaves_no_orphan(tmp_path: Path) -> None:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    script = ("import signal, sys, qkverify\n"
              "signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored\n"
              "try:\n"
              f"    qkverify.moments({ENDLESS}, progress=True)\n"
              "except KeyboardInterrupt:\n"
              "    print('KeyboardInterrupt reached the caller', flush=True)\n"
              "    sys.exit(3)\n")
    # Its own process group, like a foreground job: Ctrl-C signals the whole group.
    program = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "TMPDIR": str(tmp)},
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    child = 0
    try:
        child = wait_for_child(program.pid)
        time.sleep(1)
        os.killpg(program.pid, signal.SIGINT)
        out, err = program.communicate(timeout=30)
    finally:
        if program.poll() is None:
            program.kill()
            program.wait()
        outlived = bool(child) and alive(child)
        if outlived:  # an orphan: fail below, but do not leave it running for hours
            os.kill(child, signal.SIGKILL)
    assert program.returncode == 3, err
    assert "KeyboardInterrupt reached the caller" in out
    assert not outlived, f"qkverify {child} outlived the Python program that started it"
    assert list(tmp.iterdir()) == [], "the run left files behind"
