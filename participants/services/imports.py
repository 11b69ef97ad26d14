"""Importing participants from the spreadsheets partners send (CSV or XLSX, read by tablib,
the library django-import-export reads with).

Two steps, like every import here: ``preview_import`` reads and checks every row (bad email,
unknown cohort, duplicate, full cohort…) and writes nothing; ``apply_import`` writes, from the
signed preview, only if every row is valid, or only the valid rows when the coordinator asks
for that. New people get an account without a password and an email inviting them to set one
and accept the privacy notice; people who already have an account are simply enrolled and
told so. Every row is checked again when writing: the database may have changed meanwhile.
"""

import unicodedata
from dataclasses import dataclass, field

import tablib
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from lookingup.cache import participation_changed
from lookingup.outbox import queue_mail, wake
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, User
from programmes.enums import OrganisationKind
from programmes.models import Cohort, Organisation, Programme

from .notify import send_notice

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
PREVIEW_SALT = "participants.import"
PREVIEW_MAX_AGE = 2 * 60 * 60

# Column names understood, lower-cased and without accents, in the four languages.
COLUMNS = {
    "name": ["name", "full name", "nome", "nome e cognome", "nom", "nom complet", "nome completo"],
    "email": ["email", "e-mail", "email address", "indirizzo email", "courriel", "adresse e-mail"],
    "organisation": ["organisation", "organization", "organizzazione", "ente", "organizacao"],
    "country": ["country", "paese", "nazione", "pays", "pais"],
    "language": ["language", "lingua", "langue", "lingua preferita", "idioma"],
    "cohort": ["cohort", "group", "hub", "gruppo", "groupe", "grupo"],
}
REQUIRED = ["name", "email"]
# Language names as people write them in the four languages (English ones come from settings).
LANGUAGE_NAMES = {
    "italiano": "it",
    "italien": "it",
    "inglese": "en",
    "anglais": "en",
    "ingles": "en",
    "francese": "fr",
    "francais": "fr",
    "frances": "fr",
    "portoghese": "pt",
    "portugais": "pt",
    "portugues": "pt",
}

UNREADABLE = _(
    "This file could not be read as CSV or XLSX. Save the spreadsheet as “CSV UTF-8” or as "
    "an Excel workbook (.xlsx) and try again."
)
WRONG_ENCODING = _(
    "This CSV file is not in UTF-8 (accented letters would be garbled). In your spreadsheet, "
    "save it as “CSV UTF-8”, or as an Excel workbook (.xlsx)."
)
TOO_BIG = _("This file is too large (10 MB and 10,000 rows at most).")
MISSING_COLUMNS = _("Columns missing: %(columns)s. The first row must name the columns.")
NO_ROWS = _("The file has a header row but no people.")
STALE = _("This preview is too old or was changed: please upload the file again.")

BAD_EMAIL = _("“%(value)s” is not a valid email address.")
NO_NAME = _("The name is missing.")
BAD_COUNTRY = _("Unknown country “%(value)s” (use a name or a two-letter code such as IT).")
BAD_LANGUAGE = _("Unknown language “%(value)s” (it, en, fr or pt).")
UNKNOWN_COHORT = _("No group called “%(value)s” in this programme.")
CHOOSE_COHORT = _("The group is missing: this programme has several.")
DUPLICATE = _("The same email address is on line %(line)s.")
ALREADY = _("Already enrolled in this programme.")
COHORT_FULL = _("The group “%(value)s” is full.")
STAFF = _("This address belongs to a staff account: it is not imported.")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("_", " ").split())


@dataclass
class ImportRow:
    line: int
    name: str
    email: str
    organisation: str
    country: str
    language: str
    cohort: str
    cohort_id: int | None = None
    user_id: int | None = None  # an existing account with this email
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class ImportPreview:
    programme: Programme
    rows: list[ImportRow]
    problems: list[str]  # about the whole file
    token: str = ""

    @property
    def valid(self) -> list[ImportRow]:
        return [row for row in self.rows if row.ok]

    @property
    def invalid(self) -> list[ImportRow]:
        return [row for row in self.rows if not row.ok]


@dataclass(frozen=True)
class ImportOutcome:
    ok: bool
    message: str
    enrolled: int = 0
    accounts: int = 0


# --- Reading


