"""Search results say what they are ("Lesson", "Forum post", "Workshop"...) and show a
short excerpt with the match in <mark>, in its middle, everything else escaped; by
substring, so Thai written without spaces works, and never cut inside a grapheme."""

import re

import pytest
from django.urls import reverse

from accounts.graphemes import LEADING_VOWELS, is_boundary
from core.snippets import ELLIPSIS, SNIPPET_LENGTH, html_snippet, snippet
from tests.accounts.factories import UserFactory
from tests.cop.activities.factories import ActivityFactory
from tests.cop.assessment.factories import OrganizationFactory
from tests.courses.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory
from tests.courses.workshops.factories import WorkshopFactory
from tests.forum.factories import CategoryFactory, PostFactory, TopicFactory

FILLER = "The members meet every month to share the work and its rewards. " * 6
THAI = "เศรษฐกิจสังคมและสมานฉันท์ช่วยให้ชุมชนพึ่งพาตนเองได้อย่างยั่งยืน" * 4


def marked(html):
    return re.findall(r"<mark>(.*?)</mark>", str(html))


# --- The excerpt --------------------------------------------------------------------------
def test_the_match_is_marked_in_the_middle_of_a_short_excerpt():
    text = f"{FILLER}Our savings cooperative lends to its members. {FILLER}"

    excerpt = str(snippet(text, "cooperative"))

    assert marked(excerpt) == ["cooperative"]
    before, after = excerpt.split("<mark>cooperative</mark>")
    assert excerpt.startswith(ELLIPSIS)
    assert excerpt.endswith(ELLIPSIS)
    assert len(excerpt) <= SNIPPET_LENGTH + 40
    assert abs(len(before) - len(after)) < 40  # the match in the middle
    assert not before.startswith(f"{ELLIPSIS} ")  # cut at a space, not inside a word


def test_every_word_is_marked_whatever_its_case():
    excerpt = snippet("Mutual aid and MUTUAL insurance for fisherfolk.", "mutual INSURANCE")

    assert marked(excerpt) == ["Mutual", "MUTUAL", "insurance"]
    assert ELLIPSIS not in excerpt  # a short text is shown whole


def test_the_text_around_the_mark_is_escaped():
    excerpt = str(snippet('Tom & Jerry <script>alert("x")</script> cooperative', "script"))

    assert "<script" not in excerpt
    assert excerpt == (
        "Tom &amp; Jerry &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script"
        "</mark>&gt; cooperative"
    )


def test_html_is_read_as_text_its_blocks_apart_and_escaped_once():
    excerpt = str(html_snippet("<p>Tom &amp; Jerry</p><p>work together</p>", "jerry"))

    assert excerpt == "Tom &amp; <mark>Jerry</mark> work together"


def test_thai_without_spaces_is_matched_inside_a_word_and_cut_between_graphemes():
    text = f"{THAI}สหกรณ์การเกษตร{THAI}"

    excerpt = str(snippet(text, "สหกรณ์"))

    assert marked(excerpt) == ["สหกรณ์"]
    assert excerpt.startswith(ELLIPSIS)
    assert excerpt.endswith(ELLIPSIS)
    inner = excerpt[1:-1].replace("<mark>", "").replace("</mark>", "")
    start = text.index(inner)
    assert is_boundary(text, start)
    assert is_boundary(text, start + len(inner))
    assert inner[-1] not in LEADING_VOWELS  # no vowel left without its consonant
    before, after = excerpt.split("<mark>สหกรณ์</mark>")
    assert abs(len(before) - len(after)) < 20


def test_a_stemmed_match_is_marked_when_the_word_as_typed_is_not_there():
    assert marked(snippet("Two cooperative banks merged.", "cooperatives")) == ["cooperative"]


def test_without_a_match_the_excerpt_is_the_beginning_unmarked():
    excerpt = snippet(FILLER, "durian")

    assert marked(excerpt) == []
    assert excerpt.startswith("The members meet")
    assert excerpt.endswith(ELLIPSIS)
    assert snippet("", "durian") == ""


def test_a_lone_latin_letter_marks_nothing_a_lone_chinese_character_does():
    assert marked(snippet("A cooperative and a mutual.", "a")) == []
    assert marked(snippet("合作社的茶园", "茶")) == ["茶"]


# --- The results page ---------------------------------------------------------------------
def lesson_with(text):
    course = CoursePageFactory(slug="snippets", title="Savings groups")
    module = ModulePageFactory(parent=course, title="Module 1", slug="module-1")
    return LessonPageFactory(
        parent=module,
        title="Running a savings group",
        slug="savings",
        body=[
            {"type": "paragraph", "value": f"<p>{FILLER}</p>"},
            {"type": "paragraph", "value": f"<p>Members of a <b>rotating</b> {text} fund.</p>"},
        ],
    )


