from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """Moderated forum: categories, topics, posts, moderation and live topic updates."""

    name = "forum"
    verbose_name = _("Forum")
