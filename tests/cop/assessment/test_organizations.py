"""Organizations over HTTP: registering one, recording one from a mapping study, its page,
editing it, what it shares and inviting colleagues; who may do what (members, other
members, anonymous people, focal points and researchers of the country or of another,
site administrators), and what bad input and forged ids get."""

from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import dateformat, translation

from accounts.constants import Role
from cop.assessment import services
from cop.assessment.constants import Formality, MemberRole, OrgType, Source
from cop.assessment.models import Invitation, Membership, Organization
from cop.assessment.views import common
from core import times
from core.times import iso
from tests.accounts.factories import UserFactory, focal_point, site_admin

from .factories import OrganizationFactory, assessed, mapped

pytestmark = pytest.mark.django_db

CREATE = reverse("assessment_org_create")
RECORD = reverse("assessment_org_record")
NEW = {
    "name": "Chiang Mai Weavers' Cooperative",
    "country": "TH",
    "org_type": OrgType.COOPERATIVE,
    "legal_form": "Cooperative under the Cooperatives Act",
    "sector": "Textiles",
    "formality": Formality.FORMAL,
    "year_founded": "2011",
    "members_count": "85",
}


def html(response):
    return response.content.decode()


def researcher(country):
    return UserFactory(
        roles=[Role.NATIONAL_RESEARCHER], scopes=[(Role.NATIONAL_RESEARCHER, country)]
    )


def page_url(org, name="assessment_org"):
    return reverse(name, args=[org.pk])


# --- Registering --------------------------------------------------------------------------


def test_anonymous_people_are_sent_to_log_in_to_register(client):
    for response in (client.get(CREATE), client.post(CREATE, NEW)):
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={CREATE}"
    assert not Organization.objects.exists()


def test_a_member_registers_an_organization_and_becomes_its_administrator(client):
    user = UserFactory()
    client.force_login(user)

    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, {**NEW, "name": "  Chiang Mai   Weavers' Cooperative "})

    org = Organization.objects.get()
    assert response.status_code == 302
    assert response["Location"] == page_url(org)
    assert org.name == "Chiang Mai Weavers' Cooperative"
    assert (org.source, org.recorded_by, org.year_founded, org.members_count) == (
        Source.SELF,
        user,
        2011,
        85,
    )
    assert list(org.memberships.values_list("user", "role")) == [(user.pk, MemberRole.ADMIN)]
    assert not org.publish_results
    assert not org.share_with_country


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "Bad\x1bname", "The text contains a character that cannot be stored"),
        ("name", "\u200b\u2060 ", "This field is required."),
        ("sector", "Text\x07iles", "The text contains a character that cannot be stored"),
        ("org_type", "company", "Select a valid choice."),
        ("country", "ZZ", "Select a valid choice."),
        ("year_founded", "1500", "Enter a year from 1800 on."),
        ("year_founded", "3000", "The year founded cannot be in the future."),
        ("members_count", "-3", "Ensure this value is greater than or equal to 0."),
        ("formality", "perhaps", "Select a valid choice."),
    ],
)
def test_bad_input_is_a_400_with_its_message_and_nothing_is_saved(client, field, value, message):
    client.force_login(UserFactory())

    response = client.post(CREATE, {**NEW, field: value})

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert "Nothing is saved yet" in html(response)
    assert not Organization.objects.exists()
    assert not Membership.objects.exists()


def test_a_nul_never_reaches_the_form_and_nothing_is_saved(client):
    client.force_login(UserFactory())

    response = client.post(CREATE, {**NEW, "name": "Bad\x00name"})

    assert response.status_code == 400
    assert "cannot be read" in html(response)
    assert not Organization.objects.exists()


def test_an_informal_group_needs_no_legal_form_year_or_size(client):
    client.force_login(UserFactory())

    response = client.post(
        CREATE,
        {
            "name": "Ban Nong Savings Group",
            "country": "TH",
            "org_type": OrgType.INFORMAL_GROUP,
            "formality": Formality.INFORMAL,
        },
    )

    assert response.status_code == 302
    org = Organization.objects.get()
    assert (org.formality, org.legal_form, org.year_founded) == (Formality.INFORMAL, "", None)


# --- Recording from a mapping study -----------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [("member", 404), ("focal", 200), ("researcher", 200), ("admin", 200)],
)
def test_only_mapping_staff_may_record(client, who, status):
    user = {
        "member": UserFactory,
        "focal": lambda: focal_point("KH"),
        "researcher": lambda: researcher("KH"),
        "admin": site_admin,
    }[who]()
    client.force_login(user)

    assert client.get(RECORD).status_code == status
    response = client.post(RECORD, {**NEW, "country": "KH"})
    assert response.status_code == (404 if status == 404 else 302)


