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


# name → (content version, value, when it expires): see ``for_version``.
_memory: dict[str, tuple[str, object, float]] = {}


def for_version(name: str, version: str, load, *, timeout: int):
    """``load()``'s value for the public content ``version``, made once per change.

    Kept in the shared cache under ``name`` and the version (one ``load`` for all processes),
    and in this process's memory: a value read on every request is not unpickled on every
    request. ``timeout`` bounds both, for the changes that bump no version (bulk updates).
    The value is shared: never change it in place.
    """
    now = time.monotonic()
    kept = _memory.get(name)
    if kept is not None and kept[0] == version and kept[2] > now:
        return kept[1]
    key = f"{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = load()
        cache.set(key, value, timeout)
    _memory[name] = (version, value, now + timeout)
    return value
