from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every feature uses: for now the live-update base (core.live) and its receivers."""

    name = "core"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the session-ending signals)
