"""How every test starts a process: this interpreter, running the code in this checkout.

After the README's non-editable `pip install '.[test]'` a second copy of `tui` sits in
site-packages. A child started with plain `python` would import that copy (the checkout is not
on its path when its working directory or script lives elsewhere), so a bug fixed or planted in
the checkout would go untested. PYTHONPATH comes before site-packages, so the checkout wins.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def checkout_env(base: Mapping[str, str] | None = None, **extra: str) -> dict[str, str]:
    """`base` (default: this process's environment) plus `extra`, with the checkout first on
    PYTHONPATH. Pass a small `base` (say only PATH) to start a child with little else set."""
    env = dict(os.environ if base is None else base)
    env.update(extra)
    rest = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(REPO)]
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *rest])
    return env


def python_cmd(*args: str) -> list[str]:
    """`python ARGS` with the interpreter running the tests (use with `checkout_env()`)."""
    return [sys.executable, *args]


def thaw_cmd(*args: str) -> list[str]:
    """`python -m tui ARGS` as a person runs it (use with `checkout_env()`)."""
    return python_cmd("-m", "tui", *args)


def in_checkout(path: str | Path) -> bool:
    """True when `path` (say a module's `__file__`) lies inside this checkout."""
    return Path(path).resolve().is_relative_to(REPO)
