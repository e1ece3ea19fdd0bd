"""The admin's "Out-of-date translations" report (Reports menu): the translations whose
English source changed after they were last synced (core.translation_status), each with
links to its translation editor, its source and wagtail-localize's sync. For editors: the
admin (Wagtail's "access admin") and a page permission, as Wagtail's own page reports."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .translation_status import out_of_date_translations

EDITOR_PERMISSIONS = ["add", "change", "publish"]


class LinksColumn(Column):
    cell_template_name = "core/translation_report/links_cell.html"

    def get_value(self, instance):
        return instance


class OutOfDateTranslationsView(ReportView):
    page_title = _("Out-of-date translations")
    header_icon = "warning"
    index_url_name = "core_translations:out_of_date"
    index_results_url_name = "core_translations:out_of_date_results"
    results_template_name = "core/translation_report/results.html"
    model = Page  # whose permission policy decides who sees the report
    any_permission_required = EDITOR_PERMISSIONS
    verbose_name_plural = _("out-of-date translations")
    columns = [
        TitleColumn("title", label=_("Translation"), get_url=lambda row: row.edit_url),
        Column("kind", label=_("Type")),
        Column("locale", label=_("Language")),
        DateColumn("changed_at", label=_("Source published")),
        DateColumn("synced_at", label=_("Last synced")),
        LinksColumn("links", label=_("Links")),
    ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.is_export = False  # no spreadsheet of this one: ?export= shows the page

    def get_queryset(self):
        return out_of_date_translations(self.request.user)
