"""The learner replies in the regional forum; the post waits for approval; the moderator
approves it from the review queue; another member reading the topic sees it appear live."""

import pytest

from forum.models import Post, PostState, Topic
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXT = "Our home-based workers' group voted to register as a cooperative"


def test_learner_posts_moderator_approves_and_a_reader_sees_it_live(chromium, asgi_server):
    topic = (
        Topic.objects.filter(category__slug="regional", is_visible=True, is_locked=False)
        .order_by("id")
        .first()
    )
    contexts = [chromium.new_context(base_url=asgi_server, locale="en-US") for _ in range(3)]
    learner, moderator, reader = (context.new_page() for context in contexts)
    for page in (learner, moderator, reader):
        page.set_default_timeout(15_000)
    log_in(learner, "learner@example.org")
    log_in(moderator, "moderator@example.org")
    log_in(reader, "learner2@example.org")

    # Another member is reading the topic, live.
    reader.goto(f"/forum/t/{topic.id}/")
    reader.locator("#live-status").filter(has_text="Live").wait_for()

    # The learner replies; as a new member, the post waits for a moderator.
    learner.goto(f"/forum/t/{topic.id}/")
    learner.get_by_label("Your reply").fill(f"{TEXT}. **Next step**: the by-laws.")
    learner.get_by_role("button", name="Preview").click()
    learner.locator(".preview strong", has_text="Next step").wait_for()
    learner.get_by_role("button", name="Post reply").click()
    learner.get_by_text("waits for a moderator's approval").first.wait_for()
    learner.locator("li.post.is-pending", has_text=TEXT).wait_for()
    post = Post.objects.get(topic=topic, body__startswith=TEXT)
    assert post.state == PostState.PENDING
    assert reader.locator("li.post", has_text=TEXT).count() == 0

    # The moderator approves it from the review queue.
    moderator.goto("/forum/moderation/")
    item = moderator.locator(".queue-item", has_text=TEXT)
    item.get_by_role("button", name="Approve").click()
    moderator.get_by_text("The post is approved and published.").wait_for()

    # The reader sees it appear without reloading, rendered from the sanitised HTML.
    reader.locator(f"#post-{post.id}", has_text=TEXT).wait_for()
    assert reader.locator(f"#post-{post.id} strong", has_text="Next step").count() == 1
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED
    for context in contexts:
        context.close()
