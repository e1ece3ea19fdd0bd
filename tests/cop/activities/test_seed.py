"""The demo's follow-up activities (cop/activities/seed.py): the twelve countries' story,
its owners, reports, draft and links, and that seeding twice changes nothing. On the
demo seed (demo_db), which the activities' seeder then completes."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone

from accounts.constants import PROGRAMME_COUNTRIES
from accounts.models import User
from cop.activities import periods, permissions, seed, seed_content, services
from cop.activities.constants import EventKind, Kind, ReportStatus, Status
from cop.activities.models import (
    Activity,
    Comment,
    Event,
    Indicator,
    IndicatorValue,
    Report,
    Update,
)
from core.text import is_blank, render_markdown, validate_user_text

pytestmark = pytest.mark.django_db

TWELVE = {country.value for country in PROGRAMME_COUNTRIES}


@pytest.fixture
def seeded(demo_db):
    seed.seed_activities()  # nothing to do once seed_demo runs this seeder itself
    return {(a.country, a.title): a for a in Activity.objects.prefetch_related("owners")}


def person(email):
    return User.objects.get(email=email)


def row_counts():
    """Every table of the app, its history tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_app_config("activities").get_models()
    }


def previous_report(country):
    period = periods.Period.current().previous()
    return Report.objects.get(country=country, year=period.year, quarter=period.quarter)


def test_every_programme_country_and_the_region_has_published_activities(seeded):
    published = Activity.objects.published()

    assert set(published.values_list("country", flat=True)) == {*TWELVE, ""}
    assert published.filter(country="").count() == 2
    assert len(seeded) == len(seed_content.ACTIVITIES)


def test_the_story_is_the_programmes_follow_up(seeded):
    kinds = set(Activity.objects.values_list("kind", flat=True))

    for kind in (
        Kind.ADVISORY_COMMITTEE,
        Kind.VALIDATION_WORKSHOP,
        Kind.RESEARCH_DISSEMINATION,
        Kind.POLICY_DIALOGUE,
        Kind.CAPACITY_BUILDING,
    ):
        assert kind in kinds
    assert set(Activity.objects.values_list("status", flat=True)) == set(Status.values)


def test_the_bangkok_conference_of_november_2023_was_the_regional_dissemination(seeded):
    conference = seeded[("", seed_content.CONFERENCE_TITLE)]

    assert (conference.kind, conference.status) == (Kind.RESEARCH_DISSEMINATION, Status.COMPLETED)
    assert (conference.actual_start.year, conference.actual_start.month) == (2023, 11)
    assert "Bangkok, November 2023" in conference.description
    completed = conference.updates.get(status_after=Status.COMPLETED)
    assert timezone.localtime(completed.created_at).date() == date(2023, 11, 30)
    values = IndicatorValue.objects.filter(indicator__activity=conference)
    assert {(v.year, v.quarter) for v in values} == {(2023, 4)}


def test_the_demo_focal_points_own_their_countries_activities(seeded):
    owners = {"KH": seed.FOCAL_KH, "TH": seed.FOCAL_TH}

    for (country, _title), activity in seeded.items():
        emails = [owner.email for owner in activity.owners.all()]
        if country in owners:
            assert emails == [owners[country]]
            assert activity.created_by.email == owners[country]
        else:
            assert emails == []
            assert activity.created_by.email == (seed.OFFICER if country == "" else seed.ADMIN)


def test_thailands_previous_quarter_awaits_validation_with_its_values_entered_first(seeded):
    report = previous_report("TH")

    assert report.status == ReportStatus.SUBMITTED
    assert report.submitted_by.email == seed.FOCAL_TH
    assert report.reviewed_by is None
    values = IndicatorValue.objects.filter(
        indicator__activity__country="TH", year=report.year, quarter=report.quarter
    )
    assert values.count() == 5  # two totals, and a woman and a man cell for one of them
    entered = IndicatorValue.history.filter(id__in=values.values("id"))
    assert all(row.history_date < report.submitted_at for row in entered)


def test_cambodias_previous_quarter_was_returned_with_the_officers_comment(seeded):
    report = previous_report("KH")

    assert report.status == ReportStatus.RETURNED
    assert report.submitted_by.email == seed.FOCAL_KH
    assert report.reviewed_by.email == seed.OFFICER
    assert report.review_comment == seed_content.REPORTS[1]["comment"]
    assert [row.status for row in report.history.order_by("history_id")] == [
        ReportStatus.OPEN,
        ReportStatus.SUBMITTED,
        ReportStatus.RETURNED,
    ]


def test_the_two_played_reports_are_the_only_ones_not_open(seeded):
    played = Report.objects.exclude(status=ReportStatus.OPEN)

    assert sorted(played.values_list("country", "status")) == [
        ("KH", ReportStatus.RETURNED),
        ("TH", ReportStatus.SUBMITTED),
    ]


def test_seeding_twice_changes_no_row_and_no_history(seeded):
    counts = row_counts()
    stamps = list(Activity.objects.order_by("pk").values_list("pk", "updated_at", "status"))

    seed.seed_activities()

    assert row_counts() == counts
    assert list(Activity.objects.order_by("pk").values_list("pk", "updated_at", "status")) == (
        stamps
    )
    assert counts["activities.HistoricalActivity"] >= len(seed_content.ACTIVITIES)


def test_every_text_shown_is_the_sanitisers_output(seeded):
    for activity in Activity.objects.all():
        assert activity.description_html == render_markdown(activity.description)
        assert activity.description_html.startswith("<p>")
    for row in [*Update.objects.all(), *Comment.objects.all()]:
        assert row.body_html == render_markdown(row.body)
    for report in Report.objects.exclude(summary=""):
        assert report.summary_html == render_markdown(report.summary)


