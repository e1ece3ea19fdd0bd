"""The demo's follow-up activities (`seed_demo`, after the accounts, courses, workshops,
spaces and forum): the story of seed_content.py, played through the services as the demo
accounts, so the history records who did what.

- Cambodia's and Thailand's activities are created, updated and reported by their demo
  focal points, who own them; the regional ones by the programme officer; the other
  countries' by the site administrator, with no owner.
- Each activity is linked to the seeded workshop, course or module, space and forum topic
  its story names (looked up by title or slug through the app registry: the tracker does
  not import courses or forum); a link whose target is missing stays empty.
- Every value is entered before the quarterly reports are played: Thailand's previous
  quarter is submitted by its focal point (awaiting validation), Cambodia's is submitted,
  then returned with a comment by the programme officer.
- The timeline is placed where the story puts it: an update, a comment, the live events
  they made and the activity's created/updated stamps get the story's day (the history
  keeps the moment the seed wrote them). Quarters are counted back from today's.

Idempotent: an activity is found by its country and title and, once there, left alone
(values, updates and all); a report by its country and the seed's summary.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.constants import COUNTRY_TIME_ZONES
from core.seeding import demo_people

from . import services
from .constants import REGIONAL, Aggregation, EventKind
from .models import Activity, Comment, Event, Report, Update
from .periods import Period
from .seed_content import ACTIVITIES, END, REPORTS

FOCAL_KH, FOCAL_TH = "focal.kh@example.org", "focal.th@example.org"
OFFICER, ADMIN = "officer@example.org", "admin@example.org"
OWNERS = {"KH": FOCAL_KH, "TH": FOCAL_TH}
REGIONAL_ZONE = "Asia/Bangkok"


def _emails():
    emails = {FOCAL_KH, FOCAL_TH, OFFICER, ADMIN}
    for spec in ACTIVITIES:
        emails.update(email for email, _day, _body in spec.get("comments", ()))
    for spec in REPORTS:
        emails.update(filter(None, [spec["by"], spec.get("returned_by")]))
    return emails


def actor(country, people):
    """Who creates, updates and reports an activity of `country`."""
    if country in OWNERS:
        return people[OWNERS[country]]
    return people[OFFICER] if country == REGIONAL else people[ADMIN]


def seed_activities(stdout=None):
    """Create the demo activities that do not exist yet, then play the demo reports
    that were never played; leave everything else as it is."""
    emails = _emails()
    people = demo_people(emails, "Follow-up activities", stdout)
    if people is None:
        return
    existing = set(
        Activity.objects.filter(title__in=[spec["title"] for spec in ACTIVITIES]).values_list(
            "country", "title"
        )
    )
    links = _links()
    today = timezone.localdate()
    created = 0
    for spec in ACTIVITIES:
        if (spec["country"], spec["title"]) in existing:
            continue
        with transaction.atomic():
            _create(spec, people, links, today)
        created += 1
    played = sum(_play_report(spec, people, today) for spec in REPORTS)
    if stdout:
        stdout.write(
            f"Follow-up activities: {created} created, {len(ACTIVITIES) - created} kept; "
            f"{played} quarterly reports played."
        )


def _links():
    """What the stories link to, found by title (slug for spaces): {key: {title: row}}."""

    def wanted(key):
        return {spec["links"][key] for spec in ACTIVITIES if key in spec.get("links", {})}

    def find(model_label, key, field="title", **filters):
        model = apps.get_model(model_label)
        rows = model.objects.filter(**{f"{field}__in": wanted(key)}, **filters).order_by("pk")
        found = {}
        for row in rows:
            found.setdefault(getattr(row, field), row)  # the first seeded, if two share it
        return found

    english = {"locale__language_code": settings.LANGUAGE_CODE}
    return {
        "workshop": find("workshops.Workshop", "workshop"),
        "course": find("courses.CoursePage", "course", **english),
        "module": find("courses.ModulePage", "module", **english),
        "space": find("cop.Space", "space", field="slug"),
        "topic": find("forum.Topic", "topic"),
    }


def _day(when, today):
    """A story's day: a `date`, or a number of days from `today`; None stays None."""
    if when is None or isinstance(when, date):
        return when
    return today + timedelta(days=when)


