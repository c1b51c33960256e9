"""ImportScreen: bring in a Daylio, Pixels or Thaw file from the keyboard.

Type the path, Enter: Thaw says what the file is and what it would add. A mood Thaw doesn't
know is asked about one at a time, answered with one digit (0 means 10). Enter again adds it.

Keys pasted or sent over SSH in one burst ("file.csv", Enter, "4", "9") are taken in the
order they arrive: the path field (PathInput) hands every key after Enter to this screen
instead of typing it, so nothing lands in the path after it was given. Reading a file runs in
a worker (ten years of rows take a moment); keys that arrive meanwhile wait, in order, and are
acted on once the file is read.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from tui.core.errors import DataError, InputError, ThawError
from tui.screens.base import ThawScreen
from tui.widgets.key_footer import KeyFooter
from tui.widgets.path_input import PathInput

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.exchange.session import Prepared

State = Literal["path", "reading", "moods", "confirm", "writing", "done"]
INTRO = (
    "Bring in entries from Daylio (CSV or .daylio backup), Pixels or a Thaw export. Type "
    "the file's path, then Enter. Nothing is added until you say so."
)


class ImportScreen(ThawScreen):
    """The Import place: path -> what would be added -> (moods placed) -> added."""

    DEFAULT_CSS = """
    ImportScreen #import-body { padding: 0 1; }
    ImportScreen #import-intro { color: $foreground-muted; }
    ImportScreen #import-path { margin: 1 0 0 0; }
    ImportScreen #import-status { margin-top: 1; }
    ImportScreen #import-question { margin-top: 1; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "app.back", "Back", tooltip="Go back; nothing is imported", id="import-back"
        ),
        Binding("enter", "submit", "Next", id="import-next",
                tooltip="Read the file, or add what it holds"),
        Binding("ctrl+f", "finish", "Finish cut-short import", priority=True,
                id="import-finish", tooltip="Write the rest of an import that was cut short"),
        # Used when focus is away from the path field; there, PathInput hands keys over itself.
        *(
            Binding(str(n), f"place({n})", f"{n}", show=False, id=f"import-place-{n}",
                    tooltip="Place the mood asked about (0 means 10)")
            for n in range(10)
        ),
    ]  # fmt: skip

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.state: State = "path"
        self._start_path = path
        self._prepared: Prepared | None = None
        self._mapping: dict[str, int] = {}
        self._asking: list[str] = []  # labels still to place, in the order the file uses them
        self._cut_short = ""
        self._early: list[PathInput.KeyAfter] = []  # keys that came while the file was read

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="import-body"):
            yield Static(INTRO, id="import-intro", markup=False)
            yield PathInput(self._start_path, placeholder="~/daylio_export.csv", id="import-path")
            yield Static("", id="import-status", markup=False)
            yield Static("", id="import-question", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        from tui.core.exchange.journal import notice

        self.title = "Import"
        self.query_one("#import-path", PathInput).focus()
        try:
            self._cut_short = notice(self.thaw.store.data_dir) or ""
        except OSError:
            self._cut_short = ""
        if self._cut_short:
            self._say(f"{self._cut_short} Or press Ctrl+F to finish it here.")
        self.refresh_bindings()

    # --- bindings -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "place":
            return self.state == "moods"
        if action == "submit":
            return self.state in ("path", "confirm")
        if action == "finish":
            return bool(self._cut_short) and self.state in ("path", "done")
        return True

    def on_path_input_entered(self, message: PathInput.Entered) -> None:
        message.stop()
        if self.state == "path":
            self._read_file({})

    def on_path_input_key_after(self, message: PathInput.KeyAfter) -> None:
        """A key that came after the path's Enter, in the order it was typed."""
        message.stop()
        if self.state in ("reading", "writing"):
            self._early.append(message)  # acted on when the file is read, in this order
            return
        if message.key == "enter":
            if self.state == "done":
                self._set_state("path")  # Enter again: another file
            else:
                self.action_submit()
        elif message.character and message.character.isdigit():
            self.action_place(int(message.character))

    def action_submit(self) -> None:
        """Enter: read the typed file (path), or write what it would add (confirm)."""
        if self.state == "path":
            self._read_file({})
        elif self.state == "confirm":
            self._write()

    def action_place(self, number: int) -> None:
        """A digit places the mood being asked about: 1-9 as they are, 0 as 10."""
        if self.state != "moods" or not self._asking:
            return
        self._mapping[self._asking.pop(0).casefold()] = 10 if number == 0 else number
        if self._asking:
            self._ask()
        else:
            self._read_file(self._mapping)

    def action_finish(self) -> None:
        """Ctrl+F: write the rest of an import that was cut short."""
        from tui.core.exchange.plan import finish_cut_short

        try:
            done = finish_cut_short(self.thaw.store)
        except ThawError as err:
            self._say(str(err))
            return
        self._cut_short = ""
        self._say(" ".join(done) or "There was nothing left to finish.")
        self.refresh_bindings()

    # --- the steps ----------------------------------------------------------------------------
    def _read_file(self, mapping: dict[str, int]) -> None:
        path = self.query_one("#import-path", PathInput).value.strip()
        if not path:
            self._set_state("path")
            self._say("Type the path of the file first, for example ~/daylio_export.csv.")
            return
        self._set_state("reading")
        self._say("Reading the file…")
        self.run_worker(
            lambda: self._read_in_thread(path, dict(mapping)),
            thread=True, exclusive=True, group="import", exit_on_error=False,
        )  # fmt: skip

    def _read_in_thread(self, path: str, mapping: dict[str, int]) -> None:
        """In a worker thread: read and plan the file (nothing is written), then hand it over."""
        from tui.core.exchange.session import prepare

        now = self.thaw.clock.now()
        result: Prepared | str
        try:
            result = prepare(
                self.thaw.store, path, wanted=None, mood_map=mapping, reference=now.tzinfo,
                now=now,
            )  # fmt: skip
        except (ThawError, OSError) as err:
            result = f"{err} Nothing was imported."
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._file_read, result)

    def _file_read(self, result: Prepared | str) -> None:
        if isinstance(result, str):
            self._early.clear()  # they were meant for a file that could not be read
            self._set_state("path")
            self._say(result)
            return
        self._took(result)
        waiting, self._early = self._early, []
        for message in waiting:  # keys typed ahead, in the order they came
            self.on_path_input_key_after(message)

    def _took(self, prepared: Prepared) -> None:
        self._prepared = prepared
        if prepared.read.unknown_moods:
            self._asking = list(prepared.read.unknown_moods)
            self._set_state("moods")
            self._say(
                f"{prepared.name} is {prepared.detected.saw}. It uses "
                f"{len(self._asking)} mood{'s' if len(self._asking) > 1 else ''} Thaw doesn't "
                "know yet: place each one on 1 to 10 with a digit."
            )
            self._ask()
            return
        self._show_plan(prepared)

    def _ask(self) -> None:
        assert self._prepared is not None
        label = self._asking[0]
        uses = self._prepared.read.unknown_moods[label]
        total = len(self._prepared.read.unknown_moods)
        place = total - len(self._asking) + 1
        self.query_one("#import-question", Static).update(
            f'Mood {place} of {total}: "{label}" ({uses:,} entr{"y" if uses == 1 else "ies"}). '
            "Press 1 (worst) to 9, or 0 for 10."
        )
        self.call_after_refresh(self._keep_in_view)

    def _show_plan(self, prepared: Prepared) -> None:
        from tui.core.exchange.plan import rejected_lines

        plan = prepared.plan
        already = f" ({plan.skipped:,} already here)" if plan.skipped else ""
        lines = [f"{prepared.name} is {prepared.detected.saw}."]
        lines += rejected_lines(plan.rejected)
        if plan.deleted_here:
            lines.append(self._deleted_sentence(plan.deleted_here))
        if plan.is_empty():
            lines.append(f"Nothing new to add{already}; your entries are unchanged.")
            self._set_state("done")
        else:
            lines.append(f"It would add {plan.summary()}{already}. Press Enter to add it.")
            self._set_state("confirm")
        self.query_one("#import-question", Static).update("")
        self._say("\n".join(lines))

    def _deleted_sentence(self, count: int) -> str:
        """How many were left out as deleted here, and the command that brings them back."""
        import shlex

        from tui.core.exchange.plan import deleted_words
        from tui.core.paths import command

        path = self.query_one("#import-path", PathInput).value.strip()
        again = command(shlex.join(["import", path, "--with-deleted"]))
        them = "it" if count == 1 else "them"
        return f"{deleted_words(count).capitalize()}. To bring {them} back: {again}"

    def _write(self) -> None:
        assert self._prepared is not None
        self._set_state("writing")
        self._say(f"Adding {self._prepared.plan.summary()}…")
        self.run_worker(
            self._write_in_thread, thread=True, exclusive=True, group="import", exit_on_error=False
        )

    def _write_in_thread(self) -> None:
        """In a worker thread: the import itself (journal, then the records), then the news."""
        from tui.core.exchange.plan import apply_import

        assert self._prepared is not None
        prepared = self._prepared
        try:
            apply_import(self.thaw.store, prepared.plan, prepared.name)
            message = f"Added {prepared.plan.summary()}. They are in your history now."
        except (InputError, DataError, OSError) as err:
            message = f"Nothing more was added: {err}"
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._written, message)

    def _written(self, message: str) -> None:
        self._set_state("done")
        self._say(message)
        waiting, self._early = self._early, []
        for early in waiting:
            self.on_path_input_key_after(early)

    # --- drawing ------------------------------------------------------------------------------
    def _set_state(self, state: State) -> None:
        self.state = state
        if state == "path":
            self.query_one("#import-path", PathInput).listen()
        self.refresh_bindings()

    def _say(self, text: str) -> None:
        status = self.query_one("#import-status", Static)
        status.update(text)
        # On a small window the intro gives its lines to the answer, which is kept in view.
        self.query_one("#import-intro").display = self.state == "path" and not self._prepared
        self.call_after_refresh(self._keep_in_view)

    def _keep_in_view(self) -> None:
        # The answer (and the question, when there is one) is always the end of the body.
        self.query_one("#import-body", VerticalScroll).scroll_end(animate=False)
