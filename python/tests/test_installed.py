"""The package under test is the installed wheel, and its binary is the static one it was tagged for."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from importlib import metadata
from pathlib import Path

import pytest

import qkverify


def glibc_needed(binary: Path) -> str:
    """The highest GLIBC_x.y symbol version ``binary`` needs, from its dynamic symbols."""
    symbols = subprocess.run(["objdump", "-T", str(binary)], check=True, capture_output=True, text=True).stdout
    versions = {tuple(int(p) for p in v.split(".")) for v in re.findall(r"GLIBC_([0-9]+(?:\.[0-9]+)+)", symbols)}
    return ".".join(str(p) for p in max(versions))


@pytest.mark.skipif(os.environ.get("QKVERIFY_TEST_INSTALLED") != "1",
                    reason="QKVERIFY_TEST_INSTALLED=1 is set by scripts/test-python.sh, which installs the wheel")
def test_the_wheel_is_what_is_tested() -> None:
    assert "QKVERIFY_BINARY" not in os.environ
    package = Path(qkverify.__file__).resolve().parent
    assert "site-packages" in package.parts, f"qkverify imported from {package}, not from the installed wheel"
    assert qkverify.binary() == package / "bin" / "qkverify"


@pytest.mark.skipif("QKVERIFY_BINARY" in os.environ, reason="$QKVERIFY_BINARY replaces the packaged binary")
def test_the_packaged_binary_is_executable_and_matches_the_wheel_tag() -> None:
    binary = qkverify.binary()
    mode = binary.stat().st_mode
    assert mode & stat.S_IXUSR and mode & stat.S_IXOTH, f"{binary} lost its executable bits: {oct(mode)}"
    tags = [line.split(": ", 1)[1] for line in metadata.distribution("qkverify").read_text("WHEEL").splitlines()
            if line.startswith("Tag: ")]
    glibc = glibc_needed(binary).replace(".", "_")
    assert tags == [f"py3-none-manylinux_{glibc}_x86_64"] or tags == [f"py3-none-manylinux_{glibc}_aarch64"], tags
    version = subprocess.run([str(binary), "--version"], check=True, capture_output=True, text=True).stdout.strip()
    assert qkverify.__version__ == version == metadata.version("qkverify")


def test_binary_names_a_missing_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QKVERIFY_BINARY", str(tmp_path / "nowhere"))
    with pytest.raises(FileNotFoundError, match=r"\$QKVERIFY_BINARY .*nowhere does not exist"):
        qkverify.binary()
