from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index

from core.searchfields import FoldedSearch, folded_search_fields


class Feature(FoldedSearch, TranslatableMixin, index.Indexed, models.Model):
    """One of the seven features of the SSE (ILC 2022 definition): a translatable snippet.

    Lessons show it as a card; the self-assessment asks about it.
    """

    number = models.PositiveSmallIntegerField(_("number"), help_text=_("1 to 7."))
    name = models.CharField(_("name"), max_length=120)
    summary = models.TextField(_("in one sentence"))
    in_practice = models.TextField(_("what it looks like in practice"))
    how_to_adopt = models.TextField(_("how an organization that lacks it can adopt it"))

    search_fields = [
        index.SearchField("name"),
        index.SearchField("summary"),
        *folded_search_fields(),
    ]
    folded_title_fields = ("name",)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("SSE feature")
        verbose_name_plural = _("SSE features")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "locale"], name="unique_feature_number"),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"
