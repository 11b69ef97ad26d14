"""One version number for everything the public pages show about programmes and sessions.

Cached fragments put it in their key; any save or deletion of a programme, a session or one
of their parts bumps it (sessions_app/signals.py), so a cached page is never staler than the
next change. With the default local-memory cache each process has its own version; configure
REDIS_URL in production so that every worker sees the same one.
"""

import time

from django.core.cache import cache

CONTENT_VERSION_KEY = "public-content-version"


def content_version() -> str:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, str(time.time_ns()), timeout=None)
        # None when the cache is down: a version nobody has used, so nothing stale is read.
        version = cache.get(CONTENT_VERSION_KEY) or f"uncached-{time.time_ns()}"
    return version


def cache_is_available() -> bool:
    """Whether the cache answers (always, for a local-memory cache)."""
    available = getattr(cache, "available", None)
    return available() if available is not None else True


def bump_content_version() -> None:
    cache.set(CONTENT_VERSION_KEY, str(time.time_ns()), timeout=None)
