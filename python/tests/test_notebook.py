"""examples/sqrt_d.ipynb: kept without outputs, and runs top to bottom against the installed package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import repository_file

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(os.environ["QKVERIFY_NOTEBOOK"]) if "QKVERIFY_NOTEBOOK" in os.environ \
    else repository_file("examples/sqrt_d.ipynb")
pytestmark = pytest.mark.skipif(NOTEBOOK is None, reason="not run from a qkverify repository (set QKVERIFY_NOTEBOOK)")


def test_the_notebook_is_kept_without_outputs() -> None:
    assert NOTEBOOK is not None
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert 6 <= len(notebook.cells) <= 16 and code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_the_notebook_runs(tmp_path: Path) -> None:
    assert NOTEBOOK is not None
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    assert any("image/png" in output.get("data", {}) for output in outputs), "no figure drawn"
    text = "".join(str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", "")) for output in outputs)
    assert "rejected" in text and "not rejected" in text
