from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .enums import MailState


class Mail(models.Model):
    """One outgoing email: written in the transaction of the change that causes it.

    The worker renders it when it sends it, from the ids in ``context``, in ``language``;
    ``key`` names its cause (an enrolment confirmed, a reminder for one session and person) so
    that the same cause can never queue two mails. See lookingup/outbox.py.
    """

    kind = models.CharField(_("kind"), max_length=80)
    key = models.CharField(_("cause"), max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    to = models.EmailField(_("to"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    context = models.JSONField(_("context"), default=dict, blank=True)
    # Mails rendered when queued (allauth's, whose links cannot be rebuilt from ids).
    rendered = models.JSONField(_("rendered message"), null=True, blank=True)
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    session = models.ForeignKey(
        "sessions_app.Session",
        verbose_name=_("session"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    state = models.CharField(
        _("state"), max_length=20, choices=MailState.choices, default=MailState.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # When it may next be taken: now for a new mail, after the backoff for a retry, and at
    # the end of the lease for one being sent (a worker that dies while sending leaves it due).
    due_at = models.DateTimeField(_("due at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The sweep's query: what is due, oldest first.
            models.Index(
                fields=["due_at"],
                name="mail_due",
                condition=Q(state__in=[MailState.QUEUED, MailState.SENDING]),
            ),
        ]

    def __str__(self):
        return f"{self.kind} → {self.to or _('erased address')}"
