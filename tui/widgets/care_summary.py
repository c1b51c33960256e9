"""Writing the appointment summary from the app: ask where, never overwrite unasked, say where."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.analysis.report import report_file_name, summary_folder, summary_target, write_summary
from tui.core.errors import InputError, ThawError
from tui.widgets.care_confirm import ConfirmDialog
from tui.widgets.care_form import FormDialog, FormField

if TYPE_CHECKING:
    from tui.screens.base import ThawScreen

INTRO = (
    "A Markdown page for a doctor or therapist. It stays on this computer, readable only by "
    "you, until you choose to bring or send it."
)


def _folder(screen: ThawScreen) -> Path:
    try:
        home: Path | None = Path.home()
    except RuntimeError:
        home = None
    return summary_folder(home, screen.thaw.store.data_dir)


def ask_and_write_summary(screen: ThawScreen, typed: str | None = None) -> None:
    """Offer a path (the home folder, today's date), editable; Enter writes, Esc writes nothing.

    An existing file is only replaced after a second question; saying no comes back here.
    """
    folder = _folder(screen)
    if typed is None:
        typed = str(folder / report_file_name(screen.thaw.clock.now().date()))

    def problem(values: dict[str, str]) -> str | None:
        try:
            summary_target(values.get("path", ""), folder)
        except InputError as err:
            return str(err)
        return None

    def chosen(values: dict[str, str] | None) -> None:
        if values is None:
            screen.notify("No summary was written.", timeout=3)
            return
        path = summary_target(values["path"], folder)
        if not path.exists():
            write_summary_to(screen, path)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                write_summary_to(screen, path)
            else:
                ask_and_write_summary(screen, values["path"])

        screen.app.push_screen(
            ConfirmDialog(f"{path} already exists. Replace it with a new summary?", "replaces it"),
            answered,
        )

    screen.app.push_screen(
        FormDialog(
            "Write a summary for an appointment",
            [FormField("path", "Save it as (change the name or folder if you like)", typed)],
            validate=problem,
            intro=INTRO,
            save_words="write it",
        ),
        chosen,
    )


def write_summary_to(screen: ThawScreen, path: Path) -> Path | None:
    """Write the summary with the saved choices to `path` and say where (or why not)."""
    app = screen.thaw
    try:
        written = write_summary(app.store, app.content, app.clock.now(), app.settings, path)
    except ThawError as err:
        screen.notify(
            str(err),
            title="The summary was not written",
            severity="error",
            timeout=10,
            markup=False,
        )
        return None
    screen.notify(
        f"Written to {written}. Only you can read it; bring or send it as you choose.",
        title="Summary for an appointment",
        timeout=12,
        markup=False,
    )
    return written
