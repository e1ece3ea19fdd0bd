"""Number every space's messages 1, 2, 3, ... in id order (docs/design.md: `seq`)."""

from django.db import migrations, models


def number_messages(apps, schema_editor):
    Space = apps.get_model("cop", "Space")
    Message = apps.get_model("cop", "Message")
    for space in Space.objects.all():
        seq = 0
        for message_id in Message.objects.filter(space=space).order_by("id").values_list(
            "id", flat=True
        ):
            seq += 1
            Message.objects.filter(pk=message_id).update(seq=seq)
        Space.objects.filter(pk=space.pk).update(last_seq=seq)


class Migration(migrations.Migration):
    dependencies = [("cop", "0002_spaceevent")]

    operations = [
        migrations.AddField(
            model_name="space",
            name="last_seq",
            field=models.PositiveBigIntegerField(
                default=0, editable=False, help_text="The seq of the space's latest message."
            ),
        ),
        migrations.AddField(
            model_name="message",
            name="seq",
            field=models.PositiveBigIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(number_messages, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="message",
            name="seq",
            field=models.PositiveBigIntegerField(editable=False),
        ),
        migrations.AddConstraint(
            model_name="message",
            constraint=models.UniqueConstraint(fields=("space", "seq"), name="one_message_per_seq"),
        ),
    ]
