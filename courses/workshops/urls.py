from django.urls import path

from .views import attendance, calendar, manage, public

urlpatterns = [
    # Finding and registering (views/public.py)
    path("workshops/", public.workshop_list, name="workshops"),
    path("workshops/<int:pk>/", public.workshop_detail, name="workshop"),
    path("workshops/<int:pk>/register/", public.register, name="workshop_register"),
    path("workshops/<int:pk>/cancel/", public.cancel, name="workshop_cancel_registration"),
    # Calendars (views/calendar.py)
    path("workshops/<int:pk>.ics", calendar.workshop_ics, name="workshop_ics"),
    path("workshops/calendar/", calendar.feed_settings, name="workshop_feed_settings"),
    path("workshops/calendar/<str:token>.ics", calendar.feed, name="workshop_feed"),
    # Attendance and feedback, participants' side (views/attendance.py)
    path("workshops/<int:pk>/check-in/", attendance.check_in, name="workshop_check_in"),
    path("workshops/<int:pk>/feedback/", attendance.feedback, name="workshop_feedback"),
    # Trainers (views/manage.py)
    path("workshops/manage/", manage.manage_list, name="workshops_manage"),
    path("workshops/manage/new/", manage.create, name="workshop_create"),
    path("workshops/manage/<int:pk>/", manage.overview, name="workshop_manage"),
    path("workshops/manage/<int:pk>/edit/", manage.edit, name="workshop_edit"),
    path("workshops/manage/<int:pk>/publish/", manage.publish, name="workshop_publish"),
    path("workshops/manage/<int:pk>/cancel/", manage.cancel_workshop, name="workshop_cancel"),
    path(
        "workshops/manage/<int:pk>/registrations/<int:registration_id>/decide/",
        manage.decide,
        name="workshop_registration_decide",
    ),
    path(
        "workshops/manage/<int:pk>/registrations/<int:registration_id>/cancel/",
        manage.cancel_registration,
        name="workshop_registration_cancel",
    ),
    path(
        "workshops/manage/<int:pk>/participants.<str:fmt>",
        manage.export,
        name="workshop_export",
    ),
    # Trainers: attendance and feedback (views/attendance.py)
    path(
        "workshops/manage/<int:pk>/sessions/<int:session_id>/attendance/",
        attendance.roster,
        name="workshop_roster",
    ),
    path(
        "workshops/manage/<int:pk>/sessions/<int:session_id>/code/",
        attendance.check_in_code,
        name="workshop_check_in_code",
    ),
    path(
        "workshops/manage/<int:pk>/feedback/",
        attendance.feedback_results,
        name="workshop_feedback_results",
    ),
]
