"""Where Thaw keeps its data: --data-dir, then $THAW_DATA_DIR, then the platform's data dir."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "THAW_DATA_DIR"


def data_dir(cli_value: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Resolve the data directory without creating it."""
    env = os.environ if environ is None else environ
    if cli_value:
        return Path(cli_value).expanduser()
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    # Imported here: platformdirs costs tens of milliseconds and `due` runs at every login.
    from platformdirs import user_data_path

    return user_data_path("thaw", appauthor=False)
