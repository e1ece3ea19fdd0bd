"""Forum pages. Each view loads what it shows in a fixed number of queries, asks
`forum.permissions` whether the person may see or do it, and calls `forum.services`."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from home.text import render_markdown

from . import permissions as can
from . import services
from .forms import (
    EditForm,
    FlagForm,
    MoveForm,
    ReasonForm,
    ReplyForm,
    SlowModeForm,
    SuspendForm,
    TopicForm,
    WatchedWordForm,
)
from .models import Category, Flag, ModerationLog, Notification, Post, PostState, Topic, WatchedWord

LOG_PER_PAGE = 50
QUEUE_PER_PAGE = 25
NOTIFICATIONS_PER_PAGE = 30


# --- Loading with permission ------------------------------------------------------------
def _refuse(request):
    """Anonymous people are sent to log in; others are refused."""
    if not request.user.is_authenticated:
        raise _LoginRequired
    raise PermissionDenied


class _LoginRequired(Exception):
    pass


def _guarded(view):
    """Turn a _LoginRequired raised inside a view into the redirect to the login page."""

    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _readable_category(request, slug):
    category = get_object_or_404(Category, slug=slug)
    if not can.can_read(request.user, category):
        _refuse(request)
    return category


def _visible_topic(request, topic_id):
    """(topic, moderates) for a topic this person may see; 404 for a topic they may not
    know about (waiting for approval, hidden), login or 403 for an unreadable category."""
    topic = get_object_or_404(Topic.objects.select_related("category"), pk=topic_id)
    if not can.can_read(request.user, topic.category):
        _refuse(request)
    moderates = can.can_moderate(request.user, topic.category)
    if not can.can_see_topic(request.user, topic, moderates):
        raise Http404
    return topic, moderates


def _visible_post(request, post_id):
    post = get_object_or_404(
        Post.objects.select_related("topic__category", "author", "reply_to__author"), pk=post_id
    )
    topic = post.topic
    if not can.can_read(request.user, topic.category):
        _refuse(request)
    moderates = can.can_moderate(request.user, topic.category)
    if not can.can_see_topic(request.user, topic, moderates):
        raise Http404
    if not can.can_see_post(request.user, post, moderates) or (post.is_deleted and not moderates):
        raise Http404
    return post, moderates


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _categories_for(user):
    categories = list(Category.objects.all())
    return categories, [c for c in categories if can.can_read(user, c)]


# --- Reading ----------------------------------------------------------------------------
@require_safe
def index(request):
    """Categories grouped by kind, the latest topics across them, and the review queue's
    size for moderators."""
    categories, readable = _categories_for(request.user)
    latest = list(
        Topic.objects.filter(category__in=[c.id for c in readable], is_visible=True)
        .select_related("category", "last_poster")
        .order_by("-last_posted_at")[:10]
    )
    services.annotate_unread(request.user, latest)
    moderated = can.moderated_category_ids(request.user, categories)
    waiting = services.waiting_count(moderated) if moderated else 0
    return render(
        request,
        "forum/index.html",
        {
            "categories": readable,
            "latest": latest,
            "moderates_any": bool(moderated),
            "waiting": waiting,
        },
    )


@_guarded
@require_safe
def category(request, slug):
    category = _readable_category(request, slug)
    moderates = can.can_moderate(request.user, category)
    topics = Topic.objects.filter(category=category)
    if not moderates:
        mine = Q(author_id=request.user.id) if request.user.is_authenticated else Q(pk__in=[])
        topics = topics.filter(Q(is_visible=True) | mine)
    topics = topics.select_related("author", "last_poster").order_by(
        "-is_pinned", "-last_posted_at", "-id"
    )
    page = Paginator(topics, services.TOPICS_PER_PAGE).get_page(request.GET.get("page"))
    services.annotate_unread(request.user, page.object_list)
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "page_obj": page,
            "moderates": moderates,
            "may_post": can.can_post(request.user, category),
            "subscribed": services.is_subscribed(request.user, category=category),
        },
    )


@_guarded
@require_safe
def topic(request, topic_id):
    topic, moderates = _visible_topic(request, topic_id)
    user = request.user
    posts = services.visible_posts(topic, user, moderates)
    # Page through the narrow (topic, number) index first, then join authors and replies
    # for the page's posts only: deep pages of long topics stay cheap (one query still).
    page = Paginator(posts.values_list("id", flat=True), services.POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    post_list = list(posts.filter(id__in=page.object_list))
    if post_list:
        services.mark_read(user, topic, post_list[-1].number)
    form = ReplyForm(initial=_quote(request, topic, moderates))
    return render(
        request,
        "forum/topic.html",
        _topic_context(request, topic, moderates, page, post_list, form),
    )


def _post_controls(user, topic, moderates, posts):
    """What forum/post.html needs besides the post: the reader's rights, and which of
    `posts` they have flagged (one query)."""
    flagged = set()
    if user.is_authenticated and posts:
        flagged = set(
            Flag.objects.filter(user=user, post__in=[p.id for p in posts]).values_list(
                "post_id", flat=True
            )
        )
    return {
        "topic": topic,
        "moderates": moderates,
        "may_reply": can.can_reply(user, topic, moderates),
        "may_flag": can.may_flag(user),
        "may_suspend": can.can_suspend(user),
        "flagged": flagged,
    }


def _topic_context(request, topic, moderates, page, post_list, form, preview=None):
    user = request.user
    context = {
        **_post_controls(user, topic, moderates, post_list),
        "category": topic.category,
        "page_obj": page,
        "posts": post_list,
        "form": form,
        "preview": preview,
        "subscribed": services.is_subscribed(user, topic=topic),
        "last_id": max((p.id for p in post_list), default=0),
        "on_last_page": not page.has_next(),
        "strings": client_strings(),
        "slow_minutes": max(1, topic.slow_mode_seconds // 60),
    }
    if moderates:
        categories = [c for c in Category.objects.all() if can.can_moderate(user, c)]
        targets = [c for c in categories if c.id != topic.category_id]
        context.update(
            can_move=bool(targets),
            move_form=MoveForm(categories=targets),
            slow_form=SlowModeForm(initial={"minutes": topic.slow_mode_seconds // 60}),
            reason_form=ReasonForm(),
        )
    return context


def client_strings():
    """The live client's words, translated (read from a JSON script element)."""
    return {
        "connecting": _("Connecting…"),
        "connected": _("Live: new posts appear as they are written."),
        "closed": _("Live updates are off: reload the page to see new posts."),
        "offline": _("Offline: reconnecting in %(seconds)s s…"),
        "new_posts": _("New posts below: go to the last page to read them."),
        "new_post": _("New post from %(name)s"),
        "removed": _("A post was removed."),
    }


