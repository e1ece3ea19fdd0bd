"""Writing in the forum: a new topic, a reply, an edit (each with a preview), and an
author deleting their own post. The rules are `forum.services.posting`'s."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.text import render_markdown

from .. import permissions as can
from .. import services
from ..forms import EditForm, ReplyForm, TopicForm
from ..models import Post, PostState
from .access import readable_category, visible_post, visible_topic

SUSPENDED = gettext_lazy("You are suspended: you may read but not post.")


def _compose(request, template_context, status=200):
    return render(request, "forum/compose.html", template_context, status=status)


def _preview(request, context, body):
    """The form again, with the body rendered as it would be posted."""
    context["preview"] = render_markdown(body)
    return _compose(request, context)


def _refused(request, context, error):
    """The form again, with the service's refusal (429 for posting too fast)."""
    context["form"].add_error(None, error.message)
    return _compose(request, context, status=429 if error.code == "rate_limited" else 400)


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
@require_http_methods(["GET", "POST"])
def new_topic(request, slug):
    category = readable_category(request, slug)
    if not can.can_post(request.user, category):
        if can.is_suspended(request.user):
            messages.error(request, SUSPENDED)
            return redirect("forum_category", slug)
        raise PermissionDenied
    form = TopicForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "category": category, "mode": "topic"}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            return _preview(request, context, data["body"])
        try:
            topic = services.start_topic(
                category, request.user, data["title"], data["body"], token=data["token"]
            )
        except services.PostError as error:
            return _refused(request, context, error)
        _posted_message(request, topic.posts.get(number=1))
        return redirect("forum_topic", topic.id)
    return _compose(request, context, status=400 if form.errors else 200)


@login_required
@require_POST
def reply(request, topic_id):
    topic, moderates = visible_topic(request, topic_id)
    if not can.can_reply(request.user, topic, moderates):
        if can.is_suspended(request.user):
            messages.error(request, SUSPENDED)
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
        reply_to = Post.objects.listed().filter(topic=topic, pk=data["reply_to"]).first()
    if "preview" in request.POST:
        return _preview(request, context, data["body"])
    try:
        post = services.reply(
            topic, request.user, data["body"], reply_to=reply_to, token=data["token"]
        )
    except services.PostError as error:
        return _refused(request, context, error)
    _posted_message(request, post)
    return redirect("forum_post", post.id)


@login_required
@require_http_methods(["GET", "POST"])
def edit_post(request, post_id):
    post, moderates = visible_post(request, post_id)
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
            return _preview(request, context, data["body"])
        try:
            post = services.edit_post(
                post, request.user, data["body"], reason=data["reason"], moderates=moderates
            )
        except services.PostError as error:
            return _refused(request, context, error)
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
@require_POST
def delete_post(request, post_id):
    post, _moderates = visible_post(request, post_id)
    if not can.can_delete(request.user, post, _moderates):
        raise PermissionDenied
    services.delete_own_post(post, by=request.user)
    messages.success(request, _("Your post is deleted."))
    return redirect("forum_topic", post.topic_id)
