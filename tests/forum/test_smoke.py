from django.urls import reverse

from forum import services
from forum.models import Post, PostState

from .conftest import client_for


def test_pages_render(topic, learner, other, moderator):
    services.reply(topic, other, "I agree with @" + learner.handle)
    for who in (None, learner, other, moderator):
        client = client_for(who)
        for url in (
            reverse("forum"),
            reverse("forum_category", args=[topic.category.slug]),
            reverse("forum_topic", args=[topic.id]),
        ):
            response = client.get(url)
            assert response.status_code == 200, (who, url)
    assert client_for(moderator).get(reverse("forum_queue")).status_code == 200
    assert client_for(moderator).get(reverse("forum_log")).status_code == 200
    assert client_for(moderator).get(reverse("forum_words")).status_code == 200
    assert client_for(learner).get(reverse("forum_notifications")).status_code == 200
    post = Post.objects.get(topic=topic, number=2)
    assert post.state == PostState.PUBLISHED
    assert client_for(other).get(reverse("forum_edit", args=[post.id])).status_code == 200
    assert client_for(other).get(reverse("forum_flag", args=[post.id])).status_code == 403
    assert client_for(learner).get(reverse("forum_flag", args=[post.id])).status_code == 200
    assert client_for(moderator).get(reverse("forum_suspend", args=[learner.id])).status_code == 200
