from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import get_language

from lookingup import outbox


class AccountAdapter(DefaultAccountAdapter):
    """allauth's mails (address confirmation, password reset) go through the outbox too.

    They are rendered here, in the request's language, because their links carry keys that
    cannot be rebuilt from ids later; the outbox stores the text until it is sent.
    """

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = context.get("request") or getattr(self, "request", None)
        message = self.render_mail(
            template_prefix,
            email,
            {"email": email, "current_site": get_current_site(request), **context},
        )
        html = next((body for body, kind in message.alternatives if kind == "text/html"), "")
        text = message.body
        if message.content_subtype == "html":
            html, text = message.body, ""
        outbox.queue_rendered(
            f"account-{template_prefix.rsplit('/', 1)[-1]}",
            to=email,
            language=get_language(),
            subject=message.subject,
            text=text,
            html=html,
        )
