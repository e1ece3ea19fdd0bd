"""An activity's history, as people read it: who changed what, from what to what, and
when, for the activity, its owners, indicators, values and its country's reports; page
after page with nothing lost or repeated."""

from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from accounts.constants import Role
from cop.activities import history, services
from cop.activities.periods import Period
from core import times
from tests.accounts.factories import UserFactory, focal_point
from tests.courses.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

FIELDS = {"kind": "policy_dialogue", "title": "Policy dialogue on the SSE law"}


@pytest.fixture
def focal():
    return focal_point("TH", name="Malee Focal")


@pytest.fixture
def activity(focal):
    return services.create_activity(focal, "TH", FIELDS)


def described(changes):
    """[(who, action, what, [(label, old, new)])], newest first."""
    return [
        (
            change.who.name if change.who else None,
            change.action,
            change.what,
            [(str(f.label), f.old, f.new) for f in change.fields],
        )
        for change in changes
    ]


def test_an_edit_is_told_field_by_field_with_who_made_it(client, focal, activity):
    services.edit_activity(focal, activity, {"title": "SSE law dialogue", "status": "in_progress"})
    client.force_login(UserFactory())

    page = client.get(f"/activities/{activity.pk}/history/")

    assert described(page.context["page"].changes) == [
        (
            "Malee Focal",
            "~",
            "the activity",
            [("title", FIELDS["title"], "SSE law dialogue"), ("status", "Planned", "In progress")],
        ),
        ("Malee Focal", "+", "the activity", []),
    ]
    html = page.content.decode()
    assert "<strong>Malee Focal</strong> changed the activity" in html
    assert f"Title: <del>{FIELDS['title']}</del> → <ins>SSE law dialogue</ins>" in html
    assert "Status: <del>Planned</del> → <ins>In progress</ins>" in html


def test_an_update_without_a_status_change_adds_nothing_to_the_history(focal, activity):
    services.post_update(focal, activity, "We met.")
    services.post_update(focal, activity, "We met again.", status="completed")

    assert described(history.changes(activity).changes) == [
        ("Malee Focal", "~", "the activity", [("status", "Planned", "Completed")]),
        ("Malee Focal", "+", "the activity", []),
    ]


def test_owners_links_and_visibility_are_told_by_name(focal, activity):
    first = UserFactory(name="Anan First")
    second = UserFactory(name="Bua Second")
    workshop = WorkshopFactory(title="Validation workshop, Bangkok")

    services.set_owners(focal, activity, [first, second])
    services.edit_activity(focal, activity, {"workshop": workshop}, is_draft=True)
    services.set_owners(focal, activity, [second])

    changes = described(history.changes(activity).changes)
    assert [fields for _who, _action, _what, fields in changes if fields] == [
        [("owners", "Anan First, Bua Second", "Bua Second")],
        [
            ("visibility", "published", "draft"),
            ("workshop", "", "Validation workshop, Bangkok"),
        ],
        [("owners", "", "Anan First, Bua Second")],
    ]


def test_indicators_and_values_are_named_with_their_quarter_and_cell(focal, activity):
    indicator = services.save_indicator(
        focal, activity, {"name": "People trained", "unit": "people", "target": 100, "by_sex": True}
    )
    period = Period.current()
    total = services.report_value(focal, indicator, period, Decimal(10))
    services.report_value(focal, indicator, period, Decimal(12))
    women = services.report_value(focal, indicator, period, Decimal(7), sex="woman")
    services.delete_value(focal, women)
    services.save_indicator(focal, activity, {"target": 150}, indicator=indicator)

    assert total.pk
    assert described(history.changes(activity).changes)[:6] == [
        (
            "Malee Focal",
            "~",
            "the indicator “People trained”",
            [("target", "100", "150")],
        ),
        ("Malee Focal", "-", f"People trained, {period.label}, Woman", []),
        ("Malee Focal", "+", f"People trained, {period.label}, Woman", [("value", "", "7")]),
        ("Malee Focal", "~", f"People trained, {period.label}, total", [("value", "10", "12")]),
        ("Malee Focal", "+", f"People trained, {period.label}, total", [("value", "", "10")]),
        (
            "Malee Focal",
            "+",
            "the indicator “People trained”",
            [("unit", "", "people"), ("baseline", "", "0"), ("target", "", "100")],
        ),
    ]


