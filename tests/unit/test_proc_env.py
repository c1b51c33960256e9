"""Every process a test starts runs this checkout's `tui`, never an installed copy."""

from __future__ import annotations

import subprocess
from pathlib import Path

import tui
from tests.proc_env import REPO, checkout_env, in_checkout, python_cmd, thaw_cmd

_WHERE = "import tui, tui.core.store as s; print(tui.__file__); print(s.__file__)"


def _decoy(root: Path) -> Path:
    """A folder holding another `tui` package, as site-packages does after `pip install .`."""
    package = root / "decoy" / "tui"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError('the decoy tui was imported')\n")
    return package.parent


def _files_imported(done: subprocess.CompletedProcess[str]) -> list[str]:
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_tests_themselves_import_the_checkout() -> None:
    assert in_checkout(tui.__file__), tui.__file__
    assert Path(tui.__file__).resolve() == REPO / "tui" / "__init__.py"


def test_a_child_started_elsewhere_imports_the_checkout_even_with_another_tui_on_its_path(
    tmp_path: Path,
) -> None:
    # The decoy comes earlier than site-packages would, so beating it beats an installed copy.
    decoy = _decoy(tmp_path)
    env = checkout_env({"PATH": "/usr/bin:/bin", "PYTHONPATH": str(decoy)})
    done = subprocess.run(
        python_cmd("-c", _WHERE), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    files = _files_imported(done)
    assert len(files) == 2 and all(in_checkout(f) for f in files), files


def test_a_worker_script_outside_the_checkout_imports_the_checkout(tmp_path: Path) -> None:
    """Like tests/helpers/*_worker.py: the script's own folder comes first on its path."""
    script = tmp_path / "worker.py"
    script.write_text(_WHERE.replace("; ", "\n") + "\n")
    env = checkout_env(PYTHONPATH=str(_decoy(tmp_path)))
    done = subprocess.run(
        python_cmd(str(script)), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    files = _files_imported(done)
    assert len(files) == 2 and all(in_checkout(f) for f in files), files


def test_python_m_tui_runs_the_checkout(tmp_path: Path) -> None:
    env = checkout_env(PYTHONPATH=str(_decoy(tmp_path)), THAW_DATA_DIR=str(tmp_path / "d"))
    done = subprocess.run(
        thaw_cmd("--version"), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "decoy" not in done.stderr and done.stdout.strip()


def test_without_the_helper_the_decoy_wins(tmp_path: Path) -> None:
    """The control: the same child without checkout_env imports the other copy, so the tests
    above would fail if checkout_env did nothing."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(_decoy(tmp_path))}
    done = subprocess.run(
        python_cmd("-c", _WHERE), env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "the decoy tui was imported" in done.stderr
