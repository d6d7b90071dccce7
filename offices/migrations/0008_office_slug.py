"""An office's web address on the public website (/public/ssd/), unique; empty until it is set."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0007_publish_decision_status"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicaloffice",
            name="slug",
            field=models.CharField(
                blank=True,
                db_index=True,
                help_text="The office's address on the public website, e.g. ssd for /public/ssd/. Published pages are linked by it: change it only if you must (empty: the office's number is used).",
                max_length=50,
                null=True,
                validators=[
                    django.core.validators.RegexValidator(
                        "^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$",
                        "Small English letters, digits and hyphens, with at least one letter, e.g. ssd or dnc-dhaka.",
                    )
                ],
                verbose_name="web address",
            ),
        ),
        migrations.AddField(
            model_name="office",
            name="slug",
            field=models.CharField(
                blank=True,
                help_text="The office's address on the public website, e.g. ssd for /public/ssd/. Published pages are linked by it: change it only if you must (empty: the office's number is used).",
                max_length=50,
                null=True,
                unique=True,
                validators=[
                    django.core.validators.RegexValidator(
                        "^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$",
                        "Small English letters, digits and hyphens, with at least one letter, e.g. ssd or dnc-dhaka.",
                    )
                ],
                verbose_name="web address",
            ),
        ),
    ]
