from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Course > module > lesson pages, quizzes, progress, certificates and workshops."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.db.models.signals import post_delete, post_save  # noqa: PLC0415 - the models are ready only in ready()
        from wagtail.models import Page  # noqa: PLC0415 - the models are ready only in ready()
        from wagtail.signals import page_published, page_unpublished, post_page_move  # noqa: PLC0415 - the models are ready only in ready()

        from . import shell  # noqa: PLC0415 - the models are ready only in ready()
        from .models import Feature  # noqa: PLC0415 - the models are ready only in ready()
        from .outline import forget_all_outlines, forget_outlines  # noqa: PLC0415 - the models are ready only in ready()

        def page_changed(instance, **kwargs):
            forget_outlines(instance)

        def page_moved(instance, parent_page_before, **kwargs):
            forget_outlines(instance)  # the course it is in now
            forget_outlines(parent_page_before)  # and the one it left

        for signal in (page_published, page_unpublished):
            signal.connect(page_changed, dispatch_uid=f"outline-{signal!r}", weak=False)
        post_delete.connect(page_changed, sender=Page, dispatch_uid="outline-delete", weak=False)
        post_page_move.connect(page_moved, dispatch_uid="outline-move", weak=False)
        # Lessons show features as cards: their cached bodies key on the outline's version.
        for signal in (post_save, post_delete):
            signal.connect(forget_all_outlines, sender=Feature, dispatch_uid=f"outline-{signal!r}")
        shell.register()
