"""The PDF itself, read back with pypdf: text in four languages, fonts, the URL fetcher."""

import io
import re

import pytest
from django.utils import translation
from pypdf import PdfReader

from certificates import services
from certificates.enums import FunderNotice
from certificates.models import CertificateDesign
from certificates.rendering import platform_file, render_certificate
from tests.factories import EnrolmentFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    # Lines break where the layout wraps: compare words, not lines.
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def fonts_of(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, f"{font['/BaseFont']} is not embedded"
            names.add(str(font["/BaseFont"]))
    return names


@pytest.fixture
def certificate(marta_attended, marta, looking_up):
    return services.issue_certificate(looking_up, marta).certificate


@pytest.mark.parametrize(
    ("language", "hours", "words"),
    [
        ("it", "9,0", ["Certificato di partecipazione", "Sessioni frequentate"]),
        ("en", "9.0", ["Certificate of attendance", "Sessions attended"]),
        ("fr", "9,0", ["Attestation de participation", "Sessions suivies"]),
        ("pt", "9,0", ["Certificado de participação", "Sessões frequentadas"]),
    ],
)
def test_pdf_reads_name_programme_hours_and_code_in_each_language(
    certificate, looking_up, language, hours, words
):
    text = text_of(render_certificate(certificate, language))

    with translation.override(language):
        title = str(looking_up.title)
    assert "Marta Ferreira" in text
    assert title in text
    assert f"{hours} " in text
    assert certificate.display_code in text
    for word in words:
        assert word in text


@pytest.mark.parametrize(
    ("language", "workshop_date"),
    [
        ("it", "12 giugno 2024"),
        ("en", "June 12, 2024"),
        ("fr", "12 juin 2024"),
        ("pt", "12 de junho de 2024"),
    ],
)
def test_pdf_dates_are_written_in_the_language(certificate, language, workshop_date):
    assert workshop_date in text_of(render_certificate(certificate, language))


def test_pdf_lists_the_sessions_attended_with_titles_in_the_language(certificate):
    text = text_of(render_certificate(certificate, "it"))

    assert "Laboratorio di co-progettazione a Firenze" in text
    assert "Sessione online 2: sviluppo locale partecipativo" in text


def test_pdf_is_a4_landscape_pdfa_with_embedded_subset_fonts(certificate):
    pdf = certificate.pdf.read()
    reader = PdfReader(io.BytesIO(pdf))

    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (
        297,
        210,
    )
    fonts = fonts_of(pdf)
    assert fonts and all(re.match(r"^/[A-Z]{6}\+", name) for name in fonts)
    metadata = reader.xmp_metadata
    assert metadata is not None
    assert b"pdfaid:part" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_pdf_prints_the_erasmus_disclaimer_translated(certificate, looking_up):
    CertificateDesign.objects.create(
        programme=looking_up,
        signatory_name="Jason Nardi",
        signatory_role_en="Coordinator, Solidarius Italia",
        funder_notice=FunderNotice.ERASMUS_PLUS,
    )

    english = text_of(render_certificate(certificate, "en"))
    french = text_of(render_certificate(certificate, "fr"))

    assert "Funded by the European Union." in english
    assert "Financé par l’Union européenne." in french
    assert "Jason Nardi" in english


def test_pdf_holds_a_long_name_and_a_long_title_on_its_front_page(attendance, looking_up_sessions):
    programme = looking_up_sessions[0].programme
    programme.title_en = ("Reti solidali e competenti " * 8)[:200]
    programme.save()
    person = ParticipantFactory(
        full_name="Maria " + "Anunciação " * 5 + "Gonçalves da Silva Ferreira"
    )
    assert len(person.full_name) >= 70
    EnrolmentFactory(participant=person, programme=programme)
    attendance.attend(person, programme, looking_up_sessions)
    certificate = services.issue_certificate(programme, person).certificate

    reader = PdfReader(io.BytesIO(render_certificate(certificate, "en")))

    # The front page and the sessions annex: nothing pushed onto a third page.
    assert len(reader.pages) == 2
    front = " ".join(reader.pages[0].extract_text().split())
    assert "Gonçalves da Silva Ferreira" in front
    assert certificate.display_code in front


@pytest.mark.parametrize(
    "name", ["Αλεξάνδρα Παπαδοπούλου", "Олександра Коваленко", "Nguyễn Thị Minh Khai"]
)
def test_pdf_prints_names_in_the_scripts_the_fonts_cover(
    attendance, looking_up, looking_up_sessions, name
):
    person = ParticipantFactory(full_name=name)
    EnrolmentFactory(participant=person, programme=looking_up)
    attendance.attend(person, looking_up, looking_up_sessions)
    certificate = services.issue_certificate(looking_up, person).certificate

    assert name in text_of(certificate.pdf.read())


def test_platform_file_finds_static_and_media_and_nothing_else(settings, tmp_path):
    logo = settings.MEDIA_ROOT / "logos" / "ripess.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"\x89PNG")
    secret = tmp_path / "secret.txt"
    secret.write_text("no")
    site = settings.SITE_URL

    assert platform_file(f"{site}/static/certificates/certificate.css").name == "certificate.css"
    assert platform_file(f"{site}/media/logos/ripess.png") == logo.resolve()
    assert platform_file(logo.as_uri()) == logo.resolve()
    assert platform_file(f"{site}/media/../secret.txt") is None
    assert platform_file(f"{site}/media/logos/../../secret.txt") is None
    assert platform_file(secret.as_uri()) is None
    assert platform_file("file:///etc/passwd") is None
    assert platform_file("https://example.org/static/certificates/certificate.css") is None
    assert platform_file(f"{site}/admin/") is None


def test_pdf_leaves_out_what_the_fetcher_refuses(certificate, looking_up, settings, tmp_path):
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG")
    design = CertificateDesign.objects.create(programme=looking_up, signatory_name="Jason Nardi")
    design.signature.name = "../outside.png"  # as if someone slipped a path past the form
    design.save()

    text = text_of(render_certificate(certificate, "en"))

    assert "Jason Nardi" in text  # rendered, without the file


def test_worker_start_warns_without_harfbuzz_subset(monkeypatch, caplog):
    from celery.signals import worker_ready

    from certificates import rendering

    monkeypatch.setattr(rendering.ctypes.util, "find_library", lambda name: None)

    worker_ready.send(sender=None)

    assert "libharfbuzz-subset0 is missing" in caplog.text


def test_worker_start_is_quiet_with_harfbuzz_subset(monkeypatch, caplog):
    from certificates import rendering

    monkeypatch.setattr(
        rendering.ctypes.util, "find_library", lambda name: "libharfbuzz-subset.so.0"
    )

    rendering.warn_without_harfbuzz_subset()

    assert caplog.text == ""


def _png(size=(60, 20)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def _images(pdf: bytes) -> int:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    objects = page["/Resources"].get("/XObject", {})
    return sum(1 for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")


def test_pdf_shows_the_partners_logos_and_the_signature(certificate, looking_up):
    from django.core.files.base import ContentFile

    from tests.factories import OrganisationFactory, PartnershipFactory

    ripess = OrganisationFactory(name="RIPESS Europe")
    ripess.logo.save("ripess.png", ContentFile(_png()))
    PartnershipFactory(programme=looking_up, organisation=ripess)
    design = CertificateDesign.objects.create(programme=looking_up, signatory_name="Jason Nardi")
    design.signature.save("firma.png", ContentFile(_png()))
    without = _images(render_certificate(certificate, "en"))

    design.show_partner_logos = False
    design.save()

    assert without == 3  # QR code, signature, logo
    assert _images(render_certificate(certificate, "en")) == 2


def test_pdf_qr_code_holds_the_verification_link_module_for_module(certificate):
    import segno

    from certificates.rendering import QR_MASK, verification_url

    image = PdfReader(io.BytesIO(certificate.pdf.read())).pages[0].images[0].image
    dark = [
        [image.convert("L").getpixel((x, y)) < 128 for x in range(image.width)]
        for y in range(image.height)
    ]

    expected = segno.make(verification_url(certificate), error="m", mask=QR_MASK)
    assert dark == [[bool(module) for module in row] for row in expected.matrix]
