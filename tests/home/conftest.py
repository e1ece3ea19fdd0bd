import pytest

from accounts.constants import Country
from tests.home.factories import (
    CountryPageFactory,
    country_index,
    home_page,
    paragraph,
    translation_of,
)

HOME_TITLE = "Learn, share and act for the social and solidarity economy in Asia"
THAI_HOME_TITLE = "เรียนรู้ แบ่งปัน และลงมือทำเพื่อเศรษฐกิจสังคมและสมานฉันท์ในเอเชีย"


@pytest.fixture
def site_pages(db):
    """The home page, the country index and the pages of Thailand and Mongolia, in English
    and in Thai: {"home", "countries", "TH", "MN", "th_home", ...} -> page."""
    home = home_page(title=HOME_TITLE, body=[paragraph("<p>Courses, a forum, spaces.</p>")])
    index = country_index()
    pages = {"home": home, "countries": index}
    pages["th_home"] = translation_of(home, title=THAI_HOME_TITLE)
    pages["th_countries"] = translation_of(index, title="ประเทศ")
    for code, thai in ((Country.THAILAND, "ประเทศไทย"), (Country.MONGOLIA, "มองโกเลีย")):
        pages[code] = CountryPageFactory(country=code)
        pages[f"th_{code}"] = translation_of(pages[code], title=thai, summary=f"{thai}.")
    return pages