def _quote(request, topic, moderates):
    """Reply form prefilled with a quote of ?quote=<post id> (the Quote button)."""
    try:
        post_id = int(request.GET.get("quote", ""))
    except ValueError:
        return {}
    post = (
        Post.objects.filter(topic=topic, pk=post_id, deleted_at__isnull=True)
        .select_related("author")
        .first()
    )
    if post is None or not can.can_see_post(request.user, post, moderates):
        return {}
    quoted = "\n".join(f"> {line}" for line in post.body.splitlines())
    lead = _("@%(handle)s wrote:") % {"handle": post.author.handle}
    return {"body": f"> {lead}\n{quoted}\n\n", "reply_to": post.id}


@_guarded
@require_safe
def post_permalink(request, post_id):
    """/forum/p/<id>/: the topic page the post is on, scrolled to it."""
    post, moderates = _visible_post(request, post_id)
    page = services.page_of(post.topic, request.user, moderates, post.number)
    url = reverse("forum_topic", args=[post.topic_id])
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{url}{query}#post-{post.id}")


@_guarded
@require_safe
def post_fragment(request, post_id):
    """One post's HTML as this person sees it (the live client inserts it)."""
    post, moderates = _visible_post(request, post_id)
    return render(
        request,
        "forum/post.html",
        {"post": post, **_post_controls(request.user, post.topic, moderates, [post])},
    )


