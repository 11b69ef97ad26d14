"""A Redis cache that degrades instead of failing.

Everything the site caches (fragments of public pages, filter choices, sessions read through the
cache, allauth's rate-limit counters) can be rebuilt or read from the database: when Redis does
not answer, reads miss, writes are dropped, and pages are served uncached. After a failure the
cache is left alone for a few seconds, so an outage costs one connection attempt, not one per
call. The sign-in forms, whose rate limits cannot be enforced without it, refuse instead
(lookingup/middleware.py).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
# After a failure, how long to serve misses without trying Redis again.
BACKOFF_SECONDS = 5.0


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0

    def available(self) -> bool:
        """Whether Redis answers now (a real round trip, unless it failed moments ago)."""
        if time.monotonic() < self._down_until:
            return False
        try:
            self._cache.get_client(write=False).ping()
        except OUTAGE_ERRORS as error:
            self._failed(error)
            return False
        return True

    def _failed(self, error) -> None:
        if time.monotonic() >= self._down_until:
            logger.warning("Cache unavailable, serving without it: %s", error)
        self._down_until = time.monotonic() + BACKOFF_SECONDS

    def _guard(self, method, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return method(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            self._failed(error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._guard(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard(super().has_key, False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().set_many, list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().add, False, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guard(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard(super().delete_many, None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guard(super().incr, delta, key, delta, version)

    def clear(self):
        return self._guard(super().clear, False)
