from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    """National follow-up activities: what each country does after the programme's
    capacity building, its indicators, quarterly reports that a regional reviewer
    validates, evidence, history, and a live regional overview."""

    name = "cop.activities"
    label = "activities"
    verbose_name = _("Follow-up activities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import shell  # noqa: PLC0415 - the models are ready only in ready()

        shell.register()
