from django.urls import path

from . import views

app_name = "goodpractices"

urlpatterns = [
    path("", views.practice_list, name="list"),
]
