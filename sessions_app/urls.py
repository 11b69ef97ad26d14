from django.urls import path

from . import views

app_name = "sessions_app"

urlpatterns = [
    path("", views.session_list, name="list"),
    path("time-zone/", views.set_time_zone, name="set_time_zone"),
    path("<int:pk>/", views.session_detail, name="detail"),
    path("<int:pk>/calendar.ics", views.session_calendar, name="calendar"),
]
