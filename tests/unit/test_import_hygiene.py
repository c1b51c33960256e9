"""tui/core never imports Textual, and command-line commands that stay in the shell never do.

Each check runs in a fresh interpreter, because this test process may have Textual loaded.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
from pathlib import Path

import pytest

import tui.core
from tests.proc_env import checkout_env, python_cmd

DATA = Path(__file__).parent.parent / "data"
HEAVY = ("textual", "rich", "textual_plotext", "plotext")

# Runs `python -m tui ARGS` as runpy does, then reports which modules got imported.
_WRAPPER = """
import json, os, runpy, sys
sys.argv = ["thaw", *json.loads(os.environ["THAW_TEST_ARGV"])]
try:
    runpy.run_module("tui", run_name="__main__", alter_sys=True)
except SystemExit as done:
    code = done.code
else:
    code = 0
with open(os.environ["THAW_TEST_REPORT"], "w") as report:
    json.dump({"code": code, "modules": sorted(sys.modules)}, report)
"""


def _modules_after(args: list[str], tmp_path: Path) -> tuple[object, set[str]]:
    report = tmp_path / "report.json"
    env = checkout_env(
        THAW_DATA_DIR=str(tmp_path / "data"),
        THAW_TEST_ARGV=json.dumps(args),
        THAW_TEST_REPORT=str(report),
    )
    done = subprocess.run(
        python_cmd("-c", _WRAPPER), env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert report.exists(), done.stderr
    result = json.loads(report.read_text())
    return result["code"], set(result["modules"])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_every_core_module_imports_without_textual() -> None:
    names = [m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core.")]
    assert "tui.core.exchange" in names
    assert "tui.core.when" in names
    code = (
        "import importlib, json, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        python_cmd("-c", code), env=checkout_env(), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert _heavy(set(json.loads(done.stdout))) == []


@pytest.mark.parametrize(
    "args",
    [
        ["log", "6", "-e", "numb", "-n", "hello"],
        ["list"],
        ["list", "--json"],
        ["due"],
        ["export"],
        ["export", "--format", "csv"],
        ["import", str(DATA / "daylio_8col.csv"), "--dry-run"],
        ["doctor"],
        ["stats"],
        ["mark", "started therapy"],
        ["report"],
        ["--version"],
        ["--help"],
    ],
    ids=lambda a: " ".join(a)[:20],
)
def test_shell_commands_never_import_textual(args: list[str], tmp_path: Path) -> None:
    code, modules = _modules_after(args, tmp_path)
    assert code in (0, None), f"{args} exited {code}"
    assert _heavy(modules) == []


def test_due_stays_small(tmp_path: Path) -> None:
    """`due` runs at every login: no argparse, Store, models, content, TinyDB or platformdirs."""
    code, modules = _modules_after(["due"], tmp_path)
    assert code in (0, None)
    for name in (
        "argparse",
        "tui.core.store",
        "tui.core.records.models",
        "tui.core.content",
        "tinydb",
        "platformdirs",
        "uuid",
    ):
        assert name not in modules, f"due imported {name}"
