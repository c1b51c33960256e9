"""Shell completion scripts for bash, zsh and fish, written from the parser's model.

Each script completes the commands, every option of each command, the choices an option
takes (`--format json|csv|md`), and file or folder names where a value is a FILE or DIR.
"""

from __future__ import annotations

import re

from tui.cli.parser_model import Command, Model, Option

HEADER = "# {shell} completion for {prog}, made by `{prog} completion {shell}` from its options."


def _short_help(text: str) -> str:
    """The first clause of a help line, one line, for a completion menu."""
    first = re.split(r"(?<=[.;])\s|\s\(", " ".join(text.split()), maxsplit=1)[0]
    return first.rstrip(".;:")


# --- bash -------------------------------------------------------------------------------------


def _bash_values(option: Option) -> str:
    if option.choices:
        return f'COMPREPLY=($(compgen -W "{" ".join(option.choices)}" -- "$cur"))'
    if option.wants_path == "dir":
        return 'COMPREPLY=($(compgen -d -- "$cur"))'
    if option.wants_path == "file":
        return 'COMPREPLY=($(compgen -f -- "$cur"))'
    return "COMPREPLY=()"


def _bash_case(options: tuple[Option, ...], positionals: tuple[Option, ...], indent: str) -> str:
    lines = [f'{indent}case "$prev" in']
    for option in options:
        if option.takes_value:
            lines.append(f"{indent}    {'|'.join(option.flags)}) {_bash_values(option)}; return;;")
    lines.append(f"{indent}esac")
    words = [flag for option in options for flag in option.flags]
    for positional in positionals:
        words += positional.choices
    lines.append(f'{indent}COMPREPLY=($(compgen -W "{" ".join(words)}" -- "$cur"))')
    if any(p.wants_path == "file" for p in positionals):
        lines.append(f'{indent}[[ $cur != -* ]] && COMPREPLY+=($(compgen -f -- "$cur"))')
    return "\n".join(lines)


def bash_script(model: Model) -> str:
    func = f"_{model.prog}"
    names = " ".join(c.name for c in model.commands)
    valued = "|".join(f for o in model.options if o.takes_value for f in o.flags)
    lines = [
        HEADER.format(shell="bash", prog=model.prog),
        f"{func}() {{",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local cmd="" i',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${COMP_WORDS[i]}" in',
        f"            {valued}) ((i++));;",
        "            -*) ;;",
        '            *) cmd="${COMP_WORDS[i]}"; break;;',
        "        esac",
        "    done",
        '    case "$cmd" in',
        '        "")',
        _bash_case(model.options, (), "            "),
        f'            [[ $cur != -* ]] && COMPREPLY+=($(compgen -W "{names}" -- "$cur"))',
        "            ;;",
    ]
    for command in model.commands:
        lines += [
            f"        {command.name})",
            _bash_case(command.options, command.positionals, "            "),
            "            ;;",
        ]
    lines += ["    esac", "}", f"complete -F {func} {model.prog}", ""]
    return "\n".join(lines)


# --- zsh --------------------------------------------------------------------------------------


def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh_describe(text: str) -> str:
    """Help text safe inside an _arguments spec: no brackets or colons to end it early."""
    return re.sub(r"[\[\]:\\]", "", _short_help(text))


def _zsh_action(option: Option) -> str:
    if option.choices:
        return f"({' '.join(option.choices)})"
    if option.wants_path == "dir":
        return "_files -/"
    if option.wants_path == "file":
        return "_files"
    return " "


def _zsh_specs(options: tuple[Option, ...], positionals: tuple[Option, ...]) -> list[str]:
    specs = []
    for option in options:
        for flag in option.flags:
            star = "*" if option.repeats else ""
            spec = f"{star}{flag}[{_zsh_describe(option.help)}]"
            if option.takes_value:
                spec += f":{option.metavar}:{_zsh_action(option)}"
            specs.append(_zsh_quote(spec))
    for number, positional in enumerate(positionals, start=1):
        colon = "::" if positional.optional else ":"
        specs.append(_zsh_quote(f"{number}{colon}{positional.metavar}:{_zsh_action(positional)}"))
    return specs


def zsh_script(model: Model) -> str:
    func = f"_{model.prog}"
    lines = [
        f"#compdef {model.prog}",
        HEADER.format(shell="zsh", prog=model.prog),
        f"{func}() {{",
        "    local curcontext=$curcontext state line ret=1",
        "    local -a commands",
        "    commands=(",
        *(f"        {_zsh_quote(f'{c.name}:{_zsh_describe(c.help)}')}" for c in model.commands),
        "    )",
        "    _arguments -C \\",
        *(f"        {spec} \\" for spec in _zsh_specs(model.options, ())),
        "        '1: :->command' \\",
        "        '*:: :->args' && ret=0",
        "    case $state in",
        "        command) _describe -t commands 'thaw command' commands && ret=0 ;;",
        "        args)",
        "            case $words[1] in",
    ]
    for command in model.commands:
        specs = _zsh_specs(command.options, command.positionals)
        if not specs:
            lines.append(f"                {command.name}) ret=0 ;;")
            continue
        lines.append(f"                {command.name}) _arguments \\")
        lines += [f"                    {spec} \\" for spec in specs[:-1]]
        lines.append(f"                    {specs[-1]} && ret=0 ;;")
    lines += [
        "            esac",
        "            ;;",
        "    esac",
        "    return ret",
        "}",
        f'if [[ $zsh_eval_context[-1] == loadautofunc ]]; then {func} "$@"; '
        f"else compdef {func} {model.prog}; fi",
        "",
    ]
    return "\n".join(lines)


# --- fish -------------------------------------------------------------------------------------


def _fish_quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _fish_option(prog: str, condition: str, option: Option) -> str:
    parts = [f"complete -c {prog} -n {_fish_quote(condition)}"]
    for flag in option.flags:
        if flag.startswith("--"):
            parts.append(f"-l {flag[2:]}")
        else:
            parts.append(f"-s {flag[1:]}")
    if option.takes_value:
        parts.append("-r")
        if option.choices:
            parts.append(f"-f -a {_fish_quote(' '.join(option.choices))}")
        elif option.wants_path == "dir":
            parts.append("-f -a '(__fish_complete_directories)'")
        elif option.wants_path == "file":
            parts.append("-F")
        else:
            parts.append("-f")
    parts.append(f"-d {_fish_quote(_short_help(option.help))}")
    return " ".join(parts)


def _fish_command(prog: str, command: Command) -> list[str]:
    condition = f"__fish_seen_subcommand_from {command.name}"
    lines = [_fish_option(prog, condition, option) for option in command.options]
    for positional in command.positionals:
        if positional.choices:
            lines.append(
                f"complete -c {prog} -n {_fish_quote(condition)} -f "
                f"-a {_fish_quote(' '.join(positional.choices))}"
            )
        elif positional.wants_path == "file":
            lines.append(f"complete -c {prog} -n {_fish_quote(condition)} -F")
    return lines


def fish_script(model: Model) -> str:
    prog = model.prog
    lines = [HEADER.format(shell="fish", prog=prog), f"complete -c {prog} -f"]
    for command in model.commands:
        lines.append(
            f"complete -c {prog} -n __fish_use_subcommand -a {command.name} "
            f"-d {_fish_quote(_short_help(command.help))}"
        )
    lines += [_fish_option(prog, "__fish_use_subcommand", o) for o in model.options]
    for command in model.commands:
        lines += _fish_command(prog, command)
    return "\n".join(lines) + "\n"


SCRIPTS = {"bash": bash_script, "zsh": zsh_script, "fish": fish_script}
