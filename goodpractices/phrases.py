"""Messages that several modules show: one wording, translated once."""

from django.utils.translation import gettext_lazy as _

CALL_NOT_OPEN = _("This call is not open for submissions.")
CALL_CLOSED = _(
    "The call closed on %(date)s: your draft is saved, but it can no longer be submitted."
)
NOT_YOURS = _("Only the person who wrote this practice can change it.")
NOT_EDITABLE = _("This practice is with the reviewers: it cannot be changed now.")
INCOMPLETE = _("Your draft is saved. To submit it, please complete: %(fields)s.")
DRAFT_SAVED = _("Your draft is saved. You can come back to it from My space.")
SUBMITTED = _("Thank you: “%(title)s” is submitted. A confirmation is on its way by email.")
RESUBMITTED = _("Thank you: “%(title)s” is back with the reviewers.")
NOT_REVIEWER = _("Only the coordinators of this call's programme review its practices.")
ACTION_NOT_ALLOWED = _("This step is not possible while the practice is “%(status)s”.")
MESSAGE_REQUIRED = _("Please write a message to the submitter.")
COMMENTED = _("Your comment is saved and the submitter has been told.")
CHANGES_REQUESTED = _("Changes requested: the submitter has been told.")
PUBLISHED = _("“%(title)s” is published.")
REJECTED = _("“%(title)s” is rejected: the submitter has been told.")
MATERIAL_ADDED = _("The material is added.")
