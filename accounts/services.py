"""State changes on accounts, called by adapters, views, commands and tests alike."""

from django.contrib.auth.models import Group

from .constants import Role


def grant_role(user, role):
    """Add `user` to the group of `role` (a constants.Role name). Idempotent."""
    user.groups.add(Group.objects.get(name=role))
    user.__dict__.pop("_role_names", None)


def revoke_role(user, role):
    user.groups.remove(Group.objects.get(name=role))
    user.__dict__.pop("_role_names", None)


def on_email_verified(user):
    """Every verified user is a learner (DESIGN.md, roles)."""
    grant_role(user, Role.LEARNER)
