"""Accepting an invitation (/assessment/invitations/<token>/): the link survives the
login, works once, before it expires, for the invited address only; every other case is
a page with the reason, never a 500, and writes nothing."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone

from cop.assessment import services
from cop.assessment.constants import MemberRole
from cop.assessment.models import Invitation, Membership
from tests.accounts.factories import PASSWORD, UserFactory

from .factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


@pytest.fixture
def invited():
    """(invitation, the invited person) to a cooperative named Lamphun Dairy Cooperative."""
    admin = UserFactory(name="Arunee Admin")
    org = OrganizationFactory(name="Lamphun Dairy Cooperative", admins=[admin])
    invitation = services.invite(admin, org, "colleague@example.net")
    return invitation, UserFactory(email="colleague@example.net")


def url(invitation):
    return reverse("assessment_invitation", args=[invitation.token])


def test_anonymous_people_log_in_first_and_come_back_to_the_link(client, invited):
    invitation, person = invited

    response = client.get(url(invitation))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(invitation)}"
    login = client.post(
        "/accounts/login/",
        {"login": person.email, "password": PASSWORD, "next": url(invitation)},
    )
    assert login.status_code == 302
    assert login["Location"] == url(invitation)


def test_the_invited_person_sees_who_invites_to_what_and_accepts(client, invited):
    invitation, person = invited
    client.force_login(person)

    page = html(client.get(url(invitation)))
    response = client.post(url(invitation))

    assert "<h1>Join Lamphun Dairy Cooperative</h1>" in page
    assert "Arunee Admin invites you to join Lamphun Dairy Cooperative" in page
    assert "Accept the invitation" in page
    assert response.status_code == 302
    assert response["Location"] == reverse("assessment_org", args=[invitation.organization_id])
    membership = Membership.objects.get(user=person)
    assert (membership.organization_id, membership.role) == (
        invitation.organization_id,
        MemberRole.MEMBER,
    )
    invitation.refresh_from_db()
    assert invitation.accepted_by == person
    assert "Welcome to Lamphun Dairy Cooperative." in html(client.get(response["Location"]))


def test_a_verified_second_address_of_the_person_counts(client, invited):
    invitation, _person = invited
    other = UserFactory(email="main@example.net")
    EmailAddress.objects.create(user=other, email="Colleague@Example.net", verified=True)
    client.force_login(other)

    assert client.post(url(invitation)).status_code == 302
    assert Membership.objects.filter(user=other).exists()


def test_an_unknown_token_is_a_404(client):
    client.force_login(UserFactory())

    assert client.get("/assessment/invitations/not-a-token/").status_code == 404
    assert client.post("/assessment/invitations/not-a-token/").status_code == 404


def test_the_link_of_another_address_is_refused_with_the_reason(client, invited):
    invitation, _person = invited
    client.force_login(UserFactory(email="stranger@example.net"))

    for response in (client.get(url(invitation)), client.post(url(invitation))):
        assert response.status_code == 403
        assert "This invitation was sent to another e-mail address than yours." in html(response)
        assert "You are logged in as stranger@example.net" in html(response)
    assert Membership.objects.filter(organization=invitation.organization).count() == 1
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_expired_invitation_is_refused_with_the_reason(client, invited):
    invitation, person = invited
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(person)

    response = client.post(url(invitation))

    assert response.status_code == 400
    assert "This invitation has expired: ask for a new one." in html(response)
    assert "Ask an administrator of Lamphun Dairy Cooperative to invite you again." in html(
        response
    )
    assert not Membership.objects.filter(user=person).exists()


def test_a_used_invitation_is_refused_for_anyone_else(client, invited):
    invitation, person = invited
    services.accept_invitation(person, invitation.token)
    other = UserFactory()  # the e-mail was forwarded to a colleague
    client.force_login(other)

    response = client.post(url(invitation))

    assert response.status_code == 409
    assert "This invitation has already been used." in html(response)
    assert not Membership.objects.filter(user=other).exists()


def test_the_person_who_accepted_the_link_is_taken_to_the_organization(client, invited):
    invitation, person = invited
    services.accept_invitation(person, invitation.token)
    client.force_login(person)

    response = client.get(url(invitation))

    assert response.status_code == 302
    assert response["Location"] == reverse("assessment_org", args=[invitation.organization_id])


def test_a_replaced_invitation_says_it_expired(client, invited):
    invitation, person = invited
    services.invite(invitation.invited_by, invitation.organization, person.email)
    client.force_login(person)

    response = client.get(url(invitation))

    assert response.status_code == 400
    assert "This invitation has expired" in html(response)


def test_accepting_again_is_refused_and_makes_no_second_membership(invited):
    invitation, person = invited
    services.accept_invitation(person, invitation.token)

    with pytest.raises(services.Refused) as refused:
        services.accept_invitation(person, invitation.token)

    assert refused.value.code == "used"
    assert Membership.objects.filter(user=person).count() == 1


def test_the_login_pages_sign_up_link_keeps_the_invitation(client, invited):
    invitation, _person = invited

    page = html(client.get(f"/accounts/login/?next={url(invitation)}"))

    assert f"/accounts/signup/?next={url(invitation).replace('/', '%2F')}" in page
