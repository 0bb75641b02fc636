"""``qkverify moments``: the moments of T = q^T k over a grid, against their closed forms."""

from __future__ import annotations

from typing import Optional, Sequence, Union

import pandas as pd

from ._options import OptionValue, to_argv
from ._tables import run_table

Numbers = Sequence[float]


def moments(*, dims: Sequence[int] = (1, 4, 16), means: Optional[Numbers] = (0, 1),
            sigmas: Optional[Numbers] = (1,), samples: float = 1e5, seed: int = 0,
            law: Union[str, Sequence[str], None] = None, progress: Optional[bool] = None,
            **options: OptionValue) -> pd.DataFrame:
    """The moments table: one row per cell (mu, then sigma, then d), the columns of ``moments.csv``.

    Runs ``qkverify moments ... --out TMP.csv`` and reads the CSV: ``d, mu, sigma, law, ...,
    mean_est, mean_se, var_theory, var_est, var_se, var_z, ..., verdict, rejected, untested``.
    Theory columns (and the z and p that need them) are NaN where a cell has no closed form.

    Args:
        dims: Dimensions d.
        means: Coordinate means mu of q and k (None: with ``q_means``/``k_means`` instead).
        sigmas: Coordinate standard deviations (None: with ``q_sigmas``/``k_sigmas``).
        samples: Samples of T per cell, 10^4 to 10^15 (``1e5`` is fine).
        seed: The seed; the same arguments give the same table, bit for bit.
        law: Coordinate law(s): ``gaussian``, ``uniform``, ``rademacher``, ``laplace``, ``t:NU``.
        progress: True: a progress bar; None: one only if the run takes more than about 10 s;
            False: none.
        **options: Any other option of ``qkverify moments``, by its name with ``_`` for ``-``:
            e.g. ``rhos=[0.5]``, ``norm="unit"``, ``alpha=0.01``, ``threads=1``,
            ``controls="controls.csv"`` (a path to keep the negative controls at).

    Returns:
        The table, numbers as numbers and empty fields NaN.

    Raises:
        QKVerifyError: Bad options (status 64) or another failure, with the tool's message.
    """
    args = to_argv({"dims": dims, "means": means, "sigmas": sigmas, "samples": samples, "seed": seed,
                    "law": law}, options, reserved=("out", "format", "quiet", "shard"))
    return run_table("moments", args, progress=progress)
