"""Every change to the follow-up data, in one place: views, the seed and the tests call
these, never `save()` on the models directly.

Each service checks permission itself (a view's check is not the only one), runs in one
transaction, locks the row that two people could race for (the activity for its status,
the country's quarterly report for its values), records the history with the person who
acted, and emits the live event on commit (live.py). A change that cannot be made raises
`Refused` with a message for the person, and nothing is written.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.commit import after_commit
from core.refusal import Refused
from core.text import render_markdown

from . import emails, live
from . import permissions as can
from .constants import LOCKED, EventKind, ReportStatus, Status
from .models import Activity, Comment, Evidence, Indicator, IndicatorValue, Report, Update
from .periods import Period

# Fields a form may set on an activity. `country`, `owners`, `is_draft` and the creator
# are not among them: create_activity and set_owners set those, after a permission check.
EDITABLE_FIELDS = (
    "kind",
    "title",
    "description",
    "status",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "lead_organization",
    "workshop",
    "course_page",
    "space",
    "topic",
)


def _with_history_user(instance, user):
    instance._history_user = user  # simple-history records who made the change
    return instance


def lock(activity):
    """The activity's row, locked until the transaction ends (status changes race)."""
    return Activity.objects.select_for_update().get(pk=activity.pk)


def create_activity(user, country, fields, constituencies=(), owners=(), is_draft=False):
    """A new activity of `country`, which the caller chose from
    `can.creatable_countries(user)`; refused otherwise, whatever was asked."""
    if country not in can.creatable_countries(user):
        raise Refused(_("You cannot add activities for this country."), "forbidden")
    activity = Activity(country=country, created_by=user, is_draft=is_draft)
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(activity, name, fields[name])
    activity.description_html = render_markdown(activity.description)
    activity.constituency_list = constituencies
    with transaction.atomic():
        _with_history_user(activity, user).save()
        if country in can.managed_countries(user):
            if owners:
                activity.owners.set(owners)
        else:
            # An owner of another activity starting one: it owns this one too, or it
            # could not edit what it just made.
            activity.owners.set([user])
        live.emit(EventKind.CREATED, country, activity)
    return activity


def edit_activity(user, activity, fields, constituencies=None, is_draft=None):
    """Change what a form may change. A status change is told live as one."""
    if not can.can_edit(user, activity):
        raise Refused(_("You cannot edit this activity."), "forbidden")
    with transaction.atomic():
        locked = lock(activity)
        was_draft, status_before = locked.is_draft, locked.status
        for name in EDITABLE_FIELDS:
            if name in fields:
                setattr(locked, name, fields[name])
        locked.description_html = render_markdown(locked.description)
        if constituencies is not None:
            locked.constituency_list = constituencies
        if is_draft is not None and can.can_manage(user, locked):
            locked.is_draft = is_draft
        _with_history_user(locked, user).save()
        if was_draft and not locked.is_draft:
            live.emit(EventKind.CREATED, locked.country, locked)
        elif locked.status != status_before:
            live.emit(EventKind.STATUS, locked.country, locked, status_before=status_before)
        else:
            live.emit(EventKind.CHANGED, locked.country, locked)
    return locked


def set_owners(user, activity, owners):
    """Only those who manage the activity's country choose its owners (an owner cannot
    add others, or remove the focal point's choice)."""
    if not can.can_manage(user, activity):
        raise Refused(_("Only the country's focal point chooses the owners."), "forbidden")
    with transaction.atomic():
        locked = _with_history_user(lock(activity), user)
        locked.owners.set(owners)


def post_update(user, activity, body, status=""):
    """A step on the timeline, with a status change or not."""
    if not can.can_edit(user, activity):
        raise Refused(_("You cannot post updates on this activity."), "forbidden")
    if status and status not in Status.values:
        raise Refused(_("Choose one of the statuses offered."), "bad_status")
    with transaction.atomic():
        locked = lock(activity)
        before = locked.status
        update = Update.objects.create(
            activity=locked,
            author=user,
            body=body,
            body_html=render_markdown(body),
            status_before=before,
            status_after=status if status and status != before else "",
        )
        if update.status_after:
            locked.status = update.status_after
        _with_history_user(locked, user).save()  # updated_at moves: the list sorts by it
        live.emit(
            EventKind.UPDATE,
            locked.country,
            locked,
            status_before=before,
            update={
                "id": update.id,
                "author": {"id": user.pk, "name": user.name},
                "body_html": update.body_html,
                "status_after": update.status_after,
            },
        )
    return update


def add_comment(user, activity, body):
    if not can.can_see(user, activity):
        raise Refused(_("You cannot comment on this activity."), "forbidden")
    return Comment.objects.create(
        activity=activity, author=user, body=body, body_html=render_markdown(body)
    )


def save_indicator(user, activity, fields, indicator=None):
    """Add an indicator to `activity`, or change `indicator` (one of its own)."""
    if not can.can_edit(user, activity):
        raise Refused(_("You cannot change this activity's indicators."), "forbidden")
    if indicator is not None and indicator.activity_id != activity.pk:
        raise Refused(_("That indicator belongs to another activity."), "forbidden")
    indicator = indicator or Indicator(activity=activity)
    for name in ("name", "unit", "baseline", "target", "aggregation", "by_sex", "by_constituency"):
        if name in fields:
            setattr(indicator, name, fields[name])
    with transaction.atomic():
        if indicator.pk is None:
            indicator.position = activity.indicators.count()
        _with_history_user(indicator, user).save()
    return indicator