def test_every_seed_text_would_pass_the_forms():
    texts = [
        *(spec["description"] for spec in seed_content.ACTIVITIES),
        *(body for spec in seed_content.ACTIVITIES for _d, _s, body in spec.get("updates", ())),
        *(body for spec in seed_content.ACTIVITIES for _e, _d, body in spec.get("comments", ())),
        *(spec["summary"] for spec in seed_content.REPORTS),
    ]

    for text in texts:
        validate_user_text(text)
        assert not is_blank(text)
        assert len(text) <= 10_000


def test_every_indicator_has_a_target_and_every_started_activity_has_values(seeded):
    assert Indicator.objects.filter(target__lte=0).count() == 0
    for activity in Activity.objects.prefetch_related("indicators__values"):
        assert activity.indicators.all()
        started = activity.status in (Status.IN_PROGRESS, Status.COMPLETED)
        has_values = [bool(i.values.all()) for i in activity.indicators.all()]
        assert all(has_values) if started else not any(has_values)
    quarters = set(IndicatorValue.objects.values_list("year", "quarter"))
    assert {(p.year, p.quarter) for p in periods.recent(4)} <= quarters  # the recent quarters


def test_values_broken_down_by_sex_add_up_to_their_totals(seeded):
    quarters = defaultdict(dict)  # (indicator, year, quarter) -> {sex: value}
    for v in IndicatorValue.objects.filter(indicator__by_sex=True):
        quarters[(v.indicator_id, v.year, v.quarter)][v.sex] = v.value

    assert len(quarters) >= 8
    for cells in quarters.values():
        assert sorted(cells) == ["", "man", "woman"]
        assert cells["woman"] + cells["man"] == cells[""]
    assert not IndicatorValue.objects.filter(indicator__by_sex=False).exclude(sex="").exists()


def test_the_returned_quarter_takes_corrections_and_the_submitted_one_is_locked(seeded):
    period = periods.Period.current().previous()
    cambodian = Indicator.objects.get(name="Officials reached")
    thai = Indicator.objects.get(name="Provincial dissemination events held")

    corrected = services.report_value(person(seed.FOCAL_KH), cambodian, period, Decimal(52))

    assert corrected.value == 52
    with pytest.raises(services.Refused) as refused:
        services.report_value(person(seed.FOCAL_TH), thai, period, Decimal(3))
    assert refused.value.code == "locked"


def test_the_thai_draft_is_seen_only_by_those_who_edit_it_and_told_to_no_one(seeded):
    draft = seeded[("TH", seed_content.THAI_DRAFT_TITLE)]

    assert draft.is_draft
    assert Activity.objects.filter(is_draft=True).count() == 1
    assert permissions.visible(person(seed.FOCAL_TH), Activity.objects).filter(pk=draft.pk)
    for email in (seed.FOCAL_KH, "learner@example.org"):
        assert not permissions.visible(person(email), Activity.objects).filter(pk=draft.pk)
    assert not Event.objects.filter(activity=draft).exists()


def test_the_live_log_tells_each_published_activity_and_its_updates(seeded):
    published = Activity.objects.published()

    created = Event.objects.filter(kind=EventKind.CREATED)
    assert sorted(created.values_list("activity_id", flat=True)) == sorted(
        published.values_list("id", flat=True)
    )
    told = {e.payload["update"]["id"]: e for e in Event.objects.filter(kind=EventKind.UPDATE)}
    assert sorted(told) == sorted(Update.objects.values_list("id", flat=True))
    for update in Update.objects.all():  # told on the story's day, as the timeline shows it
        assert told[update.id].created_at == update.created_at
    assert Event.objects.filter(kind=EventKind.REPORT).count() == 3  # submitted twice, returned


def test_the_timeline_follows_the_story_and_statuses_come_from_updates(seeded):
    now = timezone.now()
    for (country, title), activity in seeded.items():
        spec = next(
            s for s in seed_content.ACTIVITIES if (s["country"], s["title"]) == (country, title)
        )
        updates = list(activity.updates.order_by("created_at"))
        assert [u.body for u in updates] == [body for _d, _s, body in spec.get("updates", ())]
        assert all(u.created_at < now for u in updates)
        moved = [u.status_after for u in updates if u.status_after]
        assert activity.status == (moved[-1] if moved else Status.PLANNED)
        assert activity.created_at <= min([u.created_at for u in updates], default=now)


def test_activities_are_linked_to_the_seeded_learning_spaces_and_topics(seeded):
    training = seeded[("TH", "Cooperative governance training for Thai cooperatives")]
    regional = seeded[("", "Regional workshop on the seven features of the SSE")]
    validation = seeded[("KH", "National validation workshop of the SSE mapping study")]
    committee = seeded[
        ("KH", "National advisory committee meeting: validation of the mapping findings")
    ]

    assert training.workshop.title == seed_content.THAI_COOPERATIVE_TRAINING
    assert regional.workshop.title == seed_content.REGIONAL_WORKSHOP
    assert regional.course_page.title == seed_content.SSE_COURSE
    assert regional.space.slug == "regional"
    assert validation.workshop.title == seed_content.CAMBODIA_VALIDATION
    assert validation.course_page.title == seed_content.POLICY_MODULE
    assert committee.topic.title == seed_content.CAMBODIA_TOPIC
    assert committee.space.slug == "cambodia"


def test_without_the_demo_accounts_it_does_nothing():
    seed.seed_activities()

    assert not Activity.objects.exists()
    assert not Report.objects.exists()
