"""A fixed-window counter per client address in the shared cache (Redis in production).

The address is allauth's (TRUSTED_PROXY_COUNT behind a proxy). While the cache is down the
counter cannot count and the page stays open: codes are unguessable, the limit only slows
scraping of codes already known.
"""

import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def allow(request, scope: str) -> bool:
    """Count one more request of ``scope`` from this address; False once over the limit."""
    limit = settings.CERTIFICATE_VERIFICATIONS_PER_HOUR
    window = int(time.time() // WINDOW_SECONDS)
    address = get_adapter(request).get_client_ip(request)
    key = f"ratelimit:{scope}:{address}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= limit
