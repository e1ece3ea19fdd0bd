"""Signals by which one feature tells the others what happened, without importing them
(an app never imports a sibling: docs/design.md, layout).

member_suspended(sender, user_id): a moderator suspended the member (forum); sent after
    commit. The community spaces close the member's live connections (cop/receivers.py).
"""

from django.dispatch import Signal

member_suspended = Signal()
