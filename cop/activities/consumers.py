"""Live changes of the follow-up activities: /ws/activities/ (server to client only).

On core.live.LiveConsumer (limits, replay after joining, flood guard, error frames,
session ends, clean-up). One subscription per connection, from the query string:

- nothing: the whole region (live.REGION_GROUP);
- `?country=<ISO code>` or `?country=regional`: one country's activities and reports
  (live.country_group);
- `?activity=<id>`: one activity's page (live.activity_group).

4401 if nobody is logged in; 4403 for a country that is not a programme country, an
activity that does not exist or that the reader may not see (a draft it does not edit),
or both `country` and `activity` at once. With `?after=<event id>`, the stored events of
the subscription with a larger id are replayed (drafts never), then the live ones follow.
Frames: live.frame's format, as live.broadcast sent them, and {"type": "pong"} for a
{"type": "ping"}. Every change goes through the forms (HTTP): any other client frame is
an `error` frame with code "bad_request", and the socket stays open.
"""

from urllib.parse import parse_qs

from accounts.constants import PROGRAMME_COUNTRIES, REGIONAL_SLUG
from core.live import (
    CLOSE_FORBIDDEN,
    CLOSE_UNAUTHENTICATED,
    MAX_ID,
    LiveConsumer,
    db,
)

from . import live
from . import permissions as can
from .constants import REGIONAL
from .models import Activity

COUNTRIES = {country.value for country in PROGRAMME_COUNTRIES}


class Subscription:
    """What one connection listens to: the region (both None), a country ("" for the
    regional activities) or an activity."""

    def __init__(self, country=None, activity_id=None):
        self.country = country
        self.activity_id = activity_id

    @property
    def group(self):
        if self.activity_id is not None:
            return live.activity_group(self.activity_id)
        if self.country is not None:
            return live.country_group(self.country)
        return live.REGION_GROUP


def subscription(scope):
    """The connection's Subscription from its query string, or None if it names nothing
    that exists (a bad country, an activity that is not a positive id, both at once)."""
    query = parse_qs(scope.get("query_string", b"").decode(errors="replace"))
    countries, activities = query.get("country"), query.get("activity")
    if countries and activities:
        return None
    if activities:
        value = activities[0]
        # At most 19 digits before int(): a bigint has no more (and Python refuses to
        # convert thousands of digits).
        if not (value.isascii() and value.isdigit() and len(value) <= 19):
            return None
        if not 0 < int(value) <= MAX_ID:
            return None
        return Subscription(activity_id=int(value))
    if countries:
        value = countries[0].strip()
        if value.lower() == REGIONAL_SLUG:
            return Subscription(country=REGIONAL)
        if value.upper() in COUNTRIES:
            return Subscription(country=value.upper())
        return None
    return Subscription()


class ActivitiesConsumer(LiveConsumer):
    subscribed = None

    async def websocket_connect(self, message):
        # static/js/live.js appends "?after=<id>" to the page's path, which has a query of
        # its own here ("?country=TH?after=5"): read both as one query. No value of this
        # protocol holds a "?".
        self.scope["query_string"] = self.scope.get("query_string", b"").replace(b"?", b"&")
        await super().websocket_connect(message)

    def groups_for(self):
        return [self.subscribed.group]

    async def authorise(self):
        user = self.scope["user"]
        if not can.can_read(user):
            return CLOSE_UNAUTHENTICATED
        wanted = subscription(self.scope)
        if wanted is None:
            return CLOSE_FORBIDDEN
        if wanted.activity_id is not None and not await db(may_see)(user, wanted.activity_id):
            return CLOSE_FORBIDDEN
        self.subscribed = wanted
        return None

    async def replay_batch(self, after):
        return await db(replay_frames)(self.subscribed, after, self.replay_batch_size)

    # No on_<type> handler: every client frame but a ping is answered "bad_request"
    # ("Unknown frame type.") by LiveConsumer.receive.

    async def activity_event(self, event):
        """A frame live.broadcast made for one of this connection's groups."""
        await self.send(text_data=event["text"])


def may_see(user, activity_id):
    """Whether `user` may listen to the activity: it exists, and is published or a draft
    `user` edits (one query for a published activity)."""
    activity = Activity.objects.filter(pk=activity_id).first()
    return activity is not None and can.can_see(user, activity)


def replay_frames(subscribed, after, limit):
    """Up to `limit` frames of what `subscribed` was told after event `after`, in id order
    (one query)."""
    events = live.events_after(
        after, country=subscribed.country, activity_id=subscribed.activity_id
    )
    return [live.frame(event) for event in events[:limit]]
