"""Calls, drafts, submission and review, for each kind of user; what people are told."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone, translation

from goodpractices import services
from goodpractices.models import GoodPractice, PracticeEvent
from tests.factories import UserFactory
from tests.files import HTML, pdf_bytes, upload
from tests.goodpractices.factories import CallQuestionFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(f"goodpractices:{name}", kwargs=kwargs)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def in_language(language, msgid, **params):
    with translation.override(language):
        return translation.gettext(msgid) % params


def complete(themes, **overrides) -> dict:
    """A whole practice as the form posts it."""
    return {
        "original_language": "it",
        "title": "Orti sociali di Lecce",
        "summary": "Una cooperativa sociale coltiva orti con persone svantaggiate.",
        "description": "Dal 2015 la cooperativa gestisce tre orti urbani.\n\nFiliera corta.",
        "strengths": "Lavoro stabile per 12 persone.",
        "weaknesses": "Dipende dai bandi.",
        "lessons": "",
        "transferability": "",
        "organisation_name": "Cooperativa Sociale Terra",
        "country": "IT",
        "region": "Puglia",
        "place": "Lecce",
        "territory": "urban",
        "themes": [
            themes["social-inclusion-job-placement"].pk,
            themes["food-short-supply-chains"].pk,
        ],
        "sector": "A01",
        "legal_form": "social_cooperative",
        "year_started": "2015",
        "people_involved": "12",
        "website": "",
        "latitude": "40.35",
        "longitude": "18.17",
        "visibility": "public",
        **overrides,
    }


@pytest.fixture
def drafted(call, alice, themes):
    """Alice's draft for the call, complete enough to submit."""
    practice = PracticeFactory(
        title="Orti sociali",
        original_language="it",
        title_it="Orti sociali",
        summary_it="Orti con persone svantaggiate.",
        description_it="<p>Tre orti urbani.</p>",
        status="draft",
        published_at=None,
        submitted_by=alice,
        call=call,
        programme=call.programme,
        themes=[themes["care"]],
    )
    return practice


# --- Calls


def test_call_page_for_anonymous_offers_sign_in(client, call):
    response = client.get(url("call", pk=call.pk))

    assert response.status_code == 200
    assert "Sign in to submit a practice" in response.content.decode()


def test_new_practice_page_needs_sign_in(client, call):
    response = client.get(url("new", call_pk=call.pk))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_call_of_a_draft_programme_is_not_found(client, alice, call):
    call.programme.status = "draft"
    call.programme.save()
    client.force_login(alice)

    assert client.get(url("call", pk=call.pk)).status_code == 404
    assert client.get(url("new", call_pk=call.pk)).status_code == 404


def test_call_not_yet_open_refuses_a_new_draft(client, alice, call):
    call.opens_at = timezone.now() + dt.timedelta(days=1)
    call.closes_at = timezone.now() + dt.timedelta(days=10)
    call.save()
    client.force_login(alice)

    response = client.get(url("new", call_pk=call.pk))

    assert response.status_code == 302
    assert messages_of(response) == ["This call is not open for submissions."]


# --- Drafts and submission (participant)


def test_participant_saves_a_half_written_draft(client, alice, call):
    client.force_login(alice)

    response = client.post(
        url("new", call_pk=call.pk), {"original_language": "it", "title": "Orti", "save": "1"}
    )

    practice = GoodPractice.objects.get()
    assert response.status_code == 302
    assert (practice.title_it, practice.status, practice.submitted_by) == ("Orti", "draft", alice)
    assert (practice.call, practice.programme) == (call, call.programme)
    assert messages_of(response) == ["Your draft is saved. You can come back to it from My space."]


