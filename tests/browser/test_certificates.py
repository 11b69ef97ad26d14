"""A participant gets their certificate in My space and anyone checks it on the public page."""

import io

import pytest
from allauth.account.models import EmailAddress
from pypdf import PdfReader

from certificates.models import Certificate
from tests.browser.test_accessibility import violations
from tests.certificates.conftest import (  # noqa: F401 - shared fixtures
    attendance,
    hub,
    looking_up,
    looking_up_sessions,
    marta,
    marta_attended,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Timisoara-capitalisation-2025"


def _english_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(15_000)
    return context.new_page()


def _sign_in(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form").get_by_role("button", name="Sign In").click()


def test_participant_downloads_the_certificate_and_anyone_verifies_it(
    browser,
    live_server,
    marta,  # noqa: F811 - the fixtures imported above
    marta_attended,  # noqa: F811
):
    marta.set_password(PASSWORD)
    marta.save()
    EmailAddress.objects.create(user=marta, email=marta.email, verified=True, primary=True)
    page = _english_page(browser, live_server)
    _sign_in(page, marta.email)

    # My space: the rule is met, the certificate is one click away.
    page.goto("/en/me/")
    section = page.get_by_role("region", name="My certificates")
    assert "9.0 of 9.0 hours" in section.inner_text()
    with page.expect_navigation():
        section.get_by_role("button", name="Get my certificate").click()
    assert "Your certificate is ready" in page.locator(".messages").inner_text()
    assert violations(page, "/en/me/") == []

    # The PDF in her language (Portuguese), as issued.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    pdf = download.value.path().read_bytes()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    certificate = Certificate.objects.get()
    assert "Certificado de participação" in text
    assert "Marta Ferreira" in text
    assert certificate.display_code in text

    # The credential file, for her wallet.
    with page.expect_download() as credential:
        page.get_by_role("link", name="Digital credential").click()
    credential_path = credential.value.path()

    # Someone else, signed out, types the code printed on the PDF.
    employer = _english_page(browser, live_server)
    employer.goto("/en/certificates/verify/")
    employer.get_by_label("Verification code").fill(certificate.display_code.lower())
    with employer.expect_navigation():
        employer.get_by_role("button", name="Check", exact=True).click()
    result = employer.get_by_role("region", name="Result").inner_text()
    assert "Valid certificate" in result
    assert "Marta Ferreira" in result
    assert "9.0" in result

    # ... and checks the credential file she sent.
    employer.goto("/en/certificates/verify/")
    employer.get_by_label("Credential file (JSON)").set_input_files(str(credential_path))
    with employer.expect_navigation():
        employer.get_by_role("button", name="Check the file").click()
    assert "The signature holds" in employer.get_by_role("region", name="Result").inner_text()
    assert violations(employer, employer.url.removeprefix(live_server.url)) == []
    page.context.close()
    employer.context.close()


@pytest.mark.parametrize("language", ["it", "en", "fr", "pt"])
def test_verification_pages_have_no_accessibility_violations(page, marta, language):  # noqa: F811
    from certificates.models import Certificate as Model
    from tests.certificates.factories import CertificateFactory

    certificate = CertificateFactory(participant=marta, programme=marta.enrolments.get().programme)
    assert Model.objects.count() == 1

    found = violations(page, f"/{language}/certificates/verify/")
    found += violations(page, f"/{language}/certificates/verify/{certificate.code}/")
    found += violations(page, f"/{language}/certificates/verify/ABCDEFGHJKMNPQRSTVWX/")

    assert found == []
