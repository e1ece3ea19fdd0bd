from django.urls import include, path

from . import coach_views, views

urlpatterns = [
    path("learn/", views.learn, name="learn"),
    path("certificates/<str:code>.pdf", views.certificate_pdf, name="certificate_pdf"),
    path("certificates/<str:code>/", views.certificate, name="certificate"),
    path("coach/", coach_views.coach_index, name="coach_index"),
    path("coach/<int:course_id>/", coach_views.coach_report, name="coach_report"),
    path("coach/<int:course_id>/export.csv", coach_views.coach_export, name="coach_export"),
    path("", include("courses.workshops.urls")),
]
