"""The tracker's forms on their own: which fields a person gets, what the links accept,
how owners are named, what "today" means, and which cells a quarter's form changes."""

from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from cop.activities.constants import Status
from cop.activities.forms import ActivityForm, OwnersField, QuarterValuesForm, UpdateForm
from cop.activities.periods import Period
from tests.accounts.factories import UserFactory
from tests.courses.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.courses.workshops.factories import WorkshopFactory
from tests.forum.factories import TopicFactory
from tests.home.factories import StandardPageFactory, home_page

from .factories import ActivityFactory, IndicatorFactory, ValueFactory

pytestmark = pytest.mark.django_db

DATA = {"kind": "policy_dialogue", "title": "A dialogue", "status": "planned"}


def form(data=None, user=None, **kwargs):
    return ActivityForm(
        data if data is None else {**DATA, **data}, user=user or UserFactory(), **kwargs
    )


def test_the_country_field_is_there_only_when_there_is_a_choice():
    assert "country" not in form(countries={"KH"}).fields
    assert "country" not in form(countries=()).fields  # an edit
    choices = form(countries={"TH", "KH", ""}).fields["country"].choices

    assert choices == [("", "---------"), ("KH", "Cambodia"), ("TH", "Thailand"),
                       ("regional", "Regional")]  # fmt: skip
    assert next(iter(form(countries={"TH", "KH"}).fields)) == "country"


def test_the_regional_choice_cleans_to_the_blank_country():
    bound = form({"country": "regional"}, countries={"TH", ""})

    assert bound.is_valid(), bound.errors
    assert bound.cleaned_data["country"] == ""


def test_owners_and_draft_are_fields_only_for_those_who_manage():
    assert {"owners", "is_draft"} <= set(form(may_manage=True).fields)
    assert not {"owners", "is_draft"} & set(form(may_manage=False).fields)


def test_the_form_never_carries_country_owners_or_creator_into_the_activity():
    bound = form({"country": "KH", "owners": "x", "created_by": "1", "is_draft": "on"})

    assert bound.is_valid(), bound.errors
    assert set(bound.activity_fields()) == {
        "kind", "title", "description", "status", "planned_start", "planned_end",
        "actual_start", "actual_end", "lead_organization", "workshop", "course_page",
        "space", "topic",
    }  # fmt: skip


def test_owners_are_named_by_handle_or_e_mail_once_each():
    first = UserFactory(email="first@example.net")
    second = UserFactory()
    field = OwnersField()

    owners = field.clean(f"@{second.handle}; FIRST@example.net, {second.handle}, ")

    assert sorted(o.pk for o in owners) == sorted([first.pk, second.pk])
    assert field.clean("  ") == []


def test_too_many_or_unknown_owners_are_refused():
    field = OwnersField()

    with pytest.raises(Exception, match="at most 20 owners"):
        field.clean(", ".join(f"h{n}" for n in range(21)))
    with pytest.raises(Exception, match="ghost"):
        field.clean("@ghost")


def test_the_course_link_takes_a_course_or_module_page_and_nothing_else():
    course = CoursePageFactory(title="SSE basics")
    module = ModulePageFactory(parent=course, title="Governance")
    lesson = LessonPageFactory(parent=module, title="Meetings")
    standard = StandardPageFactory(parent=home_page(), title="About us")

    choices = dict(form().fields["course_page"].choices)

    assert choices[course.pk] == "SSE basics"
    assert choices[module.pk] == "SSE basics / Governance"
    assert lesson.pk not in choices
    assert form({"course_page": module.pk}).is_valid()
    assert not form({"course_page": standard.pk}).is_valid()


def test_the_workshop_link_takes_published_workshops_only():
    published = WorkshopFactory(title="Published one")
    draft = WorkshopFactory(title="Draft one", status="draft")

    assert form({"workshop": published.pk}).is_valid()
    bound = form({"workshop": draft.pk})

    assert not bound.is_valid()
    assert "workshop" in bound.errors
    assert (draft.pk, "Draft one") not in form().fields["workshop"].choices


def test_the_forum_topic_is_given_by_its_number_and_must_be_visible():
    visible = TopicFactory()
    hidden = TopicFactory()
    type(hidden).objects.filter(pk=hidden.pk).update(is_visible=False)  # awaiting approval

    assert form({"topic": visible.pk}).is_valid()
    bound = form({"topic": hidden.pk})

    assert bound.errors["topic"] == ["No forum topic has this number."]
    assert 'type="number"' in str(form()["topic"])


def test_an_edit_keeps_a_link_that_is_no_longer_offered():
    draft = WorkshopFactory(status="draft")
    activity = ActivityFactory(workshop=draft)

    bound = ActivityForm({**DATA, "workshop": draft.pk}, instance=activity, user=UserFactory())

    assert bound.is_valid(), bound.errors


def test_today_is_the_readers_today():
    """At 23:30 UTC it is already tomorrow in Kiritimati (UTC+14): an actual start dated
    today there is not in the future."""
    far_east = UserFactory(time_zone="Pacific/Kiritimati")
    there = timezone.localdate(timezone=ZoneInfo("Pacific/Kiritimati"))

    assert form({"actual_start": there.isoformat()}, user=far_east).is_valid()
    tomorrow = (there + timedelta(days=1)).isoformat()
    assert not form({"actual_start": tomorrow}, user=far_east).is_valid()


def test_an_update_takes_a_known_status_or_none():
    assert UpdateForm({"body": "Met.", "status": ""}).is_valid()
    assert UpdateForm({"body": "Met.", "status": Status.COMPLETED}).is_valid()
    assert "status" in UpdateForm({"body": "Met.", "status": "finished"}).errors


def test_a_quarters_form_reports_only_the_cells_that_change():
    indicator = IndicatorFactory(by_sex=True)
    period = Period.current()
    total = ValueFactory(indicator=indicator, value=Decimal(10))
    women = ValueFactory(indicator=indicator, sex="woman", value=Decimal(4))
    stored = {("", ""): total, ("woman", ""): women}
    p = str(period)

    bound = QuarterValuesForm(
        {f"{p}-total": "10", f"{p}-sex_man": "5"},
        indicator=indicator,
        period=period,
        cells=stored,
    )

    assert bound.is_valid(), bound.errors
    assert bound.changes() == [("woman", "", None, ""), ("man", "", Decimal(5), "")]
    assert bound.initial == {"total": Decimal(10), "note": "", "sex_woman": Decimal(4)}
