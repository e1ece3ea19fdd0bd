from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

# Each app seeds its own part, in this order; later apps append theirs.
SEEDERS = [
    "accounts.seed.seed_accounts",
    "home.seed.seed_pages",
    "courses.seed.seed_courses",
    "cop.seed.seed_spaces",
    "forum.seed.seed_forum",
    # Last: alias every page that has no translation yet into the other languages.
    "home.seed.sync_translations",
]


class Command(BaseCommand):
    help = (
        "Create the demo content and the demo accounts (docs/design.md). Idempotent: a second "
        "run changes nothing. Refuses to run with DEBUG off unless given --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (the demo accounts have a public password).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like production, and the demo accounts have a "
                "public password. Run with --force if you really mean it."
            )
        for path in SEEDERS:
            import_string(path)(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