def test_the_countrys_report_shows_and_other_countries_reports_do_not(focal, activity):
    reviewer = UserFactory(name="Officer Reviewer", roles=[Role.PROGRAMME_OFFICER])
    period = Period.current()
    services.submit_report(focal, "TH", period, summary="All done.")
    services.review_report(reviewer, services.lock_report("TH", period), False, "Add the list.")
    services.submit_report(focal_point("KH"), "KH", period)

    changes = described(history.changes(activity).changes)

    report = f"the report of Thailand for {period.label}"
    assert changes[:2] == [
        (
            "Officer Reviewer",
            "~",
            report,
            [
                ("status", "Awaiting validation", "Returned for changes"),
                ("reviewer's comment", "", "Add the list."),
            ],
        ),
        (
            "Malee Focal",
            "~",
            report,
            [("status", "Open", "Awaiting validation"), ("summary", "", "All done.")],
        ),
    ]
    assert not any("Cambodia" in what for _who, _action, what, _fields in changes)


def test_the_history_comes_in_pages_with_nothing_lost_or_repeated(client, focal, activity):
    for n in range(30):
        services.edit_activity(focal, activity, {"title": f"Title {n}"})
    client.force_login(UserFactory())

    first = client.get(f"/activities/{activity.pk}/history/")
    older = first.context["older"]
    second = client.get(f"/activities/{activity.pk}/history/", {"before": older})

    titles = [
        change.fields[0].new if change.fields else "created"
        for response in (first, second)
        for change in response.context["page"].changes
    ]
    assert len(first.context["page"].changes) == history.PAGE
    assert titles == [f"Title {n}" for n in reversed(range(30))] + ["created"]
    assert second.context["older"] is None
    assert f'href="?before={older.replace("+", "%2B").replace(":", "%3A")}"' in (
        first.content.decode()
    )


def test_a_page_of_changes_that_show_nothing_still_leads_further_back(focal, activity):
    """A hundred updates save the activity a hundred times with no visible change: the
    history reads past them."""
    services.edit_activity(focal, activity, {"title": "Before the updates"})
    for n in range(100):
        services.post_update(focal, activity, f"Update {n}")

    seen, before = [], None
    for _page in range(10):
        page = history.changes(activity, before=before)
        seen += [c.fields[0].new if c.fields else c.action for c in page.changes]
        before = page.before
        if before is None:
            break

    assert seen == ["Before the updates", "+"]


def test_the_activity_page_summarises_the_latest_five_changes(client, focal, activity):
    for n in range(7):
        services.edit_activity(focal, activity, {"title": f"Title {n}"})
    client.force_login(UserFactory())

    page = client.get(activity.get_absolute_url())

    summary = page.context["history"].changes
    assert [c.fields[0].new for c in summary] == [f"Title {n}" for n in (6, 5, 4, 3, 2)]
    assert f'href="/activities/{activity.pk}/history/"' in page.content.decode()


def test_times_are_shown_in_the_readers_zone(client, focal, activity):
    client.force_login(UserFactory(time_zone="Asia/Tokyo"))

    html = client.get(f"/activities/{activity.pk}/history/").content.decode()

    when = activity.history.get().history_date
    shown = f"{when.astimezone(ZoneInfo('Asia/Tokyo')):%-d %b %Y, %H:%M}"
    assert f'<time datetime="{times.iso(when)}" data-time="datetime">{shown}</time>' in html


def test_a_change_by_a_deleted_account_is_still_told(focal, activity):
    editor = UserFactory()
    activity.owners.add(editor)
    services.edit_activity(editor, activity, {"title": "Changed by someone gone"})
    editor.delete()

    latest = history.changes(activity).changes[0]

    assert (latest.who, latest.fields[0].new) == (None, "Changed by someone gone")


def test_a_bad_before_shows_the_latest_changes(client, activity):
    client.force_login(UserFactory())

    response = client.get(f"/activities/{activity.pk}/history/", {"before": "yesterday"})

    assert response.status_code == 200
    assert len(response.context["page"].changes) == 1
