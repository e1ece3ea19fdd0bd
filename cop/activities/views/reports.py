"""Quarterly reports: /activities/reports/ (the reviewers' queue and recent decisions; a
focal point's countries, quarter by quarter), /activities/reports/<slug>/<period>/ (a
country's quarter: its activities, their indicators and the quarter's values, the
report's state, summary, reviewer's comment and history), and the submit and review
posts.

A country's report is seen by those who report for it (permissions.can_report) and by
the reviewers (permissions.can_review); anyone else, an unknown country slug or a period
that is not one gets a 404. The report page makes a constant number of queries, however
many activities, indicators, values and files the country has (`_activities`).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from accounts.constants import COUNTRY_SLUGS, REGIONAL_SLUG, SLUG_COUNTRIES
from core.text import is_blank, validate_user_text
from core.times import reader_zone

from .. import permissions, services
from ..constants import REGIONAL, Aggregation, ReportStatus
from ..models import COUNTRY_CHOICES, Activity, Indicator, IndicatorValue, Report
from ..periods import Period, recent, since
from .common import refusal_status, too_fast

TEXT_MAX_LENGTH = 10_000
QUARTERS_SHOWN = 8
DECISIONS_SHOWN = 20
COUNTRY_NAMES = dict(COUNTRY_CHOICES)


# --- Forms -------------------------------------------------------------------------------
def _text_field(label, help_text=""):
    return forms.CharField(
        label=label,
        required=False,
        max_length=TEXT_MAX_LENGTH,
        validators=[validate_user_text],
        strip=True,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class SubmitForm(forms.Form):
    summary = _text_field(
        gettext_lazy("Summary of the quarter"),
        gettext_lazy("Optional. What moved forward, what held it back. Markdown is welcome."),
    )

    def clean_summary(self):
        summary = self.cleaned_data["summary"]
        return "" if is_blank(summary) else summary


class ReviewForm(forms.Form):
    VALIDATE, RETURN = "validate", "return"
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            (VALIDATE, gettext_lazy("Validate: the quarter is locked for good")),
            (RETURN, gettext_lazy("Return for changes: its values open again")),
        ],
        widget=forms.RadioSelect,
    )
    comment = _text_field(
        gettext_lazy("Comment to the focal point"),
        gettext_lazy("Required when you return the report: say what should change."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.RETURN and is_blank(data.get("comment", "")):
            self.add_error(
                "comment",
                ValidationError(
                    _("Say what should change when you return a report."), code="required"
                ),
            )
        return data


# --- Lookups -----------------------------------------------------------------------------
def _country(slug):
    """The ISO code ("" regional) a URL's slug names; 404 for anything else."""
    if slug == REGIONAL_SLUG:
        return REGIONAL
    if slug not in SLUG_COUNTRIES:
        raise Http404
    return SLUG_COUNTRIES[slug]


def _period(text):
    try:
        return Period.parse(text)
    except ValueError:
        raise Http404 from None


def country_slug(code):
    return COUNTRY_SLUGS.get(code, REGIONAL_SLUG) if code else REGIONAL_SLUG


def report_url(code, period):
    return reverse("activity_report", args=[country_slug(code), str(period)])


def _may_see(user, code):
    return permissions.can_report(user, code) or permissions.can_review(user)


def _stored_report(code, period):
    return (
        Report.objects.filter(country=code, year=period.year, quarter=period.quarter)
        .select_related("submitted_by", "reviewed_by")
        .first()
    )


def _until(period, prefix=""):
    return Q(**{f"{prefix}year__lt": period.year}) | Q(
        **{f"{prefix}year": period.year, f"{prefix}quarter__lte": period.quarter}
    )


def _described(report):
    """What a list shows of a report: its country, quarter and link."""
    report.country_name = COUNTRY_NAMES[report.country]
    report.url = report_url(report.country, report.period)
    return report


# --- The list ----------------------------------------------------------------------------
@require_safe
@login_required
def report_list(request):
    user = request.user
    reviewer = permissions.can_review(user)
    countries = [c for c in permissions.ALL_COUNTRIES if c in permissions.managed_countries(user)]
    if not reviewer and not countries:
        raise Http404
    context = {"reviewer": reviewer, "reader_zone": reader_zone(user)}
    if reviewer:
        context["queue"] = [
            _described(report)
            for report in Report.objects.filter(status=ReportStatus.SUBMITTED)
            .select_related("submitted_by")
            .order_by("submitted_at", "id")
        ]
        context["decisions"] = [
            _described(report)
            for report in Report.objects.filter(
                status__in=(ReportStatus.VALIDATED, ReportStatus.RETURNED)
            )
            .select_related("reviewed_by")
            .order_by("-reviewed_at", "-id")[:DECISIONS_SHOWN]
        ]
    if countries:
        quarters = recent(QUARTERS_SHOWN)
        stored = {
            (report.country, report.period): report
            for report in Report.objects.filter(country__in=countries).filter(since(quarters[-1]))
        }
        open_label = ReportStatus.OPEN.label
        context["countries"] = [{"code": c, "name": COUNTRY_NAMES[c]} for c in countries]
        context["quarters"] = [
            {
                "period": period,
                "cells": [
                    {
                        "country_name": COUNTRY_NAMES[code],
                        "url": report_url(code, period),
                        "status": stored[(code, period)].status
                        if (code, period) in stored
                        else ReportStatus.OPEN,
                        "label": stored[(code, period)].get_status_display()
                        if (code, period) in stored
                        else open_label,
                    }
                    for code in countries
                ],
            }
            for period in quarters
        ]
    return render(request, "activities/report_list.html", context)


