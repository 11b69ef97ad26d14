import datetime as dt
import re
from html import unescape

import pytest
from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from participants import phrases, services
from participants.enums import EnrolmentStatus as Status
from participants.models import Enrolment, Invitation, SessionRegistration, User
from programmes.enums import EnrolmentMode, ProgrammeStatus
from sessions_app.models import Session
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    OnlineSessionFactory,
    ParticipantFactory,
    ProgrammeFactory,
    SessionFactory,
    SessionRegistrationFactory,
)

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- dashboard


def test_dashboard_anonymous_is_sent_to_sign_in(client):
    response = client.get(reverse("participants:dashboard"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_dashboard_shows_enrolments_positions_and_join_links(client, alice, programme, cohort):
    EnrolmentFactory.create_batch(2, programme=programme, cohort=cohort)
    services.enrol(alice, programme)
    other = ProgrammeFactory(title="LOOKING UP – online sessions")
    services.enrol(alice, other)
    OnlineSessionFactory(programme=other, title="Community welfare")
    client.force_login(alice)

    response = client.get(reverse("participants:dashboard"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Number 1 on the waiting list" in content
    assert "Community welfare" in content
    assert "https://meet.example.org/looking-up" in content
    assert alice.calendar_token in content


def test_dashboard_hides_join_links_from_people_waiting(client, alice, programme, cohort):
    EnrolmentFactory.create_batch(2, programme=programme, cohort=cohort)
    services.enrol(alice, programme)
    OnlineSessionFactory(programme=programme)
    client.force_login(alice)

    response = client.get(reverse("participants:dashboard"))

    assert "https://meet.example.org/looking-up" not in response.content.decode()


def test_dashboard_does_not_show_other_peoples_enrolments(client, alice, bob, programme):
    services.enrol(bob, programme)
    client.force_login(alice)

    response = client.get(reverse("participants:dashboard"))

    assert list(response.context["enrolments"]) == []


def test_dashboard_shows_one_line_after_repeated_enrol_and_cancel(client, alice, programme):
    for _attempt in range(11):
        services.cancel_enrolment(services.enrol(alice, programme).obj)
    services.enrol(alice, programme)
    client.force_login(alice)

    response = client.get("/en/me/")

    assert Enrolment.objects.filter(participant=alice).count() == 12
    assert [e.status for e in response.context["enrolments"]] == [Status.CONFIRMED]
    html = response.content.decode()
    my_programmes = html[html.index('id="enrolments-title"') :].split("</section>")[0]
    assert my_programmes.count(f'href="/en/programmes/{programme.slug}/"') == 1


def test_dashboard_post_is_not_allowed(client, alice):
    client.force_login(alice)

    assert client.post(reverse("participants:dashboard")).status_code == 405


def _dashboard_with(client, person, count):
    for index in range(count):
        programme = ProgrammeFactory()
        cohort = CohortFactory(programme=programme, capacity=1 if index % 2 else None)
        if index % 2:
            EnrolmentFactory(programme=programme, cohort=cohort)
        services.enrol(person, programme)
        OnlineSessionFactory(programme=programme)
        SessionFactory(
            programme=programme,
            starts_at=timezone.now() - dt.timedelta(days=3),
            ends_at=timezone.now() - dt.timedelta(days=3, hours=-2),
        )
        residency = SessionFactory(programme=programme, registration_required=True)
        SessionRegistrationFactory(participant=person, session=residency)
    client.force_login(person)


@pytest.mark.parametrize("count", [1, 6])
def test_dashboard_query_count_is_constant(client, django_assert_num_queries, count):
    person = ParticipantFactory()
    _dashboard_with(client, person, count)

    # user, enrolments, registrations, upcoming sessions, past sessions, their attendance,
    # and the attendance progress (confirmed programmes, sessions taken part in, attendance),
    # certificates, good practices; the session comes from the cache (SESSION_ENGINE is
    # cached_db)
    with django_assert_num_queries(11):
        response = client.get(reverse("participants:dashboard"))

    assert len(response.context["enrolments"]) == count


# --- profile


def test_profile_saves_and_creates_a_new_organisation(client, alice):
    client.force_login(alice)

    response = client.post(
        reverse("participants:profile"),
        {
            "full_name": "Alice Rossi Bianchi",
            "organisation": "",
            "new_organisation": "  Cooperativa   Sociale Il Sentiero ",
            "organisation_kind": "cooperative",
            "role": "manager",
            "country": "IT",
            "preferred_language": "en",
            "privacy_consent": "on",
        },
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.full_name == "Alice Rossi Bianchi"
    assert alice.organisation.name == "Cooperativa Sociale Il Sentiero"
    assert alice.organisation.kind == "cooperative"
    assert alice.preferred_language == "en"


def _profile(alice, **changes) -> dict:
    return {
        "full_name": alice.full_name,
        "new_organisation": "Cooperativa Sociale Il Sentiero",
        "organisation_kind": "cooperative",
        "role": "manager",
        "country": "IT",
        "preferred_language": "it",
        "privacy_consent": "on",
        **changes,
    }


def test_profile_turns_reminders_off_and_on_and_keeps_a_time_zone(client, alice):
    client.force_login(alice)

    client.post(reverse("participants:profile"), _profile(alice, time_zone="America/Sao_Paulo"))
    alice.refresh_from_db()
    off = (alice.reminders_enabled, alice.time_zone)
    client.post(reverse("participants:profile"), _profile(alice, reminders_enabled="on"))
    alice.refresh_from_db()

    assert off == (False, "America/Sao_Paulo")
    assert alice.reminders_enabled


def test_profile_with_an_unknown_time_zone_shows_an_error(client, alice):
    client.force_login(alice)

    response = client.post(
        reverse("participants:profile"), _profile(alice, time_zone="Mars/Olympus")
    )

    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors


def test_profile_offers_the_weekly_digest_only_to_coordinators(client, alice, coordinator):
    ProgrammeFactory().coordinators.add(coordinator)
    client.force_login(alice)
    participant_form = client.get(reverse("participants:profile")).context["form"]
    client.force_login(coordinator)
    coordinator_form = client.get(reverse("participants:profile")).context["form"]

    assert "weekly_digest" not in participant_form.fields
    assert "weekly_digest" in coordinator_form.fields


def test_profile_without_organisation_shows_an_error(client, alice):
    client.force_login(alice)

    response = client.post(reverse("participants:profile"), {"full_name": "Alice"})

    assert response.status_code == 200
    assert "Choose your organisation" in response.content.decode()


def test_profile_anonymous_is_sent_to_sign_in(client):
    assert client.get(reverse("participants:profile")).status_code == 302


# --- sign-up


def test_signup_stores_profile_and_consent(client, settings):
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Maria Fernandes",
            "email": "maria@casadoimpacto.example",
            "password1": "a long and unusual passphrase 42",
            "password2": "a long and unusual passphrase 42",
            "new_organisation": "Casa do Impacto",
            "organisation_kind": "social_enterprise",
            "role": "worker",
            "country": "PT",
            "preferred_language": "pt",
            "privacy_consent": "on",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="maria@casadoimpacto.example")
    assert user.full_name == "Maria Fernandes"
    assert user.organisation.name == "Casa do Impacto"
    assert user.country.code == "PT"
    assert user.preferred_language == "pt"
    assert user.privacy_consent_version == settings.PRIVACY_NOTICE_VERSION
    assert user.has_current_consent
    assert not user.listed_to_participants


def test_signup_without_consent_is_refused(client):
    response = client.post(
        reverse("account_signup"),
        {
            "full_name": "Maria Fernandes",
            "email": "maria@casadoimpacto.example",
            "password1": "a long and unusual passphrase 42",
            "password2": "a long and unusual passphrase 42",
            "new_organisation": "Casa do Impacto",
            "organisation_kind": "social_enterprise",
            "role": "worker",
            "country": "PT",
            "preferred_language": "pt",
        },
    )

    assert response.status_code == 200
    assert not User.objects.filter(email="maria@casadoimpacto.example").exists()


def test_signup_page_preselects_the_current_language(client):
    response = client.get("/fr/accounts/signup/")

    assert response.context["form"].fields["preferred_language"].initial == "fr"


def _options(html: str, name: str) -> list[tuple[str, str, bool]]:
    """(value, label, selected) of each option of the ``<select name=name>`` in ``html``."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        (value, unescape(label), " selected" in attrs)
        for value, attrs, label in re.findall(
            r'<option value="([^"]*)"([^>]*)>([^<]*)</option>', select
        )
    ]


def test_signup_countries_are_in_the_page_language_and_sorted_for_it(client):
    response = client.get("/fr/accounts/signup/")

    labels = [label for _value, label, _selected in _options(response.content.decode(), "country")]
    assert "France" in labels
    assert "Allemagne" in labels
    assert "Italie" in labels
    assert labels.index("Allemagne") < labels.index("France") < labels.index("Italie")
    # Accented names sort with their letter, not after Z.
    assert labels.index("Danemark") < labels.index("Égypte") < labels.index("Espagne")


def test_signup_countries_follow_each_request_language(client):
    client.get("/fr/accounts/signup/")

    response = client.get("/pt/accounts/signup/")

    labels = [label for _value, label, _selected in _options(response.content.decode(), "country")]
    assert "Alemanha" in labels
    assert "Allemagne" not in labels


@pytest.mark.parametrize("name", ["country", "organisation_kind", "role"])
def test_signup_offers_an_empty_first_choice_selected(client, name):
    response = client.get("/fr/accounts/signup/")

    options = _options(response.content.decode(), name)
    assert options[0] == ("", "— choisir —", True)
    assert [selected for _value, _label, selected in options[1:]] == [False] * (len(options) - 1)


def test_signup_without_country_type_or_role_says_what_is_missing(client):
    response = client.post(
        "/fr/accounts/signup/",
        {
            "full_name": "Camille Martin",
            "email": "camille@ufisc.example",
            "password1": "a long and unusual passphrase 42",
            "password2": "a long and unusual passphrase 42",
            "new_organisation": "UFISC",
            "organisation_kind": "",
            "role": "",
            "country": "",
            "preferred_language": "fr",
            "privacy_consent": "on",
        },
    )

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert (
        errors["country"]
        == errors["role"]
        == errors["organisation_kind"]
        == ["Ce champ est obligatoire."]
    )
    assert not User.objects.filter(email="camille@ufisc.example").exists()


def test_profile_countries_are_in_the_page_language(client, alice):
    client.force_login(alice)

    response = client.get("/fr/me/profile/")

    options = _options(response.content.decode(), "country")
    assert options[0][:2] == ("", "— choisir —")
    assert ("DE", "Allemagne", False) in options


SIGNUP = {
    "full_name": "Marta Ferreira",
    "email": "marta@largo.example",
    "password1": "a long and unusual passphrase 42",
    "password2": "a long and unusual passphrase 42",
    "new_organisation": "Largo Residências",
    "organisation_kind": "cooperative",
    "role": "worker",
    "country": "PT",
    "preferred_language": "pt",
    "privacy_consent": "on",
}


def _confirmation_path(message) -> str:
    return re.search(r"https?://[^/]+(/\S+/accounts/confirm-email/\S+/)", message.body).group(1)


def test_confirming_the_email_right_after_sign_up_lands_in_my_space(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/pt/accounts/signup/", SIGNUP)

    response = client.post(_confirmation_path(mailoutbox[0]))

    assert response.status_code == 302
    assert response["Location"] == "/pt/me/"
    assert client.get("/pt/me/").status_code == 200


def test_confirming_the_email_in_another_browser_signs_in_to_my_space(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/pt/accounts/signup/", SIGNUP)
    other = type(client)()

    confirmed = other.post(_confirmation_path(mailoutbox[0]))
    signed_in = other.post(
        confirmed["Location"],
        {"login": SIGNUP["email"], "password": SIGNUP["password1"]},
    )

    assert confirmed["Location"] == "/pt/accounts/login/"
    assert signed_in["Location"] == "/pt/me/"


# --- enrol / cancel


def test_enrol_view_enrols_and_redirects_back(client, alice, programme):
    client.force_login(alice)

    response = client.post(reverse("participants:enrol", args=[programme.slug]), follow=True)

    assert Enrolment.objects.get(participant=alice).status == Status.CONFIRMED
    assert _messages(response) == [
        "You are enrolled in “Reti solidali e competenti 2025”. A confirmation is on its way "
        "by email."
    ]


@pytest.mark.parametrize(("seats", "queries"), [(None, 8), (30, 9)])
def test_enrol_view_query_count(
    client,
    django_assert_num_queries,
    alice,
    programme,
    seats,
    queries,
):
    CohortFactory(programme=programme, name="Hub Sud", capacity=seats)
    client.force_login(alice)

    # the person; the programme; their earlier enrolments; its cohort found and locked at once;
    # the seats taken (with a capacity); the enrolment; its mail (one INSERT, also when its
    # cause is already queued); the savepoint around them (BEGIN and COMMIT outside tests)
    with django_assert_num_queries(queries):
        response = client.post(reverse("participants:enrol", args=[programme.slug]))

    assert response.status_code == 302
    assert Enrolment.objects.get(participant=alice).status == Status.CONFIRMED


def test_enrol_view_with_foreign_cohort_shows_a_message(client, alice, programme):
    client.force_login(alice)
    foreign = CohortFactory()

    response = client.post(
        reverse("participants:enrol", args=[programme.slug]), {"cohort": foreign.pk}, follow=True
    )

    assert _messages(response) == ["This group belongs to another programme."]
    assert not Enrolment.objects.exists()


def test_enrol_view_with_garbage_cohort_shows_a_message(client, alice, programme):
    client.force_login(alice)

    response = client.post(
        reverse("participants:enrol", args=[programme.slug]), {"cohort": "x"}, follow=True
    )

    assert response.status_code == 200
    assert not Enrolment.objects.exists()


def test_enrol_view_replayed_post_says_already_enrolled(client, alice, programme):
    client.force_login(alice)
    url = reverse("participants:enrol", args=[programme.slug])
    client.post(url)

    response = client.post(url, follow=True)

    assert _messages(response)[-1] == "You are already enrolled in this programme."
    assert Enrolment.objects.count() == 1


def test_enrol_view_ignores_an_offsite_next(client, alice, programme):
    client.force_login(alice)

    response = client.post(
        reverse("participants:enrol", args=[programme.slug]), {"next": "https://evil.example/"}
    )

    assert response["Location"] == programme.get_absolute_url()


def test_enrol_view_get_is_not_allowed(client, alice, programme):
    client.force_login(alice)

    assert client.get(reverse("participants:enrol", args=[programme.slug])).status_code == 405


def test_enrol_view_anonymous_is_sent_to_sign_in(client, programme):
    response = client.post(reverse("participants:enrol", args=[programme.slug]))

    assert response.status_code == 302
    assert not Enrolment.objects.exists()


def test_enrol_view_unknown_programme_is_404(client, alice):
    client.force_login(alice)

    assert client.post(reverse("participants:enrol", args=["nope"])).status_code == 404


def test_cancel_view_by_owner_cancels(client, alice, programme):
    enrolment = services.enrol(alice, programme).obj
    client.force_login(alice)

    response = client.post(reverse("participants:cancel_enrolment", args=[enrolment.pk]))

    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.status == Status.CANCELLED


def test_cancel_view_by_another_participant_is_404(client, alice, bob, programme):
    enrolment = services.enrol(alice, programme).obj
    client.force_login(bob)

    response = client.post(reverse("participants:cancel_enrolment", args=[enrolment.pk]))

    assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == Status.CONFIRMED


def test_cancel_view_by_coordinator_is_404(client, alice, coordinator, programme):
    enrolment = services.enrol(alice, programme).obj
    client.force_login(coordinator)

    response = client.post(reverse("participants:cancel_enrolment", args=[enrolment.pk]))

    assert response.status_code == 404


def test_cancel_view_get_is_not_allowed(client, alice, programme):
    enrolment = services.enrol(alice, programme).obj
    client.force_login(alice)

    response = client.get(reverse("participants:cancel_enrolment", args=[enrolment.pk]))

    assert response.status_code == 405


def test_cancel_view_too_late_shows_why(client, alice):
    started = ProgrammeFactory(title="LOOKING UP")
    enrolment = services.enrol(alice, started).obj
    client.force_login(alice)

    response = client.post(
        reverse("participants:cancel_enrolment", args=[enrolment.pk]), follow=True
    )

    assert _messages(response)[0].startswith("It is too late to cancel online")


def test_register_and_cancel_registration_views(client, alice, bob, programme):
    services.enrol(alice, programme)
    residency = SessionFactory(programme=programme, registration_required=True, city="Firenze")
    client.force_login(alice)

    client.post(reverse("participants:register", args=[residency.pk]))
    registration = SessionRegistration.objects.get(participant=alice)
    client.force_login(bob)
    refused = client.post(reverse("participants:cancel_registration", args=[registration.pk]))
    client.force_login(alice)
    client.post(reverse("participants:cancel_registration", args=[registration.pk]))

    assert refused.status_code == 404
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_register_view_get_is_not_allowed(client, alice):
    client.force_login(alice)

    assert client.get(reverse("participants:register", args=[1])).status_code == 405


# --- invitations


def test_invitation_page_then_accept(client, alice, programme):
    programme.enrolment_mode = EnrolmentMode.INVITATION
    programme.save()
    url = services.make_invitation(programme).get_absolute_url()

    anonymous = client.get(url)
    client.force_login(alice)
    accepted = client.post(url)

    assert anonymous.status_code == 200
    assert "Sign in to accept" in anonymous.content.decode()
    assert accepted.status_code == 302
    assert Enrolment.objects.get(participant=alice).invited


def test_invitation_without_a_group_lets_the_person_choose_one(client, alice, programme):
    programme.enrolment_mode = EnrolmentMode.INVITATION
    programme.save()
    CohortFactory(programme=programme, name="Hub Nord")
    south = CohortFactory(programme=programme, name="Hub Sud")
    url = services.make_invitation(programme).get_absolute_url()
    client.force_login(alice)

    page = client.get(url)
    accepted = client.post(url, {"cohort": south.pk})

    assert "Hub Sud" in page.content.decode()
    assert accepted.status_code == 302
    assert Enrolment.objects.get(participant=alice).cohort == south


def test_invitation_bound_to_an_address_does_not_show_it(client, programme):
    url = services.make_invitation(programme, email="alice@example.org").get_absolute_url()

    response = client.get(url)

    assert "alice" not in url
    assert "alice@example.org" not in response.content.decode()


def test_invitation_unknown_gives_a_clear_message(client):
    response = client.get(reverse("participants:invitation", args=["not-a-real-token"]))

    assert response.status_code == 400
    assert "This invitation link is not valid." in response.content.decode()


def test_invitation_expired_gives_a_clear_message(client, programme):
    invitation = services.make_invitation(programme)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())

    response = client.get(invitation.get_absolute_url())

    assert "This invitation link has expired." in response.content.decode()


def test_invitation_post_anonymous_is_sent_to_sign_in(client, programme):
    url = services.make_invitation(programme).get_absolute_url()

    response = client.post(url)

    assert response.status_code == 302
    assert not Enrolment.objects.exists()


# --- calendar feed


def test_calendar_feed_lists_my_sessions_with_join_links(client, alice, programme):
    services.enrol(alice, programme)
    OnlineSessionFactory(programme=programme, title="Solidarity economy districts")
    SessionFactory(title="Somebody else's session")

    response = client.get(reverse("participants:calendar", args=[alice.calendar_token]))

    content = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Solidarity economy districts" in content
    assert "https://meet.example.org/looking-up" in content
    assert "Somebody else" not in content


def test_calendar_feed_unknown_token_is_404(client):
    assert client.get(reverse("participants:calendar", args=["nope"])).status_code == 404


def test_calendar_regenerate_revokes_the_old_address(client, alice):
    old = alice.calendar_token
    client.force_login(alice)

    client.post(reverse("participants:regenerate_calendar"))

    alice.refresh_from_db()
    assert alice.calendar_token != old
    assert client.get(reverse("participants:calendar", args=[old])).status_code == 404


def test_calendar_regenerate_get_is_not_allowed(client, alice):
    client.force_login(alice)

    assert client.get(reverse("participants:regenerate_calendar")).status_code == 405


# --- the enrol / join boxes on public pages


def _render(template: str, request, **context) -> str:
    return Template("{% load participation %}" + template).render(RequestContext(request, context))


def _request(user):
    request = RequestFactory().get("/it/programmes/")
    request.user = user
    return request


@pytest.mark.parametrize("count", [1, 8])
def test_enrol_box_query_count_is_constant(django_assert_num_queries, alice, programme, count):
    CohortFactory.create_batch(2, programme=programme, capacity=5)
    services.enrol(alice, programme, cohort=programme.cohorts.first())
    programmes = [programme]
    for _index in range(count):
        other = ProgrammeFactory()
        CohortFactory.create_batch(2, programme=other, capacity=5)
        programmes.append(other)
    request = _request(alice)
    template = (
        '{% for p in programmes %}{% include "programmes/_enrol.html" with programme=p %}'
        "{% endfor %}"
    )

    # the person's enrolments, then the cohorts of programmes open for enrolment
    with django_assert_num_queries(2):
        html = _render(template, request, programmes=programmes, user=alice)

    assert html.count('name="cohort"') == count
    assert "Cancel my enrolment" in html


@pytest.mark.parametrize("count", [1, 8])
def test_join_box_query_count_is_constant(django_assert_num_queries, alice, programme, count):
    services.enrol(alice, programme)
    sessions = OnlineSessionFactory.create_batch(count, programme=programme)
    request = _request(alice)
    template = (
        '{% for s in sessions %}{% include "sessions_app/_join.html" with session=s %}{% endfor %}'
    )

    # sessions the person takes part in, registrations, enrolments
    with django_assert_num_queries(3):
        html = _render(template, request, sessions=sessions, user=alice)

    assert html.count("https://meet.example.org/looking-up") == count


def test_join_box_hides_the_link_from_others(bob, programme):
    session = OnlineSessionFactory(programme=programme)

    html = _render(
        '{% include "sessions_app/_join.html" %}', _request(bob), session=session, user=bob
    )

    assert "https://meet.example.org/looking-up" not in html


def test_enrol_box_anonymous_offers_sign_in(programme):
    from django.contrib.auth.models import AnonymousUser

    html = Template('{% include "programmes/_enrol.html" %}').render(
        Context({"programme": programme, "request": _request(AnonymousUser())})
    )

    assert "Sign in to enrol" in html


def test_join_box_and_register_post_agree_on_another_cohorts_session(client, alice, programme):
    """The box asks the same rule as the POST: no button for a session of another group."""
    north = CohortFactory(programme=programme, name="Hub Nord")
    south = CohortFactory(programme=programme, name="Hub Sud")
    services.enrol(alice, programme, cohort=north)
    session = SessionFactory(programme=programme, registration_required=True, cohorts=[south])
    session = (
        Session.objects.prefetch_related("cohorts").select_related("programme").get(pk=session.pk)
    )

    html = _render('{% include "sessions_app/_join.html" %}', _request(alice), session=session)
    client.force_login(alice)
    response = client.post(reverse("participants:register", kwargs={"pk": session.pk}), follow=True)

    assert "Register for this session" not in html
    assert _messages(response) == [str(phrases.OTHER_COHORT)]


def test_enrol_in_an_archived_programme_says_it_is_not_open(client, alice):
    """An archived programme is public (its page shows): the POST answers, never a 404."""
    archived = ProgrammeFactory(status=ProgrammeStatus.ARCHIVED)
    client.force_login(alice)

    page = client.get(archived.get_absolute_url())
    response = client.post(
        reverse("participants:enrol", kwargs={"slug": archived.slug}), follow=True
    )

    assert page.status_code == 200
    assert _messages(response) == [str(phrases.NOT_OPEN)]
