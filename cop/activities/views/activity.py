"""An activity and its progress: its page (/activities/<id>/), adding and editing it, the
timeline of updates, the discussion, the indicators and their quarterly values, and the
history.

Every view finds the activity through `permissions.visible` (a draft only for those who
edit it) and, for a change, `can_edit`: anything else is a 404, whatever the request
says. Changes go through services.py; a refusal is shown with its message (400, or 409
when the quarter is locked or the state moved on); an invalid form comes back with its
errors (400). Every POST counts against one rate limit per member.

The page makes a constant number of queries whatever the number of indicators, values,
updates, comments or history rows: the activity with its links and owners, the
indicators with their actual values annotated, the values of the quarters shown, the
evidence, a page of updates, a page of comments, and the history summary (history.py).
"""

import copy
from datetime import UTC, datetime
from functools import cache

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.constants import Constituency, Gender
from core import ratelimit

from .. import history as activity_history
from .. import live, services
from .. import permissions as can
from ..board import progress
from ..constants import LOCKED, Aggregation
from ..forms import (
    ActivityForm,
    CommentForm,
    IndicatorForm,
    QuarterValuesForm,
    UpdateForm,
    country_code,
    country_value,
    course_pages,
)
from ..models import Activity, Evidence, IndicatorValue, Report
from ..periods import Period, recent
from ..times import reader_zone

# Every POST of the tracker, per member: a person never needs more; a script stops here.
POSTS_PER_WINDOW = 30
POST_WINDOW = 300  # seconds
UPDATES_SHOWN = 20
COMMENTS_SHOWN = 50
QUARTERS_SHOWN = 8  # the activity page's values table: two years
QUARTERS_ENTERED = 4  # the values page's forms: this year's quarters
CONFLICTS = {"locked", "state"}  # refusals answered 409: the data moved on, not the form
EVIDENCE_FORM = "activities/includes/evidence_form.html"


# --- Finding the activity ----------------------------------------------------------------


def _activities(user):
    return (
        can.visible(user, Activity.objects)
        .select_related("workshop", "course_page", "space", "topic", "created_by")
        .prefetch_related("owners")
    )


def _visible(request, pk):
    """The activity `pk` if the reader may see it; 404 otherwise."""
    return get_object_or_404(_activities(request.user), pk=pk)


def _editable(request, pk):
    """The activity `pk` if the reader may edit it; 404 otherwise (never 403: nobody
    learns that another country's draft exists)."""
    activity = _visible(request, pk)
    if not can.can_edit(request.user, activity):
        raise Http404
    return activity


def _too_fast(request):
    return ratelimit.hit(f"activities:post:{request.user.pk}", POSTS_PER_WINDOW, POST_WINDOW)


def _slow_down(request):
    return render(request, "429.html", status=429)


def _refusal_status(refusal):
    return 409 if refusal.code in CONFLICTS else 400


def _int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


@cache
def _has_evidence_form():
    """The upload form is the evidence views' template; included once it exists."""
    try:
        get_template(EVIDENCE_FORM)
    except TemplateDoesNotExist:
        return False
    return True


def labels():
    """The activity page's labels and words for the live script (live.labels)."""
    return live.labels(
        connected=_("Live: new updates appear here as they are posted."),
        closed=_("Live updates are off: reload the page to see the latest."),
        stale=_("Much has changed since this page was loaded: reload it."),
        status_change=_("Status: %(before)s → %(after)s"),
    )


# --- The activity page --------------------------------------------------------------------


def _columns(indicator):
    """The values table's columns: (sex, constituency, heading)."""
    columns = [("", "", _("Total"))]
    if indicator.by_sex:
        columns += [(code, "", label) for code, label in Gender.choices]
    if indicator.by_constituency:
        columns += [("", code, label) for code, label in Constituency.choices]
    return columns


def _since(period):
    return Q(year__gt=period.year) | Q(year=period.year, quarter__gte=period.quarter)


