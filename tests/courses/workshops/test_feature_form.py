"""The workshop form's "features of the SSE it helps adopt": checkboxes of the default
language's Feature snippets, optional, saved with the rest of the workshop."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from accounts.constants import Role
from courses.models import Feature
from courses.workshops.models import Workshop
from tests.courses.factories import FeatureFactory
from tests.courses.workshops.factories import WorkshopFactory
from tests.courses.workshops.test_manage_forms import edit_data, workshop_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(client):
    user = UserFactory(roles=[Role.TRAINER])
    client.force_login(user)
    return user


@pytest.fixture
def features():
    return {n: FeatureFactory(number=n, name=f"Feature {n}") for n in range(1, 8)}


def test_the_form_offers_the_seven_features_as_checkboxes(client, trainer, features):
    thai = Locale.objects.get_or_create(language_code="th")[0]
    features[1].copy_for_translation(thai).save()

    response = client.get(reverse("workshop_create"))

    field = response.context["form"]["features"]
    assert [str(choice.choice_label) for choice in field] == [
        f"{n}. Feature {n}" for n in range(1, 8)
    ]
    html = response.content.decode()
    assert html.count('type="checkbox" name="features"') == 7
    assert Feature.objects.count() == 8  # the Thai one is not offered


def test_a_new_workshop_saves_the_features_chosen(client, trainer, features):
    data = workshop_data(features=[str(features[5].pk), str(features[7].pk)])

    response = client.post(reverse("workshop_create"), data)

    assert response.status_code == 302
    assert sorted(Workshop.objects.get().features.values_list("number", flat=True)) == [5, 7]


def test_the_features_are_optional(client, trainer, features):
    response = client.post(reverse("workshop_create"), workshop_data())

    assert response.status_code == 302
    assert not Workshop.objects.get().features.exists()


def test_editing_shows_and_changes_the_features(client, trainer, features):
    workshop = WorkshopFactory(trainers=[trainer])
    workshop.features.set([features[2], features[3]])

    form = client.get(reverse("workshop_edit", args=[workshop.pk])).context["form"]
    assert sorted(int(pk) for pk in form["features"].value()) == sorted(
        [features[2].pk, features[3].pk]
    )

    response = client.post(
        reverse("workshop_edit", args=[workshop.pk]),
        edit_data(workshop, features=[str(features[3].pk), str(features[4].pk)]),
    )

    assert response.status_code == 302
    assert sorted(workshop.features.values_list("number", flat=True)) == [3, 4]


def test_an_unknown_feature_is_a_form_error_and_saves_nothing(client, trainer, features):
    response = client.post(reverse("workshop_create"), workshop_data(features=["999999"]))

    assert response.status_code == 200
    assert response.context["form"].errors["features"]
    assert not Workshop.objects.exists()
