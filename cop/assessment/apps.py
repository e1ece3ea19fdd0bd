from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    """The programme's analytical tool: organizations assess themselves (or are assessed
    by the country's researchers) against the seven features of the SSE and the phase-1
    sub-conditions, are classified (SSEOE, PHO, outside), and may publish their results
    to the regional tapestry."""

    name = "cop.assessment"
    label = "assessment"
    verbose_name = _("SSE self-assessment")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import shell  # noqa: PLC0415 - the models are ready only in ready()

        shell.register()
