"""Reading: the posts of a topic a reader sees, the page a post is on, and how far each
member has read (the unread marks of topic lists)."""

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Greatest

from ..models import Post, PostState, TopicRead

TOPICS_PER_PAGE = 30
POSTS_PER_PAGE = 20


def visible_posts(topic, user, moderates):
    """The posts of `topic` this reader sees, in order."""
    posts = Post.objects.filter(topic=topic)
    if not moderates:
        mine = Q(author_id=user.id) if user.is_authenticated else Q(pk__in=[])
        posts = posts.filter(deleted_at__isnull=True).filter(Q(state=PostState.PUBLISHED) | mine)
    return posts.select_related("author", "reply_to__author").order_by("number")


def page_of(topic, user, moderates, number):
    """The page of the topic page on which post `number` is."""
    before = visible_posts(topic, user, moderates).filter(number__lt=number).count()
    return before // POSTS_PER_PAGE + 1


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
