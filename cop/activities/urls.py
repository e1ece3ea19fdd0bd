from django.urls import path, register_converter

from .views import activity, evidence, indicators, overview, reports


class PeriodConverter:
    regex = r"\d{4}-Q[1-4]"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(PeriodConverter, "period")

urlpatterns = [
    # The regional overview: board, filtered list, exports (views/overview.py)
    path("activities/", overview.overview, name="activities"),
    path("activities/export.<str:fmt>", overview.export, name="activities_export"),
    # An activity and its progress (views/activity.py)
    path("activities/new/", activity.create, name="activity_create"),
    path("activities/<int:pk>/", activity.detail, name="activity"),
    path("activities/<int:pk>/edit/", activity.edit, name="activity_edit"),
    path("activities/<int:pk>/history/", activity.history, name="activity_history"),
    path("activities/<int:pk>/updates/", activity.post_update, name="activity_post_update"),
    path("activities/<int:pk>/comments/", activity.comment, name="activity_comment"),
    # Indicators and their quarterly values (views/indicators.py)
    path("activities/<int:pk>/indicators/new/", indicators.indicator, name="indicator_create"),
    path(
        "activities/<int:pk>/indicators/<int:indicator_id>/",
        indicators.indicator,
        name="indicator_edit",
    ),
    path(
        "activities/<int:pk>/indicators/<int:indicator_id>/values/",
        indicators.values,
        name="indicator_values",
    ),
    # Evidence: upload, and the only way to read a file (views/evidence.py)
    path("activities/<int:pk>/evidence/new/", evidence.upload, name="activity_evidence_add"),
    path(
        "activities/<int:pk>/evidence/<int:evidence_id>/",
        evidence.download,
        name="activity_evidence",
    ),
    # Quarterly reports (views/reports.py); <slug>: a country's slug or "regional"
    path("activities/reports/", reports.report_list, name="activity_reports"),
    path(
        "activities/reports/<slug:country>/<period:period>/",
        reports.report,
        name="activity_report",
    ),
    path(
        "activities/reports/<slug:country>/<period:period>/submit/",
        reports.submit,
        name="activity_report_submit",
    ),
    path(
        "activities/reports/<slug:country>/<period:period>/review/",
        reports.review,
        name="activity_report_review",
    ),
]
