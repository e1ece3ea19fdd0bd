"""An activity's history, readable: who changed what, when, from the django-simple-history
records of the activity, its indicators, their values and its country's quarterly reports.

Each kind of record is one `Source`: its historical model, which of its rows belong to
the activity, the fields a person cares about (with their labels and how a value reads),
and what a row is about ("the indicator “People trained”"). One query per source reads a
page of its rows, newest first, each with the previous version of every field beside it
(a window function: LAG over the object's versions), and the names its links point to
(subqueries), so nothing is fetched per row; one more query reads the owners of the
activity's versions. A version that changes nothing a person sees (the activity saved
again when an update is posted) is left out.

The sources' pages are merged by time. A page goes back no further than the oldest row
read from a source that had more to give, so no change falls between two pages:
`Page.before` is where the next one starts (`?before=<ISO time>`), None at the beginning.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Lag
from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.constants import Constituency, Gender

from .constants import Aggregation, Kind, ReportStatus, Status
from .models import COUNTRY_CHOICES, Activity, Indicator, IndicatorValue, Report
from .periods import Period

SUMMARY = 5  # changes shown on the activity page
PAGE = 25  # changes on a page of /activities/<id>/history/
# Rows read from each source for a page: more than a page, as some versions show nothing.
READ = {SUMMARY: 20, PAGE: 60}
TEXT_SHOWN = 80  # characters of a changed text shown before "…"
CREATED, CHANGED, DELETED = "+", "~", "-"


@dataclass(frozen=True)
class FieldChange:
    label: Any
    old: str
    new: str


@dataclass
class Change:
    when: datetime
    who: Any  # the user, or None when no one is recorded (a script, a deleted account)
    action: str  # CREATED, CHANGED or DELETED
    what: str  # what the change is about, for a person
    fields: list = field(default_factory=list)


@dataclass
class Page:
    changes: list
    before: datetime | None  # where the next (older) page starts; None: nothing older


# --- How a field's value reads -------------------------------------------------------------


def _choice(choices):
    labels = dict(choices)
    return lambda value: str(labels.get(value, value)) if value else ""


def _text(value):
    return Truncator(" ".join(str(value or "").split())).chars(TEXT_SHOWN)


def _date(value):
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _number(value):
    return floatformat(value, "-2g") if value is not None else ""


def _yes_no(value):
    return _("yes") if value else _("no")


def _draft(value):
    return _("draft") if value else _("published")


def _constituencies(value):
    labels = dict(Constituency.choices)
    return ", ".join(str(labels.get(code, code)) for code in (value or "").split(",") if code)


def _label(model, name):
    return model._meta.get_field(name).verbose_name


# --- The sources ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One historical model: `fields` are (name, label, how it reads); `linked` names the
    fields shown by a linked row's title (annotated `<name>_title`); `on_create` the
    fields listed when a row is added (none: "added" alone); `skip_created` leaves the
    additions out (a report row is created empty, before it is submitted)."""

    model: Any
    fields: tuple
    scope: Any  # (activity) -> Q over the historical model
    what: Any  # (record) -> str
    linked: dict = field(default_factory=dict)
    on_create: tuple = ()
    skip_created: bool = False
    annotations: Any = None  # (activity) -> {name: expression}, for `what`

    @property
    def names(self):
        return [name for name, _label, _show in self.fields]


def _title_of(model_label, field_name):
    model = apps.get_model(model_label)
    title = "title" if any(f.name == "title" for f in model._meta.fields) else "name"
    return Subquery(model.objects.filter(pk=OuterRef(f"{field_name}_id")).values(title)[:1])


def _activity_what(record):
    return _("the activity")


def _indicator_what(record):
    return _("the indicator “%(name)s”") % {"name": record.name}


def _value_what(record):
    cell = [str(dict(Gender.choices).get(record.sex, record.sex))] if record.sex else []
    if record.constituency:
        cell.append(str(dict(Constituency.choices).get(record.constituency, record.constituency)))
    return _("%(indicator)s, %(period)s, %(cell)s") % {
        "indicator": record.indicator_name or _("a removed indicator"),
        "period": Period(record.year, record.quarter).label,
        "cell": ", ".join(cell) if cell else _("total"),
    }


def _report_what(record):
    country = dict(COUNTRY_CHOICES).get(record.country, record.country)
    return _("the report of %(country)s for %(period)s") % {
        "country": country,
        "period": Period(record.year, record.quarter).label,
    }


