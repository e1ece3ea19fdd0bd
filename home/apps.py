from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """Wagtail home, standard and country pages, site search, the site shell."""

    name = "home"
    verbose_name = _("Home and site")

    def ready(self):
        from django.db.models.signals import post_delete  # noqa: PLC0415 - the signals and models are ready only in ready()
        from wagtail.models import Page  # noqa: PLC0415 - the signals and models are ready only in ready()
        from wagtail.signals import page_published, page_unpublished, post_page_move  # noqa: PLC0415 - the signals and models are ready only in ready()

        from . import shell  # noqa: PLC0415 - the signals and models are ready only in ready()
        from .navigation import clear_menu_cache  # noqa: PLC0415 - the signals and models are ready only in ready()

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(clear_menu_cache, dispatch_uid=f"menu-{signal!r}")
        post_delete.connect(clear_menu_cache, sender=Page, dispatch_uid="menu-delete")
        shell.register()