def read_people(content: bytes, filename: str) -> tuple[list[dict], list[str]]:
    """The file's rows as dicts keyed by our column names, with their line numbers; or the
    problems that stop it being read at all."""
    if len(content) > MAX_BYTES:
        return [], [str(TOO_BIG)]
    is_xlsx = filename.lower().endswith(".xlsx") or content[:2] == b"PK"
    try:
        if is_xlsx:
            data = tablib.Dataset().load(content, format="xlsx")
        else:
            try:
                text = content.decode("utf-8-sig")
            except UnicodeDecodeError:
                return [], [str(WRONG_ENCODING)]
            delimiter = (
                ";"
                if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",")
                else ","
            )
            data = tablib.Dataset().load(text, format="csv", delimiter=delimiter)
    except Exception:  # noqa: BLE001 - tablib and openpyxl raise many kinds on bad files
        return [], [str(UNREADABLE)]
    if data.height > MAX_ROWS:
        return [], [str(TOO_BIG)]
    headers = {_plain(header): index for index, header in enumerate(data.headers or [])}
    columns = {}
    for name, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in headers:
                columns[name] = headers[alias]
                break
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        return [], [str(MISSING_COLUMNS % {"columns": ", ".join(missing)})]
    rows = []
    for number, values in enumerate(data, start=2):
        if not any(str(value or "").strip() for value in values):
            continue
        row = {
            name: " ".join(str(values[index] if values[index] is not None else "").split())
            for name, index in columns.items()
        }
        rows.append({"line": number, **{name: row.get(name, "") for name in COLUMNS}})
    if not rows:
        return [], [str(NO_ROWS)]
    return rows, []


# --- Checking


def _country(value: str) -> str | None:
    if not value:
        return ""
    if len(value) == 2 and value.upper() in dict(countries):
        return value.upper()
    for code, _name in settings.LANGUAGES:
        found = countries.by_name(value, language=code)
        if found:
            return found
    return None


def _language(value: str) -> str | None:
    if not value:
        return None
    codes = dict(settings.LANGUAGES)
    lowered = value.lower()
    if lowered[:2] in codes and (
        len(lowered) == 2 or lowered in {"it-it", "en-gb", "fr-fr", "pt-pt"}
    ):
        return lowered[:2]
    names = {_plain(str(name)): code for code, name in codes.items()}
    names |= {
        "italiano": "it",
        "inglese": "en",
        "english": "en",
        "francais": "fr",
        "portugues": "pt",
    }
    return names.get(_plain(value))


def check_rows(programme: Programme, raw_rows: list[dict]) -> list[ImportRow]:
    """Every row with its problems: a constant number of queries for any number of rows."""
    cohorts = list(programme.cohorts.all())
    by_name = {_plain(cohort.name): cohort for cohort in cohorts}
    taken = {
        row["cohort_id"]: row["n"]
        for row in Enrolment.objects.filter(programme=programme, status=Status.CONFIRMED)
        .values("cohort_id")
        .annotate(n=Count("pk"))
    }
    emails = {row["email"].lower() for row in raw_rows if row.get("email")}
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    enrolled = set(
        Enrolment.objects.filter(
            programme=programme, status__in=Status.active(), participant__email__in=emails
        ).values_list("participant__email", flat=True)
    )
    seen: dict[str, int] = {}
    rows = []
    for raw in raw_rows:
        email = raw.get("email", "").lower()
        row = ImportRow(
            line=raw["line"],
            name=raw.get("name", ""),
            email=email,
            organisation=raw.get("organisation", ""),
            country=raw.get("country", ""),
            language=raw.get("language", ""),
            cohort=raw.get("cohort", ""),
        )
        if not row.name:
            row.problems.append(str(NO_NAME))
        try:
            validate_email(email)
        except ValidationError:
            row.problems.append(str(BAD_EMAIL % {"value": raw.get("email", "")}))
        else:
            if email in seen:
                row.problems.append(str(DUPLICATE % {"line": seen[email]}))
            seen.setdefault(email, row.line)
            if email in enrolled:
                row.problems.append(str(ALREADY))
            if email in users:
                row.user_id = users[email].pk
                if users[email].is_staff:
                    row.problems.append(str(STAFF))
        country = _country(row.country)
        if country is None:
            row.problems.append(str(BAD_COUNTRY % {"value": row.country}))
        else:
            row.country = country
        if row.language and _language(row.language) is None:
            row.problems.append(str(BAD_LANGUAGE % {"value": row.language}))
        else:
            row.language = _language(row.language) or programme.original_language
        cohort = None
        if row.cohort:
            cohort = by_name.get(_plain(row.cohort))
            if cohort is None:
                row.problems.append(str(UNKNOWN_COHORT % {"value": row.cohort}))
        elif len(cohorts) > 1:
            row.problems.append(str(CHOOSE_COHORT))
        elif cohorts:
            cohort = cohorts[0]
        if cohort is not None:
            row.cohort_id, row.cohort = cohort.pk, cohort.name
            if row.ok:
                # Seats go to the rows in file order; a row beyond the capacity is refused.
                if cohort.capacity is not None and taken.get(cohort.pk, 0) >= cohort.capacity:
                    row.problems.append(str(COHORT_FULL % {"value": cohort.name}))
                else:
                    taken[cohort.pk] = taken.get(cohort.pk, 0) + 1
        rows.append(row)
    return rows


