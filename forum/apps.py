from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """Moderated forum: categories, topics, posts, moderation and live topic updates."""

    name = "forum"
    verbose_name = _("Forum")

    def ready(self):
        from . import shell  # noqa: PLC0415 - the models are ready only in ready()

        shell.register()