def result_items(response):
    return re.findall(r"<li>\s*<p class=\"result-kind\">.*?</li>", response.content.decode(), re.S)


@pytest.mark.django_db
def test_a_lesson_is_found_with_its_kind_and_the_match_in_its_body(client):
    lesson_with("zanzibarite")

    response = client.get(reverse("search"), {"q": "zanzibarite"})
    [item] = result_items(response)

    assert '<p class="result-kind">Lesson</p>' in item
    assert "Running a savings group" in item
    assert "<mark>zanzibarite</mark> fund." in item
    assert "rotating" in item
    assert "<b>" not in item  # the body's markup is read as text


@pytest.mark.django_db
def test_a_thai_word_in_a_lesson_is_found_and_marked(client):
    lesson_with(f"{THAI} สหกรณ์ {THAI}")

    item = result_items(client.get(reverse("search"), {"q": "สหกรณ์"}))[0]

    assert "<mark>สหกรณ์</mark>" in item


@pytest.mark.django_db
def test_a_forum_post_is_a_forum_post_with_its_excerpt_and_its_linked_author(client):
    author = UserFactory(name="Somchai <Jai>", handle="somchai")
    topic = TopicFactory(category=CategoryFactory(), title="Fair wages")
    PostFactory(topic=topic, author=author, body=f"{FILLER} A **quixotic** plan & <script>.")

    response = client.get(reverse("search"), {"q": "quixotic", "in": "forum"})
    [item] = result_items(response)

    assert '<p class="result-kind">Forum post</p>' in item
    assert "<mark>quixotic</mark> plan &amp; &lt;script&gt;." in item
    assert '<a href="/members/somchai/">Somchai &lt;Jai&gt;</a>' in item
    assert "&amp;lt;" not in item  # escaped once


@pytest.mark.django_db
def test_workshops_and_activities_say_what_they_are_with_their_descriptions(client):
    WorkshopFactory(
        title="Solidarity finance clinic",
        description="Pooling **risk** in a mutual.",
        description_html="<p>Pooling <strong>risk</strong> in a mutual.</p>",
    )
    ActivityFactory(title="Mutual study", description="A study of **mutual** funds.")
    client.force_login(UserFactory())

    workshop = result_items(client.get(reverse("search"), {"q": "mutual", "in": "workshops"}))
    activity = result_items(client.get(reverse("search"), {"q": "mutual", "in": "activities"}))

    assert '<p class="result-kind">Workshop</p>' in workshop[0]
    assert "Pooling risk in a <mark>mutual</mark>." in workshop[0]
    assert '<p class="result-kind">Activity</p>' in activity[0]
    assert "A study of <mark>mutual</mark> funds." in activity[0]


@pytest.mark.django_db
def test_an_organization_result_says_organization(client):
    member = UserFactory()
    OrganizationFactory(name="Mutual Weavers", members=[member])
    client.force_login(member)

    items = result_items(client.get(reverse("search"), {"q": "weavers", "in": "assessment"}))

    assert '<p class="result-kind">Organization</p>' in items[0]


# --- Queries ------------------------------------------------------------------------------
# The pages' column: the view restrictions, the locale, the count, the page of results and
# their specific rows, the site (their URLs); the previews: the forum's categories, the
# workshops, the organizations. The snippets read rows already loaded: nothing more.
PAGE_QUERIES = 9


@pytest.mark.django_db
@pytest.mark.parametrize("posts", [2, 9])
def test_the_forum_tab_with_snippets_makes_the_same_queries_at_any_size(
    client, django_assert_num_queries, posts
):
    topic = TopicFactory(category=CategoryFactory())
    for n in range(posts):
        PostFactory(topic=topic, body=f"{FILLER} solidarity number {n}")
    client.get(reverse("search"), {"q": "solidarity", "in": "forum"})  # warm the shell

    # The site (the menu is cached), the categories, the count and the page of posts.
    with django_assert_num_queries(4):
        response = client.get(reverse("search"), {"q": "solidarity", "in": "forum"})

    assert len(marked(response.content.decode())) == posts


@pytest.mark.django_db
@pytest.mark.parametrize("lessons", [2, 8])
def test_the_pages_column_with_snippets_makes_the_same_queries_at_any_size(
    client, django_assert_num_queries, lessons
):
    course = CoursePageFactory(slug="many", title="Many lessons")
    module = ModulePageFactory(parent=course, title="Module 1", slug="module-1")
    for n in range(lessons):
        LessonPageFactory(
            parent=module,
            title=f"Lesson {n}",
            slug=f"lesson-{n}",
            body=[{"type": "paragraph", "value": f"<p>{FILLER} quokka {n}</p>"}],
        )
    client.get(reverse("search"), {"q": "quokka"})  # warm the shell

    with django_assert_num_queries(PAGE_QUERIES):
        response = client.get(reverse("search"), {"q": "quokka"})

    assert response.content.decode().count("<mark>quokka</mark>") == lessons
