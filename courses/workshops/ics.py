"""Calendars (icalendar): a workshop's .ics, a member's feed, an e-mail's invitation.

Each session is one VEVENT whose UID is the session's `uid` and SEQUENCE its `sequence`
(bumped when its time changes, so calendars update the event they already hold). Times
carry the TZID of the workshop's zone, with a VTIMEZONE component for it. The joining
link is written only into a confirmed participant's own calendar (`personal=True`),
never into the public .ics.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from .constants import RegistrationStatus
from .times import zone

PRODID = "-//SSE Asia//Workshops//EN"


def _calendar(name=None, method=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _organizer():
    address = vCalAddress(f"mailto:{_address(settings.DEFAULT_FROM_EMAIL)}")
    address.params["cn"] = vText("SSE Asia")
    return address


def _address(from_email):
    """The bare address of "Name <address>"."""
    return from_email.rsplit("<", 1)[-1].rstrip(">").strip()


def _description(workshop, *, link):
    url = settings.SITE_URL + workshop.get_absolute_url()
    parts = [workshop.description.strip(), url]
    if link and workshop.joining_link:
        parts.insert(1, workshop.joining_link)
    return "\n\n".join(part for part in parts if part)


def _events(workshop, *, link, status, now, attendee=None):
    local = zone(workshop.time_zone)
    sessions = workshop.ordered_sessions()
    many = len(sessions) > 1
    for number, session in enumerate(sessions, start=1):
        event = Event()
        event.add("uid", str(session.uid))
        event.add("sequence", session.sequence)
        event.add("dtstamp", now)
        event.add("dtstart", session.starts_at.astimezone(local))
        event.add("dtend", session.ends_at.astimezone(local))
        title = workshop.title
        if session.title:
            title = f"{title}: {session.title}"
        elif many:
            title = f"{title} ({number}/{len(sessions)})"
        event.add("summary", title)
        event.add("description", _description(workshop, link=link))
        event.add("url", settings.SITE_URL + workshop.get_absolute_url())
        if workshop.venue:
            event.add("location", workshop.venue)
        elif link and workshop.joining_link:
            event.add("location", workshop.joining_link)
        event.add("status", "CANCELLED" if workshop.is_cancelled else status)
        event.add("organizer", _organizer())
        if attendee is not None:
            event.add("attendee", attendee)
        yield event


def _finish(calendar, workshops):
    """Add the VTIMEZONE of every zone used, bounded to the dates in use (a zone with
    daylight saving time then lists a few transitions, not fifty years of them)."""
    starts = [s.starts_at for w in workshops for s in w.ordered_sessions()]
    ends = [s.ends_at for w in workshops for s in w.ordered_sessions()]
    if starts:
        calendar.add_missing_timezones(
            first_date=(min(starts) - timedelta(days=1)).date(),
            last_date=(max(ends) + timedelta(days=1)).date(),
        )
    return calendar.to_ical()


def workshop_ics(workshop, *, now=None):
    """The public .ics of a workshop (bytes): no joining link."""
    now = now or timezone.now()
    calendar = _calendar(name=workshop.title)
    for event in _events(workshop, link=False, status="CONFIRMED", now=now):
        calendar.add_component(event)
    return _finish(calendar, [workshop])


def invitation_ics(registration, *, cancel=False, now=None):
    """The .ics an e-mail carries to one registrant (bytes): METHOD:REQUEST, or CANCEL
    when the workshop or the registration is cancelled. A confirmed participant's
    includes the joining link."""
    now = now or timezone.now()
    workshop = registration.workshop
    user = registration.user
    attendee = vCalAddress(f"mailto:{user.email}")
    attendee.params["cn"] = vText(user.name or user.email)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    attendee.params["partstat"] = vText("ACCEPTED" if confirmed else "TENTATIVE")
    calendar = _calendar(method="CANCEL" if cancel else "REQUEST")
    status = "CANCELLED" if cancel else ("CONFIRMED" if confirmed else "TENTATIVE")
    for event in _events(
        workshop, link=confirmed and not cancel, status=status, now=now, attendee=attendee
    ):
        calendar.add_component(event)
    return _finish(calendar, [workshop])


def feed_ics(registrations, *, name, now=None):
    """A member's subscribable calendar (bytes): the sessions of their confirmed
    workshops, and of those they wait for (TENTATIVE); the joining link for the
    confirmed ones."""
    now = now or timezone.now()
    calendar = _calendar(name=name)
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"value": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for registration in registrations:
        confirmed = registration.status == RegistrationStatus.CONFIRMED
        for event in _events(
            registration.workshop,
            link=confirmed,
            status="CONFIRMED" if confirmed else "TENTATIVE",
            now=now,
        ):
            calendar.add_component(event)
    return _finish(calendar, [registration.workshop for registration in registrations])
