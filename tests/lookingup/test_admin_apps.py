"""The admin's list of applications, remembered per permissions, language and prefix."""

import pytest
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.test import RequestFactory
from django.utils import translation

from participants.models import User
from programmes.services import ensure_coordinators_group

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/en/admin/")
    request.user = User.objects.get(pk=user.pk)  # a fresh user: no permission cache
    return request


def _models(app_list):
    return sorted(model["admin_url"] for app in app_list for model in app["models"])


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_remembered_list_is_the_list_django_builds(request, who):
    user = request.getfixturevalue(who)
    ensure_coordinators_group().user_set.add(request.getfixturevalue("coordinator"))

    for _ in range(2):  # built, then remembered
        remembered = admin.site.get_app_list(_request(user))
        assert remembered == AdminSite.get_app_list(admin.site, _request(user))
    assert _models(remembered)


def test_list_follows_a_change_of_permissions(coordinator):
    before = _models(admin.site.get_app_list(_request(coordinator)))

    ensure_coordinators_group().user_set.add(coordinator)

    after = _models(admin.site.get_app_list(_request(coordinator)))
    assert before == []
    assert "/en/admin/participants/enrolment/" in after


def test_list_is_in_the_language_of_the_page(superuser):
    with translation.override("en"):
        english = admin.site.get_app_list(_request(superuser))
    with translation.override("it"):
        italian = admin.site.get_app_list(_request(superuser))

    assert [app["name"] for app in english] != [app["name"] for app in italian]
    assert italian[0]["app_url"].startswith("/it/")
