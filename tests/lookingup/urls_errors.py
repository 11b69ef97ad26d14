"""The site's URLs plus views that fail on purpose, to render the error pages."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from lookingup.urls import handler400, handler403, handler404, handler500, urlpatterns


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("A view that fails, to show the 500 page")


urlpatterns = [
    path("forbidden/", forbidden),
    path("broken/", broken),
    *urlpatterns,
]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
