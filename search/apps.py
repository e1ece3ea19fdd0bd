from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search: the Wagtail pages of the current language, then what every app offers
    through core.registry.search_providers."""

    name = "search"
    label = "site_search"
    verbose_name = _("Site search")

    def ready(self):
        from . import providers  # noqa: PLC0415 - the models are ready only in ready()

        providers.register()
