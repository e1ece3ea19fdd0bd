"""Who may do what with a workshop (named predicates, as accounts/permissions.py).

- Trainers create workshops and manage the ones they run (lead or co-trainer);
  moderators and site administrators manage every workshop.
- The list of participants is for the workshop's managers and the focal point of its
  country.
- A registration needing approval is decided by a trainer of the workshop, a moderator
  or administrator, or the focal point of the workshop's country.
- Everyone reads published (and cancelled) workshops; a draft only its managers.
"""

from django.db.models import Q

from accounts import permissions as accounts_can

from .constants import Status
from .models import Workshop


def _oversees_all(user):
    return accounts_can.is_moderator(user) or accounts_can.is_site_admin(user)


def can_create(user):
    return accounts_can.can_manage_workshops(user) or _oversees_all(user)


def managed_by(user):
    """The workshops `user` may edit: all for moderators and administrators, those they
    run for trainers, none for anyone else."""
    if _oversees_all(user):
        return Workshop.objects.all()
    if accounts_can.can_manage_workshops(user):
        return Workshop.objects.filter(trainers=user)
    return Workshop.objects.none()


def can_manage(user, workshop):
    if _oversees_all(user):
        return True
    return accounts_can.can_manage_workshops(user) and workshop.trainers.filter(pk=user.pk).exists()


def can_see_participants(user, workshop):
    return can_manage(user, workshop) or accounts_can.is_focal_point_for(user, workshop.country)


def can_approve(user, workshop):
    return can_see_participants(user, workshop)


def visible_to(user):
    """The workshops `user` may read: published and cancelled ones, and the drafts they
    manage."""
    public = Q(status__in=(Status.PUBLISHED, Status.CANCELLED))
    if not (user and user.is_authenticated):
        return Workshop.objects.filter(public)
    return Workshop.objects.filter(public | Q(pk__in=managed_by(user).values("pk"))).distinct()
