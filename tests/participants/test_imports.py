"""Importing participants from CSV and XLSX: preview first, problems listed, nothing written
until confirmed (and never when a row is bad, unless only the valid rows are asked for)."""

import io
import re

import openpyxl
import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from participants.models import Enrolment, User
from participants.services import imports
from programmes.services import ensure_coordinators_group
from tests.factories import CohortFactory, EnrolmentFactory, ParticipantFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

IMPORT = "admin:participants_enrolment_import"
HEADER = "name,email,organisation,country,language,cohort\n"


@pytest.fixture
def reti(coordinator):
    """Reti solidali e competenti with its three hubs (the south one has two seats)."""
    coordinator.groups.add(ensure_coordinators_group())
    programme = ProgrammeFactory(title="Reti solidali e competenti", original_language="it")
    programme.coordinators.add(coordinator)
    for name, capacity in [("Hub Nord", None), ("Hub Centro", None), ("Hub Sud", 2)]:
        CohortFactory(programme=programme, name=name, capacity=capacity)
    return programme


def csv_file(text: str, encoding="utf-8") -> bytes:
    return (HEADER + text).encode(encoding)


def test_preview_reads_rows_and_writes_nothing(reti):
    content = csv_file(
        "Giulia Bianchi,Giulia@Example.org,Cooperativa Il Sentiero,Italia,italiano,hub nord\n"
        "Ana Sousa,ana@example.pt,Casa do Impacto,PT,pt,Hub Centro\n"
    )

    preview = imports.preview_import(reti, content, "people.csv")

    assert preview.problems == []
    assert [(r.name, r.email, r.country, r.language, r.cohort) for r in preview.rows] == [
        ("Giulia Bianchi", "giulia@example.org", "IT", "it", "Hub Nord"),
        ("Ana Sousa", "ana@example.pt", "PT", "pt", "Hub Centro"),
    ]
    assert not User.objects.filter(email="ana@example.pt").exists()
    assert not Enrolment.objects.exists()


def test_preview_lists_each_rows_problems(reti):
    EnrolmentFactory(programme=reti, participant__email="already@example.org")
    EnrolmentFactory(programme=reti, cohort=reti.cohorts.get(name="Hub Sud"))
    content = csv_file(
        "Bad Email,not-an-email,,IT,it,Hub Nord\n"
        "Nowhere,nowhere@example.org,,IT,it,Hub Ovest\n"
        "Twice,twice@example.org,,IT,it,Hub Nord\n"
        "Twice Again,TWICE@example.org,,IT,it,Hub Nord\n"
        "Already,already@example.org,,IT,it,Hub Nord\n"
        "South One,south1@example.org,,IT,it,Hub Sud\n"
        "South Two,south2@example.org,,IT,it,Hub Sud\n"
        "No Group,nogroup@example.org,,Atlantis,klingon,\n"
    )

    rows = imports.preview_import(reti, content, "people.csv").rows

    problems = {row.name: row.problems for row in rows}
    assert problems["Bad Email"] == ["“not-an-email” is not a valid email address."]
    assert problems["Nowhere"] == ["No group called “Hub Ovest” in this programme."]
    assert problems["Twice"] == []
    assert problems["Twice Again"] == ["The same email address is on line 4."]
    assert problems["Already"] == ["Already enrolled in this programme."]
    assert problems["South One"] == []
    assert problems["South Two"] == ["The group “Hub Sud” is full."]
    assert problems["No Group"] == [
        "Unknown country “Atlantis” (use a name or a two-letter code such as IT).",
        "Unknown language “klingon” (it, en, fr or pt).",
        "The group is missing: this programme has several.",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            csv_file("Zoé Lefèvre,zoe@example.org,,FR,fr,Hub Nord\n", "cp1252"),
            imports.WRONG_ENCODING,
        ),
        (
            b"nome,organisation\nGiulia,Legacoop\n",
            "Columns missing: email. The first row must name the columns.",
        ),
        (b"name,email\n", imports.NO_ROWS),
        (b"PK\x03\x04 not really a workbook", imports.UNREADABLE),
    ],
)
def test_preview_of_a_malformed_file_says_why(reti, content, message):
    preview = imports.preview_import(reti, content, "people.csv")

    assert preview.problems == [str(message)]
    assert preview.rows == []
    assert User.objects.count() == 1  # the coordinator only


