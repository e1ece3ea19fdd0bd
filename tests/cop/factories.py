"""Community spaces, their members, messages and events.

Messages are numbered as the service numbers them: `Message.objects.create_next` takes
the space's next seq under a lock on its row, in a transaction of its own here.
"""

import uuid
from datetime import timedelta

import factory
from django.db import transaction
from django.utils import timezone, translation

from accounts.constants import COUNTRY_SLUGS, Country
from cop.models import JoinPolicy, Membership, Message, Space, SpaceEvent, SpaceKind
from core.text import render_markdown
from tests.accounts.factories import UserFactory


class SpaceFactory(factory.django.DjangoModelFactory):
    """An open thematic space, unless told otherwise."""

    class Meta:
        model = Space
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"space-{n}")
    name = factory.Sequence(lambda n: f"Space {n}")
    kind = SpaceKind.THEMATIC
    join_policy = JoinPolicy.OPEN


def national_space(country, **fields):
    """The national space of `country` (an ISO code), named and slugged as the seed names
    it (`/spaces/thailand/`)."""
    with translation.override("en"):
        name = str(Country(country).label)
    return SpaceFactory(
        slug=COUNTRY_SLUGS[country], name=name, kind=SpaceKind.NATIONAL, country=country, **fields
    )


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active member (a new person unless `user` is given)."""

    class Meta:
        model = Membership

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)


def member(space, role=Membership.Role.MEMBER, **user_fields):
    """A new person who is an active member of `space`."""
    return MembershipFactory(space=space, role=role, user=UserFactory(**user_fields)).user


class MessageFactory(factory.django.DjangoModelFactory):
    """The space's next message, its HTML rendered from its Markdown `body`."""

    class Meta:
        model = Message

    space = factory.SubFactory(SpaceFactory)
    author = factory.SubFactory(UserFactory)
    client_id = factory.LazyFunction(uuid.uuid4)
    body = factory.Sequence(lambda n: f"Message number {n}")

    @classmethod
    def _create(cls, model_class, *args, space, **kwargs):
        kwargs.setdefault("body_html", render_markdown(kwargs["body"]))
        with transaction.atomic():
            return model_class.objects.create_next(space, **kwargs)


class SpaceEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpaceEvent

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(lambda n: f"Event number {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    where = "Online"
