"""Demo accounts (docs/design.md): all with password demo-pass-2026 and a verified e-mail."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .constants import Constituency, Country, Role
from .services import grant_role, grant_scope

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - public demo password, docs/design.md

DEMO_ACCOUNTS = [
    {
        "email": "learner@example.org",
        "name": "Somchai Wongsakul",
        "country": Country.THAILAND,
        "constituency": Constituency.WORKERS,
        "organization": "Thai Labour Solidarity Network",
        "language": "th",
        "roles": [],
    },
    {
        "email": "learner2@example.org",
        "name": "Nguyễn Thị Lan",
        "country": Country.VIET_NAM,
        "constituency": Constituency.GOVERNMENT,
        "organization": "Ministry of Labour, Invalids and Social Affairs",
        "language": "vi",
        "roles": [],
    },
    {
        "email": "trainer@example.org",
        "name": "Maria Santos",
        "country": Country.PHILIPPINES,
        "constituency": Constituency.INTERNATIONAL,
        "organization": "ILO",
        "language": "en",
        "roles": [Role.TRAINER],
    },
    {
        "email": "moderator@example.org",
        "name": "Bat-Erdene Dorj",
        "country": Country.MONGOLIA,
        "constituency": Constituency.SSE,
        "organization": "Mongolian Cooperative Alliance",
        "language": "mn",
        "roles": [Role.MODERATOR],
    },
    {
        "email": "focal.kh@example.org",
        "name": "Sokha Chan",
        "country": Country.CAMBODIA,
        "constituency": Constituency.GOVERNMENT,
        "organization": "Ministry of Labour and Vocational Training",
        "language": "km",
        "roles": [Role.FOCAL_POINT],
        "scopes": [(Role.FOCAL_POINT, Country.CAMBODIA)],
    },
    {
        "email": "focal.th@example.org",
        "name": "Pimchanok Srisuk",
        "country": Country.THAILAND,
        "constituency": Constituency.GOVERNMENT,
        "organization": "Ministry of Labour",
        "language": "th",
        "roles": [Role.FOCAL_POINT],
        "scopes": [(Role.FOCAL_POINT, Country.THAILAND)],
    },
    {
        "email": "researcher.kh@example.org",
        "name": "Dara Pich",
        "country": Country.CAMBODIA,
        "constituency": Constituency.RESEARCH,
        "organization": "Royal University of Phnom Penh",
        "language": "km",
        "roles": [Role.NATIONAL_RESEARCHER],
        "scopes": [(Role.NATIONAL_RESEARCHER, Country.CAMBODIA)],
    },
    {
        "email": "officer@example.org",
        "name": "Ayesha Rahman",
        "country": Country.OTHER,
        "constituency": Constituency.INTERNATIONAL,
        "organization": "ILO Regional Office for Asia and the Pacific",
        "language": "en",
        "roles": [Role.PROGRAMME_OFFICER],
    },
    {
        "email": "admin@example.org",
        "name": "Site Administrator",
        "country": Country.OTHER,
        "constituency": Constituency.INTERNATIONAL,
        "organization": "ILO",
        "language": "en",
        "roles": [Role.SITE_ADMIN],
        "is_staff": True,
        "is_superuser": True,
    },
]


def seed_accounts(stdout=None):
    """Create the demo accounts that do not exist yet; leave existing ones untouched."""
    User = get_user_model()
    created = 0
    for spec in DEMO_ACCOUNTS:
        spec = dict(spec)
        roles = spec.pop("roles")
        scopes = spec.pop("scopes", [])
        email = spec.pop("email")
        user, is_new = User.objects.get_or_create(email=email, defaults=spec)
        if is_new:
            user.time_zone = user.default_time_zone
            user.set_password(DEMO_PASSWORD)
            user.save()
            created += 1
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        for role in [Role.LEARNER, *roles]:
            grant_role(user, role)
        for role, country in scopes:
            grant_scope(user, role, country)
    if stdout:
        stdout.write(f"Demo accounts: {created} created, {len(DEMO_ACCOUNTS) - created} kept.")
