"""Who may listen to /ws/activities/, to what, and what the socket answers a client."""

import json

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config.asgi import application
from cop.activities.consumers import may_see
from tests.accounts.factories import UserFactory, focal_point

from .factories import ActivityFactory
from .live_client import answers_ping, close_code, cookie_of, listening, signed_in, socket

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_database", "close_sync_thread_connections"),
]


@database_sync_to_async
def make_user(**fields):
    return UserFactory(**fields)


@database_sync_to_async
def make_activity(**fields):
    return ActivityFactory(**fields)


async def test_nobody_logged_in_is_refused_4401():
    for query in ("", "country=TH", "activity=1"):
        ws = await socket(None, query)

        assert await close_code(ws) == 4401, query


# "country=": the overview's filter form left blank, which means every country.
@pytest.mark.parametrize("query", ["", "country=", "country=TH", "country=th", "country=regional"])
async def test_a_member_listens_to_the_region_a_country_or_the_regional_activities(query):
    ws = await socket(await make_user(), query)

    assert await answers_ping(ws)
    await ws.disconnect()


async def test_a_member_listens_to_a_published_activity():
    activity = await make_activity(country="KH")

    ws = await socket(await make_user(), f"activity={activity.id}")

    assert await answers_ping(ws)
    await ws.disconnect()


@pytest.mark.parametrize(
    "query",
    [
        "country=XX",
        "country=ZZ",  # 'other country' is no programme country
        "activity=999999",
        "activity=abc",
        "activity=0",
        "activity=-3",
        f"activity={2**63}",
        "activity=" + "9" * 5000,
        "activity=\u0663",  # an Arabic-Indic three: a digit, not an id
        "country=TH&activity=1",
    ],
)
async def test_what_names_no_subscription_is_refused_4403(query):
    ws = await socket(await make_user(), query)

    assert await close_code(ws) == 4403


async def test_a_draft_is_refused_to_a_member_who_does_not_edit_it_and_open_to_those_who_do():
    owner = await make_user()
    draft = await make_activity(country="TH", is_draft=True, owners=[owner])
    query = f"activity={draft.id}"

    stranger = await socket(await make_user(), query)
    other_focal_point = await socket(await database_sync_to_async(focal_point)("KH"), query)
    its_owner = await socket(owner, query)
    its_focal_point = await socket(await database_sync_to_async(focal_point)("TH"), query)

    assert await close_code(stranger) == 4403
    assert await close_code(other_focal_point) == 4403
    assert await answers_ping(its_owner)
    assert await answers_ping(its_focal_point)
    await its_owner.disconnect()
    await its_focal_point.disconnect()


async def test_another_origin_is_refused():
    client = await signed_in(await make_user())
    ws = WebsocketCommunicator(
        application,
        "/ws/activities/",
        headers=[(b"origin", b"https://evil.example"), cookie_of(client)],
    )
    connected, _subprotocol = await ws.connect(timeout=5)

    assert connected is False


@pytest.mark.parametrize(
    "raw",
    [
        json.dumps({"type": "message.send", "client_id": "x", "body": "Hello"}),
        json.dumps({"type": "activity.status", "id": 1, "status": "completed"}),
        json.dumps({"type": "dance"}),
        "not json",
    ],
)
async def test_the_socket_only_listens_a_client_frame_is_an_error_and_it_stays_open(raw):
    ws, _replayed = await listening(await make_user())

    await ws.send_to(text_data=raw)
    error = await ws.receive_json_from(timeout=5)

    assert error["type"] == "error"
    assert error["code"] == "bad_request"
    assert await answers_ping(ws)
    await ws.disconnect()


async def test_logging_out_closes_the_sockets_of_that_session_only():
    member = await make_user()
    laptop, phone = await signed_in(member), await signed_in(member)
    on_laptop, _replayed = await listening(laptop, "country=TH")
    on_phone, _replayed = await listening(phone)

    response = await database_sync_to_async(laptop.post)("/accounts/logout/")

    assert response.status_code == 302
    assert await close_code(on_laptop) == 4401
    assert await answers_ping(on_phone)
    await on_phone.disconnect()


@database_sync_to_async
def authorisation_cost(who, is_draft):
    """The queries the consumer makes to decide whether `who` may listen to an activity
    (the user and session come with the connection)."""
    activity = ActivityFactory(country="TH", is_draft=is_draft)
    with CaptureQueriesContext(connection) as captured:
        allowed = may_see(who, activity.id)
    return len(captured), allowed


async def test_listening_to_a_published_activity_costs_one_query_and_a_draft_three():
    member = await make_user()

    assert await authorisation_cost(member, is_draft=False) == (1, True)
    assert await authorisation_cost(member, is_draft=True) == (3, False)
