"""Who may do what in a space. Views and the consumer ask these, with the membership
they already loaded (None for a non-member), so a check costs no extra query."""

from accounts import permissions as can

from .models import Membership, SpaceKind


def is_facilitator(membership):
    return (
        membership is not None
        and membership.is_active
        and (membership.role == Membership.Role.FACILITATOR)
    )


def can_moderate_space(user, space, membership=None):
    """Moderators everywhere; a national focal point in its country's space; facilitators."""
    if can.is_moderator(user):
        return True
    if space.kind == SpaceKind.NATIONAL and can.is_focal_point_for(user, space.country):
        return True
    return is_facilitator(membership)


def can_read(user, membership):
    """The discussion and its archive are for the space's members."""
    return can.is_learner(user) and membership is not None and membership.is_active


def can_post(user, membership):
    """Members chat unless muted here, or suspended from the whole platform."""
    return can_read(user, membership) and not membership.is_muted() and not user.is_suspended()


def can_delete_message(user, message, moderates):
    return message.author_id == user.id or moderates
