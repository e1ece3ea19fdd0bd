"""Seed the community spaces: regional, one per country, three thematic working groups;
every demo account in the regional space and its own country's; some history.

Idempotent: spaces by slug, memberships by (space, user), messages by their client_id
(derived from a fixed namespace, so a second run finds them).
"""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from accounts.constants import COUNTRY_SLUGS, REGIONAL_SLUG, Country, Role
from core.text import render_markdown

from .models import JoinPolicy, Membership, Message, Space, SpaceEvent, SpaceKind

SEED_NAMESPACE = uuid.UUID("5b0e7f38-2f4e-4c8e-9d7e-6a1f0c3b2d11")

THEMATIC = [
    (
        "informal-economy",
        "The SSE and the informal economy",
        JoinPolicy.OPEN,
        "Self-help groups, associations of informal-sector workers and the move to decent "
        "work: what works, and how SSE entities help workers organize.",
    ),
    (
        "sse-policy-and-law",
        "SSE policy and law",
        JoinPolicy.APPROVAL,
        "For policymakers and focal points: legal frameworks, national strategies and the "
        "co-construction of policy with SSE actors.",
    ),
    (
        "women-and-the-sse",
        "Women and the SSE",
        JoinPolicy.OPEN,
        "Women's cooperatives, savings groups and social enterprises: leadership, finance "
        "and care work.",
    ),
]

HISTORY = {
    REGIONAL_SLUG: [
        (
            "moderator@example.org",
            "Welcome to the regional space! Introduce yourself: who "
            "you are, your country, and one SSE organization you admire.",
        ),
        (
            "learner@example.org",
            "Hello from Bangkok. I work with a workers' organization; we "
            "support **home-based workers** who want to form a cooperative.",
        ),
        (
            "learner2@example.org",
            "Xin chào from Hanoi. In our ministry we are reviewing how "
            "cooperatives are registered. Has anyone mapped the SSE with the seven features?",
        ),
        (
            "focal.kh@example.org",
            "Yes: the Cambodia mapping used them. The hardest feature to "
            "find was *democratic governance*: many groups are run by one leader.",
        ),
    ],
    "thailand": [
        (
            "focal.th@example.org",
            "Our next national advisory committee meets in December. "
            "Please share the follow-up activities you want on the agenda.",
        ),
        (
            "learner@example.org",
            "Could we add a session on social enterprise registration? "
            "Several community enterprises asked about it.",
        ),
    ],
}


def seed_spaces(stdout=None):
    spaces = {}
    spaces[REGIONAL_SLUG], _ = Space.objects.get_or_create(
        slug=REGIONAL_SLUG,
        defaults={
            "name": "Regional community of practice",
            "kind": SpaceKind.REGIONAL,
            "description": "Everyone in the twelve countries: share news, questions "
            "and what you learn.",
        },
    )
    for country in Country:
        if country == Country.OTHER:
            continue
        slug = COUNTRY_SLUGS[country.value]
        spaces[slug], _ = Space.objects.get_or_create(
            slug=slug,
            defaults={
                "name": f"{country.label}",
                "kind": SpaceKind.NATIONAL,
                "country": country.value,
                "description": f"The national space of {country.label}: the follow-up "
                "of the mapping, national events, local questions.",
            },
        )
    for slug, name, policy, description in THEMATIC:
        spaces[slug], _ = Space.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": SpaceKind.THEMATIC,
                "join_policy": policy,
                "description": description,
            },
        )
    seed_members(spaces)
    seed_history(spaces)
    seed_events(spaces)
    if stdout:
        stdout.write(f"Spaces: {len(spaces)} in all.")


def seed_members(spaces):
    for user in get_user_model().objects.filter(email__endswith="@example.org"):
        own = COUNTRY_SLUGS.get(user.country)
        for slug in filter(None, [REGIONAL_SLUG, own]):
            facilitates = slug == own and user.country in user.scopes_of(Role.FOCAL_POINT)
            Membership.objects.get_or_create(
                space=spaces[slug],
                user=user,
                defaults={
                    "role": Membership.Role.FACILITATOR if facilitates else Membership.Role.MEMBER
                },
            )


def seed_history(spaces):
    users = {u.email: u for u in get_user_model().objects.filter(email__endswith="@example.org")}
    start = timezone.now() - timedelta(days=2)
    for slug, lines in HISTORY.items():
        space = spaces[slug]
        for n, (email, body) in enumerate(lines):
            client_id = uuid.uuid5(SEED_NAMESPACE, f"{slug}:{n}")
            if Message.objects.filter(author=users[email], client_id=client_id).exists():
                continue
            with transaction.atomic():
                Message.objects.create_next(
                    space,
                    author=users[email],
                    client_id=client_id,
                    body=body,
                    body_html=render_markdown(body),
                    created_at=start + timedelta(hours=n),
                )


EVENTS = [
    (
        "thailand",
        "National advisory committee meeting",
        19,
        "Ministry of Labour, Bangkok",
        "Review of the follow-up activities; agenda suggestions in the discussion.",
    ),
    (
        "regional",
        "Regional webinar: recognising SSE entities with the seven features",
        26,
        "Online",
        "Focal points share how the mapping studies used the seven features.",
    ),
]


def seed_events(spaces):
    """Upcoming events, placed relative to the day the demo is seeded."""
    today = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    for slug, title, days, where, description in EVENTS:
        SpaceEvent.objects.get_or_create(
            space=spaces[slug],
            title=title,
            defaults={
                "starts_at": today + timedelta(days=days),
                "where": where,
                "description": description,
            },
        )
