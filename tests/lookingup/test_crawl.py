"""Crawl the demo site as a visitor and as a signed-in participant: every link answers, every
page is in its language and weighs at most 150 KB with its CSS and scripts.

One language each (the whole demo is about 220 pages per language, the same templates in every
language): French for the visitor, Portuguese for the participant, as in the issue's journeys.
"""

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

from participants import services
from participants.models import User
from programmes.models import Programme
from sessions_app.models import Session
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a [^>]*href="([^"#]+)')
ASSET = re.compile(
    r'<link rel="stylesheet" href="/static/([^"]+)"|<script[^>]+src="/static/([^"]+)"'
)
# Not pages: the administration, signing out (a form), files and feeds (checked by status only).
SKIP = re.compile(r"^/(\w\w/)?(admin/|accounts/logout/)|^/static/|^/media/")
# The library's facets combine without end: one filter at a time is crawled, not every mix.
COMBINED_FILTERS = re.compile(r"^/\w\w/good-practices/(map/)?\?[^&]*&")
LIMIT = 400


def crawl(client, starts: list[str]) -> tuple[dict[str, int], list[str]]:
    """Status of every internal page reached from ``starts``, and what is wrong on them."""
    seen: dict[str, int] = {}
    problems: list[str] = []
    queue = list(starts)
    while queue and len(seen) < LIMIT:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response.status_code
        if response.status_code >= 400:
            problems.append(f"{path}: {response.status_code}")
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        language = urlsplit(path).path.split("/")[1]
        if f'<html lang="{language}">' not in html:
            problems.append(f"{path}: not in {language}")
        assets = [a or b for a, b in ASSET.findall(html)]
        weight = len(response.content) + sum(Path(finders.find(a)).stat().st_size for a in assets)
        if weight > 150 * 1024:
            problems.append(f"{path}: {weight} bytes with its CSS and scripts")
        for href in LINK.findall(html):
            target = urlsplit(urljoin(path, unescape(href)))
            if target.netloc and target.netloc != "testserver":
                continue
            link = target.path + (f"?{target.query}" if target.query else "")
            if (
                not SKIP.match(target.path)
                and not COMBINED_FILTERS.match(link)
                and link not in seen
            ):
                queue.append(link)
    return seen, problems


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def test_anonymous_crawl_is_clean(client, demo):
    seen, problems = crawl(client, ["/fr/"])

    assert problems == []
    assert len(seen) >= 200
    session = Session.objects.filter(registration_required=True, capacity__isnull=False).first()
    assert f"/fr/sessions/{session.pk}/" in seen


def test_signed_in_participant_crawl_is_clean(client, demo):
    marta = ParticipantFactory(email="marta@largo.example", preferred_language="pt")
    edition = Programme.objects.get(slug="looking-up-second-edition")
    services.enrol(marta, edition, cohort=edition.cohorts.first())
    clinic = edition.sessions.get(capacity=3)
    services.register_for_session(marta, clinic)
    client.force_login(User.objects.get(pk=marta.pk))

    seen, problems = crawl(client, ["/pt/me/"])

    assert problems == []
    assert {"/pt/me/", "/pt/me/profile/", "/pt/me/privacy/delete/"} <= set(seen)
