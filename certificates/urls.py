from django.urls import path

from . import views

app_name = "certificates"

# Under the language prefix (/it/certificates/...), from lookingup/urls.py.
urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("<int:pk>/<str:language>.pdf", views.download, name="download"),
    path("<int:pk>/credential.json", views.credential, name="credential"),
    path("programmes/<int:programme_id>/claim/", views.claim, name="claim"),
]

# Without a language: printed in QR codes and signed into credentials, so they never change.
document_urlpatterns = [
    path("v/<str:code>", views.short_link, name="certificate_link"),
    path("certificates/issuer.json", views.issuer, name="certificate_issuer"),
    path(
        "certificates/keys/<str:key_id>.json",
        views.verification_key,
        name="certificate_key",
    ),
    path(
        "certificates/revocations/<int:programme_id>.json",
        views.revocations,
        name="certificate_revocations",
    ),
]
