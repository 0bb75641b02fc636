"""``qkverify distribution``: T at mu = 0 against its exact variance-gamma law and the normal."""

from __future__ import annotations

import os
from typing import Optional, Sequence, Union

import pandas as pd

from ._options import OptionValue, to_argv
from ._tables import run_table


def distribution(*, dims: Sequence[int] = (1, 4, 16, 64), sigmas: Sequence[float] = (1,),
                 samples: float = 1e5, seed: int = 0,
                 histogram_out: Union[str, "os.PathLike[str]", None] = None,
                 progress: Optional[bool] = None, **options: OptionValue) -> pd.DataFrame:
    """The distribution table: one row per (d, sigma), the columns of ``distribution.csv``.

    Columns: ``d, sigma, samples, excess_kurtosis, ks_exact, ks_exact_p, exact_verdict, ks_normal,
    ks_normal_p, normal_verdict, chi2_exact, chi2_df, chi2_p, chi2_verdict``.

    Args:
        dims: Dimensions d.
        sigmas: Coordinate standard deviations (mu is 0).
        samples: Samples per cell, 1000 to 10^7 (kept in memory for the KS distance).
        seed: The seed.
        histogram_out: Where to keep the histogram table (``histogram.csv``: ``d, sigma, bin_lo,
            bin_hi, count, density, density_exact, density_normal``); None discards it.
        progress: True: a progress bar; None: one only for a run longer than about 10 s; False: none.
        **options: Any other option of ``qkverify distribution`` (``histogram_dims``, ``alpha``, ...).

    Raises:
        QKVerifyError: Bad options (status 64) or another failure, with the tool's message.
    """
    args = to_argv({"dims": dims, "sigmas": sigmas, "samples": samples, "seed": seed,
                    "histogram": histogram_out}, options, reserved=("out", "quiet", "histogram"))
    return run_table("distribution", args, progress=progress,
                     extra_outputs=() if histogram_out is not None else ("histogram",))
