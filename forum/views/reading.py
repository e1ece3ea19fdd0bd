"""Reading the forum: the index, a category, a topic (with what the live client needs),
a post's permalink, fragment and history, and the first unread post.

Anyone may open these: an anonymous reader of a members-only category is sent to log in
(`anonymous_to_login`), a member without the right is refused."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import live
from core.pagecache import anonymous_cache

from .. import permissions as can
from .. import services
from ..forms import MoveForm, ReasonForm, ReplyForm, SlowModeForm
from ..models import Category, Flag, Post, Topic
from .access import anonymous_to_login, readable_category, visible_post, visible_topic


def _categories_for(user):
    categories = list(Category.objects.all())
    return categories, [c for c in categories if can.can_read(user, c)]


@require_safe
@anonymous_cache  # the same for every anonymous reader of a language (core.pagecache)
def index(request):
    """Categories grouped by kind, the latest topics across them, and the review queue's
    size for moderators."""
    categories, readable = _categories_for(request.user)
    latest = list(
        Topic.objects.filter(category__in=[c.id for c in readable], is_visible=True)
        .select_related("category", "last_poster")
        .order_by("-last_posted_at")[:10]
    )
    services.annotate_unread(request.user, latest)
    moderated = can.moderated_category_ids(request.user, categories)
    waiting = services.waiting_count(moderated) if moderated else 0
    return render(
        request,
        "forum/index.html",
        {
            "categories": readable,
            "latest": latest,
            "moderates_any": bool(moderated),
            "waiting": waiting,
        },
    )


@anonymous_to_login
@require_safe
def category(request, slug):
    category = readable_category(request, slug)
    moderates = can.can_moderate(request.user, category)
    topics = Topic.objects.filter(category=category)
    if not moderates:
        mine = Q(author_id=request.user.id) if request.user.is_authenticated else Q(pk__in=[])
        topics = topics.filter(Q(is_visible=True) | mine)
    topics = topics.select_related("author", "last_poster").order_by(
        "-is_pinned", "-last_posted_at", "-id"
    )
    page = Paginator(topics, services.TOPICS_PER_PAGE).get_page(request.GET.get("page"))
    services.annotate_unread(request.user, page.object_list)
    return render(
        request,
        "forum/category.html",
        {
            "category": category,
            "country_code": category.country,  # a national category offers its languages
            "page_obj": page,
            "moderates": moderates,
            "may_post": can.can_post(request.user, category),
            "subscribed": services.is_subscribed(request.user, category=category),
        },
    )


@anonymous_to_login
@require_safe
def topic(request, topic_id):
    topic, moderates = visible_topic(request, topic_id)
    user = request.user
    # Pages found by post number, not counted or skipped with OFFSET: the 250th page of
    # a long topic costs what the first does (services.TopicPosts).
    page = Paginator(services.TopicPosts(topic, user, moderates), services.POSTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    post_list = page.object_list
    if post_list:
        services.mark_read(user, topic, post_list[-1].number)
    form = ReplyForm(initial=_quote(request, topic, moderates))
    return render(
        request,
        "forum/topic.html",
        _topic_context(request, topic, moderates, page, post_list, form),
    )


def _post_controls(user, topic, moderates, posts):
    """What forum/post.html needs besides the post: the reader's rights, and which of
    `posts` they have flagged (one query)."""
    flagged = set()
    if user.is_authenticated and posts:
        flagged = set(
            Flag.objects.filter(user=user, post__in=[p.id for p in posts]).values_list(
                "post_id", flat=True
            )
        )
    return {
        "topic": topic,
        "moderates": moderates,
        "may_reply": can.can_reply(user, topic, moderates),
        "may_flag": can.may_flag(user),
        "may_suspend": can.can_suspend(user),
        "flagged": flagged,
    }


def _topic_context(request, topic, moderates, page, post_list, form, preview=None):
    user = request.user
    context = {
        **_post_controls(user, topic, moderates, post_list),
        "category": topic.category,
        "page_obj": page,
        "posts": post_list,
        "form": form,
        "preview": preview,
        "subscribed": services.is_subscribed(user, topic=topic),
        "last_id": max((p.id for p in post_list), default=0),
        "on_last_page": not page.has_next(),
        "strings": client_strings(),
        "slow_minutes": max(1, topic.slow_mode_seconds // 60),
    }
    if moderates:
        categories = [c for c in Category.objects.all() if can.can_moderate(user, c)]
        targets = [c for c in categories if c.id != topic.category_id]
        context.update(
            can_move=bool(targets),
            move_form=MoveForm(categories=targets),
            slow_form=SlowModeForm(initial={"minutes": topic.slow_mode_seconds // 60}),
            reason_form=ReasonForm(),
        )
    return context


def client_strings():
    """The live client's words, translated (read from a JSON script element): the
    socket's states from core.live, and the topic's own."""
    return live.client_strings(
        connected=_("Live: new posts appear as they are written."),
        closed=_("Live updates are off: reload the page to see new posts."),
        new_posts=_("New posts below: go to the last page to read them."),
        new_post=_("New post from %(name)s"),
        removed=_("A post was removed."),
    )


def _quote(request, topic, moderates):
    """Reply form prefilled with a quote of ?quote=<post id> (the Quote button)."""
    try:
        post_id = int(request.GET.get("quote", ""))
    except ValueError:
        return {}
    post = (
        Post.objects.filter(topic=topic, pk=post_id, deleted_at__isnull=True)
        .select_related("author")
        .first()
    )
    if post is None or not can.can_see_post(request.user, post, moderates):
        return {}
    quoted = "\n".join(f"> {line}" for line in post.body.splitlines())
    lead = _("@%(handle)s wrote:") % {"handle": post.author.handle}
    return {"body": f"> {lead}\n{quoted}\n\n", "reply_to": post.id}


@anonymous_to_login
@require_safe
def post_permalink(request, post_id):
    """/forum/p/<id>/: the topic page the post is on, scrolled to it."""
    post, moderates = visible_post(request, post_id)
    page = services.page_of(post.topic, request.user, moderates, post.number)
    url = reverse("forum_topic", args=[post.topic_id])
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{url}{query}#post-{post.id}")


@anonymous_to_login
@require_safe
def post_fragment(request, post_id):
    """One post's HTML as this person sees it (the live client inserts it)."""
    post, moderates = visible_post(request, post_id)
    return render(
        request,
        "forum/post.html",
        {"post": post, **_post_controls(request.user, post.topic, moderates, [post])},
    )


@anonymous_to_login
@require_safe
def topic_unread(request, topic_id):
    """The first post this person has not read yet."""
    topic, moderates = visible_topic(request, topic_id)
    marks = services.read_marks(request.user, [topic])
    number = marks.get(topic.id, 0) + 1
    post = (
        services.visible_posts(topic, request.user, moderates).filter(number__gte=number).first()
        or services.visible_posts(topic, request.user, moderates).last()
    )
    if post is None:
        return redirect("forum_topic", topic.id)
    return redirect("forum_post", post.id)


@anonymous_to_login
@require_safe
def post_history(request, post_id):
    post, moderates = visible_post(request, post_id)
    revisions = post.revisions.select_related("edited_by")
    return render(
        request,
        "forum/history.html",
        {"post": post, "topic": post.topic, "revisions": revisions, "moderates": moderates},
    )
