"""What the spaces do when another feature says something happened (core.signals)."""

from django.dispatch import receiver

from core.signals import member_suspended

from . import services
from .models import Membership


@receiver(member_suspended, dispatch_uid="cop.member_suspended")
def close_suspended_members_sockets(sender, user_id, **kwargs):
    """A suspended member may read but not chat: close their open space connections (the
    consumer re-checks on every send too, so a lost event changes nothing)."""
    for membership in Membership.objects.filter(user_id=user_id).select_related("space"):
        services.notify_connections(membership.space, {"action": "muted", "user": user_id})
