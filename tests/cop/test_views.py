"""Spaces over HTTP: lists, membership, the archive, the no-JavaScript fallbacks."""

import json
import uuid

import pytest
from django.contrib.auth import get_user_model

from accounts.constants import Country, Role
from cop import services
from cop.models import JoinPolicy, Membership, Message, Space, SpaceKind
from tests.accounts.factories import UserFactory, focal_point
from tests.cop.factories import (
    MembershipFactory,
    MessageFactory,
    SpaceEventFactory,
    SpaceFactory,
    national_space,
)

pytestmark = pytest.mark.django_db


def demo(email):
    return get_user_model().objects.get(email=email)


@pytest.fixture
def people(db):
    """A Thai learner, Thailand's and Cambodia's focal points, a moderator."""
    return {
        "learner": UserFactory(name="Somchai Wongsakul"),
        "focal_th": focal_point(
            Country.THAILAND, name="Pimchanok Srisuk", organization="Ministry of Labour"
        ),
        "focal_kh": focal_point(Country.CAMBODIA, name="Sokha Chan"),
        "moderator": UserFactory(name="Bat-Erdene Dorj", roles=[Role.MODERATOR]),
    }


@pytest.fixture
def thailand(people):
    """Thailand's space: the learner a member, its focal point facilitating, two messages."""
    space = national_space(Country.THAILAND)
    MembershipFactory(space=space, user=people["learner"])
    MembershipFactory(space=space, user=people["focal_th"], role=Membership.Role.FACILITATOR)
    MessageFactory(
        space=space,
        author=people["focal_th"],
        body="Our next national advisory committee meets in December.",
    )
    MessageFactory(space=space, author=people["learner"], body="Could we add a session?")
    return space


@pytest.fixture
def regional(people):
    """The regional space: everyone a member, four messages, one about home-based workers."""
    space = SpaceFactory(
        slug="regional", name="Regional community of practice", kind=SpaceKind.REGIONAL
    )
    for person in people.values():
        MembershipFactory(space=space, user=person)
    for author, body in [
        ("moderator", "Welcome to the regional space!"),
        ("learner", "We support **home-based workers** who want to form a cooperative."),
        ("focal_th", "Has anyone mapped the SSE with the seven features?"),
        ("focal_kh", "Yes: the Cambodia mapping used them."),
    ]:
        MessageFactory(space=space, author=people[author], body=body)
    return space


@pytest.fixture
def by_approval(db):
    return SpaceFactory(
        slug="sse-policy-and-law", name="SSE policy and law", join_policy=JoinPolicy.APPROVAL
    )


@pytest.mark.usefixtures("demo_db")
def test_the_seeded_spaces_and_memberships():

    spaces = {s.slug: s for s in Space.objects.all()}
    learner = demo("learner@example.org")
    focal = demo("focal.th@example.org")

    assert {
        "regional",
        "thailand",
        "cambodia",
        "korea",
        "informal-economy",
        "sse-policy-and-law",
        "women-and-the-sse",
    } <= set(spaces)
    assert len([s for s in spaces.values() if s.kind == "national"]) == 12
    assert set(learner.space_memberships.values_list("space__slug", flat=True)) == {
        "regional",
        "thailand",
    }
    assert focal.space_memberships.get(space__slug="thailand").role == "facilitator"
    assert Message.objects.filter(space=spaces["regional"]).count() >= 3


def test_the_list_shows_member_counts_and_activity(client, regional, thailand):
    html = client.get("/spaces/").content.decode()

    assert "Regional community of practice" in html
    assert "Thailand" in html
    assert "members" in html
    assert "active" in html


def test_members_see_history_members_and_the_composer(client, people, thailand):
    client.force_login(people["learner"])

    html = client.get("/spaces/thailand/").content.decode()

    assert "national advisory committee meets in December" in html
    assert 'id="composer"' in html
    assert "Pimchanok Srisuk" in html
    assert "Ministry of Labour" in html
    assert 'data-ws-path="/ws/spaces/thailand/"' in html


