"""What the apps offer the site's shell: home-page sections, header items, search results,
and their part of the demo seed.

The shell (`home/`, `search/`) sits above the feature apps and never names them; each
feature app registers what it offers in its `AppConfig.ready()`:

    from core import registry
    registry.home_sections.register(registry.HomeSection(
        key="courses", order=10, template="courses/home_section.html", context=featured))
    registry.header_items.register(registry.HeaderItem(
        key="forum", order=20, label=_("Forum"), url_name="forum"))
    registry.search_providers.register(registry.SearchProvider(
        key="forum", order=20, label=_("Forum"), search=search_posts,
        result_template="forum/search_result.html"))

Entries are kept in `order`, then `key`; registering a key again replaces the entry (so
a reloaded app does not appear twice).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class Registry:
    def __init__(self, name):
        self.name = name
        self._entries = {}

    def register(self, entry):
        self._entries[entry.key] = entry
        return entry

    def unregister(self, key):
        self._entries.pop(key, None)

    def __iter__(self):
        return iter(sorted(self._entries.values(), key=lambda entry: (entry.order, entry.key)))

    def __getitem__(self, key):
        return self._entries[key]

    def get(self, key, default=None):
        return self._entries.get(key, default)

    def __contains__(self, key):
        return key in self._entries

    def __repr__(self):
        return f"<Registry {self.name}: {', '.join(entry.key for entry in self)}>"


@dataclass(frozen=True)
class HomeSection:
    """A section of the home page. `context(request, page)` returns the template's context
    (a dict), or None to leave the section out; it should cost one query or none."""

    key: str
    order: int
    template: str
    context: Callable[[Any, Any], dict | None]


@dataclass(frozen=True)
class HeaderItem:
    """A link in the site header's main menu, after the Wagtail pages shown in menus.
    `visible(request)` may hide it (for example from anonymous readers); no query."""

    key: str
    order: int
    label: Any
    url_name: str
    visible: Callable[[Any], bool] = field(default=lambda request: True)


@dataclass(frozen=True)
class SearchProvider:
    """A source of site-search results. `search(request, query)` returns a queryset (or
    a list) of what this reader may see; `result_template` renders one result as `result`.
    The provider of `order` 0 fills the main column, the others a preview each and a tab
    of their own (`/search/?q=...&in=<key>`)."""

    key: str
    order: int
    label: Any
    search: Callable[[Any, str], Any]
    result_template: str
    preview: int = 5


@dataclass(frozen=True)
class Seeder:
    """An app's part of `manage.py seed_demo`: `run(stdout=...)`, idempotent. Seeders run
    in `order`: accounts 0, pages 10, courses 20, workshops 25, spaces 30, forum 40, ...,
    the translation aliases last (1000)."""

    key: str
    order: int
    run: Callable[..., None]


@dataclass(frozen=True)
class ComingUp:
    """Dated things an app offers a country's space (or the regional one) under "Coming
    up". `items(request, country, limit)` (`country`: ISO code, "" for regional) returns
    up to `limit` objects with `title`, `url`, `starts_at` (aware) and `label` (what kind
    of thing it is), soonest first, in one query."""

    key: str
    order: int
    items: Callable[[Any, str, int], list]


home_sections = Registry("home sections")
header_items = Registry("header items")
search_providers = Registry("search providers")
seeders = Registry("demo seeders")
coming_up = Registry("coming up")


@dataclass(frozen=True)
class CountrySection:
    """A section an app offers a country's page and its community space (the regional
    space: `country` ""). `context(request, country)` returns the template's context (a
    dict), or None to leave the section out; it should cost one query or two."""

    key: str
    order: int
    template: str
    context: Callable[[Any, str], dict | None]


@dataclass(frozen=True)
class NextStep:
    """What an app offers to do next with a piece of learning: "Start a follow-up
    activity" on a completed course or a workshop. `items(request, kind, obj)` (`kind`:
    "course" or "workshop") returns a list of (label, url) pairs this reader may follow,
    without a query where it can."""

    key: str
    order: int
    items: Callable[[Any, str, Any], list]


country_sections = Registry("country sections")
next_steps = Registry("next steps")


@dataclass(frozen=True)
class FeatureHelp:
    """What an app offers an organization that lacks some of the seven features of the
    SSE: guidance, the lesson that teaches a feature, upcoming workshops on it.
    `items(request, numbers)` (`numbers`: feature numbers, 1 to 7) returns {number:
    [HelpItem, ...]} for those it has something on, in one or two queries for all the
    numbers together."""

    key: str
    order: int
    items: Callable[[Any, list], dict]


@dataclass(frozen=True)
class HelpItem:
    """`kind`: "guidance" (a text, no url), "lesson" or "workshop" (a label and a url;
    `when`, an aware datetime, for a workshop's first session)."""

    kind: str
    label: str
    url: str = ""
    text: str = ""
    when: Any = None


feature_help = Registry("feature help")


@dataclass(frozen=True)
class MemberSection:
    """A section an app offers a member's public page (`/members/<handle>/`): the forum's
    recent posts. `context(request, member)` returns the template's context (a dict) with
    only what this reader may see, or None to leave the section out; one or two queries
    whatever the member has written."""

    key: str
    order: int
    template: str
    context: Callable[[Any, Any], dict | None]


member_sections = Registry("member sections")


@dataclass(frozen=True)
class DashboardSection:
    """A section of a signed-in member's dashboard (their home page): "Continue learning",
    their workshops, what is new in their spaces and followed topics. `context(request)`
    returns the template's context (a dict; an empty list is an empty state the template
    explains), or None to leave the section out; it should cost one query or a few, the
    same whatever the member has."""

    key: str
    order: int
    template: str
    context: Callable[[Any], dict | None]


dashboard_sections = Registry("dashboard sections")
