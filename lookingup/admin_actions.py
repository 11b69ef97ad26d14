"""The page an admin action shows to ask its questions before acting, for every app's actions."""

from django.contrib.admin import helpers
from django.template.response import TemplateResponse


def action_form(model_admin, request, queryset, *, action, form, title, intro, button, items=()):
    """Ask ``form``'s questions about the selected rows; posting it runs ``action`` again.

    Works without JavaScript: the selection travels in hidden fields, as the admin's own
    delete confirmation does. ``items`` optionally lists what will be acted on.
    """
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "intro": intro,
        "button": button,
        "items": items,
        "opts": model_admin.model._meta,
        "form": form,
        "count": queryset.count(),
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "action_name": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "select_across": request.POST.get("select_across", "0"),
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, "admin/action_form.html", context)
