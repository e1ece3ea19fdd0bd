"""An activity and its progress: its page (/activities/<id>/), adding and editing it, the
timeline of updates, the discussion, and the history. Its indicators and their quarterly
values are in indicators.py; what both share (finding the activity, the rate limit, how
a refusal is answered) in common.py.

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

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.times import reader_zone

from .. import history as activity_history
from .. import live, services
from .. import permissions as can
from ..forms import ActivityForm, CommentForm, UpdateForm, country_code, country_value, course_pages
from ..models import Evidence
from .common import (
    editable_activity,
    positive_int,
    refusal_status,
    slow_down,
    too_fast,
    visible_activity,
)
from .indicators import indicators_with_progress

UPDATES_SHOWN = 20
COMMENTS_SHOWN = 50


def labels():
    """The activity page's labels and words for the live script (live.labels)."""
    return live.labels(
        connected=_("Live: new updates appear here as they are posted."),
        closed=_("Live updates are off: reload the page to see the latest."),
        stale=_("Much has changed since this page was loaded: reload it."),
        status_change=_("Status: %(before)s → %(after)s"),
    )


# --- The activity page --------------------------------------------------------------------


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
    updates, older_updates = _updates(
        activity, positive_int(request.GET.get("updates_before")), by_update
    )
    comments, earlier_comments = _comments(
        activity, positive_int(request.GET.get("comments_before"))
    )
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
        "evidence_form": may_edit,
        "reader_zone": reader_zone(user),
        "labels": labels(),
        # The replay of a reconnect starts after what this page shows.
        "last_event": activity.events.order_by("-id").values_list("id", flat=True).first() or 0,
    }
    return render(request, "activities/activity_detail.html", context, status=status)


@login_required
@require_safe
def detail(request, pk):
    return _page(request, visible_activity(request, pk))


# --- Adding and editing ------------------------------------------------------------------


def _learning_prefill(request, countries):
    """What ?workshop=<id>, ?course=<page id>, ?space=<id or slug> and ?topic=<id> put
    in a new activity's form: only rows that exist (and a workshop that is published, a
    page of the courses app, a visible topic). A workshop or national space of a country
    the person may add activities for chooses that country too."""
    from django.apps import apps  # noqa: PLC0415 - siblings' models, by label

    initial = {}
    if workshop_id := positive_int(request.GET.get("workshop")):
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
    course_id = positive_int(request.GET.get("course"))
    if course_id and course_pages().filter(pk=course_id).exists():
        initial["course_page"] = course_id
    space_key = request.GET.get("space", "")
    if space_key:
        spaces = apps.get_model("cop", "Space").objects
        space_id = positive_int(space_key)
        space = (spaces.filter(pk=space_id) if space_id else spaces.filter(slug=space_key)).first()
        if space is not None:
            initial["space"] = space.pk
            if space.country and space.country in countries:
                initial.setdefault("country", space.country)
    if topic_id := positive_int(request.GET.get("topic")):
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
    if too_fast(request):
        return slow_down(request)
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
        return _form_page(request, form, status=refusal_status(refusal))
    messages.success(request, _("The activity is added."))
    return redirect(activity)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request, pk):
    """What a form may change; the owners and the draft flag for the country's focal
    point (and moderators) only."""
    user = request.user
    activity = editable_activity(request, pk)
    may_manage = can.can_manage(user, activity)
    # The form works on a copy: an invalid POST leaves the page's activity as stored.
    kwargs = {"instance": copy.copy(activity), "user": user, "may_manage": may_manage}
    if request.method != "POST":
        return _form_page(request, ActivityForm(**kwargs), activity)
    if too_fast(request):
        return slow_down(request)
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
        return _form_page(request, form, activity, status=refusal_status(refusal))
    messages.success(request, _("The activity is saved."))
    return redirect(activity)


# --- Progress: updates and the discussion ------------------------------------------------


@login_required
@require_POST
def post_update(request, pk):
    activity = editable_activity(request, pk)
    if too_fast(request):
        return slow_down(request)
    form = UpdateForm(request.POST)
    if not form.is_valid():
        return _page(request, activity, update_form=form, status=400)
    try:
        update = services.post_update(
            request.user, activity, form.cleaned_data["body"], form.cleaned_data["status"]
        )
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        return _page(request, activity, update_form=form, status=refusal_status(refusal))
    return redirect(f"{activity.get_absolute_url()}#update-{update.pk}")


@login_required
@require_POST
def comment(request, pk):
    """Any member who may see the activity takes part in its discussion."""
    activity = visible_activity(request, pk)
    if too_fast(request):
        return slow_down(request)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _page(request, activity, comment_form=form, status=400)
    try:
        posted = services.add_comment(request.user, activity, form.cleaned_data["body"])
    except services.Refused as refusal:
        form.add_error(None, refusal.message)
        return _page(request, activity, comment_form=form, status=refusal_status(refusal))
    return redirect(f"{activity.get_absolute_url()}#comment-{posted.pk}")


# --- History --------------------------------------------------------------------------


@login_required
@require_safe
def history(request, pk):
    """Every change to the activity, its indicators, values and its country's reports,
    newest first, a page at a time (?before=<ISO time>)."""
    activity = visible_activity(request, pk)
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