def preview_import(programme: Programme, content: bytes, filename: str) -> ImportPreview:
    raw_rows, problems = read_people(content, filename)
    rows = check_rows(programme, raw_rows) if raw_rows else []
    token = ""
    if rows:
        token = signing.dumps(
            {"programme": programme.pk, "rows": raw_rows}, salt=PREVIEW_SALT, compress=True
        )
    return ImportPreview(programme, rows, problems, token)


# --- Writing


def apply_import(
    programme: Programme, token: str, *, valid_only: bool, by: User, now=None
) -> ImportOutcome:
    """Enrol the previewed people (confirmed, in their cohort), creating the accounts that do
    not exist yet; all or nothing unless ``valid_only``."""
    try:
        payload = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:
        return ImportOutcome(False, str(STALE))
    if payload.get("programme") != programme.pk:
        return ImportOutcome(False, str(STALE))
    now = now or timezone.now()
    with transaction.atomic():
        # Seats are counted under the cohorts' row locks, as for any enrolment.
        list(Cohort.objects.select_for_update().filter(programme=programme))
        rows = check_rows(programme, payload["rows"])
        invalid = [row for row in rows if not row.ok]
        if invalid and not valid_only:
            message = ngettext(
                "Nothing imported: %(count)d row has a problem. Correct the file, or choose "
                "to import the valid rows only.",
                "Nothing imported: %(count)d rows have a problem. Correct the file, or choose "
                "to import the valid rows only.",
                len(invalid),
            ) % {"count": len(invalid)}
            return ImportOutcome(False, message)
        valid = [row for row in rows if row.ok]
        accounts = _create_accounts([row for row in valid if row.user_id is None], now=now)
        people = {
            user.email: user for user in User.objects.filter(email__in=[r.email for r in valid])
        }
        participation_changed()  # bulk writes send no signals
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                participant=people[row.email],
                programme=programme,
                cohort_id=row.cohort_id,
                status=Status.CONFIRMED,
                invited=True,
                decided_at=now,
                decided_by=by,
                organisation_kind=people[row.email].organisation_kind,
                country=people[row.email].country,
            )
            for row in valid
        )
        new = {user.pk for user in accounts}
        for enrolment in enrolments:
            if enrolment.participant_id in new:
                queue_mail(
                    "participant-invited",
                    to=enrolment.participant,
                    key=f"participant-invited:{enrolment.pk}",
                    context={"enrolment_id": enrolment.pk},
                    programme_id=programme.pk,
                    wake_now=False,
                )
            else:
                send_notice(enrolment, Status.CONFIRMED)
        transaction.on_commit(wake, robust=True)
    message = ngettext(
        "%(count)d person enrolled", "%(count)d people enrolled", len(enrolments)
    ) % {"count": len(enrolments)}
    message += ngettext(
        " (%(count)d new account, invited by email to set a password).",
        " (%(count)d new accounts, invited by email to set a password).",
        len(accounts),
    ) % {"count": len(accounts)}
    if invalid:
        message += " " + ngettext(
            "%(count)d row left out.", "%(count)d rows left out.", len(invalid)
        ) % {"count": len(invalid)}
    return ImportOutcome(True, message, enrolled=len(enrolments), accounts=len(accounts))


def _create_accounts(rows: list[ImportRow], *, now) -> list[User]:
    """Accounts without a password (they set one from the invitation), with the organisations
    named that do not exist yet. No privacy consent: they give it themselves."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    names = {row.organisation for row in rows if row.organisation}
    organisations = {org.name.lower(): org for org in Organisation.objects.filter(name__in=names)}
    missing = sorted({n for n in names if n.lower() not in organisations})
    for org in Organisation.objects.bulk_create(
        Organisation(name=name, kind=OrganisationKind.OTHER) for name in missing
    ):
        organisations[org.name.lower()] = org
    users = User.objects.bulk_create(
        User(
            email=row.email,
            full_name=row.name,
            password=make_password(None),
            organisation=organisations.get(row.organisation.lower()) if row.organisation else None,
            organisation_kind=(
                organisations[row.organisation.lower()].kind if row.organisation else ""
            ),
            country=row.country,
            preferred_language=row.language,
            date_joined=now,
        )
        for row in rows
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=False, primary=True) for user in users
    )
    return users
