"""allauth's e-mails and messages in the site's words ("log in", "sign up", "e-mail"; never
allauth's "sign in", "signup", "email"), through the real flows, with every link allauth
passes, and every line of them in the catalogues: in the recipient's language."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from allauth.account import app_settings
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.test_allauth_words import ALLAUTH_WORDS
from tests.config.test_email_links import SIGNUP, SITE  # the same sign-up, the same site

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
OURS = ROOT / "templates" / "account"
THAI = ROOT / "locale" / "th" / "LC_MESSAGES" / "django.po"
URL = re.compile(r"https?://\S+")
ADDRESS = re.compile(r"\S+@\S+")
THAI_SCRIPT = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def words(text):
    """`text` without its links and addresses: the words a reader reads."""
    return ADDRESS.sub(" ", URL.sub(" ", text))


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# Each e-mail this configuration sends, from a real flow: (what to do, to whom).
def sign_up(client, language="en"):
    client.post(reverse("account_signup"), {**SIGNUP, "language": language})
    return SIGNUP["email"]


def change_address(client, language="en"):
    client.force_login(UserFactory(name="Kanya Jaidee", language=language))
    client.post(reverse("account_email"), {"action_add": "", "email": "new@example.net"})
    return "new@example.net"


def sign_up_again(client, language="en"):
    UserFactory(email=SIGNUP["email"], language=language)
    client.post(reverse("account_signup"), SIGNUP)
    return SIGNUP["email"]


def reset_password(client, language="en"):
    UserFactory(email="forgetful@example.net", language=language)
    client.post(reverse("account_reset_password"), {"email": "forgetful@example.net"})
    return "forgetful@example.net"


def reset_unknown(client, language="en"):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.net"})
    return "nobody@example.net"


FLOWS = {
    "confirm a sign-up": (
        sign_up,
        "Confirm your e-mail address",
        [
            "Welcome to SSE Asia, Dara Sok! You signed up with this e-mail address.",
            f"To confirm it and log in, open this link:\n{SITE}/accounts/confirm-email/",
        ],
    ),
    "confirm a new address": (
        change_address,
        "Confirm your e-mail address",
        [
            "Kanya Jaidee wants to use this e-mail address (new@example.net) on SSE Asia.",
            f"To confirm that it is yours, open this link:\n{SITE}/accounts/confirm-email/",
        ],
    ),
    "an account already has the address": (
        sign_up_again,
        "You already have an account",
        [
            "Someone, perhaps you, tried to sign up on SSE Asia with this e-mail address "
            "(dara.sok@example.com), but it already has an account.",
            "If it was you, log in with it. Forgotten your password? Choose a new one here:\n"
            f"{SITE}/accounts/password/reset/\n",
        ],
    ),
    "reset a password": (
        reset_password,
        "Choose a new password",
        [
            "Someone, perhaps you, asked to reset the password of your account on SSE Asia.",
            f"To choose a new password, open this link:\n{SITE}/accounts/password/reset/key/",
        ],
    ),
    "no account has the address": (
        reset_unknown,
        "No account has this e-mail address",
        [
            "Someone, perhaps you, tried to use an account on SSE Asia with this e-mail "
            "address (nobody@example.net), but no account has it.",
            f"If it was you, you can sign up with it here:\n{SITE}/accounts/signup/\n",
        ],
    ),
}


def sent(mailoutbox, recipient):
    (message,) = [m for m in mailoutbox if m.to == [recipient]]
    return message


@pytest.mark.parametrize("flow", FLOWS)
def test_each_account_email_says_it_in_the_sites_words(client, mailoutbox, flow):
    act, subject, sentences = FLOWS[flow]

    message = sent(mailoutbox, act(client))

    assert message.subject == f"[SSE Asia] {subject}"
    assert message.body.startswith("Hello from SSE Asia!\n\n")
    assert message.body.endswith(f"Thank you for using SSE Asia!\n{SITE}/")
    for sentence in sentences:
        assert sentence in message.body
    text = words(message.subject + "\n" + message.body)
    assert not ALLAUTH_WORDS.search(text)
    assert not re.search(r"\bemail\b", text, re.IGNORECASE)  # the site writes "e-mail"


def test_the_emails_this_configuration_can_send_are_all_the_sites():
    """If a setting makes allauth send another e-mail (notifications, codes), this test
    asks for its template in the site's words too."""
    prefixes = {
        "email_confirmation",
        "email_confirmation_signup",
        "account_already_exists",
        "password_reset_key",
        "unknown_account",
    }
    if app_settings.EMAIL_NOTIFICATIONS:
        prefixes |= {"email_changed", "email_confirm", "email_deleted", "password_changed"}
        prefixes |= {"password_reset", "password_set"}
    if app_settings.LOGIN_BY_CODE_ENABLED:
        prefixes.add("login_code")
    if app_settings.PASSWORD_RESET_BY_CODE_ENABLED:
        prefixes.add("password_reset_code")

    missing = [
        f"{prefix}_{part}.txt"
        for prefix in sorted(prefixes)
        for part in ("subject", "message")
        if not (OURS / "email" / f"{prefix}_{part}.txt").exists()
    ]
    assert missing == []


