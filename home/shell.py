"""What home offers through core.registry: the demo accounts and pages (first) and the
translation aliases of every page (last) in the demo seed."""

from accounts.seed import seed_accounts
from core import registry

from . import seed


def register():
    registry.seeders.register(registry.Seeder(key="accounts", order=0, run=seed_accounts))
    registry.seeders.register(registry.Seeder(key="pages", order=10, run=seed.seed_pages))
    # Last: alias every page that has no translation yet into the other languages.
    registry.seeders.register(
        registry.Seeder(key="translations", order=1000, run=seed.sync_translations)
    )