def indicators_with_progress(activity, evidence_by_value, quarters=QUARTERS_SHOWN):
    """The activity's indicators, each with `actual` (the sum of its quarters' totals, or
    the latest quarter's), `percent` of its target, `columns` and `rows`: a row per
    quarter shown with values, latest first, its cells in the columns' order. Two queries."""
    latest = (
        IndicatorValue.objects.filter(indicator=OuterRef("pk"), sex="", constituency="")
        .order_by("-year", "-quarter")
        .values("value")[:1]
    )
    indicators = list(
        activity.indicators.annotate(
            total_sum=Sum("values__value", filter=Q(values__sex="", values__constituency="")),
            latest_total=Subquery(latest),
        )
    )
    periods = recent(quarters)
    cells = {}
    values = IndicatorValue.objects.filter(indicator__activity=activity).filter(_since(periods[-1]))
    for value in values:
        key = (value.indicator_id, value.year, value.quarter)
        cells.setdefault(key, {})[(value.sex, value.constituency)] = value
    for indicator in indicators:
        if indicator.aggregation == Aggregation.LATEST:
            indicator.actual = indicator.latest_total or 0
        else:
            indicator.actual = indicator.total_sum or 0
        share = progress(
            indicator.aggregation, indicator.baseline, indicator.target, indicator.actual
        )
        indicator.percent = None if share is None else round(100 * share)
        indicator.columns = _columns(indicator)
        indicator.rows = []
        for period in periods:
            quarter = cells.get((indicator.pk, period.year, period.quarter))
            if not quarter:
                continue
            indicator.rows.append(
                {
                    "period": period,
                    "cells": [quarter.get((sex, con)) for sex, con, _label in indicator.columns],
                    "evidence": [
                        e for v in quarter.values() for e in evidence_by_value.get(v.pk, [])
                    ],
                }
            )
    return indicators


def _evidence(activity):
    """The activity's evidence, by update and by value: one query."""
    by_update, by_value = {}, {}
    for evidence in Evidence.objects.filter(activity=activity).defer("sha256"):
        if evidence.update_id:
            by_update.setdefault(evidence.update_id, []).append(evidence)
        if evidence.value_id:
            by_value.setdefault(evidence.value_id, []).append(evidence)
    return by_update, by_value


def _updates(activity, before, evidence_by_update):
    updates = activity.updates.select_related("author").order_by("-id")
    if before:
        updates = updates.filter(id__lt=before)
    updates = list(updates[: UPDATES_SHOWN + 1])
    for update in updates:
        update.evidence_list = evidence_by_update.get(update.pk, [])
    return updates[:UPDATES_SHOWN], len(updates) > UPDATES_SHOWN


def _comments(activity, before):
    comments = activity.comments.filter(is_hidden=False).select_related("author").order_by("-id")
    if before:
        comments = comments.filter(id__lt=before)
    comments = list(comments[: COMMENTS_SHOWN + 1])
    earlier = len(comments) > COMMENTS_SHOWN
    return list(reversed(comments[:COMMENTS_SHOWN])), earlier


def _page(request, activity, *, update_form=None, comment_form=None, status=200):
    user = request.user
    may_edit = can.can_edit(user, activity)
    by_update, by_value = _evidence(activity)
    updates, older_updates = _updates(activity, _int(request.GET.get("updates_before")), by_update)
    comments, earlier_comments = _comments(activity, _int(request.GET.get("comments_before")))
    context = {
        "activity": activity,
        "country_param": country_value(activity.country),
        "owners": list(activity.owners.all()),
        "may_edit": may_edit,
        "may_manage": can.can_manage(user, activity),
        "indicators": indicators_with_progress(activity, by_value),
        "updates": updates,
        "older_updates": updates[-1].pk if older_updates else None,
        "comments": comments,
        "earlier_comments": comments[0].pk if earlier_comments else None,
        "update_form": update_form or (UpdateForm() if may_edit else None),
        "comment_form": comment_form or CommentForm(),
        "history": activity_history.summary(activity),
        "evidence_form": may_edit and _has_evidence_form(),
        "reader_zone": reader_zone(user),
        "labels": labels(),
        # The replay of a reconnect starts after what this page shows.
        "last_event": activity.events.order_by("-id").values_list("id", flat=True).first() or 0,
    }
    return render(request, "activities/activity_detail.html", context, status=status)


@login_required
@require_safe
def detail(request, pk):
    return _page(request, _visible(request, pk))


# --- Adding and editing ------------------------------------------------------------------


def _learning_prefill(request, countries):
    """What ?workshop=<id>, ?course=<page id>, ?space=<id or slug> and ?topic=<id> put
    in a new activity's form: only rows that exist (and a workshop that is published, a
    page of the courses app, a visible topic). A workshop or national space of a country
    the person may add activities for chooses that country too."""
    from django.apps import apps  # noqa: PLC0415 - siblings' models, by label

    initial = {}
    if workshop_id := _int(request.GET.get("workshop")):
        workshop = (
            apps.get_model("workshops", "Workshop")
            .objects.published()
            .filter(pk=workshop_id)
            .only("id", "country", "course_id")
            .first()
        )
        if workshop is not None:
            initial["workshop"] = workshop.pk
            if workshop.course_id:
                initial["course_page"] = workshop.course_id
            if workshop.country in countries:
                initial["country"] = workshop.country or "regional"
    course_id = _int(request.GET.get("course"))
    if course_id and course_pages().filter(pk=course_id).exists():
        initial["course_page"] = course_id
    space_key = request.GET.get("space", "")
    if space_key:
        spaces = apps.get_model("cop", "Space").objects
        space_id = _int(space_key)
        space = (spaces.filter(pk=space_id) if space_id else spaces.filter(slug=space_key)).first()
        if space is not None:
            initial["space"] = space.pk
            if space.country and space.country in countries:
                initial.setdefault("country", space.country)
    if topic_id := _int(request.GET.get("topic")):
        topics = apps.get_model("forum", "Topic").objects
        if topics.filter(pk=topic_id, is_visible=True).exists():
            initial["topic"] = topic_id
    return initial


