from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from goodpractices.models import GoodPractice
from goodpractices.services.search import MARK_END, MARK_START

register = template.Library()


@register.filter
def highlighted(snippet: str) -> str:
    """A search snippet with its matched words in <mark>; everything else escaped."""
    text = escape(snippet or "")
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))  # noqa: S308 - escaped above


@register.filter
def rich_text(value: str) -> str:
    """Stored rich text, sanitised again on the way out (nh3): whatever wrote it, nothing
    but structure and links reaches the page."""
    from goodpractices.forms import sanitise_rich_text

    return mark_safe(sanitise_rich_text(value))  # noqa: S308 - nh3 output


@register.inclusion_tag("goodpractices/_my_practices.html", takes_context=True)
def my_practices(context):
    """My space: the practices the person wrote and where each stands (one query)."""
    user = context["user"]
    practices = (
        GoodPractice.objects.filter(submitted_by=user)
        .select_related("call")
        .order_by("-updated_at", "-pk")
        if user.is_authenticated
        else []
    )
    return {"practices": practices, "user": user}
