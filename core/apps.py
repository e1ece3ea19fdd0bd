from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every feature uses: for now the live-update base (core.live) and its receivers."""

    name = "core"

    def ready(self):
        from . import receivers  # noqa: F401, PLC0415 - connecting receivers is ready()'s job
