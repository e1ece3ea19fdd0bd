"""Members flagging a post: enough flags from different members hide it until a
moderator reviews it (the review is in `moderation`)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..models import Flag, ModerationAction, PostState
from .checks import PostError
from .decisions import decided_post, log
from .notifications import notify_author
from .visibility import post_withdrawn


def flag(post, user, reason, detail=""):
    """Report a post. When FORUM_FLAGS_TO_HIDE different members have flagged it, it is
    hidden until a moderator reviews it. -> the flag. Raises PostError."""
    if not permissions.can_flag(user, post):
        raise PostError("forbidden", _("You cannot flag this post."))
    with decided_post(post) as post:
        try:
            with transaction.atomic():
                created = Flag.objects.create(
                    post=post, user=user, reason=reason, detail=(detail or "").strip()[:500]
                )
        except IntegrityError:
            raise PostError("duplicate", _("You have already flagged this post.")) from None
        post.open_flags = Flag.objects.filter(post=post, resolved_at__isnull=True).count()
        post.save(update_fields=["open_flags"])
        if post.open_flags >= settings.FORUM_FLAGS_TO_HIDE and post.state == PostState.PUBLISHED:
            post.state = PostState.HIDDEN
            post.state_reason = _(
                "Hidden after flags from %(count)d members, until a moderator reviews it."
            ) % {"count": post.open_flags}
            post.save(update_fields=["state", "state_reason"])
            log(
                None,
                ModerationAction.AUTO_HIDE,
                post=post,
                reason=post.state_reason,
                target_user=post.author,
            )
            notify_author(post, None, post.state_reason)
            post_withdrawn(post)
    return created


def resolve_flags(post, by):
    Flag.objects.filter(post=post, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=by
    )
    post.open_flags = 0
