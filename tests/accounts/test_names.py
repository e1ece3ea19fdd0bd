"""What people call themselves: display names and handles, through the real forms."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.constants import Role
from accounts.forms import ProfileForm
from accounts.models import handle_from_name
from accounts.validators import RESERVED_HANDLES
from accounts.viewsets import AdminUserEditForm
from forum import services as forum_services
from forum.models import Category, CategoryKind
from tests.accounts.factories import UserFactory
from tests.accounts.test_profile_handle import profile_data
from tests.accounts.test_signup_flow import SIGNUP

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """The forms are called directly here, outside a request: the messages in English."""
    with translation.override("en"):
        yield


User = get_user_model()

CHARACTER_MESSAGE = (
    "Names cannot contain control, direction-changing or invisible characters "
    "(found {}). Use ordinary spaces between words."
)

FORBIDDEN_IN_NAMES = {
    "\n": "U+000A",
    "\r": "U+000D",
    "\t": "U+0009",
    "\x00": "U+0000",
    "\x1b": "U+001B",
    "\x85": "U+0085",
    "\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE",
    "\u202d": "U+202D LEFT-TO-RIGHT OVERRIDE",
    "\u2066": "U+2066 LEFT-TO-RIGHT ISOLATE",
    "\u2067": "U+2067 RIGHT-TO-LEFT ISOLATE",
    "\u200f": "U+200F RIGHT-TO-LEFT MARK",
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u200d": "U+200D ZERO WIDTH JOINER",
    "\u200c": "U+200C ZERO WIDTH NON-JOINER",
    "\ufeff": "U+FEFF ZERO WIDTH NO-BREAK SPACE",
    "\u2060": "U+2060 WORD JOINER",
    "\u00ad": "U+00AD SOFT HYPHEN",
    "\u2028": "U+2028 LINE SEPARATOR",
    "\u3164": "U+3164 HANGUL FILLER",
}


def full_width(text):
    """The full-width forms of ASCII letters (U+FF01-FF5E), as East Asian keyboards type them."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def profile_errors(user, **changes):
    form = ProfileForm(data=profile_data(user, **changes), instance=user)
    form.is_valid()
    return form.errors


@pytest.mark.parametrize("char", FORBIDDEN_IN_NAMES)
def test_the_profile_refuses_a_name_with_a_forbidden_character(char):
    me = UserFactory(name="Dara Sok")

    errors = profile_errors(me, name=f"Dara{char}Sok")

    expected = CHARACTER_MESSAGE.format(FORBIDDEN_IN_NAMES[char])
    if char == "\x00":  # Django's own validator on every CharField says it first
        expected = "Null characters are not allowed."
    assert errors == {"name": [expected]}
    me.refresh_from_db()
    assert me.name == "Dara Sok"


@pytest.mark.parametrize("char", ["\n", "\u202e", "\u200b"])
def test_signup_refuses_a_name_with_a_forbidden_character_and_creates_no_one(client, char):
    response = client.post(reverse("account_signup"), {**SIGNUP, "name": f"សុខ{char}ដារ៉ា"})

    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        CHARACTER_MESSAGE.format(FORBIDDEN_IN_NAMES[char])
    ]
    assert not User.objects.filter(email="dara.sok@example.com").exists()


def test_a_joiner_after_a_virama_is_spelling_and_is_kept():
    """Sinhala: ශ්‍රී (sha, al-lakuna, ZWJ, ra, ii) is written with a zero width joiner."""
    me = UserFactory(name="Dara Sok")
    name = "\u0dc1\u0dca\u200d\u0dbb\u0dd3 Perera"
    form = ProfileForm(data=profile_data(me, name=name), instance=me)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == name


