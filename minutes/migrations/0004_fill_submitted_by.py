"""Who submitted minutes already past the submit step: the last "submitted" step's user."""

from django.db import migrations


def fill_submitted_by(apps, schema_editor):
    Meeting = apps.get_model("minutes", "Meeting")
    Transition = apps.get_model("minutes", "Transition")
    for meeting in Meeting.objects.filter(submitted_by__isnull=True).exclude(state__in=["draft"]):
        step = Transition.objects.filter(meeting=meeting, to_state="submitted").order_by("-at", "-id").first()
        if step:
            Meeting.objects.filter(pk=meeting.pk).update(submitted_by=step.by_id)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0003_submitted_by_limits_memo_number_unique")]

    operations = [migrations.RunPython(fill_submitted_by, migrations.RunPython.noop)]
