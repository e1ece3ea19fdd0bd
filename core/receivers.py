"""Session ends reach the member's open sockets on every worker (core.live).

A logout closes the sockets of that session; deactivating a member closes all of theirs.
Sent after commit and robustly: a channel layer that is down must not fail the logout or
the admin's save (the sockets then still re-check the session on every send).
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth.signals import user_logged_out
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .live import UNAVAILABLE, user_group

logger = logging.getLogger(__name__)


def end_sessions(user_id, session_key=None):
    """Close `user_id`'s open sockets: those of `session_key`, or all of them if None."""

    def send():
        try:
            async_to_sync(get_channel_layer().group_send)(
                user_group(user_id), {"type": "session.ended", "session_key": session_key}
            )
        except UNAVAILABLE as error:
            logger.warning("could not close the sockets of user %s: %r", user_id, error)

    transaction.on_commit(send)


@receiver(user_logged_out, dispatch_uid="core.live.logged_out")
def _logged_out(sender, request, user, **kwargs):
    if user is not None and request is not None:
        end_sessions(user.pk, request.session.session_key)


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="core.live.deactivated")
def _deactivated(sender, instance, created, update_fields=None, **kwargs):
    if not created and not instance.is_active:
        end_sessions(instance.pk)
