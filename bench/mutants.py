"""A scripted mutation pass: one-line bugs made on purpose, each run against the tests meant to
catch it. A mutant the tests do not notice ("survived") is a hole in the suite.

Usage:
    python bench/mutants.py                 every mutant; a Markdown table on stdout
    python bench/mutants.py --list          the mutants and where their pattern matches now
    python bench/mutants.py --only ID ...   some of them

Mutants find their line by PATTERN (a regex on the line's text, never a line number), so they
survive edits and moves: when a module moves, change FILES below and nothing else. A pattern
that matches nothing is reported as "stale" (exit 2), so a refactor cannot quietly retire a
mutant. The mutation happens in a private copy of the checkout (tui, tests, content,
pyproject.toml), never in the checkout itself; the tests there run that copy's code
(tests/proc_env.py points every child process at it; conftest refuses any other `tui`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# --- where things are: update this table when modules move ------------------------------------
FILES = {
    "files": "tui/core/storage/files.py",
    "lock": "tui/core/storage/lock.py",
    "layout": "tui/core/storage/layout.py",
    "backups": "tui/core/storage/backups.py",
    "quarantine": "tui/core/storage/quarantine.py",
    "datafolder": "tui/core/datafolder.py",
    "rules": "tui/core/records/rules.py",
    "codec": "tui/core/records/codec.py",
    "collection": "tui/core/collection.py",
    "singles": "tui/core/singles.py",
    "plan": "tui/core/exchange/plan.py",
    "journal": "tui/core/exchange/journal.py",
    "daylio_csv": "tui/core/exchange/daylio_csv.py",
    "moods": "tui/core/exchange/moods.py",
    "text": "tui/core/text.py",
    "outward": "tui/core/outward.py",
    "when": "tui/core/when.py",
    "app": "tui/app.py",
    "entries": "tui/screens/entries.py",
    "breathe": "tui/screens/breathe.py",
    "picker": "tui/widgets/emotion_picker.py",
}

# --- which tests are meant to catch them ------------------------------------------------------
DURABILITY = ("tests/unit/test_durability.py",)
STORAGE = ("tests/unit/test_storage_safety.py", "tests/unit/test_store.py")
STORE = ("tests/unit/test_store.py", "tests/unit/test_store_restore.py")
CONCURRENCY = ("tests/unit/test_crash_safety.py::test_two_processes_logging_at_once_lose_nothing",)
EXCHANGE = ("tests/unit/test_exchange.py", "tests/unit/test_exchange_store.py")
TEXT = ("tests/unit/test_text.py", "tests/unit/test_store.py", "tests/ui/test_checkin.py")
OUTWARD = ("tests/unit/test_outward.py",)
DUE = ("tests/unit/test_store.py", "tests/e2e/test_cli.py")
WHEN = ("tests/unit/test_when.py",)
PICKER = ("tests/ui/test_emotion_picker.py",)
ENTRIES = ("tests/ui/test_entries.py",)
BREATHE = ("tests/ui/test_practice.py",)
HANGUP = ("tests/ui/test_practice.py", "tests/ui/test_checkin.py", "tests/e2e/test_pty_signals.py")


@dataclass(frozen=True)
class Mutant:
    """Replace `pattern` by `replacement` (re.sub) on the matching lines of FILES[file].

    `context`: a regex one of the three lines above must match (to tell identical lines
    apart); `nth`: only the nth match (1-based) instead of every one.
    """

    id: str
    file: str
    pattern: str
    replacement: str
    tests: tuple[str, ...]
    context: str = ""
    nth: int = 0


MUTANTS = [
    # Durability: fsync before the rename, the folder after it.
    Mutant("fsync-every-call", "files", r"\bos\.fsync\(fd\)", "pass", DURABILITY),
    Mutant(
        "fsync-written-file", "files", r"\bos\.fsync\(fd\)", "pass", DURABILITY,
        context=r"view = view\[written:\]",
    ),
    Mutant(
        "fsync-folder", "files", r"\bos\.fsync\(fd\)", "pass", DURABILITY,
        context=r"^\s*return\s*$",
    ),
    Mutant(
        "folder-fsync-after-replace", "files", r"\bfsync_dir\(path\.parent\)", "pass",
        DURABILITY, context=r"tmp = None",
    ),
    Mutant("quarantine-folder-fsync", "quarantine", r"files\.fsync_dir\(path\.parent\)", "pass",
           DURABILITY),
    Mutant("quarantine-target-fsync", "quarantine", r"files\.fsync_dir\(target\.parent\)", "pass",
           DURABILITY),
    Mutant("journal-fsync-file", "journal", r"\bos\.fsync\(fd\)", "pass",
           (*DURABILITY, "tests/e2e/test_import_kills.py"), context=r"os\.write\(fd"),
    Mutant("journal-fsync-folder", "journal", r"^    _fsync_dir\(folder\)", "    pass",
           (*DURABILITY, "tests/e2e/test_import_kills.py")),
    # The lock: two processes saving at once.
    Mutant("save-lock-removed", "datafolder", r"with lock\.locked\(self\.root\):", "if True:",
           CONCURRENCY),
    Mutant("flock-not-taken", "lock", r"fcntl\.flock\(fd, fcntl\.LOCK_EX \| fcntl\.LOCK_NB\)",
           "pass", CONCURRENCY),
    # `due`: today, not this month.
    Mutant("has-day-matches-month", "layout", r"prefix = day\.isoformat\(\)$",
           "prefix = day.isoformat()[:7]", DUE),
    # The feelings filter.
    Mutant("filter-ignores-meanings", "picker", r", emotion\.meaning\]", "]", PICKER),
    Mutant("filter-ignores-families", "picker", r"haystack\.append\(family\.name\)", "pass",
           PICKER),
    # Shown literally.
    Mutant("entries-detail-markup-on", "entries", r'id="entry-detail", markup=False',
           'id="entry-detail"', ENTRIES),
    # Breathing header, hang-up.
    Mutant("header-only-on-first-breath", "breathe",
           r"if message\.state\.round != self\._shown_round:",
           "if message.state.index == 0:", BREATHE),
    Mutant("hangup-does-nothing", "app", r"self\.end_calmly\(\)", "pass", HANGUP,
           context=r"def handle_hangup"),
    Mutant("calm-end-keeps-nothing", "app", r"signals\.keep_unfinished\(self\._all_screens\(\)\)",
           "pass", HANGUP, context=r"def end_calmly"),
    # Text cleaning (the way in).
    Mutant("clean-keeps-c1", "text", r"\\x80-\\x9f", "", TEXT),
    Mutant("clean-keeps-bidi-overrides", "text", r"\\u202a-\\u202e", "", TEXT),
    Mutant("clean-keeps-bidi-isolates", "text", r"\\u2066-\\u2069", "", TEXT),
    Mutant("clean-keeps-escape-sequences", "text", r'text = _ESCAPE_SEQUENCE\.sub\("", text\)',
           "text = text", TEXT),
    Mutant("clean-keeps-lone-cr", "text", r'\.replace\("\\r", "\\n"\)', "", TEXT),
    Mutant("clean-line-keeps-newlines", "text",
           r'return " "\.join\(clean_text\(text\)\.split\(\)\)',
           "return clean_text(text).strip()", TEXT),
    # The way out: JSON escapes, the CSV formula guard.
    Mutant("json-keeps-unsafe-raw", "outward",
           r"_escape\(m\[0\]\) if _is_unsafe\(m\[0\]\) else m\[0\]", "m[0]", OUTWARD),
    Mutant("json-unsafe-ignores-surrogates", "outward",
           r"return bool\(_SURROGATE\.fullmatch\(char\)\) or ", "return ", OUTWARD),
    Mutant("csv-no-formula-guard", "outward", r"return CSV_GUARD \+ cleaned", "return cleaned",
           (*OUTWARD, "tests/unit/test_exchange.py")),
    Mutant("csv-guard-misses-at", "outward", r'"=", "\+", "-", "@", ', '"=", "+", "-", ',
           (*OUTWARD, "tests/unit/test_exchange.py")),
    Mutant("csv-guard-quoted-formula", "outward",
           r"if cleaned\.lstrip\(CSV_GUARD\)\.startswith", "if cleaned.startswith",
           (*OUTWARD, "tests/unit/test_exchange.py")),
    Mutant("csv-read-keeps-guard", "outward", r"return cell\[1:\]", "return cell",
           (*OUTWARD, "tests/unit/test_exchange.py")),
    # Limits, off by one.
    Mutant("note-limit-off-by-one", "rules", r"if len\(cleaned\) > NOTE_MAX_CHARS:",
           "if len(cleaned) > NOTE_MAX_CHARS + 1:", TEXT),
    Mutant("one-line-limit-off-by-one", "rules", r"if len\(cleaned\) > limit:",
           "if len(cleaned) > limit + 1:", (*STORE, "tests/ui/test_care.py")),
    Mutant("tag-limit-off-by-one", "rules", r"^WORD_MAX_CHARS = 60", "WORD_MAX_CHARS = 61",
           STORE + TEXT),
    Mutant("mood-range-off-by-one", "rules", r"not MOOD_MIN <= value <= MOOD_MAX",
           "not MOOD_MIN <= value <= MOOD_MAX + 1", STORE),
    Mutant("scale-range-off-by-one", "rules", r"not low <= value <= high",
           "not low - 1 <= value <= high", STORE),
    Mutant("future-time-accepted", "rules", r"if at > now \+ FUTURE_SKEW:", "if False:", STORE),
    Mutant("when-now-is-future", "when", r"if result > now:", "if result >= now:", WHEN),
    Mutant("when-1970-refused", "when", r"if result\.year < 1970:", "if result.year <= 1970:",
           WHEN),
    # Revisions: a stale edit is refused, the higher revision wins.
    Mutant("stale-edit-applied", "collection", r"if codec\.rev_of\(found\[2\]\) != old\.rev:",
           "if False:", STORE),
    Mutant("stale-settings-applied", "singles", r"if new\.rev != _stored\(stored\):", "if False:",
           STORE),
    Mutant("stale-plan-applied", "singles", r"if plan\.rev != _stored\(stored\):", "if False:",
           (*STORE, "tests/unit/test_safety_plan.py")),
    Mutant("dedupe-keeps-lower-rev", "codec", r"rev_of\(doc\) > rev_of\(best\[key\]\)",
           "rev_of(doc) < rev_of(best[key])", STORE),
    # Files on disk.
    Mutant("files-world-readable", "files", r"^FILE_MODE = 0o600", "FILE_MODE = 0o644", STORAGE),
    Mutant("folder-world-readable", "files", r"^DIR_MODE = 0o700", "DIR_MODE = 0o755", STORAGE),
    Mutant("reads-follow-symlinks", "files", r"os\.O_RDONLY \| os\.O_NOFOLLOW \| os\.O_NONBLOCK",
           "os.O_RDONLY | os.O_NONBLOCK", STORAGE),
    Mutant("backups-keep-one-day-less", "backups", r"^BACKUP_KEEP = 7", "BACKUP_KEEP = 6",
           (*STORAGE, "tests/unit/test_store_restore.py")),
    # The safe reader: only a regular file, never blocking, never too large, never NaN.
    Mutant("reads-any-file-kind", "files", r"if not stat\.S_ISREG\(info\.st_mode\):", "if False:",
           STORAGE),
    Mutant("reads-block-on-fifo", "files", r"os\.O_NOFOLLOW \| os\.O_NONBLOCK \| os\.O_CLOEXEC",
           "os.O_NOFOLLOW | os.O_CLOEXEC", STORAGE, context=r"_check_node\(path, os\.lstat"),
    Mutant("reads-lstat-skipped", "files", r"_check_node\(path, os\.lstat\(path\)\)", "pass",
           STORAGE),
    Mutant("reads-no-size-cap", "files", r"if info\.st_size > limit:", "if False:", STORAGE),
    Mutant("reads-grown-file-kept", "files", r"if size > limit:", "if False:", STORAGE),
    Mutant("reads-accept-nan", "files", r"parse_constant=_refuse_constant,", "", STORAGE),
    Mutant("reads-accept-infinite-float", "files", r"if not math\.isfinite\(value\):",
           "if False:", STORAGE),
    Mutant("writes-allow-nan", "files", r"allow_nan=False", "allow_nan=True", STORAGE),
    # Import: never twice, nothing lost.
    Mutant("daylio-rad-is-9", "moods", r"^FIVE_FACES: tuple\[int, \.\.\.\] = \(10, ",
           "FIVE_FACES: tuple[int, ...] = (9, ", EXCHANGE),
    Mutant("daylio-same-row-twice-merged", "daylio_csv",
           r"seen\[digest\] = seen\.get\(digest, 0\) \+ 1", "seen[digest] = 1", EXCHANGE),
    Mutant("import-twice-adds-twice", "plan", r"item\.source and item\.source in sources$",
           "False", EXCHANGE),
    Mutant("thaw-json-duplicate-ids-imported", "plan", r"ids\.add\(item\.id\)", "pass",
           EXCHANGE),
]  # fmt: skip


def mutate(text: str, mutant: Mutant) -> tuple[str, list[int]]:
    """`text` with the mutant applied, and the 1-based numbers of the lines it changed."""
    lines = text.splitlines(keepends=True)
    pattern = re.compile(mutant.pattern)
    context = re.compile(mutant.context) if mutant.context else None
    hits = [
        i
        for i, line in enumerate(lines)
        if pattern.search(line)
        and (context is None or any(context.search(lines[j]) for j in range(max(0, i - 3), i)))
    ]
    if mutant.nth:
        hits = hits[mutant.nth - 1 : mutant.nth]
    changed = []
    for i in hits:
        new = pattern.sub(mutant.replacement, lines[i])
        if new != lines[i]:
            lines[i] = new
            changed.append(i + 1)
    return "".join(lines), changed


def make_copy() -> Path:
    """A private copy of what the tests need; its own tests run its own code."""
    root = Path(tempfile.mkdtemp(prefix="thaw-mutants-"))
    for name in ("tui", "tests", "content"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, root / name)
    return root


def put(target: Path, text: str) -> None:
    """Write a module and drop its cached bytecode: a same-size edit in the same second would
    otherwise be run from the old .pyc (byte-compiling stays on, so workers start at speed)."""
    target.write_text(text)
    for cached in (target.parent / "__pycache__").glob(f"{target.stem}.*.pyc"):
        cached.unlink()


def run_tests(root: Path, tests: tuple[str, ...], timeout: float) -> tuple[str, str]:
    """("passed" | "failed" | "timeout", the first failing test or a hint)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-rfE", "-p", "no:cacheprovider"]
    cmd += ["-n", "0", *tests]
    try:
        done = subprocess.run(
            cmd, cwd=root, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return "timeout", f"over {timeout:.0f} s"
    if done.returncode == 0:
        return "passed", ""
    failing = re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.MULTILINE)
    return "failed", failing[0] if failing else done.stdout.strip().splitlines()[-1:][0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="show where each mutant applies")
    parser.add_argument("--only", nargs="*", default=None, help="mutant ids to run")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per mutant")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTANTS if args.only is None or m.id in args.only]
    ids = [m.id for m in MUTANTS]
    assert len(set(ids)) == len(ids), "mutant ids must be unique"

    stale = []
    for m in chosen:
        _, changed = mutate((REPO / FILES[m.file]).read_text(), m)
        if not changed:
            stale.append(m.id)
        if args.list:
            print(f"{m.id:36} {FILES[m.file]}:{','.join(map(str, changed)) or 'STALE'}")
    if args.list:
        return 2 if stale else 0

    root = make_copy()
    try:
        wanted = tuple(dict.fromkeys(t for m in chosen for t in m.tests))
        status, detail = run_tests(root, wanted, args.timeout * 2)
        if status != "passed":
            print(f"The tests fail without any mutant ({detail}); fix that first.")
            return 1
        print("| mutant | file:line | result | first failing test | seconds |")
        print("|---|---|---|---|---|")
        survived = 0
        for m in chosen:
            target = root / FILES[m.file]
            original = target.read_text()
            text, changed = mutate(original, m)
            if not changed:
                print(f"| {m.id} | {FILES[m.file]} | STALE: pattern matches nothing | | |")
                continue
            start = time.perf_counter()
            try:
                put(target, text)
                status, detail = run_tests(root, m.tests, args.timeout)
            finally:
                put(target, original)
            took = time.perf_counter() - start
            result = "killed" if status in ("failed", "timeout") else "SURVIVED"
            survived += result == "SURVIVED"
            where = f"{FILES[m.file]}:{','.join(map(str, changed))}"
            print(f"| {m.id} | {where} | {result} | {detail} | {took:.0f} |", flush=True)
        print(f"\n{len(chosen) - survived - len(stale)} killed, {survived} survived, "
              f"{len(stale)} stale, of {len(chosen)}.")  # fmt: skip
        return 2 if stale else (1 if survived else 0)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
