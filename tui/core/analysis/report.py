"""The appointment summary: a Markdown page for a doctor or therapist, built from the store."""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.analysis import stats
from tui.core.analysis.insights import Vocabulary, practice_key, vocabulary
from tui.core.errors import InputError
from tui.core.output_file import write_output
from tui.core.records.models import (
    MARKER_KINDS,
    PLAN_STATUS_LABELS,
    SESSION_KINDS,
    CheckIn,
    Marker,
    PlanItem,
    Session,
    SessionKind,
    Settings,
)
from tui.core.safety_plan import included_sections, summary_lines
from tui.core.text import clean_line

if TYPE_CHECKING:
    from tui.core.content import Content
    from tui.core.ports import StorePort

MIN_WEEKS, MAX_WEEKS = 1, 52
"""A report covers whole weeks: at least one, at most a year (the CLI takes the same range)."""

NOTE_MAX_IN_REPORT = 600
"""A note longer than this is shortened in the report (the full note stays in Thaw)."""

KIND_NAMES: dict[SessionKind, str] = {
    "breathe": "Breathing",
    "meditate": "Meditation",
    "ground": "Grounding",
    "idea": "Ideas tried",
}
MARKER_NAMES = {"medication": "medication", "therapy": "therapy", "life": "life event", "other": ""}

# Every character Markdown (CommonMark, GitHub's tables and strikethrough) gives a meaning to
# inside a line. Escaped with a backslash, each is shown as itself; `<` and `&` too, so no HTML
# tag or entity can form.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&!#])")
_LEADING_BLOCK = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """User text as one safe line of Markdown: cleaned, whitespace collapsed, specials escaped.

    Headings (`#`), links (`[x](y)`), HTML (`<script>`), table cells (`|`), emphasis, code and
    list or quote starts (`-`, `+`, `1.`, `>`) all come out as the literal characters typed.
    """
    line = clean_line(text)
    line = _MD_INLINE.sub(r"\\\1", line)
    # A line that starts like a list item, a numbered item, a quote or a setext underline.
    return _LEADING_BLOCK.sub(lambda m: m.group(1) + _escape_lead(m.group(2)), line)


def _escape_lead(lead: str) -> str:
    """Escape the one character that makes a line start a block ("1." -> "1\\.")."""
    if lead[-1] in ".)":
        return lead[:-1] + "\\" + lead[-1]
    return "\\" + lead


def _shorten(text: str, limit: int = NOTE_MAX_IN_REPORT) -> str:
    """Cut a long text at a word boundary and say so."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " … (shortened)"


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What the summary covers. Notes are left out unless the person chose to include them."""

    weeks: int = 4
    include_notes: bool = False
    include_plan: bool = True
    include_markers: bool = True
    period: tuple[date, date] | None = None  # `report --from/--to`: these days, not `weeks`
    narrowed: str = ""  # `report --tag ...`: said in the header, e.g. 'tagged "work"'

    @classmethod
    def from_settings(cls, settings: Settings, weeks: int | None = None) -> ReportOptions:
        """The person's saved choices, with an optional number of weeks for this report only."""
        return cls(
            weeks=settings.report_weeks if weeks is None else weeks,
            include_notes=settings.report_include_notes,
            include_plan=settings.report_include_plan,
            include_markers=settings.report_include_markers,
        )


