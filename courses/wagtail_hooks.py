from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Feature


class FeatureViewSet(SnippetViewSet):
    model = Feature
    icon = "tag"
    menu_label = _("SSE features")
    list_display = ["number", "name"]
    ordering = ["number"]
    add_to_admin_menu = True


register_snippet(FeatureViewSet)
