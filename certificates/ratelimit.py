"""A fixed-window counter per client address in the shared cache (Redis in production)."""

import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def allow(request, scope: str) -> bool:
    """Count one more request of ``scope`` from this address; False once over the limit."""
    limit = settings.CERTIFICATE_VERIFICATIONS_PER_HOUR
    window = int(time.time() // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{request.META.get('REMOTE_ADDR', '')}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= limit
