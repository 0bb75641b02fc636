"""Failures of the tool raise QKVerifyError with its exit status and one-line message."""

from __future__ import annotations

from pathlib import Path

import pytest

import qkverify
from qkverify.errors import DATA_ERROR, USAGE


def test_a_bad_option_is_status_64_naming_the_option() -> None:
    with pytest.raises(qkverify.QKVerifyError) as raised:
        qkverify.moments(dims=[0])
    error = raised.value
    assert error.status == USAGE == 64
    assert error.message.startswith("--dims: '0' is not allowed") and "\n" not in error.message
    assert "status 64: --dims" in str(error) and error.argv[1] == "moments"


def test_a_misspelt_name_in_a_formula_is_status_64_with_the_caret_in_stderr() -> None:
    with pytest.raises(qkverify.QKVerifyError) as raised:
        qkverify.check(var="d*sgima^2", dims=[1], samples=1e4)
    assert raised.value.status == 64
    assert raised.value.message.startswith("--var: unknown name 'sgima'")
    assert "d*sgima^2" in raised.value.stderr and "^" in raised.value.stderr


def test_a_path_where_no_file_can_be_made_is_refused_before_the_work_with_status_64() -> None:
    # The binary probes an output's directory before drawing anything (even root cannot create a
    # file under /proc), so the path is bad input, status 64, naming the option; 74 is left for
    # I/O that fails once the work is done (a full disk, a closed standard output).
    with pytest.raises(qkverify.QKVerifyError) as raised:
        qkverify.moments(dims=[1], means=[0], sigmas=[1], samples=1e4, controls="/proc/qkverify-none/c.csv")
    assert raised.value.status == USAGE == 64
    assert raised.value.message.startswith("--controls: cannot create a file in '/proc'")


def test_bad_data_is_status_65(tmp_path: Path) -> None:
    checkpoint = tmp_path / "run.ckpt"
    checkpoint.write_text("not a checkpoint\n")
    with pytest.raises(qkverify.QKVerifyError) as raised:
        qkverify.moments(dims=[1], means=[0], sigmas=[1], samples=1e4, checkpoint=checkpoint)
    assert raised.value.status == DATA_ERROR == 65
    assert raised.value.message == f"{checkpoint}: not a qkverify state file (a checkpoint or shard part)"
