from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.static import serve

from certificates.urls import document_urlpatterns as certificate_documents
from participants.views import set_language

from . import views
from .admin_apps import remembered_app_list

# Coordinators sign in through allauth's form: same rate limits, same email verification.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.get_app_list = remembered_app_list(admin.site.get_app_list)
admin.site.site_header = "LOOKING UP"
admin.site.site_title = "LOOKING UP"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("i18n/setlang/", set_language, name="set_language"),
    *certificate_documents,
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("programmes/", include("programmes.urls")),
    path("sessions/", include("sessions_app.urls")),
    path("good-practices/", include("goodpractices.urls")),
    path("me/", include("participants.urls")),
    path("certificates/", include("certificates.urls")),
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler400 = "lookingup.views.bad_request"
handler403 = "lookingup.views.permission_denied"
handler404 = "lookingup.views.page_not_found"
handler500 = "lookingup.views.server_error"