def test_a_researcher_records_an_informal_group_of_its_country_with_no_member(client):
    user = researcher("KH")
    client.force_login(user)

    form = client.get(RECORD).context["form"]
    response = client.post(
        RECORD,
        {
            "name": "Kampong Speu Women's Rice Bank",
            "country": "KH",
            "org_type": OrgType.INFORMAL_GROUP,
            "formality": Formality.INFORMAL,
            "members_count": "40",
        },
    )

    assert [code for code, _label in form.fields["country"].choices] == ["KH"]
    org = Organization.objects.get()
    assert response["Location"] == page_url(org)
    assert (org.source, org.recorded_by, org.country) == (Source.MAPPING, user, "KH")
    assert not org.memberships.exists()


def test_a_country_outside_the_mapping_countries_is_a_form_error_and_saves_nothing(client):
    client.force_login(focal_point("KH"))

    response = client.post(RECORD, {**NEW, "country": "TH"})

    assert response.status_code == 400
    assert "Select a valid choice." in response.context["form"].errors["country"][0]
    assert not Organization.objects.exists()


def test_recording_a_name_already_recorded_in_the_country_is_refused(client):
    mapped(name="Chiang Mai Weavers' Cooperative", country="TH")
    client.force_login(focal_point("TH"))

    response = client.post(RECORD, {**NEW, "name": "chiang mai  weavers' cooperative"})

    assert response.status_code == 400
    assert response.context["form"].errors["name"] == [
        "An organization with this name is already recorded in this country."
    ]
    assert Organization.objects.count() == 1


# --- The organization's page ------------------------------------------------------------


def who_is(name, country="TH"):
    return {
        "member": UserFactory,
        "other member": UserFactory,
        "focal point": lambda: focal_point(country),
        "other focal point": lambda: focal_point("KH"),
        "researcher": lambda: researcher(country),
        "site admin": site_admin,
    }[name]()


@pytest.mark.parametrize(
    ("reader", "shared", "status"),
    [
        ("member", False, 200),
        ("other member", False, 404),
        ("focal point", False, 404),
        ("focal point", True, 200),
        ("researcher", False, 404),
        ("researcher", True, 200),
        ("other focal point", True, 404),
        ("site admin", False, 200),
    ],
)
def test_who_sees_an_organization_registered_by_its_members(client, reader, shared, status):
    member = UserFactory()
    org = OrganizationFactory(country="TH", share_with_country=shared, members=[member])
    client.force_login(member if reader == "member" else who_is(reader))

    for name in ("assessment_org", "assessment_org_edit"):
        response = client.get(page_url(org, name))
        expected = 404 if name == "assessment_org_edit" and reader != "site admin" else status
        assert response.status_code == expected, name


@pytest.mark.parametrize(
    ("reader", "status"),
    [
        ("other member", 404),
        ("focal point", 200),
        ("researcher", 200),
        ("other focal point", 404),
        ("site admin", 200),
    ],
)
def test_who_sees_and_edits_an_organization_recorded_from_a_mapping_study(client, reader, status):
    org = mapped(country="TH")
    client.force_login(who_is(reader))

    assert client.get(page_url(org)).status_code == status
    assert client.get(page_url(org, "assessment_org_edit")).status_code == status


def test_anonymous_readers_are_sent_to_log_in_and_forged_ids_are_404(client):
    org = OrganizationFactory()

    response = client.get(page_url(org))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")

    client.force_login(UserFactory())
    for name in ("assessment_org", "assessment_org_edit"):
        assert client.get(reverse(name, args=[org.pk + 1000])).status_code == 404
    for name in ("assessment_org_sharing", "assessment_org_invite"):
        assert client.post(reverse(name, args=[org.pk + 1000]), {}).status_code == 404


