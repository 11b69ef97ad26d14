from django.urls import path

from . import views

app_name = "participants"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/export/", views.export_data, name="export"),
    path("privacy/delete/", views.delete_account, name="delete_account"),
    path("programmes/<slug:slug>/enrol/", views.enrol, name="enrol"),
    path("enrolments/<int:pk>/cancel/", views.cancel_enrolment, name="cancel_enrolment"),
    path("sessions/<int:pk>/register/", views.register, name="register"),
    path("sessions/<int:pk>/check-in/", views.check_in, name="check_in"),
    path("registrations/<int:pk>/cancel/", views.cancel_registration, name="cancel_registration"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("calendar/<str:token>.ics", views.calendar, name="calendar"),
    path("reminders/off/<str:token>/", views.reminders_off, name="reminders_off"),
    path("calendar/new-address/", views.regenerate_calendar, name="regenerate_calendar"),
]
