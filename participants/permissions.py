"""What coordinators may do with participants' data in the admin (added to the
"Coordinators" group by programmes.services; the admin narrows it to their programmes)."""

COORDINATOR_PERMISSIONS = [
    "participants.view_enrolment",
    "participants.change_enrolment",
    "participants.view_sessionregistration",
    "participants.change_sessionregistration",
    "participants.view_attendance",
    "participants.add_attendance",
    "participants.change_attendance",
]
