"""Failed sign-ins are counted per client: directly, and behind a reverse proxy."""

import pytest
from django.urls import reverse

from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
PASSWORD = "Florence-workshop-2024"


def _refused_for_too_many_attempts(response) -> bool:
    from allauth.account.adapter import get_adapter

    message = str(get_adapter().error_messages["too_many_login_attempts"])
    return response.status_code == 200 and message in response.content.decode()


def _fail_logins(client, count: int, **headers) -> list[bool]:
    """Wrong passwords for ``count`` different addresses: True where allauth refused to try."""
    return [
        _refused_for_too_many_attempts(
            client.post(
                reverse("account_login"),
                {"login": f"nobody{n}@example.org", "password": "wrong"},
                **headers,
            )
        )
        for n in range(count)
    ]


def _sign_in(client, **headers) -> int:
    ParticipantFactory(email="maria@example.org", password=PASSWORD)
    return client.post(
        reverse("account_login"),
        {"login": "maria@example.org", "password": PASSWORD},
        **headers,
    ).status_code


def test_behind_a_proxy_one_clients_failures_do_not_lock_out_another(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    attacker = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    someone_else = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.23"}

    refused = _fail_logins(client, 12, **attacker)

    assert refused == [False] * 10 + [True] * 2
    assert _sign_in(client, **someone_else) == 302


def test_behind_a_proxy_the_attacker_is_stopped_whatever_address_it_claims(client, settings):
    """The proxy appends the address it saw: what the client wrote before it is ignored."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    refused = [
        _refused_for_too_many_attempts(
            client.post(
                reverse("account_login"),
                {"login": f"nobody{n}@example.org", "password": "wrong"},
                REMOTE_ADDR=PROXY,
                HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.7",
            )
        )
        for n in range(12)
    ]

    assert refused == [False] * 10 + [True] * 2


def test_direct_connections_are_counted_by_their_own_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    refused = _fail_logins(client, 12, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert refused == [False] * 10 + [True] * 2
    assert _sign_in(client, REMOTE_ADDR="198.51.100.23") == 302


def test_behind_a_proxy_without_the_setting_everyone_shares_one_address(client, settings):
    """What happened before TRUSTED_PROXY_COUNT: the reason the setting exists."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    _fail_logins(client, 10, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")

    assert _sign_in(client, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.23") == 200
