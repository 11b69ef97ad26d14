from django.shortcuts import render

from .cache import cache_is_available


class SignInNeedsCacheMiddleware:
    """Sign-in, sign-up and password forms refuse to act while the cache is down.

    allauth counts failed attempts in the cache: without it nothing would slow down a
    password-guessing script, so these POSTs answer 503 with a clear page until it is back.
    Every other page works without the cache (lookingup/cache_backends.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or not match.url_name:
            return None
        if match.url_name.startswith("account_") and not cache_is_available():
            response = render(request, "errors/503.html", status=503)
            response["Retry-After"] = "60"
            return response
        return None