def _activity_sources():
    activity_model = Activity.history.model
    indicator_model = Indicator.history.model
    value_model = IndicatorValue.history.model
    report_model = Report.history.model
    links = {
        "workshop": "workshops.Workshop",
        "course_page": "wagtailcore.Page",
        "space": "cop.Space",
        "topic": "forum.Topic",
    }
    return (
        Source(
            model=activity_model,
            fields=(
                ("title", _label(Activity, "title"), _text),
                ("kind", _label(Activity, "kind"), _choice(Kind.choices)),
                ("status", _label(Activity, "status"), _choice(Status.choices)),
                ("description", _label(Activity, "description"), _text),
                ("planned_start", _label(Activity, "planned_start"), _date),
                ("planned_end", _label(Activity, "planned_end"), _date),
                ("actual_start", _label(Activity, "actual_start"), _date),
                ("actual_end", _label(Activity, "actual_end"), _date),
                ("lead_organization", _label(Activity, "lead_organization"), _text),
                ("constituencies", _label(Activity, "constituencies"), _constituencies),
                ("is_draft", gettext_lazy("visibility"), _draft),
                *((name, _label(Activity, name), _text) for name in links),
            ),
            scope=lambda activity: Q(id=activity.pk),
            what=_activity_what,
            linked=links,
        ),
        Source(
            model=indicator_model,
            fields=(
                ("name", _label(Indicator, "name"), _text),
                ("unit", _label(Indicator, "unit"), _text),
                ("baseline", _label(Indicator, "baseline"), _number),
                ("target", _label(Indicator, "target"), _number),
                ("aggregation", _label(Indicator, "aggregation"), _choice(Aggregation.choices)),
                ("by_sex", _label(Indicator, "by_sex"), _yes_no),
                ("by_constituency", _label(Indicator, "by_constituency"), _yes_no),
            ),
            scope=lambda activity: Q(activity_id=activity.pk),
            what=_indicator_what,
            on_create=("unit", "baseline", "target"),
        ),
        Source(
            model=value_model,
            fields=(
                ("value", _label(IndicatorValue, "value"), _number),
                ("note", _label(IndicatorValue, "note"), _text),
            ),
            # Every indicator the activity ever had: a removed one's values stay in the
            # history.
            scope=lambda activity: Q(
                indicator_id__in=indicator_model.objects.filter(activity_id=activity.pk)
                .values("id")
                .distinct()
            ),
            what=_value_what,
            on_create=("value", "note"),
            annotations=lambda activity: {
                "indicator_name": Subquery(
                    Indicator.objects.filter(pk=OuterRef("indicator_id")).values("name")[:1]
                )
            },
        ),
        Source(
            model=report_model,
            fields=(
                ("status", _label(Report, "status"), _choice(ReportStatus.choices)),
                ("summary", _label(Report, "summary"), _text),
                ("review_comment", _label(Report, "review_comment"), _text),
            ),
            # The reports since the activity began: they lock its values.
            scope=lambda activity: Q(
                country=activity.country, history_date__gte=activity.created_at
            ),
            what=_report_what,
            skip_created=True,
        ),
    )


# --- Reading ---------------------------------------------------------------------------


def _versions():
    """The window over one object's versions, oldest first."""
    return {
        "partition_by": [F("id")],
        "order_by": [F("history_date").asc(), F("history_id").asc()],
    }


def _read(source, activity, before, count):
    """Up to `count` rows of `source` older than `before`, newest first, each with
    `prev_<field>` (the previous version's value; None for the first version) and
    `prev_history_id`. One query."""
    rows = source.model.objects.filter(source.scope(activity))
    if before is not None:
        rows = rows.filter(history_date__lt=before)
    annotations = dict(source.annotations(activity)) if source.annotations else {}
    for name, model_label in source.linked.items():
        annotations[f"{name}_title"] = _title_of(model_label, name)
    if annotations:
        rows = rows.annotate(**annotations)
    shown = {name: f"{name}_title" if name in source.linked else name for name in source.names}
    rows = rows.annotate(
        prev_history_id=Window(Lag("history_id"), **_versions()),
        **{f"prev_{name}": Window(Lag(column), **_versions()) for name, column in shown.items()},
    )
    return list(
        rows.select_related("history_user").order_by("-history_date", "-history_id")[:count]
    )


def _owners(records):
    """{history_id: sorted owner names} for the activity's versions in `records` and
    those just before them. Always one query (an empty list asks for nothing: id 0)."""
    ids = {r.history_id for r in records} | {r.prev_history_id for r in records}
    ids.discard(None)
    owners = {}
    rows = (
        apps.get_model("activities", "HistoricalActivity_owners")
        .objects.filter(history_id__in=sorted(ids) or [0])
        .select_related("user")
        .order_by("user__name")
    )
    for row in rows:
        if row.user is not None:
            owners.setdefault(row.history_id, []).append(row.user.name)
    return owners


def _change(source, record, owners=None):
    """The Change a record makes, or None when a person would see nothing."""
    action = record.history_type
    if action == CREATED and source.skip_created:
        return None
    change = Change(
        when=record.history_date,
        who=record.history_user,
        action=action,
        what=source.what(record),
    )
    if action == DELETED:
        return change
    for name, label, show in source.fields:
        column = f"{name}_title" if name in source.linked else name
        new = show(getattr(record, column))
        if action == CREATED:
            if name in source.on_create and new:
                change.fields.append(FieldChange(label, "", new))
            continue
        old = show(getattr(record, f"prev_{name}"))
        if old != new:
            change.fields.append(FieldChange(label, old, new))
    if owners is not None and action == CHANGED:
        before = owners.get(record.prev_history_id, [])
        after = owners.get(record.history_id, [])
        if before != after:
            change.fields.append(
                FieldChange(_label(Activity, "owners"), ", ".join(before), ", ".join(after))
            )
    if action == CHANGED and not change.fields:
        return None
    return change


def changes(activity, before=None, limit=PAGE):
    """A page of the activity's history, newest first: what `limit` (SUMMARY or PAGE)
    changes before `before` show, and where the next page starts. Five queries."""
    count = READ.get(limit, limit * 3)
    found, horizon = [], None
    for source in _activity_sources():
        records = _read(source, activity, before, count)
        owners = _owners(records) if source.model is Activity.history.model else None
        found.extend(
            change for record in records if (change := _change(source, record, owners)) is not None
        )
        if len(records) == count:  # this source has more: go back no further than it read
            oldest = records[-1].history_date
            horizon = oldest if horizon is None else max(horizon, oldest)
    if horizon is not None:
        found = [change for change in found if change.when >= horizon]
    found.sort(key=lambda change: change.when, reverse=True)
    if len(found) > limit:
        return Page(found[:limit], found[limit - 1].when)
    return Page(found, horizon)


def summary(activity):
    """The latest changes, for the activity page."""
    return changes(activity, limit=SUMMARY)
