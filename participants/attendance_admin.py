"""The coordinators' attendance pages in the admin: a session's register, its self check-in
screen (QR code and rotating code) and the import of a meeting tool's attendance report.

Mounted by ``AttendanceAdmin.get_urls``; each page fetches the session through the
coordinator's scope (404 for another programme's) and calls one service.
"""

from typing import NamedTuple

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import date
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from programmes.scope import scope_to_coordinator
from sessions_app.models import Session

from . import services
from .enums import AttendanceSource, AttendanceStatus
from .models import Attendance, User
from .services import check_in as check_in_service
from .services import meeting_reports

RECORD_PERMISSIONS = ["participants.add_attendance", "participants.change_attendance"]


class RegisterRow(NamedTuple):
    person: User
    recorded: Attendance | None
    html: str  # the table row


class RegisterForm(forms.Form):
    """One status and one minutes field per person taking part.

    The fields are made only for a submitted register, to check it; an empty one (the page
    as first shown) is rendered straight from what is recorded.
    """

    def __init__(self, *args, session, people, recorded, **kwargs):
        super().__init__(*args, **kwargs)
        self.session, self.people, self.recorded = session, people, recorded
        self.length = services.session_minutes(session)
        # Plain strings, translated once: lazy ones would be evaluated again for every row.
        self.choices = [
            ("", "–"),
            *((value, str(label)) for value, label in AttendanceStatus.choices),
        ]
        self.status_label = gettext("Attendance of %(name)s")
        self.minutes_label = gettext("Minutes attended by %(name)s")
        if not self.is_bound:
            return
        for person in people:
            row = recorded.get(person.pk)
            name = str(person)
            self.fields[f"status-{person.pk}"] = forms.ChoiceField(
                label=self.status_label % {"name": name},
                choices=self.choices,
                required=False,
                initial=row.status if row else "",
            )
            self.fields[f"minutes-{person.pk}"] = forms.IntegerField(
                label=self.minutes_label % {"name": name},
                min_value=0,
                max_value=self.length,
                required=False,
                initial=row.minutes if row else None,
                widget=forms.NumberInput(attrs={"class": "vIntegerField", "size": 4}),
            )

    def _values(self, person, row) -> tuple[str, object, list]:
        """The status and minutes shown in a row, and the row's errors."""
        if not self.is_bound:
            return (row.status if row else ""), (row.minutes if row else None), []
        status, minutes = self[f"status-{person.pk}"], self[f"minutes-{person.pk}"]
        return str(status.value() or ""), minutes.value(), [*status.errors, *minutes.errors]

    def rows(self):
        """A ``RegisterRow`` for each person.

        Each row is built here as HTML, escaped, rather than through the widgets' templates
        and the template language: for hundreds of people those would be most of the page's
        time. The ids and names are those Django gives the fields.
        """
        sources = {value: str(label) for value, label in AttendanceSource.choices}
        options = [
            (value, format_html('<option value="{}">{}</option>', value, label))
            for value, label in self.choices
        ]
        selected = {
            value: format_html('<option value="{}" selected>{}</option>', value, label)
            for value, label in self.choices
        }
        for person in self.people:
            row = self.recorded.get(person.pk)
            current, minutes, errors = self._values(person, row)
            name = str(person)
            status_id, minutes_id = f"status-{person.pk}", f"minutes-{person.pk}"
            select = format_html(
                '<label class="visually-hidden" for="id_{id}">{label}</label>'
                '<select name="{id}" id="id_{id}">{options}</select>',
                id=status_id,
                label=self.status_label % {"name": name},
                options=mark_safe(  # noqa: S308 - built from format_html above
                    "".join(
                        selected[value] if value == current else html for value, html in options
                    )
                ),
            )
            number = format_html(
                '<label class="visually-hidden" for="id_{id}">{label}</label>'
                '<input type="number" name="{id}" id="id_{id}" value="{value}" min="0" '
                'max="{max}" class="vIntegerField" size="4">',
                id=minutes_id,
                label=self.minutes_label % {"name": name},
                value="" if minutes is None else minutes,
                max=self.length,
            )
            error_list = (
                format_html(
                    '<ul class="errorlist">{}</ul>',
                    format_html_join("", "<li>{}</li>", ((error,) for error in errors)),
                )
                if errors
                else ""
            )
            recorded_text = ""
            if row:
                recorded_text = format_html(
                    "{}{}<br>{}",
                    sources.get(row.source, row.source),
                    f", {row.recorded_by}" if row.recorded_by_id else "",
                    date(timezone.template_localtime(row.recorded_at), "SHORT_DATETIME_FORMAT"),
                )
            html = format_html(
                '<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td>'
                "<td>{}</td></tr>",
                person.full_name or person.email,
                person.email,
                str(person.organisation) if person.organisation_id else "",
                error_list,
                select,
                number,
                recorded_text,
            )
            yield RegisterRow(person, row, html)

    def marks(self, *, others_present: bool) -> list[services.Mark]:
        """What to record: every row with a status; with ``others_present``, everyone left
        without one is present."""
        marks = []
        for person in self.people:
            status = self.cleaned_data.get(f"status-{person.pk}") or ""
            minutes = self.cleaned_data.get(f"minutes-{person.pk}")
            if not status and others_present:
                status, minutes = AttendanceStatus.PRESENT, None
            if status:
                marks.append(services.Mark(person.pk, status, minutes))
        return marks


