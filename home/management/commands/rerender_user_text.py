"""Render every stored piece of user text again from its Markdown source.

Run it after the sanitiser's list of shapes changes (`core/text.py`): rows stored before
keep the HTML the old list made until then. Idempotent: a row already right is not
written, so a second run re-renders nothing.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from core.text import render_markdown

# Every model that stores user Markdown with the HTML made from it: (model, source, html).
# A later text field joins here; tests/home/test_rerender_user_text.py fails on one that
# stores "html" next to its source and is missing.
RENDERED_FIELDS = (
    ("forum.Post", "body", "body_html"),
    ("forum.PostRevision", "body", "body_html"),
    ("cop.Message", "body", "body_html"),
    ("courses.ReflectionAnswer", "text", "html"),
    ("workshops.Workshop", "description", "description_html"),
    ("workshops.Feedback", "comment", "comment_html"),
    ("activities.Activity", "description", "description_html"),
    ("activities.Update", "body", "body_html"),
    ("activities.Comment", "body", "body_html"),
    ("activities.Report", "summary", "summary_html"),
)


def rerender(model, source, html, *, batch_size=500):
    """Render `html` again from `source` on every row of `model`, a batch at a time.

    Returns (rows seen, rows re-rendered). Each batch is locked while it is rendered, so
    an edit made meanwhile waits and is not overwritten with the HTML of the text it
    replaced. Every row counts, hidden and deleted ones included (the base manager).
    """
    seen = changed = 0
    rows = model._base_manager.order_by("pk").only("pk", source, html)
    last_pk = None
    while True:
        with transaction.atomic():
            batch = rows.select_for_update()
            if last_pk is not None:
                batch = batch.filter(pk__gt=last_pk)
            batch = list(batch[:batch_size])
            stale = []
            for row in batch:
                fresh = render_markdown(getattr(row, source))
                if getattr(row, html) != fresh:
                    setattr(row, html, fresh)
                    stale.append(row)
            model._base_manager.bulk_update(stale, [html])
        if not batch:
            return seen, changed
        seen += len(batch)
        changed += len(stale)
        last_pk = batch[-1].pk


class Command(BaseCommand):
    help = (
        "Render every stored post, revision, message and reflection again from its "
        "Markdown source, in batches. Idempotent: a second run re-renders nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Rows locked and rendered at once."
        )

    def handle(self, *args, batch_size=500, **options):
        total = 0
        for label, source, html in RENDERED_FIELDS:
            seen, changed = rerender(apps.get_model(label), source, html, batch_size=batch_size)
            total += changed
            self.stdout.write(f"{label}: {seen} rows, {changed} re-rendered")
        self.stdout.write(self.style.SUCCESS(f"{total} rows re-rendered."))
