"""Messages that several modules show: one wording, translated once."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

CONSENT_MISSING = _("Please accept the current privacy notice in your profile before enrolling.")
NOT_OPEN = _("This programme is not open for enrolment.")
NOT_OPEN_YET = _("Enrolment opens on %(date)s.")
CLOSED = _("Enrolment for this programme is closed.")
INVITATION_ONLY = _("This programme is by invitation only: ask its coordinators for a link.")
CHOOSE_COHORT = _("Please choose a group (cohort) to join.")
COHORT_OTHER_PROGRAMME = _("This group belongs to another programme.")
ALREADY_ENROLLED = _("You are already enrolled in this programme.")
ALREADY_REJECTED = _(
    "The coordinators have declined your enrolment in this programme; write to them if you "
    "think this is a mistake."
)
ENROLLED = _("You are enrolled in “%(programme)s”. A confirmation is on its way by email.")
PENDING = _(
    "Your request to join “%(programme)s” has been sent. The coordinators will reply by email."
)
WAITING = _("This group is full: you are number %(position)s on the waiting list.")
SESSION_WAITING = _("This session is full: you are number %(position)s on the waiting list.")

SESSION_CANCELLED = _("This session has been cancelled.")
NO_REGISTRATION = _("This session needs no registration: everyone enrolled takes part.")
REGISTRATION_CLOSED = _("Registration for this session is closed: it has already started.")
ENROL_FIRST = _("Please enrol in the programme first; registration is for confirmed participants.")
OTHER_COHORT = _("This session is for another group of the programme.")
ALREADY_REGISTERED = _("You are already registered for this session.")
REGISTERED = _("You are registered for “%(session)s”. A confirmation is on its way by email.")

NOT_ACTIVE = _("This place has already been cancelled.")
TOO_LATE_TO_CANCEL = ngettext_lazy(
    "It is too late to cancel online: cancellations close %(hours)s hour before the start. "
    "Please write to the coordinators.",
    "It is too late to cancel online: cancellations close %(hours)s hours before the start. "
    "Please write to the coordinators.",
    "hours",
)
CANCELLED = _("Your place has been cancelled.")
WAITING_LEFT = _("You have left the waiting list.")

NOT_PENDING = _("Only pending requests can be approved.")
APPROVED = _("Approved: %(participant)s is enrolled.")
APPROVED_WAITING = _("Approved, but the group is full: %(participant)s is on the waiting list.")
REJECTED = _("Rejected: %(participant)s has been told by email.")

INVITATION_BAD = _("This invitation link is not valid. Please check that you copied all of it.")
INVITATION_EXPIRED = _(
    "This invitation link has expired. Please ask the programme's coordinators for a new one."
)
INVITATION_REVOKED = _(
    "This invitation link has been withdrawn. Please ask the programme's coordinators for a new "
    "one."
)
INVITATION_USED = _(
    "This invitation link has already been used. Please ask the programme's coordinators for a "
    "new one."
)
INVITATION_OTHER_EMAIL = _(
    "This invitation was sent to another email address. Sign in with that address, or ask the "
    "coordinators for a new link."
)