class MeetingReportForm(forms.Form):
    report = forms.FileField(
        label=_("Attendance report (CSV)"),
        help_text=_(
            "The attendance export of Zoom, Microsoft Teams, Jitsi or BigBlueButton, as it "
            "was downloaded."
        ),
    )


def urls(model_admin) -> list:
    site = model_admin.admin_site
    return [
        path(
            "register/<int:session_id>/",
            site.admin_view(
                lambda request, session_id: register_view(model_admin, request, session_id)
            ),
            name="participants_attendance_register",
        ),
        path(
            "check-in/<int:session_id>/",
            site.admin_view(
                lambda request, session_id: check_in_view(model_admin, request, session_id)
            ),
            name="participants_attendance_check_in",
        ),
        path(
            "report/<int:programme_id>/",
            site.admin_view(
                lambda request, programme_id: report_view(model_admin, request, programme_id)
            ),
            name="participants_attendance_report",
        ),
        path(
            "import/<int:session_id>/",
            site.admin_view(
                lambda request, session_id: import_view(model_admin, request, session_id)
            ),
            name="participants_attendance_import",
        ),
    ]


def _session(request, session_id: int) -> Session:
    if not request.user.has_perms(RECORD_PERMISSIONS):
        raise PermissionDenied
    sessions = scope_to_coordinator(Session.objects.select_related("programme"), request.user)
    return get_object_or_404(sessions, pk=session_id)


def _context(model_admin, request, session, title, **extra) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "session": session,
        "register_url": reverse("admin:participants_attendance_register", args=[session.pk]),
        "check_in_url": reverse("admin:participants_attendance_check_in", args=[session.pk]),
        "import_url": reverse("admin:participants_attendance_import", args=[session.pk]),
        **extra,
    }


def _message(request, outcome) -> None:
    level = {"success": messages.SUCCESS, "warning": messages.WARNING}.get(
        outcome.level, messages.ERROR
    )
    messages.add_message(request, level, outcome.message)


def register_view(model_admin, request, session_id: int):
    """The register: everyone taking part, one row each; saved in one request."""
    session = _session(request, session_id)
    people = list(
        services.participants_of(session)
        .select_related("organisation")
        .only("pk", "full_name", "email", "organisation__name")
        .order_by("full_name", "email")
    )
    recorded = {
        row.participant_id: row
        for row in Attendance.objects.filter(
            session=session, participant__isnull=False
        ).select_related("recorded_by")
    }
    form = RegisterForm(request.POST or None, session=session, people=people, recorded=recorded)
    if request.method == "POST" and form.is_valid():
        marks = form.marks(others_present="others_present" in request.POST)
        outcome = services.record_attendance(session, marks, by=request.user)
        _message(request, outcome)
        if outcome.ok:
            return redirect(request.path)
    summary = dict.fromkeys(AttendanceStatus.values, 0)
    for row in recorded.values():
        summary[row.status] += 1
    context = _context(
        model_admin,
        request,
        session,
        _("Register: %(session)s") % {"session": session.title},
        form=form,
        people_count=len(people),
        recorded_count=len(recorded),
        summary=[(label, summary[value]) for value, label in AttendanceStatus.choices],
        opens_at=services.attendance.register_opens_at(session),
        now=timezone.now(),
    )
    return TemplateResponse(request, "admin/participants/attendance/register.html", context)


