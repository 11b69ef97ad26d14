import importlib
import logging
import smtplib

from celery import shared_task

from .emails import render_email, send_rendered

logger = logging.getLogger(__name__)

# Each email names a builder that turns primary keys into a template context, or None when the
# objects are gone (the task then returns quietly). Apps add theirs: "module.path:function".
CONTEXT_BUILDERS: dict[str, str] = {}


def register_context_builder(name: str, dotted_path: str) -> None:
    CONTEXT_BUILDERS[name] = dotted_path


def _build_context(name: str, context_ids: dict):
    dotted = CONTEXT_BUILDERS.get(name)
    if dotted is None:
        return dict(context_ids)
    module_name, function_name = dotted.split(":")
    return getattr(importlib.import_module(module_name), function_name)(**context_ids)


@shared_task(
    name="lookingup.send_email",
    autoretry_for=(smtplib.SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=5,
)
def task_send_email(*, name: str, to: str, language: str, context_ids: dict):
    context = _build_context(name, context_ids)
    if context is None:
        logger.info("Email %s to %s skipped: its objects are gone", name, to)
        return
    attachments = context.pop("attachments", [])
    email = render_email(name, to=to, language=language, context=context)
    email.attachments.extend(attachments)
    send_rendered(email)