def test_apply_writes_nothing_when_a_row_is_bad_unless_asked(reti, coordinator):
    content = csv_file("Good,good@example.org,,IT,it,Hub Nord\nBad,bad@,,IT,it,Hub Nord\n")
    token = imports.preview_import(reti, content, "people.csv").token

    refused = imports.apply_import(reti, token, valid_only=False, by=coordinator)
    partial = imports.apply_import(reti, token, valid_only=True, by=coordinator)

    assert refused.message.startswith("Nothing imported: 1 row has a problem.")
    assert partial.ok
    assert partial.message == (
        "1 person enrolled (1 new account, invited by email to set a password). 1 row left out."
    )
    assert list(Enrolment.objects.values_list("participant__email", "status")) == [
        ("good@example.org", "confirmed")
    ]


def test_apply_refuses_a_tampered_or_foreign_preview(reti, coordinator):
    token = imports.preview_import(
        reti, csv_file("A,a@example.org,,IT,it,Hub Nord\n"), "a.csv"
    ).token

    assert not imports.apply_import(reti, token + "x", valid_only=False, by=coordinator).ok
    assert not imports.apply_import(ProgrammeFactory(), token, valid_only=False, by=coordinator).ok
    assert not Enrolment.objects.exists()


def test_import_page_preview_then_confirm_invites_new_people(
    client, coordinator, reti, mailoutbox, django_capture_on_commit_callbacks
):
    existing = ParticipantFactory(email="marta@example.org", preferred_language="it")
    client.force_login(coordinator)
    content = csv_file(
        "Zoé Lefèvre,zoe@example.org,SOS Group,FR,fr,Hub Nord\n"
        "Marta Leoni,marta@example.org,,IT,it,Hub Centro\n"
    )

    preview = client.post(
        reverse(IMPORT),
        {"programme": reti.pk, "file": SimpleUploadedFile("people.csv", content)},
    )
    assert preview.status_code == 200
    assert "2 rows read, 2 ready to import." in preview.content.decode()
    assert not Enrolment.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            reverse(IMPORT),
            {"confirm": "1", "programme": reti.pk, "token": preview.context["preview"].token},
        )

    assert done.status_code == 302
    zoe = User.objects.get(email="zoe@example.org")
    assert (zoe.full_name, zoe.preferred_language, zoe.country.code) == ("Zoé Lefèvre", "fr", "FR")
    assert zoe.organisation.name == "SOS Group"
    assert not zoe.has_usable_password()
    assert not zoe.has_current_consent
    assert Enrolment.objects.get(participant=existing).cohort.name == "Hub Centro"
    invitation = next(m for m in mailoutbox if m.to == ["zoe@example.org"])
    assert "Reti solidali e competenti" in invitation.subject
    assert "/fr/accounts/password/reset/key/" in invitation.body
    assert any(m.to == ["marta@example.org"] for m in mailoutbox)  # enrolment confirmed


def test_invitation_link_sets_the_password_and_verifies_the_address(
    client, coordinator, reti, mailoutbox, django_capture_on_commit_callbacks
):
    token = imports.preview_import(
        reti, csv_file("Zoé,zoe@example.org,,FR,fr,Hub Nord\n"), "a.csv"
    ).token
    with django_capture_on_commit_callbacks(execute=True):
        imports.apply_import(reti, token, valid_only=False, by=coordinator)
    link = re.search(r"http://\S+/password/reset/key/\S+/", mailoutbox[-1].body).group(0)

    form_page = client.get(link.split("http://127.0.0.1:8000", 1)[-1], follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": "Solidarity-economy-2025", "password2": "Solidarity-economy-2025"},
    )

    zoe = User.objects.get(email="zoe@example.org")
    assert zoe.check_password("Solidarity-economy-2025")
    assert EmailAddress.objects.get(user=zoe).verified


def test_import_reads_xlsx(reti):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Nome", "E-mail", "Organizzazione", "Paese", "Lingua", "Gruppo"])
    sheet.append(["Giulia Bianchi", "giulia@example.org", "Legacoopsociali", "IT", "it", "Hub Sud"])
    buffer = io.BytesIO()
    workbook.save(buffer)

    preview = imports.preview_import(reti, buffer.getvalue(), "people.xlsx")

    assert preview.problems == []
    assert [(r.email, r.cohort) for r in preview.rows] == [("giulia@example.org", "Hub Sud")]


def test_import_page_refuses_another_programme(client, coordinator, reti, charlie):
    client.force_login(coordinator)
    other = charlie.coordinated_programmes.get()

    response = client.post(
        reverse(IMPORT),
        {
            "programme": other.pk,
            "file": SimpleUploadedFile("p.csv", csv_file("A,a@example.org,,,,\n")),
        },
    )
    confirm = client.post(reverse(IMPORT), {"confirm": "1", "programme": other.pk, "token": "x"})

    assert "Select a valid choice" in response.content.decode()
    assert confirm.status_code == 404
