"""Before 0003: stop, naming them, if a memo number was issued twice (the bug 0003's unique
constraint closes); and keep the office a distribution row pointed at as its printed office name,
since 0003 drops the unused link."""

from django.db import migrations
from django.db.models import Count


def check_memo_numbers(apps, schema_editor):
    Meeting = apps.get_model("minutes", "Meeting")
    twice = (
        Meeting.objects.exclude(memo_number="")
        .values("memo_number")
        .annotate(meetings=Count("id"))
        .filter(meetings__gt=1)
        .order_by("memo_number")
    )
    if twice:
        listing = "; ".join(f"{row['memo_number']} ({row['meetings']} minutes)" for row in twice)
        raise RuntimeError(
            "These memo numbers were issued more than once; correct the later minutes (a corrected "
            f"version gets a new number) before upgrading: {listing}"
        )


def keep_member_offices(apps, schema_editor):
    for model_name in ("Recipient", "DistributionGroupMember"):
        model = apps.get_model("minutes", model_name)
        for row in model.objects.filter(office__isnull=False, office_name="").select_related("office"):
            model.objects.filter(pk=row.pk).update(office_name=row.office.name)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0001_meetings_agenda_decisions_distribution"), ("offices", "0001_offices_people_files_roles")]

    operations = [
        migrations.RunPython(check_memo_numbers, migrations.RunPython.noop),
        migrations.RunPython(keep_member_offices, migrations.RunPython.noop),
    ]
