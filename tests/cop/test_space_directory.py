"""The spaces directory (/spaces/): the region first, then the countries, then the working
groups, each kind under one heading and each space once."""

import re

import pytest

from accounts.constants import Country
from cop.models import Membership, Space, SpaceKind
from cop.views import directory
from tests.accounts.factories import UserFactory
from tests.cop.factories import MembershipFactory, MessageFactory, SpaceFactory, national_space

pytestmark = pytest.mark.django_db

REGION, COUNTRIES, GROUPS = "For the whole region", "For each country", "Thematic working groups"


def outline(html):
    """[(heading, [space slugs])] as the page's main content shows them, in order."""
    main = html[html.index("<main") : html.index("</main>")]
    sections = []
    for match in re.finditer(r"<h2[^>]*>([^<]+)</h2>|<h3><a href=\"/spaces/([\w-]+)/\">", main):
        heading, slug = match.groups()
        if heading:
            sections.append((heading.strip(), []))
        else:
            sections[-1][1].append(slug)
    return sections


def spaces_made_out_of_order():
    """Thematic first, then some countries, the regional space last, the national spaces'
    names out of alphabetical order: nothing in the rows' order helps the page."""
    SpaceFactory(slug="women-and-the-sse", name="Women and the SSE")
    national_space(Country.VIET_NAM)
    SpaceFactory(slug="informal-economy", name="The SSE and the informal economy")
    national_space(Country.CAMBODIA)
    national_space(Country.THAILAND)
    SpaceFactory(slug="sse-policy-and-law", name="SSE policy and law")
    SpaceFactory(slug="regional", name="Regional community of practice", kind=SpaceKind.REGIONAL)


def test_the_region_comes_first_then_the_countries_then_the_working_groups(client):
    spaces_made_out_of_order()

    html = client.get("/spaces/").content.decode()

    assert outline(html) == [
        (REGION, ["regional"]),
        (COUNTRIES, ["cambodia", "thailand", "viet-nam"]),
        (GROUPS, ["sse-policy-and-law", "informal-economy", "women-and-the-sse"]),
    ]


def test_each_space_is_listed_once_even_with_members_and_messages(client):
    """The member count groups the rows by space: a space with many members and messages is
    still one card, in its own section."""
    spaces_made_out_of_order()
    thailand = Space.objects.get(slug="thailand")
    for _ in range(3):
        MessageFactory(space=thailand, author=MembershipFactory(space=thailand).user, body="x")
    reader = UserFactory()
    MembershipFactory(space=thailand, user=reader)
    client.force_login(reader)

    html = client.get("/spaces/").content.decode()

    slugs = [slug for _heading, slugs in outline(html) for slug in slugs]
    assert sorted(slugs) == sorted(Space.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 7
    assert [heading for heading, _slugs in outline(html)] == [REGION, COUNTRIES, GROUPS]
    assert "4 members" in html
    assert "You are a member" in html


def test_a_kind_without_spaces_has_no_heading(client):
    national_space(Country.MONGOLIA)
    SpaceFactory(slug="regional", name="Regional community of practice", kind=SpaceKind.REGIONAL)

    html = client.get("/spaces/").content.decode()

    assert outline(html) == [(REGION, ["regional"]), (COUNTRIES, ["mongolia"])]
    assert GROUPS not in html


def test_the_sections_are_regions_of_the_page_named_by_their_heading(client):
    SpaceFactory(slug="regional", name="Regional community of practice", kind=SpaceKind.REGIONAL)

    html = client.get("/spaces/").content.decode()

    assert '<section class="space-directory" aria-labelledby="spaces-regional">' in html
    assert f'<h2 id="spaces-regional">{REGION}</h2>' in html


def test_a_kind_the_directory_does_not_know_comes_last_under_its_own_name():
    spaces = [
        Space(slug="a", name="A", kind="retired"),
        Space(slug="b", name="B", kind=SpaceKind.THEMATIC),
        Space(slug="c", name="C", kind=SpaceKind.REGIONAL),
    ]

    sections = directory(spaces)

    assert [
        (kind, str(heading), [s.slug for s in members]) for kind, heading, members in sections
    ] == [
        ("regional", REGION, ["c"]),
        ("thematic", GROUPS, ["b"]),
        ("retired", "retired", ["a"]),
    ]


def more_spaces(size):
    for n in range(size):
        space = SpaceFactory(kind=[SpaceKind.THEMATIC, SpaceKind.REGIONAL][n % 2])
        MessageFactory(space=space, author=MembershipFactory(space=space).user, body="hello")


# Anonymous: the spaces with their member counts, the site (the header's menu, itself
# cached). A member: also the session, the user and the member's memberships (the header's
# unread count is cached after the first page).
@pytest.mark.parametrize("size", [2, 12])
@pytest.mark.parametrize(("signed_in", "expected"), [(False, 2), (True, 4)])
def test_the_directory_makes_a_constant_number_of_queries(
    client, django_assert_num_queries, size, signed_in, expected
):
    national_space(Country.THAILAND)
    more_spaces(size)
    if signed_in:
        reader = UserFactory()
        MembershipFactory(space=Space.objects.get(slug="thailand"), user=reader)
        MembershipFactory(
            space=Space.objects.exclude(slug="thailand").first(),
            user=reader,
            status=Membership.Status.PENDING,
        )
        client.force_login(reader)
    client.get("/spaces/")  # warm the per-process caches (the site, the menu, the unread count)

    with django_assert_num_queries(expected):
        response = client.get("/spaces/")

    assert response.status_code == 200
    assert sum(len(members) for _kind, _heading, members in response.context["sections"]) == (
        size + 1
    )
    if signed_in:
        assert "Request sent" in response.content.decode()
