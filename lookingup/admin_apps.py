"""The admin's list of applications and models (its index, and the navigation sidebar of
every admin page), worked out once per kind of user rather than on every page.

Building it asks every model admin four permission questions and reverses two URLs for each
model: a tenth of a coordinator's register page. What every model admin here allows without
an object depends only on the user's permissions and superuser flag (``has_*_permission``
returns constants or asks those), so the list is a function of them, the language and the
URL prefix, and is remembered per process under those.
"""

from django.urls import get_script_prefix
from django.utils import translation

_REMEMBERED_AT_MOST = 256


def remembered_app_list(get_app_list):
    """Wrap ``AdminSite.get_app_list``. Its callers only read the list."""
    remembered: dict[tuple, list] = {}

    def app_list(request, app_label=None):
        user = request.user
        if not user.is_active:
            return get_app_list(request, app_label)
        who = ("superuser",) if user.is_superuser else tuple(sorted(user.get_all_permissions()))
        key = (who, app_label, translation.get_language(), get_script_prefix())
        found = remembered.get(key)
        if found is None:
            if len(remembered) >= _REMEMBERED_AT_MOST:
                remembered.clear()
            found = remembered[key] = get_app_list(request, app_label)
        return found

    app_list.forget = remembered.clear
    return app_list
