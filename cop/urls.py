from django.urls import include, path

from . import views

urlpatterns = [
    path("spaces/", views.space_list, name="spaces"),
    path("spaces/<slug:slug>/", views.space_detail, name="space"),
    path("spaces/<slug:slug>/messages/", views.older_messages, name="space_messages"),
    path("spaces/<slug:slug>/archive/", views.archive, name="space_archive"),
    path("spaces/<slug:slug>/post/", views.post, name="space_post"),
    path("spaces/<slug:slug>/join/", views.join, name="space_join"),
    path("spaces/<slug:slug>/leave/", views.leave, name="space_leave"),
    path("spaces/<slug:slug>/messages/<int:message_id>/delete/", views.delete, name="space_delete"),
    path(
        "spaces/<slug:slug>/members/<int:membership_id>/",
        views.moderate_member,
        name="space_member",
    ),
    path("", include("cop.activities.urls")),
    path("", include("cop.assessment.urls")),
]
