from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    """Workshops that trainers schedule: sessions, registration with a waiting list and
    constituency quotas, calendars, reminders, attendance, feedback and certificates."""

    name = "courses.workshops"
    label = "workshops"
    verbose_name = _("Workshops")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import shell  # noqa: PLC0415 - the models are ready only in ready()

        shell.register()
