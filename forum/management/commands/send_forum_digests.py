from django.core.management.base import BaseCommand

from forum.tasks import send_due_digests


class Command(BaseCommand):
    help = (
        "Send the forum's digest e-mails that are due: the replies held for followers of "
        "busy topics (see FORUM_EMAIL_DIGEST_MINUTES). Safe to run often and twice at "
        "once; run it from cron, e.g. every 10 minutes: "
        "*/10 * * * * cd /srv/sse && .venv/bin/python manage.py send_forum_digests"
    )

    def handle(self, *args, **options):
        sent = send_due_digests()
        self.stdout.write(f"Sent {sent} digest e-mail(s).")
