import pytest
from django.test import Client

from accounts.constants import Country, Role
from forum import services
from forum.models import Category, CategoryKind, PostAccess, ReadAccess
from tests.accounts.factories import UserFactory
from tests.forum.factories import national_category


@pytest.fixture(autouse=True)
def _no_first_post_approval(settings):
    """Most tests post as established members; pre-moderation tests turn it back on."""
    settings.FORUM_APPROVE_FIRST_POSTS = 0
    settings.FORUM_POSTS_PER_MINUTE = 1000


@pytest.fixture
def public_category(db):
    return Category.objects.create(
        slug="test-public", name="Test public", kind=CategoryKind.THEMATIC
    )


@pytest.fixture
def members_category(db):
    return Category.objects.create(
        slug="test-members",
        name="Test members only",
        kind=CategoryKind.THEMATIC,
        read_access=ReadAccess.MEMBERS,
    )


@pytest.fixture
def announcements(db):
    return Category.objects.create(
        slug="test-announcements",
        name="Test announcements",
        kind=CategoryKind.THEMATIC,
        post_access=PostAccess.MODERATORS,
    )


@pytest.fixture
def cambodia(db):
    """Cambodia's national category, empty."""
    return national_category(Country.CAMBODIA)


@pytest.fixture
def learner(db):
    return UserFactory(name="Lan Learner")


@pytest.fixture
def other(db):
    return UserFactory(name="Other Member")


@pytest.fixture
def moderator(db):
    return UserFactory(name="Mo Moderator", roles=[Role.MODERATOR])


@pytest.fixture
def focal_kh(db):
    return UserFactory(
        name="Focal Cambodia",
        country=Country.CAMBODIA,
        roles=[Role.FOCAL_POINT],
        scopes=[(Role.FOCAL_POINT, Country.CAMBODIA)],
    )


@pytest.fixture
def topic(public_category, learner):
    return services.start_topic(
        public_category, learner, "Cooperatives and the seven features", "What makes an SSE unit?"
    )


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client
