"""``qkverify softmax``: the attention weights softmax(q^T k_j / tau) as d grows."""

from __future__ import annotations

from typing import Optional, Sequence, Union

import pandas as pd

from ._options import OptionValue, to_argv
from ._tables import run_table


def softmax(*, dims: Sequence[int] = (1, 4, 16, 64, 256), means: Sequence[float] = (0, 1),
            sigmas: Sequence[float] = (1,), keys: Union[int, Sequence[int]] = 64, queries: int = 2000,
            seed: int = 0, aligned_rho: Optional[float] = None, progress: Optional[bool] = None,
            **options: OptionValue) -> pd.DataFrame:
    """The softmax table: one row per cell and scale, the columns of ``softmax.csv``.

    Columns: ``d, mu, sigma, keys, scale, tau, queries, max_weight, max_weight_se, entropy,
    entropy_se, jacobian_norm, ..., saturated, logit_var, aligned_weight`` (and their ``_se``).
    ``scale`` is ``none`` (tau = 1), ``sqrt_d``, and where mu != 0 ``within_query`` and ``total``;
    with ``aligned_rho`` also ``d``.

    Args:
        dims: Dimensions d.
        means: Coordinate means mu.
        sigmas: Coordinate standard deviations.
        keys: Keys per query (one number or a list).
        queries: Queries per cell, 100 to 10^9.
        seed: The seed.
        aligned_rho: Correlation of key 1 with the query (None: no aligned key).
        progress: True: a progress bar; None: one only for a run longer than about 10 s; False: none.
        **options: Any other option of ``qkverify softmax`` (``threads``, ``rng``, ``block_size``).

    Raises:
        QKVerifyError: Bad options (status 64) or another failure, with the tool's message.
    """
    args = to_argv({"dims": dims, "means": means, "sigmas": sigmas, "keys": keys, "queries": queries,
                    "seed": seed, "aligned_rho": aligned_rho}, options, reserved=("out", "quiet"))
    return run_table("softmax", args, progress=progress)
