"""A member flagging a post for the moderators (the review is in `moderation`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import permissions as can
from .. import services
from ..forms import FlagForm
from .access import visible_post


@login_required
@require_http_methods(["GET", "POST"])
def flag_post(request, post_id):
    post, _moderates = visible_post(request, post_id)
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