def test_the_page_shows_the_profile_members_latest_result_and_the_editors_forms(client):
    admin = UserFactory(name="Arunee Admin")
    member = UserFactory(name="Boonmee Member")
    org = OrganizationFactory(
        name="Lamphun Dairy Cooperative", admins=[admin], members=[member], year_founded=1999
    )
    result = assessed(org, by=admin, met=["social_problem", "productive", "democratic_governance"])
    services.start_assessment(member, org)  # a draft in progress
    client.force_login(admin)

    page = html(client.get(page_url(org)))

    assert "<h1>Lamphun Dairy Cooperative</h1>" in page
    assert "<dd>1999</dd>" in page
    assert "Arunee Admin" in page
    assert "Boonmee Member" in page
    assert "SSE organization or enterprise (SSEOE)" in page
    assert f'href="{reverse("assessment_result", args=[result.pk])}"' in page
    assert f'href="{page_url(org, "assessment_org_history")}"' in page
    assert f'action="{page_url(org, "assessment_start")}"' in page
    assert "Continue the assessment" in page
    assert f'href="{page_url(org, "assessment_org_edit")}"' in page
    assert f'action="{page_url(org, "assessment_org_sharing")}"' in page
    assert f'action="{page_url(org, "assessment_org_invite")}"' in page
    assert "Our answers are never published." in page


def test_a_member_who_is_not_an_administrator_gets_no_editing_forms(client):
    member = UserFactory()
    org = OrganizationFactory(members=[member])
    client.force_login(member)

    page = html(client.get(page_url(org)))

    assert "Start an assessment" in page
    assert page_url(org, "assessment_org_edit") not in page
    assert page_url(org, "assessment_org_sharing") not in page
    assert page_url(org, "assessment_org_invite") not in page
    assert client.get(page_url(org, "assessment_org_edit")).status_code == 404


def test_country_staff_who_may_only_read_get_no_start_button(client):
    org = OrganizationFactory(
        name="Shared Cooperative", share_with_country=True, members=[UserFactory()]
    )
    client.force_login(focal_point("TH"))

    page = html(client.get(page_url(org)))

    assert org.name in page
    assert page_url(org, "assessment_start") not in page
    assert page_url(org, "assessment_org_sharing") not in page


# --- Editing ------------------------------------------------------------------------------


def test_the_administrator_edits_the_organization(client):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin])
    client.force_login(admin)

    response = client.post(
        page_url(org, "assessment_org_edit"), {**NEW, "name": "Renamed", "country": "VN"}
    )

    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.name, org.country, org.source) == ("Renamed", "VN", Source.SELF)


def test_an_invalid_edit_changes_nothing_and_shows_the_stored_name(client):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin], name="Stored Name")
    client.force_login(admin)

    response = client.post(page_url(org, "assessment_org_edit"), {**NEW, "name": "a\x1bb"})

    assert response.status_code == 400
    assert "Stored Name" in html(response)  # the breadcrumb keeps the stored name
    org.refresh_from_db()
    assert org.name == "Stored Name"


def test_a_researcher_cannot_move_a_mapped_organization_out_of_its_countries(client):
    org = mapped(country="TH")
    client.force_login(researcher("TH"))

    response = client.post(page_url(org, "assessment_org_edit"), {**NEW, "country": "KH"})

    assert response.status_code == 400
    assert "country" in response.context["form"].errors
    org.refresh_from_db()
    assert org.country == "TH"


# --- Sharing ------------------------------------------------------------------------------


def test_the_administrator_chooses_what_the_organization_publishes_and_shares(client):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin])
    client.force_login(admin)
    url = page_url(org, "assessment_org_sharing")

    response = client.post(url, {"publish_results": "on"})
    org.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == page_url(org) + "#sharing"
    assert (org.publish_results, org.share_with_country) == (True, False)

    client.post(url, {"share_with_country": "on"})
    org.refresh_from_db()
    assert (org.publish_results, org.share_with_country) == (False, True)
    assert client.get(url).status_code == 405


@pytest.mark.parametrize("reader", ["member", "focal point", "other member"])
def test_only_editors_change_what_is_shared(client, reader):
    member = UserFactory()
    org = OrganizationFactory(members=[member], share_with_country=True)
    client.force_login(member if reader == "member" else who_is(reader))

    response = client.post(page_url(org, "assessment_org_sharing"), {"publish_results": "on"})

    assert response.status_code == 404
    org.refresh_from_db()
    assert not org.publish_results


# --- Inviting -----------------------------------------------------------------------------


def test_an_invitation_is_emailed_after_commit_with_its_link(
    client, django_capture_on_commit_callbacks
):
    admin = UserFactory(name="Arunee Admin")
    org = OrganizationFactory(admins=[admin], name="Lamphun Dairy Cooperative")
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(
            page_url(org, "assessment_org_invite"), {"email": " colleague@example.net "}
        )
        assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()

    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert invitation.email == "colleague@example.net"
    assert invitation.invited_by == admin
    (message,) = mail.outbox
    assert message.to == ["colleague@example.net"]
    assert "Lamphun Dairy Cooperative" in message.subject
    assert "Arunee Admin invites you to join Lamphun Dairy Cooperative" in message.body
    assert f"/assessment/invitations/{invitation.token}/" in message.body


