"""A post written with headings, a table and code shows them as such on the topic page."""

import pytest
from django.urls import reverse

from forum.models import Post

from .conftest import client_for

pytestmark = pytest.mark.django_db

BODY = (
    "# Our plan\n\n## Steps\n\n| Step | Who |\n|:--|--:|\n| Meet | all |\n\n"
    "> quoted\n\n```\ncode\n```\n\n![chart](https://e.org/c.png)"
)


def test_a_post_keeps_its_headings_table_quote_and_code(topic, other):
    client_for(other).post(reverse("forum_reply", args=[topic.id]), {"body": BODY})

    post = Post.objects.get(topic=topic, author=other)
    page = client_for(None).get(reverse("forum_topic", args=[topic.id])).content.decode()
    assert post.body_html == (
        "<h3>Our plan</h3>\n<h4>Steps</h4>\n<table>\n<thead>\n<tr>\n"
        '<th class="align-left">Step</th>\n<th class="align-right">Who</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td class="align-left">Meet</td>\n<td class="align-right">all</td>\n'
        "</tr>\n</tbody>\n</table>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n"
        "<pre><code>code\n</code></pre>\n"
        '<p>!<a href="https://e.org/c.png" rel="nofollow ugc noopener">chart</a></p>\n'
    )
    assert post.body_html in page
    assert "<img" not in page.split('class="post-body"', 1)[1]