@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything the summary is made from; pure data, so the page can be built in tests."""

    today: date
    written_at: datetime
    options: ReportOptions
    checkins: Sequence[CheckIn]
    sessions: Sequence[Session]
    markers: Sequence[Marker]
    plan_items: Sequence[PlanItem]
    words: Vocabulary  # emotion names and valence, practice names (from insights.vocabulary)
    safety_plan: Sequence[tuple[str, str]] = ()  # (heading, the person's words), when included


def report_period(today: date, weeks: int) -> tuple[date, date]:
    """Whole ISO weeks ending with the current one: Monday `weeks - 1` weeks back, to today."""
    return stats.week_start(today) - timedelta(weeks=weeks - 1), today


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def _day(day: date) -> str:
    """A date a reader in any country reads the same way: 2 Nov 2026."""
    return f"{day.day} {day:%b %Y}"


def _week_label(week: date) -> str:
    return f"{week.day} {week:%b}"


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


# --- sections ---------------------------------------------------------------------------------


def _header(data: ReportInput, start: date, end: date) -> list[str]:
    weeks, unit = data.options.weeks, "week"
    if data.options.period is not None:
        weeks, unit = (end - start).days + 1, "day"
    only = f" Only check-ins {escape_markdown(n)}." if (n := data.options.narrowed) else ""
    return [
        "# Thaw: a summary to bring to an appointment",
        "",
        f"Period: {_day(start)} to {_day(end)} ({weeks} {unit}{'s' if weeks != 1 else ''}). "
        f"Written {_day(data.written_at.date())} at {data.written_at:%H:%M}.{only}",
        "",
        "These are my own daily ratings, kept with Thaw, a self-tracking app. Mood runs from "
        '1 (lowest) to 10 (best); "how much I could feel" from 0 (nothing at all) to 10 '
        "(fully). They are not a clinical measure.",
        "",
    ]


def _weeks_in(start: date, end: date) -> list[date]:
    start = stats.week_start(start)  # rows are whole weeks, Monday first, even for --from
    count = (stats.week_start(end) - start).days // 7 + 1
    return [start + timedelta(weeks=i) for i in range(count)]


def _mood_section(data: ReportInput, start: date, end: date) -> list[str]:
    lines = ["## Mood and how much I could feel", ""]
    checkins = data.checkins
    if not checkins:
        return [*lines, "No check-ins in this period.", ""]
    moods = stats.daily_mood(checkins)
    feels = stats.daily_feel(checkins)
    total_days = (end - start).days + 1
    lines += [
        f"{len(checkins)} check-ins on {len(moods)} of {total_days} days. "
        f"Mood averaged {_fmt(_mean([d.mean for d in moods]))} over the days with a check-in, "
        f"from {min(d.low for d in moods)} to {max(d.high for d in moods)}"
        + (
            f"; how much I could feel averaged {_fmt(_mean([d.mean for d in feels]))} "
            f"over {len(feels)} days."
            if feels
            else "; how much I could feel was not rated."
        ),
        "",
        "Each character is one day, Monday to Sunday (low ▁ to high █, blank: no check-in).",
        "",
        "```text",
        "week of   mood     feel",
    ]
    mood_by_day = {d.day: d for d in moods}
    feel_by_day = {d.day: d for d in feels}
    for week in _weeks_in(start, end):
        last = min(end, week + timedelta(days=6))
        mood_spark = stats.sparkline(stats.day_series(moods, week, last), 1.0, 10.0)
        feel_spark = stats.sparkline(stats.day_series(feels, week, last), 0.0, 10.0)
        lines.append(f"{_week_label(week):<9} {mood_spark:<8} {feel_spark}".rstrip())
    lines += [
        "```",
        "",
        "| Week of | Days with a check-in | Mood (mean) | Mood (lowest-highest) | Feel (mean) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for week in _weeks_in(start, end):
        days = [week + timedelta(days=i) for i in range(7)]
        week_moods = [mood_by_day[d] for d in days if d in mood_by_day]
        week_feels = [feel_by_day[d] for d in days if d in feel_by_day]
        if week_moods:
            mood_mean = _fmt(_mean([d.mean for d in week_moods]))
            spread = f"{min(d.low for d in week_moods)}-{max(d.high for d in week_moods)}"
        else:
            mood_mean = spread = "-"
        feel_mean = _fmt(_mean([d.mean for d in week_feels])) if week_feels else "-"
        lines.append(
            f"| {_week_label(week)} | {len(week_moods)} | {mood_mean} | {spread} | {feel_mean} |"
        )
    return [*lines, ""]


def _range_section(data: ReportInput, start: date, end: date) -> list[str]:
    lines = ["## Emotional range", ""]
    ranges = {r.week: r for r in stats.weekly_range(data.checkins, data.words.valence)}
    if not any(r.distinct for r in ranges.values()):
        return [*lines, "No feelings were named in this period.", ""]
    named = {e for c in data.checkins for e in c.emotions}
    pleasant = sum(1 for e in named if data.words.valence.get(e) == "pleasant")
    lines += [
        f"Over the whole period I named {len(named)} different "
        f"feeling{'s' if len(named) != 1 else ''}, {pleasant} of them pleasant.",
        "",
        "How many different feelings I named each week, and how many of them were pleasant. "
        "A wider range can be a sign that feeling is coming back.",
        "",
        "| Week of | Different feelings | Pleasant | Pleasant share |",
        "| --- | ---: | ---: | ---: |",
    ]
    for week in _weeks_in(start, end):
        found = ranges.get(week)
        if found is None:
            lines.append(f"| {_week_label(week)} | - | - | - |")
            continue
        share = f"{round(100 * found.pleasant / found.distinct)}%" if found.distinct else "-"
        lines.append(f"| {_week_label(week)} | {found.distinct} | {found.pleasant} | {share} |")
    counts = Counter(e for c in data.checkins for e in c.emotions)
    top = ", ".join(
        f"{escape_markdown(data.words.names.get(e, e.replace('_', ' ')))} ({n})"
        for e, n in counts.most_common(8)
    )
    return [*lines, "", f"Named most often: {top}.", ""]


def _practice_section(data: ReportInput, start: date, end: date) -> list[str]:
    lines = ["## Practices and what helped", ""]
    sessions = data.sessions
    if not sessions:
        return [*lines, "No practices recorded in this period.", ""]
    minutes: dict[SessionKind, float] = dict.fromkeys(SESSION_KINDS, 0.0)
    for week in stats.weekly_practice(sessions):
        for kind, value in week.minutes.items():
            minutes[kind] += value
    by_kind: dict[SessionKind, list[Session]] = defaultdict(list)
    for session in sessions:
        by_kind[session.kind].append(session)
    total = sum(minutes.values())
    lines += [
        f"{len(sessions)} practice{'s' if len(sessions) != 1 else ''}, "
        f"{stats.minutes_words(total)} in all.",
        "",
        "| Practice | Times | Finished | Minutes |",
        "| --- | ---: | ---: | ---: |",
    ]
    for kind in SESSION_KINDS:
        done = by_kind.get(kind, [])
        if not done:
            continue
        finished = sum(1 for s in done if s.completed)
        shown_minutes = "-" if kind == "idea" else stats.minutes_cell(minutes[kind])
        lines.append(f"| {KIND_NAMES[kind]} | {len(done)} | {finished} | {shown_minutes} |")
    lines.append("")

    rated: dict[str, list[Session]] = defaultdict(list)
    for session in sessions:
        if session.before is not None and session.after is not None:
            rated[practice_key(session)].append(session)
    if rated:
        lines += [
            "How much I could feel (0-10) before and after, where I rated both:",
            "",
            "| Practice | Rated times | Before (mean) | After (mean) | Change |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        rows = []
        for key, group in rated.items():
            before = _mean([float(s.before or 0) for s in group])
            after = _mean([float(s.after or 0) for s in group])
            rows.append((-(after - before), key, group, before, after))
        for _, key, group, before, after in sorted(rows, key=lambda row: (row[0], row[1])):
            lines.append(
                f"| {escape_markdown(_label(data, key))} | {len(group)} | {_fmt(before)} | "
                f"{_fmt(after)} | {after - before:+.1f} |"
            )
        lines.append("")

    ideas: dict[str, list[int]] = defaultdict(list)
    for session in by_kind.get("idea", []):
        if session.rating is not None:
            ideas[session.detail].append(session.rating)
    if ideas:
        lines += ["Ideas I tried, and how much they helped (1 a little, 5 a lot):", ""]
        for detail, ratings in sorted(ideas.items(), key=lambda kv: (-_mean(kv[1]), kv[0])):
            times = f"{len(ratings)} time{'s' if len(ratings) != 1 else ''}"
            lines.append(
                f"- {escape_markdown(_label(data, 'idea:' + detail))}: "
                f"{_fmt(_mean(ratings))} ({times})"
            )
        lines.append("")
    return lines


def _label(data: ReportInput, key: str) -> str:
    kind, _, detail = key.partition(":")
    found = data.words.practices.get(key)
    if found:
        return found
    name = {str(k): v for k, v in KIND_NAMES.items()}.get(kind, kind)
    return f"{name} ({detail.replace('_', ' ')})" if detail else name


def _markers_section(data: ReportInput, start: date, end: date) -> list[str]:
    lines = ["## Changes and events", ""]
    inside = [m for m in data.markers if start <= stats.local_day(m.at) <= end]
    if not inside:
        return [*lines, "None noted in this period.", ""]
    for marker in sorted(inside, key=lambda m: m.at):
        kind = MARKER_NAMES.get(marker.kind, "") if marker.kind in MARKER_KINDS else ""
        label = f" ({kind})" if kind else ""
        lines.append(f"- {_day(stats.local_day(marker.at))}{label}: {escape_markdown(marker.text)}")
    return [*lines, ""]


def _plan_section(data: ReportInput) -> list[str]:
    lines = ["## My longer-term plan", ""]
    items = [p for p in data.plan_items if p.status != "not_now" or p.note or p.next_step]
    if not items:
        return [*lines, "Nothing started yet.", ""]
    for item in items:
        status = PLAN_STATUS_LABELS.get(item.status, item.status)
        line = f"- {escape_markdown(item.title)} (status: {status})."
        if item.next_step:
            line += f" My next step: {escape_markdown(_shorten(item.next_step))}"
        lines.append(line)
        if data.options.include_notes and item.note:
            lines.append(f"  Note: {escape_markdown(_shorten(item.note))}")
    return [*lines, ""]


def _notes_section(data: ReportInput) -> list[str]:
    lines = ["## Notes I chose to include", ""]
    with_notes = [c for c in data.checkins if clean_line(c.note)]
    if not with_notes:
        return [*lines, "No notes in this period.", ""]
    for checkin in with_notes:
        when = f"{_day(stats.local_day(checkin.at))} {checkin.at:%H:%M}"
        lines.append(
            f"- {when}, mood {checkin.mood}: {escape_markdown(_shorten(clean_line(checkin.note)))}"
        )
    return [*lines, ""]


def _footer() -> list[str]:
    return [
        "---",
        "",
        "Written by Thaw on my own computer; nothing was sent anywhere. Thaw is not a medical "
        "device and does not diagnose anything.",
        "",
    ]


# --- whole page -------------------------------------------------------------------------------


def build_report(data: ReportInput) -> str:
    """The whole Markdown page. Pure: the same input always gives the same text."""
    start, end = data.options.period or report_period(data.today, data.options.weeks)
    checkins = [c for c in data.checkins if start <= stats.local_day(c.at) <= end]
    sessions = [s for s in data.sessions if start <= stats.local_day(s.started_at) <= end]
    scoped = ReportInput(
        data.today,
        data.written_at,
        data.options,
        checkins,
        sessions,
        data.markers,
        data.plan_items,
        data.words,
        data.safety_plan,
    )
    lines = _header(scoped, start, end)
    lines += _mood_section(scoped, start, end)
    lines += _range_section(scoped, start, end)
    lines += _practice_section(scoped, start, end)
    if scoped.options.include_markers:
        lines += _markers_section(scoped, start, end)
    if scoped.options.include_plan:
        lines += _plan_section(scoped)
    if scoped.safety_plan:
        lines += summary_lines(scoped.safety_plan, escape_markdown)
    if scoped.options.include_notes:
        lines += _notes_section(scoped)
    lines += _footer()
    return "\n".join(lines)


def report_from_store(
    store: StorePort,
    content: Content,
    now: datetime,
    options: ReportOptions,
    keep: Callable[[CheckIn], bool] | None = None,
) -> str:
    """Read only the days the report covers and build the page; `keep` narrows check-ins."""
    start, end = options.period or report_period(now.date(), options.weeks)
    checkins = [c for c in store.checkins(since=start, until=end) if keep is None or keep(c)]
    sessions = store.sessions(since=start, until=end)
    markers = store.markers() if options.include_markers else []
    plan = store.plan_items() if options.include_plan else []
    return build_report(
        ReportInput(
            today=now.date(),
            written_at=now,
            options=options,
            checkins=checkins,
            sessions=sessions,
            markers=markers,
            plan_items=plan,
            words=vocabulary(content),
            safety_plan=included_sections(store.safety_plan(), content),
        )
    )


def report_file_name(today: date) -> str:
    """The name the app gives a summary it writes: thaw-summary-2026-11-25.md."""
    return f"thaw-summary-{today.isoformat()}.md"


def write_report(path: Path, text: str) -> Path:
    """Write the page atomically, readable only by its owner (0600). DataError on trouble.

    Overwriting a file is fine: the person named it. A device or pipe is written to, never
    replaced; a link, a folder or another user's file is refused (`write_output`).
    Returns the absolute path written.
    """
    return write_output(path, text)


def write_summary(
    store: StorePort, content: Content, now: datetime, settings: Settings, path: Path
) -> Path:
    """The app's "write a summary" key: the saved choices, to the file the person confirmed."""
    text = report_from_store(store, content, now, ReportOptions.from_settings(settings))
    return write_report(path, text)


def summary_folder(home: Path | None, data_dir: Path) -> Path:
    """Where the app proposes a summary: home, where people look; else the data folder."""
    if home is not None and home.is_dir() and os.access(home, os.W_OK):
        return home
    return data_dir


def summary_target(typed: str, folder: Path) -> Path:
    """The file the person typed (a bare name goes in `folder`), or InputError saying what to fix.

    Only the shape is checked here: whether it exists is asked about separately, never assumed.
    """
    text = clean_line(typed).strip()
    if not text:
        raise InputError("Type a file name for the summary, for example thaw-summary.md.")
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = folder / path
    if path.is_dir():
        raise InputError(f"{path} is a folder: add a file name after it, such as thaw-summary.md.")
    if not path.parent.is_dir():
        raise InputError(f"There is no folder {path.parent}. Choose a folder that exists.")
    return path
