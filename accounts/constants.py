"""Reference lists the whole platform shares: programme countries, constituencies, roles.

Other apps import these; this module imports nothing of ours.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    """The twelve programme countries by ISO 3166 alpha-2 code, and 'other'."""

    CAMBODIA = "KH", _("Cambodia")
    KYRGYZSTAN = "KG", _("Kyrgyzstan")
    LAO_PDR = "LA", _("Lao PDR")
    MONGOLIA = "MN", _("Mongolia")
    THAILAND = "TH", _("Thailand")
    VIET_NAM = "VN", _("Viet Nam")
    CHINA = "CN", _("China")
    INDONESIA = "ID", _("Indonesia")
    JAPAN = "JP", _("Japan")
    MALAYSIA = "MY", _("Malaysia")
    PHILIPPINES = "PH", _("Philippines")
    KOREA = "KR", _("Republic of Korea")
    OTHER = "ZZ", _("Other country")


# Programme countries only (no 'other'), in the order of the programme's two phases.
PROGRAMME_COUNTRIES = [c for c in Country if c != Country.OTHER]
# The choices of a field that names a programme country (a national space, category, scope).
PROGRAMME_COUNTRY_CHOICES = [(c.value, c.label) for c in PROGRAMME_COUNTRIES]
PHASE_1 = {"CN", "ID", "JP", "MY", "PH", "KR"}
PHASE_2 = {"KH", "KG", "LA", "MN", "TH", "VN"}

# One slug per country names its page, its community space and its forum category.
COUNTRY_SLUGS = {
    "KH": "cambodia",
    "KG": "kyrgyzstan",
    "LA": "lao-pdr",
    "MN": "mongolia",
    "TH": "thailand",
    "VN": "viet-nam",
    "CN": "china",
    "ID": "indonesia",
    "JP": "japan",
    "MY": "malaysia",
    "PH": "philippines",
    "KR": "korea",
}
SLUG_COUNTRIES = {slug: code for code, slug in COUNTRY_SLUGS.items()}
REGIONAL_SLUG = "regional"

# The main time zone of each country, used when a person leaves theirs blank.
COUNTRY_TIME_ZONES = {
    "KH": "Asia/Phnom_Penh",
    "KG": "Asia/Bishkek",
    "LA": "Asia/Vientiane",
    "MN": "Asia/Ulaanbaatar",
    "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh",
    "CN": "Asia/Shanghai",
    "ID": "Asia/Jakarta",
    "JP": "Asia/Tokyo",
    "MY": "Asia/Kuala_Lumpur",
    "PH": "Asia/Manila",
    "KR": "Asia/Seoul",
}


# The languages each country reads, its own first (an interface language: settings.LANGUAGES);
# Russian is an official language of Kyrgyzstan, beside Kyrgyz.
COUNTRY_LANGUAGES = {
    "KH": ["km"],
    "KG": ["ky", "ru"],
    "LA": ["lo"],
    "MN": ["mn"],
    "TH": ["th"],
    "VN": ["vi"],
    "CN": ["zh-hans"],
    "ID": ["id"],
    "JP": ["ja"],
    "MY": ["ms"],
    "PH": ["fil"],
    "KR": ["ko"],
}


class Constituency(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    WORKERS = "workers", _("Workers' organization")
    EMPLOYERS = "employers", _("Employers' organization")
    SSE = "sse", _("Cooperative or SSE organization")
    RESEARCH = "research", _("Research or academia")
    INTERNATIONAL = "international", _("International organization")
    OTHER = "other", _("Other")


class Gender(models.TextChoices):
    """Optional; reports disaggregate by it. Blank means the question was not answered."""

    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    ANOTHER = "another", _("Another gender")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


# Languages a person may prefer, named in their own script. The interface itself is
# available in settings.LANGUAGES; content and workshops may be offered in any of these.
PREFERRED_LANGUAGES = [
    ("en", "English"),
    ("km", "ខ្មែរ (Khmer)"),
    ("ky", "Кыргызча (Kyrgyz)"),
    ("lo", "ລາວ (Lao)"),
    ("mn", "Монгол (Mongolian)"),
    ("th", "ไทย (Thai)"),
    ("vi", "Tiếng Việt (Vietnamese)"),
    ("zh-hans", "中文 (Chinese)"),
    ("id", "Bahasa Indonesia (Indonesian)"),
    ("ja", "日本語 (Japanese)"),
    ("ms", "Bahasa Melayu (Malay)"),
    ("fil", "Filipino"),
    ("ko", "한국어 (Korean)"),
    ("ru", "Русский (Russian)"),
]


class Role:
    """Names of the Django groups that carry the platform's roles (see docs/design.md)."""

    LEARNER = "Learner"
    TRAINER = "Trainer"
    MODERATOR = "Moderator"
    FOCAL_POINT = "National focal point"
    CONTENT_EDITOR = "Content editor"
    SITE_ADMIN = "Site administrator"
    # The programme's regional staff: validates (or returns) the countries' quarterly
    # follow-up reports and keeps the regional activities.
    PROGRAMME_OFFICER = "Programme officer"
    # Maps the SSE of a country (granted for that country, like a focal point): records
    # the organizations a mapping study finds and assesses them with the analytical tool.
    NATIONAL_RESEARCHER = "National researcher"

    ALL = (
        LEARNER,
        TRAINER,
        MODERATOR,
        FOCAL_POINT,
        CONTENT_EDITOR,
        SITE_ADMIN,
        PROGRAMME_OFFICER,
        NATIONAL_RESEARCHER,
    )