@_guarded
@require_safe
def topic_unread(request, topic_id):
    """The first post this person has not read yet."""
    topic, moderates = _visible_topic(request, topic_id)
    marks = services.read_marks(request.user, [topic])
    number = marks.get(topic.id, 0) + 1
    post = (
        services.visible_posts(topic, request.user, moderates).filter(number__gte=number).first()
        or services.visible_posts(topic, request.user, moderates).last()
    )
    if post is None:
        return redirect("forum_topic", topic.id)
    return redirect("forum_post", post.id)


@_guarded
@require_safe
def post_history(request, post_id):
    post, moderates = _visible_post(request, post_id)
    revisions = post.revisions.select_related("edited_by")
    return render(
        request,
        "forum/history.html",
        {"post": post, "topic": post.topic, "revisions": revisions, "moderates": moderates},
    )


# --- Writing ----------------------------------------------------------------------------
def _compose(request, template_context, status=200):
    return render(request, "forum/compose.html", template_context, status=status)


def _posted_message(request, post):
    if post.state == PostState.PENDING:
        messages.info(
            request,
            _("Thank you. Your post waits for a moderator's approval: %(why)s")
            % {"why": post.state_reason},
        )
    else:
        messages.success(request, _("Your post is published."))


@login_required
@_guarded
@require_http_methods(["GET", "POST"])
def new_topic(request, slug):
    category = _readable_category(request, slug)
    if not can.can_post(request.user, category):
        if can.is_suspended(request.user):
            messages.error(request, _("You are suspended: you may read but not post."))
            return redirect("forum_category", slug)
        raise PermissionDenied
    form = TopicForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "category": category, "mode": "topic"}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            context["preview"] = render_markdown(data["body"])
            return _compose(request, context)
        try:
            topic = services.start_topic(
                category, request.user, data["title"], data["body"], token=data["token"]
            )
        except services.PostError as error:
            form.add_error(None, error.message)
            return _compose(request, context, status=400 if error.code != "rate_limited" else 429)
        _posted_message(request, topic.posts.get(number=1))
        return redirect("forum_topic", topic.id)
    return _compose(request, context, status=400 if form.errors else 200)


@login_required
@_guarded
@require_POST
def reply(request, topic_id):
    topic, moderates = _visible_topic(request, topic_id)
    if not can.can_reply(request.user, topic, moderates):
        if can.is_suspended(request.user):
            messages.error(request, _("You are suspended: you may read but not post."))
        elif topic.is_locked:
            messages.error(request, _("This topic is locked: it takes no more replies."))
        else:
            raise PermissionDenied
        return redirect("forum_topic", topic.id)
    form = ReplyForm(request.POST)
    context = {"form": form, "topic": topic, "category": topic.category, "mode": "reply"}
    if not form.is_valid():
        return _compose(request, context, status=400)
    data = form.cleaned_data
    reply_to = None
    if data.get("reply_to"):
        # Only a post every reader sees (the Quote button's): never a hidden one.
        reply_to = Post.objects.filter(
            topic=topic, pk=data["reply_to"], state=PostState.PUBLISHED, deleted_at__isnull=True
        ).first()
    if "preview" in request.POST:
        context["preview"] = render_markdown(data["body"])
        return _compose(request, context)
    try:
        post = services.reply(
            topic, request.user, data["body"], reply_to=reply_to, token=data["token"]
        )
    except services.PostError as error:
        form.add_error(None, error.message)
        return _compose(request, context, status=429 if error.code == "rate_limited" else 400)
    _posted_message(request, post)
    return redirect("forum_post", post.id)