def test_a_new_member_confirms_with_the_link_and_is_told_so(client, mailoutbox):
    sign_up(client)
    link = re.search(rf"{SITE}(/accounts/confirm-email/\S+/)", mailoutbox[0].body).group(1)

    confirmed = client.post(link)

    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified
    assert "dara.sok@example.com is confirmed." in said(confirmed)


def test_the_reset_link_sets_a_new_password_and_says_so(client, mailoutbox):
    reset_password(client)
    link = re.search(rf"{SITE}(/accounts/password/reset/key/\S+)", mailoutbox[0].body).group(1)
    form_url = client.get(link)["Location"]  # allauth moves the key out of the URL

    changed = client.post(
        form_url, {"password1": "a-new-passphrase", "password2": "a-new-passphrase"}
    )

    assert changed.status_code == 302
    assert said(changed)[-1] == "Your password is changed."


def test_signing_up_says_the_confirmation_is_on_its_way(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert said(response)[-1] == "We have sent a confirmation e-mail to dara.sok@example.com."


def test_changing_the_address_says_each_step_in_the_sites_words(client):
    user = UserFactory(email="old@example.net")
    client.force_login(user)
    url = reverse("account_email")

    added = client.post(url, {"action_add": "", "email": "new@example.net"})
    pending_as_main = client.post(url, {"action_primary": "", "email": "new@example.net"})
    main_removed = client.post(url, {"action_remove": "", "email": "old@example.net"})
    main_again = client.post(url, {"action_primary": "", "email": "old@example.net"})
    cancelled = client.post(url, {"action_remove": "", "email": "new@example.net"})

    # Messages wait until a page shows them: each step's is the last one.
    assert said(added)[-1] == "We have sent a confirmation e-mail to new@example.net."
    assert said(pending_as_main)[-1] == "Only a confirmed e-mail address can be your main one."
    assert said(main_removed)[-1] == (
        "old@example.net is your account's main e-mail address: it cannot be removed."
    )
    assert said(main_again)[-1] == "This is now your main e-mail address."
    assert said(cancelled)[-1] == "new@example.net is removed from your account."


def test_changing_and_setting_a_password_says_so(client):
    user = UserFactory()
    client.force_login(user)
    changed = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "a-new-passphrase", "password2": "a-new-passphrase"},
    )
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    set_ = client.post(
        reverse("account_set_password"),
        {"password1": "another-passphrase", "password2": "another-passphrase"},
    )

    assert said(changed)[-1] == "Your password is changed."
    assert said(set_)[-1] == "Your password is set."


