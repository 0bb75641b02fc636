"""``qkverify report``: the whole suite, its tables and figures, and REPORT.md."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Sequence, Union

from ._options import OptionValue, to_argv
from ._runner import run
from .errors import QKVerifyError


def report(out_dir: Union[str, "os.PathLike[str]"] = "results", *, dims: Optional[Sequence[int]] = None,
           means: Optional[Sequence[float]] = None, sigmas: Optional[Sequence[float]] = None,
           samples: Optional[float] = None, seed: int = 0, format: str = "markdown",
           progress: Optional[bool] = None, **options: OptionValue) -> Path:
    """Runs the whole suite into ``out_dir`` and returns the path of its REPORT.md.

    Writes the tables (``moments.csv``, ``controls.csv``, ``scaling.csv``, ``softmax.csv``,
    ``distribution.csv``, ...), the figures where gnuplot is installed, and REPORT.md (with
    ``format="latex"`` also ``tables.tex``). None for a grid argument takes the tool's default
    (the default run: 90 cells at 10^5 samples and the collapse of attention up to N = 65536 keys,
    about 2 min 10 s on 2 cores).

    Args:
        out_dir: The folder to write into (created if missing).
        dims, means, sigmas, samples, seed: The grid and the run, as for :func:`moments`.
        format: ``markdown`` or ``latex``.
        progress: True: a progress bar; None: one only for a run longer than about 10 s; False: none.
        **options: Any other option of ``qkverify report``: ``keys``, ``queries``,
            ``distribution_samples``, ``law``, ``alpha``, ``threads``...

    Raises:
        QKVerifyError: Bad options (status 64) or another failure, with the tool's message.
    """
    args = to_argv({"dims": dims, "means": means, "sigmas": sigmas, "samples": samples, "seed": seed,
                    "out_dir": out_dir, "format": format}, options, reserved=("quiet",))
    completed = run("report", args, progress=progress)
    path = Path(out_dir) / "REPORT.md"
    if not path.is_file():
        raise QKVerifyError(completed.status, f"wrote no {path}", completed.stderr, completed.argv)
    return path
