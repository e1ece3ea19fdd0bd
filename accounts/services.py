"""State changes on accounts, called by adapters, views, commands and tests alike."""

from django.contrib.auth.models import Group

from .constants import Role
from .models import RoleScope


def grant_role(user, role):
    """Add `user` to the group of `role` (a constants.Role name). Idempotent."""
    user.groups.add(Group.objects.get(name=role))
    user.__dict__.pop("_role_names", None)


def revoke_role(user, role):
    user.groups.remove(Group.objects.get(name=role))
    user.__dict__.pop("_role_names", None)


def grant_scope(user, role, country, *, granted_by=None):
    """Let `user` exercise `role` in `country` (an ISO code). Idempotent: an existing grant
    keeps its granter and date. The scope counts only while the user also has the role."""
    RoleScope.objects.get_or_create(
        user=user, role=role, country=country, defaults={"granted_by": granted_by}
    )
    user.__dict__.pop("_role_scopes", None)


def revoke_scope(user, role, country):
    RoleScope.objects.filter(user=user, role=role, country=country).delete()
    user.__dict__.pop("_role_scopes", None)


def on_email_verified(user):
    """Every verified user is a learner (docs/design.md, roles)."""
    grant_role(user, Role.LEARNER)