# --- A country's quarter ----------------------------------------------------------------
def _activities(user, code, period):
    """The country's activities that `user` sees, each with its indicators (`to_date`:
    the actual up to `period`, by the indicator's aggregation) and the quarter's values
    (`total`, `cells`: the breakdown), each value with its files. Five queries."""
    totals = IndicatorValue.objects.filter(
        _until(period), indicator=OuterRef("pk"), sex="", constituency=""
    )
    indicators = Indicator.objects.annotate(
        to_date_sum=Subquery(
            totals.order_by().values("indicator").annotate(total=Sum("value")).values("total")
        ),
        to_date_latest=Subquery(totals.order_by("-year", "-quarter").values("value")[:1]),
    ).prefetch_related(
        Prefetch(
            "values",
            queryset=IndicatorValue.objects.filter(
                year=period.year, quarter=period.quarter
            ).prefetch_related("evidence"),
            to_attr="quarter_values",
        )
    )
    activities = list(
        permissions.visible(user, Activity.objects.filter(country=code))
        .filter(Exists(Indicator.objects.filter(activity=OuterRef("pk"))))
        .order_by("title", "id")
        .prefetch_related(Prefetch("indicators", queryset=indicators, to_attr="indicator_list"))
    )
    for activity in activities:
        for indicator in activity.indicator_list:
            latest = indicator.aggregation == Aggregation.LATEST
            indicator.to_date = indicator.to_date_latest if latest else indicator.to_date_sum
            indicator.total = next((v for v in indicator.quarter_values if v.is_total), None)
            indicator.cells = [v for v in indicator.quarter_values if not v.is_total]
    return activities


def _decisions(report):
    """The report's history as a person reads it: each change of state, with who made
    it and when, newest first (a version that changed no state is left out)."""
    versions = report.history.select_related("history_user").order_by("history_date", "pk")
    shown, before = [], ReportStatus.OPEN
    for version in versions:
        if version.status != before:
            shown.append(version)
        before = version.status
    return shown[::-1]


def _page(request, code, period, *, submit_form=None, review_form=None, refusal="", status=200):
    user = request.user
    report = _stored_report(code, period)
    state = report.status if report is not None else ReportStatus.OPEN
    begun = period <= Period.current()
    may_submit = (
        permissions.can_report(user, code)
        and begun
        and state in (ReportStatus.OPEN, ReportStatus.RETURNED)
    )
    may_review = (
        report is not None
        and state == ReportStatus.SUBMITTED
        and permissions.can_review_report(user, report)
    )
    history = _decisions(report) if report is not None else []
    context = {
        "country": code,
        "country_name": COUNTRY_NAMES[code],
        "slug": country_slug(code),
        "period": period,
        "previous_url": report_url(code, period.previous()),
        "next_url": report_url(code, period.next()) if period.next() <= Period.current() else "",
        "report": report,
        "state": state,
        "state_label": ReportStatus(state).label,
        "locked": state in (ReportStatus.SUBMITTED, ReportStatus.VALIDATED),
        "begun": begun,
        "activities": _activities(user, code, period),
        "history": history,
        "submit_form": (submit_form or SubmitForm()) if may_submit else None,
        "review_form": (review_form or ReviewForm()) if may_review else None,
        "refusal": refusal,
        "reader_zone": reader_zone(user),
    }
    return render(request, "activities/report_detail.html", context, status=status)


@require_safe
@login_required
def report(request, country, period):
    code, period = _country(country), _period(period)
    if not _may_see(request.user, code):
        raise Http404
    return _page(request, code, period)


def _refused(request, code, period, refusal, **forms_sent):
    if refusal.code == "forbidden":
        raise Http404
    return _page(
        request, code, period, refusal=refusal.message, status=refusal_status(refusal), **forms_sent
    )


@require_POST
@login_required
def submit(request, country, period):
    code, period = _country(country), _period(period)
    if not permissions.can_report(request.user, code):
        raise Http404
    if too_fast(request):
        return render(request, "429.html", status=429)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return _page(request, code, period, submit_form=form, status=400)
    try:
        services.submit_report(request.user, code, period, summary=form.cleaned_data["summary"])
    except services.Refused as refusal:
        return _refused(request, code, period, refusal, submit_form=form)
    messages.success(
        request,
        _("The report for %(period)s is submitted: its values are locked until it is reviewed.")
        % {"period": period.label},
    )
    return redirect(report_url(code, period))


@require_POST
@login_required
def review(request, country, period):
    code, period = _country(country), _period(period)
    if not permissions.can_review(request.user):
        raise Http404
    stored = _stored_report(code, period)
    if stored is None or not permissions.can_review_report(request.user, stored):
        raise Http404
    if too_fast(request):
        return render(request, "429.html", status=429)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _page(request, code, period, review_form=form, status=400)
    validate = form.cleaned_data["decision"] == ReviewForm.VALIDATE
    try:
        services.review_report(
            request.user, stored, validate=validate, comment=form.cleaned_data["comment"]
        )
    except services.Refused as refusal:
        return _refused(request, code, period, refusal, review_form=form)
    if validate:
        message = _("%(period)s is validated and locked.") % {"period": period.label}
    else:
        message = _("The report is returned to the focal point with your comment.")
    messages.success(request, message)
    return redirect(report_url(code, period))
