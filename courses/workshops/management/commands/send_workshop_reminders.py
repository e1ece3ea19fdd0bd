from django.core.management.base import BaseCommand

from courses.workshops.tasks import reminder_hours, send_due_reminders, send_session_reminders


class Command(BaseCommand):
    help = (
        "E-mail the reminders of workshop sessions that start within "
        "WORKSHOP_REMINDER_HOURS (24) to their confirmed participants, once per session. "
        "Safe to run often and several at once (each session is claimed with SKIP "
        "LOCKED); run it from cron, e.g. every 15 minutes: "
        "*/15 * * * * cd /srv/sse && .venv/bin/python manage.py send_workshop_reminders"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the job to the django-tasks backend (a DB worker) instead of "
            "running it here.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = send_session_reminders.enqueue()
            self.stdout.write(f"Enqueued the workshop reminders ({result.id}).")
            return
        sent = send_due_reminders()
        self.stdout.write(
            f"Sent {sent} workshop reminder e-mail(s) (sessions within {reminder_hours()} h)."
        )
