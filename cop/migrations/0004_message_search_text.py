"""Messages get `search_text`, their body folded and cut into words (core.wordsplit), what
the archive's search reads; existing messages are filled here."""

from django.db import migrations, models

from core.wordsplit import search_text

BATCH = 1000


def fill_search_text(apps, schema_editor):
    Message = apps.get_model("cop", "Message")
    batch = []
    for message in Message.objects.only("id", "body").iterator(chunk_size=BATCH):
        message.search_text = search_text(message.body)
        batch.append(message)
        if len(batch) == BATCH:
            Message.objects.bulk_update(batch, ["search_text"])
            batch = []
    Message.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [
        ("cop", "0003_message_seq"),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=True),
    ]
