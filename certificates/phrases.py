"""What certificates say in more than one place: pages, PDFs, emails and messages."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .enums import FunderNotice

ERASMUS_PLUS_DISCLAIMER = _(
    "Funded by the European Union. Views and opinions expressed are however those of the "
    "author(s) only and do not necessarily reflect those of the European Union or the European "
    "Education and Culture Executive Agency (EACEA). Neither the European Union nor EACEA can "
    "be held responsible for them."
)

ISSUED = _("Certificate issued to %(name)s.")
ALREADY_ISSUED = _("%(name)s already has a certificate for this programme.")
NOT_ELIGIBLE = _("%(name)s has not reached the attendance this programme asks for.")
NO_RULE = _("This programme gives no certificate: it has no attendance rule.")
NO_NAME = _("%(email)s has no name for certificates: add it to the profile first.")
REISSUED = _("A new certificate replaces the previous one for %(name)s.")
REISSUE_REASON = _("Replaced by a new certificate after attendance changed.")
REVOKED = _("The certificate of %(name)s has been revoked.")
ALREADY_REVOKED = _("This certificate was already revoked.")
REASON_REQUIRED = _("Say why the certificate is revoked.")
RENDER_FAILED = _("The PDF could not be produced; nothing was issued. Please try again later.")


def funder_notice(design) -> str:
    """The funder's mandatory wording in the active language, or an empty string."""
    if design is None or not design.funder_notice:
        return ""
    if design.funder_notice == FunderNotice.ERASMUS_PLUS:
        return gettext(ERASMUS_PLUS_DISCLAIMER)
    return design.funder_notice_text or ""
