from django.urls import path

from . import views

app_name = "participants"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("privacy/", views.privacy, name="privacy"),
]
