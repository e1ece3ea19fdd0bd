"""core's part of the Wagtail admin: the "Out-of-date translations" report, for the pages
and snippets of every app (core.translation_report)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from .translation_report import EDITOR_PERMISSIONS, OutOfDateTranslationsView


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, EDITOR_PERMISSIONS)


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    urls = [
        path("", OutOfDateTranslationsView.as_view(), name="out_of_date"),
        path(
            "results/",
            OutOfDateTranslationsView.as_view(results_only=True),
            name="out_of_date_results",
        ),
    ]
    return [path("reports/out-of-date-translations/", include((urls, "core_translations")))]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return EditorsMenuItem(
        _("Out-of-date translations"),
        reverse("core_translations:out_of_date"),
        name="out-of-date-translations",
        icon_name="warning",
        order=9010,  # after wagtail-localize's "Translations" (9000)
    )
