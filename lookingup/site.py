"""The site's name and domain, from the settings, in the ``django.contrib.sites`` row.

allauth writes ``current_site.name`` and ``current_site.domain`` into its emails and pages
("Hello from …!", "Thank you for using …"); left alone, that row says "example.com". It is set
from ``SITE_NAME`` and ``SITE_URL`` after every ``migrate`` (which every deployment runs before
starting: ``dev.py up``, the ``migrate`` service of docker-compose), so it follows the settings.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS


def site_domain() -> str:
    """``SITE_URL`` without its scheme: ``lookingup.example.org`` or ``127.0.0.1:8000``."""
    return urlsplit(settings.SITE_URL).netloc or settings.SITE_URL


def sync_site(using: str = DEFAULT_DB_ALIAS) -> None:
    from django.contrib.sites.models import Site

    wanted = {"domain": site_domain(), "name": settings.SITE_NAME}
    site = Site.objects.using(using).filter(pk=settings.SITE_ID).first()
    if site is None:
        Site.objects.using(using).create(pk=settings.SITE_ID, **wanted)
    elif (site.domain, site.name) != (wanted["domain"], wanted["name"]):
        Site.objects.using(using).filter(pk=site.pk).update(**wanted)
    Site.objects.clear_cache()


def sync_site_after_migrate(using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    sync_site(using)
