"""qkverify.moments: the moments table as a DataFrame."""

from __future__ import annotations

import pandas as pd
import pytest

import qkverify
from conftest import SMALL


def test_one_row_per_cell_with_the_tables_columns() -> None:
    table = qkverify.moments(dims=[1, 4, 16], means=[0, 1], sigmas=[1, 2], samples=2e4)
    assert len(table) == 3 * 2 * 2
    for column in ["d", "mu", "sigma", "law", "samples", "seed", "var_theory", "var_est", "var_se", "var_z",
                   "scaled_var_est", "verdict", "rejected", "untested"]:
        assert column in table.columns, column
    assert table[["d", "samples"]].dtypes.map(pd.api.types.is_integer_dtype).all()
    assert pd.api.types.is_float_dtype(table["var_est"])
    # Cells ordered mu, then sigma, then d, as the tool writes them.
    assert list(table["d"][:3]) == [1, 4, 16] and list(table["mu"][:6]) == [0] * 6
    assert list(table["var_theory"]) == [d * (s**4 + 2 * m**2 * s**2)
                                         for m in (0, 1) for s in (1, 2) for d in (1, 4, 16)]
    assert set(table["verdict"]) == {"pass"}


def test_empty_fields_are_nan_and_words_stay_words() -> None:
    table = qkverify.moments(**SMALL)
    assert table["rejected"].isna().all()                  # no test rejected: every field empty
    assert (table["norm"] == "none").all()                 # 'none' is a normalization, not a missing value
    # Kurtosis at d = 1 needs 2.5e6 samples: untested, and its p left empty.
    first = table.iloc[0]
    assert "kurt" in first["untested"] and pd.isna(first["kurt_p"]) and not pd.isna(first["kurt_est"])


def test_same_seed_same_frame_and_negative_means() -> None:
    once = qkverify.moments(dims=[2], means=[-1, 0], sigmas=[1], samples=1e4, seed=7)
    again = qkverify.moments(dims=[2], means=[-1, 0], sigmas=[1], samples=1e4, seed=7)
    pd.testing.assert_frame_equal(once, again)
    assert list(once["mu"]) == [-1, 0] and set(once["seed"]) == {7}


def test_other_options_pass_through() -> None:
    table = qkverify.moments(dims=[4], means=[0], sigmas=[1], samples=1e4, law=["uniform", "rademacher"],
                             norm="unit", threads=1)
    assert list(table["law"]) == ["uniform", "rademacher"] and set(table["norm"]) == {"unit"}
    with pytest.raises(TypeError, match="out: chosen by this function"):
        qkverify.moments(out="x.csv")
