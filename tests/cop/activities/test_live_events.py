"""What the services' changes tell the sockets of /ws/activities/: which subscribers hear
a change, in which frame, never about a draft; what a reconnection replays."""

import pytest
from channels.db import database_sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.constants import Role
from cop.activities import live, services
from cop.activities.constants import EventKind, ReportStatus, Status
from cop.activities.consumers import Subscription, replay_frames
from cop.activities.models import Event
from cop.activities.periods import Period
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory
from .live_client import frames, hears_nothing, listening

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]

FIELDS = {"kind": "policy_dialogue", "title": "Policy dialogue on the SSE law"}


@database_sync_to_async
def make_focal_point(country):
    return focal_point(country)


@database_sync_to_async
def make_user(**fields):
    return UserFactory(**fields)


@database_sync_to_async
def stored_events():
    return list(Event.objects.order_by("id").values_list("id", "kind", "activity_id"))


@database_sync_to_async
def event_ids(**filters):
    return list(Event.objects.filter(**filters).order_by("id").values_list("id", flat=True))


create = database_sync_to_async(services.create_activity)
edit = database_sync_to_async(services.edit_activity)
post_update = database_sync_to_async(services.post_update)
submit_report = database_sync_to_async(services.submit_report)


async def test_a_new_activity_reaches_the_region_and_its_country_but_not_another_country():
    focal, reader = await make_focal_point("TH"), await make_user()
    region, _ = await listening(reader)
    thailand, _ = await listening(reader, "country=TH")
    cambodia, _ = await listening(reader, "country=KH")
    regional, _ = await listening(reader, "country=regional")

    activity = await create(focal, "TH", FIELDS)

    [told_region] = await frames(region, 1)
    [told_thailand] = await frames(thailand, 1)
    assert await stored_events() == [(told_region["id"], EventKind.CREATED, activity.id)]
    assert told_region == told_thailand
    assert (told_region["type"], told_region["event"], told_region["country"]) == (
        "activity",
        EventKind.CREATED,
        "TH",
    )
    assert told_region["activity"] == {
        "id": activity.id,
        "title": "Policy dialogue on the SSE law",
        "kind": "policy_dialogue",
        "status": Status.PLANNED,
        "url": f"/activities/{activity.id}/",
    }
    assert await hears_nothing(cambodia, regional)
    for ws in (region, thailand, cambodia, regional):
        await ws.disconnect()


async def test_a_status_change_and_an_update_reach_the_activitys_page_too():
    focal, reader = await make_focal_point("TH"), await make_user(name="Reader")
    activity = await database_sync_to_async(ActivityFactory)(country="TH")
    other = await database_sync_to_async(ActivityFactory)(country="TH")
    page, _ = await listening(reader, f"activity={activity.id}")
    other_page, _ = await listening(reader, f"activity={other.id}")
    region, _ = await listening(reader)
    thailand, _ = await listening(reader, "country=TH")
    cambodia, _ = await listening(reader, "country=KH")

    await edit(focal, activity, {"status": Status.IN_PROGRESS})
    update = await post_update(
        focal, activity, "Met the <script>x</script> **ministry**", Status.COMPLETED
    )

    on_page = await frames(page, 2)
    assert await frames(region, 2) == on_page
    assert await frames(thailand, 2) == on_page
    status, progress = on_page
    assert (status["event"], status["status_before"], status["activity"]["status"]) == (
        EventKind.STATUS,
        Status.PLANNED,
        Status.IN_PROGRESS,
    )
    assert progress["event"] == EventKind.UPDATE
    assert progress["status_before"] == Status.IN_PROGRESS
    assert progress["activity"]["status"] == Status.COMPLETED
    assert progress["update"] == {
        "id": update.id,
        "author": {"id": focal.id, "name": focal.name},
        "body_html": "<p>Met the &lt;script&gt;x&lt;/script&gt; <strong>ministry</strong></p>\n",
        "status_after": Status.COMPLETED,
    }
    assert status["id"] < progress["id"]
    assert await hears_nothing(other_page, cambodia)
    for ws in (page, other_page, region, thailand, cambodia):
        await ws.disconnect()


async def test_a_draft_is_never_told_until_it_is_published():
    focal, reader = await make_focal_point("TH"), await make_user()
    region, _ = await listening(reader)
    thailand, _ = await listening(reader, "country=TH")

    draft = await create(focal, "TH", FIELDS, is_draft=True)
    on_its_page, _ = await listening(focal, f"activity={draft.id}")  # its focal point may
    await edit(focal, draft, {"status": Status.IN_PROGRESS})
    await post_update(focal, draft, "Still drafting")

    assert await hears_nothing(region, thailand, on_its_page)
    assert await stored_events() == []

    await edit(focal, draft, {}, is_draft=False)

    [published] = await frames(thailand, 1)
    assert (published["event"], published["activity"]["id"]) == (EventKind.CREATED, draft.id)
    assert await frames(region, 1) == [published]
    assert await frames(on_its_page, 1) == [published]
    for ws in (region, thailand, on_its_page):
        await ws.disconnect()


