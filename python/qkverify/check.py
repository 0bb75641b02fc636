"""``qkverify check``: your closed forms for T = q^T k, each REJECTED, CONFIRMED, UNDECIDED, NOT REJECTED or UNTESTED."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple, Union

import pandas as pd

from ._options import OptionValue, to_argv
from ._runner import run
from .errors import QKVerifyError

#: Exit statuses of ``check`` that are results: every claim fine, a claim rejected, a claim untested or undecided.
PASSED, REJECTED, UNDECIDED = 0, 1, 5


@dataclass(frozen=True)
class ClaimVerdict:
    """One claim's verdict over the grid.

    Attributes:
        claim: As the tool writes it, e.g. ``"Var(T) = d*sigma^4"``.
        quantity: ``mean``, ``var``, ``scale``, ``skewness`` or ``kurtosis``.
        formula: The formula given.
        domain: The cells the claim is about (``all``, or e.g. ``mu=0 and sigma=1``).
        verdict: ``rejected``, ``confirmed``, ``undecided``, ``not rejected`` or ``untested``.
        cells: Cells in which a test was made.
        rejected_cells: Cells whose test rejected the claim.
        largest_abs_z: The largest |z| over those tests.
    """

    claim: str
    quantity: str
    formula: str
    domain: str
    verdict: str
    cells: int
    rejected_cells: int
    largest_abs_z: float

    @classmethod
    def from_json(cls, item: Mapping[str, Any]) -> "ClaimVerdict":
        return cls(claim=str(item["claim"]), quantity=str(item["quantity"]), formula=str(item["formula"]),
                   domain=str(item.get("domain", "all")), verdict=str(item["verdict"]),
                   cells=int(item.get("cells", 0)), rejected_cells=int(item.get("rejected_cells", 0)),
                   largest_abs_z=float(item.get("largest_abs_z") or 0.0))


@dataclass(frozen=True, eq=False)
class CheckResult:
    """What ``qkverify check --format json`` said, with its exit status as data.

    Attributes:
        status: 0 every claim confirmed or not rejected; 1 a claim rejected; 5 a claim untested or
            undecided (and none rejected).
        verdict: The run's verdict (``rejected``, ``undecided``, ``not rejected``, ``confirmed``).
        claims: Each claim's verdict, in the order given.
        tests: One row per test (claim x cell): ``claim, d, law, mu_q, mu_k, sigma_q, sigma_k, rho,
            norm, statistic, claimed, estimate, se, z, p, mdd, verdict, samples``.
        alpha: The family-wise false-failure rate.
        tolerance: The tolerance given (None without one).
        tests_made: Tests made (a test can be untested: too few samples for its normal approximation).
        samples: Samples per cell (with ``sequential``, the most any cell used).
        seed: The seed.
        rng: The GSL generator.
        looks: With ``sequential``, the sample sizes looked at.
        raw: The whole JSON document.
    """

    status: int
    verdict: str
    claims: Tuple[ClaimVerdict, ...]
    tests: pd.DataFrame
    alpha: float
    tolerance: Optional[float]
    tests_made: int
    samples: int
    seed: int
    rng: str
    looks: Optional[Tuple[int, ...]]
    raw: Dict[str, Any] = field(repr=False)

    @property
    def verdicts(self) -> Dict[str, str]:
        """Each claim's verdict by its text: ``{"Var(T) = d*sigma^4": "rejected"}``."""
        return {claim.claim: claim.verdict for claim in self.claims}

    @property
    def rejected(self) -> bool:
        """Whether any claim was rejected (exit status 1)."""
        return self.status == REJECTED

    @classmethod
    def from_json(cls, document: Mapping[str, Any], status: int) -> "CheckResult":
        looks = document.get("looks")
        tolerance = document.get("tolerance")
        return cls(status=status, verdict=str(document["verdict"]),
                   claims=tuple(ClaimVerdict.from_json(item) for item in document["claims"]),
                   tests=pd.DataFrame.from_records(document["tests"]),
                   alpha=float(document["alpha"]), tolerance=None if tolerance is None else float(tolerance),
                   tests_made=int(document["tests_made"]), samples=int(document["samples"]),
                   seed=int(document["seed"]), rng=str(document["rng"]),
                   looks=None if looks is None else tuple(int(n) for n in looks), raw=dict(document))


def check(*, mean: Optional[str] = None, var: Optional[str] = None, scale: Optional[str] = None,
          skewness: Optional[str] = None, kurtosis: Optional[str] = None, claims: Optional[str] = None,
          dims: Optional[Sequence[int]] = (1, 4, 16), means: Optional[Sequence[float]] = None,
          sigmas: Optional[Sequence[float]] = None, samples: Optional[float] = None, seed: int = 0,
          law: Union[str, Sequence[str], None] = None, tolerance: Optional[float] = None,
          progress: Optional[bool] = None, **options: OptionValue) -> CheckResult:
    """Checks claimed closed forms for T = q^T k on a grid of cells.

    Runs ``qkverify check ... --format json``. A formula uses numbers, ``+ - * / ^``, parentheses,
    ``sqrt exp log abs`` and the variables ``d, mu, sigma, mu_q, mu_k, sigma_q, sigma_k, rho,
    kurt_q, kurt_k, pi``: e.g. ``var="d*(sigma^4 + 2*mu^2*sigma^2)"``, ``scale="sqrt(d)"``.

    Args:
        mean, var, scale, skewness, kurtosis: The claimed E[T], Var(T), scale s (Var(T/s) = 1),
            skewness and excess kurtosis; give at least one (or ``claims``).
        claims: A named set of claims: ``"textbook"`` or ``"paper"``.
        dims: Dimensions d (None: the tool's default, 1 to 512).
        means, sigmas: The grid's mu and sigma (None: the tool's default grid, means -0.7, 0, 0.3,
            1.3 and sigmas 0.6, 1, 1.7, which tells mu from mu^2 and sigma^2 from sigma^4).
        samples: Samples per cell (None: the tool's default, 10^5; leave None with ``sequential=True``).
        seed: The seed.
        law: Coordinate law(s).
        tolerance: Confirm a claim when every relative error is within it (e.g. 0.01).
        progress: True: a progress bar; None: one only for a run longer than about 10 s; False: none.
        **options: Any other option of ``qkverify check``: ``alpha``, ``sequential=True``,
            ``max_samples``, ``fail_fast=True``, ``rhos``, ``norm``, ``q_sigmas``, ``threads``...

    Returns:
        The verdicts, the per-cell tests and the exit status (0, 1 or 5), whichever it is.

    Raises:
        QKVerifyError: Bad input (status 64, e.g. an unknown name in a formula, or a claim undefined
            in a cell) or another failure, with the tool's message.
    """
    args = to_argv({"mean": mean, "var": var, "scale": scale, "skewness": skewness, "kurtosis": kurtosis,
                    "claims": claims, "dims": dims, "means": means, "sigmas": sigmas, "samples": samples,
                    "seed": seed, "law": law, "tolerance": tolerance}, options, reserved=("format", "quiet"))
    completed = run("check", [*args, "--format=json"], progress=progress, accept=(PASSED, REJECTED, UNDECIDED))
    try:
        document = json.loads(completed.stdout)
        return CheckResult.from_json(document, completed.status)
    except (ValueError, KeyError, TypeError) as error:
        raise QKVerifyError(completed.status, f"no readable JSON verdict on standard output ({error})",
                            completed.stderr, completed.argv) from error
