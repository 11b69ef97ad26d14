"""Attendance reports of online meeting tools, read into minutes per person.

Zoom, Microsoft Teams, Jitsi (8x8 JaaS events) and BigBlueButton export different CSV files:
other columns, other date formats, intervals or durations, UTF-16 with tabs (Teams). The
reader finds the attendance table by its column names, merges each person's rejoins (their
intervals, clipped to the session's time) and sums the minutes. Nothing is written here: the
coordinator sees a preview first (``preview_meeting_report``), then confirms
(``apply_meeting_report``); the preview travels signed in the confirmation form, so nothing is
stored in between.
"""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participants.enums import AttendanceSource, AttendanceStatus
from participants.models import Attendance, User
from sessions_app.models import Session

from .attendance import Mark, RecordOutcome, record_attendance, session_minutes
from .taking_part import participants_of

MAX_BYTES = 5 * 1024 * 1024
PREVIEW_SALT = "participants.meeting_report"
PREVIEW_MAX_AGE = 60 * 60  # a preview left open longer is read again

# Column names, lower-cased, as the tools write them (English exports).
COLUMNS = {
    "name": ["name (original name)", "name", "full name", "display name", "participant", "user"],
    "email": ["user email", "email", "e-mail", "email address", "participant id (upn)", "upn"],
    "join": ["join time", "joined", "join", "joined at", "first join"],
    "leave": ["leave time", "left", "leave", "left at", "last leave"],
    "duration": [
        "duration (minutes)",
        "in-meeting duration",
        "duration",
        "attendance duration",
        "time in session",
    ],
    "event": ["eventtype", "event type", "event"],
    "timestamp": ["timestamp", "time"],
}
JOIN_EVENTS = {"participant_joined", "joined", "join"}
LEAVE_EVENTS = {"participant_left", "left", "leave"}
DATETIME_FORMATS = [
    "%m/%d/%Y %I:%M:%S %p",  # Zoom
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%y, %I:%M:%S %p",  # Teams
    "%m/%d/%Y, %I:%M:%S %p",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
TIME_FORMATS = ["%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p"]

NO_TABLE = _(
    "No attendance table found in this file. It needs a column with names or email addresses "
    "and columns with join and leave times or durations (exports of Zoom, Microsoft Teams, "
    "Jitsi and BigBlueButton are understood)."
)
TOO_BIG = _("This file is too large for an attendance report (5 MB at most).")
BAD_ROW = _("Line %(line)s: the time “%(value)s” could not be read; the line was left out.")
EMPTY = _("The attendance table in this file has no rows.")
STALE = _("This preview is too old or was changed: please upload the report again.")


@dataclass
class ReportPerson:
    """One person in the report: their rows merged."""

    key: str
    name: str
    email: str
    minutes: int
    rows: int


@dataclass
class MeetingReport:
    tool: str
    people: list[ReportPerson] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# --- Reading the file


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    if len(content) > 1 and content[1:2] == b"\x00":  # UTF-16 LE without its mark
        return content.decode("utf-16-le")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _rows(text: str) -> list[list[str]]:
    first_lines = "\n".join(text.splitlines()[:30])
    delimiter = "\t" if first_lines.count("\t") > first_lines.count(",") else ","
    if delimiter == "," and first_lines.count(";") > first_lines.count(","):
        delimiter = ";"
    return [
        [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)
    ]


def _header_columns(row: list[str]) -> dict[str, int]:
    cells = [re.sub(r"\s+", " ", cell.lower().strip().strip('"')) for cell in row]
    found: dict[str, int] = {}
    for name, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in cells:
                found[name] = cells.index(alias)
                break
    return found


def _score(columns: dict[str, int], header: list[str]) -> int:
    if "name" not in columns and "email" not in columns:
        return 0
    lowered = " ".join(header).lower()
    if "event" in columns and "timestamp" in columns:
        return 4
    if "join" in columns and "leave" in columns:
        # Teams lists first join and last leave, then every interval: prefer the intervals.
        return 2 if "first join" in lowered else 3
    if "duration" in columns:
        return 1
    return 0


def _tool(header: list[str], columns: dict[str, int]) -> str:
    lowered = " ".join(header).lower()
    if "name (original name)" in lowered or "user email" in lowered:
        return "Zoom"
    if "participant id (upn)" in lowered or "in-meeting duration" in lowered or "role" in lowered:
        return "Microsoft Teams"
    if "event" in columns:
        return "Jitsi"
    if "talk time" in lowered or "activity score" in lowered:
        return "BigBlueButton"
    return "CSV"


def _table(rows: list[list[str]]):
    """The best attendance table: (header, columns, data rows with their line numbers)."""
    best = None
    for index, row in enumerate(rows):
        columns = _header_columns(row)
        score = _score(columns, row)
        if not score or (best is not None and score <= best[0]):
            continue
        data = []
        for number, data_row in enumerate(rows[index + 1 :], start=index + 2):
            if not any(data_row):
                break
            if _score(_header_columns(data_row), data_row):
                break
            data.append((number, data_row))
        best = (score, row, columns, data)
    return best


def _parse_datetime(value: str, session: Session) -> dt.datetime:
    value = value.strip()
    if value.isdigit() and len(value) >= 10:
        seconds = int(value) / (1000 if len(value) > 11 else 1)
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    parsed = None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        for pattern in DATETIME_FORMATS:
            try:
                parsed = dt.datetime.strptime(value, pattern)  # noqa: DTZ007 - zone added below
                break
            except ValueError:
                continue
    if parsed is None:
        for pattern in TIME_FORMATS:
            try:
                clock = dt.datetime.strptime(value, pattern).time()  # noqa: DTZ007
            except ValueError:
                continue
            parsed = dt.datetime.combine(session.local_start.date(), clock)
            break
    if parsed is None:
        raise ValueError(value)
    if timezone.is_naive(parsed):
        # Exports write local times without their zone: the session's is the best guess.
        parsed = parsed.replace(tzinfo=session.zone)
    return parsed


def _parse_minutes(value: str, header: str) -> float:
    value = value.strip().lower()
    if not value:
        raise ValueError(value)
    if re.fullmatch(r"\d+(\.\d+)?", value):
        number = float(value)
        return number / 60 if "sec" in header else number
    if ":" in value:
        parts = [int(part) for part in value.split(":")]
        while len(parts) < 3:
            parts.insert(0, 0)
        hours, minutes, seconds = parts
        return hours * 60 + minutes + seconds / 60
    match = re.fullmatch(r"(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?", value)
    if not match or not any(match.groups()):
        raise ValueError(value)
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return hours * 60 + minutes + seconds / 60


def _merge(intervals: list[tuple[dt.datetime, dt.datetime]], session: Session) -> int:
    """Minutes covered by ``intervals`` within the session's time, overlaps counted once."""
    clipped = sorted(
        (max(start, session.starts_at), min(end, session.ends_at))
        for start, end in intervals
        if min(end, session.ends_at) > max(start, session.starts_at)
    )
    total = dt.timedelta()
    current_start = current_end = None
    for start, end in clipped:
        if current_end is None or start > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += current_end - current_start
    return int(total.total_seconds() // 60)


def read_meeting_report(content: bytes, session: Session) -> MeetingReport:
    """Read a meeting tool's attendance export: minutes per person, with rejoins merged."""
    if len(content) > MAX_BYTES:
        return MeetingReport(tool="", problems=[str(TOO_BIG)])
    rows = _rows(_decode(content))
    table = _table(rows)
    if table is None:
        return MeetingReport(tool="", problems=[str(NO_TABLE)])
    _score_value, header, columns, data = table
    report = MeetingReport(tool=_tool(header, columns))
    if not data:
        report.problems.append(str(EMPTY))
        return report

    def cell(row, name):
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    intervals: dict[str, list] = {}
    durations: dict[str, float] = {}
    names: dict[str, tuple[str, str]] = {}
    rows_per_person: dict[str, int] = {}
    open_joins: dict[str, dt.datetime] = {}
    for line, row in data:
        name, email = cell(row, "name"), cell(row, "email").lower()
        key = email or name.casefold()
        if not key:
            continue
        names.setdefault(key, (name, email))
        rows_per_person[key] = rows_per_person.get(key, 0) + 1
        try:
            if "event" in columns:
                event, at = (
                    cell(row, "event").lower(),
                    _parse_datetime(cell(row, "timestamp"), session),
                )
                if event in JOIN_EVENTS:
                    open_joins.setdefault(key, at)
                elif event in LEAVE_EVENTS and key in open_joins:
                    intervals.setdefault(key, []).append((open_joins.pop(key), at))
            elif "join" in columns and "leave" in columns and cell(row, "join"):
                start = _parse_datetime(cell(row, "join"), session)
                leave = cell(row, "leave")
                end = _parse_datetime(leave, session) if leave else session.ends_at
                intervals.setdefault(key, []).append((start, end))
            else:
                header_name = header[columns["duration"]].lower()
                durations[key] = durations.get(key, 0) + _parse_minutes(
                    cell(row, "duration"), header_name
                )
        except (ValueError, KeyError) as error:
            value = error.args[0] if error.args else ""
            report.problems.append(str(BAD_ROW % {"line": line, "value": value}))
    for key, start in open_joins.items():  # joined and never left: until the end
        intervals.setdefault(key, []).append((start, session.ends_at))
    length = session_minutes(session)
    for key, (name, email) in names.items():
        if key in intervals:
            minutes = _merge(intervals[key], session)
        else:
            minutes = int(durations.get(key, 0))
        report.people.append(
            ReportPerson(key, name, email, min(minutes, length), rows_per_person[key])
        )
    report.people.sort(key=lambda person: (person.name.casefold(), person.email))
    return report


# --- Preview and confirmation


@dataclass
class PreviewRow:
    person: ReportPerson
    participant: User | None  # matched by email
    suggestion: User | None = None  # for unmatched rows: the one participant with that name
    current: Attendance | None = None


@dataclass
class Preview:
    report: MeetingReport
    matched: list[PreviewRow]
    unmatched: list[PreviewRow]
    participants: list[User]
    token: str


def preview_meeting_report(session: Session, report: MeetingReport) -> Preview:
    """Match the report's people to the session's participants by email (case-insensitive);
    suggest a participant by exact name for the others. Reads only."""
    participants = list(participants_of(session).order_by("full_name", "email"))
    by_email = {person.email.lower(): person for person in participants}
    by_name: dict[str, list[User]] = {}
    for person in participants:
        if person.full_name:
            by_name.setdefault(person.full_name.casefold(), []).append(person)
    recorded = {row.participant_id: row for row in Attendance.objects.filter(session=session)}
    matched, unmatched = [], []
    for person in report.people:
        participant = by_email.get(person.email) if person.email else None
        if participant is not None:
            matched.append(PreviewRow(person, participant, current=recorded.get(participant.pk)))
        else:
            namesakes = by_name.get(person.name.casefold(), [])
            suggestion = namesakes[0] if len(namesakes) == 1 else None
            unmatched.append(PreviewRow(person, None, suggestion=suggestion))
    token = signing.dumps(
        {
            "session": session.pk,
            "people": [[p.key, p.name, p.email, p.minutes] for p in report.people],
            "tool": report.tool,
        },
        salt=PREVIEW_SALT,
        compress=True,
    )
    return Preview(report, matched, unmatched, participants, token)


def read_preview(session: Session, token: str) -> MeetingReport | None:
    """The report a preview form carried, or None when it is stale, altered or another
    session's."""
    try:
        payload = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        return None
    if payload.get("session") != session.pk:
        return None
    people = [
        ReportPerson(key, name, email, minutes, 0)
        for key, name, email, minutes in payload["people"]
    ]
    return MeetingReport(tool=payload.get("tool", ""), people=people)


def apply_meeting_report(
    session: Session, token: str, assignments: dict[str, int], *, by: User, now=None
) -> RecordOutcome:
    """Record the previewed report: matched people, and the rows the coordinator assigned by
    hand (``assignments``: report key → participant id). All or nothing."""
    report = read_preview(session, token)
    if report is None:
        return RecordOutcome.refused(STALE)
    preview = preview_meeting_report(session, report)
    minutes: dict[int, int] = {}
    for row in preview.matched:
        minutes[row.participant.pk] = max(minutes.get(row.participant.pk, 0), row.person.minutes)
    keys = {row.person.key: row.person for row in preview.unmatched}
    for key, participant_id in assignments.items():
        if key in keys and participant_id:
            person = keys[key]
            minutes[participant_id] = minutes.get(participant_id, 0) + person.minutes
    length = session_minutes(session)
    # Someone matched by email and also assigned a dial-in row by hand: at most the session.
    marks = [
        Mark(participant_id, AttendanceStatus.PRESENT, None if total >= length else total)
        for participant_id, total in minutes.items()
        if total > 0
    ]
    return record_attendance(session, marks, by=by, source=AttendanceSource.MEETING_REPORT, now=now)