async def test_a_regional_activity_reaches_the_regional_subscribers():
    officer = await make_user(roles=[Role.PROGRAMME_OFFICER])
    reader = await make_user()
    regional, _ = await listening(reader, "country=regional")
    thailand, _ = await listening(reader, "country=TH")

    activity = await create(officer, "", FIELDS)

    [told] = await frames(regional, 1)
    assert (told["country"], told["activity"]["id"]) == ("", activity.id)
    assert await hears_nothing(thailand)
    await regional.disconnect()
    await thailand.disconnect()


async def test_a_submitted_report_reaches_its_country_and_the_region_only():
    focal, reader = await make_focal_point("KH"), await make_user()
    region, _ = await listening(reader)
    cambodia, _ = await listening(reader, "country=KH")
    thailand, _ = await listening(reader, "country=TH")
    period = Period.current()

    await submit_report(focal, "KH", period, "All planned meetings took place.")

    [told] = await frames(cambodia, 1)
    assert (told["event"], told["country"], told["activity"]) == (EventKind.REPORT, "KH", None)
    assert told["report"] == {"period": str(period), "status": ReportStatus.SUBMITTED}
    assert await frames(region, 1) == [told]
    assert await hears_nothing(thailand)
    for ws in (region, cambodia, thailand):
        await ws.disconnect()


@database_sync_to_async
def history():
    """Events of three activities (two Thai, one Cambodian) and a Cambodian report; the
    second Thai activity is made a draft again at the end."""
    thai, cambodian = focal_point("TH"), focal_point("KH")
    first = services.create_activity(thai, "TH", FIELDS)
    second = services.create_activity(thai, "TH", {**FIELDS, "title": "Second"})
    elsewhere = services.create_activity(cambodian, "KH", FIELDS)
    services.post_update(thai, first, "Met the committee", Status.IN_PROGRESS)
    services.post_update(cambodian, elsewhere, "Booked the venue")
    services.post_update(thai, second, "Drafted the agenda")
    services.submit_report(cambodian, "KH", Period.current())
    services.edit_activity(thai, second, {}, is_draft=True)  # nothing more is told of it
    return first, second, elsewhere


async def replayed(reader, query):
    ws, frames_before_pong = await listening(reader, query)
    await ws.disconnect()
    return [(frame["event"], (frame["activity"] or {}).get("id")) for frame in frames_before_pong]


async def test_reconnecting_replays_exactly_what_was_missed_in_order_for_its_subscription():
    first, _second, elsewhere = await history()
    reader = await make_user()
    events = await stored_events()
    after = events[0][0]  # the first activity's creation was seen

    region = await replayed(reader, f"after={after}")
    thailand = await replayed(reader, f"after={after}&country=TH")
    cambodia = await replayed(reader, f"after={after}&country=KH")
    on_page = await replayed(reader, f"after={after}&activity={first.id}")
    # What static/js/live.js asks: it appends "?after=<id>" to the page's own query.
    from_the_browser = await replayed(reader, f"activity={first.id}?after={after}")
    from_the_start = await replayed(reader, f"after=0&activity={first.id}")

    # The second Thai activity is a draft now: what was told of it is never replayed.
    assert region == [
        (EventKind.CREATED, elsewhere.id),
        (EventKind.UPDATE, first.id),
        (EventKind.UPDATE, elsewhere.id),
        (EventKind.REPORT, None),
    ]
    assert thailand == [(EventKind.UPDATE, first.id)]
    assert cambodia == [
        (EventKind.CREATED, elsewhere.id),
        (EventKind.UPDATE, elsewhere.id),
        (EventKind.REPORT, None),
    ]
    assert on_page == [(EventKind.UPDATE, first.id)]
    assert from_the_browser == on_page
    assert from_the_start == [(EventKind.CREATED, first.id), (EventKind.UPDATE, first.id)]


async def test_without_after_nothing_is_replayed():
    await history()

    assert await replayed(await make_user(), "") == []


async def test_a_replay_longer_than_the_limit_ends_with_a_resync(settings):
    settings.LIVE_REPLAY_LIMIT = 2
    await history()
    cambodian = await event_ids(country="KH")  # its activity's creation, update; the report

    ws, told = await listening(await make_user(), "after=0&country=KH")
    await ws.disconnect()

    assert [frame.get("id") for frame in told] == [*cambodian[:2], None]
    assert told[2] == {"type": "resync", "oldest": cambodian[2]}


@database_sync_to_async
def replay_cost(count, **subscribed):
    """(queries, frames) of one replay batch over `count` stored events of a Thai
    activity, read as the consumer does for `subscribed`."""
    activity = ActivityFactory(country="TH")
    changed = {"activity": live.activity_summary(activity)}
    Event.objects.bulk_create(
        Event(activity=activity, country="TH", kind=EventKind.CHANGED, payload=changed)
        for _n in range(count)
    )
    subscription = Subscription(**subscribed)
    if "activity_id" in subscribed:
        subscription.activity_id = activity.id
    with CaptureQueriesContext(connection) as captured:
        replayed = replay_frames(subscription, 0, limit=200)
    return len(captured), len(replayed)


@pytest.mark.parametrize("count", [2, 30])
@pytest.mark.parametrize(
    "subscribed", [{}, {"country": "TH"}, {"activity_id": None}], ids=["region", "country", "page"]
)
async def test_a_replay_batch_is_one_query_whatever_its_size(count, subscribed):
    assert await replay_cost(count, **subscribed) == (1, count)
