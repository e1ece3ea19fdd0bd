"""People: a verified learner by default, with the roles and scopes a test gives."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from accounts.constants import Constituency, Country, Role
from accounts.services import grant_role, grant_scope

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A verified learner unless told otherwise: UserFactory(roles=[Role.TRAINER]).

    Scopes are granted apart from the profile country:
    UserFactory(roles=[Role.FOCAL_POINT], scopes=[(Role.FOCAL_POINT, "KH")]).
    UserFactory(verified=False) has no verified address, hence no learner role.
    """

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.net")
    name = factory.Sequence(lambda n: f"Person {n}")
    country = Country.THAILAND
    constituency = Constituency.SSE
    organization = "Village Savings Cooperative"
    time_zone = "Asia/Bangkok"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        verified = EmailAddress.objects.filter(user=self, verified=True).exists()
        for role in [*([Role.LEARNER] if verified else []), *(extracted or [])]:
            grant_role(self, role)

    @factory.post_generation
    def scopes(self, create, extracted, **kwargs):
        if create:
            for role, country in extracted or []:
                grant_scope(self, role, country)


def focal_point(country, **fields):
    """A national focal point of `country` (an ISO code), living there."""
    return UserFactory(
        country=country, roles=[Role.FOCAL_POINT], scopes=[(Role.FOCAL_POINT, country)], **fields
    )


def site_admin(**fields):
    """A site administrator: staff and superuser, as the demo's admin@example.org."""
    return UserFactory(roles=[Role.SITE_ADMIN], is_staff=True, is_superuser=True, **fields)
