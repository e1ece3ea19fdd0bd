"""The Programme officer role (Django group): the regional reviewer of the countries'
quarterly follow-up reports. It carries no Django permission: cop.activities asks
accounts.permissions, which reads group membership."""

from django.db import migrations

PROGRAMME_OFFICER = "Programme officer"


def create_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=PROGRAMME_OFFICER)


def remove_role(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PROGRAMME_OFFICER).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_role_scopes")]

    operations = [migrations.RunPython(create_role, remove_role)]
