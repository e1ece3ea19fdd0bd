"""An activity's indicators and their quarterly values: adding or changing an indicator
(/activities/<id>/indicators/new/, .../indicators/<indicator id>/), the values page, a
form per quarter (.../indicators/<indicator id>/values/), and the indicators with their
progress that the activity page shows (`indicators_with_progress`).

Both views find the activity through common.editable_activity (anything else is a 404)
and change it through services.py; a refusal is shown with its message (400, or 409 when
the quarter is locked: its country's report is submitted or validated); every POST
counts against the activity views' rate limit.
"""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.constants import Constituency, Gender
from core.times import reader_zone

from .. import services
from ..board import progress
from ..constants import LOCKED, Aggregation
from ..forms import IndicatorForm, QuarterValuesForm
from ..models import IndicatorValue, Report
from ..periods import Period, recent, since
from .common import editable_activity, refusal_status, slow_down, too_fast

QUARTERS_SHOWN = 8  # the activity page's values table: two years
QUARTERS_ENTERED = 4  # the values page's forms: this year's quarters


# --- The indicators with their progress (the activity page's table) -----------------------


def _columns(indicator):
    """The values table's columns: (sex, constituency, heading)."""
    columns = [("", "", _("Total"))]
    if indicator.by_sex:
        columns += [(code, "", label) for code, label in Gender.choices]
    if indicator.by_constituency:
        columns += [("", code, label) for code, label in Constituency.choices]
    return columns


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
    values = IndicatorValue.objects.filter(indicator__activity=activity).filter(since(periods[-1]))
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


# --- Adding and changing an indicator --------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def indicator(request, pk, indicator_id=None):
    """Add an indicator to the activity, or change one of its own."""
    activity = editable_activity(request, pk)
    current = None
    if indicator_id is not None:
        current = get_object_or_404(activity.indicators, pk=indicator_id)
    instance = copy.copy(current) if current is not None else None
    context = {"activity": activity, "indicator": current}
    if request.method != "POST":
        context["form"] = IndicatorForm(instance=instance)
        return render(request, "activities/indicator_form.html", context)
    if too_fast(request):
        return slow_down(request)
    form = context["form"] = IndicatorForm(request.POST, instance=instance)
    if not form.is_valid():
        return render(request, "activities/indicator_form.html", context, status=400)
    try:
        saved = services.save_indicator(
            request.user, activity, form.indicator_fields(), indicator=current
        )
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        status = refusal_status(refusal)
        return render(request, "activities/indicator_form.html", context, status=status)
    messages.success(request, _("The indicator is saved."))
    return redirect(f"{activity.get_absolute_url()}#indicator-{saved.pk}")


# --- The values, a form per quarter ------------------------------------------------------


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
        for r in Report.objects.filter(country=country).filter(since(min(periods)))
    }
    cells = {}
    for value in indicator.values.filter(since(min(periods))):
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
    activity = editable_activity(request, pk)
    indicator = get_object_or_404(activity.indicators, pk=indicator_id)
    indicator.activity = activity
    context = {
        "activity": activity,
        "indicator": indicator,
        "evidence_form": True,  # the page is for editors only
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
    if too_fast(request):
        return slow_down(request)
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
        return render(request, template, context, status=refusal_status(refusal))
    messages.success(request, _("The values of %(period)s are saved.") % {"period": posted.label})
    url = reverse("indicator_values", args=[activity.pk, indicator.pk])
    return redirect(f"{url}#quarter-{posted}")