def _form_page(request, form, activity=None, status=200):
    context = {"form": form, "activity": activity, "reader_zone": reader_zone(request.user)}
    return render(request, "activities/activity_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def create(request):
    """A new activity, in a country the person may add activities for: a select when
    there are several, none when there is one; a country sent outside them is a 404."""
    user = request.user
    countries = can.creatable_countries(user)
    if not countries:
        raise Http404
    may_manage = bool(can.managed_countries(user))  # it manages some of them
    if request.method != "POST":
        form = ActivityForm(
            initial=_learning_prefill(request, countries),
            user=user,
            countries=countries,
            may_manage=may_manage,
        )
        return _form_page(request, form)
    posted = request.POST.get("country")
    if posted is not None and country_code(posted) not in countries:
        raise Http404
    if _too_fast(request):
        return _slow_down(request)
    form = ActivityForm(request.POST, user=user, countries=countries, may_manage=may_manage)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    data = form.cleaned_data
    country = data["country"] if "country" in data else next(iter(countries))
    owners = data.get("owners") or []
    if owners and country not in can.managed_countries(user):
        form.add_error("owners", _("Only the country's focal point chooses the owners."))
        return _form_page(request, form, status=400)
    try:
        activity = services.create_activity(
            user,
            country,
            form.activity_fields(),
            constituencies=data["constituencies"],
            owners=owners,
            is_draft=bool(data.get("is_draft")) and country in can.managed_countries(user),
        )
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        return _form_page(request, form, status=_refusal_status(refusal))
    messages.success(request, _("The activity is added."))
    return redirect(activity)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, pk):
    """What a form may change; the owners and the draft flag for the country's focal
    point (and moderators) only."""
    user = request.user
    activity = _editable(request, pk)
    may_manage = can.can_manage(user, activity)
    # The form works on a copy: an invalid POST leaves the page's activity as stored.
    kwargs = {"instance": copy.copy(activity), "user": user, "may_manage": may_manage}
    if request.method != "POST":
        return _form_page(request, ActivityForm(**kwargs), activity)
    if _too_fast(request):
        return _slow_down(request)
    form = ActivityForm(request.POST, **kwargs)
    if not form.is_valid():
        return _form_page(request, form, activity, status=400)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            services.edit_activity(
                user,
                activity,
                form.activity_fields(),
                constituencies=data["constituencies"],
                is_draft=data["is_draft"] if may_manage else None,
            )
            owners = data.get("owners")
            if may_manage and {o.pk for o in owners} != {o.pk for o in activity.owners.all()}:
                services.set_owners(user, activity, owners)
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        return _form_page(request, form, activity, status=_refusal_status(refusal))
    messages.success(request, _("The activity is saved."))
    return redirect(activity)


# --- Progress: updates and the discussion ------------------------------------------------


@login_required
@require_POST
def post_update(request, pk):
    activity = _editable(request, pk)
    if _too_fast(request):
        return _slow_down(request)
    form = UpdateForm(request.POST)
    if not form.is_valid():
        return _page(request, activity, update_form=form, status=400)
    try:
        update = services.post_update(
            request.user, activity, form.cleaned_data["body"], form.cleaned_data["status"]
        )
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        return _page(request, activity, update_form=form, status=_refusal_status(refusal))
    return redirect(f"{activity.get_absolute_url()}#update-{update.pk}")


@login_required
@require_POST
def comment(request, pk):
    """Any member who may see the activity takes part in its discussion."""
    activity = _visible(request, pk)
    if _too_fast(request):
        return _slow_down(request)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _page(request, activity, comment_form=form, status=400)
    try:
        posted = services.add_comment(request.user, activity, form.cleaned_data["body"])
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        return _page(request, activity, comment_form=form, status=_refusal_status(refusal))
    return redirect(f"{activity.get_absolute_url()}#comment-{posted.pk}")


