"""`thaw man`: the manual page in roff, written from the parser's model at run time."""

from __future__ import annotations

from tui.cli.parser_model import Command, Model, Option

SECTIONS_AFTER = r"""
.SH "DATES AND TIMES"
\fIWHEN\fR (for \fB\-\-at\fR, \fB\-\-from\fR and \fB\-\-to\fR) reads: 2026\-11\-20 08:30, 08:30,
noon, yesterday 9pm, yesterday at 9pm, monday, last monday 8am, Nov 30, 2h ago or \-2h,
3 days ago, 3 days ago 9pm.
"monday" is the Monday just past (today if it is Monday); "last monday" is the one before.
.SH "EXIT STATUS"
.TP
.B 0
done (and for \fBdue \-\-quiet\fR: a check\-in is due)
.TP
.B 1
a problem with the data files; the message names the file and what to do
(for \fBdue \-\-quiet\fR: no check\-in is due)
.TP
.B 2
a mistake in the command; nothing was written
.SH ENVIRONMENT
.TP
.B THAW_DATA_DIR
where Thaw keeps its data (as \fB\-\-data\-dir\fR)
.TP
.BR VISUAL ", " EDITOR
the editor that \fBlog \-\-edit\fR opens
.TP
.B TERM
when it is \fBdumb\fR, Thaw asks its questions line by line (as \fB\-\-plain\fR)
.TP
.B NO_COLOR
no colour in the full\-screen app
.SH FILES
.TP
.I ~/.local/share/thaw/
check\-ins, practice sessions, settings and daily backups, as JSON files readable only by you
.SH NOTES
Thaw is not a medical device. It does not diagnose anything and never advises on medication.
If you are in danger, call your local emergency number; \fBthaw support\fR and F2 in the app
show support lines.
"""


def _roff(text: str) -> str:
    """Plain text made safe for roff: backslashes, hyphens, and a leading dot or quote."""
    text = " ".join(text.split()).replace("\\", "\\e").replace("-", "\\-")
    # Beyond ASCII as groff's own escapes, so the page needs no preprocessor for its input.
    text = "".join(c if ord(c) < 128 else f"\\[u{ord(c):04X}]" for c in text)
    return "\\&" + text if text.startswith((".", "'")) else text


def _flags(option: Option) -> str:
    shown = ", ".join(f"\\fB{_roff(f)}\\fR" for f in option.flags)
    if option.takes_value:
        shown += f" \\fI{_roff(option.metavar)}\\fR"
    return shown


def _usage(prog: str, command: Command) -> str:
    words = [f"\\fB{prog} {command.name}\\fR"]
    for p in command.positionals:
        name = f"\\fI{_roff(p.metavar)}\\fR"
        words.append(f"[{name}]" if p.optional else name)
    if command.options:
        words.append("[\\fIoptions\\fR]")
    return " ".join(words)


def _option_items(options: tuple[Option, ...]) -> list[str]:
    lines = []
    for option in options:
        if option.flags in (("-h", "--help"),):
            continue
        lines += [".TP", _flags(option), _roff(option.help)]
        if option.choices:
            lines[-1] += f" (one of: {_roff(', '.join(option.choices))})"
    return lines


def man_page(model: Model, version: str) -> str:
    """The whole page, `man -l`-ready: every command with each of its options."""
    prog = model.prog
    lines = [
        f'.TH {prog.upper()} 1 "" "{prog} {version}" "User Commands"',
        ".SH NAME",
        f"{prog} \\- a quiet terminal companion for days when you feel numb",
        ".SH SYNOPSIS",
        f"\\fB{prog}\\fR [\\fIoptions\\fR] [\\fICOMMAND\\fR [\\fIargs\\fR]]",
        ".SH DESCRIPTION",
        _roff(model.description),
        ".SH OPTIONS",
        *_option_items(model.options),
        ".SH COMMANDS",
    ]
    for command in model.commands:
        lines += [".SS " + f'"{command.name}"', _usage(prog, command), ".br", _roff(command.help)]
        for positional in command.positionals:
            lines += [".TP", f"\\fI{_roff(positional.metavar)}\\fR", _roff(positional.help)]
            if positional.choices:
                lines[-1] += f" (one of: {_roff(', '.join(positional.choices))})"
        lines += _option_items(tuple(o for o in command.options if o.flags not in _COMMON))
    lines.append(SECTIONS_AFTER.strip("\n"))
    return "\n".join(lines) + "\n"


# Shared by every command and described once under OPTIONS.
_COMMON = {("--data-dir",), ("--plain",)}
