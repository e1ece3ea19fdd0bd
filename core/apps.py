from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every feature uses: for now the live-update base (core.live) and its receivers."""

    name = "core"

    def ready(self):
        from . import pagecache, pagerouting, receivers  # noqa: F401, PLC0415 - connecting receivers is ready()'s job

        pagerouting.connect_signals()
        pagecache.connect_page_signals()
