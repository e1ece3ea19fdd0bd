from django.urls import path

from .views import history, questionnaire, result
from .views import home as home_views
from .views import organizations as orgs
from .views import tapestry as tapestry_views

urlpatterns = [
    # The start page: my organizations, my country's mapped ones, start or resume
    path("assessment/", home_views.home, name="assessment"),
    # Organizations, members, invitations, the CSV import (views/organizations.py)
    path("assessment/organizations/new/", orgs.create, name="assessment_org_create"),
    path("assessment/organizations/record/", orgs.record, name="assessment_org_record"),
    path("assessment/organizations/import/", orgs.import_csv, name="assessment_org_import"),
    path("assessment/organizations/<int:pk>/", orgs.detail, name="assessment_org"),
    path("assessment/organizations/<int:pk>/edit/", orgs.edit, name="assessment_org_edit"),
    path("assessment/organizations/<int:pk>/sharing/", orgs.sharing, name="assessment_org_sharing"),
    path("assessment/organizations/<int:pk>/invite/", orgs.invite, name="assessment_org_invite"),
    path("assessment/invitations/<str:token>/", orgs.invitation, name="assessment_invitation"),
    # The questionnaire (views/questionnaire.py)
    path("assessment/organizations/<int:pk>/assess/", questionnaire.start, name="assessment_start"),
    path("assessment/<int:pk>/step/<int:step>/", questionnaire.step, name="assessment_step"),
    path("assessment/<int:pk>/review/", questionnaire.review, name="assessment_review"),
    path(
        "assessment/organizations/<int:pk>/history/", history.history, name="assessment_org_history"
    ),
    # The result (views/result.py)
    path("assessment/<int:pk>/", result.result, name="assessment_result"),
    path("assessment/<int:pk>/print/", result.print_page, name="assessment_print"),
    path("assessment/<int:pk>.pdf", result.pdf, name="assessment_pdf"),
    # The regional tapestry (views/tapestry.py)
    path("assessment/tapestry/", tapestry_views.tapestry_page, name="tapestry"),
    path("assessment/tapestry.csv", tapestry_views.tapestry_export, name="tapestry_export"),
]
