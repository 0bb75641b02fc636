"""Where the qkverify executable is: the one packaged in the wheel, or $QKVERIFY_BINARY."""

from __future__ import annotations

import os
from pathlib import Path

#: An environment variable naming another qkverify executable (for development).
ENVIRONMENT_VARIABLE = "QKVERIFY_BINARY"


def binary() -> Path:
    """The path of the qkverify executable that this package runs.

    ``$QKVERIFY_BINARY`` when set (e.g. a debug build: ``QKVERIFY_BINARY=.build/debug/qkverify``),
    else the statically linked binary packaged in the wheel (``qkverify/bin/qkverify``).

    Returns:
        An absolute path to an executable file.

    Raises:
        FileNotFoundError: The path does not exist, is not a file or is not executable (a package
            installed from a source tree rather than the wheel has no binary).
    """
    override = os.environ.get(ENVIRONMENT_VARIABLE)
    if override:
        path = Path(override).expanduser().resolve()
        origin = f"${ENVIRONMENT_VARIABLE}"
    else:
        path = Path(__file__).resolve().parent / "bin" / "qkverify"
        origin = "the packaged binary"
    if not path.is_file():
        hint = "" if override else " (install the wheel built by scripts/build-wheel.sh, or set $QKVERIFY_BINARY)"
        raise FileNotFoundError(f"{origin} {path} does not exist{hint}")
    if not os.access(path, os.X_OK):
        raise FileNotFoundError(f"{origin} {path} is not executable")
    return path
