from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ParticipantRole(models.TextChoices):
    ACTIVIST = "activist", _("Activist")
    VOLUNTEER = "volunteer", _("Volunteer")
    WORKER = "worker", _("Worker")
    MANAGER = "manager", _("Manager")
    STUDENT = "student", _("Student")
    OTHER = "other", pgettext_lazy("participant role", "Other")


class EnrolmentStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("enrolment status", "Pending approval")
    CONFIRMED = "confirmed", pgettext_lazy("enrolment status", "Confirmed")
    WAITING = "waiting", pgettext_lazy("enrolment status", "On the waiting list")
    REJECTED = "rejected", pgettext_lazy("enrolment status", "Rejected")
    CANCELLED = "cancelled", pgettext_lazy("enrolment status", "Cancelled")

    @classmethod
    def active(cls) -> list[str]:
        """The statuses that hold a place, or a claim to one: one of these per person."""
        return [cls.PENDING, cls.CONFIRMED, cls.WAITING]


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", pgettext_lazy("attendance", "Present")
    ABSENT = "absent", pgettext_lazy("attendance", "Absent")
    EXCUSED = "excused", pgettext_lazy("attendance", "Excused")
    LATE = "late", pgettext_lazy("attendance", "Late")

    @classmethod
    def attended(cls) -> list[str]:
        """The statuses that count as having taken part in the session."""
        return [cls.PRESENT, cls.LATE]


class AttendanceSource(models.TextChoices):
    REGISTER = "register", pgettext_lazy("attendance source", "Register")
    CHECK_IN = "check_in", pgettext_lazy("attendance source", "Self check-in")
    MEETING_REPORT = "meeting_report", pgettext_lazy("attendance source", "Meeting report")
