from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CopConfig(AppConfig):
    """Community of practice: spaces with live discussion, follow-up activities, assessment."""

    name = "cop"
    verbose_name = _("Community of practice")

    def ready(self):
        # Connecting receivers and registering with the shell is ready()'s job.
        from . import receivers, shell  # noqa: F401, PLC0415 - the models are ready only now

        shell.register()