@login_required
@_guarded
@require_http_methods(["GET", "POST"])
def edit_post(request, post_id):
    post, moderates = _visible_post(request, post_id)
    if not can.can_edit(request.user, post, moderates):
        raise PermissionDenied
    by_other = post.author_id != request.user.id
    form = EditForm(request.POST if request.method == "POST" else None, initial={"body": post.body})
    if not by_other:
        form.fields["reason"].label = _("What did you change? (optional)")
    context = {
        "form": form,
        "post": post,
        "topic": post.topic,
        "category": post.topic.category,
        "mode": "edit",
        "by_other": by_other,
    }
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            context["preview"] = render_markdown(data["body"])
            return _compose(request, context)
        try:
            post = services.edit_post(
                post, request.user, data["body"], reason=data["reason"], moderates=moderates
            )
        except services.PostError as error:
            form.add_error(None, error.message)
            return _compose(request, context, status=400)
        if post.state == PostState.PENDING and not moderates:
            messages.info(
                request,
                _("Your edit waits for a moderator's approval: %(why)s")
                % {"why": post.state_reason},
            )
        else:
            messages.success(request, _("The post is updated."))
        return redirect("forum_post", post.id)
    return _compose(request, context, status=400 if form.errors else 200)


@login_required
@_guarded
@require_POST
def delete_post(request, post_id):
    post, _moderates = _visible_post(request, post_id)
    if not can.can_delete(request.user, post, _moderates):
        raise PermissionDenied
    services.delete_own_post(post, by=request.user)
    messages.success(request, _("Your post is deleted."))
    return redirect("forum_topic", post.topic_id)


@login_required
@_guarded
@require_http_methods(["GET", "POST"])
def flag_post(request, post_id):
    post, _moderates = _visible_post(request, post_id)
    if not can.can_flag(request.user, post):
        raise PermissionDenied
    form = FlagForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.flag(
                post, request.user, form.cleaned_data["reason"], form.cleaned_data["detail"]
            )
        except services.PostError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you: the moderators will look at this post."))
        return redirect("forum_topic", post.topic_id)
    return render(
        request,
        "forum/flag.html",
        {"form": form, "post": post, "topic": post.topic},
        status=400 if form.errors else 200,
    )


@login_required
@_guarded
@require_POST
def subscribe(request, kind, key):
    """Follow or stop following a topic (replies) or a category (new topics)."""
    on = request.POST.get("on") == "1"
    if kind == "topic":
        if not key.isdigit():
            raise Http404
        topic, _moderates = _visible_topic(request, int(key))
        services.set_subscription(request.user, on, topic=topic)
        target = reverse("forum_topic", args=[topic.id])
    elif kind == "category":
        category = _readable_category(request, key)
        services.set_subscription(request.user, on, category=category)
        target = reverse("forum_category", args=[category.slug])
    else:
        raise Http404
    messages.success(
        request,
        _("You follow it now: you will be notified.") if on else _("You no longer follow it."),
    )
    return redirect(_safe_next(request, target))


# --- Moderation -------------------------------------------------------------------------
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
@_guarded
@require_POST
def moderate_post(request, post_id):
    post = get_object_or_404(Post.objects.select_related("topic__category", "author"), pk=post_id)
    if not can.can_moderate(request.user, post.topic.category):
        raise PermissionDenied
    action = POST_ACTIONS.get(request.POST.get("action"))
    fallback = reverse("forum_post", args=[post.id])
    if action is None:
        messages.error(request, _("Unknown action."))
        return redirect(_safe_next(request, fallback))
    service, needs_reason, done = action
    reason = request.POST.get("reason", "").strip()[:500]
    if needs_reason and not reason:
        messages.error(request, _("Give a reason: the author will see it."))
        return redirect(_safe_next(request, fallback))
    try:
        service(post, request.user, reason)
    except services.PostError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(_safe_next(request, fallback))


@login_required
@_guarded
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


# --- Notifications ----------------------------------------------------------------------
@login_required
@require_safe
def notifications(request):
    """The member's notifications, newest first; opening the list marks them read."""
    found = Notification.objects.filter(user=request.user).select_related("actor", "post__topic")
    page = Paginator(found, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    response = render(request, "forum/notifications.html", {"page_obj": page})
    services.mark_notifications_read(request.user)
    return response