def lock_report(country, period):
    """The country's report row for `period`, created if missing, locked until the
    transaction ends: every value change and every submission goes through it, so they
    serialise."""
    Report.objects.get_or_create(country=country, year=period.year, quarter=period.quarter)
    return Report.objects.select_for_update().get(
        country=country, year=period.year, quarter=period.quarter
    )


def report_value(user, indicator, period, value, sex="", constituency="", note=""):
    """Record (or correct) the actual value of `indicator` in `period`, in total or for
    one cell of its breakdown. Refused in a future quarter and while the country's report
    for the quarter is submitted or validated."""
    activity = indicator.activity
    if not can.can_edit(user, activity):
        raise Refused(_("You cannot report values for this activity."), "forbidden")
    if period > Period.current():
        raise Refused(_("Values are reported for a quarter that has begun."), "future")
    if sex and not indicator.by_sex:
        raise Refused(_("This indicator is not broken down by sex."), "no_breakdown")
    if constituency and not indicator.by_constituency:
        raise Refused(_("This indicator is not broken down by constituency."), "no_breakdown")
    with transaction.atomic():
        report = lock_report(activity.country, period)
        if report.status in LOCKED:
            raise Refused(
                _("%(period)s is locked: its report is %(status)s.")
                % {"period": period.label, "status": report.get_status_display().lower()},
                "locked",
            )
        cell = IndicatorValue.objects.filter(
            indicator=indicator,
            year=period.year,
            quarter=period.quarter,
            sex=sex,
            constituency=constituency,
        ).first() or IndicatorValue(
            indicator=indicator,
            year=period.year,
            quarter=period.quarter,
            sex=sex,
            constituency=constituency,
        )
        cell.value, cell.note, cell.reported_by = value, note, user
        _with_history_user(cell, user).save()
    return cell


def delete_value(user, cell):
    activity = cell.indicator.activity
    if not can.can_edit(user, activity):
        raise Refused(_("You cannot change this activity's values."), "forbidden")
    with transaction.atomic():
        report = lock_report(activity.country, cell.period)
        if report.status in LOCKED:
            raise Refused(_("This quarter is locked."), "locked")
        _with_history_user(cell, user).delete()


def submit_report(user, country, period, summary=""):
    """The focal point sends the country's quarter for validation; its values lock."""
    if not can.can_report(user, country):
        raise Refused(_("You cannot submit this country's report."), "forbidden")
    if period > Period.current():
        raise Refused(_("A quarter is reported once it has begun."), "future")
    with transaction.atomic():
        report = lock_report(country, period)
        if report.status not in (ReportStatus.OPEN, ReportStatus.RETURNED):
            raise Refused(_("This report was already submitted."), "state")
        report.status = ReportStatus.SUBMITTED
        report.summary, report.summary_html = summary, render_markdown(summary)
        report.submitted_by, report.submitted_at = user, timezone.now()
        _with_history_user(report, user).save()
        _emit_report(report)
    return report


def review_report(user, report, validate, comment=""):
    """A regional reviewer validates a submitted report (locked for good) or returns it
    with a comment (its values open again)."""
    if not can.can_review_report(user, report):
        raise Refused(_("You cannot review this report."), "forbidden")
    if not validate and not comment.strip():
        raise Refused(_("Say what should change when you return a report."), "comment")
    with transaction.atomic():
        locked = lock_report(report.country, report.period)
        if locked.status != ReportStatus.SUBMITTED:
            raise Refused(_("This report is not awaiting validation."), "state")
        locked.status = ReportStatus.VALIDATED if validate else ReportStatus.RETURNED
        locked.review_comment = comment
        locked.reviewed_by, locked.reviewed_at = user, timezone.now()
        _with_history_user(locked, user).save()
        _emit_report(locked)
    return locked


def _emit_report(report):
    """Told live, and by e-mail to whoever acts next (emails.py), once committed."""
    live.emit(
        EventKind.REPORT,
        report.country,
        report={"period": str(report.period), "status": report.status},
    )
    after_commit(emails.report_changed, report.pk)


def attach_evidence(user, activity, clean, update=None, value=None):
    """Store a file that evidence.check() accepted (`clean`: its safe bytes, name,
    extension and content type) on an update or a value of `activity`. A value of a
    locked quarter takes no new evidence."""
    if not can.can_edit(user, activity):
        raise Refused(_("You cannot add evidence to this activity."), "forbidden")
    if update is not None and update.activity_id != activity.pk:
        raise Refused(_("That update belongs to another activity."), "forbidden")
    if value is not None and value.indicator.activity_id != activity.pk:
        raise Refused(_("That value belongs to another activity."), "forbidden")
    with transaction.atomic():
        if value is not None:
            report = lock_report(activity.country, value.period)
            if report.status in LOCKED:
                raise Refused(_("This quarter is locked."), "locked")
        evidence = Evidence(
            activity=activity,
            update=update,
            value=value,
            name=clean.name,
            extension=clean.extension,
            content_type=clean.content_type,
            size=len(clean.content),
            sha256=clean.sha256,
            uploaded_by=user,
        )
        evidence.file.save(clean.name, clean.as_file(), save=False)
        try:
            evidence.save()
        except Exception:
            evidence.file.delete(save=False)  # no file without its row
            raise
    return evidence
