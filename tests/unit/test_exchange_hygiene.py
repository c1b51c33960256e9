"""The exchange package: every module imports without Textual, none over 500 lines, and the
quick commands never load its readers."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import tui.core.exchange
from tests.unit.test_import_hygiene import _heavy, _modules_after

READERS = (
    "tui.core.exchange.detect",
    "tui.core.exchange.daylio_csv",
    "tui.core.exchange.daylio_backup",
    "tui.core.exchange.pixels",
    "tui.core.exchange.plan",
)


def test_every_exchange_module_imports_without_textual_and_stays_small() -> None:
    names = [
        f"tui.core.exchange.{m.name}" for m in pkgutil.iter_modules(tui.core.exchange.__path__)
    ]
    assert {"tui.core.exchange.thaw_json", "tui.core.exchange.thaw_csv", *READERS} <= set(names)
    code = (
        "import importlib, json, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _heavy(set(json.loads(done.stdout))) == []
    for path in Path(tui.core.exchange.__path__[0]).glob("*.py"):
        assert len(path.read_text().splitlines()) <= 500, path.name


@pytest.mark.parametrize("args", [["due"], ["log", "6"], ["list", "--json"], ["export"]])
def test_quick_commands_never_load_the_import_readers(args: list[str], tmp_path: Path) -> None:
    code, modules = _modules_after(args, tmp_path)
    assert code in (0, None), f"{args} exited {code}"
    assert [m for m in READERS if m in modules] == []
    if args[0] in ("due", "log"):
        assert [m for m in modules if m.startswith("tui.core.exchange")] == []
