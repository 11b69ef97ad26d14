from django.contrib import messages

LEVELS = {"success": messages.SUCCESS, "warning": messages.WARNING, "error": messages.ERROR}


def show(request, outcome) -> None:
    """An Outcome's message, as it is."""
    messages.add_message(request, LEVELS.get(outcome.level, messages.INFO), outcome.message)