def test_the_discussion_carries_the_pages_language_prefix_for_live_links(client, people, thailand):
    client.force_login(people["learner"])

    english = client.get("/spaces/thailand/").content.decode()
    thai = client.get("/th/spaces/thailand/").content.decode()

    assert 'data-language-prefix=""' in english
    assert 'data-language-prefix="/th"' in thai


def test_non_members_see_no_messages_and_may_join_an_open_space(client, thailand):
    outsider = UserFactory()
    client.force_login(outsider)

    before = client.get("/spaces/thailand/").content.decode()
    client.post("/spaces/thailand/join/")
    after = client.get("/spaces/thailand/").content.decode()

    assert "national advisory committee" not in before
    assert "Join this space" in before
    assert "national advisory committee" in after
    assert Membership.objects.get(user=outsider, space__slug="thailand").is_active


def test_an_approval_space_waits_for_a_facilitator(client, people, by_approval):
    applicant = UserFactory()
    space = by_approval
    client.force_login(applicant)
    client.post("/spaces/sse-policy-and-law/join/")
    membership = Membership.objects.get(user=applicant, space=space)
    assert not membership.is_active
    assert client.get("/spaces/sse-policy-and-law/messages/?before=999").status_code == 403

    client.force_login(applicant)
    refused = client.post(
        f"/spaces/sse-policy-and-law/members/{membership.id}/", {"action": "approve"}
    )
    client.force_login(people["moderator"])
    client.post(f"/spaces/sse-policy-and-law/members/{membership.id}/", {"action": "approve"})

    assert refused.status_code == 403
    membership.refresh_from_db()
    assert membership.is_active


def test_the_archive_and_older_pages_are_for_members_only(client, thailand):
    client.force_login(UserFactory())

    assert client.get("/spaces/thailand/archive/").status_code == 403
    assert client.get("/spaces/thailand/messages/?before=100000").status_code == 403
    client.logout()
    assert client.get("/spaces/thailand/archive/")["Location"].startswith("/accounts/login/")


def test_the_archive_pages_and_searches_without_javascript(client, people, regional):
    client.force_login(people["learner"])

    everything = client.get("/spaces/regional/archive/")
    found = client.get("/spaces/regional/archive/", {"q": "home-based"})

    assert everything.status_code == 200
    assert everything.context["page_obj"].paginator.count == 4
    assert [m.author for m in found.context["page_obj"]] == [people["learner"]]


def test_older_history_comes_in_pages_over_http(client, people, thailand):
    space = thailand
    learner = people["learner"]
    for n in range(60):
        Message.objects.create_next(
            space,
            author=learner,
            client_id=uuid.uuid4(),
            body=f"n{n}",
            body_html=f"<p>n{n}</p>",
        )
    client.force_login(learner)
    newest = Message.objects.filter(space=space).latest("id")

    page = client.get("/spaces/thailand/messages/", {"before": newest.id}).json()
    rest = client.get("/spaces/thailand/messages/", {"before": page["before"]}).json()

    assert len(page["messages"]) == 50
    assert page["has_more"]
    assert page["messages"][-1]["body_html"] == "<p>n58</p>"
    assert [m["id"] for m in page["messages"]] == sorted(m["id"] for m in page["messages"])
    assert not rest["has_more"]
    assert client.get("/spaces/thailand/messages/", {"before": "x"}).status_code == 400


def test_posting_without_javascript_uses_the_same_rules(client, people, thailand):
    learner = people["learner"]
    client.force_login(learner)

    client.post("/spaces/thailand/post/", {"body": "From a phone with **no JS**"})
    client.post("/spaces/thailand/post/", {"body": "   "})

    message = Message.objects.filter(author=learner).latest("id")
    assert message.body_html == "<p>From a phone with <strong>no JS</strong></p>\n"
    html = client.get("/spaces/thailand/").content.decode()
    assert "Write something before you send." in html


