"""Runs the qkverify binary: progress on a bar, errors as QKVerifyError, Ctrl-C passed on cleanly."""

from __future__ import annotations

import signal
import subprocess
import threading
from dataclasses import dataclass
from typing import IO, Collection, List, Optional, Sequence

from ._binary import binary
from ._progress import ProgressBar
from .errors import QKVerifyError

#: How long the tool may take to stop after SIGINT (it stops within about 1.5 s) before it is killed.
STOP_GRACE_SECONDS = 10.0


@dataclass(frozen=True)
class Completed:
    """A finished run: its exit status, standard output, and standard error less progress lines."""

    argv: Sequence[str]
    status: int
    stdout: str
    stderr: str


def run(subcommand: str, args: Sequence[str], *, progress: Optional[bool],
        accept: Collection[int] = (0,)) -> Completed:
    """Runs ``qkverify SUBCOMMAND ARGS``, showing progress, and returns when it has exited.

    Args:
        subcommand: e.g. ``"moments"``.
        args: Its options, already formatted.
        progress: True: a progress bar from the start; None: a bar once the tool reports progress
            (after about 10 s); False: ``--quiet``.
        accept: Exit statuses that are results rather than errors.

    Raises:
        QKVerifyError: The tool exited with a status not in ``accept``.
        KeyboardInterrupt: After passing SIGINT on to the tool and waiting for it to stop.
    """
    argv = [str(binary()), subcommand, *args, "--quiet" if progress is False else "--progress"]
    # Its own session: a Ctrl-C at the terminal reaches only Python, which passes one SIGINT on
    # (a second one would make the tool quit at once).
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, start_new_session=True)
    bar = ProgressBar(subcommand, progress)
    stdout: List[bytes] = []
    stderr: List[str] = []
    assert process.stdout is not None and process.stderr is not None
    readers = [threading.Thread(target=_read_all, args=(process.stdout, stdout), daemon=True),
               threading.Thread(target=_read_lines, args=(process.stderr, bar, stderr), daemon=True)]
    completed = False
    try:
        for reader in readers:
            reader.start()
        status = process.wait()
        completed = status in accept
    except BaseException:
        _stop(process)
        for reader in readers:
            reader.join(timeout=STOP_GRACE_SECONDS)
        raise
    else:
        for reader in readers:
            reader.join()
    finally:
        bar.close(completed)
    text = "".join(stderr)
    if not completed:
        raise QKVerifyError(status, _message(text, status), text, argv)
    return Completed(argv, status, b"".join(stdout).decode("utf-8", "replace"), text)


def _stop(process: "subprocess.Popen[bytes]") -> None:
    """Sends SIGINT, as Ctrl-C would, and waits for the tool to stop; kills it if it does not, or on a second Ctrl-C."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    except BaseException:
        process.kill()
        process.wait()
        raise


# Each reader closes its own pipe: closing it from another thread while it reads would block on
# the buffer's lock (a pipe a grandchild such as gnuplot still holds need not reach its end).
def _read_all(stream: IO[bytes], into: List[bytes]) -> None:
    with stream:
        into.append(stream.read())


def _read_lines(stream: IO[bytes], bar: ProgressBar, into: List[str]) -> None:
    with stream:
        for raw in stream:
            line = raw.decode("utf-8", "replace")
            if not bar.feed(line):
                into.append(line)


def _message(stderr: str, status: int) -> str:
    """The tool's one-line message: its first ``qkverify:`` line, without the prefix."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        for prefix in ("qkverify: error: ", "qkverify: ", "Error: "):
            if line.startswith(prefix):
                return line[len(prefix):]
    if lines:
        return lines[0]
    if status < 0:
        try:
            return f"killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return "no message on standard error"
