"""The built wheel carries content/ as tui/content, and the loader finds it there."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_wheel_ships_content_and_installed_tui_finds_it(tmp_path: Path) -> None:
    out = tmp_path / "wheel"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = out.glob("thaw_tui-*.whl")  # the distribution is thaw-tui (issue 17)
    shipped = sorted(p.name for p in (REPO / "content").iterdir() if not p.name.startswith("."))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in shipped:
            assert f"tui/content/{name}" in names
        # Unpack as site-packages would hold it, then load from a directory far from the repo.
        site = tmp_path / "site"
        archive.extractall(site)
    probe = (
        "import tui.core.content as c; content = c.Content(); "
        "print(content.root); print(len(content.emotions), len(content.breathing))"
    )
    run = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {probe}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    root, counts = run.stdout.splitlines()
    assert Path(root) == site / "tui" / "content"
    assert int(counts.split()[0]) >= 54
