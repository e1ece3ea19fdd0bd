"""Moderators' pages and actions: decisions on a post or a topic, the review queue, the
moderation log, suspending a member and the watched words."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from .. import permissions as can
from .. import services
from ..forms import MoveForm, SlowModeForm, SuspendForm, WatchedWordForm
from ..models import Category, Flag, ModerationLog, Post, Topic, WatchedWord
from .access import safe_next

LOG_PER_PAGE = 50
QUEUE_PER_PAGE = 25


POST_ACTIONS = {
    "approve": (services.approve, False, gettext_lazy("The post is approved and published.")),
    "reject": (
        services.reject,
        True,
        gettext_lazy("The post is rejected; its author is told why."),
    ),
    "hide": (services.hide, True, gettext_lazy("The post is hidden.")),
    "unhide": (services.unhide, False, gettext_lazy("The post is visible again.")),
    "dismiss": (
        services.dismiss_flags,
        False,
        gettext_lazy("The flags are dismissed; the post stays."),
    ),
}


@login_required
@require_POST
def moderate_post(request, post_id):
    post = get_object_or_404(Post.objects.select_related("topic__category", "author"), pk=post_id)
    if not can.can_moderate(request.user, post.topic.category):
        raise PermissionDenied
    action = POST_ACTIONS.get(request.POST.get("action"))
    fallback = reverse("forum_post", args=[post.id])
    if action is None:
        messages.error(request, _("Unknown action."))
        return redirect(safe_next(request, fallback))
    service, needs_reason, done = action
    reason = request.POST.get("reason", "").strip()[:500]
    if needs_reason and not reason:
        messages.error(request, _("Give a reason: the author will see it."))
        return redirect(safe_next(request, fallback))
    try:
        service(post, request.user, reason)
    except services.PostError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(safe_next(request, fallback))


@login_required
@require_POST
def moderate_topic(request, topic_id):
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=topic_id)
    if not can.can_moderate(request.user, topic.category):
        raise PermissionDenied
    action = request.POST.get("action")
    reason = request.POST.get("reason", "").strip()[:500]
    simple = {
        "lock": (services.lock, _("The topic is locked.")),
        "unlock": (services.unlock, _("The topic is open for replies again.")),
        "pin": (services.pin, _("The topic is pinned to the top of its category.")),
        "unpin": (services.unpin, _("The topic is no longer pinned.")),
    }
    try:
        if action in simple:
            service, done = simple[action]
            service(topic, request.user, reason)
            messages.success(request, done)
        elif action == "slow_mode":
            form = SlowModeForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Slow mode is a number of minutes, 0 to turn it off."))
            else:
                services.set_slow_mode(
                    topic, request.user, form.cleaned_data["minutes"] * 60, reason
                )
                messages.success(request, _("Slow mode is updated."))
        elif action == "move":
            categories = [c for c in Category.objects.all() if can.can_moderate(request.user, c)]
            form = MoveForm(request.POST, categories=categories)
            if not form.is_valid():
                messages.error(request, _("Choose a category you moderate."))
            else:
                services.move(topic, form.cleaned_data["category"], request.user, reason)
                messages.success(request, _("The topic is moved."))
        else:
            messages.error(request, _("Unknown action."))
    except services.PostError as error:
        messages.error(request, error.message)
    return redirect("forum_topic", topic.id)


def _moderated(request):
    categories = list(Category.objects.all())
    moderated = can.moderated_category_ids(request.user, categories)
    if not moderated:
        raise PermissionDenied
    return moderated


@login_required
@require_safe
def queue(request):
    """Posts waiting for approval and flagged posts, in the categories this person moderates."""
    moderated = _moderated(request)
    pending, flagged = services.moderation_queue(moderated)
    pending_page = Paginator(pending, QUEUE_PER_PAGE).get_page(request.GET.get("pending"))
    flagged = flagged.prefetch_related(
        Prefetch(
            "flags",
            queryset=Flag.objects.filter(resolved_at__isnull=True).select_related("user"),
            to_attr="open_flag_list",
        )
    )
    flagged_page = Paginator(flagged, QUEUE_PER_PAGE).get_page(request.GET.get("flagged"))
    return render(
        request,
        "forum/queue.html",
        {
            "pending_page": pending_page,
            "flagged_page": flagged_page,
            "may_suspend": can.can_suspend(request.user),
            "may_manage_words": can.can_manage_watched_words(request.user),
        },
    )


@login_required
@require_safe
def moderation_log(request):
    moderated = _moderated(request)
    entries = ModerationLog.objects.for_display()
    if not can.can_suspend(request.user):  # focal points: their categories' entries
        entries = entries.filter(category_id__in=moderated)
    action = request.GET.get("action", "")
    if action:
        entries = entries.filter(action=action)
    page = Paginator(entries, LOG_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "forum/log.html",
        {
            "page_obj": page,
            "action": action,
            "actions": ModerationLog._meta.get_field("action").choices,
            "filter_query": urlencode({"action": action}) if action else "",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def suspend_member(request, user_id):
    if not can.can_suspend(request.user):
        raise PermissionDenied
    member = get_object_or_404(get_user_model(), pk=user_id)
    form = SuspendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if request.POST.get("action") == "lift":
            try:
                services.unsuspend(member, request.user, request.POST.get("reason", "")[:500])
            except services.PostError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("%(name)s may post again.") % {"name": member.name})
            return redirect("forum_suspend", member.id)
        if form.is_valid():
            try:
                services.suspend(
                    member,
                    request.user,
                    days=form.cleaned_data["days"],
                    reason=form.cleaned_data["reason"],
                )
            except services.PostError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("%(name)s is suspended.") % {"name": member.name})
            return redirect("forum_suspend", member.id)
    recent = Post.objects.filter(author=member).select_related("topic").order_by("-created_at")[:10]
    return render(
        request,
        "forum/suspend.html",
        {"member": member, "form": form, "recent": recent},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def watched_words(request):
    if not can.can_manage_watched_words(request.user):
        raise PermissionDenied
    form = WatchedWordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if request.POST.get("remove"):
            word = get_object_or_404(WatchedWord, pk=request.POST["remove"])
            try:
                services.unwatch_word(word, request.user)
            except services.PostError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request, _("“%(word)s” is no longer watched.") % {"word": word.word}
                )
            return redirect("forum_words")
        if form.is_valid():
            try:
                services.watch_word(
                    form.cleaned_data["word"], form.cleaned_data["action"], request.user
                )
            except services.PostError as error:
                form.add_error("word", error.message)
            else:
                messages.success(request, _("The word is watched."))
                return redirect("forum_words")
    return render(
        request,
        "forum/words.html",
        {"form": form, "words": WatchedWord.objects.all()},
        status=400 if form.errors else 200,
    )
