"""The shell (home, search) shows what the apps register in core.registry, and nothing
else: a section, a header item, a search provider or a seeder an app adds appears
without the shell naming the app."""

import pytest
from django.core.management import call_command
from django.template import Template
from django.test import Client
from django.urls import reverse

from core import registry
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def offered():
    """Register entries for one test, then put back what was there before."""
    replaced = []

    def offer(where, entry):
        replaced.append((where, entry.key, where.get(entry.key)))
        return where.register(entry)

    yield offer
    for where, key, before in reversed(replaced):
        where.unregister(key)
        if before is not None:
            where.register(before)


class Fruit:
    def __init__(self, name):
        self.name = name


def fruit_search(request, query):
    found = [Fruit(f"{query} {n}") for n in range(23)]
    return found if request.user.is_authenticated else found[:2]


FRUIT_RESULT = Template('<li class="fruit">{{ result.name }}</li>')


def test_a_registered_search_provider_gets_a_preview_and_a_tab_of_its_own(offered, client):
    offered(
        registry.search_providers,
        registry.SearchProvider(
            key="fruit",
            order=50,
            label="Fruit",
            search=fruit_search,
            result_template=FRUIT_RESULT,
            preview=3,
        ),
    )

    main = client.get(reverse("search"), {"q": "kumquat"})
    tab = client.get(reverse("search"), {"q": "kumquat", "in": "fruit"})

    html = main.content.decode()
    assert html.count('class="fruit"') == 2  # the anonymous reader's two, under the preview 3
    assert 'href="?q=kumquat&amp;in=fruit"' in html
    assert [r.name for r in tab.context["results"]] == ["kumquat 0", "kumquat 1"]
    assert tab.context["tab"].key == "fruit"


def test_a_provider_tab_pages_through_what_the_reader_may_see(offered, client, django_user_model):
    offered(
        registry.search_providers,
        registry.SearchProvider(
            key="fruit", order=50, label="Fruit", search=fruit_search, result_template=FRUIT_RESULT
        ),
    )
    client.force_login(django_user_model.objects.create_user(email="f@example.net"))

    first = client.get(reverse("search"), {"q": "fig", "in": "fruit"})
    last = client.get(reverse("search"), {"q": "fig", "in": "fruit", "page": "3"})
    past_the_end = client.get(reverse("search"), {"q": "fig", "in": "fruit", "page": "99"})

    assert first.context["results"].paginator.count == 23
    assert [r.name for r in last.context["results"]] == ["fig 20", "fig 21", "fig 22"]
    assert past_the_end.context["results"].number == 3


def test_an_unknown_tab_falls_back_to_the_pages(client):
    response = client.get(reverse("search"), {"q": "cooperative", "in": "nope"})

    assert response.status_code == 200
    assert response.context["tab"] is None
    assert response.context["main"].key == "pages"


def test_a_registered_home_section_appears_on_the_home_page_and_can_leave_itself_out(offered):
    home = home_page()
    shown = {"yes": True}

    def fruit_section(request, page):
        return {"fruit": "durian", "page_title": page.title} if shown["yes"] else None

    offered(
        registry.home_sections,
        registry.HomeSection(
            key="fruit",
            order=99,
            template=Template('<section id="fruit">{{ section.fruit }}</section>'),
            context=fruit_section,
        ),
    )

    with_section = Client().get(home.url).content.decode()
    shown["yes"] = False
    without = Client().get(home.url).content.decode()

    assert '<section id="fruit">durian</section>' in with_section
    assert 'id="fruit"' not in without


def test_a_registered_header_item_is_in_the_menu_for_whom_it_is_visible(offered, django_user_model):
    home = home_page()
    offered(
        registry.header_items,
        registry.HeaderItem(
            key="members-only",
            order=99,
            label="Members only",
            url_name="profile",
            visible=lambda request: request.user.is_authenticated,
        ),
    )
    member = Client()
    member.force_login(django_user_model.objects.create_user(email="m@example.net"))

    anonymous_html = Client().get(home.url).content.decode()
    member_html = member.get(home.url).content.decode()

    assert "Members only" not in anonymous_html
    assert f'href="{reverse("profile")}">Members only</a>' in member_html


def test_the_apps_offer_their_sections_items_providers_and_seeders():
    assert [item.key for item in registry.header_items] == [
        "learn",
        "workshops",
        "forum",
        "spaces",
        "activities",
        "assessment",
    ]
    assert [p.key for p in registry.search_providers][:2] == ["pages", "forum"]
    assert [s.key for s in registry.home_sections] == ["courses", "workshops", "spaces"]
    assert [s.key for s in registry.dashboard_sections] == [
        "courses",
        "workshops",
        "spaces",
        "forum",
    ]
    seeders = [s.key for s in registry.seeders]
    assert seeders[0] == "accounts"
    assert seeders[-1] == "translations"
    assert {"pages", "courses", "spaces", "forum"} <= set(seeders)
    # The tracker links its demo activities to the workshops, spaces and topics: after them.
    assert seeders.index("forum") < seeders.index("activities") < seeders.index("translations")
    assert [s.key for s in registry.country_sections] == ["activities"]
    assert [s.key for s in registry.next_steps] == ["activities"]
    # The self-assessment's guidance on a weak feature: the lesson, then the workshops.
    assert [s.key for s in registry.feature_help] == ["courses", "workshops"]
    assert seeders.index("activities") < seeders.index("assessment") < seeders.index("translations")


def test_seed_demo_runs_every_registered_seeder_in_order(offered, settings):
    ran = []
    for key in [s.key for s in registry.seeders]:
        entry = registry.seeders[key]
        offered(
            registry.seeders,
            registry.Seeder(key=key, order=entry.order, run=lambda stdout, k=key: ran.append(k)),
        )
    offered(
        registry.seeders,
        registry.Seeder(key="late", order=500, run=lambda stdout: ran.append("late")),
    )
    settings.DEBUG = True

    call_command("seed_demo", verbosity=0)

    assert ran[-2:] == ["late", "translations"]
    assert ran[0] == "accounts"
    assert len(ran) == len(list(registry.seeders))
