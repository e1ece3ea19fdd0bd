from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activity, Indicator, Report


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "country", "kind", "status", "is_draft", "updated_at"]
    list_filter = ["country", "kind", "status", "is_draft"]
    search_fields = ["title", "lead_organization"]
    raw_id_fields = ["owners", "workshop", "course_page", "space", "topic", "created_by"]
    readonly_fields = ["country"]  # set once, from who created it (services.create_activity)


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "activity", "unit", "baseline", "target"]
    raw_id_fields = ["activity"]


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["country", "year", "quarter", "status", "submitted_at", "reviewed_at"]
    list_filter = ["status", "country"]
    readonly_fields = ["status", "submitted_by", "reviewed_by"]
