"""The request guard: NUL, lone surrogates and invalid UTF-8 are a 400, never a 500.

Django decodes what it cannot read into U+FFFD (`%ED%A0%80`, an encoded lone surrogate,
and `%C0%80`, an overlong NUL, become replacement characters) but passes `%00` through
as a real NUL, which PostgreSQL refuses with an error: a 500 wherever it reaches a query.
"""

from urllib.parse import quote, unquote

import pytest
from asgiref.testing import ApplicationCommunicator
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.constants import Country, Role
from cop.models import Message
from forum.models import ModerationAction
from tests.accounts.factories import UserFactory
from tests.cop.factories import member, national_space
from tests.forum.factories import CategoryFactory

pytestmark = pytest.mark.django_db

BAD_ESCAPES = ["%00", "%ED%A0%80", "%C0%80", "a%FFb"]
BOUNDARY = "guardboundary"


def multipart(fields):
    """A multipart body written by hand: the test client would not encode a bad byte."""
    body = b""
    for name, value in fields.items():
        body += (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value
            + b"\r\n"
        )
    return body + f"--{BOUNDARY}--\r\n".encode()


def post_multipart(client, path, fields):
    return client.post(
        path, data=multipart(fields), content_type=f"multipart/form-data; boundary={BOUNDARY}"
    )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def thailand_member():
    return member(national_space(Country.THAILAND))


@pytest.mark.parametrize("escape", BAD_ESCAPES)
def test_the_site_search_refuses_a_bad_query_with_a_400(escape):
    response = Client().get(f"{reverse('search')}?q=co{escape}op")

    assert response.status_code == 400
    assert "characters that cannot be read" in response.content.decode()


@pytest.mark.parametrize("escape", BAD_ESCAPES)
def test_the_space_archive_refuses_a_bad_query_with_a_400(escape, thailand_member):
    client = signed_in(thailand_member)

    response = client.get(f"/spaces/thailand/archive/?q={escape}")

    assert response.status_code == 400


@pytest.mark.parametrize("escape", BAD_ESCAPES)
def test_the_moderation_log_refuses_a_bad_action_filter_with_a_400(escape):
    client = signed_in(UserFactory(roles=[Role.MODERATOR]))

    response = client.get(f"{reverse('forum_log')}?action={escape}")

    assert response.status_code == 400


@pytest.mark.parametrize(
    ("escape", "status"),
    # Under WSGI, Django turns bytes it cannot decode in a path back into percent
    # escapes: the code is then the ASCII text "%ED%A0%80", which is no one's (404).
    [("%00", 400), ("%ED%A0%80", 404), ("%C0%80", 404), ("a%FFb", 404)],
)
def test_a_certificate_code_with_a_bad_character_is_a_400_or_a_404(escape, status):
    assert Client().get(f"/certificates/AB{escape}CD/").status_code == status
    assert Client().get(f"/certificates/AB{escape}CD.pdf").status_code == status


@pytest.mark.parametrize("escape", BAD_ESCAPES)
def test_the_composer_refuses_a_bad_url_encoded_body_and_stores_nothing(escape, thailand_member):
    client = signed_in(thailand_member)

    response = client.post(
        "/spaces/thailand/post/",
        data=f"body=hello{escape}",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 400
    assert Message.objects.filter(author=thailand_member).count() == 0


@pytest.mark.parametrize("raw", [b"hello\x00", b"hello\xed\xa0\x80", b"hello\xc0\x80"])
def test_the_composer_refuses_a_bad_multipart_field_and_stores_nothing(raw, thailand_member):
    client = signed_in(thailand_member)

    response = post_multipart(client, "/spaces/thailand/post/", {"body": raw})

    assert response.status_code == 400
    assert Message.objects.filter(author=thailand_member).count() == 0


def test_a_bad_field_name_is_refused_too(thailand_member):
    client = signed_in(thailand_member)

    response = post_multipart(client, "/spaces/thailand/post/", {"bo\x00dy": b"hi"})
    url_encoded = client.post(
        "/spaces/thailand/post/",
        data="x%00=1&body=hi",
        content_type="application/x-www-form-urlencoded",
    )

    assert (response.status_code, url_encoded.status_code) == (400, 400)


def test_a_session_cookie_with_a_nul_is_a_400():
    client = Client()
    client.cookies["sessionid"] = "\x00" + "a" * 31

    assert client.get(reverse("search")).status_code == 400


def test_a_typed_replacement_character_and_other_scripts_pass():
    """U+FFFD sent as valid UTF-8 (%EF%BF%BD) is text someone pasted, not a bad byte."""
    query = quote("สหกรณ์ \ufffd 合作社")

    response = Client().get(f"{reverse('search')}?q={query}")

    assert response.status_code == 200


def test_the_composer_still_stores_a_message_sent_as_multipart(thailand_member):
    client = signed_in(thailand_member)

    response = post_multipart(client, "/spaces/thailand/post/", {"body": "สวัสดี \ufffd".encode()})

    assert response.status_code == 302
    assert Message.objects.get(author=thailand_member).body == "สวัสดี \ufffd"


def test_the_400_page_is_in_the_visitors_language():
    with translation.override("en"):  # the request activates Thai: not for the next tests
        response = Client().get("/th/search/?q=%00")

    assert response.status_code == 400
    assert 'lang="th"' in response.content.decode()


def asgi_get(raw_target):
    """One GET through the ASGI application, with the scope uvicorn builds."""
    from config.asgi import application

    raw_path, _, query = raw_target.partition(b"?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(raw_path.decode("ascii")),
        "raw_path": raw_path,
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }

    async def run():
        communicator = ApplicationCommunicator(application, scope)
        await communicator.send_input({"type": "http.request", "body": b""})
        start = await communicator.receive_output(10)
        await communicator.wait(10)
        return start["status"]

    from asgiref.sync import async_to_sync

    return async_to_sync(run)()


@pytest.mark.parametrize(
    "target",
    [
        b"/certificates/AB%00CD/",
        b"/certificates/AB%ED%A0%80CD/",
        b"/certificates/AB%C0%80CD.pdf",
        b"/search/?q=%ED%A0%80",
        b"/search/?q=%00",
    ],
)
def test_under_asgi_the_same_requests_are_a_400(target):
    assert asgi_get(target) == 400


def test_moderation_log_filter_is_unaffected_by_a_good_value():
    CategoryFactory()  # the log is for those who moderate a category
    client = signed_in(UserFactory(roles=[Role.MODERATOR]))

    response = client.get(f"{reverse('forum_log')}?action={ModerationAction.HIDE}")

    assert response.status_code == 200