def _quarter(when, today, activity_end=None):
    """A story's quarter: a number of quarters from today's (0: this one, -1: the one
    before), a period ("2023-Q4"), or END (the quarter the activity ended in)."""
    if when == END:
        return Period.of(activity_end)
    if isinstance(when, str):
        return Period.parse(when)
    period = Period.of(today)
    for _n in range(-when):
        period = period.previous()
    return period


def _create(spec, people, links, today):
    user = actor(spec["country"], people)
    planned = spec.get("planned") or (None, None)
    actual = spec.get("actual") or (None, None)
    fields = {
        "kind": spec["kind"],
        "title": spec["title"],
        "description": spec["description"],
        "lead_organization": spec["lead_organization"],
        "planned_start": _day(planned[0], today),
        "planned_end": _day(planned[1], today),
        "actual_start": _day(actual[0], today),
        "actual_end": _day(actual[1], today),
    }
    named = spec.get("links", {})
    for key, field in (("workshop", "workshop"), ("space", "space"), ("topic", "topic")):
        fields[field] = links[key].get(named.get(key))
    fields["course_page"] = links["module"].get(named.get("module")) or links["course"].get(
        named.get("course")
    )
    activity = services.create_activity(
        user,
        spec["country"],
        fields,
        constituencies=spec["constituencies"],
        owners=[user] if spec["country"] in OWNERS else [],
        is_draft=spec.get("draft", False),
    )
    for indicator_spec in spec.get("indicators", ()):
        _indicator(user, activity, indicator_spec, today)
    updates = [
        (services.post_update(user, activity, body, status), _day(when, today))
        for when, status, body in spec.get("updates", ())
    ]
    comments = [
        (services.add_comment(people[email], activity, body), _day(when, today))
        for email, when, body in spec.get("comments", ())
    ]
    _place_in_time(activity, _day(spec["created"], today), updates, comments)
    return activity


def _indicator(user, activity, spec, today):
    indicator = services.save_indicator(
        user,
        activity,
        {
            "name": spec["name"],
            "unit": spec["unit"],
            "baseline": Decimal(spec.get("baseline", 0)),
            "target": Decimal(spec["target"]),
            "aggregation": spec.get("aggregation", Aggregation.SUM),
            "by_sex": spec.get("by_sex", False),
        },
    )
    for when, value in spec.get("values", ()):
        period = _quarter(when, today, activity.actual_end)
        cells = value if isinstance(value, dict) else {}
        total = sum(cells.values()) if cells else value
        for sex, number in [("", total), *cells.items()]:
            try:
                services.report_value(user, indicator, period, Decimal(number), sex=sex)
            except services.Refused as refused:
                # A quarter someone submitted before the seed came: its values stay theirs.
                if refused.code != "locked":
                    raise
    return indicator


def _moment(day, country, hour):
    """`day` at `hour` in the country's time zone (never later than now)."""
    zone = ZoneInfo(COUNTRY_TIME_ZONES.get(country, REGIONAL_ZONE))
    return min(datetime.combine(day, time(hour), tzinfo=zone), timezone.now())


def _place_in_time(activity, created, updates, comments):
    """Give the timeline the story's days (see the module's docstring)."""
    country = activity.country
    added = _moment(created, country, 9)
    latest = added
    for n, (update, day) in enumerate(updates):
        when = _moment(day, country, 10 + n % 8)
        latest = max(latest, when)
        Update.objects.filter(pk=update.pk).update(created_at=when)
        Event.objects.filter(
            activity=activity, kind=EventKind.UPDATE, payload__update__id=update.pk
        ).update(created_at=when)
    for n, (comment, day) in enumerate(comments):
        Comment.objects.filter(pk=comment.pk).update(created_at=_moment(day, country, 14 + n % 6))
    Event.objects.filter(activity=activity, kind=EventKind.CREATED).update(created_at=added)
    Activity.objects.filter(pk=activity.pk).update(created_at=added, updated_at=latest)


def _play_report(spec, people, today):
    """Submit (and return, if the story says so) a country's report, once."""
    if Report.objects.filter(country=spec["country"], summary=spec["summary"]).exists():
        return False
    period = _quarter(spec["quarter"], today)
    try:
        with transaction.atomic():
            report = services.submit_report(
                people[spec["by"]], spec["country"], period, spec["summary"]
            )
            if spec.get("returned_by"):
                services.review_report(
                    people[spec["returned_by"]], report, validate=False, comment=spec["comment"]
                )
    except services.Refused as refused:
        if refused.code != "state":  # someone submitted that quarter already: theirs stands
            raise
        return False
    return True
