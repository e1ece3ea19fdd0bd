"""The site's pages in the region's languages (issue 15, point 3): home.seed translates the
home page, the country index and the country pages with wagtail-localize from the
translators' files (home/translations/<code>.json; here the tiny one in
tests/home/translations/), Thai from home/seed_content.THAI. Each translation is
published at once, as the seed's autocommit does (tests/translating.py)."""

import json
from pathlib import Path

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from home import seed_content
from home.models import CountryPage, HomePage, StandardPage
from home.seed import site_translations, translate_site_pages
from tests.home.factories import CountryPageFactory, StandardPageFactory, home_page
from tests.translating import translating  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

FILES = Path(__file__).parent / "translations"
KHMER_TITLE = "រៀន និងធ្វើសកម្មភាពដើម្បីសេដ្ឋកិច្ចសង្គម និងសាមគ្គីភាព"


@pytest.fixture
def site(translating):  # noqa: F811 - the fixture imported above
    """The home page, an About page, the country index and Cambodia's page, translated
    from the test files (Khmer) and seed_content.THAI (Thai)."""
    home = home_page()
    StandardPageFactory(title="About", slug="about")
    cambodia = CountryPageFactory(country="KH")
    return home, cambodia, translate_site_pages(home, site_translations(FILES))


def test_the_home_page_and_a_country_page_are_served_in_khmer(client, site):
    _home, cambodia, _made = site

    home_html = client.get("/km/").content.decode()
    country = client.get(f"/km{cambodia.url}")
    english = client.get(cambodia.url).content.decode()

    assert '<html lang="km"' in home_html
    assert KHMER_TITLE in home_html
    assert "វគ្គសិក្សា វេទិកា និងលំហផ្ទាល់សម្រាប់ SSE នៅអាស៊ី។" in home_html
    assert country.status_code == 200
    assert "SSE នៅកម្ពុជា។" in country.content.decode()
    assert "The SSE in Cambodia." in english
    # "ILO mapping study" (the source) is not in the file: it falls back to the English.
    assert "ILO mapping study" in country.content.decode()


def test_they_are_translations_with_the_english_translation_key(site):
    home, cambodia, made = site
    khmer = Locale.objects.get(language_code="km")

    khmer_home = HomePage.objects.get(locale=khmer)
    khmer_cambodia = CountryPage.objects.get(locale=khmer)

    # Khmer: home, the country index, Cambodia (About: nothing in the file); Thai: the
    # index and Cambodia (seed_content.THAI has the seed's home page, not this one).
    assert made == 3 + 2
    assert khmer_home.translation_key == home.translation_key
    assert (khmer_cambodia.translation_key, khmer_cambodia.alias_of_id) == (
        cambodia.translation_key,
        None,
    )
    assert Translation.objects.filter(target_locale=khmer, enabled=True).count() == 3
    assert not StandardPage.objects.filter(locale=khmer).exists()  # sync_translations aliases it
    assert HomePage.objects.get(locale__language_code="th").alias_of_id == home.pk  # the same


def test_translating_again_makes_nothing(site):
    home, _cambodia, _made = site
    pages = Page.objects.count()

    again = translate_site_pages(home, site_translations(FILES))

    assert again == 0
    assert Page.objects.count() == pages


def test_thai_comes_from_seed_content_and_wins_over_a_thai_file(tmp_path):
    title = seed_content.HOME["title"]
    (tmp_path / "th.json").write_text(json.dumps({title: "อื่น", "Extra": "เพิ่ม"}))
    (tmp_path / "km.json").write_text((FILES / "km.json").read_text())

    translations = site_translations(tmp_path)

    assert list(translations) == ["km", "th"]
    assert translations["th"][title] == seed_content.THAI[title]
    assert translations["th"]["Extra"] == "เพิ่ม"
    assert site_translations(tmp_path / "none") == {"th": seed_content.THAI}
