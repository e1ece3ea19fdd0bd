"""Who may see what of other people's learning (named predicates, as
accounts/permissions.py): a course's coach report - its learners, their progress and quiz
results - is for trainers and content editors (and site administrators, who are both)."""

from accounts import permissions as accounts_can


def can_coach(user):
    """See every course's coach report (/coach/)."""
    return accounts_can.is_trainer(user) or accounts_can.can_edit_content(user)
