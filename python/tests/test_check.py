"""qkverify.check: verdicts and exit statuses 0, 1 and 5 as data."""

from __future__ import annotations

import qkverify


def test_a_true_claim_is_not_rejected() -> None:
    result = qkverify.check(var="d", dims=[1, 4, 16], means=[0], sigmas=[1], samples=2e4)
    assert result.status == 0 and not result.rejected
    assert result.verdicts == {"Var(T) = d": "not rejected"}
    assert len(result.tests) == 3 and set(result.tests["verdict"]) == {"pass"}
    assert result.samples == 20000 and result.seed == 0 and result.alpha == 0.001


def test_a_wrong_claim_is_rejected_where_mu_is_not_zero() -> None:
    result = qkverify.check(var="d*sigma^4", dims=[1, 4, 16], means=[0, 1], sigmas=[1], samples=2e4)
    assert result.status == 1 and result.rejected and result.verdict == "rejected"
    (claim,) = result.claims
    assert (claim.quantity, claim.formula, claim.verdict) == ("var", "d*sigma^4", "rejected")
    assert claim.cells == 6 and claim.rejected_cells == 3
    failed = result.tests[result.tests["verdict"] == "fail"]
    assert set(failed["mu_q"]) == {1} and (failed["estimate"] > 2 * failed["claimed"]).all()


def test_several_claims_and_an_untested_one() -> None:
    result = qkverify.check(mean="d*mu^2", kurtosis="6/d", dims=[1], means=[0], sigmas=[1], samples=1e4)
    assert result.status == 5
    assert result.verdicts == {"E[T] = d*mu^2": "not rejected", "exkurt(T) = 6/d": "untested"}


def test_tolerance_confirms_with_enough_samples_and_is_undecided_without() -> None:
    # The relative SE of the variance at d = 4 is sqrt(3.5 / n): 1.9% at 10^4, 0.19% at 10^6.
    few = qkverify.check(var="d", dims=[4], means=[0], sigmas=[1], samples=1e4, tolerance=0.01)
    assert few.tolerance == 0.01
    assert few.verdicts == {"Var(T) = d": "undecided"} and few.status == 5
    many = qkverify.check(var="d", dims=[4], means=[0], sigmas=[1], samples=1e6, tolerance=0.01)
    assert many.verdicts == {"Var(T) = d": "confirmed"} and many.status == 0


def test_the_status_is_the_one_the_json_states() -> None:
    for claim, status in [("d", 0), ("2*d", 1)]:
        result = qkverify.check(var=claim, dims=[4], means=[0], sigmas=[1], samples=1e4)
        assert result.status == result.raw["exit_status"] == status
