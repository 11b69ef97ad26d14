import pytest
from django.db import transaction
from django.utils import translation

from participants import services
from participants.emails import build_enrolment
from programmes.enums import EnrolmentMode
from tests.factories import EnrolmentFactory, OnlineSessionFactory, SessionFactory

pytestmark = pytest.mark.django_db

TITLE = "Reti solidali e competenti 2025"


def in_language(language, msgid, **params):
    """What the catalogue says in ``language``: each email must be in its recipient's."""
    with translation.override(language):
        return translation.gettext(msgid) % params


def _enrol(capture, person, programme, **kwargs):
    with capture(execute=True):
        return services.enrol(person, programme, **kwargs)


def test_confirmation_email_has_text_html_and_calendar(
    django_capture_on_commit_callbacks, mailoutbox, alice, programme, cohort
):
    OnlineSessionFactory(programme=programme, title="Social and solidarity finance")

    _enrol(django_capture_on_commit_callbacks, alice, programme)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["alice@example.org"]
    assert message.subject == in_language("it", "Enrolment confirmed: %(title)s", title=TITLE)
    assert message.subject == "Iscrizione confermata: Reti solidali e competenti 2025"
    assert in_language("it", "Your enrolment in “%(title)s” is confirmed.", title=TITLE) in (
        message.body
    )
    assert in_language("it", "Group: %(name)s.", name="Hub Nord") in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="it">' in html
    filename, content, attachment_type = message.attachments[0]
    assert (filename, attachment_type) == ("looking-up.ics", "text/calendar")
    assert "BEGIN:VCALENDAR" in content
    assert "Social and solidarity finance" in content
    assert "https://meet.example.org/looking-up" in content


def test_email_is_rendered_in_the_recipients_language(
    django_capture_on_commit_callbacks, mailoutbox, bob, programme
):
    _enrol(django_capture_on_commit_callbacks, bob, programme)

    html, _mimetype = mailoutbox[0].alternatives[0]
    assert '<html lang="fr">' in html


def test_no_email_when_the_enrolment_is_rolled_back(
    django_capture_on_commit_callbacks, mailoutbox, alice, programme
):
    class Abort(Exception):
        pass

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Abort),
        transaction.atomic(),
    ):
        services.enrol(alice, programme)
        raise Abort

    assert mailoutbox == []


def test_pending_email_has_no_calendar(
    django_capture_on_commit_callbacks, mailoutbox, alice, programme
):
    programme.enrolment_mode = EnrolmentMode.APPROVAL
    programme.save()
    SessionFactory(programme=programme)

    _enrol(django_capture_on_commit_callbacks, alice, programme)

    assert mailoutbox[0].subject == in_language("it", "Request received: %(title)s", title=TITLE)
    assert mailoutbox[0].attachments == []


def test_waiting_email_gives_the_position(
    django_capture_on_commit_callbacks, mailoutbox, alice, programme, cohort
):
    EnrolmentFactory.create_batch(2, programme=programme, cohort=cohort)

    _enrol(django_capture_on_commit_callbacks, alice, programme)

    assert mailoutbox[0].subject == in_language("it", "Waiting list: %(title)s", title=TITLE)
    assert "sei al numero 1 della lista d’attesa" in " ".join(mailoutbox[0].body.split())


def test_cancellation_promotes_and_emails_both(
    django_capture_on_commit_callbacks, mailoutbox, alice, bob, programme, cohort
):
    SessionFactory(programme=programme, title="Residenza Torino")
    seated = EnrolmentFactory(programme=programme, cohort=cohort)
    EnrolmentFactory(programme=programme, cohort=cohort)
    _enrol(django_capture_on_commit_callbacks, bob, programme)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_enrolment(seated)

    subjects = {message.to[0]: message.subject for message in mailoutbox}
    assert subjects == {
        seated.participant.email: in_language("it", "Place cancelled: %(title)s", title=TITLE),
        "bob@example.org": in_language("fr", "A place is yours: %(title)s", title=TITLE),
    }
    promoted = next(message for message in mailoutbox if message.to == ["bob@example.org"])
    assert promoted.attachments[0][0] == "looking-up.ics"


def test_approval_and_rejection_emails(
    django_capture_on_commit_callbacks, mailoutbox, alice, bob, coordinator, programme
):
    programme.enrolment_mode = EnrolmentMode.APPROVAL
    programme.save()
    first = _enrol(django_capture_on_commit_callbacks, alice, programme).obj
    second = _enrol(django_capture_on_commit_callbacks, bob, programme).obj
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.approve(first, by=coordinator)
        services.reject(second, by=coordinator)

    assert [message.subject for message in mailoutbox] == [
        in_language("it", "Request accepted: %(title)s", title=TITLE),
        in_language("fr", "Request not accepted: %(title)s", title=TITLE),
    ]


def test_session_registration_email_attaches_the_session(
    django_capture_on_commit_callbacks, mailoutbox, alice, programme
):
    services.enrol(alice, programme)
    residency = SessionFactory(
        programme=programme, title="Residenza Perugia", city="Perugia", registration_required=True
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.register_for_session(alice, residency)

    message = mailoutbox[0]
    assert message.subject == in_language(
        "it", "Session registration confirmed: %(title)s", title="Residenza Perugia"
    )
    assert in_language("it", "Programme: %(programme)s.", programme=TITLE) in message.body
    assert "Residenza Perugia" in message.attachments[0][1]


def test_context_builder_returns_none_for_a_deleted_enrolment():
    assert build_enrolment(enrolment_id=987654) is None
