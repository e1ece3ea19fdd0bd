"""Reading: the posts of a topic a reader sees, page by page, the page a post is on, and
how far each member has read (the unread marks of topic lists)."""

from bisect import bisect_right

from django.db import IntegrityError, transaction
from django.db.models import F, Q, Window
from django.db.models.functions import Greatest, Lag

from ..models import LISTED, Post, PostState, TopicRead

TOPICS_PER_PAGE = 30
POSTS_PER_PAGE = 20


def visible_posts(topic, user, moderates):
    """The posts of `topic` this reader sees, in order."""
    posts = Post.objects.filter(topic=topic)
    if not moderates:
        mine = Q(author_id=user.id) if user.is_authenticated else Q(pk__in=[])
        posts = posts.filter(deleted_at__isnull=True).filter(Q(state=PostState.PUBLISHED) | mine)
    return posts.select_related("author", "reply_to__author").order_by("number")


class TopicPosts:
    """The posts of `topic` one reader sees, in order (those of `visible_posts`), as a
    sequence for a Paginator that finds a page by post number instead of by OFFSET:

    - its length is the topic's `post_count` plus the unlisted posts this reader sees
      (their own waiting or hidden posts; a moderator's every unlisted one), which are
      read from the partial index `forum_post_unlisted`: no count of the topic's posts;
    - a slice starts at the post whose number `number_at` works out from the topic's
      `listed_gaps` and those unlisted numbers, and is read with `number >= n ... LIMIT`
      on the (topic, number) indexes: a topic's 250th page costs what its first does.

    One query for the unlisted numbers (none for an anonymous reader), one per slice.
    The counters are kept by `refresh_counters` after every change, so the pages are
    those OFFSET would give (tests/forum/test_topic_pagination.py)."""

    def __init__(self, topic, user, moderates):
        self.topic = topic
        self.user = user
        self.moderates = moderates
        self._unlisted = None

    @property
    def unlisted(self):
        """The numbers, in order, of the posts this reader sees that are not listed."""
        if self._unlisted is None:
            if self.moderates:
                seen = Post.objects.filter(~LISTED, topic=self.topic)
            elif self.user.is_authenticated:
                seen = Post.objects.filter(
                    ~LISTED, topic=self.topic, author_id=self.user.id, deleted_at__isnull=True
                )
            else:
                seen = Post.objects.none()
            self._unlisted = list(seen.order_by("number").values_list("number", flat=True))
        return self._unlisted

    def __len__(self):
        return self.topic.post_count + len(self.unlisted)

    def seen_up_to(self, number):
        """How many of these posts have a number up to `number`."""
        last = min(number, self.topic.last_listed_number)
        listed = last - sum(
            min(gap_end, last) - gap_start + 1
            for gap_start, gap_end in self.topic.listed_gaps
            if gap_start <= last
        )
        return max(listed, 0) + bisect_right(self.unlisted, number)

    def number_at(self, index):
        """The number of the post at `index` (from 0): the smallest number with index + 1
        posts up to it, found by bisection over the numbers."""
        low = 1
        high = max(self.topic.last_listed_number, self.unlisted[-1] if self.unlisted else 0)
        high = max(low, high)
        while low < high:
            middle = (low + high) // 2
            if self.seen_up_to(middle) > index:
                high = middle
            else:
                low = middle + 1
        return low

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("TopicPosts is read a page (a slice) at a time")
        start, stop = key.start or 0, key.stop
        if stop is not None and stop <= start:
            return []
        posts = visible_posts(self.topic, self.user, self.moderates)
        if start:
            posts = posts.filter(number__gte=self.number_at(start))
        return list(posts if stop is None else posts[: stop - start])


def page_of(topic, user, moderates, number):
    """The page of the topic page on which post `number` is."""
    before = TopicPosts(topic, user, moderates).seen_up_to(number - 1)
    return before // POSTS_PER_PAGE + 1


def listed_gaps(topic):
    """The numbers up to the topic's last listed post that are not listed posts, as
    [first, last] ranges in order (Topic.listed_gaps); one query on `forum_post_listed`."""
    numbers = (
        Post.objects.listed()
        .filter(topic=topic)
        .annotate(previous=Window(Lag("number", default=0), order_by="number"))
        .filter(number__gt=F("previous") + 1)
        .order_by("number")
        .values_list("previous", "number")
    )
    return [[previous + 1, number - 1] for previous, number in numbers]


def mark_read(user, topic, number):
    """Remember that `user` has read `topic` up to post `number` (never backwards)."""
    if not user.is_authenticated or not number:
        return
    updated = TopicRead.objects.filter(user=user, topic=topic).update(
        last_read_number=Greatest(F("last_read_number"), number)
    )
    if not updated:
        try:
            with transaction.atomic():
                TopicRead.objects.create(user=user, topic=topic, last_read_number=number)
        except IntegrityError:  # a parallel request made it
            pass


def read_marks(user, topics):
    """{topic id: last read number} for the topics of a list (one query)."""
    if not user.is_authenticated or not topics:
        return {}
    return dict(
        TopicRead.objects.filter(user=user, topic__in=[t.id for t in topics]).values_list(
            "topic_id", "last_read_number"
        )
    )


def annotate_unread(user, topics):
    marks = read_marks(user, topics)
    for topic in topics:
        topic.unread = user.is_authenticated and marks.get(topic.id, 0) < topic.last_listed_number
        topic.never_read = user.is_authenticated and topic.id not in marks
    return topics
