"""The live stream of the follow-up activities (/ws/activities/, consumers.py): groups,
frames, and the broadcast that follows a committed change.

Every frame is stored first as an Event (the replay reads them), then sent once, as one
JSON text, to three groups: everyone watching the region, the activity's country, and the
activity's own page. Frames carry codes, not labels (a page translates them with the
labels it was rendered with) and sanitised HTML only:

    {"type": "activity", "id": <event id>, "event": "created|status|update|changed|report",
     "country": "TH" | "", "created": "<ISO 8601>",
     "activity": {"id", "title", "kind", "status", "url"} | null,
     "status_before": "<code>" (status),
     "update": {"id", "author": {"id", "name"}, "body_html", "status_after"} (update),
     "report": {"period": "2026-Q4", "status": "<code>"} (report)}
"""

import json

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db.models import Q

from core.commit import after_commit
from core.live import client_strings

from .constants import EventKind, Kind, Status
from .models import COUNTRY_CHOICES, Event

REGION_GROUP = "activities"


def country_group(country):
    return f"activities.country.{country or 'regional'}"


def activity_group(activity_id):
    return f"activities.activity.{activity_id}"


def frame(event):
    return {
        "type": "activity",
        "id": event.id,
        "event": event.kind,
        "country": event.country,
        "created": event.created_at.isoformat(),
        **event.payload,
    }


def activity_summary(activity):
    return {
        "id": activity.id,
        "title": activity.title,
        "kind": activity.kind,
        "status": activity.status,
        "url": activity.get_absolute_url(),
    }


def emit(kind, country, activity=None, **payload):
    """Store the event (inside the caller's transaction) and broadcast it once that
    transaction commits. Nothing is emitted for a draft."""
    if activity is not None and activity.is_draft:
        return None
    body = {"activity": activity_summary(activity) if activity else None, **payload}
    event = Event.objects.create(activity=activity, country=country, kind=kind, payload=body)
    after_commit(broadcast, event)
    return event


def broadcast(event):
    """One JSON text, sent to the region, the country and the activity, in one trip to
    the event loop (each async_to_sync call costs a loop and a Redis round trip)."""
    message = {"type": "activity.event", "text": json.dumps(frame(event))}
    groups = [REGION_GROUP, country_group(event.country)]
    if event.activity_id:
        groups.append(activity_group(event.activity_id))
    async_to_sync(_send_all)(groups, message)


async def _send_all(groups, message):
    layer = get_channel_layer()
    for group in groups:
        await layer.group_send(group, message)


def events_after(after_id, country=None, activity_id=None):
    """Stored events with an id above `after_id`, in id order, for one subscription
    (the region: both None)."""
    events = (
        Event.objects.filter(id__gt=after_id)
        .filter(Q(activity__isnull=True) | Q(activity__is_draft=False))
        .order_by("id")
    )
    if activity_id is not None:
        return events.filter(activity_id=activity_id)
    if country is not None:
        return events.filter(country=country)
    return events


def labels(**strings):
    """What a live page gives its script (static/js/activities.js), as JSON: the labels of
    the codes a frame carries, translated once, in the page's language, and the script's
    words (`strings`: the page's own, besides the connection states)."""
    return {
        "status": {code: str(label) for code, label in Status.choices},
        "kind": {code: str(label) for code, label in Kind.choices},
        "event": {code: str(label) for code, label in EventKind.choices},
        "country": {code: str(label) for code, label in COUNTRY_CHOICES},
        "strings": client_strings(**strings),
    }
