"""Tables of enrolments, registrations and attendance for coordinators' spreadsheets
(tablib writes them as CSV or XLSX). One query each, whatever the number of rows."""

import tablib
from django.utils import timezone
from django.utils.translation import gettext as _

from participants.enums import (
    AttendanceSource,
    AttendanceStatus,
    EnrolmentStatus,
    ParticipantRole,
)
from programmes.enums import OrganisationKind


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _person_columns() -> list[str]:
    return [
        _("Name"),
        _("Email"),
        _("Organisation"),
        _("Organisation type"),
        _("Role"),
        _("Country"),
        _("Language"),
    ]


def _person(entry) -> list:
    person = entry.participant
    kinds, roles = dict(OrganisationKind.choices), dict(ParticipantRole.choices)
    if person is None:  # a deleted account: only the anonymous counts remain
        return [
            _("deleted account"),
            "",
            "",
            str(kinds.get(entry.organisation_kind, "")),
            "",
            str(entry.country.code or ""),
            "",
        ]
    return [
        person.full_name,
        person.email,
        person.organisation.name if person.organisation else "",
        str(kinds.get(person.organisation_kind, "")),
        str(roles.get(person.role, "")),
        str(person.country.code or ""),
        person.preferred_language,
    ]


def enrolments_table(queryset) -> tablib.Dataset:
    statuses = dict(EnrolmentStatus.choices)
    data = tablib.Dataset(
        headers=[
            *_person_columns(),
            _("Programme"),
            _("Group"),
            _("Status"),
            _("Waiting since"),
            _("By invitation"),
            _("Created"),
        ]
    )
    rows = queryset.select_related("participant__organisation", "programme", "cohort").order_by(
        "programme_id", "cohort_id", "created_at", "pk"
    )
    for entry in rows:
        data.append(
            [
                *_person(entry),
                str(entry.programme),
                entry.cohort.name if entry.cohort else "",
                str(statuses.get(entry.status, entry.status)),
                _when(entry.queued_at),
                _("yes") if entry.invited else _("no"),
                _when(entry.created_at),
            ]
        )
    return data


def registrations_table(queryset) -> tablib.Dataset:
    statuses = dict(EnrolmentStatus.choices)
    data = tablib.Dataset(
        headers=[*_person_columns(), _("Session"), _("Starts"), _("Status"), _("Created")]
    )
    rows = queryset.select_related("participant__organisation", "session").order_by(
        "session__starts_at", "session_id", "created_at", "pk"
    )
    for entry in rows:
        data.append(
            [
                *_person(entry),
                str(entry.session),
                _when(entry.session.starts_at),
                str(statuses.get(entry.status, entry.status)),
                _when(entry.created_at),
            ]
        )
    return data


def attendance_table(queryset) -> tablib.Dataset:
    statuses, sources = dict(AttendanceStatus.choices), dict(AttendanceSource.choices)
    data = tablib.Dataset(
        headers=[
            _("Session"),
            _("Starts"),
            _("Name"),
            _("Email"),
            _("Attendance"),
            _("Minutes"),
            _("Recorded through"),
            _("Recorded by"),
            _("Recorded at"),
        ]
    )
    rows = queryset.select_related("session", "participant", "recorded_by").order_by(
        "session__starts_at", "session_id", "pk"
    )
    for row in rows:
        data.append(
            [
                str(row.session),
                _when(row.session.starts_at),
                row.participant.full_name if row.participant else _("deleted account"),
                row.participant.email if row.participant else "",
                str(statuses.get(row.status, row.status)),
                "" if row.minutes is None else row.minutes,
                str(sources.get(row.source, row.source)),
                str(row.recorded_by or ""),
                _when(row.recorded_at),
            ]
        )
    return data


TABLES = {
    "enrolments": enrolments_table,
    "registrations": registrations_table,
    "attendance": attendance_table,
}
