"""Coordinators issue, revoke and re-issue their own programmes' certificates; nobody else's."""

import io
import zipfile

import pytest
from django.contrib.admin import helpers
from django.contrib.auth.models import Group

from certificates import services
from certificates.enums import BatchStatus
from certificates.models import Certificate, CertificateBatch
from programmes.services import COORDINATORS_GROUP
from tests.admin_helpers import admin_url
from tests.certificates.factories import CertificateFactory
from tests.factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dana(coordinator, looking_up):
    """Dana coordinates LOOKING UP."""
    coordinator.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    return coordinator


@pytest.fixture
def other_coordinator(charlie):
    """Charlie coordinates Reti solidali e competenti, not LOOKING UP."""
    charlie.groups.add(Group.objects.get(name=COORDINATORS_GROUP))
    return charlie


@pytest.fixture
def certificate(marta_attended, marta, looking_up):
    return services.issue_certificate(looking_up, marta).certificate


@pytest.fixture
def cohort_attended(attendance, looking_up, hub, looking_up_sessions, marta_attended):
    """Marta, two more eligible people, one below the rule, one without a name."""
    people = []
    for name in ["Giulia Bianchi", "Ana Sousa", "Pierre Martin", ""]:
        person = ParticipantFactory(full_name=name)
        EnrolmentFactory(participant=person, programme=looking_up, cohort=hub)
        people.append(person)
    for person in people[:2] + people[3:]:
        attendance.attend(person, looking_up, looking_up_sessions)
    attendance.attend(people[2], looking_up, looking_up_sessions[:1])
    return people


def test_coordinator_starts_a_batch_and_reads_its_summary(
    client, dana, looking_up, hub, cohort_attended, marta, django_capture_on_commit_callbacks
):
    services.issue_certificate(looking_up, marta)  # already issued before the batch
    client.force_login(dana)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_url("certificates_certificatebatch_add"),
            {"programme": looking_up.pk, "cohort": hub.pk},
        )
    response = client.get(response["Location"])

    batch = CertificateBatch.objects.get()
    page = response.content.decode()
    assert batch.status == BatchStatus.DONE
    assert (batch.total, batch.issued, batch.already_issued) == (5, 2, 1)
    assert (batch.not_eligible, batch.failed) == (1, 1)
    assert "Issuing has started." in page
    assert "5 of 5 people processed" in page
    assert "Download all the PDFs (zip)" in page
    assert 'http-equiv="refresh"' not in page


def test_batch_zip_holds_every_valid_pdf(
    client, dana, looking_up, hub, cohort_attended, django_capture_on_commit_callbacks
):
    client.force_login(dana)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_url("certificates_certificatebatch_add"), {"programme": looking_up.pk})
    batch = CertificateBatch.objects.get()

    response = client.get(admin_url("certificates_certificatebatch_zip", batch.pk))

    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = sorted(archive.namelist())
    assert len(names) == 3
    assert names[0].startswith("ana-sousa-")
    assert archive.read(names[0]).startswith(b"%PDF-")


def test_running_batch_page_refreshes_itself(client, dana, looking_up):
    batch = CertificateBatch.objects.create(
        programme=looking_up, status=BatchStatus.RUNNING, total=2160, processed=120
    )
    client.force_login(dana)

    page = client.get(admin_url("certificates_certificatebatch_change", batch.pk)).content.decode()

    assert '<meta http-equiv="refresh" content="3">' in page
    assert "120 of 2160 people processed" in page


def test_other_coordinator_cannot_see_start_or_download_a_batch(
    client, other_coordinator, looking_up, hub
):
    batch = CertificateBatch.objects.create(programme=looking_up, status=BatchStatus.DONE)
    client.force_login(other_coordinator)

    add = client.post(admin_url("certificates_certificatebatch_add"), {"programme": looking_up.pk})

    assert add.status_code == 200  # the form refuses a programme that is not theirs
    assert CertificateBatch.objects.count() == 1
    assert (
        client.get(admin_url("certificates_certificatebatch_change", batch.pk)).status_code == 404
    )
    assert client.get(admin_url("certificates_certificatebatch_zip", batch.pk)).status_code == 404


def test_batch_refuses_a_cohort_of_another_programme(client, dana, looking_up, other_coordinator):
    from tests.factories import CohortFactory

    client.force_login(dana)
    foreign = CohortFactory(name="Hub sud")
    foreign.programme.coordinators.add(dana)

    response = client.post(
        admin_url("certificates_certificatebatch_add"),
        {"programme": looking_up.pk, "cohort": foreign.pk},
    )

    assert "This group belongs to another programme." in response.content.decode()
    assert CertificateBatch.objects.count() == 0


def test_coordinator_revokes_with_a_reason(client, dana, certificate):
    client.force_login(dana)
    url = admin_url("certificates_certificate_changelist")
    selection = {"action": "revoke", helpers.ACTION_CHECKBOX_NAME: [certificate.pk]}

    asked = client.post(url, selection)
    done = client.post(url, {**selection, "apply": "1", "reason": "Attendance was mistyped"})

    certificate.refresh_from_db()
    assert (
        "Anyone who checks these certificates will be told they are revoked."
        in asked.content.decode()
    )
    assert done.status_code == 302
    assert certificate.status == "revoked"
    assert certificate.revocation_reason == "Attendance was mistyped"
    assert certificate.revoked_by == dana


