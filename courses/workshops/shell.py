"""What the workshops offer the site shell and the other apps (core.registry): the
header's "Workshops", the home page's "Upcoming workshops", a member's dashboard's "Your
workshops", a country's (or the regional) space's "Coming up", the self-assessment's
workshops on a feature an organization lacks, the demo seed; and, to the courses beside
them, a course page's workshops and "My learning"'s. Each costs one query (three for My
learning)."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Exists, F, Max, Min, OuterRef, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from core import pagecache, registry

from . import seed
from .constants import ACTIVE, AttendanceStatus, RegistrationStatus, Status
from .models import AttendanceCertificate, Registration, Session, Workshop, WorkshopLanguage
from .times import for_reader

HOME_WORKSHOPS = 3
COURSE_WORKSHOPS = 5
FEATURE_WORKSHOPS = 3  # the self-assessment suggests at most this many per feature
# "My learning" offers the feedback form for this long after a workshop.
FEEDBACK_OFFERED_FOR = timedelta(days=60)
CARD_FIELDS = ("id", "title", "kind", "country", "mode", "time_zone", "status")


def upcoming(now=None):
    """Published workshops not over yet, soonest first (`first_start`, `last_end`)."""
    return Workshop.objects.filter(status=Status.PUBLISHED).upcoming(now).only(*CARD_FIELDS)


def _with_when(workshops, request):
    show = for_reader(getattr(request, "user", None))
    for workshop in workshops:
        workshop.when = show(workshop.first_start, workshop)
    return workshops


def upcoming_section(request, page):
    """The home page's next workshops (one query), or None when there is none."""
    workshops = list(upcoming()[:HOME_WORKSHOPS])
    if not workshops:
        return None
    return {"upcoming_workshops": _with_when(workshops, request)}


@dataclass(frozen=True)
class ComingUpItem:
    """A workshop as a space's "Coming up" lists it (see registry.ComingUp)."""

    title: str
    url: str
    starts_at: Any
    label: Any
    where: Any
    when: Any  # times.When: the reader's time with the workshop's beside it


def coming_up(request, country, limit):
    """The next published workshops of `country` ("" for the regional ones): one query."""
    workshops = _with_when(list(upcoming().in_country(country)[:limit]), request)
    return [
        ComingUpItem(
            title=workshop.title,
            url=workshop.get_absolute_url(),
            starts_at=workshop.first_start,
            label=workshop.get_kind_display(),
            where=workshop.get_mode_display(),
            when=workshop.when,
        )
        for workshop in workshops
    ]


def course_workshops(request, course):
    """The upcoming workshops that point to `course` (in any of its languages): one
    query."""
    workshops = upcoming().filter(course__translation_key=course.translation_key)
    return _with_when(list(workshops[:COURSE_WORKSHOPS]), request)


def _registrations_ahead(user, now):
    """`user`'s registrations (confirmed, waiting, pending) for published or cancelled
    workshops not over yet, soonest first, with `first_start` and `last_end`."""
    return (
        Registration.objects.filter(
            user=user,
            status__in=ACTIVE,
            workshop__status__in=(Status.PUBLISHED, Status.CANCELLED),
        )
        .select_related("workshop")
        .annotate(
            first_start=Min("workshop__sessions__starts_at"),
            last_end=Max("workshop__sessions__ends_at"),
        )
        .filter(last_end__gte=now)
        .order_by("first_start", "id")
    )


DASHBOARD_WORKSHOPS = 3


def my_upcoming_workshops(request):
    """The dashboard's "Your workshops": the member's next registrations, their times in
    the member's zone (with the workshop's beside it). One query."""
    user = request.user
    registrations = list(_registrations_ahead(user, timezone.now())[:DASHBOARD_WORKSHOPS])
    show = for_reader(user)
    for registration in registrations:
        registration.when = show(registration.first_start, registration.workshop)
    return {"registrations": registrations}


