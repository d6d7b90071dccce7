"""Give existing offices a web address from their short name (SSD -> ssd), where it is free: a
short name that is empty, clashes with another office's or with the website's own words leaves
the office at its number (/public/12/) until its administrator chooses one."""

import re

from django.db import migrations

RESERVED = {"minutes", "search", "feeds", "feed", "api", "ideas", "offices", "language", "static"}
SLUG = re.compile(r"^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$")


def fill(apps, schema_editor):
    Office = apps.get_model("offices", "Office")
    taken = set(Office.objects.exclude(slug=None).values_list("slug", flat=True))
    wanted = {}
    for pk, short_name in Office.objects.filter(slug=None).values_list("pk", "short_name"):
        slug = re.sub(r"[^a-z0-9]+", "-", short_name.strip().lower()).strip("-")
        if SLUG.match(slug) and slug not in RESERVED and slug not in taken:
            wanted.setdefault(slug, []).append(pk)
    for slug, pks in wanted.items():
        if len(pks) == 1:  # two offices with one short name: neither gets it
            Office.objects.filter(pk=pks[0]).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("offices", "0008_office_slug")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
