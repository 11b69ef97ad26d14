"""The funder report as files: CSV, XLSX (tablib) and PDF (WeasyPrint, imported only here).

Rendered in the active language: the one the coordinator reads the administration in.
"""

import tablib
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .services.reports import Counts, FunderReport

FORMATS = ["csv", "xlsx", "pdf"]
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _count_headers(first: str) -> list[str]:
    return [
        first,
        _("Enrolled"),
        _("Confirmed"),
        _("Attended at least one session"),
        _("Eligible for a certificate"),
        _("Hours attended"),
    ]


def _count_row(label: str, counts: Counts) -> list:
    return [
        label,
        counts.enrolled,
        counts.confirmed,
        counts.attended,
        counts.eligible,
        str(counts.hours_attended),
    ]


def sheets(report: FunderReport) -> list[tablib.Dataset]:
    """The report's tables, each a titled dataset."""
    summary = tablib.Dataset(headers=[_("Figure"), _("Value")], title=_("Summary"))
    summary.extend(
        [
            [_("Programme"), str(report.programme.title)],
            [_("Group"), str(report.cohort.name) if report.cohort else _("All groups")],
            [_("Funder"), str(report.programme.funder or "")],
            [_("Funding line"), str(report.programme.funding_line)],
            [
                _("Generated"),
                formats.date_format(timezone.localtime(report.generated_at), "DATETIME_FORMAT"),
            ],
            [_("Sessions held"), len(report.sessions)],
            [_("Hours delivered"), str(report.hours_delivered)],
            *_summary_rows(report),
        ]
    )
    tables = [summary]
    for title, first, groups in report.breakdowns:
        data = tablib.Dataset(headers=_count_headers(first), title=title)
        for label, counts in groups:
            data.append(_count_row(label, counts))
        tables.append(data)
    sessions = tablib.Dataset(
        headers=[
            _("Session"),
            _("Starts"),
            _("Expected"),
            _("Attended"),
            _("Attendance rate"),
            _("Hours attended"),
        ],
        title=_("Sessions"),
    )
    for line in report.sessions:
        sessions.append(
            [
                str(line.session.title),
                timezone.localtime(line.session.starts_at, line.session.zone).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                line.expected,
                line.attended,
                "" if line.rate is None else f"{line.rate * 100:.0f}%",
                str(line.hours),
            ]
        )
    tables.append(sessions)
    return tables


def _summary_rows(report: FunderReport) -> list[list]:
    totals = report.totals
    return [
        [_("Enrolled"), totals.enrolled],
        [_("Confirmed"), totals.confirmed],
        [_("Attended at least one session"), totals.attended],
        [_("Eligible for a certificate"), totals.eligible],
        [_("Hours attended"), str(totals.hours_attended)],
    ]


def download(report: FunderReport, file_format: str) -> HttpResponse:
    tables = sheets(report)
    if file_format == "xlsx":
        content = tablib.Databook(tables).export("xlsx")
    elif file_format == "csv":
        parts = []
        for table in tables:
            parts.append(f"# {table.title}\r\n" + table.export("csv"))
        content = "\ufeff" + "\r\n".join(parts)
    else:
        content = pdf(report)
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    name = slugify(report.programme.slug + (f"-{report.cohort.name}" if report.cohort else ""))
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="report-{name}-{stamp}.{file_format}"'
    return response


def pdf(report: FunderReport) -> bytes:
    from weasyprint import HTML  # Pango and friends: only in the process that makes a PDF

    context = {"report": report, "LANGUAGE_CODE": get_language()}
    html = render_to_string("participants/report_pdf.html", context)
    return HTML(string=html).write_pdf()
