"""Before file numbers become unique in the whole portal (0003): stop, naming them, if two files
share a number (it was unique per office only). Memo numbers issued from such files could repeat;
the administrators must tell which file is which (change a number no letter was issued from, or
close one file and open a new one) before upgrading."""

from django.db import migrations
from django.db.models import Count


def check_file_numbers(apps, schema_editor):
    GovernmentFile = apps.get_model("offices", "GovernmentFile")
    shared = (
        GovernmentFile.objects.values("number").annotate(files=Count("id")).filter(files__gt=1).order_by("number")
    )
    if shared:
        listing = "; ".join(f"{row['number']} ({row['files']} files)" for row in shared)
        raise RuntimeError(f"These file numbers belong to more than one file; make them unique first: {listing}")


class Migration(migrations.Migration):
    dependencies = [("offices", "0001_offices_people_files_roles")]

    operations = [migrations.RunPython(check_file_numbers, migrations.RunPython.noop)]
