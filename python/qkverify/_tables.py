"""Runs a subcommand whose result is a CSV file, into a temporary folder that is always removed."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Optional, Sequence

import pandas as pd

from ._runner import run
from .errors import QKVerifyError


def read_table(path: Path) -> pd.DataFrame:
    """A table the tool wrote: numbers as numbers, empty fields NaN, and no other text taken for NaN
    (``none`` is a normalization, ``NA`` would be a name)."""
    return pd.read_csv(path, keep_default_na=False, na_values=[""])


def run_table(subcommand: str, args: Sequence[str], *, progress: Optional[bool],
              extra_outputs: Sequence[str] = ()) -> pd.DataFrame:
    """Runs ``qkverify SUBCOMMAND ARGS --out TMP/table.csv`` and returns the table.

    ``extra_outputs`` are further options that name a file (e.g. ``--histogram``): each gets its own
    temporary path, discarded with the folder. Nothing is left behind, whether the run succeeds,
    fails or is interrupted.
    """
    with tempfile.TemporaryDirectory(prefix="qkverify-") as folder:
        out = Path(folder) / f"{subcommand}.csv"
        extra = [f"--{option}={Path(folder) / option}.csv" for option in extra_outputs]
        completed = run(subcommand, [*args, f"--out={out}", *extra], progress=progress)
        if not out.is_file():
            raise QKVerifyError(completed.status, f"wrote no table at {out}", completed.stderr, completed.argv)
        return read_table(out)
