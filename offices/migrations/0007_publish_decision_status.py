"""Offices may show their decisions' follow-up status on the public website (off by default)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0007_holidays"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicaloffice",
            name="publish_decision_status",
            field=models.BooleanField(
                default=False,
                help_text="Under each published minutes, each decision with where it stands (pending, done …).",
                verbose_name="show the follow-up status of decisions on the website",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="publish_decision_status",
            field=models.BooleanField(
                default=False,
                help_text="Under each published minutes, each decision with where it stands (pending, done …).",
                verbose_name="show the follow-up status of decisions on the website",
            ),
        ),
    ]
