"""Each reader's language: the switcher names every interface language in its own script,
the country's first on a country's profile, space and forum category, which also offer
the page in the country's language; /languages/ says which translations a native speaker
has not reviewed yet; e-mails speak the recipient's profile language."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.cop.factories import MembershipFactory, national_space
from tests.forum.factories import national_category

pytestmark = pytest.mark.django_db

OWN_SCRIPT = {
    "km": "ខ្មែរ",
    "lo": "ລາວ",
    "vi": "Tiếng Việt",
    "mn": "Монгол",
    "ky": "Кыргызча",
    "ru": "Русский",
    "th": "ไทย",
    "zh-hans": "简体中文",
    "ja": "日本語",
    "ko": "한국어",
}


def switcher_order(html):
    """The language codes of the footer's switcher, in order."""
    form = html[html.index('class="language-switcher"') :]
    form = form[: form.index("</form>")]
    return re.findall(r'name="language" value="([^"]+)"', form)


def member_client(**fields):
    client = Client()
    person = UserFactory(language="en", **fields)
    client.force_login(person)
    return client, person


def test_the_switcher_lists_every_interface_language_in_its_own_script(client):
    html = client.get(reverse("languages")).content.decode()

    assert switcher_order(html) == [code for code, _ in settings.LANGUAGES]
    for code, name in OWN_SCRIPT.items():
        assert f'value="{code}" lang="{code}"' in html
        assert f">{name}</button>" in html


def test_a_national_space_offers_its_countrys_language_first():
    client, person = member_client()
    space = national_space("KH")
    MembershipFactory(space=space, user=person)

    html = client.get(f"/spaces/{space.slug}/").content.decode()

    assert switcher_order(html)[0] == "km"
    offer = re.search(r'<p class="language-offer">(.*?)</p>', html, re.S).group(1)
    assert f'href="/km/spaces/{space.slug}/" lang="km" hreflang="km"' in offer
    assert "ខ្មែរ" in offer
    assert "Read this page in" not in offer  # said in Khmer, to a Khmer reader


def test_kyrgyzstans_forum_category_offers_kyrgyz_then_russian(client):
    category = national_category("KG")

    html = client.get(f"/forum/c/{category.slug}/").content.decode()

    assert switcher_order(html)[:2] == ["ky", "ru"]
    offer = re.search(r'<p class="language-offer">(.*?)</p>', html, re.S).group(1)
    assert offer.index('hreflang="ky"') < offer.index('hreflang="ru"')


def test_no_offer_when_the_reader_reads_the_countrys_language(client):
    category = national_category("KG")

    html = client.get(f"/ru/forum/c/{category.slug}/").content.decode()

    assert 'class="language-offer"' not in html
    assert switcher_order(html)[:2] == ["ky", "ru"]


def test_a_thematic_page_keeps_the_sites_order(client):
    html = client.get("/forum/").content.decode()

    assert 'class="language-offer"' not in html
    assert switcher_order(html) == [code for code, _ in settings.LANGUAGES]


def test_the_languages_page_says_which_translations_are_drafts(client, settings):
    settings.REVIEWED_LANGUAGES = ["vi"]

    html = client.get(reverse("languages")).content.decode()

    main = html[html.index("<main") : html.index("</main>")]  # not the footer's switcher
    rows = dict(
        re.findall(r'value="([^"]+)" lang="[^"]+"[^>]*>[^<]*</button>(.*?)</li>', main, re.S)
    )
    assert "Reviewed by a native speaker." in rows["vi"]
    assert "Draft: not yet reviewed by a native speaker." in rows["km"]
    assert "Draft" not in rows["en"]
    assert "Khmer" in rows["km"]  # and named in the reader's language


def test_the_languages_page_in_thai_names_the_languages_in_thai(client):
    html = client.get("/th/languages/").content.decode()

    assert '<html lang="th" dir="ltr">' in html
    assert "ภาษาเขมร" in html or "เขมร" in html  # Khmer, in Thai (Django's names)


def test_the_languages_page_sends_the_reader_back_to_a_safe_page_only(client):
    back = client.get(reverse("languages"), {"next": "/th/forum/"}).content.decode()
    away = client.get(reverse("languages"), {"next": "https://evil.example/"}).content.decode()

    assert 'name="next" value="/forum/"' in back  # the English path: every language reaches it
    assert 'name="next" value="/"' in away


def test_choosing_a_language_on_the_page_reads_the_site_in_it(client):
    response = client.post(reverse("set_language"), {"language": "lo", "next": "/forum/"})

    assert response["Location"] == "/lo/forum/"
    html = client.get("/lo/forum/").content.decode()
    assert '<html lang="lo" dir="ltr">' in html


@pytest.mark.parametrize(("code", "word"), [("km", "ពាក្យសម្ងាត់"), ("ru", "парол")])
def test_a_password_reset_email_speaks_the_members_language(client, code, word):
    UserFactory(email="dara@example.net", language=code)

    client.post(reverse("account_reset_password"), {"email": "dara@example.net"})

    (message,) = mail.outbox
    assert word in (message.subject + message.body).lower()
    assert "Password Reset" not in message.subject