def test_the_invitation_email_speaks_the_invited_members_language_and_time_zone(
    django_capture_on_commit_callbacks,
):
    admin = UserFactory(time_zone="Asia/Tokyo", language="en")
    UserFactory(email="colleague@example.net", time_zone="Asia/Kathmandu", language="th")
    org = OrganizationFactory(admins=[admin])

    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite(admin, org, "Colleague@example.net")

    (message,) = mail.outbox
    with translation.override("th"):
        until = times.format_time(invitation.expires_at, "Asia/Kathmandu")
    assert f"ลิงก์นี้ใช้ได้ครั้งเดียว จนถึง {until} (Asia/Kathmandu)" in message.body


def test_an_invitation_to_an_address_without_an_account_reads_in_the_inviters_zone(
    django_capture_on_commit_callbacks,
):
    admin = UserFactory(time_zone="Asia/Tokyo", language="en")
    org = OrganizationFactory(admins=[admin])

    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite(admin, org, "newcomer@example.net")

    (message,) = mail.outbox
    until = times.format_time(invitation.expires_at, "Asia/Tokyo")
    assert f"The link works once, until {until} (Asia/Tokyo)." in message.body
    assert until.endswith(
        invitation.expires_at.astimezone(times.zone_info("Asia/Tokyo")).strftime("%H:%M")
    )


def test_pending_invitations_are_listed_with_their_expiry_in_the_readers_time_zone(client):
    admin = UserFactory(time_zone="Asia/Tokyo")
    org = OrganizationFactory(admins=[admin])
    invitation = services.invite(admin, org, "colleague@example.net")
    client.force_login(admin)

    page = html(client.get(page_url(org)))

    local = invitation.expires_at.astimezone(ZoneInfo("Asia/Tokyo"))
    assert "colleague@example.net" in page
    assert (
        f'the link works until <time datetime="{iso(invitation.expires_at)}" data-time="datetime">'
        f"{dateformat.format(local, 'j M Y, H:i')}</time>"
    ) in page


def test_a_new_invitation_to_the_same_address_replaces_the_pending_one(client):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin])
    first = services.invite(admin, org, "colleague@example.net")

    second = services.invite(admin, org, "Colleague@Example.net")

    first.refresh_from_db()
    assert list(services.pending(org)) == [second]
    assert services.invitation_refusal(UserFactory(), first).code == "expired"


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("not an address", "Enter a valid email address."),
        ("", "This field is required."),
        ("member@example.net", "This person is already a member."),
    ],
)
def test_a_bad_invitation_is_a_400_and_sends_nothing(
    client, django_capture_on_commit_callbacks, email, message
):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin], members=[UserFactory(email="member@example.net")])
    client.force_login(admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page_url(org, "assessment_org_invite"), {"email": email})

    assert response.status_code == 400
    assert message in html(response)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_an_organization_sends_at_most_thirty_invitations_a_day(client):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin])
    for n in range(services.INVITATIONS_PER_DAY):
        services.invite(admin, org, f"colleague{n}@example.net")
    client.force_login(admin)

    response = client.post(page_url(org, "assessment_org_invite"), {"email": "one@example.net"})

    assert response.status_code == 429
    assert "many invitations today" in html(response)
    assert Invitation.objects.count() == services.INVITATIONS_PER_DAY


@pytest.mark.parametrize("reader", ["member", "focal point"])
def test_only_editors_invite(client, reader):
    member = UserFactory()
    org = OrganizationFactory(members=[member], share_with_country=True)
    client.force_login(member if reader == "member" else who_is(reader))

    response = client.post(page_url(org, "assessment_org_invite"), {"email": "x@example.net"})

    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_posts_are_rate_limited(client):
    admin = UserFactory()
    org = OrganizationFactory(admins=[admin])
    client.force_login(admin)
    url = page_url(org, "assessment_org_sharing")

    statuses = [client.post(url, {}).status_code for _ in range(common.POSTS_PER_WINDOW + 1)]

    assert statuses[:-1] == [302] * common.POSTS_PER_WINDOW
    assert statuses[-1] == 429
