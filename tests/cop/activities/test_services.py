"""The tracker's services: who may change what, the country set from who creates it,
the quarter lock, the history and the events the live stream sends."""

from decimal import Decimal

import pytest

from accounts.constants import Role
from cop.activities import services
from cop.activities.constants import EventKind, ReportStatus, Status
from cop.activities.models import Activity, Event, IndicatorValue, Report
from cop.activities.periods import Period
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory, IndicatorFactory, ReportFactory

pytestmark = pytest.mark.django_db

FIELDS = {"kind": "policy_dialogue", "title": "Policy dialogue on the SSE law"}


def test_a_focal_point_creates_activities_of_its_own_country_only():
    focal = focal_point("KH")

    activity = services.create_activity(focal, "KH", FIELDS)

    assert activity.country == "KH"
    assert activity.created_by == focal
    with pytest.raises(services.Refused):
        services.create_activity(focal, "TH", FIELDS)
    with pytest.raises(services.Refused):
        services.create_activity(focal, "", FIELDS)  # regional: the programme officers'
    assert not Activity.objects.filter(country="TH").exists()


def test_the_fields_a_form_sends_cannot_set_country_owner_or_creator():
    focal, other = focal_point("KH"), UserFactory()

    activity = services.create_activity(
        focal, "KH", {**FIELDS, "country": "TH", "created_by": other, "is_draft": True}
    )

    activity.refresh_from_db()
    assert (activity.country, activity.created_by, activity.is_draft) == ("KH", focal, False)


def test_a_profile_country_grants_nothing():
    member = UserFactory(country="TH", roles=[Role.FOCAL_POINT])  # no scope granted

    with pytest.raises(services.Refused):
        services.create_activity(member, "TH", FIELDS)


def test_owners_edit_their_activity_but_do_not_choose_its_owners():
    owner, stranger = UserFactory(), UserFactory()
    activity = ActivityFactory(country="TH", owners=[owner])

    services.edit_activity(owner, activity, {"title": "Renamed", "status": Status.IN_PROGRESS})
    with pytest.raises(services.Refused):
        services.set_owners(owner, activity, [owner, stranger])
    with pytest.raises(services.Refused):
        services.edit_activity(stranger, activity, {"title": "Mine now"})

    activity.refresh_from_db()
    assert activity.title == "Renamed"
    assert list(activity.owners.all()) == [owner]


def test_an_owner_may_start_activities_where_it_owns_one():
    owner = UserFactory()
    ActivityFactory(country="LA", owners=[owner])

    started = services.create_activity(owner, "LA", FIELDS)

    assert started.country == "LA"
    assert list(started.owners.all()) == [owner]  # or it could not edit what it made
    services.edit_activity(owner, started, {"title": "Renamed"})
    with pytest.raises(services.Refused):
        services.create_activity(UserFactory(), "LA", FIELDS)


def test_moderators_and_officers():
    moderator = UserFactory(roles=[Role.MODERATOR])
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])

    assert services.create_activity(moderator, "JP", FIELDS).country == "JP"
    assert services.create_activity(officer, "", FIELDS).country == ""
    with pytest.raises(services.Refused):
        services.create_activity(officer, "JP", FIELDS)


def test_every_change_is_in_the_history_with_who_made_it():
    focal = focal_point("TH")
    activity = services.create_activity(focal, "TH", FIELDS)
    services.edit_activity(focal, activity, {"status": Status.IN_PROGRESS})

    history = list(activity.history.order_by("history_date"))

    assert [h.history_type for h in history] == ["+", "~"]
    assert [h.history_user for h in history] == [focal, focal]
    assert history[-1].status == Status.IN_PROGRESS


def test_an_update_changes_the_status_and_is_told_live_as_one_event():
    owner = UserFactory()
    activity = ActivityFactory(owners=[owner])

    update = services.post_update(owner, activity, "Done *today*.", status=Status.COMPLETED)

    activity.refresh_from_db()
    assert activity.status == Status.COMPLETED
    assert (update.status_before, update.status_after) == (Status.PLANNED, Status.COMPLETED)
    assert "<em>today</em>" in update.body_html
    event = Event.objects.get()
    assert event.kind == EventKind.UPDATE
    assert event.payload["update"]["status_after"] == Status.COMPLETED
    assert event.payload["activity"]["status"] == Status.COMPLETED


