"""Completion scripts and the man page are made from the parser: every command and flag in each.

The content is checked always; the syntax is checked with `bash -n`, `zsh -n`, `fish -n` and
groff with each of those that this machine has (CI needs none of them).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

import pytest

from tui import __version__
from tui.cli.completion import SCRIPTS
from tui.cli.manpage import man_page
from tui.cli.parser import COMMANDS, build_parser
from tui.cli.parser_model import Model, read_parser, thaw_model

MODEL = thaw_model()


def _every_flag(model: Model) -> list[tuple[str, str]]:
    pairs = [("", flag) for option in model.options for flag in option.flags]
    for command in model.commands:
        pairs += [(command.name, flag) for option in command.options for flag in option.flags]
    return pairs


def test_the_model_holds_every_command_and_the_new_flags() -> None:
    assert [c.name for c in MODEL.commands] == list(COMMANDS)
    flags = set(_every_flag(MODEL))
    for expected in [
        ("list", "--from"),
        ("list", "--grep"),
        ("export", "--feeling"),
        ("report", "--to"),
        ("due", "--quiet"),
        ("due", "--install"),
        ("log", "--edit"),
        ("prompt", "--glyph"),
        ("", "--plain"),
    ]:
        assert expected in flags
    export = next(c for c in MODEL.commands if c.name == "export")
    assert next(o for o in export.options if "--format" in o.flags).choices == ("json", "csv", "md")


def test_a_new_option_reaches_every_script_without_touching_them() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    sub.choices["list"].add_argument("--only-sundays", action="store_true", help="just Sundays")
    model = read_parser(parser)
    for make in SCRIPTS.values():
        assert "only-sundays" in make(model)
    assert r"\-\-only\-sundays" in man_page(model, __version__)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_script_names_every_command_and_flag(shell: str) -> None:
    script = SCRIPTS[shell](MODEL)
    for command in MODEL.commands:
        assert command.name in script
    for where, flag in _every_flag(MODEL):
        shown = (
            flag
            if shell != "fish"
            else ("-l " + flag[2:] if flag[:2] == "--" else "-s " + flag[1:])
        )
        assert shown in script, (where, flag)
        if where and shell == "fish":
            # fish ties each flag to its own command's condition
            assert any(
                f"__fish_seen_subcommand_from {where}'" in line and shown in line
                for line in script.splitlines()
            ), (where, flag)
    for choice in ("json csv md", "bash zsh fish", "medication therapy life other"):
        assert choice in script


def test_the_man_page_describes_every_command_and_flag() -> None:
    page = man_page(MODEL, __version__)
    assert page.startswith(".TH THAW 1")
    for command in MODEL.commands:
        assert f'.SS "{command.name}"' in page
    for _where, flag in _every_flag(MODEL):
        if flag in ("-h", "--help"):
            continue
        assert flag.replace("-", r"\-") in page, flag
    assert "EXIT STATUS" in page and "THAW_DATA_DIR" in page
    assert all(ord(c) < 128 for c in page)  # groff reads it without a preprocessor


SYNTAX = {
    "bash": ["bash", "-n"],
    "zsh": ["zsh", "-n"],
    "fish": ["fish", "--no-execute"],
}


def test_the_scripts_and_page_pass_the_syntax_checks_of_the_tools_here(tmp_path: Path) -> None:
    """Only the checkers this machine has are run; the content tests above always run."""
    checked = []
    for shell, command in SYNTAX.items():
        if shutil.which(command[0]) is None:
            continue
        path = tmp_path / f"thaw.{shell}"
        path.write_text(SCRIPTS[shell](MODEL), encoding="utf-8")
        done = subprocess.run([*command, str(path)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, (shell, done.stderr)
        assert done.stderr == ""
        checked.append(shell)
    if shutil.which("groff"):
        page = tmp_path / "thaw.1"
        page.write_text(man_page(MODEL, __version__), encoding="utf-8")
        done = subprocess.run(
            ["groff", "-man", "-Tutf8", "-ww", "-z", str(page)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
        checked.append("groff")
    assert "bash" in checked  # bash is on every machine these tests run on
    if "fish" in checked:  # fish can also say what it would complete, without a terminal
        probe = f"source {tmp_path / 'thaw.fish'}; complete -C 'thaw export --format '"
        done = subprocess.run(["fish", "-c", probe], capture_output=True, text=True, timeout=60)
        assert sorted(line.split("\t")[0] for line in done.stdout.splitlines()) == [
            "csv",
            "json",
            "md",
        ]


def test_bash_completes_commands_options_and_choices() -> None:
    if shutil.which("bash") is None:
        pytest.fail("bash is needed for this test")
    script = SCRIPTS["bash"](MODEL)
    probe = script + (
        'COMP_WORDS=(thaw export --format ""); COMP_CWORD=3; _thaw; echo "${COMPREPLY[*]}"\n'
        'COMP_WORDS=(thaw pr); COMP_CWORD=1; _thaw; echo "${COMPREPLY[*]}"\n'
        'COMP_WORDS=(thaw --data-dir /x list --g); COMP_CWORD=4; _thaw; echo "${COMPREPLY[*]}"\n'
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == ["json csv md", "prompt", "--grep"]


def test_the_commands_print_them(capsys: pytest.CaptureFixture[str]) -> None:
    from tui.__main__ import main

    assert main(["completion", "zsh"]) == 0
    assert capsys.readouterr().out.startswith("#compdef thaw")
    assert main(["man"]) == 0
    assert capsys.readouterr().out.startswith(".TH THAW 1")
    with pytest.raises(SystemExit) as exited:
        main(["completion", "tcsh"])
    assert exited.value.code == 2