def test_only_the_author_or_a_moderator_deletes(client, people, thailand):
    space = thailand
    message, _ = services.post_message(space, people["learner"], "oops", uuid.uuid4())
    client.force_login(people["focal_kh"])  # a focal point, but of Cambodia
    Membership.objects.create(space=space, user=people["focal_kh"])

    refused = client.post(f"/spaces/thailand/messages/{message.id}/delete/")
    client.force_login(people["focal_th"])  # Thailand's focal point
    allowed = client.post(f"/spaces/thailand/messages/{message.id}/delete/")

    assert refused.status_code == 403
    assert allowed.status_code == 302
    message.refresh_from_db()
    assert message.is_deleted


def test_a_second_approval_of_one_request_is_told_it_was_already_decided(
    client, people, by_approval
):
    applicant = UserFactory()
    space = by_approval
    membership = Membership.objects.create(
        space=space, user=applicant, status=Membership.Status.PENDING
    )
    client.force_login(people["moderator"])
    url = f"/spaces/sse-policy-and-law/members/{membership.id}/"

    first = client.post(url, {"action": "approve"}, follow=True)
    second = client.post(url, {"action": "approve"}, follow=True)

    assert [str(m) for m in first.context["messages"]] == [f"{applicant.name} is now a member."]
    assert [str(m) for m in second.context["messages"]] == [
        "Someone else has already decided on this request."
    ]
    membership.refresh_from_db()
    assert membership.is_active


def test_a_moderator_mutes_a_member(client, people, thailand):
    target = Membership.objects.get(space=thailand, user=people["learner"])
    client.force_login(people["moderator"])

    client.post(f"/spaces/thailand/members/{target.id}/", {"action": "mute", "minutes": "60"})
    bad = client.post(f"/spaces/thailand/members/{target.id}/", {"action": "mute", "minutes": "0"})

    target.refresh_from_db()
    assert target.is_muted()
    assert bad.status_code == 302
    client.force_login(target.user)
    assert client.post("/spaces/thailand/post/", {"body": "hi"}).status_code == 403


# The space, session, user, the member's membership, roles, the space's upcoming events,
# the workshops coming up in its country (core.registry.coming_up), the page of history
# (with authors), the member count, the site, the members shown (with their users), the
# follow-up activities of its country (core.registry.country_sections).
SPACE_PAGE_QUERIES = 11


@pytest.mark.parametrize("extra", [0, 4, 40])
def test_a_space_page_makes_a_constant_number_of_queries(
    client, django_assert_num_queries, people, thailand, extra
):
    for _ in range(extra):
        MessageFactory(space=thailand, author=MembershipFactory(space=thailand).user, body="x")
    SpaceEventFactory.create_batch(extra // 4, space=thailand)
    client.force_login(people["learner"])
    client.get("/spaces/thailand/")

    with django_assert_num_queries(SPACE_PAGE_QUERIES):
        response = client.get("/spaces/thailand/")

    assert response.status_code == 200
    assert response.context["member_count"] == 2 + extra
    assert len(response.context["history"]) == 2 + extra


def test_the_live_client_gets_its_words_translated(client, people, thailand):
    client.force_login(people["learner"])

    html = client.get("/th/spaces/thailand/").content.decode()

    assert '<script id="space-strings" type="application/json">' in html
    words = json.loads(
        html.split('"space-strings" type="application/json">')[1].split("</script>")[0]
    )
    assert set(words) >= {"connecting", "connected", "offline", "pending", "new_message"}
    assert words["pending"] != "Sending…"  # in Thai


def test_a_space_shows_what_is_coming_up_and_not_what_is_past(client, thailand):
    from datetime import timedelta

    from django.utils import timezone

    SpaceEventFactory(space=thailand, title="National advisory committee meeting")
    SpaceEventFactory(
        space=thailand, title="Last year's workshop", starts_at=timezone.now() - timedelta(days=300)
    )

    html = client.get("/spaces/thailand/").content.decode()

    assert "National advisory committee meeting" in html
    assert "Last year&#x27;s workshop" not in html