def test_drafts_send_no_event_until_they_are_published():
    focal = focal_point("TH")
    activity = services.create_activity(focal, "TH", FIELDS, is_draft=True)
    assert not Event.objects.exists()

    services.edit_activity(focal, activity, {}, is_draft=False)

    assert list(Event.objects.values_list("kind", flat=True)) == [EventKind.CREATED]


def test_values_are_refused_in_future_quarters_and_for_breakdowns_not_asked():
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(owners=[owner]))

    with pytest.raises(services.Refused) as future:
        services.report_value(owner, indicator, Period.current().next(), Decimal(1))
    with pytest.raises(services.Refused) as breakdown:
        services.report_value(owner, indicator, Period.current(), Decimal(1), sex="woman")

    assert (future.value.code, breakdown.value.code) == ("future", "no_breakdown")
    assert not IndicatorValue.objects.exists()


def test_a_value_is_corrected_in_place():
    owner = UserFactory()
    indicator = IndicatorFactory(activity=ActivityFactory(owners=[owner]))
    period = Period.current()

    services.report_value(owner, indicator, period, Decimal(5))
    services.report_value(owner, indicator, period, Decimal(7))

    assert list(indicator.values.values_list("value", flat=True)) == [Decimal(7)]
    assert indicator.values.get().history.count() == 2


def test_a_submitted_or_validated_quarter_is_locked_and_a_returned_one_opens_again():
    focal, reviewer = focal_point("TH"), UserFactory(roles=[Role.PROGRAMME_OFFICER])
    indicator = IndicatorFactory(activity=ActivityFactory(country="TH"))
    period = Period.current()
    services.report_value(focal, indicator, period, Decimal(3))

    report = services.submit_report(focal, "TH", period, "All done.")
    with pytest.raises(services.Refused) as locked:
        services.report_value(focal, indicator, period, Decimal(4))
    assert locked.value.code == "locked"

    services.review_report(reviewer, report, validate=False, comment="Add the women's figures.")
    services.report_value(focal, indicator, period, Decimal(4))
    report = services.submit_report(focal, "TH", period)
    services.review_report(reviewer, report, validate=True)

    with pytest.raises(services.Refused):
        services.report_value(focal, indicator, period, Decimal(5))
    with pytest.raises(services.Refused):
        services.delete_value(focal, indicator.values.get())
    assert indicator.values.get().value == Decimal(4)
    assert Report.objects.get().status == ReportStatus.VALIDATED


def test_reports_are_submitted_by_the_country_and_reviewed_by_someone_else():
    focal_kh, focal_th = focal_point("KH"), focal_point("TH")
    moderator = UserFactory(roles=[Role.MODERATOR])

    with pytest.raises(services.Refused):
        services.submit_report(focal_kh, "TH", Period.current())
    report = services.submit_report(focal_th, "TH", Period.current())
    with pytest.raises(services.Refused):
        services.review_report(focal_th, report, validate=True)
    with pytest.raises(services.Refused) as no_comment:
        services.review_report(moderator, report, validate=False, comment="  ")
    assert no_comment.value.code == "comment"

    services.review_report(moderator, report, validate=True)
    with pytest.raises(services.Refused):  # once only
        services.review_report(moderator, report, validate=True)


def test_a_reviewer_does_not_validate_its_own_submission():
    officer = UserFactory(roles=[Role.PROGRAMME_OFFICER])
    report = services.submit_report(officer, "", Period.current())

    with pytest.raises(services.Refused):
        services.review_report(officer, report, validate=True)


def test_report_events_name_the_country_and_period():
    focal = focal_point("TH")
    ReportFactory(status=ReportStatus.RETURNED, submitted_by=focal)

    services.submit_report(focal, "TH", Period.current())

    event = Event.objects.get()
    assert (event.kind, event.country, event.activity) == (EventKind.REPORT, "TH", None)
    assert event.payload["report"] == {
        "period": str(Period.current()),
        "status": ReportStatus.SUBMITTED,
    }