def test_a_confirmation_taken_by_another_account_says_so():
    text = render_to_string(
        "account/messages/email_confirmation_failed.txt", {"email": "dara@example.net"}
    )

    assert text.strip() == (
        "dara@example.net cannot be confirmed: another account has confirmed it already."
    )


def test_every_message_allauth_can_show_here_is_the_sites():
    """allauth's flash messages that this configuration shows (no codes, no phones) are
    overridden, in the site's words."""
    shown = [
        "cannot_delete_primary_email",
        "email_confirmation_failed",
        "email_confirmation_sent",
        "email_confirmed",
        "email_deleted",
        "logged_in",
        "logged_out",
        "password_changed",
        "password_set",
        "primary_email_set",
        "unverified_primary_email",
    ]
    context = {"email": "a@example.net", "user": UserFactory(name="Kanya Jaidee")}
    for name in shown:
        template = OURS / "messages" / f"{name}.txt"
        assert template.exists(), template
        text = render_to_string(f"account/messages/{name}.txt", context)
        assert not ALLAUTH_WORDS.search(text), name
        assert not re.search(r"\bemail\b", words(text), re.IGNORECASE), name


# --- In the recipient's language --------------------------------------------------------

THAI_FLOWS = ["confirm a sign-up", "confirm a new address", "an account already has the address"]
THAI_FLOWS += ["reset a password"]  # an address without an account: the site's language


def email_entries(po):
    """The entries of `po` that the templates of allauth's e-mails use."""
    return [
        entry
        for entry in po
        if not entry.obsolete
        and any(path.startswith("templates/account/email/") for path, _line in entry.occurrences)
    ]


@pytest.fixture
def thai_catalogue(tmp_path, settings):
    """Our Thai catalogue, the e-mails' entries it does not translate yet standing in
    Thai ("ไทย: " and the English), in force for the test: the e-mails then read in
    Thai line by line exactly when every string of their templates is in the catalogue."""
    target = tmp_path / "th" / "LC_MESSAGES" / "django.po"
    target.parent.mkdir(parents=True)
    shutil.copy(THAI, target)
    po = polib.pofile(str(target))
    entries = email_entries(po)
    assert entries, "the e-mail templates' strings are not in the Thai catalogue yet"
    for entry in entries:
        if not entry.translated():
            entry.msgstr = f"ไทย: {entry.msgid}"
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save()
    po.save_as_mofile(str(target.with_suffix(".mo")))
    settings.LOCALE_PATHS = [tmp_path]  # resets Django's catalogues (setting_changed)
    return po


def assert_thai(message):
    """Every line of `message` a reader reads is Thai; links and addresses stay."""
    english = [
        line
        for line in (message.subject + "\n" + message.body).splitlines()
        if words(line).strip(" ![]") and not THAI_SCRIPT.search(words(line))
    ]
    assert english == [], message.body


@pytest.mark.parametrize("flow", THAI_FLOWS)
def test_a_thai_members_emails_are_thai_line_by_line(client, mailoutbox, flow, thai_catalogue):
    act, _subject, _sentences = FLOWS[flow]

    message = sent(mailoutbox, act(client, language="th"))

    assert_thai(message)
    assert message.subject.startswith("[SSE Asia] ")


def thai_emails_untranslated():
    """Whether our Thai catalogue lacks a translation of a string of the e-mails."""
    entries = email_entries(polib.pofile(str(THAI)))
    return not entries or any(not entry.translated() for entry in entries)


@pytest.mark.xfail(
    condition=thai_emails_untranslated(),
    reason="the Thai catalogue does not translate every string of the e-mail templates "
    "yet (make messages added them, translators fill them in): then this holds",
    strict=True,
)
@pytest.mark.parametrize("flow", THAI_FLOWS)
def test_a_thai_members_emails_are_thai_in_our_catalogue(client, mailoutbox, flow):
    act, _subject, _sentences = FLOWS[flow]

    message = sent(mailoutbox, act(client, language="th"))

    assert_thai(message)
