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