def test_draft_without_title_shows_the_error_and_keeps_the_text(client, alice, call, themes):
    client.force_login(alice)

    response = client.post(url("new", call_pk=call.pk), complete(themes, title="", save="1"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in page
    assert "Una cooperativa sociale coltiva orti" in page
    assert GoodPractice.objects.count() == 0


def test_submitting_an_incomplete_draft_saves_it_and_says_what_is_missing(client, alice, call):
    client.force_login(alice)

    response = client.post(
        url("new", call_pk=call.pk), {"original_language": "it", "title": "Orti", "submit": "1"}
    )

    practice = GoodPractice.objects.get()
    assert practice.status == "draft"
    assert messages_of(response) == [
        "Your draft is saved. To submit it, please complete: summary, description, country, "
        "at least one theme."
    ]


def test_participant_submits_and_is_told_in_their_language(
    client, alice, call, themes, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("new", call_pk=call.pk), complete(themes, submit="1"))

    practice = GoodPractice.objects.get()
    assert practice.status == "submitted"
    assert practice.description_it.startswith("<p>Dal 2015")
    assert response["Location"] == "/it/me/" or response["Location"].endswith("/me/")
    assert messages_of(response) == [
        "Thank you: “Orti sociali di Lecce” is submitted. A confirmation is on its way by email."
    ]
    assert [e.action for e in practice.events.all()] == ["submitted"]
    (message,) = mailoutbox
    assert message.to == ["alice@example.org"]
    assert message.subject == in_language(
        "it", "Practice received: %(title)s", title="Orti sociali di Lecce"
    )
    assert message.subject != "Practice received: Orti sociali di Lecce"


def test_required_question_must_be_answered_to_submit(client, alice, call, themes):
    question = CallQuestionFactory(call=call, text="How many people work in it?")
    client.force_login(alice)

    client.post(url("new", call_pk=call.pk), complete(themes, submit="1"))
    practice = GoodPractice.objects.get()
    assert practice.status == "draft"

    client.post(
        url("edit", pk=practice.pk),
        complete(themes, submit="1", **{f"question_{question.pk}": "Twelve."}),
    )

    practice.refresh_from_db()
    assert practice.status == "submitted"
    assert practice.answers == {str(question.pk): "Twelve."}


def test_after_the_deadline_the_typed_draft_is_saved_and_submission_refused(
    client, alice, drafted, themes
):
    call = drafted.call
    call.closes_at = timezone.now() - dt.timedelta(minutes=1)
    call.save()
    client.force_login(alice)

    response = client.post(
        url("edit", pk=drafted.pk), complete(themes, title="Typed before midnight", submit="1")
    )

    drafted.refresh_from_db()
    assert drafted.title_it == "Typed before midnight"
    assert drafted.status == "draft"
    (message,) = messages_of(response)
    assert message.startswith("The call closed on ")
    assert message.endswith(": your draft is saved, but it can no longer be submitted.")


def test_a_new_draft_sent_after_the_deadline_is_still_saved(client, alice, call, themes):
    client.force_login(alice)
    call.closes_at = timezone.now() - dt.timedelta(minutes=1)
    call.save()

    client.post(url("new", call_pk=call.pk), complete(themes, submit="1"))

    assert GoodPractice.objects.get().title_it == "Orti sociali di Lecce"


def test_someone_elses_draft_is_not_found(client, bob, drafted, themes):
    client.force_login(bob)

    assert client.get(url("edit", pk=drafted.pk)).status_code == 404
    assert client.post(url("edit", pk=drafted.pk), complete(themes)).status_code == 404
    drafted.refresh_from_db()
    assert drafted.title_it == "Orti sociali"


def test_submitted_practice_cannot_be_changed_by_its_author(client, alice, drafted, themes):
    drafted.status = "submitted"
    drafted.save()
    client.force_login(alice)

    response = client.post(url("edit", pk=drafted.pk), complete(themes, title="Changed"))

    drafted.refresh_from_db()
    assert drafted.title_it == "Orti sociali"
    assert messages_of(response) == [
        "This practice is with the reviewers: it cannot be changed now."
    ]


def test_rich_text_is_sanitised(client, alice, call, themes):
    client.force_login(alice)

    client.post(
        url("new", call_pk=call.pk),
        complete(
            themes,
            description='<p onclick="x()">Orti <strong>urbani</strong></p><script>alert(1)</script>'
            '<a href="javascript:alert(1)">link</a>',
        ),
    )

    assert GoodPractice.objects.get().description_it == (
        '<p>Orti <strong>urbani</strong></p><a rel="noopener noreferrer nofollow">link</a>'
    )


def test_my_space_shows_my_practices_and_their_status(client, alice, drafted):
    client.force_login(alice)

    response = client.get("/en/me/")

    page = response.content.decode()
    assert "My good practices" in page
    assert "Orti sociali" in page
    assert 'class="badge status-draft">Draft<' in page


# --- Materials of a submission


def test_submitter_adds_a_pdf(client, alice, drafted):
    client.force_login(alice)

    client.post(
        url("material_add", pk=drafted.pk),
        {
            "title": "Presentazione",
            "language": "it",
            "kind": "file",
            "file": upload("orti.pdf", pdf_bytes()),
        },
    )

    (material,) = drafted.materials.all()
    assert material.file_name == "orti.pdf"
    assert material.file.name.startswith("practices/")


def test_disguised_upload_is_refused_with_the_reason_and_keeps_what_was_typed(
    client, alice, drafted
):
    client.force_login(alice)

    response = client.post(
        url("material_add", pk=drafted.pk),
        {
            "title": "Presentazione degli orti",
            "language": "it",
            "kind": "file",
            "file": upload("evil.html.pdf", HTML),
        },
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "This file holds a web page or an SVG image, not a PDF file" in page
    assert 'value="Presentazione degli orti"' in page
    assert drafted.materials.count() == 0


# --- Review


def test_reviewer_sees_the_queue_and_the_practice(client, coordinator, drafted):
    services.submit(drafted, by=drafted.submitted_by)
    client.force_login(coordinator)

    assert [p.pk for p in client.get(url("review_list")).context["waiting"]] == [drafted.pk]
    assert client.get(url("review", pk=drafted.pk)).status_code == 200


@pytest.mark.parametrize(("user", "status"), [("charlie", 404), ("alice", 403), ("bob", 403)])
def test_others_cannot_review(client, request, drafted, user, status):
    services.submit(drafted, by=drafted.submitted_by)
    client.force_login(request.getfixturevalue(user))

    response = client.post(url("review", pk=drafted.pk), {"action": "published"})

    drafted.refresh_from_db()
    assert response.status_code == status
    assert drafted.status == "submitted"


def test_anonymous_review_goes_to_sign_in(client, drafted):
    response = client.get(url("review", pk=drafted.pk))

    assert response.status_code == 302


def test_drafts_are_not_in_the_review_queue(client, coordinator, drafted):
    client.force_login(coordinator)

    assert client.get(url("review", pk=drafted.pk)).status_code == 404


@pytest.mark.parametrize(
    ("action", "message", "status", "subject"),
    [
        (
            "commented",
            "Aggiungete il bilancio, per favore.",
            "in_review",
            "New comment on your practice: %(title)s",
        ),
        (
            "changes_requested",
            "Manca il numero di lavoratori.",
            "changes_requested",
            "Changes requested: %(title)s",
        ),
        ("published", "", "published", "Practice published: %(title)s"),
        (
            "rejected",
            "Fuori tema per questa call.",
            "rejected",
            "Practice not published: %(title)s",
        ),
    ],
)
def test_each_review_step_tells_the_submitter_in_their_language(
    client,
    coordinator,
    drafted,
    mailoutbox,
    django_capture_on_commit_callbacks,
    action,
    message,
    status,
    subject,
):
    services.submit(drafted, by=drafted.submitted_by)
    alice = drafted.submitted_by
    alice.preferred_language = "pt"
    alice.save()
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("review", pk=drafted.pk), {"action": action, "message": message})

    drafted.refresh_from_db()
    assert drafted.status == status
    (email,) = mailoutbox
    assert email.to == ["alice@example.org"]
    assert email.subject == in_language("pt", subject, title="Orti sociali")
    assert email.subject != subject % {"title": "Orti sociali"}
    assert message in email.body
    event = drafted.events.last()
    assert (event.action, event.actor, event.message) == (action, coordinator, message)


def test_request_changes_needs_a_message(client, coordinator, drafted):
    services.submit(drafted, by=drafted.submitted_by)
    client.force_login(coordinator)

    response = client.post(
        url("review", pk=drafted.pk), {"action": "changes_requested", "message": " "}
    )

    drafted.refresh_from_db()
    assert drafted.status == "submitted"
    assert messages_of(response) == ["Please write a message to the submitter."]


def test_changes_requested_then_resubmitted_after_the_deadline_then_published(
    client, coordinator, drafted, themes, django_capture_on_commit_callbacks
):
    alice = drafted.submitted_by
    services.submit(drafted, by=alice)
    services.review(drafted, by=coordinator, action="changes_requested", message="Add the region.")
    drafted.call.closes_at = timezone.now() - dt.timedelta(days=1)
    drafted.call.save()
    client.force_login(alice)

    response = client.post(
        url("edit", pk=drafted.pk), complete(themes, title="Orti sociali", submit="1")
    )

    drafted.refresh_from_db()
    assert drafted.status == "submitted"
    assert messages_of(response) == ["Thank you: “Orti sociali” is back with the reviewers."]
    outcome = services.review(drafted, by=coordinator, action="published")
    assert outcome.ok
    drafted.refresh_from_db()
    assert drafted.published_at is not None
    assert [e.action for e in PracticeEvent.objects.filter(practice=drafted)] == [
        "submitted",
        "changes_requested",
        "submitted",
        "published",
    ]
    assert client.get(drafted.get_absolute_url()).status_code == 200


def test_published_practice_cannot_be_published_twice(coordinator, drafted):
    services.submit(drafted, by=drafted.submitted_by)
    services.review(drafted, by=coordinator, action="published")

    outcome = services.review(drafted, by=coordinator, action="published")

    assert not outcome.ok
    assert outcome.message == "This step is not possible while the practice is “Published”."


def test_superuser_reviews_any_programme(superuser, drafted):
    services.submit(drafted, by=drafted.submitted_by)

    assert services.review(drafted, by=superuser, action="published").ok


def test_a_staff_user_who_coordinates_nothing_sees_an_empty_queue(client, drafted):
    services.submit(drafted, by=drafted.submitted_by)
    staff = UserFactory(email="staff@example.org", is_staff=True)
    client.force_login(staff)

    assert client.get(url("review_list")).context["waiting"] == []
    assert client.get(url("review", pk=drafted.pk)).status_code == 404


def test_a_60_mb_upload_is_refused_with_the_limit_and_no_error_page(client, alice, drafted):
    client.force_login(alice)
    big = upload("recording.pdf", pdf_bytes() + b"\0" * (60 * 1024 * 1024))

    response = client.post(
        url("material_add", pk=drafted.pk),
        {"title": "Registrazione", "language": "it", "kind": "file", "file": big},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "This file is too large (60.0\xa0MB): files up to 25.0\xa0MB are accepted." in page
    assert 'value="Registrazione"' in page
    assert drafted.materials.count() == 0
