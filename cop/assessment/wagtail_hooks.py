from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Question


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Assessment questions")
    list_display = ["text", "feature", "sub_condition", "sort_order"]
    list_filter = ["feature", "sub_condition"]
    ordering = ["feature", "sub_condition", "sort_order"]


register_snippet(QuestionViewSet)
