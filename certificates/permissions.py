"""What coordinators may do with certificates in the admin (added to the "Coordinators" group
by programmes.services; the admin narrows it to their programmes)."""

COORDINATOR_PERMISSIONS = [
    "certificates.view_certificate",
    "certificates.change_certificate",  # revoke and re-issue: the rows themselves are read-only
    "certificates.view_certificatebatch",
    "certificates.add_certificatebatch",
    "certificates.view_certificatedesign",
    "certificates.add_certificatedesign",
    "certificates.change_certificatedesign",
]
