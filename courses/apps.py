from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Course > module > lesson pages, quizzes, progress, certificates and workshops."""

    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from . import shell  # noqa: PLC0415 - the models are ready only in ready()

        shell.register()
