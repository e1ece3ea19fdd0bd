from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Wagtail home, standard and country pages, site search, the site shell."""

    name = "home"
    verbose_name = _("Home and site")
