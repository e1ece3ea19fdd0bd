"""The forum handle (@mentions) on the profile: made from the name, changeable, unique."""

from django.urls import reverse

from accounts.models import User
from tests.accounts.factories import UserFactory


def profile_data(user, **changes):
    data = {
        "name": user.name,
        "country": user.country,
        "constituency": user.constituency,
        "organization": user.organization,
        "gender": "",
        "language": "en",
        "time_zone": user.time_zone,
        "handle": user.handle,
        "notify_by_email": "on",
    }
    data.update(changes)
    return data


def test_a_handle_is_made_from_the_name_in_ascii_and_kept_unique(db):
    first = UserFactory(name="Trần Thị Quỳnh Zung")
    second = UserFactory(name="Tran Thi Quynh Zung")
    thai = UserFactory(name="สมชาย วงศ์สกุล")
    assert first.handle == "tran-thi-quynh-zung"
    assert second.handle == "tran-thi-quynh-zung-2"
    assert thai.handle
    assert thai.handle.isascii()


def test_a_member_changes_their_handle_but_not_to_one_taken(client, db):
    taken = UserFactory(name="Quorra Vale")
    me = UserFactory(name="Xiomara Ulan")
    client.force_login(me)

    response = client.post(reverse("profile"), profile_data(me, handle=taken.handle.upper()))
    assert response.status_code == 200
    assert "Someone already has that handle." in response.content.decode()
    me.refresh_from_db()
    assert me.handle == "xiomara-ulan"

    response = client.post(reverse("profile"), profile_data(me, handle="Xio.Hanoi"))
    assert response.status_code == 302
    assert User.objects.get(pk=me.pk).handle == "xio.hanoi"

    response = client.post(reverse("profile"), profile_data(me, handle="-bad-"))
    assert response.status_code == 200
    assert User.objects.get(pk=me.pk).handle == "xio.hanoi"


def test_e_mail_notices_can_be_turned_off(client, db):
    me = UserFactory()
    client.force_login(me)
    data = profile_data(me)
    del data["notify_by_email"]  # an unticked box is not sent
    assert client.post(reverse("profile"), data).status_code == 302
    assert User.objects.get(pk=me.pk).notify_by_email is False