# --- Indicators and their values --------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def indicator(request, pk, indicator_id=None):
    """Add an indicator to the activity, or change one of its own."""
    activity = _editable(request, pk)
    current = None
    if indicator_id is not None:
        current = get_object_or_404(activity.indicators, pk=indicator_id)
    instance = copy.copy(current) if current is not None else None
    context = {"activity": activity, "indicator": current}
    if request.method != "POST":
        context["form"] = IndicatorForm(instance=instance)
        return render(request, "activities/indicator_form.html", context)
    if _too_fast(request):
        return _slow_down(request)
    form = context["form"] = IndicatorForm(request.POST, instance=instance)
    if not form.is_valid():
        return render(request, "activities/indicator_form.html", context, status=400)
    try:
        saved = services.save_indicator(
            request.user, activity, form.indicator_fields(), indicator=current
        )
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        status = _refusal_status(refusal)
        return render(request, "activities/indicator_form.html", context, status=status)
    messages.success(request, _("The indicator is saved."))
    return redirect(f"{activity.get_absolute_url()}#indicator-{saved.pk}")


def _quarters(request):
    """The quarters the values page offers: this year's four, and ?period= (an earlier
    one, or ValueError)."""
    periods = recent(QUARTERS_ENTERED)
    asked = request.GET.get("period")
    if asked:
        period = Period.parse(asked)
        if period > Period.current():
            raise ValueError(_("Values are reported for a quarter that has begun."))
        if period not in periods:
            periods = [*periods, period]
    return periods


def _value_forms(indicator, periods, data=None, posted=None):
    """A form per quarter with its lock (the country's report), from two queries."""
    country = indicator.activity.country
    reports = {
        (r.year, r.quarter): r
        for r in Report.objects.filter(country=country).filter(_since(min(periods)))
    }
    cells = {}
    for value in indicator.values.filter(_since(min(periods))):
        cells.setdefault(value.period, {})[(value.sex, value.constituency)] = value
    out = []
    for period in periods:
        report = reports.get((period.year, period.quarter))
        form = QuarterValuesForm(
            data if period == posted else None,
            indicator=indicator,
            period=period,
            cells=cells.get(period, {}),
        )
        form.locked = report is not None and report.status in LOCKED
        form.report = report
        form.total_cell = form.cells.get(("", ""))
        out.append(form)
    return out


def _locked_message(form):
    return _("%(period)s is locked: its report is %(status)s.") % {
        "period": form.period.label,
        "status": form.report.get_status_display().lower(),
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def values(request, pk, indicator_id):
    """The values of an indicator, a form per quarter. A locked quarter (its report
    submitted or validated) shows its values; a POST to it is a 409."""
    activity = _editable(request, pk)
    indicator = get_object_or_404(activity.indicators, pk=indicator_id)
    indicator.activity = activity
    context = {
        "activity": activity,
        "indicator": indicator,
        "evidence_form": _has_evidence_form(),
        "reader_zone": reader_zone(request.user),
    }
    template = "activities/values_form.html"
    try:
        periods = _quarters(request)
        posted = Period.parse(request.POST["period"]) if request.method == "POST" else None
    except (KeyError, ValueError) as error:
        context.update(forms=[], error=error.args[0] if error.args else _("Choose a quarter."))
        return render(request, template, context, status=400)
    if posted is not None and posted not in periods:
        periods = [*periods, posted]
    forms = context["forms"] = _value_forms(indicator, periods, request.POST, posted)
    if posted is None:
        return render(request, template, context)
    if _too_fast(request):
        return _slow_down(request)
    form = next(f for f in forms if f.period == posted)
    if form.locked:
        form.add_error(None, _locked_message(form))
        return render(request, template, context, status=409)
    if not form.is_valid():
        return render(request, template, context, status=400)
    try:
        with transaction.atomic():  # every cell of the quarter, or none
            for sex, constituency, value, note in form.changes():
                if value is None:
                    services.delete_value(request.user, form.cells[(sex, constituency)])
                else:
                    services.report_value(
                        request.user, indicator, posted, value, sex, constituency, note
                    )
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        return render(request, template, context, status=_refusal_status(refusal))
    messages.success(request, _("The values of %(period)s are saved.") % {"period": posted.label})
    url = reverse("indicator_values", args=[activity.pk, indicator.pk])
    return redirect(f"{url}#quarter-{posted}")


# --- History --------------------------------------------------------------------------


@login_required
@require_safe
def history(request, pk):
    """Every change to the activity, its indicators, values and its country's reports,
    newest first, a page at a time (?before=<ISO time>)."""
    activity = _visible(request, pk)
    before = None
    if request.GET.get("before"):
        try:
            before = datetime.fromisoformat(request.GET["before"])
        except ValueError:
            before = None
        if before is not None and timezone.is_naive(before):
            before = before.replace(tzinfo=UTC)
    page = activity_history.changes(activity, before=before)
    context = {
        "activity": activity,
        "page": page,
        "older": page.before.isoformat() if page.before else None,
        "reader_zone": reader_zone(request.user),
    }
    return render(request, "activities/history.html", context)
