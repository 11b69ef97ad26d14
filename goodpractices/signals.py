from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from lookingup.cache import bump_content_version

from .models import Call, GoodPractice, PracticeMaterial, Theme
from .services.search import index_practices


@receiver(post_save, sender=GoodPractice)
def index_practice(sender, instance, raw=False, **kwargs):
    """Keep the PostgreSQL search vector in step with the text (see services/search.py)."""
    if not raw:
        index_practices([instance.pk])


def library_changed(sender, **kwargs):
    """The home page and the cached facets show the library: they are stale now."""
    if kwargs.get("action", "post_").startswith("post_"):
        bump_content_version()


for _model in (GoodPractice, PracticeMaterial, Theme, Call):
    post_save.connect(library_changed, sender=_model, dispatch_uid=f"library-{_model.__name__}")
    post_delete.connect(library_changed, sender=_model, dispatch_uid=f"library-d-{_model.__name__}")
m2m_changed.connect(
    library_changed, sender=GoodPractice.themes.through, dispatch_uid="library-themes"
)
