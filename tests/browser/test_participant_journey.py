"""A participant's whole journey in a real browser, with real mail.

Sign-up (profile and privacy consent), the confirmation link read from the message that reached
an SMTP server, sign-in, enrolment, a full session's waiting list, and the promotion when the
person holding the seat cancels in another browser. The web process sends allauth's message
itself; the enrolment emails go through a real Celery worker; both reach the aiosmtpd sink.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.utils import translation

from participants.models import SessionRegistration
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
)
from tests.integration.conftest import (  # noqa: F401 - shared fixtures
    celery_broker,
    celery_worker,
    smtp_sink,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Lecce-residency-2023"
CONFIRMATION_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+/")


@pytest.fixture
def mail_to_sink(settings, smtp_sink):  # noqa: F811 - the fixture imported above
    """The web process (the live server's thread) sends through SMTP to the sink too."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return smtp_sink


def _to(sink, address: str, count: int) -> list:
    """The messages sent to ``address`` once at least ``count`` of them arrived."""
    # wait_for counts every message; wait until this person's arrive.
    total = 0
    while True:
        total += 1
        messages = [m for m in sink.wait_for(total) if m["To"] == address]
        if len(messages) >= count:
            return messages


def _text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _new_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    return context.new_page()


def _sign_in(page, email: str, password: str) -> None:
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(password)
    with page.expect_navigation():
        page.locator("form").get_by_role("button", name="Sign In").click()


def test_participant_signs_up_enrols_waits_for_a_full_session_and_is_promoted(
    browser,
    live_server,
    celery_worker,  # noqa: F811 - the fixture imported above
    mail_to_sink,
):
    programme = ProgrammeFactory(title="Reti solidali e competenti", slug="reti-solidali")
    cohort = CohortFactory(programme=programme, name="Hub sud", capacity=50)
    residency = SessionFactory(
        programme=programme,
        title="Residency in Lecce: community welfare",
        city="Lecce",
        venue_name="Manifatture Knos",
        registration_required=True,
        capacity=1,
    )
    holder = ParticipantFactory(email="giulia@example.org", full_name="Giulia Bianchi")
    EmailAddress.objects.create(user=holder, email=holder.email, verified=True, primary=True)
    EnrolmentFactory(participant=holder, programme=programme, cohort=cohort)
    SessionRegistrationFactory(participant=holder, session=residency)
    page = _new_page(browser, live_server)

    # Sign up, with the profile coordinators and funders need.
    page.goto("/en/accounts/signup/")
    page.get_by_label("Full name").fill("Marta Ferreira")
    page.get_by_label("Email").fill("marta@example.org")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("Or the name of your organisation").fill("Cooperativa Sociale Il Mosaico")
    page.get_by_label("Organisation type").select_option("cooperative")
    page.get_by_label("Your role").select_option("worker")
    page.get_by_label("Country").select_option("PT")
    page.get_by_label("Preferred language").select_option("pt")
    page.get_by_label("I have read the privacy notice").check()
    with page.expect_navigation():
        page.locator("form").get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/accounts/confirm-email/")

    # The confirmation link, from the message the SMTP server received, opened in another
    # browser (a mail app): it confirms the address but does not sign in.
    [confirmation] = _to(mail_to_sink, "marta@example.org", 1)
    assert _text(confirmation).startswith("Hello from LOOKING UP!")
    link = CONFIRMATION_LINK.search(_text(confirmation)).group(0)
    page.context.close()
    page = _new_page(browser, live_server)
    page.goto(link)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/login/")
    _sign_in(page, "marta@example.org", PASSWORD)

    # Enrol in the open programme: a seat in its only group.
    page.goto("/en/programmes/reti-solidali/")
    with page.expect_navigation():
        page.get_by_role("button", name="Enrol", exact=True).click()
    page.wait_for_url("**/en/programmes/reti-solidali/")
    assert page.locator(".enrol-box .badge").inner_text() == "Confirmed"

    # The residency's only seat is taken: the waiting list, number 1.
    page.goto(f"/en/sessions/{residency.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Register for this session").click()
    page.wait_for_url(f"**/en/sessions/{residency.pk}/")
    assert page.locator(".join-box .badge").inner_text() == "On the waiting list"
    page.goto("/en/me/")
    waiting_row = page.get_by_role("row").filter(has_text="Residency in Lecce")
    assert waiting_row.locator(".badge").inner_text() == "On the waiting list"
    assert waiting_row.locator(".meta", has_text="waiting list").inner_text() == (
        "Number 1 on the waiting list"
    )

    # Giulia, in her own browser, gives up her seat from My space.
    other = _new_page(browser, live_server)
    other.goto("/en/accounts/login/")
    _sign_in(other, "giulia@example.org", "correct horse battery staple")
    other.goto("/en/me/")
    with other.expect_navigation():
        other.get_by_role("button", name=re.compile("^Cancel my registration")).click()
    other.context.close()

    # Marta's My space now shows the seat; the promotion email reached her, in Portuguese.
    page.reload()
    promoted_row = page.get_by_role("row").filter(has_text="Residency in Lecce")
    assert promoted_row.locator(".badge").inner_text() == "Confirmed"
    assert promoted_row.locator(".meta", has_text="waiting list").count() == 0
    registration = SessionRegistration.objects.get(participant__email="marta@example.org")
    assert registration.status == "confirmed"
    with translation.override("pt"):
        expected_subject = translation.gettext("A place is yours: %(title)s") % {
            "title": residency.title
        }
    promotions = [
        m for m in _to(mail_to_sink, "marta@example.org", 4) if m["Subject"] == expected_subject
    ]
    assert len(promotions) == 1
    assert '<html lang="pt">' in promotions[0].get_body(preferencelist=("html",)).get_content()
    page.context.close()
