"""Uploads are checked by content, kept within the size limit, named at random, and removed
with their rows (issue 7, point 5)."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import TemporaryUploadedFile

from lookingup.uploads import DOCUMENTS, IMAGES, SESSION_MATERIALS, FileTypeValidator, RandomName
from programmes.models import Organisation
from sessions_app.models import Material
from tests.admin_helpers import admin_url, management
from tests.factories import MaterialFactory, ProgrammeFactory
from tests.files import HTML, SVG, docx_bytes, jpeg_bytes, odf_bytes, pdf_bytes, png_bytes, upload

MB = 1024 * 1024


def refusal(validator, file) -> str:
    with pytest.raises(ValidationError) as caught:
        validator(file)
    return caught.value.messages[0]


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("slides.pdf", pdf_bytes),
        ("logo.png", png_bytes),
        ("photo.jpg", jpeg_bytes),
        ("photo.JPEG", jpeg_bytes),
        ("case-study.docx", docx_bytes),
        ("case-study.odt", odf_bytes),
        (
            "presentation.odp",
            lambda: odf_bytes("application/vnd.oasis.opendocument.presentation"),
        ),
    ],
)
def test_real_small_files_are_accepted(name, make):
    FileTypeValidator(DOCUMENTS)(upload(name, make()))


def test_a_60_mb_file_is_refused_with_the_limit(settings):
    settings.UPLOAD_MAX_BYTES = 25 * MB
    big = TemporaryUploadedFile("recording.pdf", "application/pdf", 60 * MB, None)
    big.write(pdf_bytes())
    big.seek(60 * MB - 1)
    big.write(b"\0")
    big.flush()

    message = refusal(FileTypeValidator(DOCUMENTS), big)

    assert message == "This file is too large (60.0\xa0MB): files up to 25.0\xa0MB are accepted."
    big.close()


def test_the_limit_comes_from_settings(settings):
    settings.UPLOAD_MAX_BYTES = 100

    message = refusal(FileTypeValidator(DOCUMENTS), upload("slides.pdf", pdf_bytes()))

    assert message.startswith("This file is too large")


def test_html_named_pdf_is_refused():
    message = refusal(FileTypeValidator(SESSION_MATERIALS), upload("evil.html.pdf", HTML))

    assert message == (
        "This file holds a web page or an SVG image, not a PDF file: it cannot be uploaded."
    )


def test_text_file_holding_html_is_refused():
    message = refusal(FileTypeValidator(SESSION_MATERIALS), upload("evil.txt", b"Hello\n" + HTML))

    assert "web page or an SVG image" in message


def test_plain_text_is_accepted():
    FileTypeValidator(SESSION_MATERIALS)(upload("notes.txt", "Perché l'ESS?\n".encode()))


def test_svg_inside_png_is_refused():
    message = refusal(FileTypeValidator(IMAGES), upload("logo.png", SVG))

    assert message == (
        "This file holds a web page or an SVG image, not a PNG file: it cannot be uploaded."
    )


def test_pdf_renamed_docx_is_refused():
    message = refusal(FileTypeValidator(DOCUMENTS), upload("case-study.docx", pdf_bytes()))

    assert message == (
        "The content of this file is not Word (DOCX), whatever its name says. "
        "Please upload a real .docx file."
    )


def test_plain_zip_named_odt_is_refused():
    message = refusal(FileTypeValidator(DOCUMENTS), upload("case.odt", docx_bytes()))

    assert "is not OpenDocument text (ODT)" in message


def test_an_extension_off_the_list_is_refused():
    message = refusal(FileTypeValidator(IMAGES), upload("logo.svg", SVG))

    assert message == "Files ending in “.svg” are not accepted here. Accepted: .png, .jpg."


def test_storage_names_are_random_and_keep_only_a_known_extension():
    name = RandomName("materials")(None, "../../etc/passwd.pdf")
    other = RandomName("materials")(None, "../../etc/passwd.pdf")

    assert re.fullmatch(r"materials/\d{4}/\d{2}/[\w-]{24}\.pdf", name)
    assert name != other
    assert RandomName("x")(None, "shell.php").endswith(".bin")


@pytest.mark.django_db
def test_deleting_a_material_removes_its_file(django_capture_on_commit_callbacks):
    material = MaterialFactory(kind="file", url="", file=upload("slides.pdf", pdf_bytes()))
    storage, name = material.file.storage, material.file.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        material.delete()

    assert not storage.exists(name)


@pytest.mark.django_db
def test_a_file_shared_by_a_copy_stays_until_the_last_row_goes(django_capture_on_commit_callbacks):
    material = MaterialFactory(kind="file", url="", file=upload("slides.pdf", pdf_bytes()))
    copy = MaterialFactory(kind="file", url="", file=material.file.name)
    storage, name = material.file.storage, material.file.name

    with django_capture_on_commit_callbacks(execute=True):
        material.delete()
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        copy.delete()

    assert not storage.exists(name)


@pytest.mark.django_db
def test_replacing_a_logo_removes_the_old_file(django_capture_on_commit_callbacks):
    organisation = Organisation.objects.create(name="Casa do Impacto", country="PT")
    organisation.logo = upload("logo.png", png_bytes())
    organisation.save()
    old = organisation.logo.name

    with django_capture_on_commit_callbacks(execute=True):
        organisation.logo = upload("new.png", png_bytes())
        organisation.save()

    assert not organisation.logo.storage.exists(old)
    assert organisation.logo.storage.exists(organisation.logo.name)


@pytest.mark.django_db
def test_admin_refuses_a_disguised_material_and_keeps_what_was_typed(client, superuser):
    programme = ProgrammeFactory()
    client.force_login(superuser)
    evil = io.BytesIO(HTML)
    evil.name = "evil.html.pdf"

    response = client.post(
        admin_url("sessions_app_session_add"),
        {
            "programme": programme.pk,
            "kind": "workshop",
            "title_it": "Workshop di capitalizzazione a Timișoara",
            "status": "scheduled",
            "starts_at_0": "2027-06-18",
            "starts_at_1": "09:30",
            "ends_at_0": "2027-06-18",
            "ends_at_1": "17:30",
            "time_zone": "Europe/Bucharest",
            "city": "Timișoara",
            "country": "RO",
            "languages": ["en"],
            "duration_hours": "7",
            **management("materials", total=1),
            "materials-0-title_en": "Case studies",
            "materials-0-language": "en",
            "materials-0-kind": "file",
            "materials-0-file": evil,
            "materials-0-order": "0",
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "This file holds a web page or an SVG image, not a PDF file" in page
    assert "Workshop di capitalizzazione a Timișoara" in page
    assert 'value="Case studies"' in page
    assert Material.objects.count() == 0


# --- Private files: served by a view, streamed by Django or handed to the proxy


def private_file(name: str, content: bytes):
    from django.core.files.base import ContentFile
    from django.db.models import FileField
    from django.db.models.fields.files import FieldFile

    from lookingup.uploads import PrivateStorage

    storage = PrivateStorage()
    saved = storage.save(name, ContentFile(content))
    return FieldFile(None, FileField(storage=storage), saved)


def test_private_storage_lives_outside_media_root_and_has_no_url(settings):
    fieldfile = private_file("practices/2026/12/abc.pdf", pdf_bytes())

    assert fieldfile.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not fieldfile.path.startswith(str(settings.MEDIA_ROOT))
    assert fieldfile.url is None


def test_private_file_streamed_by_django_in_development(settings):
    from lookingup.uploads import serve_private

    settings.PRIVATE_MEDIA_SERVING = "django"
    content = pdf_bytes()
    fieldfile = private_file("practices/2026/12/abc.pdf", content)

    response = serve_private(fieldfile, download_name="CoopCycle – case study.pdf")

    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Accel-Redirect" not in response


def test_private_file_handed_to_the_proxy_in_production(settings):
    from lookingup.uploads import serve_private

    settings.PRIVATE_MEDIA_SERVING = "proxy"
    fieldfile = private_file("practices/2026/12/abc.pdf", pdf_bytes())

    response = serve_private(fieldfile, download_name="case.pdf")

    assert response.content == b""
    assert response["X-Accel-Redirect"] == "/protected/" + fieldfile.name
    assert response["Content-Disposition"] == 'attachment; filename="case.pdf"'