def check_in_view(model_admin, request, session_id: int):
    """The screen shown at the venue: the code and its QR, refreshed when the code changes."""
    import segno

    session = _session(request, session_id)
    code = check_in_service.check_in_code(session)
    link = request.build_absolute_uri(
        reverse("participants:check_in", args=[session.pk]) + f"?code={code}"
    )
    qr = segno.make(link, error="m")
    checked_in = Attendance.objects.filter(
        session=session, status__in=AttendanceStatus.attended()
    ).count()
    context = _context(
        model_admin,
        request,
        session,
        _("Check-in: %(session)s") % {"session": session.title},
        code=code,
        link=link,
        qr_svg=qr.svg_inline(scale=8, dark="#000", light="#fff", title=str(_("Check-in QR code"))),
        refresh=check_in_service.seconds_to_next_code(),
        is_open=check_in_service.is_check_in_open(session),
        checked_in=checked_in,
    )
    return TemplateResponse(request, "admin/participants/attendance/check_in.html", context)


def import_view(model_admin, request, session_id: int):
    """Upload a meeting report, see who matched and assign the rest; nothing is written
    until the preview is confirmed."""
    session = _session(request, session_id)
    preview = None
    if request.method == "POST" and "confirm" in request.POST:
        report = meeting_reports.read_preview(session, request.POST.get("token", ""))
        if report is None:
            messages.error(request, meeting_reports.STALE)
            return redirect(request.path)
        keys = {str(index): person.key for index, person in enumerate(report.people)}
        assignments = {}
        for name, value in request.POST.items():
            if name.startswith("assign-") and value.isdigit():
                key = keys.get(name.removeprefix("assign-"))
                if key is not None:
                    assignments[key] = int(value)
        outcome = meeting_reports.apply_meeting_report(
            session, request.POST["token"], assignments, by=request.user
        )
        _message(request, outcome)
        if outcome.ok:
            return redirect(reverse("admin:participants_attendance_register", args=[session.pk]))
        form = MeetingReportForm()
    else:
        form = MeetingReportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            report = meeting_reports.read_meeting_report(
                form.cleaned_data["report"].read(), session
            )
            preview = meeting_reports.preview_meeting_report(session, report)
            index = {person.key: str(i) for i, person in enumerate(report.people)}
            for row in preview.unmatched:
                row.index = index[row.person.key]
    context = _context(
        model_admin,
        request,
        session,
        _("Import a meeting report: %(session)s") % {"session": session.title},
        form=form,
        preview=preview,
        session_minutes=services.session_minutes(session),
    )
    return TemplateResponse(request, "admin/participants/attendance/import.html", context)


# --- The funder report


def report_view(model_admin, request, programme_id: int):
    """The funder report of a programme (or one cohort): a page, and CSV, XLSX and PDF
    downloads, in the language the coordinator reads the administration in."""
    from programmes.models import Programme

    from . import report_files
    from .services import reports

    if not request.user.has_perm("participants.view_attendance"):
        raise PermissionDenied
    programme = get_object_or_404(
        scope_to_coordinator(Programme.objects.all(), request.user), pk=programme_id
    )
    cohort = None
    if request.GET.get("cohort", "").isdigit():
        cohort = get_object_or_404(programme.cohorts.all(), pk=request.GET["cohort"])
    report = reports.cached_funder_report(programme, cohort=cohort)
    file_format = request.GET.get("format", "")
    if file_format in report_files.FORMATS:
        return report_files.download(report, file_format)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Funder report: %(programme)s") % {"programme": programme.title},
        "report": report,
        # The tables, rendered once for as long as the report is current.
        "tables_seconds": max(int((report.fresh_until - timezone.now()).total_seconds()), 0),
        "cohorts": list(programme.cohorts.all()),
        "formats": report_files.FORMATS,
    }
    return TemplateResponse(request, "admin/participants/attendance/report.html", context)
