"""Version numbers that cached pages put in their keys, so that a cached page is never staler
than the next change.

- The public content version: everything the public pages show about programmes and
  sessions; any save or deletion of a programme, a session or one of their parts bumps it
  (sessions_app/signals.py).
- The participation version: who takes part and who attended (enrolments, registrations,
  attendance), which the coordinators' reports show; bumped by participants/signals.py and
  by the services that write in bulk (``participation_changed``).

With the default local-memory cache each process has its own versions; configure REDIS_URL in
production so that every worker sees the same ones.
"""

import hashlib
import time

from django.core.cache import cache
from django.db import transaction

CONTENT_VERSION_KEY = "public-content-version"
PARTICIPATION_VERSION_KEY = "participation-version"


def content_version(key: str = CONTENT_VERSION_KEY) -> str:
    version = cache.get(key)
    if version is None:
        cache.add(key, str(time.time_ns()), timeout=None)
        # None when the cache is down: a version nobody has used, so nothing stale is read.
        version = cache.get(key) or f"uncached-{time.time_ns()}"
    return version


def cache_is_available() -> bool:
    """Whether the cache answers (always, for a local-memory cache)."""
    available = getattr(cache, "available", None)
    return available() if available is not None else True


def bump_content_version(key: str = CONTENT_VERSION_KEY) -> None:
    cache.set(key, str(time.time_ns()), timeout=None)


def participation_version() -> str:
    return content_version(PARTICIPATION_VERSION_KEY)


def participation_changed() -> None:
    """Enrolments, registrations or attendance changed: reports cached so far are stale.

    Bumped now, so that the writer's own next page is fresh, and again after the commit: a
    report computed by another request between the two bumps read the data as it was before
    the commit, and must not be kept under the version that follows it.
    """
    bump_content_version(PARTICIPATION_VERSION_KEY)
    transaction.on_commit(lambda: bump_content_version(PARTICIPATION_VERSION_KEY))


def kept_while_unchanged(name: str, parts, compute, *, timeout: int = 600):
    """``compute()``, kept in the cache under ``parts`` (a repr-able description of what is
    computed, such as a query's SQL and parameters) until the public content or participation
    changes, and at most ``timeout`` seconds."""
    described = repr((parts, content_version(), participation_version()))
    key = f"{name}:{hashlib.sha256(described.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


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