def test_odd_spaces_become_plain_ones():
    me = UserFactory(name="Dara Sok")
    form = ProfileForm(
        data=profile_data(me, name=" 山田\u3000太郎\u00a0\u00a0Yamada "), instance=me
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "山田 太郎 Yamada"


@pytest.mark.parametrize(
    "copy",
    [
        "Mo Moderator",
        "mo moderator",
        "MO MODERATOR",
        full_width("Mo Moderator"),
        "Mo\u3000Moderator",  # an ideographic space
        "  Mo   Moderator ",
    ],
)
def test_no_one_takes_a_moderators_name(copy):
    UserFactory(name="Mo Moderator", roles=[Role.MODERATOR])
    me = UserFactory(name="Dara Sok")

    assert profile_errors(me, name=copy) == {
        "name": ["That is the name of a member of the staff. Please use your own name."]
    }


def test_no_one_takes_a_site_administrators_or_a_staff_members_name_at_sign_up(client):
    UserFactory(name="Ana Admin", roles=[Role.SITE_ADMIN])
    UserFactory(name="Sam Staff", is_staff=True)

    for copy in ["ana admin", full_width("SAM STAFF")]:
        response = client.post(reverse("account_signup"), {**SIGNUP, "name": copy})
        assert response.context["form"].errors["name"] == [
            "That is the name of a member of the staff. Please use your own name."
        ]
    assert not User.objects.filter(email="dara.sok@example.com").exists()


def test_a_staff_member_keeps_their_own_name_and_members_share_ordinary_names():
    moderator = UserFactory(name="Mo Moderator", roles=[Role.MODERATOR])
    UserFactory(name="Dara Sok")
    other = UserFactory(name="Somebody")

    assert profile_errors(moderator, name="Mo Moderator") == {}
    assert profile_errors(other, name="DARA SOK") == {}


@pytest.mark.parametrize(
    "handle",
    [
        "admin",
        "moderator",
        "system",
        "all",
        "everyone",
        "staff",
        "support",
        "root",
        "here",
        "channel",
        "null",
        "Admin",
        "admin2",
        "all-1",
    ],
)
def test_reserved_handles_are_refused(handle):
    me = UserFactory(name="Dara Sok")

    assert profile_errors(me, handle=handle) == {
        "handle": [
            f"“@{handle.lower()}” is reserved for the platform. Please choose another handle."
        ]
    }
    me.refresh_from_db()
    assert me.handle == "dara-sok"


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\x00", "U+0000"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ],
)
def test_a_handle_with_an_invisible_or_control_character_is_refused(char, shown):
    me = UserFactory(name="Dara Sok")

    expected = f"Handles cannot contain spaces, control or invisible characters (found {shown})."
    if char == "\x00":  # Django's own validator on every CharField says it first
        expected = "Null characters are not allowed."
    assert profile_errors(me, handle=f"da{char}ra") == {"handle": [expected]}


@pytest.mark.parametrize(
    "name", ["Admin", "ALL", "Everyone", "System 2", "Root!", full_width("Moderator")]
)
def test_a_reserved_handle_is_never_generated(name):
    person = UserFactory(name=name)

    assert handle_from_name(name) == "member"
    assert person.handle.startswith("member")
    assert person.handle.split("-")[0] not in RESERVED_HANDLES


def test_the_django_admin_form_refuses_a_newline_in_a_name(rf):
    """The form the admin builds for the change page (our model, the fieldsets' fields)."""
    person = UserFactory(name="Dara Sok")
    request = rf.get("/django-admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    form_class = admin.site._registry[User].get_form(request, obj=person, change=True)
    initial = form_class(instance=person)
    data = {name: initial[name].value() for name in initial.fields if name != "password"}
    data = {name: value for name, value in data.items() if value not in (None, False)}

    form = form_class(data={**data, "name": "Dara\nSok"}, instance=person)

    assert form.errors["name"] == [CHARACTER_MESSAGE.format("U+000A")]


def test_the_wagtail_user_form_refuses_a_bidi_override_in_a_name():
    person = UserFactory(name="Dara Sok")
    form = AdminUserEditForm(data={"email": person.email, "name": "\u202eDara"}, instance=person)

    assert not form.is_valid()
    assert form.errors["name"] == [CHARACTER_MESSAGE.format("U+202E RIGHT-TO-LEFT OVERRIDE")]


def test_a_newline_already_stored_in_a_name_does_not_break_the_email_notice(
    django_capture_on_commit_callbacks, settings
):
    settings.FORUM_APPROVE_FIRST_POSTS = 0
    category = Category.objects.create(name="Open", slug="open-names", kind=CategoryKind.THEMATIC)
    author = UserFactory(name="Dara Sok")
    topic = forum_services.start_topic(category, author, "Our first\nfair", "Welcome.")
    replier = UserFactory(name="Vann")
    User.objects.filter(pk=replier.pk).update(name="Vann\nBcc: victim@example.org")
    replier.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        forum_services.reply(topic, replier, f"@{author.handle} thank you")

    (message,) = [m for m in mail.outbox if author.email in m.to]
    assert "\n" not in message.subject
    assert message.subject.endswith("Vann Bcc: victim@example.org mentioned you: “Our first fair”")
    assert message.to == [author.email]
    assert message.bcc == []
