from django import template
from django.contrib.admin.templatetags.base import InclusionAdminNode

from participants import admin_lists

register = template.Library()


@register.tag(name="enrolment_result_list")
def enrolment_result_list(parser, token):
    """``{% result_list cl %}`` with the enrolment list's faster rows."""
    return InclusionAdminNode(
        parser,
        token,
        func=lambda cl: admin_lists.result_list(cl, admin_lists.ENROLMENT_COLUMNS),
        template_name="change_list_results.html",
        takes_context=False,
    )


@register.tag(name="kept_date_hierarchy")
def kept_date_hierarchy(parser, token):
    """``{% date_hierarchy cl %}``, kept until something changes."""
    return InclusionAdminNode(
        parser,
        token,
        func=admin_lists.kept_date_hierarchy,
        template_name="date_hierarchy.html",
        takes_context=True,
    )
