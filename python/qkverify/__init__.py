"""qkverify from Python: the Monte Carlo verifier for T = q^T k, run from its packaged static binary.

Each function runs one subcommand of the ``qkverify`` binary and returns its result as pandas
data; nothing is computed in Python::

    import qkverify
    table = qkverify.moments(dims=[1, 16, 256], means=[0, 1], sigmas=[1])
    result = qkverify.check(var="d*sigma^4", dims=[1, 16, 256], means=[0, 1], sigmas=[1])
    result.status, result.verdicts        # (1, {'Var(T) = d*sigma^4': 'rejected'})

Failures raise :class:`QKVerifyError` with the tool's exit status and message; Ctrl-C stops the
tool (SIGINT, then a wait) before ``KeyboardInterrupt`` goes on.
"""

from ._binary import binary
from ._version import __version__
from .check import CheckResult, ClaimVerdict, check
from .distribution import distribution
from .errors import QKVerifyError
from .moments import moments
from .report import report
from .softmax import softmax

__all__ = ["CheckResult", "ClaimVerdict", "QKVerifyError", "__version__", "binary", "check",
           "distribution", "moments", "report", "softmax"]