def my_workshops(request, now=None):
    """For "My learning": the member's registrations for workshops not over yet
    (confirmed, waiting, pending; `checking_in` when a session is on now), the past ones
    still waiting for their feedback, and their attendance certificates. Three queries."""
    now = now or timezone.now()
    user = request.user
    on_now = Session.objects.filter(
        workshop=OuterRef("workshop"), starts_at__lte=now + timedelta(minutes=30), ends_at__gte=now
    )
    mine = Registration.objects.filter(user=user).select_related("workshop")
    registrations = list(_registrations_ahead(user, now).annotate(checking_in=Exists(on_now)))
    feedback_due = list(
        mine.filter(attendance__status=AttendanceStatus.PRESENT, feedback__isnull=True)
        .annotate(last_end=Max("workshop__sessions__ends_at"))
        .filter(last_end__lt=now, last_end__gte=now - FEEDBACK_OFFERED_FOR)
        .order_by("-last_end", "-id")
    )
    show = for_reader(user)
    for registration in registrations:
        registration.when = show(registration.first_start, registration.workshop)
        registration.checking_in = (
            registration.checking_in and registration.status == RegistrationStatus.CONFIRMED
        )
    certificates = list(
        AttendanceCertificate.objects.filter(registration__user=user).order_by("-issued_at")
    )
    return {
        "workshop_registrations": registrations,
        "workshop_feedback_due": feedback_due,
        "attendance_certificates": certificates,
    }


def _where(workshop):
    where = workshop.get_country_display() if workshop.country else gettext("Regional")
    # Translators: where a suggested workshop happens, e.g. "In person, Thailand".
    return pgettext("workshop mode and place", "%(mode)s, %(where)s") % {
        "mode": workshop.get_mode_display(),
        "where": where,
    }


def feature_help(request, numbers):
    """For the self-assessment (registry.feature_help): for each feature number, the next
    published workshops that help organizations adopt it (their `features`), at most
    FEATURE_WORKSHOPS each, soonest first. One query (a window over the features)."""
    numbers = sorted({int(n) for n in numbers})
    if not numbers:
        return {}
    by_feature = F("features__number")
    rows = (
        upcoming()
        .filter(features__number__in=numbers)
        .annotate(
            feature_number=by_feature,
            rank=Window(
                RowNumber(),
                partition_by=[by_feature],
                order_by=[F("first_start").asc(), F("id").asc()],
            ),
        )
        .filter(rank__lte=FEATURE_WORKSHOPS)
        .order_by("feature_number", "first_start", "id")
    )
    help_items = {}
    for workshop in rows:
        items = help_items.setdefault(workshop.feature_number, [])
        if any(item.url == workshop.get_absolute_url() for item in items):
            continue  # linked to the feature in two languages
        items.append(
            registry.HelpItem(
                "workshop",
                label=workshop.title,
                url=workshop.get_absolute_url(),
                text=_where(workshop),
                when=workshop.first_start,
            )
        )
    return help_items


SEARCH_WORDS = 8


def search(request, query):
    """Site search: published (and cancelled) workshops with every word of `query` in
    their title or description, the latest first; one query a page."""
    words = query.split()[:SEARCH_WORDS]
    found = Workshop.objects.published().with_times()
    for word in words:
        found = found.filter(Q(title__icontains=word) | Q(description__icontains=word))
    if not words:
        return found.none()
    # The description's HTML for the result's snippet (core/snippets.py).
    return found.only(*CARD_FIELDS, "description_html").order_by("-first_start", "-id")


def register():
    # The home page's "Upcoming workshops" shows them to anonymous readers, seats left too.
    pagecache.invalidate_on_change(Workshop, WorkshopLanguage, Session, Registration)
    registry.search_providers.register(
        registry.SearchProvider(
            key="workshops",
            order=30,
            label=_("Workshops"),
            search=search,
            result_template="workshops/search_result.html",
        )
    )
    registry.header_items.register(
        registry.HeaderItem(key="workshops", order=15, label=_("Workshops"), url_name="workshops")
    )
    registry.home_sections.register(
        registry.HomeSection(
            key="workshops",
            order=20,
            template="workshops/home_section.html",
            context=upcoming_section,
        )
    )
    registry.dashboard_sections.register(
        registry.DashboardSection(
            key="workshops",
            order=20,
            template="workshops/dashboard_section.html",
            context=my_upcoming_workshops,
        )
    )
    registry.coming_up.register(registry.ComingUp(key="workshops", order=20, items=coming_up))
    registry.feature_help.register(
        registry.FeatureHelp(key="workshops", order=20, items=feature_help)
    )
    registry.seeders.register(registry.Seeder(key="workshops", order=25, run=seed.seed_workshops))