def test_revoke_without_a_reason_asks_again(client, dana, certificate):
    client.force_login(dana)

    response = client.post(
        admin_url("certificates_certificate_changelist"),
        {"action": "revoke", helpers.ACTION_CHECKBOX_NAME: [certificate.pk], "apply": "1"},
    )

    certificate.refresh_from_db()
    assert "This field is required." in response.content.decode()
    assert certificate.is_valid


def test_coordinator_reissues(
    client, dana, certificate, attendance, marta, looking_up, looking_up_sessions
):
    looking_up.certificate_min_hours = 8
    looking_up.save()
    attendance.attend(marta, looking_up, looking_up_sessions[:1], minutes=150)
    client.force_login(dana)

    response = client.post(
        admin_url("certificates_certificate_changelist"),
        {"action": "reissue", helpers.ACTION_CHECKBOX_NAME: [certificate.pk]},
        follow=True,
    )

    assert (
        "A new certificate replaces the previous one for Marta Ferreira."
        in response.content.decode()
    )
    assert Certificate.objects.valid().get().replaces == certificate


def test_other_coordinator_sees_none_and_cannot_act(client, other_coordinator, certificate):
    client.force_login(other_coordinator)

    listing = client.get(admin_url("certificates_certificate_changelist"))
    client.post(
        admin_url("certificates_certificate_changelist"),
        {
            "action": "revoke",
            helpers.ACTION_CHECKBOX_NAME: [certificate.pk],
            "apply": "1",
            "reason": "Not mine",
        },
    )

    certificate.refresh_from_db()
    assert "Marta Ferreira" not in listing.content.decode()
    assert certificate.is_valid
    assert (
        client.get(admin_url("certificates_certificate_change", certificate.pk)).status_code == 404
    )
    assert client.get(admin_url("certificates_certificate_pdf", certificate.pk)).status_code == 404


def test_coordinator_downloads_the_issued_pdf(client, dana, certificate):
    client.force_login(dana)

    response = client.get(admin_url("certificates_certificate_pdf", certificate.pk))

    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_certificate_change_page_renders_its_history(client, dana, certificate):
    client.force_login(dana)

    page = client.get(admin_url("certificates_certificate_change", certificate.pk)).content.decode()

    assert certificate.display_code in page
    assert "Download the issued PDF" in page


def test_participant_cannot_reach_the_admin(client, marta, certificate):
    client.force_login(marta)

    response = client.get(admin_url("certificates_certificate_changelist"))

    assert response.status_code == 302


def _changelist_queries(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = admin_url("certificates_certificate_changelist")
    client.get(url)  # warm the per-process caches (content types, permissions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_certificate_changelist_queries_do_not_grow_with_rows(client, dana, looking_up):
    client.force_login(dana)
    CertificateFactory(programme=looking_up)
    one = _changelist_queries(client)

    CertificateFactory.create_batch(40, programme=looking_up)

    assert _changelist_queries(client) == one


def png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 12), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _design_form(programme, **fields) -> dict:
    return {
        "programme": programme.pk,
        "signatory_name": "Jason Nardi",
        "signatory_role_en": "Coordinator, Solidarius Italia",
        "show_partner_logos": "on",
        "funder_notice": "erasmus_plus",
        **fields,
    }


def test_coordinator_sets_the_design_with_a_signature(client, dana, looking_up, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from certificates.models import CertificateDesign

    client.force_login(dana)
    signature = SimpleUploadedFile("firma.png", png(), "image/png")

    response = client.post(
        admin_url("certificates_certificatedesign_add"),
        _design_form(looking_up, signature=signature),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    design = CertificateDesign.objects.get()
    # A random storage name: never the uploader's file name.
    assert design.signature.name.startswith("signatures/")
    assert "firma" not in design.signature.name
    assert design.funder_notice == "erasmus_plus"


def test_design_refuses_a_signature_that_is_not_an_image(client, dana, looking_up):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(dana)
    script = SimpleUploadedFile("firma.svg", b"<svg onload='alert(1)'/>", "image/svg+xml")

    response = client.post(
        admin_url("certificates_certificatedesign_add"), _design_form(looking_up, signature=script)
    )

    assert response.status_code == 200
    assert "signature" in response.context["adminform"].form.errors


def test_design_refuses_a_web_page_disguised_as_a_png(client, dana, looking_up):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.files import HTML

    client.force_login(dana)
    disguised = SimpleUploadedFile("firma.png", HTML, "image/png")

    response = client.post(
        admin_url("certificates_certificatedesign_add"),
        _design_form(looking_up, signature=disguised),
    )

    from certificates.models import CertificateDesign

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["signature"]
    assert not CertificateDesign.objects.exists()


def test_signature_goes_through_the_shared_upload_checks():
    from certificates.models import CertificateDesign
    from lookingup.uploads import IMAGES, FileTypeValidator, RandomName

    field = CertificateDesign._meta.get_field("signature")

    assert FileTypeValidator(IMAGES) in field.validators
    assert isinstance(field.upload_to, RandomName)


def test_other_coordinator_cannot_design_anothers_certificates(
    client, other_coordinator, looking_up
):
    from certificates.models import CertificateDesign

    design = CertificateDesign.objects.create(programme=looking_up, signatory_name="Jason Nardi")
    client.force_login(other_coordinator)

    listing = client.get(admin_url("certificates_certificatedesign_changelist"))
    change = client.get(admin_url("certificates_certificatedesign_change", design.pk))
    add = client.post(admin_url("certificates_certificatedesign_add"), _design_form(looking_up))

    assert "Jason Nardi" not in listing.content.decode()
    assert change.status_code == 404
    assert add.status_code == 200  # the programme is not among the choices
    assert CertificateDesign.objects.count() == 1
