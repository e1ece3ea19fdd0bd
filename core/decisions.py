"""One decision per item: the pattern every state change that a person decides follows.

Two moderators may act on one item at the same moment, or one moderator clicks twice, or
two workers run the same request: each of them read the item when it was still
undecided. So every such action (approve, reject, hide, lock, a workshop's cancellation,
an activity's status...) does this, and nothing else:

1. open `transaction.atomic()`;
2. read the item's row again with SELECT ... FOR UPDATE: a second action on the same row
   waits here until the first one commits, then reads what the first one wrote;
3. check, on that fresh row, that the decision is still to be made, and refuse with a
   message for the person if it is not (nothing changed, nothing logged, nobody told);
4. change the row, write the log row, and queue notices and broadcasts with
   `transaction.on_commit`, so they go out once, and only if the change is committed.

`decide` does 1 to 3; the caller does 4 inside its `with` block:

    with decide(
        Post.objects.select_related("topic__category", "author"),
        post.pk,
        still=lambda post: post.state == PostState.PENDING,
        refusal=PostError("decided", _("Someone else has already decided on this post.")),
    ) as post:
        post.state = PostState.PUBLISHED
        post.save(update_fields=["state"])
        log(...)
        transaction.on_commit(...)

Only the item's own row is locked (`FOR UPDATE OF` its table), not the rows joined with
`select_related`, so that unrelated actions on the same category never wait on each
other. Take the locks in one order across an app (post, then its topic, then its
category) so that two transactions never wait on each other in a circle. SQLite has no
row locks; there a write takes the whole database, which serialises the same way.
"""

from contextlib import contextmanager

from django.db import transaction
from django.utils.translation import gettext_lazy as _


class AlreadyDecided(Exception):
    """The decision was made by someone else in the meantime; `message` says so."""

    def __init__(self, message=None):
        self.message = message or _("Someone else has already decided on this.")
        super().__init__(str(self.message))


@contextmanager
def decide(queryset, pk, *, still=None, refusal=None):
    """Inside one transaction: yield the row `pk` of `queryset`, locked until commit.

    `still(row)` says whether the decision is still to be made on the row as it is now;
    when it is false, `refusal` (an exception instance; AlreadyDecided by default) is
    raised and the transaction is rolled back. A row that has gone (deleted by someone
    else in the meantime) is refused the same way.
    """
    refused = refusal if refusal is not None else AlreadyDecided()
    with transaction.atomic():
        try:
            row = queryset.select_for_update(of=("self",)).get(pk=pk)
        except queryset.model.DoesNotExist:
            raise refused from None
        if still is not None and not still(row):
            raise refused
        yield row
