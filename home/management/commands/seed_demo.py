from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import registry


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
        # Each app registers its own part (core.registry.seeders), in order.
        for seeder in registry.seeders:
            seeder.run(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
