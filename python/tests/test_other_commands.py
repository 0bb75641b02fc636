"""qkverify.softmax, distribution and report."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import qkverify


def test_softmax_one_row_per_cell_and_scale() -> None:
    table = qkverify.softmax(dims=[1, 16, 64], means=[0, 1], sigmas=[1], queries=200)
    assert list(table.columns[:11]) == ["d", "mu", "sigma", "keys", "scale", "tau", "queries", "max_weight",
                                        "max_weight_se", "entropy", "entropy_se"]
    # Two scales at mu = 0 (none, sqrt_d), four at mu = 1 (also within_query, total).
    assert len(table) == 3 * 2 + 3 * 4
    at_zero = table[table["mu"] == 0]
    assert set(at_zero["scale"]) == {"none", "sqrt_d"}
    sqrt_d = at_zero[at_zero["scale"] == "sqrt_d"]
    assert np.allclose(sqrt_d["tau"], np.sqrt(sqrt_d["d"]))
    assert (table["max_weight"].between(1 / 64, 1)).all()


def test_distribution_and_its_histogram(tmp_path: Path) -> None:
    histogram = tmp_path / "histogram.csv"
    table = qkverify.distribution(dims=[1, 4], samples=2000, histogram_out=histogram)
    assert list(table["d"]) == [1, 4] and "ks_exact_p" in table.columns
    assert histogram.is_file() and histogram.read_text().startswith("d,sigma,bin_lo,bin_hi")
    assert len(qkverify.distribution(dims=[4], samples=1000)) == 1


def test_report_returns_its_REPORT_md(tmp_path: Path) -> None:
    path = qkverify.report(tmp_path / "r", dims=[2, 8], means=[0, 1], sigmas=[1], samples=1e4, queries=200,
                           distribution_samples=2000, collapse_keys=[16, 256])
    assert path == tmp_path / "r" / "REPORT.md"
    assert path.read_text().startswith("# Why attention divides by sqrt(d)")
    assert (path.parent / "moments.csv").is_file()
